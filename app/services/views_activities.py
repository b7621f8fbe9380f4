"""Reads for the desktop app's activity list: recent activities with the names they concern."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.models import Activity, Company, Contact


@dataclass(frozen=True)
class ActivityRow:
    id: str
    kind: str
    subject: str
    body: str
    date: dt.date | None
    due_date: dt.date | None
    done: bool
    contact_id: str | None
    contact_name: str
    company_id: str | None
    company_name: str


def recent_rows(session: Session, limit: int = 500, kind: str | None = None
                ) -> list[ActivityRow]:
    """Newest first (by date, then creation), with contact and company names."""
    person, firm = aliased(Contact), aliased(Company)
    q = (select(Activity, person.name, firm.name)
         .outerjoin(person, person.id == Activity.contact_id)
         .outerjoin(firm, firm.id == Activity.company_id)
         .where(Activity.deleted.is_(False)))
    if kind:
        q = q.where(Activity.kind == kind)
    q = q.order_by(Activity.date.desc().nulls_last(), Activity.created_at.desc()).limit(limit)
    return [ActivityRow(a.id, a.kind, a.subject, a.body, a.date, a.due_date, a.done,
                        a.contact_id, pname or "", a.company_id, cname or "")
            for a, pname, cname in session.execute(q)]


def open_tasks(session: Session, until: dt.date) -> list[ActivityRow]:
    """Tasks not done and due on or before `until` (overdue included), soonest first."""
    person, firm = aliased(Contact), aliased(Company)
    q = (select(Activity, person.name, firm.name)
         .outerjoin(person, person.id == Activity.contact_id)
         .outerjoin(firm, firm.id == Activity.company_id)
         .where(Activity.deleted.is_(False), Activity.kind == "task",
                Activity.done.is_(False), Activity.due_date <= until)
         .order_by(Activity.due_date, Activity.created_at))
    return [ActivityRow(a.id, a.kind, a.subject, a.body, a.date, a.due_date, a.done,
                        a.contact_id, pname or "", a.company_id, cname or "")
            for a, pname, cname in session.execute(q)]
