"""The scenarios of issue 6, through real HTTP against SQLite and PostgreSQL HQ databases."""

from __future__ import annotations

from sqlalchemy import select

from app import hlc
from app.domain import CompanyDraft, ContactDraft, Email, Phone
from app.models import Company, Contact, Outbox
from app.search import search
from app.services import activities, companies, contacts
from sync import conflicts
from tests.sync.conftest import assert_converged


def _contact(rep, name="Wang Wei", company=None, **kw):
    with rep.store.write() as tx:
        return contacts.create(tx, ContactDraft(name=name, **kw), company)


def _company(rep, name="Acme"):
    with rep.store.write() as tx:
        return companies.create(tx, CompanyDraft(name=name, address="1 Main St"))


def test_records_reach_every_replica_with_children_and_search(hq, replicas):
    a, b = replicas("alice"), replicas("bob")
    co = _company(a, "Huawei Technologies")
    cid = _contact(a, "王伟", co, emails=[Email("wang@huawei.com")],
                   phones=[Phone("+86 138 0013 8000", "mobile")])
    report = a.sync()
    assert report.pushed > 0 and report.pending == 0
    b.sync()
    with b.store.read() as s:
        view = contacts.get(s, cid)
        assert view.name == "王伟" and view.company_name == "Huawei Technologies"
        assert view.address == "1 Main St"
        assert [e.address for e in view.emails] == ["wang@huawei.com"]
        assert contacts.find_by_phone(s, "13800138000") == [cid]
        assert [h.id for h in search(s, "王伟")] == [cid]
    assert_converged(hq, a, b)


def test_concurrent_edits_of_different_fields_both_survive(hq, replicas):
    a, b = replicas("alice"), replicas("bob")
    cid = _contact(a)
    a.sync(), b.sync()
    with a.store.write() as tx:
        contacts.update(tx, cid, title="CTO")
    with b.store.write() as tx:
        contacts.update(tx, cid, note="met at the fair")
    a.sync(), b.sync(), a.sync()
    for r in (a, b):
        with r.store.read() as s:
            v = contacts.get(s, cid)
            assert (v.title, v.note) == ("CTO", "met at the fair")
    assert_converged(hq, a, b)
    assert conflicts.list_conflicts(a.store) == conflicts.list_conflicts(b.store) == []


def test_same_field_later_stamp_wins_and_loser_is_listed(hq, replicas):
    a, b = replicas("alice"), replicas("bob")
    cid = _contact(a)
    a.sync(), b.sync()
    with a.store.write() as tx:
        contacts.update(tx, cid, title="Sales Manager")
    with b.store.write() as tx:  # later stamp
        contacts.update(tx, cid, title="Head of Sales")
    # whoever syncs first, the later stamp wins and the earlier writer sees its loss
    a.sync(), b.sync(), a.sync()
    for r in (a, b):
        with r.store.read() as s:
            assert contacts.get(s, cid).title == "Head of Sales"
    lost = conflicts.list_conflicts(a.store)
    assert [(c.field, c.local_value, c.remote_value) for c in lost] == [
        ("title", "Sales Manager", "Head of Sales")]
    assert conflicts.list_conflicts(b.store) == []
    # one click restores the lost value, and it then wins everywhere
    conflicts.restore(a.store, lost[0].id)
    a.sync(), b.sync()
    with b.store.read() as s:
        assert contacts.get(s, cid).title == "Sales Manager"
    assert conflicts.list_conflicts(a.store) == []
    assert_converged(hq, a, b)


def test_same_field_loser_pushing_second_is_listed(hq, replicas):
    a, b = replicas("alice"), replicas("bob")
    cid = _contact(a)
    a.sync(), b.sync()
    with a.store.write() as tx:
        contacts.update(tx, cid, title="Sales Manager")
    with b.store.write() as tx:
        contacts.update(tx, cid, title="Head of Sales")
    b.sync()  # the winner reaches HQ first; a's push is superseded
    report = a.sync()
    assert report.superseded == 1 and report.conflicts == 1
    with a.store.read() as s:
        assert contacts.get(s, cid).title == "Head of Sales"
    assert [c.local_value for c in conflicts.list_conflicts(a.store)] == ["Sales Manager"]
    assert_converged(hq, a, b)


def test_unpushed_local_change_overwritten_by_pull_is_listed_and_not_pushed(hq, replicas):
    a, b = replicas("alice"), replicas("bob")
    cid = _contact(a)
    a.sync(), b.sync()
    with a.store.write() as tx:
        contacts.update(tx, cid, title="old local", note="kept")
    with b.store.write() as tx:
        contacts.update(tx, cid, title="newer remote")
    b.sync()
    with a.client() as c:
        c.pull()  # pull before push: the pending title loses, the pending note stays
    with a.store.read() as s:
        (ob,) = s.scalars(select(Outbox)).all()
        assert set(ob.changes) == {"note"}
        assert contacts.get(s, cid).title == "newer remote"
    assert [c.local_value for c in conflicts.list_conflicts(a.store)] == ["old local"]
    a.sync(), b.sync()
    assert_converged(hq, a, b)


