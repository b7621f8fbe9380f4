"""Add or edit an opportunity: title, company, stage, amount, expected close date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app import capture
from app.domain import STAGES, CompanyDraft
from app.services import companies, opportunities
from app.store import Store
from ui.company_field import CompanyField
from ui.dialogs.activity import from_qdate, to_qdate
from ui.dialogs.form import form_frame
from ui.format import stage_names
from ui.worker import saving

CURRENCIES = ["EUR", "USD", "CNY", "GBP", "JPY", "HKD", "CHF"]


def region_currency(region: str | None) -> str:
    """The currency of the rep's phone region ('CN' → 'CNY'), '' when there is none."""
    territory = QLocale.codeToTerritory(region or "")
    if territory == QLocale.Country.AnyTerritory:
        return ""
    return QLocale(QLocale.Language.AnyLanguage, territory).currencySymbol(
        QLocale.CurrencySymbolFormat.CurrencyIsoCode)


class OpportunityDialog(QDialog):
    def __init__(self, store: Store, opportunity_id: str | None = None, *,
                 company_id: str | None = None, contact_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.opportunity_id = opportunity_id
        self.contact_id = contact_id
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Edit opportunity") if opportunity_id
                            else self.tr("New opportunity"))
        self.setMinimumWidth(460)

        self.title_ = QLineEdit(self)
        self.company = CompanyField(store, self)
        self.stage = QComboBox(self)
        for s in STAGES:
            self.stage.addItem(stage_names()[s], s)
        self.amount = QLineEdit(self, placeholderText="0")
        validator = QDoubleValidator(0, 1e13, 2, self)
        validator.setNotation(QDoubleValidator.Notation.StandardNotation)
        self.amount.setValidator(validator)
        self.currency = QComboBox(self, editable=True)
        self.currency.addItems(CURRENCIES)
        self.currency.setMaximumWidth(90)
        if code := region_currency(store.region):  # a rep in China sells in CNY, not EUR
            self.currency.setCurrentText(code)
        money = QHBoxLayout()
        money.addWidget(self.amount, 1)
        money.addWidget(self.currency)
        self.has_close = QCheckBox(self)
        self.close_date = QDateEdit(to_qdate(dt.date.today() + dt.timedelta(days=30)), self,
                               calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.has_close.setChecked(True)
        self.has_close.toggled.connect(self.close_date.setEnabled)
        when = QHBoxLayout()
        when.addWidget(self.has_close)
        when.addWidget(self.close_date, 1)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(80)

        form = QFormLayout()
        form.addRow(self.tr("&Title"), self.title_)
        form.addRow(self.tr("&Company"), self.company)
        form.addRow(self.tr("&Stage"), self.stage)
        # a row of several widgets gets no buddy from addRow(str, layout): its "&" showed
        form.addRow(self._label(self.tr("&Amount"), self.amount), money)
        form.addRow(self._label(self.tr("C&lose date"), self.close_date), when)
        form.addRow(self.tr("&Note"), self.note)
        self.error = form_frame(self, form)
        self._load(company_id)
        self.title_.setFocus()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _load(self, company_id: str | None) -> None:
        with self.store.read() as s:
            o = opportunities.get(s, self.opportunity_id) if self.opportunity_id else None
            if o:
                company_id, self.contact_id = o.company_id, o.contact_id
            co = companies.get(s, company_id) if company_id else None
        if co:
            self.company.setText(co.name)
        if o:
            self.title_.setText(o.title)
            self.stage.setCurrentIndex(STAGES.index(o.stage))
            if o.amount is not None:
                self.amount.setText(f"{o.amount:.2f}".removesuffix(".00"))
            if o.currency:
                self.currency.setCurrentText(o.currency)
            self.has_close.setChecked(o.close_date is not None)
            if o.close_date:
                self.close_date.setDate(to_qdate(o.close_date))
            self.note.setPlainText(o.note)

    def save(self) -> None:
        text = self.amount.text().strip().replace(",", "")
        try:
            amount = float(text) if text else None
        except ValueError:
            self.error.setText(self.tr("The amount must be a number, e.g. 12500."))
            self.error.show()
            return
        fields = {"amount": amount, "currency": self.currency.currentText().strip(),
                  "stage": self.stage.currentData(),
                  "close_date": from_qdate(self.close_date.date()) if self.has_close.isChecked()
                  else None,
                  "note": self.note.toPlainText().strip(), "contact_id": self.contact_id}
        name = self.company.text().strip()
        title = self.title_.text().strip()
        if self.opportunity_id and not title:
            self.error.setText(self.tr("An opportunity needs a title."))
            self.error.show()
            return

        def write() -> str:
            with self.store.write() as tx:
                # an existing company by this name (dedup matcher), or a new one
                company_id = (capture.save_company(tx, CompanyDraft(name)).company_id
                              if name else None)
                if self.opportunity_id:
                    opportunities.update(tx, self.opportunity_id, title=title,
                                         company_id=company_id, **fields)
                    return self.opportunity_id
                return opportunities.create(tx, title, company_id, **fields)

        if (error := saving(self, write, "saved_id")) is not None:
            self.error.setText(str(error))
            self.error.show()
            return
        self.accept()
