"""Reads for the desktop app's company list: ids in display order, then rows in pages."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Company, Contact


@dataclass(frozen=True)
class CompanyRow:
    id: str
    name: str
    address: str
    phone: str
    website: str
    contact_count: int


def ids(session: Session) -> list[str]:
    """Every live company id, by name (the order of companies.list_all)."""
    q = (select(Company.id).where(Company.deleted.is_(False), Company.merged_into.is_(None))
         .order_by(Company.name_key, Company.id))
    return list(session.scalars(q))


def rows(session: Session, company_ids: list[str]) -> list[CompanyRow]:
    """List rows for these ids, in the same order (missing ids are left out)."""
    if not company_ids:
        return []
    # counted here, filtering tombstones in Python, so SQLite uses the company_id index
    # (see `people` below for why)
    counts: Counter[str] = Counter(
        cid for cid, deleted, merged in session.execute(
            select(Contact.company_id, Contact.deleted, Contact.merged_into)
            .where(Contact.company_id.in_(company_ids)))
        if not deleted and not merged)
    q = select(Company.id, Company.name, Company.address, Company.phone, Company.website).where(
        Company.id.in_(company_ids))
    found = {r[0]: CompanyRow(r[0], r[1], r[2], r[3], r[4], counts.get(r[0], 0))
             for r in session.execute(q)}
    return [found[i] for i in company_ids if i in found]


@dataclass(frozen=True)
class PersonRow:
    id: str
    name: str
    title: str


def people(session: Session, company_id: str, limit: int = 200) -> tuple[list[PersonRow], int]:
    """The company's live contacts by name (first `limit`) and how many there are.

    Only company_id goes to SQLite, so it uses that index: with `deleted = 0` in the WHERE
    (and no ANALYZE statistics) it walks the (deleted, sort_name) index over every contact
    instead (~0.3 s at 100,000 contacts). Tombstones are filtered and names sorted here.
    """
    found = [r for r in session.execute(
        select(Contact.id, Contact.name, Contact.title, Contact.sort_name, Contact.deleted,
               Contact.merged_into).where(Contact.company_id == company_id)).all()
        if not r.deleted and not r.merged_into]
    found.sort(key=lambda r: (r.sort_name, r.id))
    return [PersonRow(r.id, r.name, r.title) for r in found[:limit]], len(found)
