"""Pure-Python work over a long list on both cores: the second half in a forked process.

Fork, because the work needs this process's state as it is (loaded modules, caches, the
records) and only results travel back. The child runs plain Python on values it was handed: no
SQLite connection, no Qt. Where fork is not available (Windows; macOS's frameworks dislike
it), or the list is short, or the fork fails, everything is worked out here, with the same
result.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing as mp
import signal
import sys
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
MIN_ITEMS = 4000  # below this, starting a process costs more than it saves


def forking() -> bool:
    return sys.platform.startswith("linux") and "fork" in mp.get_all_start_methods()


def start(target: Callable[..., None], args: tuple, name: str, pipe_bytes: int = 0
          ) -> tuple[BaseProcess, Connection] | None:
    """Fork a process running target(*args, out) and return it with the pipe it sends on
    (None when no fork is possible: no memory or processes left). `pipe_bytes`: a bigger pipe,
    so the child can write ahead of the reader."""
    ctx = mp.get_context("fork")
    pipe, out = ctx.Pipe(duplex=False)
    if pipe_bytes:
        with contextlib.suppress(OSError, AttributeError):
            import fcntl  # (Linux only, as forking here)

            fcntl.fcntl(out.fileno(), fcntl.F_SETPIPE_SZ, pipe_bytes)
    sys.stdout.flush()  # the child would write out what is buffered a second time
    sys.stderr.flush()
    proc = ctx.Process(target=_begin, args=(pipe, target, *args, out), name=name, daemon=True)
    try:
        proc.start()
    except OSError:
        pipe.close()
        return None
    finally:
        out.close()  # the child's end: its exit then ends our recv with EOFError
    return proc, pipe


def stop(proc: BaseProcess, pipe: Connection) -> None:
    if proc.is_alive():
        proc.kill()
    proc.join()
    pipe.close()


def _begin(reader: Connection, target: Callable[..., None], *args) -> None:
    # the parent's end of the pipe, copied by the fork: were it left open here, a child
    # writing to a full pipe would wait for ever once the parent died (it would read itself)
    reader.close()
    gc.freeze()  # the parent's objects: never collected here, and their pages stay shared
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a terminal's Ctrl+C is the parent's to handle
    with contextlib.suppress(OSError):  # the parent is gone (a broken pipe): nobody to tell
        target(*args)


def map_halves(fn: Callable[[T], R], items: Sequence[T], min_items: int = MIN_ITEMS
               ) -> list[R]:
    """[fn(x) for x in items], in order; the second half in a forked process when it pays."""
    half = len(items) // 2
    started = start(_halve, (fn, items[half:]), "satchel-worker") \
        if len(items) >= min_items and forking() else None
    if started is None:
        return [fn(x) for x in items]
    proc, pipe = started
    try:
        first = [fn(x) for x in items[:half]]
        second: Any = None
        with contextlib.suppress(EOFError, OSError):
            second = pipe.recv()
    finally:
        stop(proc, pipe)
    if not isinstance(second, list):  # the child failed: its half is worked out here
        second = [fn(x) for x in items[half:]]
    return first + second


def _halve(fn: Callable, items: Sequence, out: Connection) -> None:
    try:
        result: Any = [fn(x) for x in items]
    except Exception:  # noqa: BLE001 - the parent works it out again and sees the error itself
        result = None
    out.send(result)
    out.close()
