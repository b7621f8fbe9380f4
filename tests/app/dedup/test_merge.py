"""Merging companies and contacts: field choice, multi-valued union, children, outbox, undo,
errors, "not the same", and the command line."""

from __future__ import annotations

import json

import pytest

from app import search
from app.dedup import merge as merging
from app.domain import CompanyDraft, ContactDraft, Email, Phone
from app.errors import InvalidInput, NotFound
from app.models import Outbox
from app.services import activities, companies, contacts, opportunities, rows
from cli.main import main as satchel
from tests.app.dedup.test_merge_properties import dump


def _company(store, name, **kw):
    with store.write() as tx:
        return companies.create(tx, CompanyDraft(name, **kw))


def _contact(store, name, company_id=None, **kw):
    with store.write() as tx:
        return contacts.create(tx, ContactDraft(name=name, **kw), company_id)


def _merge(store, kind, keep, loser, choices=None):
    with store.write() as tx:
        return merging.merge(tx, kind, keep, loser, choices)


def _load(store, kind, rid):
    with store.read() as s:
        return rows.load(s, kind, rid)


def _outbox(store, after_seq=0):
    with store.read() as s:
        return [(o.entity, o.record_id, o.changes) for o in
                s.query(Outbox).filter(Outbox.seq > after_seq).order_by(Outbox.seq)]


def _max_seq(store):
    with store.read() as s:
        return rows.dbapi(s).execute("SELECT coalesce(max(seq), 0) FROM outbox").fetchone()[0]


# -- field choice --------------------------------------------------------------------------

def test_empty_field_is_filled_from_the_loser(store):
    keep = _company(store, "Acme GmbH")
    loser = _company(store, "Acme", address="Hauptstr. 1, 10115 Berlin", phone="+49 30 1234567")
    _merge(store, "company", keep, loser)
    rec = _load(store, "company", keep)
    assert rec["address"] == "Hauptstr. 1, 10115 Berlin"
    assert rec["phone"] == "+49 30 1234567" and rec["phone_e164"] == "+49301234567"


def test_both_filled_the_newer_value_wins_by_field_clock(store):
    keep = _company(store, "Acme GmbH", address="Old street 1")
    loser = _company(store, "Acme", address="Older street 9")
    with store.write() as tx:  # keep's address is now the newer one; loser's name is newer
        companies.update(tx, keep, address="New street 2")
    with store.write() as tx:
        companies.update(tx, loser, name="ACME Germany")
    with store.read() as s:
        by_field = {c.field: c for c in merging.choices_for(s, "company", keep, loser)}
    assert by_field["address"].default == "keep"
    assert by_field["name"].default == "loser"
    _merge(store, "company", keep, loser)
    rec = _load(store, "company", keep)
    assert (rec["name"], rec["address"]) == ("ACME Germany", "New street 2")


def test_explicit_choices_keep_loser_or_a_typed_value(store):
    keep = _contact(store, "Li Na", title="Buyer", note="met at fair")
    loser = _contact(store, "李娜", title="Head of Purchasing", note="prefers WeChat")
    _merge(store, "contact", keep, loser,
           {"name": "keep", "title": "loser", "note": "met at fair; prefers WeChat"})
    rec = _load(store, "contact", keep)
    assert (rec["name"], rec["title"], rec["note"]) == (
        "Li Na", "Head of Purchasing", "met at fair; prefers WeChat")


def test_unknown_field_in_choices_is_refused_and_nothing_changes(store):
    keep, loser = _company(store, "A"), _company(store, "B")
    before = dump(store)
    with pytest.raises(InvalidInput, match="no field 'colour'"):
        _merge(store, "company", keep, loser, {"colour": "keep"})
    assert dump(store) == before


# -- multi-valued fields -------------------------------------------------------------------

def test_emails_phones_websites_tags_are_united_by_normalized_form(store):
    keep = _contact(store, "Li Na", emails=[Email("li@acme.com")],
                    phones=[Phone("+86 138 0013 8000", "mobile")],
                    websites=["https://www.acme.com"], tags=["VIP"])
    loser = _contact(store, "Li Na", emails=[Email("LI@ACME.COM"), Email("lina@qq.com", "home")],
                     phones=[Phone("138 0013 8000"), Phone("021 2201 1888"),
                             Phone("021 2201 1888 转 606")],  # her extension: a number of its own
                     websites=["acme.com/", "https://li.example.cn"], tags=["vip", "展会"])
    with store.read() as s:
        by_field = {c.field: c for c in merging.choices_for(s, "contact", keep, loser)}
    assert by_field["emails"].default == "both" and by_field["emails"].multi
    _merge(store, "contact", keep, loser)
    rec = _load(store, "contact", keep)
    assert [e["address"] for e in rec["emails"]] == ["li@acme.com", "lina@qq.com"]
    assert rec["emails"][1]["kind"] == "home"
    assert [p["number"] for p in rec["phones"]] == ["+86 138 0013 8000", "021 2201 1888",
                                                    "021 2201 1888 转 606"]
    assert rec["websites"] == ["https://www.acme.com", "https://li.example.cn"]
    assert rec["tags"] == ["VIP", "展会"]
    with store.read() as s:  # the survivor is found by the loser's e-mail and phone
        assert contacts.find_by_email(s, "lina@qq.com") == [keep]
        assert contacts.find_by_phone(s, "02122011888") == [keep]


