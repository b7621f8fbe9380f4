"""The one save path for a person from any entrance: quick-add, import, business card, pasted
signature. Company first: the contact joins an existing company and inherits its address, so a
company's address is typed once. Idempotent: saving the same draft twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from app import matching, normalize
from app.dedup.store_index import Prematch
from app.domain import NO_YEAR, CompanyDraft, ContactDraft, has_year
from app.errors import InvalidInput
from app.services import companies, contacts, records
from app.services.fields import to_wire
from app.store import Tx

if TYPE_CHECKING:
    from app.io.lookup import ImportLookup


@dataclass(frozen=True)
class SaveResult:
    contact_id: str
    company_id: str | None
    action: str  # created | updated | unchanged
    company_action: str | None  # created | linked | None (no company)
    # the company the draft's company text was matched to or created as (a known person may
    # stay at another one: `company_id`)
    draft_company_id: str | None = None
    changed: tuple[str, ...] = ()  # the fields an update gave the stored person


@dataclass(frozen=True)
class CompanySaveResult:
    company_id: str
    action: str  # created | updated | unchanged | linked


def _same_address(a: str, b: str) -> bool:
    # the same text is common (a company created from this very card) and needs no key
    if a == b or normalize.company_key(a) == normalize.company_key(b):
        return True
    # the same parts in another order: a Chinese address the importers wrote street first
    # until they wrote it from the province down (app.io.addresses)
    return normalize.is_cjk(a) and _characters(a) == _characters(b)


def _characters(address: str) -> list[str]:
    return sorted(ch for ch in normalize.fold(address) if ch.isalnum())


def save_company(tx: Tx, draft: CompanyDraft, region: str | None = None,
                 create: Callable[[CompanyDraft], str] | None = None,
                 ready: Callable[[str], None] | None = None,
                 prematch: Prematch | None = None) -> CompanySaveResult:
    """Create the company, or fill the empty fields of the one it matches. `create`: how a new
    one is written (an import queues it), else companies.create; `ready(id)`: called before the
    matched company is read (an import writes it first if it is still queued); `prematch`: the
    matcher's work done ahead by an import (app.io.ahead)."""
    if not draft.name.strip():
        raise InvalidInput("A company needs a name.")
    match = matching.match_company(tx.session, draft, region or tx.region, prematch)
    if match.decision != "same":
        company_id = (create or partial(companies.create, tx))(draft)
        if match.decision == "maybe":  # a new company, but the rep may find it is that one
            tx.session.info.setdefault(_LOOK_ALIKES, {})[company_id] = match
        return CompanySaveResult(company_id, "created")
    if ready is not None:
        ready(match.company_id)
    rec = records.live(tx, "company", match.company_id)
    fill = {f: getattr(draft, f) for f in ("address", "phone", "website", "note")
            if getattr(draft, f) and not rec[f]}
    if draft.tags:
        fill["tags"] = rec["tags"] + draft.tags
    changed = records.update_loaded(tx, "company", rec, fill)
    return CompanySaveResult(rec["id"], "updated" if changed else "linked")


_LOOK_ALIKES = "look_alikes"  # session.info: new company id → the "maybe" it was created beside


def look_alikes(session) -> dict[str, matching.CompanyMatch]:
    """The companies this transaction created though the matcher found one it "maybe" is
    (the same short name, the same name in another city): the id of each → that match. An
    import's report offers to review them at once, rather than leave them to a full search
    for duplicates. (Savepoints rolled back since may have taken some of them out again.)"""
    return session.info.get(_LOOK_ALIKES, {})


def company_of(draft: ContactDraft) -> CompanyDraft | None:
    """The company a person's draft names, as the matcher is asked about it."""
    if not draft.company.strip():
        return None
    website = draft.websites[0] if draft.websites else ""
    return CompanyDraft(draft.company.strip(), address=draft.address, website=website)


def save_contact(tx: Tx, draft: ContactDraft, region: str | None = None,
                 lookup: ImportLookup | None = None, company_id: str | None = None,
                 contact_id: str | None = None) -> SaveResult:
    """`lookup`: an import's in-memory answers to the same questions (app.io.lookup): the
    same decisions, without a round of queries per record; new people are queued.
    `company_id`: the company the rep picked (a suggestion of quick-add, "join X instead" on a
    card): it is used as is, instead of asking the matcher about `draft.company`.
    `contact_id`: the stored person the draft is about (an import found them by e-mail or
    number, apply._meant): saved onto them, instead of asking the matcher."""
    region = region or tx.region
    if not (draft.display_name() or draft.emails or draft.phones):
        raise InvalidInput("A contact needs at least a name, an e-mail or a phone number.")
    address_of = company_addresses(tx, lookup)
    company_action = None
    if company_id:
        company_action = "linked"
    elif company := company_of(draft):
        result = lookup.save_company(company, region) if lookup \
            else save_company(tx, company, region)
        company_id = result.company_id
        company_action = "created" if result.action == "created" else "linked"
    own_address = _own_address(draft, company_id, address_of(company_id) if company_id else "")

    if contact_id:
        found = [contact_id]
    elif lookup:
        found = lookup.match_contact(draft, company_id, region)
    else:
        match = matching.match_contact(tx.session, draft, company_id, region)
        found = [match.contact_id, *match.others] if match.decision == "same" else []
    if not found:
        values = contacts.draft_values(draft)
        values.update(company_id=company_id, address=own_address)
        cid = lookup.create_contact(values) if lookup else records.create(tx, "contact", values)
        return SaveResult(cid, company_id, "created", company_action, company_id)

    live = live_contacts(tx, lookup)
    rec = live(found[0])
    fill = _changes(rec, draft, company_id, region, address_of)
    for other in found[1:]:
        # several people share the e-mail, number or name: one that already holds all of the
        # draft is the one it means (saving it again must change nothing)
        if not fill:
            break
        cand = live(other)
        if not _changes(cand, draft, company_id, region, address_of):
            rec, fill = cand, {}
    changes = records.update(tx, "contact", rec["id"], fill)
    if lookup and changes:
        lookup.updated_contact(rec, changes)
    return SaveResult(rec["id"], changes.get("company_id", rec["company_id"]),
                      "updated" if changes else "unchanged", company_action, company_id,
                      tuple(sorted(changes)))


