"""A table model over a list of row objects loaded at once (pipeline, recent activity, an
import's per-record report)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from app import normalize
from ui.lazy_model import ID_ROLE, Column, ColumnsModel, Index

MUTED = QBrush(QColor("#9ca3af"))


class RowsTableModel(ColumnsModel):
    def __init__(self, columns: list[Column], parent: QObject | None = None,
                 muted: Callable[[Any], bool] | None = None) -> None:
        super().__init__(columns, parent)
        self._muted = muted  # rows drawn in grey (closed deals, done tasks)
        self._rows: list[Any] = []
        self._given: list[Any] = []  # the rows in the order the caller chose (sorted by none)
        self._keep: Callable[[Any], bool] | None = None  # the rows shown (`set_filter`)
        self._sorted_by: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    def set_rows(self, rows: Sequence[Any]) -> None:
        """New rows, shown filtered and sorted as the ones before."""
        self.beginResetModel()
        self._given = list(rows)
        self._rows = self._arranged()
        self.endResetModel()

    def set_filter(self, keep: Callable[[Any], bool] | None) -> None:
        """Show only the rows `keep` accepts (None: all), sorted as now."""
        self.beginResetModel()
        self._keep = keep
        self._rows = self._arranged()
        self.endResetModel()

    def _arranged(self) -> list[Any]:
        rows = [r for r in self._given if self._keep(r)] if self._keep else list(self._given)
        column, order = self._sorted_by
        if 0 <= column < len(self.columns):
            col = self.columns[column]
            key = col.key or (lambda item: normalize.fold(col.value(item)))
            # (stable: rows alike keep the caller's order, in both directions)
            rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        return rows

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A click on a header (a view with sorting enabled): by that column, case and width
        aside (`normalize.fold`); column -1 (no sort indicator) is the caller's own order
        back."""
        self.layoutAboutToBeChanged.emit()
        self._sorted_by = (column, order)
        rows = self._arranged()
        old = self.persistentIndexList()
        moved = {id(item): i for i, item in enumerate(rows)}
        self.changePersistentIndexList(old, [
            self.index(moved[id(self._rows[i.row()])], i.column()) for i in old])
        self._rows = rows
        self.layoutChanged.emit()

    def row_object(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def id_at(self, row: int) -> str | None:
        item = self.row_object(row)
        return item.id if item is not None else None

    def row_of(self, record_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), -1)

    def size(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        col = self.columns[index.column()]
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.DisplayRole:
            return col.value(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.value(item) if col.tooltip else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(col.align)
        if role == Qt.ItemDataRole.ForegroundRole and (
                self._muted and self._muted(item) or col.muted and col.muted(item)):
            return MUTED
        return None
