"""Services: every kind of write, its outbox entry, tombstones, views."""

import datetime as dt

import pytest
from sqlalchemy import select

from app.domain import CompanyDraft, ContactDraft, Email, Phone
from app.errors import InvalidInput, NotFound
from app.hlc import Stamp
from app.models import Company, Contact, Outbox
from app.services import activities, companies, contacts, opportunities


def outbox(store):
    with store.read() as s:
        return [(o.entity, o.record_id, o.changes, o.hlc) for o in s.scalars(select(Outbox).order_by(Outbox.seq))]


def test_create_records_fields_with_increasing_stamps(store):
    with store.write() as tx:
        co = companies.create(tx, CompanyDraft("Acme GmbH", address="Hauptstr. 1, Berlin"))
        ct = contacts.create(tx, ContactDraft(name="Jane Doe", emails=[Email("Jane@Acme.de")],
                                              phones=[Phone("+49 30 1234567", "mobile")]), co)
    entries = outbox(store)
    assert [(e[0], e[1]) for e in entries] == [("company", co), ("contact", ct)]
    assert entries[0][2] == {"name": "Acme GmbH", "address": "Hauptstr. 1, Berlin"}
    assert entries[1][2]["emails"] == [{"address": "Jane@Acme.de", "kind": "work"}]
    assert entries[1][2]["phones"] == [{"number": "+49 30 1234567", "kind": "mobile"}]
    assert entries[1][2]["company_id"] == co
    stamps = [Stamp.decode(e[3]) for e in entries]
    assert stamps[0] < stamps[1] and stamps[0].node == store.node_id
    with store.read() as s:
        row = s.get(Contact, ct)
        assert set(row.clocks) == set(entries[1][2])  # per-field clocks stamped
        assert row.emails[0].address_norm == "jane@acme.de"
        assert row.phones[0].e164 == "+49301234567"


def test_update_records_only_changed_fields(store):
    with store.write() as tx:
        cid = contacts.create(tx, ContactDraft(name="Li Na", title="Buyer"))
    with store.write() as tx:
        changed = contacts.update(tx, cid, title="Head of Purchasing", name="Li Na")
    assert changed == {"title": "Head of Purchasing"}
    assert outbox(store)[-1][2] == {"title": "Head of Purchasing"}
    with store.write() as tx:
        assert contacts.update(tx, cid, title="Head of Purchasing") == {}
    assert len(outbox(store)) == 2  # a no-op update records nothing


def test_delete_is_a_tombstone_that_syncs(store):
    with store.write() as tx:
        co = companies.create(tx, CompanyDraft("Gone Ltd"))
        cid = contacts.create(tx, ContactDraft(name="Kept Person"), co)
    with store.write() as tx:
        companies.delete(tx, co)
    with store.read() as s:
        assert s.get(Company, co).deleted is True  # the row stays for sync
        assert companies.get(s, co) is None
        assert contacts.get(s, cid).company_id is None  # the person stays
    entities = [(e[0], e[2]) for e in outbox(store)[-2:]]
    assert ("company", {"deleted": True}) in entities
    assert ("contact", {"company_id": None}) in entities
    with pytest.raises(NotFound), store.write() as tx:
        companies.update(tx, co, name="Back")


def test_deleting_many_is_deleting_each(store):
    """records.delete_many (a selection, an import taken back): the tombstones, outbox ops and
    search entries `delete` writes, for more than one batch of 500; the gone and the unknown
    passed over; the deleted companies' people stay, without a company."""
    from app import search
    from app.services import records

    with store.write() as tx:
        firms = [companies.create(tx, CompanyDraft(f"Firm {i:04d} Ltd")) for i in range(3)]
        people = [contacts.create(tx, ContactDraft(name=f"Person {i:04d}"), firms[i % 3])
                  for i in range(1203)]
        contacts.delete(tx, people[5])
    before = len(outbox(store))
    steps = []
    with store.write() as tx:
        gone = records.delete_many(tx, "contact", people[:1200] + ["no-such-id"], steps.append)
        assert records.delete_many(tx, "company", firms[:2]) == firms[:2]
    assert gone == people[:5] + people[6:1200]
    assert steps == list(range(1, 1202))
    ops = [op[:3] for op in outbox(store)[before:]]
    assert ops[:1199] == [("contact", p, {"deleted": True}) for p in gone]
    assert ops[1199:1201] == [("company", f, {"deleted": True}) for f in firms[:2]]
    # of the three people left, two lose their company with it, one keeps the third firm
    assert sorted(ops[1201:]) == [("contact", p, {"company_id": None}) for p in people[1200:1202]]
    with store.read() as s:
        assert contacts.ids(s) == people[1200:]
        assert [contacts.get(s, p).company_id for p in people[1200:]] == [None, None, firms[2]]
        assert sorted(h.id for h in search.search(s, "Person")) == sorted(people[1200:])
        assert [h.id for h in search.search(s, "Firm") if h.type == "company"] == [firms[2]]


