"""Preview and import off the UI thread; results come back as queued Qt signals."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from app.io.apply import Cancelled, run_import
from app.io.errors import FileUnreadable, UnmappedColumns
from app.store import Store
from ui.worker import ThreadWorker


class ImportWorker(ThreadWorker):
    progress = Signal(int)  # records done
    finished = Signal(object)  # ImportReport
    unmapped = Signal(object)  # UnmappedColumns: the dialog asks the rep to map them
    failed = Signal(str)  # a message for the rep (nothing was written)
    cancelled = Signal()

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store

    def start(self, paths: Sequence[str], *, dry_run: bool, mapping: dict[str, str] | None,
              tags: Sequence[str] = ()) -> None:
        self._launch("satchel-import", self._run, list(paths), dry_run, mapping, list(tags))

    def _run(self, paths: list[str], dry_run: bool, mapping: dict[str, str] | None,
             tags: list[str]) -> None:
        try:
            report = run_import(self.store, paths, dry_run=dry_run, mapping=mapping,
                                cancel=self._cancel.is_set, progress=self.progress.emit,
                                tags=tags)
        except UnmappedColumns as exc:
            self.unmapped.emit(exc)
        except FileUnreadable as exc:
            # the detail comes from app.io in English: lead with a translated sentence
            self.failed.emit(self.tr("The file could not be imported; nothing was changed.")
                             + "\n\n" + str(exc))
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - the transaction rolled back; say so, no traceback
            self.failed.emit(self.tr("The import stopped because of an unexpected error ({0}). "
                                     "Nothing was changed.").format(exc))
        else:
            self.finished.emit(report)
            if not dry_run:  # the commit left this for after the report (Store.write)
                self.store.checkpoint()