def test_multi_valued_field_can_keep_one_side_only(store):
    keep = _contact(store, "A", emails=[Email("a@x.com")])
    loser = _contact(store, "A", emails=[Email("old@x.com")])
    _merge(store, "contact", keep, loser, {"emails": "keep"})
    assert [e["address"] for e in _load(store, "contact", keep)["emails"]] == ["a@x.com"]


# -- children ------------------------------------------------------------------------------

def test_company_merge_moves_contacts_opportunities_and_activities(store):
    keep, loser = _company(store, "Acme GmbH"), _company(store, "ACME Berlin")
    staying = _contact(store, "Anna", keep)
    moving = _contact(store, "Ben", loser)
    gone = _contact(store, "Gone", loser)
    with store.write() as tx:
        opp = opportunities.create(tx, "Deal", loser, contact_id=moving)
        act = activities.create(tx, "note", body="visit", company_id=loser)
        old = activities.create(tx, "note", body="old", company_id=loser)
        contacts.delete(tx, gone)
        activities.delete(tx, old)
    _merge(store, "company", keep, loser)
    with store.read() as s:
        assert companies.get(s, loser) is None
        assert companies.get(s, keep).contact_count == 2
        assert {contacts.get(s, c).company_id for c in (staying, moving)} == {keep}
        assert opportunities.get(s, opp).company_id == keep
        assert activities.get(s, act).company_id == keep
    assert _load(store, "contact", gone)["company_id"] == loser  # tombstones stay put
    assert _load(store, "activity", old)["company_id"] == loser
    assert _load(store, "company", loser)["merged_into"] == keep


def test_contact_merge_moves_what_references_the_person(store):
    company = _company(store, "Acme")
    keep, loser = _contact(store, "Li Na", company), _contact(store, "Li Na", company)
    with store.write() as tx:
        opp = opportunities.create(tx, "Deal", company, contact_id=loser)
        call = activities.create(tx, "call", body="called", contact_id=loser)
        contacts.attach(tx, loser, "card", b"\x89PNG card", "image/png")
    _merge(store, "contact", keep, loser)
    with store.read() as s:
        assert contacts.get(s, loser) is None
        assert opportunities.get(s, opp).contact_id == keep
        assert activities.get(s, call).contact_id == keep
        assert contacts.attachment(s, keep, "card") == (b"\x89PNG card", "image/png")
        assert contacts.get(s, keep).has_card
        assert [h.id for h in search.search(s, "Li Na")
                if h.type == "contact"] == [keep]


def test_merge_writes_every_change_to_the_outbox(store):
    keep, loser = _company(store, "Acme GmbH"), _company(store, "ACME", phone="+49 30 1234567")
    person = _contact(store, "Ben", loser)
    seq = _max_seq(store)
    _merge(store, "company", keep, loser, {"name": "keep"})
    ops = _outbox(store, seq)
    assert ("company", keep, {"phone": "+49 30 1234567"}) in ops
    assert ("contact", person, {"company_id": keep}) in ops
    assert ("company", loser, {"merged_into": keep}) in ops
    seq = _max_seq(store)
    with store.write() as tx:
        mid = merging.recent_merges(tx.session)[0].id
        merging.unmerge(tx, mid)
    ops = _outbox(store, seq)
    assert ("company", loser, {"merged_into": None}) in ops
    assert ("contact", person, {"company_id": loser}) in ops
    assert ("company", keep, {"phone": ""}) in ops


# -- undo ----------------------------------------------------------------------------------

def test_undo_restores_both_and_keeps_later_edits(store):
    keep = _contact(store, "Li Na", emails=[Email("li@acme.com")])
    loser = _contact(store, "Li Na", title="Buyer", emails=[Email("lina@qq.com")])
    mid = _merge(store, "contact", keep, loser)
    with store.write() as tx:  # after the merge the rep corrects the title
        contacts.update(tx, keep, title="Chief Buyer")
    with store.write() as tx:
        result = merging.unmerge(tx, mid)
    assert result.kept_later_edits == ["title"]
    with store.read() as s:
        assert contacts.get(s, keep).title == "Chief Buyer"
        assert [e.address for e in contacts.get(s, keep).emails] == ["li@acme.com"]
        assert [e.address for e in contacts.get(s, loser).emails] == ["lina@qq.com"]
        assert contacts.get(s, loser).title == "Buyer"


