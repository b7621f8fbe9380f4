"""Sync is one of the matcher's entrances: companies two reps entered offline meet on each
laptop, the matcher finds them, one rep's merge reaches everyone, and new people then join the
survivor instead of making a third copy. Real HTTP, SQLite and PostgreSQL HQ."""

from __future__ import annotations

from sqlalchemy import func, select

from app import capture
from app.dedup import merge as merging
from app.dedup.candidates import find_candidates
from app.domain import CompanyDraft, ContactDraft
from app.models import Company
from app.services import companies, contacts
from tests.sync.conftest import assert_converged


def _acme(rep, name: str) -> str:
    with rep.store.write() as tx:
        return companies.create(tx, CompanyDraft(name=name, website="https://www.acme-robotics.de",
                                                 address="Hauptstraße 5, 10115 Berlin"))


def _pairs(rep) -> dict[frozenset, str]:
    with rep.store.read() as s:
        return {frozenset((c.a, c.b)): c.decision
                for c in find_candidates(s, rep.store.region, kinds=("company",))}


def _live_companies(rep) -> int:
    with rep.store.read() as s:
        return s.scalar(select(func.count()).select_from(Company).where(
            Company.deleted.is_(False), Company.merged_into.is_(None)))


def test_companies_doubled_offline_are_found_merged_once_and_joined(hq, replicas):
    a, b = replicas("alice"), replicas("bob")
    mine, theirs = _acme(a, "Acme Robotics GmbH"), _acme(b, "ACME Robotics")
    a.sync(), b.sync(), a.sync()

    # both laptops now hold both companies, and the matcher sees them as one
    for rep in (a, b):
        assert _pairs(rep).get(frozenset((mine, theirs))) == "same"

    with a.store.write() as tx:
        merging.merge(tx, "company", mine, theirs)
    a.sync(), b.sync()

    for rep in (a, b):
        assert frozenset((mine, theirs)) not in _pairs(rep)
        assert _live_companies(rep) == 1
        # a rep typing the company again joins the survivor: no third Acme
        with rep.store.write() as tx:
            saved = capture.save_contact(tx, ContactDraft(name=f"Buyer {rep.store.path.stem}",
                                                          company="acme robotics"))
        assert saved.company_id == mine
    a.sync(), b.sync(), a.sync()
    for rep in (a, b):
        assert _live_companies(rep) == 1
        with rep.store.read() as s:
            assert len(contacts.ids(s, company_id=mine)) == 2
    assert_converged(hq, a, b)
