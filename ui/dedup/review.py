"""Tools → Find duplicates: the review queue. Candidate pairs are computed in the background;
each pair is shown side by side with the reason it was suggested. Merge… / Not the same /
Skip (keys M, N, S); after a merge, Undo (Ctrl+Z)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dedup import merge as merging
from app.errors import ServiceError
from app.store import Store
from ui.dedup.fields import (
    counts_text,
    kind_label,
    listing,
    reason_text,
    score_text,
    shorten,
)
from ui.dedup.merge_dialog import MergeDialog
from ui.dedup.worker import CandidateWorker, Pair, given_pairs
from ui.field_names import field_label
from ui.style import MUTED, mark_primary
from ui.worker import run_in_thread

_DIFF = QColor("#fef3c7")  # a field whose values differ
_ROLE = Qt.ItemDataRole.UserRole


class ReviewDialog(QDialog):
    def __init__(self, parent: QWidget | None, store: Store, find=None) -> None:
        super().__init__(parent)
        self.store = store
        self.state = "searching"  # searching | review | empty | failed | cancelled
        self.last_merge: tuple[str, Pair, list[Pair]] | None = None  # id, pair, pairs removed
        self.setWindowTitle(self.tr("Find duplicates"))
        self.resize(980, 600)

        self.worker = CandidateWorker(store, self, **({"find": find} if find else {}))
        self.worker.progress.connect(self._on_progress)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._on_failed)
        self.worker.cancelled.connect(self._on_cancelled)

        self.status = QLabel()
        self.status.setObjectName("dedupStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.clicked.connect(self.worker.cancel)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.progress)
        top.addWidget(self.stop_button)

        # the queue
        self.list = QListWidget()
        self.list.setObjectName("dedupQueue")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setSpacing(3)
        self.list.currentRowChanged.connect(self._show_current)
        # one pair side by side
        self.reasons = QLabel()
        self.reasons.setObjectName("dedupReasons")
        self.reasons.setWordWrap(True)
        self.reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("dedupPair")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.hide()  # shown with a pair: an empty table's header read "1 2 3"
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.reasons)
        rl.addWidget(self.table, 1)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([280, 700])
        split.setChildrenCollapsible(False)

        # nothing to review
        empty = QWidget()
        el = QVBoxLayout(empty)
        el.addStretch(1)
        self.empty_title = QLabel(self.tr("No duplicates found"))
        self.empty_title.setObjectName("dedupEmpty")
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.empty_line = QLabel(self.tr(
            "Every company and every contact appears only once. New entries are checked as "
            "you type them, so it should stay that way."))
        self.empty_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_line.setWordWrap(True)
        self.empty_line.setStyleSheet(f"color: {MUTED};")
        el.addWidget(self.empty_title)
        el.addWidget(self.empty_line)
        el.addStretch(2)

        self.pages = QStackedWidget()
        self.pages.addWidget(split)
        self.pages.addWidget(empty)

        # actions
        self.undo_button = QPushButton(self.tr("Undo merge"))
        self.undo_button.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_button.setToolTip(self.tr("Bring the merged record back (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.hide()
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.setShortcut(QKeySequence("S"))
        self.skip_button.setToolTip(self.tr("Decide later (S)"))
        self.skip_button.clicked.connect(self.skip)
        self.not_same_button = QPushButton(self.tr("Not the same"))
        self.not_same_button.setShortcut(QKeySequence("N"))
        self.not_same_button.setToolTip(self.tr("These are different; never suggest them "
                                                "again (N)"))
        self.not_same_button.clicked.connect(self.not_the_same)
        self.merge_button = QPushButton(self.tr("Merge…"))
        self.merge_button.setShortcut(QKeySequence("M"))
        self.merge_button.setToolTip(self.tr("Choose what to keep and merge the two (M)"))
        mark_primary(self.merge_button)
        self.merge_button.clicked.connect(self.open_merge)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.not_same_button)
        buttons.addWidget(self.merge_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.close_button)

        root = QVBoxLayout(self)
        root.addLayout(top)
        root.addWidget(self.pages, 1)
        root.addLayout(buttons)
        self.start()

    # -- searching -------------------------------------------------------------------------
    def start(self) -> None:
        self.state = "searching"
        self.list.clear()
        self._show_current(-1)
        self.status.setText(self.tr("Looking for duplicates…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.stop_button.show()
        self._update_buttons()
        self.worker.start()

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _searching_done(self) -> None:
        self.progress.hide()
        self.stop_button.hide()

    def _on_finished(self, pairs: list[Pair]) -> None:
        self._searching_done()
        for pair in pairs:
            self._add(pair)
        if pairs:
            self.state = "review"
            self.list.setCurrentRow(0)
            self.list.setFocus()
        else:
            self.state = "empty"
        self._update_status()
        self._update_buttons()

    def _on_failed(self, message: str) -> None:
        self._searching_done()
        self.state = "failed"
        self.status.setText(self.tr("The search for duplicates stopped ({0}). Nothing was "
                                    "changed; close this window and try again.").format(message))
        self._update_buttons()

    def _on_cancelled(self) -> None:
        self._searching_done()
        self.state = "cancelled"
        self.status.setText(self.tr("Stopped. Nothing was changed; open Find duplicates again "
                                    "to search the whole database."))
        self._update_buttons()

    # -- the queue -------------------------------------------------------------------------
    def _add(self, pair: Pair, row: int | None = None) -> None:
        a = shorten(pair.a_name or self.tr("(no name)"), 48)
        b = shorten(pair.b_name or self.tr("(no name)"), 48)
        item = QListWidgetItem(f"{a}\n{b}")
        item.setData(_ROLE, pair)
        item.setToolTip(f"{pair.a_name}\n{pair.b_name}\n{kind_label(pair.kind)} · "
                        f"{score_text(pair.score)}")
        if row is None:
            self.list.addItem(item)
        else:
            self.list.insertItem(row, item)

    def pairs(self) -> list[Pair]:
        return [self.list.item(i).data(_ROLE) for i in range(self.list.count())]

    def current(self) -> Pair | None:
        item = self.list.currentItem()
        return item.data(_ROLE) if item is not None else None

    def _update_status(self, message: str = "") -> None:
        n = self.list.count()
        if self.state in ("review", "empty"):
            self.state = "review" if n else "empty"
            self.pages.setCurrentIndex(0 if n else 1)
        left = ("" if not n else self.tr("1 pair to review.") if n == 1
                else self.tr("{0} pairs to review.").format(f"{n:,}"))
        self.status.setText(" ".join(t for t in (message, left) if t)
                            or self.tr("All pairs reviewed."))

    def _update_buttons(self) -> None:
        has = self.state == "review" and self.current() is not None
        for b in (self.skip_button, self.not_same_button, self.merge_button):
            b.setEnabled(has)

    def _show_current(self, _row: int) -> None:
        pair = self.current()
        self.table.setRowCount(0)
        self.table.horizontalHeader().hide()
        self.reasons.setText("")
        self._update_buttons()
        if pair is None:
            return
        with self.store.read() as s:
            view = merging.side_by_side(s, pair.kind, pair.a, pair.b)
        if view is None:  # changed elsewhere since the search
            self.reasons.setText(self.tr("One of these records was deleted or merged in the "
                                         "meantime; skip this pair."))
            return
        reason = listing(reason_text(r) for r in pair.reasons) or self.tr("similar")
        self.reasons.setText(self.tr("{0} · {1} likely the same: {2}").format(
            kind_label(pair.kind), score_text(pair.score), reason))
        elide = self.table.horizontalHeader().fontMetrics().elidedText
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field")] + [elide(n, Qt.TextElideMode.ElideRight, 260)
                                  for n in (view.a.name, view.b.name)])
        self.table.horizontalHeader().show()
        lines = list(view.rows)
        ca, cb = counts_text(view.a.counts), counts_text(view.b.counts)
        if ca or cb:
            lines.append(("", ca or "—", cb or "—"))
        self.table.setRowCount(len(lines))
        for r, (fld, ta, tb) in enumerate(lines):
            label = QTableWidgetItem(field_label(fld) if fld else self.tr("Linked"))
            label.setForeground(QBrush(QColor(MUTED)))
            label.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.table.setItem(r, 0, label)
            for col, text in ((1, ta), (2, tb)):
                item = QTableWidgetItem(text or "—")
                item.setToolTip(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                if fld and ta != tb:
                    item.setBackground(QBrush(_DIFF))
                self.table.setItem(r, col, item)
        self.table.resizeRowsToContents()

    def _remove(self, pair: Pair, gone_ids: set[str] = frozenset()) -> list[Pair]:
        """Take the pair (and every pair with a record that is gone) off the queue."""
        removed = []
        row = self.list.currentRow()
        for i in reversed(range(self.list.count())):
            p = self.list.item(i).data(_ROLE)
            if p == pair or (p.kind == pair.kind and {p.a, p.b} & gone_ids):
                removed.append(p)
                self.list.takeItem(i)
        if self.list.count():
            self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))
        self._show_current(self.list.currentRow())
        return removed[::-1]

    # -- actions ---------------------------------------------------------------------------
    def skip(self) -> None:
        pair = self.current()
        if pair is None:
            return
        row = self.list.currentRow()
        if row < self.list.count() - 1:  # the skipped pair goes to the end of the queue
            item = self.list.takeItem(row)
            self.list.addItem(item)
            self.list.setCurrentRow(row)
        self._update_status(self.tr("Skipped."))

    def not_the_same(self) -> None:
        pair = self.current()
        if pair is None:
            return

        def write() -> None:
            with self.store.write() as tx:
                merging.not_the_same(tx, pair.kind, pair.a, pair.b)

        try:
            run_in_thread(write)
        except ServiceError as exc:
            self._update_status(self.tr("Could not remember that: {0}").format(exc))
            return
        self._remove(pair)
        self._update_status(self.tr("Noted: “{0}” and “{1}” are different; they will not be "
                                    "suggested again.").format(shorten(pair.a_name, 40),
                                                                shorten(pair.b_name, 40)))

    def open_merge(self) -> MergeDialog | None:
        """Opens the merge dialog (modal); returns it after it closed."""
        pair = self.current()
        if pair is None:
            return None
        try:
            dialog = MergeDialog(self, self.store, pair.kind, pair.a, pair.b)
        except ValueError:
            self._remove(pair, {pair.a, pair.b})
            self._update_status(self.tr("That pair changed in the meantime and was taken off "
                                        "the list."))
            return None
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.merged(pair, dialog.merge_id, dialog.keep_id, dialog.loser_id)
        return dialog

    def merged(self, pair: Pair, merge_id: str, keep_id: str, loser_id: str) -> None:
        removed = self._remove(pair, {loser_id})
        self.last_merge = (merge_id, pair, removed)
        names = {pair.a: pair.a_name, pair.b: pair.b_name}
        self.undo_button.show()
        self.undo_button.setEnabled(True)
        self._update_status(self.tr("Merged “{0}” into “{1}”.").format(
            shorten(names[loser_id], 40), shorten(names[keep_id], 40)))

    def undo(self) -> None:
        if self.last_merge is None:
            return
        merge_id, pair, removed = self.last_merge

        def write() -> merging.UnmergeResult:
            with self.store.write() as tx:
                return merging.unmerge(tx, merge_id)

        try:
            result = run_in_thread(write)
        except ServiceError as exc:
            self._update_status(self.tr("The merge could not be undone: {0}").format(exc))
            return
        self.last_merge = None
        self.undo_button.hide()
        row = max(self.list.currentRow(), 0)
        for i, p in enumerate(removed):
            self._add(p, row + i)
        if self.state == "empty":
            self.state = "review"
        self.list.setCurrentRow(row)
        names = {pair.a: pair.a_name, pair.b: pair.b_name}
        message = self.tr("Undone: “{0}” is back.").format(shorten(names[result.loser_id], 40))
        if result.kept_later_edits:
            message += " " + self.tr("Fields edited after the merge kept their new value: "
                                     "{0}.").format(listing(field_label(f)
                                                          for f in result.kept_later_edits))
        self._update_status(message)

    # -- closing ---------------------------------------------------------------------------
    def _stop_worker(self) -> None:
        if self.worker.running:
            self.worker.cancel()
            self.worker.wait()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._stop_worker()
        super().closeEvent(event)

    def reject(self) -> None:
        self._stop_worker()
        super().reject()


def open_review_dialog(parent: QWidget | None, store: Store,
                       pairs: list[tuple[str, str, float, tuple[str, ...]]] | None = None
                       ) -> QDialog:
    """Tools → Find duplicates: shows the queue (non-modal) and returns it; the search starts
    at once in the background. `pairs`: (company, company, score, reasons) to review instead
    of searching (an import's look-alikes)."""
    dialog = ReviewDialog(parent, store, None if pairs is None else given_pairs(pairs))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
