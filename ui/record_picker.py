"""Pick the contact or company a note, call or task is about: type, choose from the search."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from app import search
from app.services import contacts
from app.store import Store


class RecordPicker(QLineEdit):
    picked = Signal(object, object)  # contact_id, company_id (None when cleared)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.contact_id: str | None = None
        self.company_id: str | None = None
        self._choices: dict[str, tuple[str, str]] = {}
        self._labels = QStringListModel(self)
        completer = QCompleter(self._labels, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated.connect(self._choose)
        self.setCompleter(completer)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=80)
        self._timer.timeout.connect(self._suggest)
        self.textEdited.connect(self._edited)

    def _edited(self, text: str) -> None:
        if not text.strip():
            self._set(None, None)
        self._timer.start()

    def _suggest(self) -> None:
        text = self.text().strip()
        if not text:
            return
        with self.store.read() as s:
            hits = [h for h in search.search(s, text, limit=12)
                    if h.type in ("contact", "company")]
        self._choices = {(f"{h.name} — {h.detail}" if h.detail else h.name): (h.type, h.id)
                         for h in hits}
        self._labels.setStringList(list(self._choices))
        if hits and self.hasFocus():
            self.completer().complete()

    def _choose(self, label: str) -> None:
        kind, rid = self._choices.get(label, (None, None))
        if kind == "company":
            self._set(None, rid)
        elif kind == "contact":
            with self.store.read() as s:
                c = contacts.get(s, rid)
            self._set(rid, c.company_id if c else None)

    def _set(self, contact_id: str | None, company_id: str | None) -> None:
        if (contact_id, company_id) != (self.contact_id, self.company_id):
            self.contact_id, self.company_id = contact_id, company_id
            self.picked.emit(contact_id, company_id)
