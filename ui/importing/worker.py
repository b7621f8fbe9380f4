"""Preview and import off the UI thread; results come back as queued Qt signals.

The preview is the import itself, held open before its commit until the rep answers (the
database is unchanged for everyone else meanwhile): Import then only commits. Should another
write of the app want the database meanwhile (a sync, an edit in the window), the held import
rolls back and gives way, and Import runs it again.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from app.io.apply import Cancelled, ImportReport, run_import
from app.io.errors import FileUnreadable, UnmappedColumns
from app.store import Store, StoreBusy
from ui.importing.messages import translated
from ui.worker import ThreadWorker


class ImportWorker(ThreadWorker):
    progress = Signal(int)  # records done
    expected = Signal(int)  # records the files seem to hold (0: not known), before the first
    previewed = Signal(object)  # ImportReport: imported, held open until `commit` or `cancel`
    released = Signal()  # the held import gave way to another write: nothing was written
    finished = Signal(object)  # ImportReport, committed
    unmapped = Signal(object)  # UnmappedColumns: the dialog asks the rep to map them
    failed = Signal(str)  # a message for the rep (nothing was written)
    cancelled = Signal()

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._go = threading.Event()
        self._quiet = False  # `drop`ped: its end is nobody's news
        self._gave_way = False
        self.held: ImportReport | None = None  # the report of the import waiting for its answer
        self.previewed_last: ImportReport | None = None  # the current run's preview, if any

    def start(self, paths: Sequence[str], *, preview: bool, mapping: dict[str, str] | None,
              tags: Sequence[str] = ()) -> None:
        """`preview`: hold the import open (`previewed`) until `commit`; else commit at once."""
        self._go = threading.Event()
        self._quiet = self._gave_way = False
        self.previewed_last = None
        self._launch("satchel-import", self._run, list(paths), preview, mapping, list(tags))

    def commit(self) -> None:
        self._go.set()

    def drop(self) -> None:
        """Roll a held (or running) preview back without a signal, and wait for it: a new
        preview replaces it."""
        self._quiet = True
        self.cancel()
        self.wait()

    def _hold(self, report: ImportReport) -> bool:
        """In the import's thread, its transaction open: wait for the rep's answer."""
        # (a `previewed` of a dropped import, still queued, is not this run's; this one may
        # have given way already when the window takes it)
        self.held = self.previewed_last = report
        self.previewed.emit(report)
        try:
            while not self._go.wait(0.05):
                if self.cancel_requested:
                    return False
                if self.store.write_wanted():  # (a sync, an edit: they would wait for the rep)
                    self._gave_way = True
                    return False
            return True
        finally:
            self.held = None

    def _run(self, paths: list[str], preview: bool, mapping: dict[str, str] | None,
             tags: list[str]) -> None:
        try:
            report = run_import(self.store, paths, mapping=mapping, cancel=self._cancel.is_set,
                                progress=self.progress.emit, tags=tags, undoable=True,
                                confirm=self._hold if preview else None,
                                expect=self.expected.emit)
        except UnmappedColumns as exc:
            self.unmapped.emit(exc)
        except FileUnreadable as exc:
            self.failed.emit(self._cannot_start(paths, exc.messages))
        except StoreBusy:
            self.failed.emit(self.tr(
                "The database is busy: another program (the command line, or a second "
                "Satchel) has been writing to it for a while. Nothing was changed. Import "
                "again once it is done."))
        except Cancelled:
            if self._quiet:
                pass
            elif self._gave_way:
                self.released.emit()
            else:
                self.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - the transaction rolled back; say so, no traceback
            self.failed.emit(self.tr("The import stopped because of an unexpected error ({0}). "
                                     "Nothing was changed.").format(exc))
        else:
            self.finished.emit(report)
            self.store.checkpoint()  # the commit left this for after the report (Store.write)

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
