"""Applying pulled pages: the batched write path (new records inserted page-wide, stamps read
in one query) must give exactly what applying change by change gives, in any page split."""

from __future__ import annotations

import json
import random

import pytest
from sqlalchemy import select

from app import hlc
from app.domain import CompanyDraft, ContactDraft, Phone
from app.models import Company, Contact
from app.search import search
from app.services import companies, contacts, rows
from app.store import Store
from sync import protocol as P
from sync.apply import STUB, apply_changes
from sync.server import service
from tests.sync.conftest import local_state


def _ch(entity: str, rid: str, field: str, value, ms: int, node: str = "hq", seq: int = 0):
    return {"seq": seq, "kind": "set", "entity": entity, "record_id": rid, "field": field,
            "value": value, "hlc": hlc.Stamp(1_700_000_000_000 + ms, 0, node).encode()}


def _apply_pages(store: Store, pages: list[list[dict]]) -> None:
    for page in pages:
        with store.write() as tx:
            apply_changes(tx.session, page, store.node_id)


def _raw(store: Store) -> dict[str, list]:
    """Every row of the synced tables and the search index, as stored (timestamps aside)."""
    out = {}
    with store.read() as s:
        con = rows.dbapi(s)
        for table in ("company", "contact", "contact_email", "contact_phone", "tag"):
            cur = con.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cur.description]
            out[table] = sorted((
                tuple(_canon(n, v) for n, v in zip(names, r, strict=True)
                      if n not in ("created_at", "updated_at", "id") or table in ("company",
                                                                                "contact")
                      and n == "id")
                for r in cur), key=repr)
        out["search"] = sorted(con.execute(
            "SELECT d.kind, d.record_id, f.name, f.company, f.title, f.emails, f.phones, f.notes "
            "FROM search_doc d JOIN search_fts f ON f.rowid = d.rowid"))
    return out


def _canon(column: str, value):
    # the same clocks may be written as JSON in another key order
    return json.dumps(json.loads(value), sort_keys=True) if column == "clocks" else value


def _random_changes(rnd: random.Random, n: int) -> list[dict]:
    cos = [f"co{i}" for i in range(4)]
    people = [f"p{i}" for i in range(8)]
    out = []
    for k in range(n):
        ms = rnd.randrange(50)
        node = rnd.choice(["hq", "a", "b"])
        if rnd.random() < 0.3:
            rid = rnd.choice(cos)
            field, value = rnd.choice([
                ("name", rnd.choice(["Acme", "华为", "Globex"])), ("phone", "+1 415 555 0100"),
                ("tags", ["vip", "VIP", "lead"]), ("deleted", rnd.random() < 0.3),
                ("website", "https://acme.example.com")])
            out.append(_ch("company", rid, field, value, ms, node, k))
        else:
            rid = rnd.choice(people)
            field, value = rnd.choice([
                ("name", rnd.choice(["Wang Wei", "王伟", "Ann Lee"])), ("title", "CTO"),
                ("company_id", rnd.choice(cos + [None])), ("deleted", rnd.random() < 0.2),
                ("emails", [{"address": f"{rid}@x.com", "kind": "work"}]),
                ("phones", [{"number": "+86 138 0013 8000", "kind": "mobile"},
                            {"number": f"+1 415 555 01{k % 90:02d}", "kind": "work"}]),
                ("company_id", "co-never-sent")])
            out.append(_ch("contact", rid, field, value, ms, node, k))
    return out


def _splits(rnd: random.Random, changes: list[dict]) -> list[list[dict]]:
    pages, i = [], 0
    while i < len(changes):
        j = i + rnd.randint(1, 12)
        pages.append(changes[i:j])
        i = j
    return pages


