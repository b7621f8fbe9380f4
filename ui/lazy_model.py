"""A table model for long lists: all ids in memory, rows fetched in pages through a service
and kept in a bounded cache (the way Anki's browser table works). 100,000 rows cost ~100,000
id strings; only the rows on screen are ever loaded.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from sqlalchemy.orm import Session

from app.store import Store

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    title: str  # already translated
    value: Callable[[Any], str]
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    tooltip: bool = False  # show the full text as a tooltip (long names get elided)
    muted: Callable[[Any], bool] | None = None  # rows whose cell is drawn in grey (RowsTableModel)
    # what a click on the header sorts by, when not the text ("10" after "9"; RowsTableModel)
    key: Callable[[Any], Any] | None = None


class ColumnsModel(QAbstractTableModel):
    """A table of `Column`s over `size()` rows: the header and column count both kinds of
    list share (this lazy one, `ui.rows_model.RowsTableModel`)."""

    def __init__(self, columns: list[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = columns

    def size(self) -> int:
        """The number of rows (not __len__: a model must stay truthy when empty)."""
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.size()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(self.columns[section].align)
        return None


class LazyTableModel(ColumnsModel):
    PAGE = 200
    CACHE_ROWS = 4000
    reloaded = Signal()  # after reload_async() applied a fresh id list
    _ids_ready = Signal(int, list)  # from the loading thread (queued to the UI thread)

    def __init__(self, store: Store, load_ids: Callable[[Session], list[str]],
                 load_rows: Callable[[Session, list[str]], Sequence[Any]],
                 columns: list[Column], parent: QObject | None = None) -> None:
        super().__init__(columns, parent)
        self.store = store
        self._load_ids = load_ids
        self._load_rows = load_rows
        self._ids: list[str] = []
        self._cache: OrderedDict[str, Any] = OrderedDict()
        self._loaded = False
        self._generation = 0
        self._ids_ready.connect(self._apply_ids, Qt.ConnectionType.QueuedConnection)

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        """Fetch the id list again (after a write); rows are re-read as they are shown."""
        self._generation += 1
        with self.store.read() as session:
            ids = self._load_ids(session)
        self._set_ids(ids)

    def reload_async(self) -> None:
        """Fetch the id list in a thread (~0.3 s for 100,000 ids) while the old list stays
        on screen; `reloaded` is emitted once the new one is in. A newer reload wins."""
        self._generation += 1
        generation = self._generation

        def work() -> None:
            with self.store.read() as session:
                ids = self._load_ids(session)
            self._ids_ready.emit(generation, ids)

        threading.Thread(target=work, name="list-ids", daemon=True).start()

    def _apply_ids(self, generation: int, ids: list[str]) -> None:
        if generation == self._generation:  # else a later reload is on its way
            self._set_ids(ids)
            self.reloaded.emit()

    def _set_ids(self, ids: list[str]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._cache.clear()
        self._loaded = True
        self.endResetModel()

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.reload()

    def _row(self, row: int) -> Any:
        rid = self._ids[row]
        item = self._cache.get(rid)
        if item is not None:
            self._cache.move_to_end(rid)
            return item
        start = max(0, row - self.PAGE // 4)  # a little above too: scrolling goes both ways
        page = [i for i in self._ids[start:start + self.PAGE] if i not in self._cache]
        with self.store.read() as session:
            for r in self._load_rows(session, page):
                self._cache[r.id] = r
        while len(self._cache) > self.CACHE_ROWS:
            self._cache.popitem(last=False)
        return self._cache.get(rid)

    # -- lookups -------------------------------------------------------------------------
    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: str) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def ids_between(self, first: int, last: int) -> list[str]:
        """The ids of rows first..last (a slice: 100,000 selected rows in a few milliseconds)."""
        return self._ids[max(first, 0):last + 1]

    def rows_of(self, record_ids: list[str]) -> list[int]:
        """The rows of those ids still in the list, in order (one pass, not `row_of` each)."""
        wanted = set(record_ids)
        return [row for row, rid in enumerate(self._ids) if rid in wanted]

    # -- QAbstractTableModel -------------------------------------------------------------
    def size(self) -> int:
        return len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.TextAlignmentRole):
            return None
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(col.align)
        item = self._row(index.row())
        if item is None:  # deleted since the ids were read; the next reload drops it
            return "" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.value(item) if col.tooltip else None
        return col.value(item)
