"""Add or edit a note, call, meeting or task (optionally about a contact and/or company)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.domain import ACTIVITY_KINDS
from app.errors import ServiceError
from app.services import activities, companies, contacts
from app.store import Store
from ui.dialogs.form import form_frame
from ui.format import kind_names
from ui.record_picker import RecordPicker


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class ActivityDialog(QDialog):
    def __init__(self, store: Store, kind: str = "note", *, activity_id: str | None = None,
                 contact_id: str | None = None, company_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.activity_id = activity_id
        self.saved_id: str | None = None
        existing = None
        if activity_id:
            with store.read() as s:
                existing = activities.get(s, activity_id)
            if existing:
                kind, contact_id, company_id = (existing.kind, existing.contact_id,
                                                existing.company_id)
        self.contact_id, self.company_id = contact_id, company_id
        self.setMinimumWidth(460)

        self.kind = QComboBox(self)
        for k in ACTIVITY_KINDS:
            self.kind.addItem(kind_names()[k], k)
        self.kind.setCurrentIndex(ACTIVITY_KINDS.index(kind))
        self.subject = QLineEdit(self)
        self.body = QPlainTextEdit(self)
        self.body.setTabChangesFocus(True)
        self.body.setMinimumHeight(90)
        self.date = QDateEdit(to_qdate(dt.date.today()), self, calendarPopup=True,
                              displayFormat="yyyy-MM-dd")
        self.due = QDateEdit(to_qdate(dt.date.today()), self, calendarPopup=True,
                             displayFormat="yyyy-MM-dd")
        self.done_box = QCheckBox(self.tr("Done"), self)
        self.about = QLabel(self._about_text(), self, objectName="muted", wordWrap=True)
        self.picker = RecordPicker(store, self)
        self.picker.setPlaceholderText(self.tr("Contact or company (optional): start typing"))
        self.picker.picked.connect(self._picked)

        form = QFormLayout()
        form.addRow(self.tr("&Kind"), self.kind)
        if self.about.text():
            form.addRow(self.tr("About"), self.about)
            self.picker.hide()
        else:  # not opened from a record: let the rep say who it was with
            form.addRow(self.tr("&About"), self.picker)
            self.about.hide()
        form.addRow(self.tr("&Subject"), self.subject)
        form.addRow(self.tr("&Text"), self.body)
        form.addRow(self.tr("&Date"), self.date)
        self.due_label = QLabel(self.tr("D&ue"), self)
        self.due_label.setBuddy(self.due)
        form.addRow(self.due_label, self.due)
        form.addRow("", self.done_box)

        self.error = form_frame(self, form)

        if existing:
            self.subject.setText(existing.subject)
            self.body.setPlainText(existing.body)
            if existing.date:
                self.date.setDate(to_qdate(existing.date))
            if existing.due_date:
                self.due.setDate(to_qdate(existing.due_date))
            self.done_box.setChecked(existing.done)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        (self.picker if self.picker.isVisibleTo(self) else self.subject).setFocus()

    def _about_text(self) -> str:
        names = []
        with self.store.read() as s:
            if self.contact_id and (c := contacts.get(s, self.contact_id)):
                names.append(c.name)
            if self.company_id and (co := companies.get(s, self.company_id)):
                names.append(co.name)
        return " · ".join(names)

    def _picked(self, contact_id: str | None, company_id: str | None) -> None:
        self.contact_id, self.company_id = contact_id, company_id

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        is_task = kind == "task"
        self.due.setVisible(is_task)
        self.due_label.setVisible(is_task)
        self.done_box.setVisible(is_task)
        title = {"note": self.tr("Note"), "call": self.tr("Call"),
                 "meeting": self.tr("Meeting"), "task": self.tr("Task")}[kind]
        self.setWindowTitle(title)

    def values(self) -> dict:
        kind = self.kind.currentData()
        values = {"kind": kind, "subject": self.subject.text().strip(),
                  "body": self.body.toPlainText().strip(),
                  "date": from_qdate(self.date.date()),
                  "contact_id": self.contact_id, "company_id": self.company_id}
        if kind == "task":
            values["due_date"] = from_qdate(self.due.date())
            values["done"] = self.done_box.isChecked()
        return values

    def save(self) -> None:
        values = self.values()
        try:
            with self.store.write() as tx:
                if self.activity_id:
                    activities.update(tx, self.activity_id, **values)
                    self.saved_id = self.activity_id
                else:
                    kind = values.pop("kind")
                    self.saved_id = activities.create(tx, kind, **values)
        except ServiceError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()
