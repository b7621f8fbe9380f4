"""New company: name, address, phone, website (an existing company of that name is filled)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import capture
from app.domain import CompanyDraft
from app.store import Store
from ui.style import mark_primary
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
        self.error = QLabel(self, objectName="error", wordWrap=True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Address"), self.address)
        form.addRow(self.tr("&Phone"), self.phone)
        form.addRow(self.tr("&Website"), self.website)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        mark_primary(buttons.button(QDialogButtonBox.StandardButton.Save))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

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
