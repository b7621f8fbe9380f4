"""'Who is calling?': a phone number in any format → the person, their company, their
opportunities and the whole history, newest first."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.services import activities, companies, contacts, opportunities
from app.services.activities import ActivityView
from app.services.companies import CompanyView
from app.services.contacts import ContactView
from app.services.opportunities import OpportunityView


@dataclass(frozen=True)
class LookupResult:
    contact: ContactView
    company: CompanyView | None
    opportunities: list[OpportunityView]
    activities: list[ActivityView]

    def to_json(self) -> dict:
        c = self.contact
        return {
            "contact": {"id": c.id, "name": c.name, "title": c.title,
                        "emails": [e.address for e in c.emails],
                        "phones": [p.number for p in c.phones], "address": c.address},
            "company": ({"id": self.company.id, "name": self.company.name,
                         "address": self.company.address} if self.company else None),
            "opportunities": [o.to_json() for o in self.opportunities],
            "activities": [a.to_json() for a in self.activities],
        }


def lookup_phone(session: Session, number: str, region: str | None = None) -> list[LookupResult]:
    results = []
    # a call from the switchboard: everyone on that line, whatever their extension
    for cid in contacts.find_by_phone(session, number, region, any_extension=True):
        contact = contacts.get(session, cid)
        if contact is None:
            continue
        company = companies.get(session, contact.company_id) if contact.company_id else None
        opps = opportunities.list_all(session, contact_id=cid)
        if company:
            seen = {o.id for o in opps}
            opps += [o for o in opportunities.list_all(session, company_id=company.id)
                     if o.id not in seen]
        history = activities.history(session, contact_id=cid,
                                     company_id=company.id if company else None)
        results.append(LookupResult(contact, company, opps, history))
    return results
