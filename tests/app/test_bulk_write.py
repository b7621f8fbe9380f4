"""The batched write path (`bulk.Creates`, `rows.insert_many`, `search.reindex_many`, the outbox
text) writes exactly what the record-by-record path writes: the same rows, child rows, tags,
clocks, outbox changes and search entries."""

import datetime as dt
import json
import random
import re
import sqlite3

import pytest

from app.domain import Email, Phone
from app.services import bulk, records, rows
from app.store import Store, jsonable, outbox_row

NAMES = ["王伟", "李娜", "Anna Müller", "José Núñez", "佐藤 花子", "O'Brien \"Bob\"", "Zhang San",
         "  Lee  ", "ＡＢＣ Corp", ""]
PHONES = ["+86 138-0013-8000", "030 1234567", "(415) 555-0100", "12", "", "+1 650 253 0000",
          "+49 30 1234567 ext. 12"]
TABLES = {  # table → its key order (rowid for tables keyed by text)
    "company": "rowid", "contact": "rowid", "contact_email": "id", "contact_phone": "id",
    "outbox": "seq", "search_doc": "rowid", "search_fts_content": "id",
    "search_cjk_content": "id", "tag": "name_key"}


def _companies(rnd: random.Random, n: int) -> list[dict]:
    return [{"name": f"{rnd.choice(NAMES)} {i} 有限公司" if i % 2 else f"Acme {i} GmbH",
             "address": rnd.choice(["深圳市南山区", "1 Main St", ""]),
             "phone": rnd.choice(PHONES), "website": rnd.choice(["https://www.Acme.com/x", ""]),
             "note": "见面 meeting" if i % 3 else "", "tags": ["Lead", "lead", "客户"] if i % 4 else []}
            for i in range(n)]


def _contacts(rnd: random.Random, n: int, company_ids: list[str]) -> list[dict]:
    return [{"name": rnd.choice(NAMES), "family_name": "王" if i % 5 == 0 else "",
             "given_name": "", "title": rnd.choice(["Sales 经理", "", "CTO"]),
             "department": "Sales" if i % 4 else "", "address": rnd.choice(["上海", "", "Rue d'été"]),
             "note": "call back\nsoon" if i % 3 else "",
             "birthday": dt.date(1990, 1, 2 + i % 20) if i % 6 == 0 else None,
             "emails": [Email(f" P{i}@Example.COM "), Email(f"x{i}@例子.cn", "home")][:i % 3],
             "phones": [Phone(rnd.choice(PHONES), "mobile"), Phone(rnd.choice(PHONES))][:i % 3],
             "websites": ["https://é.example", "https://é.example"] if i % 7 == 0 else [],
             "tags": ["VIP", "vip", "重要"] if i % 9 == 0 else [],
             "company_id": rnd.choice(company_ids) if i % 4 else None}
            for i in range(n)]


def _dump(path, made: list[str]) -> dict[str, list]:
    """Every table the write path fills, with record ids as their creation order, stamps as
    their order, and the times and op ids (made fresh each time) left out."""
    con = sqlite3.connect(path)
    labels = {rid: f"#{i}" for i, rid in enumerate(made)}
    stamps = {s: f"@{i}" for i, (s,) in enumerate(con.execute("SELECT hlc FROM outbox ORDER BY hlc"))}
    ids = re.compile("|".join(map(re.escape, made)))
    hlcs = re.compile("|".join(map(re.escape, stamps)))

    def norm(v):
        if isinstance(v, str):
            return hlcs.sub(lambda m: stamps[m.group(0)], ids.sub(lambda m: labels[m.group(0)], v))
        return v

    out = {}
    for table, order in TABLES.items():
        cur = con.execute(f"SELECT * FROM {table} ORDER BY {order}")
        names = [d[0] for d in cur.description]
        out[table] = [{k: norm(v) for k, v in zip(names, row, strict=True)
                       if k not in ("created_at", "updated_at", "op_id")} for row in cur]
    con.close()
    return out


def test_bulk_creates_write_what_records_create_writes(tmp_path):
    rnd = random.Random(5)
    comps = _companies(rnd, 30)
    paths = [tmp_path / "one.sqlite3", tmp_path / "bulk.sqlite3"]
    made: list[list[str]] = [[], []]
    for which, path in enumerate(paths):
        store = Store.open(path, region="CN")
        rnd = random.Random(6)
        with store.write() as tx:
            if which == 0:
                cids = [records.create(tx, "company", dict(c)) for c in comps]
                made[0] += cids
                for c in _contacts(rnd, 120, cids):
                    made[0].append(records.create(tx, "contact", c))
            else:
                queue = bulk.Creates(tx, "company")
                cids = [queue.add(dict(c)) for c in comps]
                queue.flush()
                made[1] += cids
                people = bulk.Creates(tx, "contact")
                for i, c in enumerate(_contacts(rnd, 120, cids)):
                    made[1].append(people.add(c))
                    if i % 50 == 49:  # several batches
                        people.flush()
                people.flush()
        store.close()
    one, batched = _dump(paths[0], made[0]), _dump(paths[1], made[1])
    assert len(one["contact"]) == 120 and len(one["search_cjk_content"]) > 20
    for table in TABLES:
        assert batched[table] == one[table], table