def test_delete_vs_concurrent_edit(hq, replicas):
    a, b = replicas("alice"), replicas("bob")
    cid = _contact(a)
    a.sync(), b.sync()
    with a.store.write() as tx:
        contacts.update(tx, cid, title="edited")
    with b.store.write() as tx:
        contacts.delete(tx, cid)
    a.sync(), b.sync(), a.sync()
    for r in (a, b):
        with r.store.read() as s:
            assert contacts.get(s, cid) is None  # the delete is a field change: it stays
            row = s.get(Contact, cid)
            assert row.title == "edited" and row.deleted
    assert_converged(hq, a, b)


def test_merge_vs_concurrent_edit_of_the_loser(hq, replicas):
    a, b = replicas("alice"), replicas("bob")
    keep, lose = _contact(a, "Li Na"), _contact(a, "Li Na (dup)")
    a.sync(), b.sync()
    with a.store.write() as tx:  # a merges lose into keep
        contacts.update(tx, keep, title="Buyer")
        from app.services import records
        records.update(tx, "contact", lose, {"merged_into": keep})
    with b.store.write() as tx:  # b meanwhile edits the loser
        contacts.update(tx, lose, note="call back Friday")
    b.sync(), a.sync(), b.sync()
    for r in (a, b):
        with r.store.read() as s:
            assert contacts.get(s, lose) is None
            assert s.get(Contact, lose).note == "call back Friday"
            assert s.get(Contact, lose).merged_into == keep
    assert_converged(hq, a, b)


def test_offline_create_at_company_merged_meanwhile_ends_at_survivor(hq, replicas):
    a, b = replicas("alice"), replicas("bob")
    keep, lose = _company(a, "Acme Inc"), _company(a, "ACME")
    a.sync(), b.sync()
    cid = _contact(b, "New Person", lose)  # b, offline, adds someone at the loser
    with b.store.write() as tx:
        note = activities.create(tx, "note", body="first visit", contact_id=cid,
                                 company_id=lose)
    from app.services import records
    with a.store.write() as tx:  # a merges the companies
        records.update(tx, "company", lose, {"merged_into": keep})
    a.sync(), b.sync(), a.sync()
    for r in (a, b):
        with r.store.read() as s:
            assert contacts.get(s, cid).company_id == keep
            assert contacts.get(s, cid).company_name == "Acme Inc"
            assert activities.get(s, note).company_id == keep
    assert_converged(hq, a, b)


def test_create_and_delete_within_one_page(hq, replicas):
    a, b = replicas("alice"), replicas("bob")
    cid = _contact(a, "Short Lived")
    with a.store.write() as tx:
        contacts.delete(tx, cid)
    keep = _contact(a, "Stays")
    a.sync(), b.sync()
    with b.store.read() as s:
        assert contacts.get(s, cid) is None and contacts.get(s, keep) is not None
        assert [h.id for h in search(s, "Short Lived")] == []
    assert_converged(hq, a, b)


def test_clocks_a_day_apart_converge(hq, replicas):
    a, b = replicas("alice"), replicas("bob")
    day = 24 * 3600 * 1000
    a.store.clock = hlc.Clock(a.store.node_id, a.store.clock.last,
                              wall=lambda: hlc.physical_ms() + day)
    cid = _contact(a)
    a.sync(), b.sync()
    # b's own clock is a day behind a's stamps, but it observed HQ's: its edit is later
    with b.store.write() as tx:
        contacts.update(tx, cid, title="from b")
    with b.store.read() as s:
        assert s.get(Contact, cid).clocks["title"] > s.get(Contact, cid).clocks["name"]
    b.sync(), a.sync()
    with a.store.read() as s:
        assert contacts.get(s, cid).title == "from b"
    assert_converged(hq, a, b)


def test_far_future_stamp_is_clamped_and_replicas_agree(hq, replicas, caplog):
    a, b = replicas("alice"), replicas("bob")
    year = 365 * 24 * 3600 * 1000
    a.store.clock = hlc.Clock(a.store.node_id, a.store.clock.last,
                              wall=lambda: hlc.physical_ms() + year)
    cid = _contact(a)
    with caplog.at_level("WARNING", logger="sync.server.clock"):
        a.sync()
    assert any("far in the future" in r.getMessage() for r in caplog.records)  # and logged
    a.store.clock = hlc.Clock(a.store.node_id, hlc.ZERO)  # the laptop's clock is fixed
    b.sync()
    with b.store.write() as tx:  # a normal later edit must still win
        contacts.update(tx, cid, name="Fixed Name")
    b.sync(), a.sync()
    with a.store.read() as s:
        assert contacts.get(s, cid).name == "Fixed Name"
        stamp = hlc.Stamp.decode(s.get(Contact, cid).clocks["name"])
        assert stamp.wall_ms < hlc.physical_ms() + hlc.MAX_DRIFT_MS
    assert_converged(hq, a, b)


