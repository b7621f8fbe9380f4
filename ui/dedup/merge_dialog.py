"""Merge two records: which one stays, and for each field that differs, whose value it keeps.
Fields that can hold several values (e-mails, phones, websites, tags) keep both."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.dedup import merge as merging
from app.store import Store
from ui.dedup.fields import counts_text, listing
from ui.field_names import field_label
from ui.format import wire_birthday_text
from ui.style import MUTED, mark_primary
from ui.worker import saving

_EMPTY = "—"
_COLUMN_PX = 290  # one side's column: long values are elided (the full text is the tooltip)


def _shown(session, field: str, value) -> str:
    """A field's value as the dialog shows it: a birthday as the detail pane does ("April 15"
    for one without a year), the rest as the merge describes it."""
    if field == "birthday" and value:
        return wire_birthday_text(value)
    return merging.display(session, field, value)


def _elide(widget: QWidget, text: str, px: int) -> str:
    """One line of at most `px` pixels in the widget's font (CJK characters are wide)."""
    return widget.fontMetrics().elidedText(" ".join(str(text).split()),
                                           Qt.TextElideMode.ElideRight, px)


class MergeDialog(QDialog):
    """`exec()` → Accepted when merged; then `merge_id`, `keep_id` and `loser_id` are set."""

    def __init__(self, parent: QWidget | None, store: Store, kind: str, a_id: str, b_id: str,
                 keep_id: str | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.kind = kind
        self.ids = (a_id, b_id)
        self.merge_id: str | None = None
        self.loser_id: str | None = None
        with store.read() as s:
            self.view = merging.side_by_side(s, kind, a_id, b_id)
        if self.view is None:
            raise ValueError("one of the records is gone")
        self.keep_id = keep_id or self.view.suggested_keep()
        self.setWindowTitle(self.tr("Merge companies") if kind == "company"
                            else self.tr("Merge contacts"))
        self.resize(760, 560)

        self.keep_group = QButtonGroup(self)
        keep_box = QGridLayout()
        keep_box.setColumnStretch(1, 1)
        keep_box.addWidget(QLabel(self.tr("Keep:")), 0, 0, Qt.AlignmentFlag.AlignTop)
        for i, side in enumerate((self.view.a, self.view.b)):
            extra = counts_text(side.counts)
            button = QRadioButton()
            text = _elide(button, side.name or self.tr("(no name)"), 460)
            button.setText(f"{text}  ({extra})" if extra else text)
            button.setToolTip(side.name)
            button.setObjectName(f"keep{i}")
            self.keep_group.addButton(button, i)
            keep_box.addWidget(button, i, 1)
        self.keep_group.button(0 if self.keep_id == a_id else 1).setChecked(True)
        self.keep_group.idToggled.connect(self._keep_changed)
        hint = QLabel(self.tr(
            "The other one is merged into it: its contacts, opportunities and activities move "
            "over and it disappears from lists. You can undo the merge afterwards."))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED};")

        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(8)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.grid_host)
        self.groups: dict[str, QButtonGroup] = {}

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b91c1c;")
        self.error.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.merge_button = QPushButton(self.tr("Merge"))
        self.merge_button.setDefault(True)
        mark_primary(self.merge_button)
        self.merge_button.clicked.connect(self.do_merge)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.merge_button)

        root = QVBoxLayout(self)
        root.addLayout(keep_box)
        root.addWidget(hint)
        root.addWidget(scroll, 1)
        root.addWidget(self.error)
        root.addLayout(buttons)
        self._fill()

    # -- the field rows --------------------------------------------------------------------
    @property
    def _loser(self) -> str:
        return self.ids[1] if self.keep_id == self.ids[0] else self.ids[0]

    def _keep_changed(self, button_id: int, checked: bool) -> None:
        if checked:
            self.keep_id = self.ids[button_id]
            self._fill()

    def _clear(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for group in self.groups.values():
            group.deleteLater()
        self.groups = {}

    def _fill(self) -> None:
        self._clear()
        with self.store.read() as s:
            choices = merging.choices_for(s, self.kind, self.keep_id, self._loser)
            texts = {c.field: (_shown(s, c.field, c.keep_value),
                               _shown(s, c.field, c.loser_value),
                               _shown(s, c.field, c.merged_value)) for c in choices}
        a_is_keep = self.keep_id == self.ids[0]
        heads = [self.tr("Field"), self.view.a.name, self.view.b.name]
        for col, text in enumerate(heads):
            head = QLabel()
            head.setText(_elide(head, text, _COLUMN_PX) if col else text)
            head.setStyleSheet("font-weight: 600;")
            if col:
                head.setToolTip((self.view.a.name, self.view.b.name)[col - 1])
            self.grid.addWidget(head, 0, col)
        row, same = 1, []
        for c in choices:
            keep_text, loser_text, merged_text = texts[c.field]
            if not c.differs:
                if keep_text:
                    same.append(field_label(c.field))
                continue
            label = QLabel(field_label(c.field))
            self.grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop if c.multi
                                else Qt.AlignmentFlag.AlignVCenter)
            if c.multi:
                both = QLabel(self.tr("Both kept: {0}").format(merged_text or _EMPTY))
                both.setObjectName(f"both_{c.field}")
                both.setWordWrap(True)
                self.grid.addWidget(both, row, 1, 1, 2)
            else:
                group = QButtonGroup(self)
                a_text, b_text = (keep_text, loser_text) if a_is_keep else (loser_text,
                                                                             keep_text)
                for col, text in ((1, a_text), (2, b_text)):
                    button = QRadioButton()
                    button.setText(_elide(button, text, _COLUMN_PX - 24) or _EMPTY)
                    button.setToolTip(text)
                    button.setObjectName(f"{c.field}_{col - 1}")
                    group.addButton(button, col - 1)
                    self.grid.addWidget(button, row, col)
                default_is_a = (c.default == "keep") == a_is_keep
                group.button(0 if default_is_a else 1).setChecked(True)
                self.groups[c.field] = group
                if c.field in merging.JOINABLE and keep_text and loser_text:
                    row += 1
                    button = QRadioButton(self.tr("Both, one after the other"))
                    button.setObjectName(f"{c.field}_both")
                    group.addButton(button, 2)
                    self.grid.addWidget(button, row, 1, 1, 2)
            row += 1
        if same:
            note = QLabel(self.tr("Same on both: {0}").format(listing(same)))
            note.setWordWrap(True)
            note.setStyleSheet(f"color: {MUTED};")
            self.grid.addWidget(note, row, 0, 1, 3)
            row += 1
        self.grid.setRowStretch(row, 1)

    def choices(self) -> dict[str, str]:
        """The picks as merge() takes them ("keep" / "loser" / "both" per field; lists
        always keep both)."""
        keep_index = 0 if self.keep_id == self.ids[0] else 1
        return {f: ("both" if g.checkedId() == 2 else
                    "keep" if g.checkedId() == keep_index else "loser")
                for f, g in self.groups.items()}

    def pick(self, field: str, side: int) -> None:
        """Choose side 0 (left), 1 (right) or 2 (both, for notes) for a field."""
        self.groups[field].button(side).setChecked(True)

    # -- merging ---------------------------------------------------------------------------
    def do_merge(self) -> None:
        keep, loser, choices = self.keep_id, self._loser, self.choices()

        def write() -> str:
            with self.store.write() as tx:
                return merging.merge(tx, self.kind, keep, loser, choices)

        error = saving(self, write, "merge_id")
        if error is not None:
            self.error.setText(self.tr("Nothing was merged: {0}").format(error))
            self.error.show()
            return
        self.loser_id = loser
        self.accept()

