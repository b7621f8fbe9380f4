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
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
MIN_ITEMS = 4000  # below this, starting a process costs more than it saves


def forking() -> bool:
    return sys.platform.startswith("linux") and "fork" in mp.get_all_start_methods()


def map_halves(fn: Callable[[T], R], items: Sequence[T], min_items: int = MIN_ITEMS
               ) -> list[R]:
    """[fn(x) for x in items], in order; the second half in a forked process when it pays."""
    if len(items) < min_items or not forking():
        return [fn(x) for x in items]
    half = len(items) // 2
    ctx = mp.get_context("fork")
    pipe, out = ctx.Pipe(duplex=False)
    sys.stdout.flush()  # the child would write out what is buffered a second time
    sys.stderr.flush()
    proc = ctx.Process(target=_child, args=(fn, items[half:], out), daemon=True,
                       name="satchel-worker")
    try:
        proc.start()
    except OSError:  # no memory or processes left for a fork
        pipe.close()
        return [fn(x) for x in items]
    finally:
        out.close()
    try:
        first = [fn(x) for x in items[:half]]
        second: Any = None
        with contextlib.suppress(EOFError, OSError):
            second = pipe.recv()
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        pipe.close()
    if not isinstance(second, list):  # the child failed: its half is worked out here
        second = [fn(x) for x in items[half:]]
    return first + second


def _child(fn: Callable, items: Sequence, out) -> None:
    gc.freeze()  # the parent's objects: never collected here, and their pages stay shared
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a terminal's Ctrl+C is the parent's
    try:
        result: Any = [fn(x) for x in items]
    except Exception:  # noqa: BLE001 - the parent works it out again and sees the error itself
        result = None
    out.send(result)
    out.close()