@pytest.mark.parametrize("seed", range(6))
def test_any_page_split_and_replay_gives_the_same_store(tmp_path, seed):
    rnd = random.Random(seed)
    changes = _random_changes(rnd, 60)
    one = Store.open(tmp_path / "one.sqlite3", region="US")
    _apply_pages(one, [changes])  # the whole log as one page (the batched path)
    each = Store.open(tmp_path / "each.sqlite3", region="US")
    _apply_pages(each, [[c] for c in changes])  # change by change (no batching possible)
    split = Store.open(tmp_path / "split.sqlite3", region="US")
    _apply_pages(split, _splits(rnd, changes))
    _apply_pages(split, _splits(rnd, changes))  # re-applying everything is harmless
    shuffled = Store.open(tmp_path / "shuffled.sqlite3", region="US")
    mixed = changes[:]
    rnd.shuffle(mixed)  # last-writer-wins by stamp: arrival order does not matter
    _apply_pages(shuffled, _splits(rnd, mixed))
    want_state, want_raw = local_state(each), _raw(each)
    for st in (one, split, shuffled):
        assert local_state(st) == want_state
        assert _raw(st) == want_raw
    with each.read() as s:  # the page-wide read gives what reading one by one gives
        for entity in ("company", "contact"):
            ids = [r for (r,) in rows.dbapi(s).execute(f"SELECT id FROM {entity}")]
            assert rows.load_many(s, entity, ids + ["absent"]) == {
                r: rows.load(s, entity, r) for r in ids}
    for st in (one, each, split, shuffled):
        st.close()


def test_reference_to_a_record_later_in_the_page_links_without_a_stub(tmp_path):
    store = Store.open(tmp_path / "s.sqlite3", region="US")
    page = [_ch("contact", "p1", "name", "Wang Wei", 1), _ch("contact", "p1", "company_id", "c1", 1),
            _ch("company", "c1", "name", "Huawei", 2)]
    with store.write() as tx:
        stats = apply_changes(tx.session, page, store.node_id)
    assert stats.applied == 3
    with store.read() as s:
        co = s.get(Company, "c1")
        assert co.name == "Huawei" and not co.deleted and STUB not in co.clocks
        assert s.get(Contact, "p1").company_id == "c1"
        # the contact's search entry holds the company's name, written in the same page
        assert {h.id for h in search(s, "huawei")} == {"c1", "p1"}
    store.close()


def test_reference_whose_record_brings_only_unusable_values_gets_a_stub(tmp_path):
    store = Store.open(tmp_path / "s.sqlite3", region="US")
    page = [_ch("contact", "p1", "company_id", "c1", 1),
            _ch("company", "c1", "no_such_field", "x", 2),
            _ch("company", "c1", "deleted", "not a bool", 2)]
    with store.write() as tx:  # the foreign key holds at commit: c1 exists, as a stub
        stats = apply_changes(tx.session, page, store.node_id)
    assert stats.applied == 1 and stats.skipped == 2
    with store.read() as s:
        co = s.get(Company, "c1")
        assert co.deleted and STUB in co.clocks
    # its real values later bring it to life
    _apply_pages(store, [[_ch("company", "c1", "name", "Huawei", 3)]])
    with store.read() as s:
        co = s.get(Company, "c1")
        assert co.name == "Huawei" and not co.deleted and co.clocks.keys() == {"name"}
    store.close()


def test_remove_and_set_of_one_record_in_one_page_follow_their_order(tmp_path):
    store = Store.open(tmp_path / "s.sqlite3", region="US")
    remove = {"seq": 0, "kind": "remove", "entity": "contact", "record_id": "p1", "field": "",
              "value": None, "hlc": ""}
    # created then removed (it left our team) within one page: hidden, a stub
    _apply_pages(store, [[_ch("contact", "p1", "name", "Ann", 1), remove]])
    with store.read() as s:
        c = s.get(Contact, "p1")
        assert c.deleted and c.clocks == {STUB: "1"}
        assert search(s, "Ann") == []
    # removed, then sent whole again (moved back) within one page: alive again
    _apply_pages(store, [[remove, _ch("contact", "p1", "name", "Ann", 1),
                          _ch("contact", "p1", "title", "CTO", 1)]])
    with store.read() as s:
        c = s.get(Contact, "p1")
        assert (c.name, c.title, c.deleted) == ("Ann", "CTO", False)
        assert [h.id for h in search(s, "Ann")] == ["p1"]
    store.close()