def test_conflict_list_lists_company_fields_and_dates_too(hq, replicas):
    a, b = replicas("alice"), replicas("bob")
    co = _company(a)
    a.sync(), b.sync()
    with a.store.write() as tx:
        companies.update(tx, co, tags=["vip"])
    with b.store.write() as tx:
        companies.update(tx, co, tags=["lost"])
    b.sync(), a.sync()
    (c,) = conflicts.list_conflicts(a.store)
    assert (c.entity, c.record_name, c.local_value, c.remote_value) == (
        "company", "Acme", ["vip"], ["lost"])
    conflicts.dismiss(a.store, c.id)
    assert conflicts.list_conflicts(a.store) == []
    with a.store.read() as s:
        assert s.get(Company, co).tags == ["lost"]


def test_merge_chains_lead_references_to_the_last_survivor(hq, replicas):
    a, b = replicas("alice"), replicas("bob")
    x, y, z = _company(a, "X Ltd"), _company(a, "Y Ltd"), _company(a, "Z Ltd")
    a.sync(), b.sync()
    cid = _contact(b, "At X", x)  # b, offline, still knows X
    from app.services import records
    with a.store.write() as tx:
        records.update(tx, "company", x, {"merged_into": y})
    a.sync()
    with a.store.write() as tx:
        records.update(tx, "company", y, {"merged_into": z})
    a.sync(), b.sync(), a.sync()
    for r in (a, b):
        with r.store.read() as s:
            assert contacts.get(s, cid).company_id == z
    assert_converged(hq, a, b)


def test_hq_repair_beats_a_fast_laptop_clock_even_after_restart(hq, replicas):
    a, b = replicas("alice"), replicas("bob")
    ahead = 20 * 3600 * 1000  # within the clamp limit: kept as sent
    a.store.clock = hlc.Clock(a.store.node_id, a.store.clock.last,
                              wall=lambda: hlc.physical_ms() + ahead)
    keep, lose = _company(b, "Keep Co"), _company(b, "Lose Co")
    b.sync(), a.sync()
    cid = _contact(a, "Fast Clock", lose)
    a.sync()
    hq.restart()  # HQ's clock starts again from its own wall time
    from app.services import records
    b.store.clock = hlc.Clock(b.store.node_id, hlc.ZERO)  # b never saw a's stamps
    with b.store.write() as tx:
        records.update(tx, "company", lose, {"merged_into": keep})
    b.sync(), a.sync(), b.sync()
    for r in (a, b):
        with r.store.read() as s:
            assert contacts.get(s, cid).company_id == keep
    assert_converged(hq, a, b)


def test_an_edit_after_seeing_a_fast_clocks_value_wins_over_it(hq, replicas):
    a, b = replicas("alice"), replicas("bob")
    ahead = 20 * 3600 * 1000
    a.store.clock = hlc.Clock(a.store.node_id, a.store.clock.last,
                              wall=lambda: hlc.physical_ms() + ahead)
    cid = _contact(a, "From the future")
    a.sync()
    hq.restart()  # HQ's own clock no longer remembers a's stamps
    b.sync()
    with b.store.write() as tx:  # b saw a's value, then changed it: b's change is later
        contacts.update(tx, cid, name="Edited after")
    b.sync(), a.sync()
    for r in (a, b):
        with r.store.read() as s:
            assert contacts.get(s, cid).name == "Edited after"
    assert_converged(hq, a, b)


def test_conflict_on_a_reference_names_the_records(hq, replicas):
    a, b = replicas("alice"), replicas("bob")
    x, y = _company(a, "Xian Trading"), _company(a, "Yantai Metals")
    cid = _contact(a, "Mover")
    a.sync(), b.sync()
    with a.store.write() as tx:
        contacts.update(tx, cid, company_id=x)
    with b.store.write() as tx:
        contacts.update(tx, cid, company_id=y)
    a.sync(), b.sync(), a.sync()
    (c,) = conflicts.list_conflicts(a.store)
    assert (c.field, c.local_label, c.remote_label) == ("company_id", "Xian Trading",
                                                        "Yantai Metals")
    conflicts.restore(a.store, c.id)
    a.sync(), b.sync()
    with b.store.read() as s:
        assert contacts.get(s, cid).company_name == "Xian Trading"
    assert_converged(hq, a, b)


def test_crossed_merges_leave_one_survivor(hq, replicas):
    a, b = replicas("alice"), replicas("bob")
    x, y = _company(a, "Twin One"), _company(a, "Twin Two")
    at_x, at_y = _contact(a, "At One", x), _contact(a, "At Two", y)
    a.sync(), b.sync()
    from app.services import records
    with a.store.write() as tx:
        records.update(tx, "company", x, {"merged_into": y})
    with b.store.write() as tx:  # at the same time, the other way round
        records.update(tx, "company", y, {"merged_into": x})
    a.sync(), b.sync(), a.sync()
    keep = min(x, y)
    for r in (a, b):
        with r.store.read() as s:
            assert companies.get(s, keep) is not None
            assert companies.get(s, max(x, y)) is None
            assert contacts.get(s, at_x).company_id == keep
            assert contacts.get(s, at_y).company_id == keep
    assert_converged(hq, a, b)
