"""Export off the UI thread; results come back as queued Qt signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.io.export import ExportCancelled, Selection, export
from app.store import Store
from ui.worker import ThreadWorker


class ExportWorker(ThreadWorker):
    progress = Signal(int)  # contacts written
    finished = Signal(int)  # records in the file
    failed = Signal(str)  # a message for the rep (no file was written)
    cancelled = Signal()

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store

    def start(self, fmt: str, path: str, selection: Selection | None = None) -> None:
        self._launch("satchel-export", self._run, fmt, path, selection)

    def _run(self, fmt: str, path: str, selection: Selection | None) -> None:
        try:
            n = export(self.store, fmt, path, selection=selection, cancel=self._cancel.is_set,
                       progress=self.progress.emit)
        except ExportCancelled:
            self.cancelled.emit()
        except OSError as exc:
            self.failed.emit(self.tr(
                "{0} could not be written ({1}). Nothing was exported: choose another folder "
                "or file name.").format(path, exc.strerror or exc))
        except Exception as exc:  # noqa: BLE001 - the temporary file is gone; say so, no traceback
            self.failed.emit(self.tr("The export stopped because of an unexpected error ({0}). "
                                     "No file was written.").format(exc))
        else:
            self.finished.emit(n)
