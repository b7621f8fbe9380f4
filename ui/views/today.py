"""Today: open tasks due today or overdue (tick them off), the daily note (saved as you
type), and a one-line task entry."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFocusEvent, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ServiceError
from app.services import activities, views_activities
from app.services.views_activities import ActivityRow
from app.store import Store
from ui.dialogs.activity import ActivityDialog, from_qdate, to_qdate
from ui.format import date_text
from ui.views.base import EmptyStack, View, header

ID_ROLE = Qt.ItemDataRole.UserRole + 1
FULL_TEXT_ROLE = Qt.ItemDataRole.UserRole + 2
UPCOMING_DAYS = 7


class NoteEdit(QPlainTextEdit):
    focus_lost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.focus_lost.emit()
        super().focusOutEvent(event)


class ElidingList(QListWidget):
    """A list whose long lines end in "…" instead of needing a horizontal scroll bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def add(self, item: QListWidgetItem) -> None:
        item.setData(FULL_TEXT_ROLE, item.text())
        self.addItem(item)
        self._elide(item)

    def _elide(self, item: QListWidgetItem) -> None:
        full = item.data(FULL_TEXT_ROLE) or ""
        metrics = QFontMetrics(item.font())
        item.setText(metrics.elidedText(full, Qt.TextElideMode.ElideRight,
                                        self.viewport().width() - 44))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        blocked = self.blockSignals(True)
        for i in range(self.count()):
            self._elide(self.item(i))
        self.blockSignals(blocked)


