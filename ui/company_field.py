"""A company name field that autocompletes from the store and says when the name is a company
we already know (so its address is shown, not typed again)."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from app import normalize
from app.services import companies
from app.services.companies import CompanyView
from app.store import Store

# The one switch for smarter suggestions: when the dedup engine lands, point this at
# app.dedup.suggest_companies (same shape: (session, text, limit) -> views with id/name/address).
suggest_companies = companies.names_starting


class CompanyField(QLineEdit):
    matched = Signal(object)  # CompanyView of the existing company, or None for a new name

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.company: CompanyView | None = None
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.activated.connect(self._check)
        self.setCompleter(completer)
        self._timer = QTimer(self, singleShot=True, interval=60)
        self._timer.timeout.connect(self._suggest)
        self.textEdited.connect(lambda _t: self._timer.start())
        self.textChanged.connect(lambda _t: self._check())

    def _suggest(self) -> None:
        text = self.text().strip()
        with self.store.read() as s:
            found = suggest_companies(s, text, 8) if text else []
        self._names.setStringList([c.name for c in found if c])
        if found and self.hasFocus():
            self.completer().complete()

    def _check(self, *_args) -> None:
        text = self.text().strip()
        company = None
        key = normalize.company_key(text)
        if key:
            # per keystroke: only the cheap exact-name lookup (same key: case, width, legal
            # form). The full matcher (app.matching) runs once, on save, in a worker.
            with self.store.read() as s:
                found = companies.find_by_key(s, key)
                company = companies.get(s, found[0]) if found else None
        if (company and company.id) != (self.company and self.company.id):
            self.company = company
            self.matched.emit(company)
