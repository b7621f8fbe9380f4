"""Contacts: create, update, delete, read; lookups by e-mail and phone."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from sqlalchemy import false, func, select
from sqlalchemy.orm import Session

from app import normalize
from app.domain import ContactDraft, Email, Phone
from app.models import Attachment, Company, Contact, ContactEmail, ContactPhone
from app.services import journal, records
from app.services.rows import dbapi, load, load_many
from app.store import Tx


@dataclass(frozen=True)
class ContactView:
    id: str
    name: str
    family_name: str
    given_name: str
    title: str
    department: str
    company_id: str | None
    company_name: str
    own_address: str
    address: str  # effective: its own, else its company's
    emails: list[Email]
    phones: list[Phone]
    websites: list[str]
    note: str
    birthday: dt.date | None
    tags: list[str]
    created_at: dt.datetime
    updated_at: dt.datetime
    has_photo: bool = False
    has_card: bool = False

    def to_json(self) -> dict:
        d = asdict(self)
        d["company"] = d.pop("company_name")
        for k in ("created_at", "updated_at"):
            d[k] = d[k].isoformat()
        d["birthday"] = self.birthday.isoformat() if self.birthday else None
        return d


@dataclass(frozen=True)
class ContactRow:
    """What a list row shows; cheap to load in pages."""

    id: str
    name: str
    title: str
    company_name: str
    email: str
    phone: str
    extra: dict = field(default_factory=dict)


def draft_values(draft: ContactDraft) -> dict:
    return {
        "name": draft.display_name(), "family_name": draft.family_name,
        "given_name": draft.given_name, "title": draft.title, "department": draft.department,
        "address": draft.address, "note": draft.note, "birthday": draft.birthday,
        "emails": draft.emails, "phones": draft.phones, "websites": draft.websites,
        "tags": draft.tags,
    }


def create(tx: Tx, draft: ContactDraft, company_id: str | None = None) -> str:
    """Create exactly what the draft says (no matching: see app.capture for the smart path)."""
    values = draft_values(draft)
    values["company_id"] = company_id
    return records.create(tx, "contact", values)


def update(tx: Tx, contact_id: str, **fields) -> dict:
    return records.update(tx, "contact", contact_id, fields)


def delete(tx: Tx, contact_id: str) -> None:
    records.delete(tx, "contact", contact_id)


def get(session: Session, contact_id: str) -> ContactView | None:
    rec = load(session, "contact", contact_id)
    if rec is None or rec["deleted"] or rec["merged_into"]:
        return None
    kinds = {k for (k,) in dbapi(session).execute(
        "SELECT kind FROM attachment WHERE owner_id = ?", (contact_id,))}
    return _view(rec, load(session, "company", rec["company_id"]), kinds)


def get_many(session: Session, contact_ids: list[str]) -> list[ContactView]:
    """`get` for many people at once, in the order given, the gone left out (an export of
    100,000: a few queries per 500 people instead of five per person)."""
    recs = load_many(session, "contact", contact_ids)
    live = [recs[i] for i in contact_ids
            if i in recs and not recs[i]["deleted"] and not recs[i]["merged_into"]]
    firms = load_many(session, "company", [r["company_id"] for r in live if r["company_id"]])
    kinds: dict[str, set[str]] = {}
    for i in range(0, len(live), 500):
        chunk = [r["id"] for r in live[i:i + 500]]
        for owner, kind in dbapi(session).execute(
                "SELECT owner_id, kind FROM attachment WHERE owner_id IN "
                f"({', '.join('?' * len(chunk))})", chunk):
            kinds.setdefault(owner, set()).add(kind)
    return [_view(r, firms.get(r["company_id"]), kinds.get(r["id"], set())) for r in live]


def _view(rec: dict, company: dict | None, kinds: set[str]) -> ContactView:
    return ContactView(
        id=rec["id"], name=rec["name"], family_name=rec["family_name"],
        given_name=rec["given_name"], title=rec["title"], department=rec["department"],
        company_id=rec["company_id"], company_name=company["name"] if company else "",
        own_address=rec["address"], address=rec["address"] or (company["address"] if company else ""),
        emails=[Email(e["address"], e["kind"]) for e in rec["emails"]],
        phones=[Phone(p["number"], p["kind"]) for p in rec["phones"]],
        websites=rec["websites"], note=rec["note"],
        birthday=dt.date.fromisoformat(rec["birthday"]) if rec["birthday"] else None,
        tags=rec["tags"], created_at=_ts(rec["created_at"]), updated_at=_ts(rec["updated_at"]),
        has_photo="photo" in kinds, has_card="card" in kinds,
    )


def _ts(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _live_ids():
    # written exactly as the partial indexes of migration 0003 say (a literal `deleted = 0`,
    # not `IS 0` or a bound parameter), so SQLite can answer from them in index order
    return select(Contact.id).where(Contact.deleted == false(), Contact.merged_into.is_(None))


def count(session: Session, company_id: str | None = None) -> int:
    q = _live_ids()
    if company_id:
        q = q.where(Contact.company_id == company_id)
    return session.scalar(select(func.count()).select_from(q.subquery())) or 0


# read straight from the partial indexes of migration 0003, in their order (no sort)
IDS_SQL = ("SELECT id FROM contact WHERE deleted = 0 AND merged_into IS NULL "
           "ORDER BY sort_name, id")
COMPANY_IDS_SQL = ("SELECT id FROM contact WHERE company_id = ? AND deleted = 0 "
                   "AND merged_into IS NULL ORDER BY sort_name, id")


def ids(session: Session, company_id: str | None = None) -> list[str]:
    """Every live contact id in display order (alphabetical), read in index order."""
    con = dbapi(session)
    cur = con.execute(COMPANY_IDS_SQL, (company_id,)) if company_id else con.execute(IDS_SQL)
    return [r for (r,) in cur]


def tags_in_use(session: Session) -> list[str]:
    """The tags live contacts carry, most used first (an import's tag field offers them)."""
    return [t for (t,) in dbapi(session).execute(
        "SELECT t.value FROM contact c, json_each(c.tags) t WHERE c.tags <> '[]' AND NOT "
        "c.deleted AND c.merged_into IS NULL AND t.type = 'text' GROUP BY t.value "
        "ORDER BY count(*) DESC, t.value")]


def rows(session: Session, contact_ids: list[str]) -> list[ContactRow]:
    """List rows for these ids, in the same order (missing ids are left out)."""
    if not contact_ids:
        return []
    first_email = (select(ContactEmail.address).where(ContactEmail.contact_id == Contact.id)
                   .order_by(ContactEmail.position).limit(1).scalar_subquery())
    first_phone = (select(ContactPhone.number).where(ContactPhone.contact_id == Contact.id)
                   .order_by(ContactPhone.position).limit(1).scalar_subquery())
    q = (select(Contact.id, Contact.name, Contact.title, Company.name, first_email, first_phone)
         .outerjoin(Company, Company.id == Contact.company_id)
         .where(Contact.id.in_(contact_ids)))
    found = {r[0]: ContactRow(r[0], r[1], r[2], r[3] or "", r[4] or "", r[5] or "")
             for r in session.execute(q)}
    return [found[i] for i in contact_ids if i in found]


def find_by_email(session: Session, address: str) -> list[str]:
    norm = normalize.normalize_email(address)
    if not norm:
        return []
    q = (_live_ids().join(ContactEmail, ContactEmail.contact_id == Contact.id)
         .where(ContactEmail.address_norm == norm).distinct().order_by(Contact.id))
    return list(session.scalars(q))


def find_by_phone(session: Session, number: str, region: str | None = None,
                  any_extension: bool = False) -> list[str]:
    """Contacts with this phone number, however either side wrote it; oldest first (ids are
    time-ordered), so the same input always finds the same person first. A number with an
    extension is another number than the switchboard and its other extensions (colleagues
    share the one, not the others); `any_extension`: everyone on the line (who is calling)."""
    region = region or session.info.get("region", "US")
    key = normalize.phone_key(number, region)
    national = normalize.national_digits(number, region)
    if len(national) < 5:
        return []
    q = _live_ids().join(ContactPhone, ContactPhone.contact_id == Contact.id)
    if key and not any_extension:
        found = list(session.scalars(q.where(ContactPhone.e164 == key).distinct()
                                     .order_by(Contact.id)))
        if found:
            return found
    # no exact match: same last 7 digits, the rest agreeing as a suffix, the same extension
    ext = None if any_extension else normalize.phone_extension(number, region)
    cands = session.execute(
        q.add_columns(ContactPhone.number).where(ContactPhone.tail == national[-7:])
        .order_by(Contact.id)).all()
    out: list[str] = []
    for cid, stored in cands:
        if normalize.same_line(stored, national, ext, region) and cid not in out:
            out.append(cid)
    return out


def attach(tx: Tx, contact_id: str, kind: str, data: bytes, mime: str) -> str:
    """Keep a photo or the business card image with the contact (replaces the previous one)."""
    from app.ids import new_id

    records.live(tx, "contact", contact_id)
    olds = list(tx.session.scalars(select(Attachment).where(
        Attachment.owner_id == contact_id, Attachment.kind == kind)))
    if kind == "photo":
        journal.photo_replaced(tx.session, contact_id,
                               (olds[0].data, olds[0].mime) if olds else None)
    for old in olds:
        tx.session.delete(old)
    att = Attachment(id=new_id(), owner_id=contact_id, kind=kind, mime=mime, data=data)
    tx.session.add(att)
    tx.touched.add("contact")
    return att.id


def detach(tx: Tx, contact_id: str, kind: str) -> None:
    """Remove the contact's photo or card image (an import taken back: it had none)."""
    for old in tx.session.scalars(select(Attachment).where(
            Attachment.owner_id == contact_id, Attachment.kind == kind)):
        tx.session.delete(old)
    tx.touched.add("contact")


def attachment(session: Session, contact_id: str, kind: str) -> tuple[bytes, str] | None:
    row = session.scalars(select(Attachment).where(
        Attachment.owner_id == contact_id, Attachment.kind == kind)).first()
    return (row.data, row.mime) if row else None
