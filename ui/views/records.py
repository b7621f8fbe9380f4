"""Contacts and Companies: a long lazy list beside the detail pane of the current record.
Several rows can be selected (Shift/Ctrl+click, Ctrl+A) to export or delete them together;
the detail pane shows the current one."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import ServiceError
from app.io.export import Selection
from app.services import records
from app.store import Store
from ui import external
from ui.detail_pane import DetailPane
from ui.lazy_model import LazyTableModel
from ui.table_models import companies_model, contacts_model
from ui.views.base import EmptyStack, TableView, confirm, header, make_table, on_delete_key
from ui.worker import Stopped, run_with_progress

ASYNC_ROWS = 20_000  # lists at least this long reload off the UI thread
PHONE_SAMPLE = "+86 138 0013 8000"  # the contacts list's phone column shows this much whole


class RecordListView(TableView):
    open_record = Signal(str, str)
    new_requested = Signal()
    selection_changed = Signal(int)  # how many rows are selected (the main window's Export menu)

    def __init__(self, store: Store, kind: str, title: str, model: LazyTableModel,
                 fractions: list[float], empty_list: str, empty_detail: str, new_label: str,
                 parent: QWidget | None = None,
                 fits: dict[int, str] | None = None) -> None:
        super().__init__(store, parent)
        self.kind = kind
        self.model = model
        model.setParent(self)
        # the current row and the selection while the list is re-read in a thread
        self._pending: tuple[str | None, list[str]] = (None, [])
        model.reloaded.connect(self._reloaded)
        head, self.summary = header(title, self)
        self.new_button = QPushButton(new_label, self)
        self.new_button.clicked.connect(self.new_requested)
        head.addWidget(self.new_button)

        self.table = make_table(model, self, fractions, fits)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_context_menu)
        self.list_stack = EmptyStack(self.table, empty_list, self)
        self.detail = DetailPane(store, empty_detail, self)
        self.detail.open_record.connect(self.open_record)
        self.table.activated.connect(lambda _index: self.detail.edit())  # Enter / double-click
        on_delete_key(self.table, self.delete_selected)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 400])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(head)
        layout.addWidget(self.splitter, 1)

    def on_store_changed(self, entities: set[str]) -> None:
        # a long list is re-read in a thread so a write never freezes the window
        if (entities & self.ENTITIES and self.isVisible()
                and self.model.rowCount() >= ASYNC_ROWS):
            self._pending = (self.detail.record_id, self.selected_ids())
            self.model.reload_async()
            self.detail.refresh()
            return
        super().on_store_changed(entities)

    def refresh(self) -> None:
        super().refresh()
        current, chosen = self.detail.record_id, self.selected_ids()
        self.model.reload()
        self._after_reload(current, chosen)

    def _reloaded(self) -> None:
        self._after_reload(*self._pending)

    def _after_reload(self, current: str | None, chosen: list[str]) -> None:
        """The list re-read (any write, a sync's too): the same current row and selection."""
        n = self.model.rowCount()
        self.list_stack.set_empty(n == 0)
        if current and self.model.row_of(current) >= 0:
            self.select(current)
        elif n:
            self.table.selectRow(0)
        else:
            self.detail.clear()
        if len(chosen) > 1:
            self._select_rows(self.model.rows_of(chosen))
        self._show_count()

    def select_many(self, ids: list[str]) -> int:
        """Select these records (those in the list), the first of them current; how many."""
        self.refresh()  # (written a moment ago: the store's change signal may be on its way)
        rows = self.model.rows_of(ids)
        if not rows:
            return 0
        self.select(self.model.id_at(rows[0]))
        self._select_rows(rows)
        return len(rows)

    def _select_rows(self, rows: list[int]) -> None:
        """Add these rows (ascending) to the selection, as runs of neighbouring rows (Ctrl+A on
        100,000 is one)."""
        last = self.model.columnCount() - 1
        chosen = QItemSelection()
        start = 0
        for i in range(1, len(rows) + 1):
            if i == len(rows) or rows[i] != rows[i - 1] + 1:
                chosen.select(self.model.index(rows[start], 0), self.model.index(rows[i - 1], last))
                start = i
        self.table.selectionModel().select(chosen, QItemSelectionModel.SelectionFlag.Select)

    def count_text(self, n: int) -> str:
        return f"{n:,}"

    def _show_count(self, chosen: int | None = None) -> None:
        """"12 contacts", and "· 4 selected" beside it while several are."""
        text = self.count_text(self.model.rowCount())
        chosen = len(self.selected_ids()) if chosen is None else chosen
        if chosen > 1:
            text = self.tr("{0} · {1} selected").format(text, f"{chosen:,}")
        self.summary.setText(text)

    # -- the selection ---------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        """The selected rows' ids, in the list's order (Ctrl+A on 100,000 rows is one range,
        not 100,000 indexes)."""
        parts = sorted({(p.top(), p.bottom()) for p in self.table.selectionModel().selection()})
        ids: list[str] = []
        shown = -1  # the last row taken (ranges of several columns may overlap)
        for top, bottom in parts:
            ids += self.model.ids_between(max(top, shown + 1), bottom)
            shown = max(shown, bottom)
        return ids

    def selection(self) -> Selection:
        """The selected rows as an export's selection."""
        raise NotImplementedError

    def export_text(self, n: int) -> str:
        raise NotImplementedError

    def delete_text(self, n: int) -> str:
        raise NotImplementedError

    def delete_question(self, n: int) -> str:
        raise NotImplementedError

    def deleting_text(self, n: int) -> str:
        raise NotImplementedError

    def _selection_changed(self, _selected=None, _deselected=None) -> None:
        chosen = len(self.selected_ids())  # (once: Ctrl+A on 100,000 rows)
        self._show_count(chosen)
        self.selection_changed.emit(chosen)

    def context_menu(self) -> QMenu | None:
        """Right-click on the list: export or delete the selected rows."""
        n = len(self.selected_ids())
        if not n:
            return None
        menu = QMenu(self)
        menu.addAction(self.export_text(n), self.export_selection)
        menu.addSeparator()
        menu.addAction(self.delete_text(n), self.delete_selected)
        return menu

    def _show_context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu()
        if menu is not None:
            menu.exec(self.table.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def export_selection(self) -> None:
        if self.selected_ids():
            external.call(self, "ui.exporting", "open_export_dialog", self.tr("Export"),
                          self.store, self.selection())

    def delete_selected(self) -> None:
        """Delete the selected rows, after one question; a single one as the detail pane
        deletes it."""
        ids = self.selected_ids()
        if len(ids) <= 1:
            self.detail.delete()
            return
        if not confirm(self, self.tr("Delete"), self.delete_question(len(ids))):
            return

        def write(step) -> None:
            with self.store.write() as tx:
                records.delete_many(tx, self.kind, ids, step)
        try:  # thousands take seconds, 100,000 half a minute: a progress bar, and Cancel
            run_with_progress(self, self.deleting_text(len(ids)), self.tr("Cancel"), len(ids),
                              write)
        except Stopped:
            pass  # one transaction: nothing deleted, the rows stay on screen, still selected
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Delete"), self.tr(
                "Nothing was deleted: {0}").format(exc))

    def select(self, record_id: str) -> bool:
        index = self.select_row(record_id)
        if index is None:
            return False
        self.table.scrollTo(index)
        self.detail.show_record(self.kind, record_id)
        return True

    def _current_changed(self, current, _previous) -> None:
        rid = self.model.id_at(current.row()) if current.isValid() else None
        if rid != self.detail.record_id:
            self.detail.show_record(self.kind, rid)


