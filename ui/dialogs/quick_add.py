"""Quick-add contact (Ctrl+N): a few fields, Enter saves. The company field autocompletes and
an existing company's address is filled in, so nobody types it twice. Saving goes through
app.capture.save_contact like every other entrance (a known e-mail/phone updates that person).
"""

from __future__ import annotations

import re

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
from app.capture import SaveResult
from app.domain import ContactDraft, Email, Phone
from app.services.companies import CompanyView
from app.store import Store
from ui.company_field import CompanyField
from ui.style import mark_primary
from ui.worker import saving

PHONE_SEPARATORS = re.compile(r"[;,/]")  # several numbers in one field: "138…; 021-…"
EMAIL_SEPARATORS = re.compile(r"[;,\s]+")


def split_list(text: str, separators: re.Pattern) -> list[str]:
    return [part.strip() for part in separators.split(text) if part.strip()]


class QuickAddDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.result_: SaveResult | None = None
        self._filled_address = ""  # the company address we put in (not typed by the rep)
        self.setWindowTitle(self.tr("New contact"))
        self.setMinimumWidth(480)

        self.name = QLineEdit(self, placeholderText=self.tr("Full name, e.g. Emma Thompson or 张伟"))
        self.company = CompanyField(store, self)
        self.company.setPlaceholderText(self.tr("Start typing: known companies are suggested"))
        self.company_hint = QLabel(self, objectName="hint", wordWrap=True)
        self.company_hint.hide()
        self.title_ = QLineEdit(self)
        self.phone = QLineEdit(self, placeholderText=self.tr("Any format; several: separate with ;"))
        self.email = QLineEdit(self)
        self.address = QLineEdit(self)
        self.error = QLabel(self, objectName="error", wordWrap=True)
        self.error.hide()

        form = QFormLayout()
        form.setSpacing(8)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Company"), self.company)
        form.addRow("", self.company_hint)
        form.addRow(self.tr("&Title"), self.title_)
        form.addRow(self.tr("&Phone"), self.phone)
        form.addRow(self.tr("&E-mail"), self.email)
        form.addRow(self.tr("&Address"), self.address)

        # room for more ways in (e.g. a "Paste signature" box from the business-card module)
        self.extras = QVBoxLayout()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        mark_primary(self.save_button)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addLayout(form)
        layout.addLayout(self.extras)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.company.matched.connect(self._company_matched)
        self.company.textChanged.connect(self._company_text)
        self.name.setFocus()

    # -- company-first -------------------------------------------------------------------
    def _company_matched(self, company: CompanyView | None) -> None:
        if company is None:
            self._company_text(self.company.text())
            if self.address.text() == self._filled_address:
                self.address.clear()
            self._filled_address = ""
            return
        count = company.contact_count
        people = self.tr("1 contact") if count == 1 else self.tr("{0} contacts").format(count)
        self.company_hint.setText(
            self.tr("Joins {0} ({1}). Its address is filled in.").format(
                company.name, people) if company.address else
            self.tr("Joins {0} ({1}).").format(company.name, people))
        self._show_hint()
        if not self.address.text() or self.address.text() == self._filled_address:
            self.address.setText(company.address)
            self.address.setCursorPosition(0)
            self._filled_address = company.address

    def _company_text(self, text: str) -> None:
        if self.company.company is None:
            if text.strip():
                self.company_hint.setText(self.tr("New company: it will be created."))
                self._show_hint()
            elif self.company_hint.isVisible():
                self.hide_hint()

    def _show_hint(self) -> None:
        self.company_hint.show()
        self.layout().activate()
        self.adjustSize()  # grow to fit the wrapped hint instead of clipping it

    def hide_hint(self) -> None:
        self.company_hint.hide()
        self.layout().activate()  # else adjustSize() sees the old layout and keeps a gap
        self.adjustSize()

    # -- for other entrances (pasted signature, card) -----------------------------------
    def fill_from_draft(self, draft: ContactDraft) -> None:
        """Put a parsed draft's values into the empty fields."""
        for widget, value in ((self.name, draft.display_name()), (self.company, draft.company),
                              (self.title_, draft.title),
                              (self.phone, "; ".join(p.number for p in draft.phones)),
                              (self.email, "; ".join(e.address for e in draft.emails)),
                              (self.address, draft.address)):
            if value and not widget.text():
                widget.setText(value)

    def draft(self) -> ContactDraft:
        return ContactDraft(
            name=self.name.text().strip(), company=self.company.text().strip(),
            title=self.title_.text().strip(),
            emails=[Email(e) for e in split_list(self.email.text(), EMAIL_SEPARATORS)],
            phones=[Phone(p, "mobile") for p in split_list(self.phone.text(), PHONE_SEPARATORS)],
            address=self.address.text().strip())

    def save(self) -> None:
        draft = self.draft()
        picked = self.company.picked_id()  # two companies may share a name: the one chosen

        def write() -> SaveResult:
            with self.store.write() as tx:
                return capture.save_contact(tx, draft, self.store.region, company_id=picked)

        if (error := saving(self, write, "result_")) is not None:
            self.error.setText(str(error))
            self.error.show()
            self.name.setFocus()
            return
        self.accept()
