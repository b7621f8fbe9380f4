"""A company name field that autocompletes from the store and says when the name is a company
we already know (so its address is shown, not typed again)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from app import normalize
from app.services import companies
from app.services.companies import CompanyView
from app.store import Store

NAME_ROLE = Qt.ItemDataRole.UserRole  # what a chosen suggestion puts in the field
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CompanyField(QLineEdit):
    matched = Signal(object)  # CompanyView of the existing company, or None for a new name

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.company: CompanyView | None = None
        self._chosen: tuple[str, str] | None = None  # (name, id) picked from the list
        # the list shows "Acme GmbH, Berlin (3 contacts)", so two companies of one name are told
        # apart; picking one puts its name in the field and that company's address in the form
        self._names = QStandardItemModel(self)
        completer = QCompleter(self._names, self)
        completer.setCompletionRole(NAME_ROLE)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.activated[QModelIndex].connect(self._picked)
        self.setCompleter(completer)
        self._timer = QTimer(self, singleShot=True, interval=60)
        self._timer.timeout.connect(self._suggest)
        self.textEdited.connect(lambda _t: self._timer.start())
        self.textChanged.connect(lambda _t: self._check())

    def _suggest(self) -> None:
        text = self.text().strip()
        with self.store.read() as s:
            found = companies.suggest(s, text, 8) if text else []
        self._names.clear()
        for c in found:
            if c is None:
                continue
            item = QStandardItem(self.label(c))
            item.setData(c.name, NAME_ROLE)
            item.setData(c.id, ID_ROLE)
            self._names.appendRow(item)
        if found and self.hasFocus():
            self.completer().complete()

    def label(self, c: CompanyView) -> str:
        """'Acme GmbH, Berlin (3 contacts)': the name, where it is, and how many we know there."""
        place = normalize.city(c.address)
        text = f"{c.name}, {place}" if place else c.name
        if c.contact_count == 1:
            return self.tr("{0} (1 contact)").format(text)
        if c.contact_count:
            return self.tr("{0} ({1} contacts)").format(text, c.contact_count)
        return text

    def picked_id(self) -> str | None:
        """The company the rep picked from the list, while the field still shows its name."""
        if self._chosen and self._chosen[0] == self.text().strip():
            return self._chosen[1]
        return None

    def _picked(self, index: QModelIndex) -> None:
        self._chosen = (index.data(NAME_ROLE), index.data(ID_ROLE))
        self._check()

    def _check(self, *_args) -> None:
        text = self.text().strip()
        company = None
        key = normalize.company_key(text)
        if key:
            # per keystroke: only the cheap exact-name lookup (same key: case, width, legal
            # form). The full matcher (app.matching) runs once, on save, in a worker.
            with self.store.read() as s:
                picked = self.picked_id()  # the one picked from the list, else by exact name
                found = [picked] if picked else companies.find_by_key(s, key)
                company = companies.get(s, found[0]) if found else None
        if (company and company.id) != (self.company and self.company.id):
            self.company = company
            self.matched.emit(company)
