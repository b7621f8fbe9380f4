"""Preview and import off the UI thread; results come back as queued Qt signals."""

from __future__ import annotations

import threading
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from app.io.apply import Cancelled, run_import
from app.io.errors import FileUnreadable, UnmappedColumns
from app.store import Store


class ImportWorker(QObject):
    progress = Signal(int)  # records done
    finished = Signal(object)  # ImportReport
    unmapped = Signal(object)  # UnmappedColumns: the dialog asks the rep to map them
    failed = Signal(str)  # a message for the rep (nothing was written)
    cancelled = Signal()

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, paths: Sequence[str], *, dry_run: bool, mapping: dict[str, str] | None) -> None:
        self._cancel = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(list(paths), dry_run, mapping),
                                        name="satchel-import", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, timeout: float = 30.0) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self, paths: list[str], dry_run: bool, mapping: dict[str, str] | None) -> None:
        try:
            report = run_import(self.store, paths, dry_run=dry_run, mapping=mapping,
                                cancel=self._cancel.is_set, progress=self.progress.emit)
        except UnmappedColumns as exc:
            self.unmapped.emit(exc)
        except FileUnreadable as exc:
            self.failed.emit(str(exc))
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - the transaction rolled back; say so, no traceback
            self.failed.emit(f"The import stopped because of an unexpected error ({exc}). "
                             "Nothing was changed.")
        else:
            self.finished.emit(report)