def test_undo_of_a_merge_whose_survivor_was_merged_since_is_refused(store):
    a, b, c = (_company(store, n) for n in ("A", "B", "C"))
    first = _merge(store, "company", a, b)
    second = _merge(store, "company", c, a)
    with pytest.raises(InvalidInput, match=f"merge {second}"), store.write() as tx:
        merging.unmerge(tx, first)


# -- errors --------------------------------------------------------------------------------

def test_errors_say_what_happened(store):
    a, b = _company(store, "A"), _company(store, "B")
    with pytest.raises(InvalidInput, match="itself"):
        _merge(store, "company", a, a)
    with pytest.raises(NotFound, match="No company with id nope"):
        _merge(store, "company", a, "nope")
    with pytest.raises(NotFound, match="No company with id nope"):
        _merge(store, "company", "nope", a)
    with pytest.raises(InvalidInput, match="Only companies and contacts"):
        _merge(store, "activity", a, b)
    mid = _merge(store, "company", a, b)
    with pytest.raises(InvalidInput, match="already merged into"):
        _merge(store, "company", a, b)
    with pytest.raises(NotFound, match="was merged into"):  # into a tombstone
        _merge(store, "company", b, _company(store, "C"))
    with store.write() as tx:
        merging.unmerge(tx, mid)
    with pytest.raises(InvalidInput, match="already undone"), store.write() as tx:
        merging.unmerge(tx, mid)
    with pytest.raises(NotFound, match="No merge with id"), store.write() as tx:
        merging.unmerge(tx, "nope")


# -- not the same --------------------------------------------------------------------------

def test_not_the_same_is_remembered_in_either_order(store):
    a, b = _company(store, "Acme Berlin"), _company(store, "Acme Munich")
    with store.write() as tx:
        merging.not_the_same(tx, "company", b, a)
        merging.not_the_same(tx, "company", a, b)  # twice: no error
    with store.read() as s:
        assert merging.is_not_the_same(s, "company", a, b)
        assert merging.not_the_same_pairs(s, "company") == {tuple(sorted((a, b)))}
        assert merging.not_the_same_pairs(s, "contact") == set()
    with pytest.raises(InvalidInput), store.write() as tx:
        merging.not_the_same(tx, "company", a, a)
    with pytest.raises(NotFound), store.write() as tx:
        merging.not_the_same(tx, "company", a, "nope")


# -- command line --------------------------------------------------------------------------

def test_cli_merge_and_unmerge(store, db_path, capsys):
    keep = _company(store, "Acme GmbH")
    loser = _company(store, "Zeta", address="Hauptstr. 1")
    person = _contact(store, "Ben", loser)
    store.close()
    assert satchel(["--db", str(db_path), "merge", keep, loser]) == 0
    mid = capsys.readouterr().out.strip()
    assert satchel(["--db", str(db_path), "merges", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["merges"][0]["merge_id"] == mid
    assert satchel(["--db", str(db_path), "merge", keep, loser]) == 1
    assert "already merged" in capsys.readouterr().err
    assert satchel(["--db", str(db_path), "merge", keep, person]) == 1
    assert "a company can only be merged with a company" in capsys.readouterr().err
    assert satchel(["--db", str(db_path), "merge", keep, "nope"]) == 1
    assert "No company or contact with id nope" in capsys.readouterr().err
    assert satchel(["--db", str(db_path), "unmerge", mid, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["keep_id"], out["loser_id"]) == (keep, loser)
    assert satchel(["--db", str(db_path), "unmerge", mid]) == 1
    assert "already undone" in capsys.readouterr().err


def test_cli_merge_json_and_take(store, db_path, capsys):
    keep = _contact(store, "Li Na", title="Buyer")
    loser = _contact(store, "李娜", title="Head of Purchasing")
    store.close()
    assert satchel(["--db", str(db_path), "merge", keep, loser, "--take", "title=keep",
                    "--take", "name=loser", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["kind"] == "contact" and out["changed"] == ["name"]
    assert satchel(["--db", str(db_path), "merge", keep, loser, "--take", "title"]) == 1
    assert "FIELD=keep" in capsys.readouterr().err


def test_notes_can_keep_both_texts(store):
    keep = _company(store, "Acme", note="Key account")
    loser = _company(store, "ACME", note="Met at Hannover Messe")
    mid = _merge(store, "company", keep, loser, {"note": "both", "name": "keep"})
    assert _load(store, "company", keep)["note"] == "Key account\n\nMet at Hannover Messe"
    with store.write() as tx:
        merging.unmerge(tx, mid)
    assert _load(store, "company", keep)["note"] == "Key account"
