"""Properties of merge and undo on random stores (companies, contacts with e-mails and phones,
opportunities, activities, tombstones):

- after merge then unmerge, a full dump of the user's data (every table but the sync outbox,
  the merge log and the clock bookkeeping; search index included) equals the dump before;
- a chain of merges undone last-first restores the dump too, and undoing a merge whose
  survivor was merged away since is refused without changing anything;
- right after a merge the loser is a tombstone and nothing live points at it.

SATCHEL_MERGE_EXAMPLES=500 runs a longer search (the suite runs a short seeded one).
"""

from __future__ import annotations

import os
import shutil

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from app.dedup import merge as merging
from app.domain import CompanyDraft, ContactDraft, Email, Phone
from app.errors import InvalidInput
from app.services import activities, companies, contacts, opportunities, records, rows
from app.store import Store

EXAMPLES = int(os.environ.get("SATCHEL_MERGE_EXAMPLES", "60"))

# tables that are not the user's data: sync bookkeeping, undo history, schema version
_NOT_USER_DATA = {"outbox", "meta", "merge_log", "alembic_version", "sqlite_stat1"}
# columns that every write changes (per-field clocks, timestamps) or that are row numbers
_VOLATILE = {"clocks", "updated_at"}


def dump(store: Store) -> dict[str, list[tuple]]:
    """Every user table's rows (sorted), child e-mail/phone rows without their row numbers, and
    the search index keyed by record id."""
    out: dict[str, list[tuple]] = {}
    with store.read() as s:
        con = rows.dbapi(s)
        tables = [t for (t,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if t not in _NOT_USER_DATA and not t.startswith("search_")]
        for t in tables:
            cols = [c[1] for c in con.execute(f"PRAGMA table_info({t})")
                    if c[1] not in _VOLATILE
                    and not (t in ("contact_email", "contact_phone") and c[1] == "id")]
            out[t] = sorted(con.execute(f"SELECT {', '.join(cols)} FROM {t}").fetchall(),
                            key=repr)
        out["search"] = sorted(con.execute(
            "SELECT d.kind, d.record_id, f.name, f.company, f.title, f.emails, f.phones, f.notes "
            "FROM search_doc d JOIN search_fts f ON f.rowid = d.rowid").fetchall())
        out["search_cjk"] = sorted(con.execute(
            "SELECT d.record_id, c.grams FROM search_doc d JOIN search_cjk c "
            "ON c.rowid = d.rowid").fetchall())
    return out


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """One migrated empty database, copied for each example (migrations run once)."""
    path = tmp_path_factory.mktemp("tpl") / "template.sqlite3"
    Store.open(path, region="CN").close()
    return path


def _fresh(template, tmp_path_factory) -> Store:
    path = tmp_path_factory.mktemp("m") / "m.sqlite3"
    shutil.copy(template, path)
    return Store.open(path, region="CN")


company_names = st.sampled_from(["Acme GmbH", "ACME", "华为技术有限公司", "华为", "Zeta", "",
                                 "Société Générale S.A."])
people = st.sampled_from(["Li Na", "李娜", "José Núñez", "Anna Schmidt", "", "Zoë"])
email_pool = st.sampled_from(["a@acme.com", "A@ACME.COM", "b@acme.com", "li@qq.com",
                              "zhang@huawei.com"])
phone_pool = st.sampled_from(["+86 138 0013 8000", "13800138000", "+49 30 1234567",
                              "030 1234567", "(415) 555-0199"])
tag_pool = st.sampled_from(["vip", "VIP", "lead", "展会"])
text_pool = st.sampled_from(["", "", "Hauptstr. 1, 10115 Berlin", "上海市静安区威海路489号",
                             "call back", "Buyer"])
web_pool = st.sampled_from(["https://www.acme.com", "acme.com/", "http://zeta.de"])


def build(store: Store, data) -> dict[str, list[str]]:
    """A random store through the services; returns the ids made, by entity."""
    made: dict[str, list[str]] = {"company": [], "contact": [], "opportunity": [],
                                  "activity": []}
    with store.write() as tx:
        for _ in range(data.draw(st.integers(2, 4), label="companies")):
            made["company"].append(companies.create(tx, CompanyDraft(
                data.draw(company_names), address=data.draw(text_pool),
                phone=data.draw(st.sampled_from(["", "+49 30 1234567", "021 2201 1888"])),
                website=data.draw(st.sampled_from(["", "acme.com", "www.zeta.de"])),
                note=data.draw(text_pool), tags=data.draw(st.lists(tag_pool, max_size=2)))))
        for _ in range(data.draw(st.integers(2, 5), label="contacts")):
            company = data.draw(st.sampled_from([None, *made["company"]]))
            made["contact"].append(contacts.create(tx, ContactDraft(
                name=data.draw(people) or "Someone", title=data.draw(text_pool),
                emails=[Email(e, data.draw(st.sampled_from(["work", "home"])))
                        for e in data.draw(st.lists(email_pool, max_size=3))],
                phones=[Phone(p, data.draw(st.sampled_from(["work", "mobile"])))
                        for p in data.draw(st.lists(phone_pool, max_size=3))],
                websites=data.draw(st.lists(web_pool, max_size=2)),
                address=data.draw(text_pool), note=data.draw(text_pool),
                tags=data.draw(st.lists(tag_pool, max_size=3))), company))
        for i in range(data.draw(st.integers(0, 3), label="opportunities")):
            made["opportunity"].append(opportunities.create(
                tx, f"Deal {i}", data.draw(st.sampled_from([None, *made["company"]])),
                contact_id=data.draw(st.sampled_from([None, *made["contact"]])),
                amount=data.draw(st.sampled_from([None, 1000.0]))))
        for i in range(data.draw(st.integers(0, 4), label="activities")):
            made["activity"].append(activities.create(
                tx, data.draw(st.sampled_from(["note", "call", "task"])), body=f"visit {i}",
                company_id=data.draw(st.sampled_from([None, *made["company"]])),
                contact_id=data.draw(st.sampled_from([None, *made["contact"]])),
                opportunity_id=data.draw(st.sampled_from([None, *made["opportunity"]]))))
        # some tombstones: they must stay where they are
        for entity in ("activity", "contact"):
            if made[entity] and data.draw(st.booleans(), label=f"delete an {entity}"):
                records.delete(tx, entity, made[entity][-1])
                made[entity].pop()
    return made


def _choices(data, kind: str) -> dict:
    out = {}
    for fld in merging.merge_fields(kind):
        options = [None, "keep", "loser"]
        if fld in merging.MULTI[kind]:
            options.append("both")
        elif fld in ("title", "note", "address"):
            options.append("typed in the dialog")
        pick = data.draw(st.sampled_from(options), label=f"choice {fld}")
        if pick is not None:
            out[fld] = pick
    return out


def _live(store: Store, kind: str) -> list[str]:
    with store.read() as s:
        return [r for (r,) in rows.dbapi(s).execute(
            f"SELECT id FROM {kind} WHERE NOT deleted AND merged_into IS NULL ORDER BY id")]


def _pick_pair(data, store: Store, kind: str) -> tuple[str, str] | None:
    ids = _live(store, kind)
    if len(ids) < 2:
        return None
    keep = data.draw(st.sampled_from(ids), label="keep")
    loser = data.draw(st.sampled_from([i for i in ids if i != keep]), label="loser")
    return keep, loser


def _assert_merged(store: Store, kind: str, keep: str, loser: str) -> None:
    with store.read() as s:
        con = rows.dbapi(s)
        assert rows.load(s, kind, loser)["merged_into"] == keep
        for entity, ref in merging.CHILDREN[kind]:
            extra = " AND merged_into IS NULL" if entity in merging.KINDS else ""
            (n,) = con.execute(f"SELECT count(*) FROM {entity} WHERE {ref} = ? AND NOT deleted"
                               + extra, (loser,)).fetchone()
            assert n == 0, f"a live {entity} still points at the merged {kind}"


_settings = settings(max_examples=EXAMPLES, deadline=None, database=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture,
                                            HealthCheck.too_slow])


