"""Full-text search: FTS5 with the trigram tokenizer (Chinese matches by substring), phones
indexed as digits so every way of writing a number finds the same person.

The services call `reindex` after every write; `search` answers while the rep types.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from operator import add
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app import normalize

_PHONEISH = re.compile(r"^[\d\s+().\-/]+$")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+")


def cjk_grams(text: str) -> str:
    """Single CJK characters and bigrams as space-separated tokens (for 1–2 character words)."""
    if not text or text.isascii():  # most Latin records: no pattern to run
        return ""
    runs = _CJK_RUN.findall(text)
    if not runs:  # (accented Latin)
        return ""
    grams: set[str] = set()
    for run in runs:
        grams.update(run)
        grams.update(map(add, run, run[1:]))  # each pair of neighbours
    return " ".join(sorted(grams))


@dataclass(frozen=True)
class Hit:
    type: str  # contact | company | opportunity | activity
    id: str
    name: str
    detail: str


def _columns(con, entity: str, rec: dict, region: str,
             company_names: dict[str, str] | None = None) -> tuple[str, ...]:
    """(name, company, title, emails, phones, notes) of one record, as indexed."""
    if entity == "contact":
        company_id = rec["company_id"]
        if not company_id:
            company = ""
        elif company_names is not None and company_id in company_names:
            company = company_names[company_id]
        else:
            found = con.execute("SELECT name FROM company WHERE id = ?", (company_id,)).fetchone()
            company = found[0] if found else ""
        phones = " ".join(_phone_digits(p["number"], region) for p in rec["phones"])
        return (rec["name"], company, f"{rec['title']} {rec['department']}",
                " ".join(normalize.normalize_email(e["address"]) for e in rec["emails"]),
                phones, rec["note"])
    if entity == "company":
        return (rec["name"], "", rec["website"], rec["domain"],
                _phone_digits(rec["phone"], region) if rec["phone"] else "",
                f"{rec['address']} {rec['note']}")
    if entity == "opportunity":
        return (rec["title"], "", rec["stage"], "", "", rec["note"])
    return (rec["subject"], "", rec["kind"], "", "", rec["body"])


@functools.lru_cache(maxsize=65536)
def _phone_digits(number: str, region: str) -> str:
    """International and national digits, so a number matches however it is typed."""
    full = normalize.phone_search_digits(number, region)
    national = normalize.national_digits(number, region)
    return full if full.endswith(national) and full != national else f"{full} {national}"


def reindex(session: Session, entity: str, record_id: str,
            rec: dict[str, Any] | None = None) -> None:
    """Replace the record's search entry (or drop it when the record is deleted/merged).

    `rec`: the record as `rows.load` returns it, when the caller has it already (as
    `rows.apply` returns it after a write); else it is read here.
    """
    reindex_many(session, [(entity, record_id, rec)])


_LATER = "search_later"  # session.info: record id → (entity, record) to index before commit


def reindex_later(session: Session,
                  items: Iterable[tuple[str, str, dict[str, Any]]]) -> None:
    """`reindex_many` later: as the transaction commits or searches, or when its writer says
    (`write_later`): an import's new records. FTS5 writes what it holds in memory to a new
    segment whenever a savepoint opens, and an import opens one per record: written with each
    batch of 500, 10,000 records made a hundred small segments to merge (~0.7 s); written a
    few thousand at a time, a few."""
    later = session.info.setdefault(_LATER, {})
    for entity, record_id, rec in items:
        later[record_id] = (entity, rec)


def write_later(session: Session, at_least: int = 0) -> None:
    """Write the entries `reindex_later` kept, for the records that are still there (one a
    rolled-back savepoint took out again is not); none while fewer than `at_least` wait.
    Not inside a savepoint that may roll back: what it wrote would be undone, and forgotten."""
    later = session.info.get(_LATER)
    if not later or len(later) < at_least:
        return
    del session.info[_LATER]
    from app.services import rows

    con = rows.dbapi(session)
    there: set[str] = set()
    for entity in {e for e, _ in later.values()}:
        ids = [rid for rid, (e, _) in later.items() if e == entity]
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            there.update(r for (r,) in con.execute(
                f"SELECT id FROM {entity} WHERE id IN ({', '.join('?' * len(chunk))})", chunk))
    reindex_many(session, [(e, rid, rec) for rid, (e, rec) in later.items() if rid in there])


def reindex_many(session: Session,
                 items: Iterable[tuple[str, str, dict[str, Any] | None]]) -> None:
    """`reindex` for many records at once (a sync page, an import batch): the same entries,
    written with a few statements per batch instead of several per record."""
    from app.services import rows  # services import search; keep the cycle out of import time

    con = rows.dbapi(session)
    region = session.info.get("region", "US")
    later = session.info.get(_LATER)
    todo: dict[str, tuple[str, dict[str, Any] | None]] = {}
    for entity, record_id, rec in items:  # the last word on a record wins
        todo.pop(record_id, None)
        todo[record_id] = (entity, rec)
        if later:  # (this entry is newer than the one kept for later)
            later.pop(record_id, None)
    if not todo:
        return
    ids = list(todo)
    old: dict[str, int] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        old.update(con.execute(
            f"SELECT record_id, rowid FROM search_doc WHERE record_id IN "
            f"({', '.join('?' * len(chunk))})", chunk))
    if old:
        gone = [(r,) for r in old.values()]
        con.executemany("DELETE FROM search_fts WHERE rowid = ?", gone)
        con.executemany("DELETE FROM search_cjk WHERE rowid = ?", gone)
    live: list[tuple[str, str, dict[str, Any]]] = []
    dead: list[tuple[int]] = []
    for record_id, (entity, rec) in todo.items():
        if rec is None:
            rec = rows.load(session, entity, record_id)
        if rec is None or rec["deleted"] or rec.get("merged_into"):
            if record_id in old:
                dead.append((old[record_id],))
        else:
            live.append((entity, record_id, rec))
    if dead:
        con.executemany("DELETE FROM search_doc WHERE rowid = ?", dead)
    if not live:
        return
    names = rows.names(con, "company", {rec["company_id"] for entity, _, rec in live
                                     if entity == "contact" and rec["company_id"]})
    new_docs = [(entity, record_id) for entity, record_id, _ in live if record_id not in old]
    if new_docs:  # rowids as SQLite would choose them (max + 1): we are the only writer
        top = con.execute("SELECT coalesce(max(rowid), 0) FROM search_doc").fetchone()[0]
        con.executemany("INSERT INTO search_doc (rowid, kind, record_id) VALUES (?, ?, ?)",
                        [(top + 1 + i, e, r) for i, (e, r) in enumerate(new_docs)])
        for i, (_, record_id) in enumerate(new_docs):
            old[record_id] = top + 1 + i
    fts = []
    cjk = []
    for entity, record_id, rec in live:
        rowid = old[record_id]
        cols = _columns(con, entity, rec, region, names)
        fts.append((rowid, *cols))
        grams = cjk_grams(f"{cols[0]} {cols[1]} {cols[2]} {cols[5]}")
        if grams:
            cjk.append((rowid, grams))
    con.executemany("INSERT INTO search_fts (rowid, name, company, title, emails, phones, notes) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)", fts)
    if cjk:
        con.executemany("INSERT INTO search_cjk (rowid, grams) VALUES (?, ?)", cjk)


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def search(session: Session, query: str, limit: int = 50) -> list[Hit]:
    """Records matching every word of the query, best first (names before other fields)."""
    query = normalize.fold(query)
    if not query:
        return []
    write_later(session)  # (a search inside a transaction that kept entries for later)
    if _PHONEISH.match(query) and len(normalize.digits(query)) >= 3:
        region = session.info.get("region", "US")
        terms = [normalize.phone_search_digits(query, region)
                 if len(normalize.digits(query)) >= 7 else normalize.digits(query)]
        match = "phones : " + _fts_phrase(terms[0])
    else:
        terms = query.split()
        match = " AND ".join(_fts_phrase(t) for t in terms if len(t) >= 3)
    short = [t for t in terms if len(t) < 3]
    cjk = [t for t in short if _CJK_RUN.fullmatch(t)]
    latin = [t for t in short if t not in cjk]
    if latin and not match and not cjk:
        return _describe(session, _name_prefix(session, latin, limit))
    params: dict[str, object] = {"limit": limit}
    conds = []
    if match:
        conds.append("search_fts MATCH :match")
        params["match"] = match
    if cjk:  # 1–2 character Chinese words: exact tokens of the bigram index
        conds.append("f.rowid IN (SELECT rowid FROM search_cjk WHERE search_cjk MATCH :cjk)")
        params["cjk"] = " AND ".join(_fts_phrase(t) for t in cjk)
    for i, t in enumerate(latin):  # short Latin words ("li", "wu"): names and companies
        conds.append(f"(f.name LIKE :s{i} OR f.company LIKE :s{i})")
        params[f"s{i}"] = f"%{t}%"
    sql = ("SELECT d.kind, d.record_id FROM search_fts f JOIN search_doc d ON d.rowid = f.rowid "
           "WHERE " + " AND ".join(conds))
    if match:
        # bm25 weights: name counts most, then company, title, e-mail, phones, notes
        sql += " ORDER BY bm25(search_fts, 10.0, 4.0, 2.0, 2.0, 2.0, 1.0)"
    else:  # no rank without a MATCH: people whose name holds the word first
        sql += " ORDER BY f.name LIKE :first DESC"
        params["first"] = f"%{short[0]}%"
    sql += " LIMIT :limit"
    rows = session.execute(text(sql), params).all()
    return _describe(session, rows)


def _name_prefix(session: Session, words: list[str], limit: int) -> list[tuple[str, str]]:
    """One or two typed letters: people and companies whose name starts so (index range)."""
    from app.services.rows import dbapi

    lo = words[0]
    hi = lo[:-1] + chr(ord(lo[-1]) + 1)
    extra = "".join(" AND sort_name LIKE ?" for _ in words[1:])
    args = [f"%{w}%" for w in words[1:]]
    con = dbapi(session)
    found = con.execute(
        "SELECT 'contact', id FROM contact WHERE sort_name >= ? AND sort_name < ? AND NOT deleted "
        f"AND merged_into IS NULL{extra} ORDER BY sort_name LIMIT ?", (lo, hi, *args, limit)).fetchall()
    found += con.execute(
        "SELECT 'company', id FROM company WHERE name_key >= ? AND name_key < ? AND NOT deleted "
        "AND merged_into IS NULL ORDER BY name_key LIMIT ?", (lo, hi, limit)).fetchall()
    return found[:limit]


_DESCRIBE = {
    "contact": "SELECT c.id, c.name, c.title, coalesce(co.name, '') FROM contact c "
               "LEFT JOIN company co ON co.id = c.company_id WHERE c.id IN ({})",
    "company": "SELECT id, name, address, '' FROM company WHERE id IN ({})",
    "opportunity": "SELECT id, title, stage, '' FROM opportunity WHERE id IN ({})",
    "activity": "SELECT id, CASE WHEN subject != '' THEN subject ELSE substr(body, 1, 60) END, "
                "kind, '' FROM activity WHERE id IN ({})",
}


def _describe(session: Session, rows) -> list[Hit]:
    """Hits in rank order, one query per kind (not one per hit: typing must stay instant)."""
    from app.services.rows import dbapi

    con = dbapi(session)
    by_kind: dict[str, list[str]] = {}
    for kind, rid in rows:
        by_kind.setdefault(kind, []).append(rid)
    found: dict[str, Hit] = {}
    for kind, ids in by_kind.items():
        sql = _DESCRIBE[kind].format(", ".join("?" * len(ids)))
        for rid, name, a, b in con.execute(sql, ids):
            detail = " · ".join(x for x in (a, b) if x) if kind == "contact" else a
            found[rid] = Hit(kind, rid, name, detail)
    return [found[rid] for _, rid in rows if rid in found]
