"""Preview and import off the UI thread; results come back as queued Qt signals."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from app.io.apply import Cancelled, run_import
from app.io.errors import FileUnreadable, UnmappedColumns
from app.store import Store
from ui.importing.messages import translated
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
                                tags=tags, undoable=True)  # the report's Undo
        except UnmappedColumns as exc:
            self.unmapped.emit(exc)
        except FileUnreadable as exc:
            self.failed.emit(self._cannot_start(paths, exc.messages))
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - the transaction rolled back; say so, no traceback
            self.failed.emit(self.tr("The import stopped because of an unexpected error ({0}). "
                                     "Nothing was changed.").format(exc))
        else:
            self.finished.emit(report)
            if not dry_run:  # the commit left this for after the report (Store.write)
                self.store.checkpoint()

    def _cannot_start(self, paths: list[str], messages: list[str]) -> str:
        """Why the import cannot start (every file is opened before anything is written): one
        line per file that cannot be read, and that the good ones wait for it."""
        n = len(messages)
        lead = self.tr("The file could not be imported; nothing was changed.") if n == 1 else \
            self.tr("{0} files could not be imported; nothing was changed.").format(n)
        if len(paths) > n:  # (a folder or an archive counts once: a hint, not a tally)
            lead += " " + (self.tr("The other files were not imported either: import them "
                                   "again without this one, or once it is mended.") if n == 1
                           else self.tr("The other files were not imported either: import "
                                        "them again without these, or once they are mended."))
        return lead + "\n\n" + "\n".join(translated(m) for m in messages)