class ContactsView(RecordListView):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(
            store, "contact", self.tr("Contacts"), contacts_model(store), [0.25, 0.32, 0.22],
            self.tr("No contacts yet. Press Ctrl+N to add one, or import your address book "
                    "(File → Import…)."),
            self.tr("Select a contact to see everything about them."),
            self.tr("New contact…"), parent, fits={3: PHONE_SAMPLE})

    def count_text(self, n: int) -> str:
        return self.tr("1 contact") if n == 1 else self.tr("{0} contacts").format(f"{n:,}")

    def selection(self) -> Selection:
        return Selection(contacts=tuple(self.selected_ids()))

    def export_text(self, n: int) -> str:
        return self.tr("Export this contact…") if n == 1 else self.tr(
            "Export {0} contacts…").format(f"{n:,}")

    def delete_text(self, n: int) -> str:
        return self.tr("Delete this contact…") if n == 1 else self.tr(
            "Delete {0} contacts…").format(f"{n:,}")

    def delete_question(self, n: int) -> str:
        return self.tr("Delete these {0} contacts?").format(f"{n:,}")

    def deleting_text(self, n: int) -> str:
        return self.tr("Deleting {0} contacts…").format(f"{n:,}")


class CompaniesView(RecordListView):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(
            store, "company", self.tr("Companies"), companies_model(store), [0.56, 0.1],
            self.tr("No companies yet. They are created as you add contacts."),
            self.tr("Select a company to see its people, deals and history."),
            self.tr("New company…"), parent, fits={1: "9,999"})

    def count_text(self, n: int) -> str:
        return self.tr("1 company") if n == 1 else self.tr("{0} companies").format(f"{n:,}")

    def selection(self) -> Selection:
        return Selection(companies=tuple(self.selected_ids()))

    def export_text(self, n: int) -> str:
        return self.tr("Export this company's contacts…") if n == 1 else self.tr(
            "Export the contacts of {0} companies…").format(f"{n:,}")

    def delete_text(self, n: int) -> str:
        return self.tr("Delete this company…") if n == 1 else self.tr(
            "Delete {0} companies…").format(f"{n:,}")

    def delete_question(self, n: int) -> str:
        return self.tr("Delete these {0} companies? Their contacts stay, without a "
                       "company.").format(f"{n:,}")

    def deleting_text(self, n: int) -> str:
        return self.tr("Deleting {0} companies…").format(f"{n:,}")