def test_opportunity_and_activity_writes(store):
    with store.write() as tx:
        co = companies.create(tx, CompanyDraft("深圳华强"))
        oid = opportunities.create(tx, "LED 屏幕", co, amount=250000, currency="cny",
                                   stage="proposal", close_date=dt.date(2026, 12, 31))
        nid = activities.create(tx, "note", body="今天拜访了客户")
        tid = activities.create(tx, "task", subject="Send quote", due_date=dt.date.today(),
                                company_id=co)
    with store.read() as s:
        o = opportunities.get(s, oid)
        assert (o.currency, o.amount, o.company_name) == ("CNY", 250000.0, "深圳华强")
        tasks, notes = activities.for_day(s, dt.date.today())
        assert [t.id for t in tasks] == [tid] and [n.id for n in notes] == [nid]
    kinds = {e[0]: e[2] for e in outbox(store)}
    assert kinds["opportunity"]["close_date"] == "2026-12-31"
    assert kinds["activity"]["subject"] == "Send quote"
    with store.write() as tx:
        activities.update(tx, tid, done=True)
    with store.read() as s:
        assert activities.for_day(s, dt.date.today())[0] == []


def test_bad_input_is_refused_with_a_message(store):
    with pytest.raises(InvalidInput, match="stage"), store.write() as tx:
        opportunities.create(tx, "X", stage="maybe")
    with pytest.raises(InvalidInput, match="empty note"), store.write() as tx:
        activities.create(tx, "note", body="   ")
    with pytest.raises(InvalidInput, match="No company"), store.write() as tx:
        contacts.create(tx, ContactDraft(name="A"), "no-such-company")
    assert outbox(store) == []


def test_contact_list_rows_in_pages(store):
    with store.write() as tx:
        co = companies.create(tx, CompanyDraft("Acme"))
        for name in ["Zoe", "adam", "Ｂｏｂ", "王芳"]:
            contacts.create(tx, ContactDraft(name=name, emails=[Email(f"{len(name)}@x.org")]), co)
    with store.read() as s:
        ids = contacts.ids(s)
        names = [r.name for r in contacts.rows(s, ids)]
        assert names == ["adam", "Ｂｏｂ", "Zoe", "王芳"]  # case- and width-insensitive order
        assert contacts.rows(s, ids[1:2])[0].company_name == "Acme"
        assert contacts.count(s) == 4 and companies.list_all(s)[0].contact_count == 4


def test_many_contacts_read_at_once_are_those_read_one_by_one(store):
    """contacts.get_many (an export's reads) gives what contacts.get gives, in the order
    asked, without the deleted and the merged."""
    with store.write() as tx:
        co = companies.create(tx, CompanyDraft("华强电子", address="深圳市福田区华强北路1号"))
        ids = [contacts.create(tx, ContactDraft(
            name=f"王{i}", emails=[Email(f"w{i}@hq.cn"), Email(f"home{i}@qq.com", "home")],
            phones=[Phone(f"+86 138 0013 80{i:02d}", "mobile")], tags=["展会"],
            birthday=dt.date(1980, 1, i + 1)), co if i % 2 else None) for i in range(7)]
        contacts.attach(tx, ids[3], "photo", b"\x89PNG fake", "image/png")
        contacts.attach(tx, ids[4], "card", b"\xff\xd8 fake", "image/jpeg")
        contacts.delete(tx, ids[5])
        contacts.update(tx, ids[6], merged_into=ids[0])
    asked = list(reversed(ids)) + ["no-such-id"]
    with store.read() as s:
        one_by_one = [v for v in (contacts.get(s, i) for i in asked) if v is not None]
        at_once = contacts.get_many(s, asked)
    assert at_once == one_by_one
    assert [v.id for v in at_once] == [ids[4], ids[3], ids[2], ids[1], ids[0]]
    assert at_once[1].has_photo and at_once[0].has_card and at_once[3].company_name == "华强电子"
