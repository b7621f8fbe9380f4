"""What every view shares: refresh from the store hook (only when visible; a hidden view
refreshes when next shown), a header, a table set up for long lists, an empty state."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex, QSize, Qt
from PySide6.QtGui import (
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QWidget,
)

from app.store import Store
from ui.lazy_model import LazyTableModel
from ui.rows_model import RowsTableModel


class View(QWidget):
    ENTITIES: frozenset[str] = frozenset({"company", "contact", "opportunity", "activity"})

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._dirty = True

    def on_store_changed(self, entities: set[str]) -> None:
        if not entities & self.ENTITIES:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._dirty:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._dirty = False


class TableView(View):
    """A view of one table of records: the contacts and companies (lazy lists), the deals,
    the recent activities. Subclasses set `self.model` (a `ui.lazy_model.ColumnsModel` with
    `row_of`) and `self.table`."""

    model: LazyTableModel | RowsTableModel
    table: QTableView

    def select(self, record_id: str) -> bool:
        """Select the row of that record; False when it is not in the list."""
        return self.select_row(record_id) is not None

    def select_row(self, record_id: str) -> QModelIndex | None:
        """Select the row of that record and return it (None: it is not in the list)."""
        if self._dirty:
            self.refresh()
        row = self.model.row_of(record_id)
        if row < 0:
            # written a moment ago: the store's change signal has not reached the list yet
            self.refresh()
            row = self.model.row_of(record_id)
        if row < 0:
            return None
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        return index


class ElidedLabel(QLabel):
    """One line that ends in "…" when there is no room for all of it (the tooltip has it),
    instead of being cut mid-figure ('48,0' for '48,000 EUR')."""

    def minimumSizeHint(self) -> QSize:
        return QSize(1, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.contentsRect()
        full = self.text()
        shown = self.fontMetrics().elidedText(full, Qt.TextElideMode.ElideRight, rect.width())
        self.setToolTip(full if shown != full else "")
        painter = QPainter(self)
        self.style().drawItemText(painter, rect, int(self.alignment()), self.palette(),
                                  self.isEnabled(), shown, self.foregroundRole())


def header(title: str, parent: QWidget) -> tuple[QHBoxLayout, QLabel]:
    """A view title with a muted count/summary label beside it; add buttons to the layout."""
    row = QHBoxLayout()
    row.setSpacing(12)
    label = QLabel(title, parent, objectName="viewTitle")
    # the count gives way (elided) before the buttons beside it do: at full width the
    # pipeline's totals in six currencies held the window 1068 px wide, over a 1024 px screen
    summary = ElidedLabel(parent, objectName="muted")
    row.addWidget(label, 0, Qt.AlignmentFlag.AlignBaseline)
    row.addWidget(summary, 0, Qt.AlignmentFlag.AlignBaseline)
    row.addStretch(1)
    return row, summary


CELL_PADDING = 2 * 6 + 10  # QTableView::item padding (style.py) and the frame around text
HEADER_PADDING = 2 * 8 + 8  # QHeaderView::section padding (style.py) and the section's frame


class FitTable(QTableView):
    """Columns share the visible width by fixed fractions (the last one takes the rest), so a
    list never needs a horizontal scroll bar; long text is elided, the tooltip has it all.
    `fits`: {column: sample} columns always wide enough for their sample (a phone number, a
    due date: an elided one is useless); the other columns give up the room."""

    def __init__(self, fractions: list[float], parent: QWidget | None = None,
                 fits: dict[int, str] | None = None) -> None:
        super().__init__(parent)
        self.fractions = fractions
        self.fits = fits or {}

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = self.viewport().width()
        n = len(self.fractions)
        need = {i: max(self.fontMetrics().horizontalAdvance(t) + CELL_PADDING,
                       self._header_width(i)) for i, t in self.fits.items()}
        widths = [width * f for f in self.fractions]
        fixed = {i: need[i] for i in range(n) if widths[i] < need.get(i, 0)}
        free = [i for i in range(n) if i not in fixed]
        deficit = (sum(fixed[i] - widths[i] for i in fixed)
                   + max(0.0, need.get(n, 0) - (width - sum(widths))))  # n: the last column
        pool = sum(widths[i] for i in free)
        if deficit > 0 and pool:  # the others shrink in proportion to pay for it
            scale = max(0.0, pool - deficit) / pool
            for i in free:
                widths[i] *= scale
        for i, w in fixed.items():
            widths[i] = w
        for i, w in enumerate(widths):
            self.setColumnWidth(i, max(60, int(w)))

    def _header_width(self, column: int) -> int:
        """What the column's header needs ('Contacts' over a narrow count read 'ontacts')."""
        model = self.model()
        text = model.headerData(column, Qt.Orientation.Horizontal) if model else None
        header = self.horizontalHeader()
        return header.fontMetrics().horizontalAdvance(str(text or "")) + HEADER_PADDING


def make_table(model: QAbstractItemModel, parent: QWidget,
               fractions: list[float], fits: dict[int, str] | None = None) -> QTableView:
    """A table for long lists: uniform fixed row height (cheap scrolling), elided text.
    `fractions`: share of the width for each column but the last; `fits`: {column: a sample
    text that column is always wide enough for}."""
    table = FitTable(fractions, parent, fits)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    vh = table.verticalHeader()
    vh.hide()
    vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vh.setDefaultSectionSize(max(28, table.fontMetrics().height() + 12))
    hh = table.horizontalHeader()
    hh.setHighlightSections(False)
    hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    hh.setStretchLastSection(True)
    hh.setMinimumSectionSize(60)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return table


def tidy_table(table: QTableView, right: tuple[int, ...] = ()) -> None:
    """A dialog's table read like the main lists: headers over their text (left, or right
    over the numbers in `right`), no grid, alternate rows shaded."""
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    hh = table.horizontalHeader()
    hh.setHighlightSections(False)
    hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    model = table.model()
    for col in right:
        model.setHeaderData(col, Qt.Orientation.Horizontal,
                            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                            Qt.ItemDataRole.TextAlignmentRole)


def on_delete_key(table: QTableView, slot) -> None:
    """The Delete key on a focused table calls `slot` (which asks before deleting)."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table, slot)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)


def confirm(parent: QWidget, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.StandardButton.Yes


class EmptyStack(QStackedWidget):
    """A widget that shows a helpful sentence instead of itself when there is nothing in it."""

    def __init__(self, content: QWidget, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.message = QLabel(text, self, objectName="emptyState", wordWrap=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(content)
        self.addWidget(self.message)

    def set_empty(self, empty: bool) -> None:
        self.setCurrentWidget(self.message if empty else self.content)
