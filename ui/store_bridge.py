"""The one refresh hook: store writes (from any thread) → a signal on the UI thread.

`store.subscribe` callbacks run in the writing thread. We only emit a signal there; the queued
connection delivers it on the UI thread, where bursts of writes are coalesced into one
`changed(entities)` emission (at most one every MIN_INTERVAL_MS during a stream of writes).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from app.store import Store

MIN_INTERVAL_MS = 400


class StoreBridge(QObject):
    changed = Signal(set)  # entity names touched since the last emission
    _written = Signal(set)  # emitted from the writer's thread

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._pending: set[str] = set()
        self._last = 0.0
        self._interval_ms = MIN_INTERVAL_MS
        self._flush = QTimer(self, singleShot=True, interval=0)
        self._flush.timeout.connect(self._emit)
        self._written.connect(self._collect, Qt.ConnectionType.QueuedConnection)
        store.subscribe(self._on_write)

    def close(self) -> None:
        self.store.unsubscribe(self._on_write)

    def _on_write(self, entities: set[str]) -> None:  # any thread
        try:
            self._written.emit(set(entities))
        except RuntimeError:  # the window is gone: stop listening
            self.store.unsubscribe(self._on_write)

    def _collect(self, entities: set[str]) -> None:  # UI thread
        self._pending |= entities
        if not self._flush.isActive():
            # a single write refreshes at once; a stream of writes (an import running in a
            # worker) refreshes at most every MIN_INTERVAL_MS so the window stays responsive
            since = (time.monotonic() - self._last) * 1000
            self._flush.start(int(max(0.0, self._interval_ms - since)))

    def _emit(self) -> None:
        pending, self._pending = self._pending, set()
        if pending:
            start = time.monotonic()
            self.changed.emit(pending)  # the views refresh synchronously here
            self._last = time.monotonic()
            # slow refreshes (a 100,000-row list) get proportionally more room in between
            self._interval_ms = max(MIN_INTERVAL_MS, 4000 * (self._last - start))
