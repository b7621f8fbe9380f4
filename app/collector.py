"""Python's cycle collector, kept out of a bulk operation while it runs.

An import makes a million small objects that live until it ends, beside the matcher's index
(hundreds of MB that outlive it); each pass of the collector walks them all again: ~0.8 s of a
10,000-record import (measured with gc.callbacks). Reference counting still frees everything
the import drops at once; the few cycles it leaves (~25,000 objects, the lookups' undo closures
among them) wait for the collector's next full pass. At the end, what was made inside joins the
oldest generation, as if it had survived the passes: else the first young pass after the import
walks all of it (~0.2 s).
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_depth = 0  # callers inside `paused` (an import and a preview may overlap in the window)
_was_enabled = False


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No automatic collection until the last caller inside leaves; then as before."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.freeze()  # then unfreeze: every object into the oldest generation
                gc.unfreeze()
                gc.enable()


@contextlib.contextmanager
def resumed() -> Iterator[None]:
    """Automatic collection again for a while inside `paused` (an import held open for the
    rep's answer, as long as the rep reads: the app goes on meanwhile)."""
    with _lock:
        paused_here = _depth > 0 and _was_enabled and not gc.isenabled()
        if paused_here:
            gc.freeze()  # (as at the end of `paused`: what the import made is old already)
            gc.unfreeze()
            gc.enable()
    try:
        yield
    finally:
        with _lock:
            if paused_here and _depth > 0:
                gc.disable()
