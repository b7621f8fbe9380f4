"""The matcher seam: is this company / person already in the store?

Every entrance (quick-add, import, business cards, sync) asks here, so improving the matcher
improves them all. Decisions: "same" (link automatically), "maybe" (leave for the review queue),
"new". Companies: the dedup matcher (app.dedup); people: same e-mail, same phone, or same
name at the same company (a name alone: the oldest person of that name). Several people sharing
an e-mail or number are ranked (at the draft's company, then oldest), people sharing a name
oldest first, so the same input always finds the same person (capture then prefers one who
already holds all of it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import normalize
from app.dedup.features import CompanyFeatures, CompanyRecord, features
from app.dedup.scoring import PairScore
from app.dedup.store_index import Prematch, match_features, store_index
from app.domain import CompanyDraft, ContactDraft
from app.models import Contact, ContactPhone
from app.services import contacts


@dataclass(frozen=True)
class CompanyMatch:
    company_id: str | None
    decision: str  # same | maybe | new
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ContactMatch:
    contact_id: str | None
    decision: str
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    others: tuple[str, ...] = ()  # more people with the same e-mail, number or name, in rank order


# people sharing a card's e-mail, number or name it is compared with (apply._meant): a common name
# can have hundreds, and the one a card was saved onto is almost always among the oldest
NAMESAKES = 50
NEW_COMPANY = CompanyMatch(None, "new")
NEW_CONTACT = ContactMatch(None, "new")
_DRAFT_ID = "draft"  # a draft has no id yet; never equal to a stored UUID


def warm(session: Session, region: str) -> None:
    """Build the matcher's in-memory index of the store's companies now (about 3 s at 20,000
    companies on a 2-core laptop), so the rep's first save after launch does not wait for it."""
    store_index(session).refresh(session, region)


def company_features(draft: CompanyDraft, region: str) -> CompanyFeatures:
    return features(CompanyRecord(_DRAFT_ID, draft.name, draft.address, draft.phone,
                                  draft.website), region)


def match_company(session: Session, draft: CompanyDraft, region: str | None = None,
                  prematch: Prematch | None = None) -> CompanyMatch:
    """The dedup matcher (app.dedup): blocking keys over an in-memory index of the store,
    scored on name, domain, phone and address. "maybe" carries the best candidate.
    `prematch`: this draft's features and stored matches, worked out ahead by an import."""
    region = region or session.info.get("region") or "US"
    found = _found(session, draft, region, prematch)
    if not found:
        return NEW_COMPANY
    company_id, s = found[0]
    decision = s.decision
    if decision == "maybe" and s.name_sim >= 0.95 and s.distinctive and s.conflicts == ("address",):
        # a person's card often shows a branch or home-office address: the same company name
        # still links (the address then stays the person's own); a different phone or domain
        # would not
        decision = "same"
    elif decision == "maybe":
        # a short name such as 华为 is not distinctive among many companies, so scoring leaves
        # it to the rep; but typing it again must never make a second company (company-first
        # rule): the one company of exactly that name with nothing against it links, and where
        # several hold the name and the draft has nothing else, the oldest does (quick-add's
        # list, which shows the city, lets the rep pick another)
        exact = sorted(cid for cid, other in found if other.name_sim >= 1.0 and not other.conflicts)
        if len(exact) == 1 or (exact and not (draft.address or draft.phone or draft.website)):
            company_id, s = exact[0], dict(found)[exact[0]]
            decision = "same"
    return CompanyMatch(company_id, decision, s.score, list(s.reasons))


def identifies(draft: ContactDraft, region: str) -> bool:
    """Whether the draft has an e-mail or number that can tell a person apart ('abc', 'bad@'
    and '12' tell nobody apart)."""
    return any(normalize.normalize_email(e.address).strip("@") for e in draft.emails) \
        or any(len(normalize.national_digits(p.number, region)) >= 5 for p in draft.phones)


def companies_like(session: Session, draft: CompanyDraft, region: str,
                   prematch: Prematch | None = None) -> set[str]:
    """Every company the matcher rates "same" or "maybe" for this draft (match_company picks
    one of them)."""
    return {cid for cid, _ in _found(session, draft, region, prematch)}


def _found(session: Session, draft: CompanyDraft, region: str, prematch: Prematch | None
           ) -> list[tuple[str, PairScore]]:
    """The matcher's "same" and "maybe" companies for the draft, best first; none for a name
    without a company key."""
    f = prematch.features if prematch else company_features(draft, region)
    if not f.key:  # = normalize.company_key(draft.name)
        return []
    return match_features(session, f, region, stored=prematch.stored if prematch else None)


def match_contact(session: Session, draft: ContactDraft, company_id: str | None,
                  region: str | None = None) -> ContactMatch:
    region = region or session.info.get("region") or "US"
    for e in draft.emails:
        found = contacts.find_by_email(session, e.address)
        if found:
            first, *others = _ranked(session, found, company_id)
            return ContactMatch(first, "same", 1.0,
                                [f"same e-mail {normalize.normalize_email(e.address)}"],
                                tuple(others))
    for p in draft.phones:
        found = contacts.find_by_phone(session, p.number, region)
        if found:
            first, *others = _ranked(session, found, company_id)
            return ContactMatch(first, "same", 1.0, [f"same phone {p.number}"], tuple(others))
    if not draft.display_name() and not draft.emails:
        # nothing but a number too short to parse ('1', 'abc'): the same text is the same entry,
        # so saving the draft again does not make a second one
        for p in draft.phones:
            found = session.scalars(select(Contact.id).join(
                ContactPhone, ContactPhone.contact_id == Contact.id).where(
                ContactPhone.number == p.number, Contact.deleted.is_(False),
                Contact.merged_into.is_(None)).order_by(Contact.id)).first()
            if found:
                return ContactMatch(found, "same", 0.9, [f"same phone {p.number}"])
    name = normalize.fold(draft.display_name())
    if name and (company_id or not identifies(draft, region)):
        # same name at the same company; or, with nothing else to tell them apart (no company,
        # no e-mail or number), the oldest person of that name wherever they work now: a name
        # alone is no reason for a second person (re-importing a name-only card, or saving it
        # again after that person joined a company, finds them)
        q = select(Contact.id).where(Contact.sort_name == name, Contact.deleted.is_(False),
                                     Contact.merged_into.is_(None))
        if company_id:
            q = q.where(Contact.company_id == company_id)
        first, *others = session.scalars(q.order_by(Contact.id).limit(NAMESAKES)).all() or [None]
        if first:
            reason = "same name at the same company" if company_id else "same name"
            return ContactMatch(first, "same", 0.9, [reason], tuple(others))
    return NEW_CONTACT


def _ranked(session: Session, ids: list[str], company_id: str | None) -> list[str]:
    """People sharing an e-mail or number (oldest first): those at the draft's company first.
    Which person a shared switchboard number finds must not depend on who was saved since."""
    if company_id and len(ids) > 1:
        at = set(session.scalars(select(Contact.id).where(Contact.id.in_(ids),
                                                          Contact.company_id == company_id)))
        return [i for i in ids if i in at] + [i for i in ids if i not in at]
    return ids
