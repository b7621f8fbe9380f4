"""Editing a contact or a company: the quick-add form / company form, filled in, saving the
changed fields through the services (every change is recorded for sync)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app import capture
from app.domain import CompanyDraft, Email, Phone
from app.errors import ServiceError
from app.services import companies, contacts
from app.store import Store
from ui.dialogs.company import CompanyDialog
from ui.dialogs.quick_add import EMAIL_SEPARATORS, PHONE_SEPARATORS, QuickAddDialog, split_list
from ui.worker import saving


class EditContactDialog(QuickAddDialog):
    def __init__(self, store: Store, contact_id: str, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.contact_id = contact_id
        self.setWindowTitle(self.tr("Edit contact"))
        with store.read() as s:
            c = contacts.get(s, contact_id)
        if c is None:
            return
        self._kinds = {p.number: p.kind for p in c.phones}
        self._email_kinds = {e.address: e.kind for e in c.emails}
        self.name.setText(c.name)
        self.company.setText(c.company_name)
        self.title_.setText(c.title)
        self.phone.setText("; ".join(p.number for p in c.phones))
        self.email.setText("; ".join(e.address for e in c.emails))
        self.address.setText(c.address)
        self._filled_address = "" if c.own_address else c.address
        self.hide_hint()

    def save(self) -> None:
        name = self.company.text().strip()
        address = self.address.text().strip()
        values = dict(
            name=self.name.text().strip(), title=self.title_.text().strip(),
            phones=[Phone(p, self._kinds.get(p, "mobile"))
                    for p in split_list(self.phone.text(), PHONE_SEPARATORS)],
            emails=[Email(e, self._email_kinds.get(e, "work"))
                    for e in split_list(self.email.text(), EMAIL_SEPARATORS)])

        def write() -> None:
            with self.store.write() as tx:
                company_id, own = None, address
                if name:
                    company_id = capture.save_company(tx, CompanyDraft(name),
                                                      self.store.region).company_id
                    if address == companies.get(tx.session, company_id).address.strip():
                        own = ""  # still the company's: keep inheriting it
                contacts.update(tx, self.contact_id, company_id=company_id, address=own,
                                **values)

        if (error := saving(self, write, "_saved")) is not None:
            self.error.setText(str(error))
            self.error.show()
            return
        self.accept()


class EditCompanyDialog(CompanyDialog):
    def __init__(self, store: Store, company_id: str, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.company_id = company_id
        self.setWindowTitle(self.tr("Edit company"))
        with store.read() as s:
            co = companies.get(s, company_id)
        if co:
            self.name.setText(co.name)
            self.address.setText(co.address)
            self.phone.setText(co.phone)
            self.website.setText(co.website)

    def save(self) -> None:
        try:
            with self.store.write() as tx:
                companies.update(tx, self.company_id, name=self.name.text().strip(),
                                 address=self.address.text().strip(),
                                 phone=self.phone.text().strip(),
                                 website=self.website.text().strip())
            self.saved_id = self.company_id
        except ServiceError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()
