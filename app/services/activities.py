"""Activities: notes (a daily note is a note on a date), calls, meetings and follow-up tasks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.domain import ACTIVITY_KINDS
from app.errors import InvalidInput
from app.models import Activity
from app.services import records
from app.store import Tx


@dataclass(frozen=True)
class ActivityView:
    id: str
    kind: str
    subject: str
    body: str
    date: dt.date | None
    due_date: dt.date | None
    done: bool
    contact_id: str | None
    company_id: str | None
    opportunity_id: str | None
    created_at: dt.datetime

    def to_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "subject": self.subject, "body": self.body,
                "date": self.date.isoformat() if self.date else None,
                "due_date": self.due_date.isoformat() if self.due_date else None,
                "done": self.done, "contact_id": self.contact_id, "company_id": self.company_id,
                "opportunity_id": self.opportunity_id, "created_at": self.created_at.isoformat()}


def create(tx: Tx, kind: str, body: str = "", subject: str = "", **fields) -> str:
    if kind not in ACTIVITY_KINDS:
        raise InvalidInput(f"Unknown activity kind {kind!r}; use one of: {', '.join(ACTIVITY_KINDS)}.")
    if not (body.strip() or subject.strip()):
        raise InvalidInput("An empty note cannot be saved: write something first.")
    if kind == "note" and not fields.get("date"):
        fields["date"] = dt.date.today()
    return records.create(tx, "activity", {"kind": kind, "body": body, "subject": subject, **fields})


def update(tx: Tx, activity_id: str, **fields) -> dict:
    return records.update(tx, "activity", activity_id, fields)


def delete(tx: Tx, activity_id: str) -> None:
    records.delete(tx, "activity", activity_id)


def _view(a: Activity) -> ActivityView:
    return ActivityView(a.id, a.kind, a.subject, a.body, a.date, a.due_date, a.done, a.contact_id,
                        a.company_id, a.opportunity_id, a.created_at)


def history(session: Session, contact_id: str | None = None, company_id: str | None = None,
            limit: int | None = None) -> list[ActivityView]:
    """Everything that happened with a contact and/or a company, newest first."""
    conds = []
    if contact_id:
        conds.append(Activity.contact_id == contact_id)
    if company_id:
        conds.append(Activity.company_id == company_id)
    if not conds:
        return []
    q = (select(Activity).where(Activity.deleted.is_(False), or_(*conds))
         .order_by(Activity.date.desc().nulls_last(), Activity.created_at.desc()).limit(limit))
    return [_view(a) for a in session.scalars(q)]


def for_day(session: Session, day: dt.date) -> tuple[list[ActivityView], list[ActivityView]]:
    """(open tasks due that day or overdue, notes dated that day) — the Today view."""
    tasks = session.scalars(select(Activity).where(
        Activity.deleted.is_(False), Activity.kind == "task", Activity.done.is_(False),
        Activity.due_date <= day).order_by(Activity.due_date, Activity.created_at))
    notes = session.scalars(select(Activity).where(
        Activity.deleted.is_(False), Activity.kind == "note", Activity.date == day)
        .order_by(Activity.created_at))
    return [_view(a) for a in tasks], [_view(a) for a in notes]


def recent(session: Session, limit: int = 200) -> list[ActivityView]:
    q = (select(Activity).where(Activity.deleted.is_(False))
         .order_by(Activity.date.desc().nulls_last(), Activity.created_at.desc()).limit(limit))
    return [_view(a) for a in session.scalars(q)]


def get(session: Session, activity_id: str) -> ActivityView | None:
    a = session.get(Activity, activity_id)
    return _view(a) if a and not a.deleted else None
