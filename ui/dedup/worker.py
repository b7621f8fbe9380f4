"""Find duplicate candidates off the UI thread; results come back as queued Qt signals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.dedup import merge as merging
from app.store import Store
from ui.worker import ThreadWorker


class Cancelled(Exception):
    pass


@dataclass(frozen=True)
class Pair:
    """One suggestion of the queue: a candidate pair with the two names to show."""

    kind: str
    a: str
    b: str
    score: float
    decision: str
    reasons: tuple[str, ...]
    a_name: str
    b_name: str


def find_pairs(store: Store, progress: Callable[..., Any] | None = None,
               cancel: Callable[[], bool] | None = None,
               finder: Callable[..., list] | None = None) -> list[Pair]:
    """Candidate pairs of the matcher (`finder`: app.dedup.candidates.find_candidates), less
    any the rep said are not the same, with the two names."""
    if finder is None:
        from app.dedup.candidates import find_candidates as finder  # loaded when first used

    with store.read() as session:
        found = list(finder(session, store.region, progress=progress, cancel=cancel))
        if cancel is not None and cancel():
            raise Cancelled
        refused = {k: merging.not_the_same_pairs(session, k) for k in merging.KINDS}
        found = [c for c in found
                 if (min(c.a, c.b), max(c.a, c.b)) not in refused.get(c.kind, set())]
        named = {k: merging.names(session, k, [i for c in found if c.kind == k
                                               for i in (c.a, c.b)]) for k in merging.KINDS}
    return [Pair(c.kind, c.a, c.b, float(c.score), c.decision, tuple(c.reasons),
                 named[c.kind].get(c.a, ""), named[c.kind].get(c.b, "")) for c in found]


def _find(store: Store, progress: Callable[..., Any], cancel: Callable[[], bool]) -> list:
    return find_pairs(store, progress, cancel)


def given_pairs(found: list[tuple[str, str, float, tuple[str, ...]]]) -> Callable[..., list]:
    """A `find` for these company pairs (an import's new companies and the ones they look
    like), named as they are now; a pair one of whose companies is gone (merged since) is
    left out."""
    def find(store: Store, _progress: Callable[..., Any] | None = None,
             _cancel: Callable[[], bool] | None = None) -> list[Pair]:
        with store.read() as session:
            named = merging.names(session, "company", [i for a, b, *_ in found for i in (a, b)])
        return [Pair("company", a, b, score, "maybe", reasons, named[a], named[b])
                for a, b, score, reasons in found if a in named and b in named]
    return find


class CandidateWorker(ThreadWorker):
    progress = Signal(int, int)  # done, total (total 0: unknown)
    finished = Signal(object)  # list[Pair]
    failed = Signal(str)  # a message for the rep (nothing was changed)
    cancelled = Signal()

    def __init__(self, store: Store, parent: QObject | None = None,
                 find: Callable[..., list] = _find) -> None:
        super().__init__(parent)
        self.store = store
        self.find = find

    def start(self) -> None:
        self._launch("satchel-dedup", self._run)

    def _progress(self, *args: Any) -> None:
        """Accepts progress(done, total), progress(fraction) or progress(done)."""
        if self._cancel.is_set():
            raise Cancelled
        if len(args) >= 2:
            self.progress.emit(int(args[0]), int(args[1]))
        elif args and isinstance(args[0], float) and args[0] <= 1.0:
            self.progress.emit(int(args[0] * 1000), 1000)
        elif args:
            self.progress.emit(int(args[0]), 0)

    def _run(self) -> None:
        try:
            found = self.find(self.store, self._progress, self._cancel.is_set)
        except Cancelled:
            self.cancelled.emit()
        except ImportError:
            self.failed.emit(self.tr("the duplicate finder is not part of this build of "
                                     "Satchel"))
        except Exception as exc:  # noqa: BLE001 - a read only: say so, no traceback
            if self._cancel.is_set():
                self.cancelled.emit()
            else:
                self.failed.emit(str(exc) or exc.__class__.__name__)
        else:
            if self._cancel.is_set():
                self.cancelled.emit()
            else:
                self.finished.emit(found)