class TodayView(View):
    ENTITIES = frozenset({"activity", "contact", "company"})
    open_record = Signal(str, str)

    def __init__(self, store: Store, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(store, parent)
        self._today = today
        self.note_id: str | None = None
        self._saved_text = ""
        head, self.summary = header(self.tr("Today"), self)

        # tasks
        self.tasks_title = QLabel(self.tr("Tasks"), self, objectName="sectionTitle")
        self.tasks = ElidingList(self)
        self.tasks.setSpacing(2)
        self.tasks.itemChanged.connect(self._task_ticked)
        self.tasks.itemActivated.connect(self._edit_task)
        self.tasks_stack = EmptyStack(self.tasks, self.tr(
            "Nothing due this week. Add a task below, or enjoy the quiet."), self)
        self.new_task = QLineEdit(self, placeholderText=self.tr("Add a task and press Enter"))
        self.new_task.returnPressed.connect(self.add_task)
        self.new_task_due = QDateEdit(self, calendarPopup=True, displayFormat="yyyy-MM-dd")
        add = QPushButton(self.tr("Add"), self)
        add.clicked.connect(self.add_task)
        task_row = QHBoxLayout()
        task_row.addWidget(self.new_task, 1)
        task_row.addWidget(self.new_task_due)
        task_row.addWidget(add)
        left = QVBoxLayout()
        left.setSpacing(8)
        left.addWidget(self.tasks_title)
        left.addWidget(self.tasks_stack, 1)
        left.addLayout(task_row)

        # daily note
        note_title = QLabel(self.tr("Daily note"), self, objectName="sectionTitle")
        self.note_state = QLabel(self, objectName="muted")
        self.note = NoteEdit(self)
        self.note.setPlaceholderText(self.tr(
            "What happened today? Visits, calls, ideas… It is saved as you type."))
        self.note.setTabChangesFocus(True)
        self._save_timer = QTimer(self, singleShot=True, interval=800)
        self._save_timer.timeout.connect(self.save_note)
        self.note.textChanged.connect(self._note_edited)
        self.note.focus_lost.connect(self.save_note)
        note_head = QHBoxLayout()
        note_head.addWidget(note_title)
        note_head.addStretch(1)
        note_head.addWidget(self.note_state)
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addLayout(note_head)
        right.addWidget(self.note, 1)

        body = QHBoxLayout()
        body.setSpacing(24)
        body.addLayout(left, 1)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(14)
        layout.addLayout(head)
        layout.addLayout(body, 1)

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def refresh(self) -> None:
        super().refresh()
        self.summary.setText(QLocale().toString(to_qdate(self.today), QLocale.FormatType.LongFormat))
        self.new_task_due.setDate(to_qdate(self.today))
        with self.store.read() as s:
            _due, notes = activities.for_day(s, self.today)
            tasks = views_activities.open_tasks(s, self.today + dt.timedelta(days=UPCOMING_DAYS))
        self._fill_tasks(tasks)
        daily = next((n for n in notes if not n.contact_id and not n.company_id), None)
        # never overwrite what the rep is typing
        if self._save_timer.isActive() or self.note.toPlainText() != self._saved_text:
            return
        self.note_id = daily.id if daily else None
        self._saved_text = daily.body if daily else ""
        if self.note.toPlainText() != self._saved_text:
            self.note.blockSignals(True)
            self.note.setPlainText(self._saved_text)
            self.note.blockSignals(False)

    def _fill_tasks(self, tasks: list[ActivityRow]) -> None:
        groups = [(self.tr("Overdue"), [t for t in tasks if t.due_date < self.today]),
                  (self.tr("Due today"), [t for t in tasks if t.due_date == self.today]),
                  (self.tr("Coming up"), [t for t in tasks if t.due_date > self.today])]
        self.tasks.blockSignals(True)
        self.tasks.clear()
        for title, items in groups:
            if not items:
                continue
            head = QListWidgetItem(title)
            head.setFlags(Qt.ItemFlag.NoItemFlags)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            head.setForeground(QBrush(QColor("#b91c1c" if title == self.tr("Overdue")
                                             else "#374151")))
            self.tasks.add(head)
            for t in items:
                self.tasks.add(self._task_item(t))
        self.tasks.blockSignals(False)
        self.tasks_stack.set_empty(not tasks)
        due_now = sum(1 for t in tasks if t.due_date <= self.today)
        # the count is of what is due (overdue and today), not of every line below it: say so
        self.tasks_title.setText(self.tr("Tasks  ({0} due)").format(due_now) if due_now
                                 else self.tr("Tasks"))

    def _task_item(self, t: ActivityRow) -> QListWidgetItem:
        text = t.subject or t.body.split("\n")[0]
        who = " · ".join(x for x in (t.contact_name, t.company_name) if x)
        parts = [text]
        # the due date before the person and company: a long company name is what gets elided
        if t.due_date != self.today:
            parts.append(date_text(t.due_date, self.today))
        if who:
            parts.append(who)
        line = "   —   ".join(parts)
        item = QListWidgetItem(line)
        item.setData(ID_ROLE, t.id)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                      | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        # the whole line (it may be elided), then the task's text if it says more
        item.setToolTip(line + (f"\n\n{t.body}" if t.body and t.body != text else ""))
        return item

    # -- tasks ---------------------------------------------------------------------------
    def add_task(self) -> None:
        text = self.new_task.text().strip()
        if not text:
            return
        try:
            with self.store.write() as tx:
                activities.create(tx, "task", subject=text, date=self.today,
                                  due_date=from_qdate(self.new_task_due.date()))
        except ServiceError as exc:
            self.note_state.setText(str(exc))
            return
        self.new_task.clear()

    def _task_ticked(self, item: QListWidgetItem) -> None:
        done = item.checkState() == Qt.CheckState.Checked
        with self.store.write() as tx:
            activities.update(tx, item.data(ID_ROLE), done=done)

    def _edit_task(self, item: QListWidgetItem) -> None:
        if item.data(ID_ROLE) is None:  # a group heading
            return
        ActivityDialog(self.store, activity_id=item.data(ID_ROLE), parent=self).exec()

    # -- daily note ----------------------------------------------------------------------
    def _note_edited(self) -> None:
        self.note_state.setText(self.tr("Editing…"))
        self._save_timer.start()

    def save_note(self) -> None:
        self._save_timer.stop()
        text = self.note.toPlainText()
        if text == self._saved_text:
            return
        try:
            with self.store.write() as tx:
                if self.note_id and text.strip():
                    activities.update(tx, self.note_id, body=text)
                elif self.note_id:
                    activities.delete(tx, self.note_id)
                    self.note_id = None
                elif text.strip():
                    self.note_id = activities.create(tx, "note", body=text, date=self.today)
        except ServiceError as exc:
            self.note_state.setText(str(exc))
            return
        self._saved_text = text
        self.note_state.setText(self.tr("Saved"))
