"""Companies: create, update, delete, read."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import normalize, search
from app.domain import CompanyDraft
from app.models import Company, Contact
from app.services import records, rows
from app.store import Tx


@dataclass(frozen=True)
class CompanyView:
    id: str
    name: str
    address: str
    phone: str
    website: str
    domain: str
    note: str
    tags: list[str]
    contact_count: int
    created_at: dt.datetime
    updated_at: dt.datetime

    def to_json(self) -> dict:
        d = asdict(self)
        d["created_at"], d["updated_at"] = self.created_at.isoformat(), self.updated_at.isoformat()
        return d


def create(tx: Tx, draft: CompanyDraft) -> str:
    return records.create(tx, "company", {
        "name": draft.name, "address": draft.address, "phone": draft.phone,
        "website": draft.website, "note": draft.note, "tags": draft.tags,
    })


def update(tx: Tx, company_id: str, **fields) -> dict:
    return records.update(tx, "company", company_id, fields)


def delete(tx: Tx, company_id: str) -> None:
    records.delete(tx, "company", company_id)


def _view(row: Company, count: int) -> CompanyView:
    return CompanyView(row.id, row.name, row.address, row.phone, row.website, row.domain,
                       row.note, list(row.tags or []), count, row.created_at, row.updated_at)


def _live():
    return select(Company).where(Company.deleted.is_(False), Company.merged_into.is_(None))


def get(session: Session, company_id: str) -> CompanyView | None:
    rec = rows.load(session, "company", company_id)
    if rec is None or rec["deleted"] or rec["merged_into"]:
        return None
    (n,) = rows.dbapi(session).execute(
        "SELECT count(*) FROM contact WHERE company_id = ? AND NOT deleted", (company_id,)).fetchone()
    return CompanyView(rec["id"], rec["name"], rec["address"], rec["phone"], rec["website"],
                       rec["domain"], rec["note"], rec["tags"], n,
                       dt.datetime.fromisoformat(rec["created_at"]),
                       dt.datetime.fromisoformat(rec["updated_at"]))


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(_live().subquery())) or 0


def list_all(session: Session, offset: int = 0, limit: int | None = None) -> list[CompanyView]:
    """Live companies by name, with their number of contacts."""
    counts = (select(Contact.company_id, func.count().label("n"))
              .where(Contact.deleted.is_(False)).group_by(Contact.company_id).subquery())
    q = (select(Company, func.coalesce(counts.c.n, 0))
         .outerjoin(counts, counts.c.company_id == Company.id)
         .where(Company.deleted.is_(False), Company.merged_into.is_(None))
         .order_by(Company.name_key, Company.id).offset(offset).limit(limit))
    return [_view(row, n) for row, n in session.execute(q)]


def find_by_key(session: Session, name_key: str) -> list[str]:
    return list(session.scalars(_live().with_only_columns(Company.id)
                                .where(Company.name_key == name_key)))


def names_starting(session: Session, prefix: str, limit: int = 10) -> list[CompanyView]:
    """Companies whose name starts with what the rep typed (autocomplete)."""
    from app.normalize import fold

    key = fold(prefix)
    if not key:
        return []
    rows = session.scalars(_live().where(func.lower(Company.name).like(key.replace("%", "") + "%"))
                           .order_by(Company.name).limit(limit))
    return [get(session, r.id) for r in rows]


def suggest(session: Session, text: str, limit: int = 10) -> list[CompanyView]:
    """Quick-add's suggestions: names that start with the text first, then names that hold it
    anywhere (a Chinese company's name starts with its city: 腾讯 must find
    深圳市腾讯计算机系统有限公司, or the rep makes a second company)."""
    found = [c for c in names_starting(session, text, limit) if c is not None]
    if len(found) >= limit:
        return found
    seen = {c.id for c in found}
    words = normalize.fold(text).split()
    # the search index ranks a name holding the words first; it also finds them in addresses
    # and notes ("north" in "North Carolina"), which are no reason to suggest a company
    for hit in search.search(session, text, limit=limit * 3):
        if (hit.type == "company" and hit.id not in seen
                and all(w in normalize.fold(hit.name) for w in words)):
            seen.add(hit.id)
            if (view := get(session, hit.id)) is not None:
                found.append(view)
            if len(found) >= limit:
                break
    return found
