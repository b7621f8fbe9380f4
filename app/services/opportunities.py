"""Opportunities: the pipeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import STAGES
from app.errors import InvalidInput
from app.models import Company, Opportunity
from app.services import records
from app.store import Tx


@dataclass(frozen=True)
class OpportunityView:
    id: str
    title: str
    company_id: str | None
    company_name: str
    contact_id: str | None
    amount: float | None
    currency: str
    stage: str
    close_date: dt.date | None
    note: str

    def to_json(self) -> dict:
        return {"id": self.id, "title": self.title, "company_id": self.company_id,
                "company": self.company_name, "contact_id": self.contact_id,
                "amount": self.amount, "currency": self.currency, "stage": self.stage,
                "close_date": self.close_date.isoformat() if self.close_date else None,
                "note": self.note}


def _check(fields: dict) -> None:
    if "stage" in fields and fields["stage"] not in STAGES:
        raise InvalidInput(f"Unknown stage {fields['stage']!r}; use one of: {', '.join(STAGES)}.")
    if "currency" in fields and fields["currency"]:
        cur = str(fields["currency"]).upper()
        if len(cur) != 3 or not cur.isalpha():
            raise InvalidInput(f"Currency {fields['currency']!r} is not a 3-letter code (EUR, CNY…).")
        fields["currency"] = cur


def create(tx: Tx, title: str, company_id: str | None = None, **fields) -> str:
    if not title.strip():
        raise InvalidInput("An opportunity needs a title.")
    fields = {"stage": "lead", **fields, "title": title, "company_id": company_id}
    _check(fields)
    return records.create(tx, "opportunity", fields)


def update(tx: Tx, opportunity_id: str, **fields) -> dict:
    _check(fields)
    return records.update(tx, "opportunity", opportunity_id, fields)


def delete(tx: Tx, opportunity_id: str) -> None:
    records.delete(tx, "opportunity", opportunity_id)


def _views(session: Session, q) -> list[OpportunityView]:
    q = q.add_columns(Company.name).outerjoin(Company, Company.id == Opportunity.company_id)
    return [OpportunityView(o.id, o.title, o.company_id, cname or "", o.contact_id, o.amount,
                            o.currency, o.stage, o.close_date, o.note)
            for o, cname in session.execute(q)]


def list_all(session: Session, company_id: str | None = None,
             contact_id: str | None = None) -> list[OpportunityView]:
    q = select(Opportunity).where(Opportunity.deleted.is_(False))
    if company_id:
        q = q.where(Opportunity.company_id == company_id)
    if contact_id:
        q = q.where(Opportunity.contact_id == contact_id)
    return _views(session, q.order_by(Opportunity.close_date.is_(None), Opportunity.close_date))


def get(session: Session, opportunity_id: str) -> OpportunityView | None:
    found = _views(session, select(Opportunity).where(
        Opportunity.id == opportunity_id, Opportunity.deleted.is_(False)))
    return found[0] if found else None
