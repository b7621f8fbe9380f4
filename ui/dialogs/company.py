"""New company: name, address, phone, website (an existing company of that name is filled)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from app import capture
from app.domain import CompanyDraft
from app.store import Store
from ui.dialogs.form import form_frame
from ui.worker import saving


class CompanyDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("New company"))
        self.setMinimumWidth(460)
        self.name = QLineEdit(self)
        self.address = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.website = QLineEdit(self, placeholderText="https://")
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Address"), self.address)
        form.addRow(self.tr("&Phone"), self.phone)
        form.addRow(self.tr("&Website"), self.website)
        self.error = form_frame(self, form)

    def save(self) -> None:
        draft = CompanyDraft(self.name.text().strip(), address=self.address.text().strip(),
                             phone=self.phone.text().strip(),
                             website=self.website.text().strip())
        def write() -> str:
            with self.store.write() as tx:
                return capture.save_company(tx, draft, self.store.region).company_id

        if (error := saving(self, write, "saved_id")) is not None:
            self.error.setText(str(error))
            self.error.show()
            return
        self.accept()
