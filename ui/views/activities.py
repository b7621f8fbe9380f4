"""Activities: recent notes, calls, meetings and tasks; add any of them; Enter edits."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QComboBox, QPushButton, QVBoxLayout, QWidget

from app.domain import ACTIVITY_KINDS
from app.services import activities, views_activities
from app.store import Store
from ui.dialogs.activity import ActivityDialog
from ui.format import kind_names
from ui.table_models import activities_model, due_text
from ui.views.base import EmptyStack, TableView, confirm, header, make_table, on_delete_key

LIMIT = 500


class ActivitiesView(TableView):
    ENTITIES = frozenset({"activity", "contact", "company"})
    open_record = Signal(str, str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        head, self.summary = header(self.tr("Activities"), self)
        self.filter = QComboBox(self)
        self.filter.addItem(self.tr("All kinds"), None)
        for k in ACTIVITY_KINDS:
            self.filter.addItem(kind_names()[k], k)
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        head.addWidget(self.filter)
        labels = {"note": self.tr("Note…"), "call": self.tr("Call…"),
                  "meeting": self.tr("Meeting…"), "task": self.tr("Task…")}
        for k in ACTIVITY_KINDS:
            button = QPushButton(labels[k], self)
            button.clicked.connect(lambda _c=False, kind=k: self.add(kind))
            head.addWidget(button)
        self.model = activities_model(self)
        # a due date is what a task row is for: never "due 2026…"
        self.table = make_table(self.model, self, [0.11, 0.09, 0.4, 0.15],
                                fits={0: due_text(dt.date(2026, 12, 30))})
        self.table.activated.connect(self._edit)
        on_delete_key(self.table, self.delete_selected)
        self.stack = EmptyStack(self.table, self.tr(
            "No activity yet. Log a call, a meeting or a note with the buttons above."), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(head)
        layout.addWidget(self.stack, 1)

    def refresh(self) -> None:
        super().refresh()
        with self.store.read() as s:
            rows = views_activities.recent_rows(s, LIMIT, self.filter.currentData())
        self.model.set_rows(rows)
        self.stack.set_empty(not rows)
        self.summary.setText(self.count_text(len(rows)))

    def count_text(self, n: int) -> str:
        """Beside the title like the other views' ('19 contacts'), not a bare number."""
        if n >= LIMIT:
            return self.tr("latest {0}").format(n)
        return self.tr("1 activity") if n == 1 else self.tr("{0} activities").format(f"{n:,}")

    def add(self, kind: str) -> None:
        ActivityDialog(self.store, kind, parent=self).exec()

    def delete_selected(self) -> None:
        item = self.model.row_object(self.table.currentIndex().row())
        if item and confirm(self, self.tr("Delete"), self.tr("Delete this {0}?").format(
                kind_names()[item.kind].lower())):
            with self.store.write() as tx:
                activities.delete(tx, item.id)

    def _edit(self, index: QModelIndex) -> None:
        aid = self.model.id_at(index.row())
        if aid:
            ActivityDialog(self.store, activity_id=aid, parent=self).exec()