def test_pull_body_is_the_same_json_as_the_pull_model(hq):
    """HQ sends pages as stored JSON text (pull_json); it must say exactly what `pull` says."""
    token = hq.token("alice")
    rep = service.authenticate(hq.db, token)
    changes = [
        {"change_id": "1", "entity": "contact", "record_id": "p1", "field": "name",
         "value": "王伟 \"quoted\" \\ \u2028", "hlc": hlc.Stamp(1, 0, "a").encode()},
        {"change_id": "2", "entity": "contact", "record_id": "p1", "field": "emails",
         "value": [{"address": "w@x.cn", "kind": "work"}], "hlc": hlc.Stamp(1, 0, "a").encode()},
        {"change_id": "3", "entity": "contact", "record_id": "p1", "field": "company_id",
         "value": None, "hlc": hlc.Stamp(1, 0, "a").encode()},
        {"change_id": "4", "entity": "opportunity", "record_id": "o1", "field": "amount",
         "value": 1234.5, "hlc": hlc.Stamp(1, 0, "a").encode()},
        {"change_id": "5", "entity": "contact", "record_id": "p1", "field": "deleted",
         "value": True, "hlc": hlc.Stamp(2, 0, "a").encode()},
    ]
    service.push(hq.db, service.ServerClock(), rep,
                 P.PushRequest(protocol=P.PROTOCOL_VERSION, batch_id="b", changes=changes))
    service.move_record(hq.db, "contact", "p1", "north")  # a remove for alice's team
    clock = service.ServerClock()
    for cursor, limit in ((0, 3), (3, 100), (0, 100), (10_000, 5)):
        req = P.PullRequest(protocol=P.PROTOCOL_VERSION, cursor=cursor, limit=limit)
        want = service.pull(hq.db, clock, rep, req)
        got = json.loads(service.pull_json(hq.db, clock, rep, req))
        want.pop("server_hlc"), got.pop("server_hlc")
        assert got == want
        assert P.PullResponse.model_validate({**got, "server_hlc": "x"})
    assert any(c["kind"] == "remove" for c in service.pull(
        hq.db, clock, rep, P.PullRequest(protocol=P.PROTOCOL_VERSION))["changes"])


def test_first_sync_over_http_is_batched_and_complete(hq, replicas):
    """Many new records arrive in few pages; every one is stored, linked and searchable."""
    a, b = replicas("alice"), replicas("bob")
    firms, people = [], []
    with a.store.write() as tx:
        for i in range(40):
            firms.append(companies.create(tx, CompanyDraft(name=f"Firm {i}")))
            people += [contacts.create(tx, ContactDraft(
                name=f"Person {i} {k}", phones=[Phone(f"+1 415 555 {i:02d}{k:02d}")]),
                firms[-1]) for k in range(3)]
    a.sync()
    report = b.sync(page_size=50)
    assert report.pulled >= 40 + 120 * 3
    with b.store.read() as s:
        assert s.scalar(select(Contact.company_id).where(Contact.id == people[23])) == firms[7]
        assert {h.id for h in search(s, "Firm 7")} >= {firms[7], *people[21:24]}
        assert contacts.find_by_phone(s, "+1 415 555 0702") == [people[23]]
    assert local_state(a.store) == local_state(b.store)


def test_cycle_collector_is_paused_only_while_pages_apply(hq, replicas):
    import gc

    from sync import client as sync_client

    a = replicas("alice")
    with a.store.write() as tx:
        contacts.create(tx, ContactDraft(name="Ann"))
    seen = []
    a.sync(checkpoint=lambda where: seen.append((where, gc.isenabled())))
    assert ("pull-applying", False) in seen and gc.isenabled()
    gc.disable()  # an app that turned it off keeps it off
    try:
        with sync_client._cycle_gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
