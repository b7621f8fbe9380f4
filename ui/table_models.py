"""The app's list models: which service feeds them and which columns they show."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt

from app.services import contacts, views_companies
from app.store import Store
from ui.format import amount_text, date_text, kind_text, stage_text
from ui.lazy_model import Column, LazyTableModel
from ui.rows_model import RowsTableModel

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def tr(text: str) -> str:
    return QCoreApplication.translate("TableModels", text)


def contacts_model(store: Store, parent: QObject | None = None) -> LazyTableModel:
    return LazyTableModel(store, contacts.ids, contacts.rows, [
        # (someone known by an address alone, from a pasted To: line: the address)
        Column(tr("Name"), lambda r: r.name or r.email, tooltip=True),
        Column(tr("Company"), lambda r: r.company_name, tooltip=True),
        Column(tr("Title"), lambda r: r.title, tooltip=True),
        Column(tr("Phone"), lambda r: r.phone, tooltip=True),
    ], parent)


def companies_model(store: Store, parent: QObject | None = None) -> LazyTableModel:
    return LazyTableModel(store, views_companies.ids, views_companies.rows, [
        Column(tr("Company"), lambda r: r.name, tooltip=True),
        Column(tr("Contacts"), lambda r: str(r.contact_count), RIGHT),
        Column(tr("Address"), lambda r: r.address, tooltip=True),
    ], parent)


def opportunities_model(parent: QObject | None = None) -> RowsTableModel:
    return RowsTableModel([
        Column(tr("Opportunity"), lambda o: o.title, tooltip=True),
        Column(tr("Company"), lambda o: o.company_name, tooltip=True),
        Column(tr("Stage"), lambda o: stage_text(o.stage)),
        Column(tr("Amount"), lambda o: amount_text(o.amount, o.currency), RIGHT),
        Column(tr("Close date"), lambda o: date_text(o.close_date)),
    ], parent, muted=lambda o: o.stage in ("won", "lost"))


def activities_model(parent: QObject | None = None) -> RowsTableModel:
    return RowsTableModel([
        Column(tr("Date"), _activity_date),
        Column(tr("Kind"), lambda a: kind_text(a.kind) + (" ✓" if a.done else "")),
        Column(tr("Subject"), lambda a: a.subject or a.body.split("\n")[0], tooltip=True),
        Column(tr("Contact"), lambda a: a.contact_name, tooltip=True),
        Column(tr("Company"), lambda a: a.company_name, tooltip=True),
    ], parent, muted=lambda a: a.done)


def due_text(day) -> str:
    return tr("due {0}").format(date_text(day))


def _activity_date(a) -> str:
    if a.kind == "task" and a.due_date and not a.done:
        return due_text(a.due_date)
    return date_text(a.date or a.due_date)
