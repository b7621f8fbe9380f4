"""What saving a card would join: the existing company and person, through the one matcher seam
(app.matching), worded for the rep."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app import matching
from app.domain import CompanyDraft, ContactDraft
from app.services import companies, contacts
from app.store import Store
from ui.format import esc


def tr(text: str) -> str:
    return QCoreApplication.translate("CardMatches", text)


@dataclass(frozen=True)
class Matches:
    company: matching.CompanyMatch
    company_name: str  # of the matched (or similar) company
    contact: matching.ContactMatch
    contact_name: str


def find_matches(store: Store, draft: ContactDraft, chosen_company: str | None = None
                 ) -> Matches:
    """The same questions save_contact asks, without writing anything. `chosen_company`: the
    company the rep picked where the matcher was unsure."""
    with store.read() as s:
        region = store.region
        co = matching.NEW_COMPANY
        company_name = ""
        if chosen_company:
            co = matching.CompanyMatch(chosen_company, "same", 1.0, ["chosen by you"])
            view = companies.get(s, chosen_company)
            company_name = view.name if view else ""
        elif draft.company.strip():
            website = draft.websites[0] if draft.websites else ""
            co = matching.match_company(s, CompanyDraft(draft.company.strip(),
                                                        address=draft.address,
                                                        website=website), region)
            view = companies.get(s, co.company_id) if co.company_id else None
            company_name = view.name if view else ""
        person = matching.NEW_CONTACT
        contact_name = ""
        if draft.display_name() or draft.emails or draft.phones:
            linked = co.company_id if co.decision == "same" else None
            person = matching.match_contact(s, draft, linked, region)
            view = contacts.get(s, person.contact_id) if person.contact_id else None
            contact_name = (view.name or tr("(no name)")) if view else ""
    return Matches(co, company_name, person, contact_name)


def describe(m: Matches | None, company_typed: str) -> str:
    """Rich text for the match panel: what Save will do."""
    if m is None:
        return ""
    lines = []
    if m.contact.decision == "same":
        lines.append("✔ " + tr("Already in Satchel: <b>{0}</b> (Save adds what is new to that "
                               "contact)").format(esc(m.contact_name)))
    if m.company.decision == "same":
        lines.append("✔ " + tr("Joins the existing company <b>{0}</b>").format(
            esc(m.company_name)))
    elif m.company.decision == "maybe":
        lines.append("⚠ " + tr("A similar company exists: <b>{0}</b>. Save creates a new "
                               "company unless you use that one.").format(esc(m.company_name)))
    elif company_typed.strip():
        lines.append(tr("New company: <b>{0}</b>").format(esc(company_typed.strip())))
    if m.contact.decision != "same":
        lines.append(tr("New contact."))
    return "<br>".join(lines)