def test_insert_many_returns_what_load_reads_back(store):
    with store.write() as tx:
        co = records.create(tx, "company", {"name": "华为", "phone": "+86 755 2878 0808"})
        stamp = tx.new_stamp()
        items = {
            "contact": [(f"c{i}", {"name": n, "emails": [{"address": f"A{i}@x.com", "kind": "work"}],
                                   "phones": [{"number": "030 1234567", "kind": "fax"}],
                                   "tags": ["é", "王"], "websites": [], "deleted": i == 1,
                                   "company_id": co, "birthday": "1990-01-02"}, {"name": stamp})
                        for i, n in enumerate(["王伟", "Anna Müller"])],
            "company": [("k1", {"name": "Acme GmbH", "website": "https://www.acme.de/x",
                                "phone": "030 1234567", "tags": []}, {})],
            "opportunity": [("o1", {"title": "Deal", "company_id": co, "amount": 12.5,
                                    "close_date": "2026-01-31", "currency": "EUR"}, {"title": stamp})],
            "activity": [("a1", {"kind": "note", "body": "见面", "done": True, "date": "2026-02-01"},
                          {"body": stamp, "done": stamp})],
        }
        for entity, batch in items.items():
            after = rows.insert_many(tx.session, entity, batch)
            for (rid, _, _), rec in zip(batch, after, strict=True):
                assert rec == rows.load(tx.session, entity, rid), (entity, rid)
        with pytest.raises(ValueError, match="nosuch"):
            rows.insert_many(tx.session, "company", [("k2", {"name": "x", "nosuch": 1}, {})])


@pytest.mark.parametrize("value", [[], ["VIP", "重要", "é"], ("a",), None, ["a\"b\\c\n"]])
def test_list_columns_are_json_dumps(value):
    assert rows._columns("contact", "tags", value, "US") == {
        "tags": json.dumps(value, ensure_ascii=False)}


def test_outbox_text_is_json_of_jsonable_values():
    changes = {"name": "王伟 \"Bob\"\n", "amount": 12.5, "count": 3, "done": True, "x": None,
               "birthday": dt.date(1990, 1, 2), "at": dt.datetime(2026, 1, 2, 3, 4, 5, 6),
               "emails": [{"address": "é@x.cn", "kind": "work"}], "tags": [], "inf": float("inf")}
    row = outbox_row("contact", "r1", "s1", changes)
    assert row[1:4] == ("contact", "r1", "s1")
    assert row[4] == json.dumps({k: jsonable(v) for k, v in changes.items()}, ensure_ascii=False)
    with pytest.raises(TypeError):
        outbox_row("contact", "r1", "s1", {"name": object()})


def test_batched_records_are_searchable_once_written_and_only_as_they_now_are(store):
    """Search entries of batched records are written as the transaction commits (FTS5 turns
    what it holds into a segment at every savepoint): a search inside the transaction finds
    them, an update since wins, and a record a rolled-back savepoint took out has none."""
    from app import search

    def names(session, query):
        return sorted(h.name for h in search.search(session, query))

    with store.write() as tx:
        people = bulk.Creates(tx, "contact")
        kept = people.add({"name": "Wang Wei", "title": "buyer"})
        renamed = people.add({"name": "Wang Lei"})
        people.flush()
        con = rows.dbapi(tx.session)
        con.execute("SAVEPOINT t")
        gone = bulk.Creates(tx, "contact")
        gone.add({"name": "Wang Undone"})
        gone.flush()
        con.execute("ROLLBACK TO t")
        con.execute("RELEASE t")
        records.update(tx, "contact", renamed, {"name": "Wang Fang"})
        assert names(tx.session, "wang") == ["Wang Fang", "Wang Wei"]
        late = bulk.Creates(tx, "contact")
        late.add({"name": "Wang Late"})
        late.flush()
    with store.read() as s:
        assert names(s, "wang") == ["Wang Fang", "Wang Late", "Wang Wei"]
        assert names(s, "buyer") == ["Wang Wei"]
        assert names(s, "lei") == [] and names(s, "undone") == []
        assert rows.dbapi(s).execute("SELECT count(*) FROM search_doc d LEFT JOIN contact c "
                                     "ON c.id = d.record_id WHERE c.id IS NULL").fetchone() == (0,)
    assert kept


def test_kept_search_entries_are_written_once_enough_wait(store):
    """An import writes them as it goes, a few thousand at a time, so its memory does not
    grow with the file (app.io.lookup.SEARCH_BATCH)."""
    from app import search

    def indexed(tx):
        return rows.dbapi(tx.session).execute("SELECT count(*) FROM search_doc").fetchone()[0]

    with store.write() as tx:
        people = bulk.Creates(tx, "contact")
        for name in ("Ann", "Bob"):
            people.add({"name": name})
        people.flush()
        search.write_later(tx.session, at_least=3)
        assert indexed(tx) == 0
        people.add({"name": "Cy"})
        people.flush()
        search.write_later(tx.session, at_least=3)
        assert indexed(tx) == 3
