"""The write path's shortcuts give exactly what the slow way gives: the record `rows.apply`
returns is what `rows.load` reads back, and the batched search index equals one built record
by record from the database."""

import random

from app import search
from app.domain import CompanyDraft, ContactDraft, Email, Phone
from app.services import activities, companies, contacts, opportunities, records, rows

NAMES = ["王伟", "李娜", "Anna Müller", "José Núñez", "佐藤 花子", "O'Brien", "Zhang San"]
PHONES = ["+86 138-0013-8000", "030 1234567", "(415) 555-0100", "12", "", "+1 650 253 0000"]


def _index(store) -> dict[str, tuple]:
    with store.read() as s:
        con = rows.dbapi(s)
        fts = {r[0]: r[1:] for r in con.execute(
            "SELECT d.record_id, f.name, f.company, f.title, f.emails, f.phones, f.notes "
            "FROM search_doc d JOIN search_fts f ON f.rowid = d.rowid")}
        cjk = dict(con.execute("SELECT d.record_id, c.grams FROM search_doc d "
                               "JOIN search_cjk c ON c.rowid = d.rowid"))
    return {rid: (*cols, cjk.get(rid, "")) for rid, cols in fts.items()}


def test_apply_returns_what_load_reads_back(store):
    rnd = random.Random(7)
    with store.write() as tx:
        co = companies.create(tx, CompanyDraft("华为技术有限公司", address="深圳",
                                               phone="+86 755 2878 0808",
                                               website="https://www.huawei.com"))
        ids = []
        for i in range(30):
            ids.append(contacts.create(tx, ContactDraft(
                name=rnd.choice(NAMES), title=f"t{i}", company="华为",
                emails=[Email(f"p{i}@Huawei.com")] if i % 3 else [],
                phones=[Phone(rnd.choice(PHONES), "mobile")], tags=["VIP", "vip"] if i % 4 else [],
                note="见面 meeting"), co if i % 2 else None))
        for i, cid in enumerate(ids):
            before = rows.load(tx.session, "contact", cid)
            stamp = tx.new_stamp()
            changes = {"title": f"new {i}", "phones": [{"number": rnd.choice(PHONES),
                                                        "kind": "work"}],
                       "tags": ["a"], "deleted": i % 5 == 0, "birthday": "1990-01-02"}
            after = rows.apply(tx.session, "contact", cid, changes,
                               dict.fromkeys(changes, stamp), before)
            assert after == rows.load(tx.session, "contact", cid)
        opp = opportunities.create(tx, "Deal", co, amount=12.5)
        act = activities.create(tx, "note", "call back", company_id=co)
        for entity, rid in (("company", co), ("opportunity", opp), ("activity", act)):
            rec = rows.load(tx.session, entity, rid)
            stamp = tx.new_stamp()
            changes = {"deleted": True} if entity == "activity" else {"note": "x"}
            after = rows.apply(tx.session, entity, rid, changes, dict.fromkeys(changes, stamp),
                               rec)
            assert after == rows.load(tx.session, entity, rid)
        new = records.create(tx, "company", {"name": "Acme GmbH", "phone": "030 1234567"})
        assert rows.load(tx.session, "company", new)["name_key"]


def test_batched_index_equals_record_by_record(store):
    rnd = random.Random(3)
    with store.write() as tx:
        co = companies.create(tx, CompanyDraft("上海电气", phone="021 5555 0000"))
        ids = [contacts.create(tx, ContactDraft(
            name=rnd.choice(NAMES), company="上海电气", emails=[Email(f"x{i}@sh.cn")],
            phones=[Phone(rnd.choice(PHONES))]), co) for i in range(40)]
        for cid in ids[::4]:
            contacts.delete(tx, cid)
        companies.update(tx, co, name="上海电气集团")  # renames reach the people's entries
    batched = _index(store)
    assert len(batched) == 31 and all(v[1] == "上海电气集团" for k, v in batched.items() if k != co)
    with store.write() as tx:  # rebuild one by one, reading every record back
        rows.dbapi(tx.session).execute("DELETE FROM search_fts")
        rows.dbapi(tx.session).execute("DELETE FROM search_cjk")
        rows.dbapi(tx.session).execute("DELETE FROM search_doc")
        for cid in [co, *ids]:
            search.reindex(tx.session, "company" if cid == co else "contact", cid)
    assert _index(store) == batched
