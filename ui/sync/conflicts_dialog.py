"""Sync conflicts: values of yours that a newer change from someone else replaced. One click
puts yours back (it is then sent as a new change and wins everywhere)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import ServiceError
from app.store import Store
from sync import conflicts
from sync.conflicts import ConflictView
from ui.field_names import field_label
from ui.format import wire_birthday_text
from ui.views.base import tidy_table


def show_value(value: Any, field: str = "") -> str:
    if value is None or value == "" or value == []:
        return "—"
    if field == "birthday":  # (one without a year as its day and month)
        return wire_birthday_text(value)
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, list):
        parts = [v.get("address") or v.get("number") or json.dumps(v, ensure_ascii=False)
                 if isinstance(v, dict) else str(v) for v in value]
        return ", ".join(parts)
    return str(value)


class ConflictsModel(QAbstractTableModel):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.items: list[ConflictView] = []
        self.headers = [self.tr("Record"), self.tr("Field"), self.tr("Your value"),
                        self.tr("Value kept"), self.tr("When")]
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.items = conflicts.list_conflicts(self.store)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        c = self.items[index.row()]
        col = index.column()
        if col == 0:
            return c.record_name or c.record_id
        if col == 1:
            return field_label(c.field, c.entity)
        if col == 2:
            return c.local_label or show_value(c.local_value, c.field)
        if col == 3:
            return c.remote_label or show_value(c.remote_value, c.field)
        return c.created_at.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")


class ConflictsDialog(QDialog):
    def __init__(self, parent: QWidget | None, store: Store) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.model = ConflictsModel(store, self)
        intro = QLabel(self.tr("Someone changed these at the same time as you, and their "
                               "change was newer. Restore yours if it was the right one."), self)
        intro.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        tidy_table(self.table)
        self.table.doubleClicked.connect(lambda _i: self.restore_selected())
        self.empty = QLabel(self.tr("No conflicts: every change of yours is in."), self)
        self.empty.setObjectName("emptyState")
        self.restore_button = QPushButton(self.tr("Restore mine"), self)
        self.restore_button.clicked.connect(self.restore_selected)
        self.keep_button = QPushButton(self.tr("Keep theirs"), self)
        self.keep_button.clicked.connect(self.dismiss_selected)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b91c1c")
        self.error.setWordWrap(True)
        self.error.hide()  # an empty label still took a line above the buttons
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        # one row of buttons: the actions on the left, Close on the right (they sat on two
        # rows, Close alone under the others)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addWidget(self.keep_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.resize(720, 380)
        self._update()
        if self.model.items:
            self.table.selectRow(0)

    def _selected(self) -> ConflictView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.items[rows[0].row()] if rows else None

    def restore_selected(self) -> None:
        self._act(conflicts.restore)

    def dismiss_selected(self) -> None:
        self._act(conflicts.dismiss)

    def _act(self, action) -> None:
        item = self._selected()
        if item is None:
            return
        try:
            action(self.store, item.id)
            self.error.clear()
            self.error.hide()
        except ServiceError as exc:
            self.error.setText(str(exc))
            self.error.show()
        self.model.reload()
        self._update()
        if self.model.items:
            self.table.selectRow(0)

    def _update(self) -> None:
        has = bool(self.model.items)
        self.table.setVisible(has)
        self.empty.setVisible(not has)
        self.restore_button.setEnabled(has)
        self.keep_button.setEnabled(has)


def open_conflicts_dialog(parent: QWidget | None, store: Store) -> None:
    ConflictsDialog(parent, store).exec()
