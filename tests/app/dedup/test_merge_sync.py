"""A merge and its undo travel through sync like any edit: another rep sees the loser disappear
with its people moved, then come back. Real HQ over HTTP (embedded SQLite)."""

from __future__ import annotations

import pytest

from app.dedup import merge as merging
from app.domain import CompanyDraft, ContactDraft
from app.services import companies, contacts, opportunities
from tests.sync.conftest import Hq, Replica, assert_converged


@pytest.fixture
def hq(tmp_path):
    server = Hq(f"sqlite:///{tmp_path / 'hq.sqlite3'}")
    yield server
    server.close()


@pytest.fixture
def reps(hq, tmp_path):
    made = [Replica(hq, tmp_path / f"{n}.sqlite3", hq.token(n)) for n in ("alice", "bob")]
    yield made
    for r in made:
        r.close()


def test_merge_and_undo_reach_the_other_rep(hq, reps):
    alice, bob = reps
    with alice.store.write() as tx:
        keep = companies.create(tx, CompanyDraft("Acme Industrial GmbH"))
        lose = companies.create(tx, CompanyDraft("ACME Industrial", phone="+49 30 1234567"))
        ben = contacts.create(tx, ContactDraft(name="Ben Weber"), lose)
        deal = opportunities.create(tx, "Retrofit", lose, contact_id=ben)
    alice.sync(), bob.sync()

    with alice.store.write() as tx:
        mid = merging.merge(tx, "company", keep, lose, {"name": "keep"})
    alice.sync(), bob.sync()
    with bob.store.read() as s:
        assert companies.get(s, lose) is None
        assert companies.get(s, keep).phone == "+49 30 1234567"
        assert contacts.get(s, ben).company_id == keep
        assert opportunities.get(s, deal).company_id == keep
    assert_converged(hq, alice, bob)

    with alice.store.write() as tx:
        merging.unmerge(tx, mid)
    alice.sync(), bob.sync()
    with bob.store.read() as s:
        assert companies.get(s, lose).name == "ACME Industrial"
        assert companies.get(s, keep).phone == ""
        assert contacts.get(s, ben).company_id == lose
        assert opportunities.get(s, deal).company_id == lose
    assert_converged(hq, alice, bob)


def test_person_added_offline_at_the_loser_ends_at_the_survivor(hq, reps):
    alice, bob = reps
    with alice.store.write() as tx:
        keep = companies.create(tx, CompanyDraft("Acme"))
        lose = companies.create(tx, CompanyDraft("ACME Inc"))
    alice.sync(), bob.sync()
    with bob.store.write() as tx:  # bob, offline, adds someone at the duplicate
        carla = contacts.create(tx, ContactDraft(name="Carla"), lose)
    with alice.store.write() as tx:
        merging.merge(tx, "company", keep, lose)
    alice.sync(), bob.sync(), alice.sync()
    for r in (alice, bob):
        with r.store.read() as s:
            assert contacts.get(s, carla).company_id == keep
    assert_converged(hq, alice, bob)
