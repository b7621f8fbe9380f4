"""Contacts and Companies: a long lazy list beside the detail pane of the selected record."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QPushButton, QSplitter, QVBoxLayout, QWidget

from app.store import Store
from ui.detail_pane import DetailPane
from ui.lazy_model import LazyTableModel
from ui.table_models import companies_model, contacts_model
from ui.views.base import EmptyStack, View, header, make_table, on_delete_key

ASYNC_ROWS = 20_000  # lists at least this long reload off the UI thread
PHONE_SAMPLE = "+86 138 0013 8000"  # the contacts list's phone column shows this much whole


class RecordListView(View):
    open_record = Signal(str, str)
    new_requested = Signal()

    def __init__(self, store: Store, kind: str, title: str, model: LazyTableModel,
                 fractions: list[float], empty_list: str, empty_detail: str, new_label: str,
                 parent: QWidget | None = None,
                 fits: dict[int, str] | None = None) -> None:
        super().__init__(store, parent)
        self.kind = kind
        self.model = model
        model.setParent(self)
        self._pending_current: str | None = None
        model.reloaded.connect(self._reloaded)
        head, self.summary = header(title, self)
        self.new_button = QPushButton(new_label, self)
        self.new_button.clicked.connect(self.new_requested)
        head.addWidget(self.new_button)

        self.table = make_table(model, self, fractions, fits)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.list_stack = EmptyStack(self.table, empty_list, self)
        self.detail = DetailPane(store, empty_detail, self)
        self.detail.open_record.connect(self.open_record)
        self.table.activated.connect(lambda _index: self.detail.edit())  # Enter / double-click
        on_delete_key(self.table, self.detail.delete)

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
            self._pending_current = self.detail.record_id
            self.model.reload_async()
            self.detail.refresh()
            return
        super().on_store_changed(entities)

    def refresh(self) -> None:
        super().refresh()
        current = self.detail.record_id
        self.model.reload()
        self._after_reload(current)

    def _reloaded(self) -> None:
        self._after_reload(self._pending_current)

    def _after_reload(self, current: str | None) -> None:
        n = self.model.rowCount()
        self.summary.setText(self.count_text(n))
        self.list_stack.set_empty(n == 0)
        if current and self.model.row_of(current) >= 0:
            self.select(current)
        elif n:
            self.table.selectRow(0)
        else:
            self.detail.clear()

    def count_text(self, n: int) -> str:
        return f"{n:,}"

    def select(self, record_id: str) -> bool:
        if self._dirty:
            self.refresh()
        row = self.model.row_of(record_id)
        if row < 0:
            # written a moment ago: the store's change signal has not reached the list yet
            self.refresh()
            row = self.model.row_of(record_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
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


class CompaniesView(RecordListView):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(
            store, "company", self.tr("Companies"), companies_model(store), [0.56, 0.1],
            self.tr("No companies yet. They are created as you add contacts."),
            self.tr("Select a company to see its people, deals and history."),
            self.tr("New company…"), parent, fits={1: "9,999"})

    def count_text(self, n: int) -> str:
        return self.tr("1 company") if n == 1 else self.tr("{0} companies").format(f"{n:,}")
