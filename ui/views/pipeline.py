"""Opportunities: the pipeline as a table (stage, amount, close date); add and edit."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from app.services import opportunities
from app.store import Store
from ui.dialogs.opportunity import OpportunityDialog
from ui.format import amount_text, stage_names
from ui.table_models import opportunities_model
from ui.views.base import EmptyStack, TableView, confirm, header, make_table, on_delete_key

CLOSED = ("won", "lost")


class OpportunitiesView(TableView):
    ENTITIES = frozenset({"opportunity", "company"})
    open_record = Signal(str, str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        head, self.summary = header(self.tr("Opportunities"), self)
        self.new_button = QPushButton(self.tr("New opportunity…"), self)
        self.new_button.clicked.connect(self.new_opportunity)
        head.addWidget(self.new_button)
        self.model = opportunities_model(self)
        self.table = make_table(self.model, self, [0.3, 0.33, 0.11, 0.14], fits={
            2: max(stage_names().values(), key=len), 3: "9,999,999 CNY", 4: "2026-12-30"})
        self.table.activated.connect(self._edit)
        on_delete_key(self.table, self.delete_selected)
        self.stack = EmptyStack(self.table, self.tr(
            "No opportunities yet. Track a deal with “New opportunity…” (Ctrl+Shift+O)."), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(head)
        layout.addWidget(self.stack, 1)

    def refresh(self) -> None:
        super().refresh()
        with self.store.read() as s:
            rows = opportunities.list_all(s)
        # open deals first, soonest close first; won and lost ones after them
        rows.sort(key=lambda o: (o.stage in CLOSED, o.close_date is None, o.close_date or 0))
        self.model.set_rows(rows)
        self.stack.set_empty(not rows)
        open_ = [o for o in rows if o.stage not in CLOSED]
        totals: dict[str, float] = defaultdict(float)
        for o in open_:
            if o.amount:
                totals[o.currency] += o.amount
        money = " · ".join(amount_text(v, c) for c, v in sorted(totals.items(), key=lambda x: -x[1]))
        text = self.tr("{0} open").format(len(open_))
        self.summary.setText(f"{text} · {money}" if money else text)

    def new_opportunity(self) -> None:
        OpportunityDialog(self.store, parent=self).exec()

    def delete_selected(self) -> None:
        item = self.model.row_object(self.table.currentIndex().row())
        if item and confirm(self, self.tr("Delete"),
                            self.tr("Delete the opportunity “{0}”?").format(item.title)):
            with self.store.write() as tx:
                opportunities.delete(tx, item.id)

    def _edit(self, index: QModelIndex) -> None:
        oid = self.model.id_at(index.row())
        if oid:
            OpportunityDialog(self.store, oid, parent=self).exec()
