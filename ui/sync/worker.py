"""Sync off the UI thread: one sync at a time in a Python thread; results come back as Qt
signals (queued to the UI thread, so slots may touch widgets). Cancel stops at the next request.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from app.store import Store
from sync import settings
from sync.client import (
    SyncAuthError,
    SyncCancelled,
    SyncError,
    SyncOffline,
    SyncProtocolError,
    SyncReport,
)
from ui.worker import ThreadWorker


def error_kind(exc: BaseException) -> str:
    """offline | auth | update | cancelled | error (the status widget words each one)."""
    if isinstance(exc, SyncOffline):
        return "offline"
    if isinstance(exc, SyncAuthError):
        return "auth"
    if isinstance(exc, SyncProtocolError):
        return "update"
    if isinstance(exc, SyncCancelled):
        return "cancelled"
    return "error"


class SyncRunner(ThreadWorker):
    started = Signal()
    progress = Signal(str, int)  # phase (push|pull), changes so far
    finished = Signal(object)  # SyncReport
    failed = Signal(str, str)  # kind, message for the user

    def __init__(self, store: Store, parent: QObject | None = None, **client_options: Any
                 ) -> None:
        super().__init__(parent)
        self.store = store
        self.client_options = client_options

    def start(self) -> bool:
        """Begin a sync in the background; False when one is already running."""
        if self.running:
            return False
        self._launch("satchel-sync", self._run)
        self.started.emit()  # its slots run before any result: those are queued to this thread
        return True

    def _run(self) -> None:  # worker thread: only emits signals
        try:
            report: SyncReport = settings.sync_now(
                self.store, cancel=self._cancel,
                progress=lambda phase, n: self.progress.emit(phase, n), **self.client_options)
        except SyncError as exc:
            self.failed.emit(error_kind(exc), str(exc))
        except Exception as exc:  # a bug: say so without a traceback, nothing local is lost
            self.failed.emit("error", self.tr(
                "Sync failed unexpectedly ({0}: {1}). Your data is safe; try again.").format(
                exc.__class__.__name__, exc))
        else:
            self.finished.emit(report)