@seed(20261124)
@_settings
@given(data=st.data())
def test_merge_then_undo_restores_the_dump(template, tmp_path_factory, data):
    store = _fresh(template, tmp_path_factory)
    try:
        build(store, data)
        kind = data.draw(st.sampled_from(merging.KINDS), label="kind")
        pair = _pick_pair(data, store, kind)
        if pair is None:
            return
        keep, loser = pair
        with store.read() as s:
            before_counts = {r: merging.child_counts(s, kind, r) for r in pair}
        before = dump(store)
        with store.write() as tx:
            merge_id = merging.merge(tx, kind, keep, loser, _choices(data, kind))
        _assert_merged(store, kind, keep, loser)
        with store.read() as s:
            after = merging.child_counts(s, kind, keep)
        assert after == {e: before_counts[keep][e] + before_counts[loser][e] for e in after}
        with store.write() as tx:
            result = merging.unmerge(tx, merge_id)
        assert result.kept_later_edits == [] and result.children_left == 0
        assert dump(store) == before
    finally:
        store.close()


@seed(20261125)
@_settings
@given(data=st.data())
def test_chain_of_merges_undone_last_first_restores_the_dump(template, tmp_path_factory, data):
    store = _fresh(template, tmp_path_factory)
    try:
        build(store, data)
        kind = data.draw(st.sampled_from(merging.KINDS), label="kind")
        before = dump(store)
        done: list[tuple[str, str, str, str]] = []  # (merge id, kind, keep, loser)
        for _ in range(data.draw(st.integers(2, 3), label="merges")):
            pair = _pick_pair(data, store, kind)
            if pair is None:
                break
            with store.write() as tx:
                done.append((merging.merge(tx, kind, *pair, _choices(data, kind)), kind, *pair))
            _assert_merged(store, kind, *pair)
        # a survivor that was merged away since cannot be un-merged first: refused, unchanged
        for i, (mid, _k, keep, _l) in enumerate(done):
            if any(loser == keep for (_m, _kk, _kp, loser) in done[i + 1:]):
                snapshot = dump(store)
                with pytest.raises(InvalidInput, match="undo that merge first"), \
                        store.write() as tx:
                    merging.unmerge(tx, mid)
                assert dump(store) == snapshot
        for mid, *_ in reversed(done):
            with store.write() as tx:
                merging.unmerge(tx, mid)
        assert dump(store) == before
    finally:
        store.close()
