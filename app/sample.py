"""Sample data (English and Chinese companies, people, pipeline, notes and tasks) so a new user
can try Satchel before importing their own address book.

Loaded through app.capture and the services like any other input, so it is matched, indexed and
recorded in the outbox (it syncs like real data). Dates are relative to the day it is loaded.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from app import capture
from app.domain import CompanyDraft, ContactDraft, Email, Phone
from app.services import activities, opportunities
from app.store import Store

SAMPLE_FILE = Path(__file__).resolve().parents[1] / "resources" / "sample" / "sample.json"
LOADED_KEY = "sample_loaded"


@dataclass(frozen=True)
class SampleResult:
    companies: int
    contacts: int
    opportunities: int
    activities: int


def load_sample(store: Store, path: Path = SAMPLE_FILE, today: dt.date | None = None
                ) -> SampleResult:
    """Add the sample records in one transaction (all or nothing)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    today = today or dt.date.today()
    with store.write() as tx:
        company_ids: dict[str, str] = {}
        for c in data["companies"]:
            res = capture.save_company(tx, CompanyDraft(
                c["name"], address=c.get("address", ""), phone=c.get("phone", ""),
                website=c.get("website", ""), note=c.get("note", "")))
            company_ids[c["name"]] = res.company_id
        people: dict[str, tuple[str, str | None]] = {}  # first e-mail → (contact, company)
        for p in data["contacts"]:
            draft = ContactDraft(
                name=p["name"], company=p.get("company", ""), title=p.get("title", ""),
                department=p.get("department", ""), address=p.get("address", ""),
                emails=[Email(e) for e in p.get("emails", [])],
                phones=[Phone(n, kind) for n, kind in p.get("phones", [])])
            res = capture.save_contact(tx, draft)
            if p.get("emails"):
                people[p["emails"][0]] = (res.contact_id, res.company_id)
        for o in data["opportunities"]:
            contact_id, _ = people.get(o.get("contact", ""), (None, None))
            opportunities.create(
                tx, o["title"], company_ids.get(o["company"]), contact_id=contact_id,
                amount=o.get("amount"), currency=o.get("currency", ""),
                stage=o.get("stage", "lead"),
                close_date=today + dt.timedelta(days=o["close_in_days"])
                if "close_in_days" in o else None)
        for a in data["activities"]:
            contact_id, company_id = people.get(a.get("contact", ""), (None, None))
            company_id = company_ids.get(a.get("company", ""), company_id)
            fields: dict = {"contact_id": contact_id, "company_id": company_id}
            if "days_ago" in a:
                fields["date"] = today - dt.timedelta(days=a["days_ago"])
            if "due_in_days" in a:
                fields["due_date"] = today + dt.timedelta(days=a["due_in_days"])
                fields.setdefault("date", today)
            activities.create(tx, a["kind"], body=a.get("body", ""),
                              subject=a.get("subject", ""), **fields)
    store.set_meta(LOADED_KEY, today.isoformat())
    return SampleResult(len(data["companies"]), len(data["contacts"]),
                        len(data["opportunities"]), len(data["activities"]))
