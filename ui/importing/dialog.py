"""The import dialog: map columns (unknown CSV/Excel headers) → preview (what will be new,
updated, unchanged, skipped and why; a tag for everyone in it, the preview re-read with it)
→ Import → report (per-record outcome). The preview is the import itself, held open before
its commit (`ui.importing.worker`): nothing is written for anyone else until Import, which
then only commits it (and fetches the cards' web photos); should it have given way to another
write meanwhile, Import runs it again, with a progress bar and Cancel."""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import normalize
from app.io import columns
from app.io.apply import ImportReport, RecordAbout
from app.io.errors import UnmappedColumns
from app.services import contacts
from app.store import Store
from ui.importing import undo
from ui.importing.messages import translated
from ui.importing.worker import ImportWorker
from ui.lazy_model import Column
from ui.rows_model import RowsTableModel
from ui.views.base import tidy_table

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
FIND_FROM = 15  # a report of more rows than this offers its find field


class _ElideMiddle(QStyledItemDelegate):
    """Text cut in its middle: a long company name keeps its "(new)"."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


@dataclass(frozen=True)
class _Outcome:
    """One record's line in the report (its texts in the user's language)."""

    file: str
    record: str
    outcome: str
    name: str
    company: str  # the company the record is saved at (the one it joins), marked when new
    details: str  # why it was skipped, what an update changes, what was kept in its note
    named: bool
    id: str | None  # the record saved (None: skipped)
    action: str = ""  # created | updated | unchanged | linked | skipped

    @functools.cached_property
    def found_by(self) -> str:
        """What the report's find field looks in (case and width aside: a Chinese input
        method types ｐｅｔｅｒ in full width)."""
        return normalize.fold(f"{self.file}\n{self.name}\n{self.company}\n{self.details}")


# the Outcome column sorted by what a rep looks at first, not by its words (whatever language)
_OUTCOME_RANK = {"skipped": 0, "updated": 1, "created": 2, "linked": 3, "unchanged": 4}


class ImportDialog(QDialog):
    # (kind, id): a row of the finished import's report opened (the main window shows it)
    open_record = Signal(str, str)
    _tags_read = Signal(list)  # the tags in use, for the tag field (read in a thread)
    # the finished import's records (ids): the main window selects its contacts in the list
    select_records = Signal(list)
    # (what was imported, its journal): the main window offers to undo it after the report
    imported = Signal(str, object)
    # [(new company, the one it looks like, score, reasons)]: the rep reviews them (ui.dedup)
    review_companies = Signal(list)

    def __init__(self, parent: QWidget | None, store: Store, paths: Sequence[str]) -> None:
        super().__init__(parent)
        self.store = store
        self.paths = [str(p) for p in paths]
        self.mapping: dict[str, str] = {}
        self.preview: ImportReport | None = None
        self.report: ImportReport | None = None
        self.state = "start"  # previewing | mapping | preview | importing | done | failed
        self._committing = False  # Import pressed on the held preview: its commit is awaited
        self.setWindowTitle(self.tr("Import address book"))
        self.resize(960, 560)

        self.worker = ImportWorker(store, self)
        self.worker.progress.connect(self._on_progress)
        self.worker.expected.connect(self._on_expected)
        self.worker.previewed.connect(self._on_previewed)
        self.worker.released.connect(self._on_released)
        self.worker.finished.connect(self._on_finished)
        self.worker.unmapped.connect(self._on_unmapped)
        self.worker.failed.connect(self._on_failed)
        self.worker.cancelled.connect(self._on_cancelled)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts = QLabel()
        self.counts.setObjectName("importCounts")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        # a model, not an item per cell: a 10,000-record report filled a QTableWidget in ~0.5 s
        # on the UI thread
        self.outcomes = RowsTableModel([
            Column(self.tr("File"), lambda o: o.file, tooltip=True),
            Column(self.tr("Record"), lambda o: o.record, RIGHT,
                   key=lambda o: (o.file.casefold(), int(o.record))),
            Column(self.tr("Outcome"), lambda o: o.outcome,
                   key=lambda o: _OUTCOME_RANK.get(o.action, len(_OUTCOME_RANK))),
            Column(self.tr("Name"), lambda o: o.name, tooltip=True, muted=lambda o: not o.named),
            # which company each person joins: where the matcher found one already in the
            # book, the rep sees it here before anything is written
            Column(self.tr("Company"), lambda o: o.company, tooltip=True),
            # why a record is skipped, what an update changes, what was kept in its note
            Column(self.tr("Details"), lambda o: o.details, tooltip=True),
        ], self)
        self.table = QTableView()
        self.table.setModel(self.outcomes)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        tidy_table(self.table, right=(1,))
        self.table.setItemDelegateForColumn(4, _ElideMiddle(self.table))
        # a click on a header sorts by it (a big import's people by company, say); the report
        # opens in its own order, what to look at first (`_show`)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.activated.connect(self._open_row)  # double-click or Enter
        # Ctrl+C: the selected rows as text (the skipped ones, to fix in the source file)
        copy = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.table, self.copy_rows)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.map_table = QTableWidget(0, 3)
        self.map_table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("First value"), self.tr("Satchel field")])
        self.map_table.verticalHeader().setVisible(False)
        self.map_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.map_table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.map_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.map_table.horizontalHeader().setStretchLastSection(True)
        tidy_table(self.map_table)

        # a long report: the rows of a name, company or file (Ctrl+F)
        self.find = QLineEdit(placeholderText=self.tr("Find a name, company or file"))
        self.find.setClearButtonEnabled(True)
        self.find.setMinimumWidth(240)
        self.find.textChanged.connect(self._find)
        self.find.hide()
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.find.setFocus)

        main = QWidget()
        lay = QVBoxLayout(main)
        lay.setContentsMargins(0, 0, 0, 0)
        above = QHBoxLayout()
        above.addWidget(self.counts, 1)
        above.addWidget(self.find, 0, Qt.AlignmentFlag.AlignBottom)
        lay.addLayout(above)
        lay.addWidget(self.progress)
        lay.addWidget(self.table, 1)
        lay.addStretch(0)
        self.pages = QStackedWidget()
        self.pages.addWidget(main)
        self.pages.addWidget(self.map_table)

        # a tag for everyone in the import (a fair's list: "广交会 2026"); the preview is read
        # again with it, so it still counts exactly what the import will do
        self.tag_label = QLabel(self.tr("&Tag everyone imported:"))
        self.tag = QLineEdit(placeholderText=self.tr("optional, e.g. Trade fair 2026"))
        self.tag_label.setBuddy(self.tag)
        self._tags_read.connect(lambda tags: self.tag.setCompleter(QCompleter(tags, self.tag)))
        threading.Thread(target=self._read_tags, name="import-tags", daemon=True).start()
        self._previewed_tag = ""
        self._tag_timer = QTimer(self, singleShot=True, interval=600)
        self._tag_timer.timeout.connect(self._tag_changed)
        self.tag.textChanged.connect(lambda _text: self._tag_timer.start())
        self.tag.returnPressed.connect(self._tag_changed)

        # after the import: its people selected in the contacts list, to export or tag them
        self.select_button = QPushButton(self.tr("Select them in Contacts"))
        self.select_button.clicked.connect(self._select_imported)
        self.select_button.hide()
        self.review_button = QPushButton(self.tr("Review possible duplicates…"))
        self.review_button.setToolTip(self.tr(
            "Companies this import made that may be ones already in Satchel: merge them, or "
            "say they are not the same"))
        self.review_button.clicked.connect(self._review_look_alikes)
        self.review_button.hide()
        self.undo_button = QPushButton(self.tr("Undo this import…"))
        self.undo_button.clicked.connect(self.undo_import)
        self.undo_button.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.go_button = QPushButton(self.tr("Import"))
        self.go_button.setDefault(True)
        self.go_button.clicked.connect(self.go)
        buttons = QHBoxLayout()
        buttons.addWidget(self.tag_label)
        buttons.addWidget(self.tag, 1000)
        # buttons at their own size on the right when the tag field is gone (the report)
        buttons.addStretch(1)
        buttons.addSpacing(24)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.review_button)
        buttons.addWidget(self.select_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.go_button)

        root = QVBoxLayout(self)
        root.addWidget(self.heading)
        root.addWidget(self.pages, 1)
        root.addLayout(buttons)
        self._start_preview()

    # -- steps ---------------------------------------------------------------------------
    def _imported_people(self) -> list[str]:
        return [x["id"] for x, a in zip(self.report.records, self.report.about, strict=True)
                if a.kind == "contact"]

    def _select_imported(self) -> None:
        self.select_records.emit(self._imported_people())

    def _read_tags(self) -> None:
        """(a tenth of a second or more in a big book: not on the UI thread)"""
        with self.store.read() as s:
            tags = contacts.tags_in_use(s)
        with contextlib.suppress(RuntimeError):  # the dialog closed meanwhile
            self._tags_read.emit(tags)

    def _tags(self) -> list[str]:
        return [self.tag.text().strip()] if self.tag.text().strip() else []

    def _tag_changed(self) -> None:
        """The preview again, with the tag, once the rep stops typing."""
        self._tag_timer.stop()
        if self.state == "preview" and self.tag.text().strip() != self._previewed_tag:
            self._start_preview()

    def _start_preview(self) -> None:
        self.state = "previewing"
        self._previewed_tag = self.tag.text().strip()
        self.pages.setCurrentIndex(0)
        self.heading.setText(self.tr("Reading {0}…").format(self._files()))
        self.counts.setText("")
        self.outcomes.set_rows([])
        self.progress.setRange(0, 0)
        self.progress.show()
        self.go_button.setEnabled(False)
        self.worker.drop()  # (the import held for the preview before: this one replaces it)
        self.worker.start(self.paths, preview=True, mapping=self.mapping or None,
                          tags=self._tags())

    def go(self) -> None:
        if self.state == "preview" and self.tag.text().strip() != self._previewed_tag:
            self._tag_changed()  # (Import pressed right after typing: preview that first)
        elif self.state == "preview":
            self._start_import()
        elif self.state == "mapping":
            self._take_mapping()
            twice = columns.claimed_twice({h: self.mapping[h] for h in self._headers})
            if twice:  # the first column would win and the others be dropped: say so, stay
                field, headers = next(iter(twice.items()))
                self.heading.setText(self.tr(
                    "{0} cannot all be the {1}: choose another field for all but one, or "
                    "(ignore).").format(self.tr(", ").join(headers), self.field_label(field)))
                return
            self._start_preview()
        else:
            self.accept()

    def _start_import(self) -> None:
        self.state = "importing"
        self.heading.setText(self.tr("Importing {0}…").format(self._files()))
        self.go_button.setEnabled(False)
        self.tag.setEnabled(False)
        self.progress.show()
        if self.preview is not None and self.worker.held is self.preview:
            self.progress.setRange(0, 0)  # the preview did the work: only its commit is left
            self._committing = True
            self.worker.commit()
            return
        # it gave way to another write meanwhile (`_on_released`): the import runs again
        total = len(self.preview.records) if self.preview else 0
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)
        self.worker.drop()
        self.worker.start(self.paths, preview=False, mapping=self.mapping or None,
                          tags=self._tags())

    def cancel(self) -> None:
        if self.worker.running:
            self.heading.setText(self.tr("Cancelling… nothing will be changed."))
            self.cancel_button.setEnabled(False)
            self.worker.cancel()
        else:
            self.reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.worker.running:
            self.worker.cancel()
            self.worker.wait()
        super().closeEvent(event)

    def reject(self) -> None:
        if self.worker.running:
            self.worker.cancel()
            self.worker.wait()
        super().reject()

    # -- worker results ------------------------------------------------------------------
    def _on_expected(self, total: int) -> None:
        """The files are open: the preview's bar shows how far it got (a guess: a CSV line
        may not be a record)."""
        if self.state == "previewing" and total:
            self.progress.setRange(0, total)
            self.progress.setValue(0)

    def _on_progress(self, done: int) -> None:
        if self.state in ("importing", "previewing") and self.progress.maximum():
            self.progress.setValue(min(done, self.progress.maximum()))
        if self.state == "previewing" and done:
            # the preview has no report to show yet: say how far it got
            total = self.progress.maximum()
            self.counts.setText(self.tr("{0} of about {1} records checked…").format(
                *_counts(done, total)) if total else
                self.tr("{0} records checked…").format(*_counts(done)))

    def _on_previewed(self, report: ImportReport) -> None:
        if report is not self.worker.previewed_last:
            return  # (of a preview replaced since, still in the queue)
        self.cancel_button.setEnabled(True)
        self.progress.hide()
        self.preview = report
        self.state = "preview"
        self.heading.setText(self.tr(
            "Nothing has been written yet. This is what importing {0} will do:").format(
            self._files()))
        self._show(report, only_skipped=False)
        self.go_button.setText(self.tr("Import"))
        self.go_button.setEnabled(report.created + report.updated > 0 or bool(report.records))

    def _on_released(self) -> None:
        """The held import gave way to another write (nothing written): Import runs it again,
        now if Import was pressed that very moment."""
        if self._committing:
            self._committing = False
            self.worker.wait()
            self._start_import()

    def _on_finished(self, report: ImportReport) -> None:
        self._committing = False
        self.cancel_button.setEnabled(True)
        self.progress.hide()
        self.report = report
        self.state = "done"
        self.heading.setText(self.tr("Import finished. Double-click a row to open that "
                                     "contact or company.")
                             if any(x["id"] for x in report.records)
                             else self.tr("Import finished."))
        self._show(report, only_skipped=False)
        self.go_button.setText(self.tr("Close"))
        self.go_button.setEnabled(True)
        self.cancel_button.hide()
        self._hide_tag()
        self.select_button.setVisible(bool(self._imported_people()))
        self.review_button.setVisible(bool(report.look_alikes))
        self.undo_button.setVisible(bool(report.journal))
        if report.journal:  # (File → Undo the import of …, once this dialog is closed)
            self.imported.emit(self._files(), report.journal)

    def _review_look_alikes(self) -> None:
        self.review_companies.emit([(cid, like.id, like.score, like.reasons)
                                    for cid, like in self.report.look_alikes.items()])

    def undo_import(self) -> None:
        """Take the finished import back, after one question: the report shows the names in
        the company column, or the wrong file (`ui.importing.undo`)."""
        said = undo.undo_import(self, self.store, self.report.journal)
        if said is None:
            return  # the rep said no, or pressed Cancel
        self.state = "undone"
        self.heading.setText(said)
        self.undo_button.hide()
        self.select_button.hide()
        self.table.setEnabled(False)  # greyed: what the import did, no longer in effect

    def _hide_tag(self) -> None:
        """After the import, or when it cannot start: nothing left to tag."""
        self.tag_label.hide()
        self.tag.hide()

    def _on_unmapped(self, exc: UnmappedColumns) -> None:
        self.state = "mapping"
        self.progress.hide()
        if exc.lettered:  # no header row: the first row is a contact
            self.heading.setText(self.tr(
                "{0} has no header row: its first row is already a contact. Satchel guessed "
                "what each column holds from its values; check the choices.").format(
                Path(exc.path).name))
        elif exc.alike:  # two columns that both read as, say, the company
            self.heading.setText(self.tr(
                "{0}: some columns could mean the same thing ({1}). Choose what each column "
                "holds (this choice is remembered for files with the same columns).").format(
                Path(exc.path).name, self.tr(", ").join(exc.alike)))
        elif exc.by_value:
            self.heading.setText(self.tr(
                "{0}: Satchel does not recognize some columns, and guessed what they hold from "
                "their values. Check each column (this choice is remembered for files with the "
                "same columns).").format(Path(exc.path).name))
        else:
            self.heading.setText(self.tr(
                "{0}: Satchel does not recognize some columns. Choose what each column holds "
                "(this choice is remembered for files with the same columns).").format(
                Path(exc.path).name))
        guessed, _ = columns.guess(exc.headers)
        guessed.update(exc.by_value)
        self._headers = exc.headers
        self.map_table.setRowCount(len(exc.headers))
        first = _first_values(exc.path, len(exc.headers))
        for row, h in enumerate(exc.headers):
            self.map_table.setItem(row, 0, QTableWidgetItem(self._column_name(h, exc)))
            self.map_table.setItem(row, 1, QTableWidgetItem(first[row] if row < len(first) else ""))
            combo = QComboBox()
            combo.addItem(self.tr("(ignore)"), "")
            for f in columns.FIELDS:
                combo.addItem(self.field_label(f), f)
            want = self.mapping.get(h, guessed.get(h, ""))
            combo.setCurrentIndex(max(0, combo.findData(want)))
            self.map_table.setCellWidget(row, 2, combo)
        self.map_table.resizeColumnsToContents()
        self.pages.setCurrentIndex(1)
        self.go_button.setText(self.tr("Continue"))
        self.go_button.setEnabled(True)

    def _column_name(self, header: str, exc: UnmappedColumns) -> str:
        """A column as the mapping step names it: its header, or its letter ("Column A")."""
        if not exc.lettered:
            return header
        return self.tr("Column {0}").format(header.removeprefix("Column "))

    def _take_mapping(self) -> None:
        for row, h in enumerate(self._headers):
            self.mapping[h] = self.map_table.cellWidget(row, 2).currentData()

    def _on_failed(self, message: str) -> None:
        self._committing = False
        self.state = "failed"
        self.progress.hide()
        self.table.hide()
        self.find.hide()
        self.counts.setText("")
        self.heading.setText(message)
        self.go_button.setText(self.tr("Close"))
        self.go_button.setEnabled(True)
        self.cancel_button.hide()
        self._hide_tag()

    def _on_cancelled(self) -> None:
        self._committing = False
        self.cancel_button.setEnabled(True)
        self.progress.hide()
        if self.state == "importing":
            self.state = "preview"
            self.heading.setText(self.tr("Import cancelled: nothing was changed. "
                                         "You can start it again."))
            self.go_button.setEnabled(True)
        else:
            self.reject()

    # -- showing a report ----------------------------------------------------------------
    def _show(self, r: ImportReport, only_skipped: bool) -> None:
        self.counts.setText(self.tr(
            "<b>{0}</b> new · <b>{1}</b> updated · <b>{2}</b> unchanged · <b>{3}</b> skipped")
            .format(*_counts(r.created, r.updated, r.unchanged, len(r.skipped))))
        kept = [a.kept_in_note for a in r.about]
        if noted := sum(1 for k in kept if k):
            self.counts.setText(self.counts.text() + " · " + self.tr(
                "<b>{0}</b> with values kept in the note").format(*_counts(noted)))
        made = r.new_companies  # (the others: found in the book)
        if r.companies:
            self.counts.setText(self.counts.text() + "<br>" + self.tr(
                "Companies: <b>{0}</b> new · <b>{1}</b> already in Satchel").format(
                *_counts(len(made), len(r.companies) - len(made))))
        if r.look_alikes:  # (reviewed once they are in the book: the report's button)
            self.counts.setText(self.counts.text() + " · " + (
                self.tr("<b>{0}</b> may be duplicates") if self.state == "done" else
                self.tr("<b>{0}</b> may be duplicates, to review after the import")).format(
                *_counts(len(r.look_alikes))))
        reasons = {(s["file"], s["record"]): s["reason"] for s in r.skipped}
        rows = [(i, x) for i, x in enumerate(r.records)
                if not only_skipped or x["action"] == "skipped"]
        if not rows:
            self.table.hide()
            self.find.hide()
            self.counts.setText(self.counts.text() + "<br>" + self.tr(
                "The file holds no contacts or companies."))
            return
        # what the rep must look at first: the skipped, values set aside, new companies that
        # may be duplicates, then the people already in the book that the import changes; in
        # file order within each
        rows.sort(key=lambda t: (t[1]["action"] != "skipped", not kept[t[0]],
                                 (t[1]["company_id"] or "") not in r.look_alikes,
                                 t[1]["action"] != "updated", t[0]))
        words = {"created": self.tr("new"), "updated": self.tr("updated"),
                 "unchanged": self.tr("unchanged"), "linked": self.tr("linked"),
                 "skipped": self.tr("skipped")}
        no_name = self.tr("(no name)")
        new_company = self.tr("{0} (new)")
        look_alike = self.tr("the new company may be {0}")
        outcomes = []
        for i, x in rows:
            label = r.about[i].label
            reason = reasons.get((x["file"], x["record"]))
            details = translated(reason) if reason else self._details(r.about[i])
            company = r.companies.get(x["company_id"] or "", "")
            if company and x["company_id"] in made:
                company = new_company.format(company)
            if like := r.look_alikes.get(x["company_id"] or ""):
                details = " · ".join(filter(None, (look_alike.format(like.name), details)))
            outcomes.append(_Outcome(Path(x["file"]).name, str(x["record"]),
                                     words.get(x["action"], x["action"]), label or no_name,
                                     company, details, bool(label), x["id"], x["action"]))
        self.outcomes.set_rows(outcomes)  # (a preview read again keeps the rep's sort and find)
        self.find.setVisible(len(outcomes) > FIND_FROM)
        self.table.setColumnHidden(4, not r.companies)  # (a list of names and numbers only)
        for col in range(5):  # not the last: it stretches over the rest of the width
            self.table.resizeColumnToContents(col)
        # a long name or company must not push the reason out of sight: cap their columns
        header = self.table.horizontalHeader()
        for col, most in ((0, 200), (3, 200), (4, 220)):
            header.resizeSection(col, min(header.sectionSize(col), most))
        self.table.setCurrentIndex(QModelIndex())
        self.table.show()

    def _find(self, text: str) -> None:
        needle = normalize.fold(text)
        self.outcomes.set_filter((lambda o: needle in o.found_by) if needle else None)

    def _details(self, about: RecordAbout) -> str:
        """What an update changes (what a rep checks before importing onto people they have),
        and what was kept in the note."""
        parts = []
        if about.changed:
            lists = {"emails": self.tr("e-mail addresses"), "phones": self.tr("phone numbers"),
                     "websites": self.tr("websites"), "photo": self.tr("photo"),
                     "company_id": self.field_label("company")}
            parts.append(self.tr("changes {0}").format(self.tr(", ").join(
                lists.get(f) or self.field_label(f) for f in about.changed)))
        if about.kept_in_note:
            parts.append(self.tr("kept in the note: {0}").format("; ".join(about.kept_in_note)))
        return " · ".join(parts)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Enter on a row of the finished report opens it; it must not also press Close (the
        # view passes the key on to the dialog's default button)
        if self.state == "done" and self.table.hasFocus() and event.key() in (
                Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.currentIndex().isValid():
            event.accept()
            return
        super().keyPressEvent(event)

    def copy_rows(self) -> None:
        """The selected rows of the report, tab-separated under their headers, for a sheet."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedIndexes()})
        model = self.table.model()
        cols = [c for c in range(model.columnCount()) if not self.table.isColumnHidden(c)]
        lines = ["\t".join(str(model.headerData(c, Qt.Orientation.Horizontal)) for c in cols)]
        lines += ["\t".join(str(model.index(r, c).data() or "") for c in cols) for r in rows]
        if rows:
            QApplication.clipboard().setText("\n".join(lines) + "\n")

    def _open_row(self, index: QModelIndex) -> None:
        """A row of the finished import's report: show its record in the main window (the
        preview's new records are not in the store)."""
        record_id = self.outcomes.id_at(index.row())
        if self.state != "done" or not record_id:
            return
        with self.store.read() as s:  # the report says what a record did, not what it is
            kind = "contact" if contacts.get(s, record_id) is not None else "company"
        self.open_record.emit(kind, record_id)

    def field_label(self, field: str) -> str:
        """A Satchel field a column can hold, in the user's language."""
        labels = {
            "name": self.tr("name"), "given_name": self.tr("given name"),
            "middle_name": self.tr("middle name"), "family_name": self.tr("family name"),
            "company": self.tr("company"), "title": self.tr("job title"),
            "department": self.tr("department"), "email": self.tr("e-mail"),
            "email_home": self.tr("e-mail (home)"), "email_other": self.tr("e-mail (other)"),
            "phone": self.tr("phone (work)"), "extension": self.tr("extension (of the work phone)"),
            "mobile": self.tr("mobile"),
            "phone_home": self.tr("phone (home)"), "fax": self.tr("fax"),
            "phone_other": self.tr("phone (other)"), "address": self.tr("address"),
            "street": self.tr("street"), "district": self.tr("district"),
            "city": self.tr("city"), "region": self.tr("region"),
            "postcode": self.tr("postcode"), "country": self.tr("country"),
            "home_address": self.tr("home address"), "home_street": self.tr("home street"),
            "home_city": self.tr("home city"), "home_region": self.tr("home region"),
            "home_postcode": self.tr("home postcode"), "home_country": self.tr("home country"),
            "website": self.tr("website"), "note": self.tr("note"),
            "birthday": self.tr("birthday"), "birth_year": self.tr("birth year"),
            "birth_month": self.tr("birth month"), "birth_day": self.tr("birth day"),
            "tags": self.tr("tags"), "id": self.tr("Satchel ID"),
            "im": self.tr("messenger (WeChat, QQ…), kept in the note"),
        }
        return labels.get(field, field.replace("_", " "))

    def _files(self) -> str:
        names = [Path(p).name for p in self.paths]
        return names[0] if len(names) == 1 else self.tr("{0} files").format(len(names))


def _counts(*numbers: int) -> list[str]:
    """With thousands separators, as the progress counts ("9,999 new")."""
    return [f"{n:,}" for n in numbers]


def _first_values(path: str, n: int) -> list[str]:
    """The first data row, so the rep sees what a column holds (best effort)."""
    try:
        from app.io.reader import sample_row

        return sample_row(path)[:n]
    except Exception:  # noqa: BLE001 - only a hint in the mapping table
        return []


def open_import_dialog(parent: QWidget | None, store: Store, paths: Sequence[str]) -> QDialog:
    """File → Import and files dropped on the window: shows the dialog (non-modal) and
    returns it; the preview starts at once."""
    dialog = ImportDialog(parent, store, paths)
    if hasattr(parent, "open_record"):
        dialog.open_record.connect(parent.open_record)
    if hasattr(parent, "select_contacts"):
        dialog.select_records.connect(parent.select_contacts)
    if hasattr(parent, "remember_import"):
        dialog.imported.connect(parent.remember_import)
    if hasattr(parent, "review_companies"):
        dialog.review_companies.connect(parent.review_companies)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