def company_addresses(tx: Tx, lookup: ImportLookup | None = None) -> Callable[[str], str]:
    """A company's address by its id: from an import's lookups (which know its queued
    companies), else from the store."""
    return lookup.company_address if lookup \
        else (lambda company_id: records.live(tx, "company", company_id)["address"])


def live_contacts(tx: Tx, lookup: ImportLookup | None = None) -> Callable[[str], dict]:
    """A stored person by their id, about to be updated: through an import's lookups (which
    write a queued person first), else from the store."""
    return lookup.live_contact if lookup else partial(records.live, tx, "contact")


def _own_address(draft: ContactDraft, company_id: str | None, company_address: str) -> str:
    """The draft's address is the company's unless it differs from it."""
    if company_id and (not draft.address or _same_address(draft.address, company_address)):
        return ""
    return draft.address


def _changes(rec: dict, draft: ContactDraft, company_id: str | None, region: str,
             address_of: Callable[[str], str]) -> dict:
    """What saving the draft onto the stored person `rec` changes (`company_id`: the draft's
    company, joined by a person without one). The draft's address is their own unless it is
    that of the company they are at, which can be another than the draft's (the person is
    known by e-mail, number or name, and stays where they are)."""
    at = rec["company_id"] or company_id
    own = _own_address(draft, at, address_of(at) if at else "")
    return _fill(rec, draft, company_id, own, region)


def holds(rec: dict, draft: ContactDraft, region: str, address_of: Callable[[str], str]) -> bool:
    """Whether saving the draft onto the stored person `rec` would change nothing."""
    return not _changes(rec, draft, None, region, address_of)


def _gives_the_year(stored: str | None, incoming: dt.date | None) -> bool:
    """A birthday kept without its year (`domain.NO_YEAR`) and a card with the same day and
    month that has one."""
    if not stored or not incoming or not has_year(incoming):
        return False
    return str(stored) == f"{NO_YEAR}-{incoming:%m-%d}"  # (the stored one in wire form)


def _same_name(a: str, b: str) -> bool:
    """One name however it is spaced, cased or ordered ('王 小明', 'LOVELACE Ada')."""
    wa, wb = normalize.fold(a).split(), normalize.fold(b).split()
    return sorted(wa) == sorted(wb) or "".join(wa) == "".join(wb)


def _fill(rec: dict, draft: ContactDraft, company_id: str | None, own_address: str,
          region: str) -> dict:
    """Fields to change on an existing person: empty ones filled, new e-mails/phones added."""
    values: dict = {}
    incoming = contacts.draft_values(draft)
    incoming["address"] = own_address
    for f in ("name", "title", "department", "address", "note", "birthday"):
        if incoming[f] and not rec[f]:
            values[f] = incoming[f]
    # the parts of the draft's name, not of another's: 王小明's card, found by 李娜's number,
    # must not make her given name 小明
    if not rec["name"] or _same_name(rec["name"], incoming["name"]):
        for f in ("family_name", "given_name"):
            if incoming[f] and not rec[f]:
                values[f] = incoming[f]
    if _gives_the_year(rec["birthday"], incoming["birthday"]):
        values["birthday"] = incoming["birthday"]
    if company_id and not rec["company_id"]:
        values["company_id"] = company_id
    emails = rec["emails"]
    known = {normalize.normalize_email(e["address"]) for e in emails}
    new = [e for e in to_wire("emails", draft.emails)
           if normalize.normalize_email(e["address"]) not in known]
    if new:
        values["emails"] = emails + new
    phones = rec["phones"]
    known = {normalize.phone_identity(p["number"], region) for p in phones}
    new = [p for p in to_wire("phones", draft.phones)
           if normalize.phone_identity(p["number"], region) not in known]
    if new:
        values["phones"] = phones + new
    for f in ("websites", "tags"):
        merged = to_wire(f, rec[f] + incoming[f])
        if merged != rec[f]:
            values[f] = merged
    return values
