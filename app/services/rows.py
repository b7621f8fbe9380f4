"""Raw row access for the write path: every create, update, delete and sync apply goes through
`load` and `apply`, on the session's own SQLite connection (same transaction as the ORM).

Why not the ORM here: its unit of work costs ~4 ms per contact, and imports must save thousands
of contacts a second. Reads for views stay on the ORM; `apply` expires any ORM copy of a row it
changes so a session never sees stale data.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy.orm import Session

from app import normalize
from app.models import ENTITIES
from app.services.fields import LISTS, SYNC_FIELDS

_TS = "%Y-%m-%d %H:%M:%S.%f"  # SQLAlchemy's SQLite DateTime storage format


def now_text() -> str:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None).strftime(_TS)


def dbapi(session: Session) -> sqlite3.Connection:
    """The session's SQLite connection, looked up once per transaction (through the ORM it
    costs ~10 us, and an import asks tens of thousands of times)."""
    root = session.get_transaction()
    cached = session.info.get(_DBAPI)
    if root is not None and cached is not None and cached[0] is root:
        return cached[1]
    con = session.connection().connection.driver_connection  # (begins a transaction if none)
    session.info[_DBAPI] = (session.get_transaction(), con)
    return con


_DBAPI = "satchel_dbapi"  # session.info key: (root transaction, its DBAPI connection)


def _defaults(entity: str) -> dict[str, Any]:
    """Column defaults of a new row, as SQLite stores them (the schema has no server defaults)."""
    out: dict[str, Any] = {}
    for col in ENTITIES[entity].__table__.columns:
        arg = col.default.arg if col.default is not None else None
        if col.name == "clocks":
            out[col.name] = "{}"
        elif col.name in LISTS:
            out[col.name] = "[]"
        elif callable(arg):
            out[col.name] = None  # timestamps: filled per insert
        else:
            out[col.name] = int(arg) if isinstance(arg, bool) else arg
    return out


_DEFAULTS = {e: _defaults(e) for e in ENTITIES}
_FIELDS = {e: frozenset(f) for e, f in SYNC_FIELDS.items()}


def _loaded_defaults(entity: str) -> dict[str, Any]:
    """A new row's defaults in the form `load` returns them."""
    out = dict(_DEFAULTS[entity])
    out["clocks"] = {}
    for f in LISTS & out.keys():
        out[f] = []
    for f in ("deleted", "done"):
        if f in out:
            out[f] = bool(out[f])
    if entity == "contact":
        out["emails"] = []
        out["phones"] = []
    return out


_LOADED_DEFAULTS = {e: _loaded_defaults(e) for e in ENTITIES}


def _decoded(names: list[str], row: tuple) -> dict[str, Any]:
    """A stored row as `load` gives it: JSON columns decoded, flags as bools."""
    rec = dict(zip(names, row, strict=True))
    rec["clocks"] = json.loads(rec["clocks"] or "{}")
    for f in LISTS & rec.keys():
        rec[f] = json.loads(rec[f] or "[]")
    for f in ("deleted", "done"):
        if f in rec:
            rec[f] = bool(rec[f])
    return rec


def load(session: Session, entity: str, record_id: str | None) -> dict[str, Any] | None:
    """The record as wire values (plus id, clocks, deleted, merged_into), or None."""
    if not record_id:
        return None
    con = dbapi(session)
    cur = con.execute(f"SELECT * FROM {entity} WHERE id = ?", (record_id,))
    row = cur.fetchone()
    if row is None:
        return None
    rec = _decoded([d[0] for d in cur.description], row)
    if entity == "contact":
        rec["emails"] = [{"address": a, "kind": k} for a, k in con.execute(
            "SELECT address, kind FROM contact_email WHERE contact_id = ? ORDER BY position",
            (record_id,))]
        rec["phones"] = [{"number": n, "kind": k} for n, k in con.execute(
            "SELECT number, kind FROM contact_phone WHERE contact_id = ? ORDER BY position",
            (record_id,))]
    return rec


def load_many(session: Session, entity: str, record_ids: list[str]) -> dict[str, dict[str, Any]]:
    """`load` for many records at once (a sync page's existing records): a few queries per
    500 records instead of up to three per record. Absent ids are left out."""
    con = dbapi(session)
    out: dict[str, dict[str, Any]] = {}
    ids = list(dict.fromkeys(record_ids))
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ", ".join("?" * len(chunk))
        cur = con.execute(f"SELECT * FROM {entity} WHERE id IN ({marks})", chunk)
        names = [d[0] for d in cur.description]
        for row in cur.fetchall():
            rec = _decoded(names, row)
            if entity == "contact":
                rec["emails"], rec["phones"] = [], []
            out[rec["id"]] = rec
        if entity == "contact" and out:
            for cid, a, k in con.execute(
                    "SELECT contact_id, address, kind FROM contact_email WHERE contact_id IN "
                    f"({marks}) ORDER BY contact_id, position", chunk):
                out[cid]["emails"].append({"address": a, "kind": k})
            for cid, n, k in con.execute(
                    "SELECT contact_id, number, kind FROM contact_phone WHERE contact_id IN "
                    f"({marks}) ORDER BY contact_id, position", chunk):
                out[cid]["phones"].append({"number": n, "kind": k})
    return out


# built once: json.dumps with other than default arguments builds an encoder on every call
_dumps_text = json.JSONEncoder(ensure_ascii=False).encode  # list fields as entered


def names(con: sqlite3.Connection, entity: str, record_ids: Iterable[str]) -> dict[str, str]:
    """id → name of these companies or contacts, for many at once (a batch of people's
    companies for their search entries, an import's report, the duplicates queue); absent
    ids are left out."""
    ids = list(dict.fromkeys(record_ids))
    found: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        found.update(con.execute(
            f"SELECT id, name FROM {entity} WHERE id IN ({', '.join('?' * len(chunk))})", chunk))
    return found


def _list_column(wire: list) -> str:
    return "[]" if wire == [] else _dumps_text(wire)


# Fields stored in more than their own column (a normalized key beside the text).
_DERIVED: dict[tuple[str, str], Callable[[Any, str], dict[str, Any]]] = {
    ("contact", "name"): lambda wire, region: {"name": wire, "sort_name": normalize.fold(wire)},
    ("company", "name"): lambda wire, region: {"name": wire,
                                               "name_key": normalize.company_key(wire)},
    ("company", "phone"): lambda wire, region: {"phone": wire,
                                                "phone_e164": normalize.phone_e164(wire, region)},
    ("company", "website"): lambda wire, region: {"website": wire,
                                                  "domain": normalize.web_domain(wire)},
}
_FLAGS = frozenset({"deleted", "done"})
_CHILDREN = frozenset({"emails", "phones"})


def _columns(entity: str, field: str, wire: Any, region: str) -> dict[str, Any]:
    """The columns that store one field's wire value (derived columns included)."""
    if field in LISTS:
        return {field: _list_column(wire)}
    if field in _FLAGS:
        return {field: int(bool(wire))}
    derive = _DERIVED.get((entity, field))
    if derive is not None:
        return derive(wire, region)
    return {field: wire}


def _plain_fields(entity: str) -> dict[str, int]:
    """Fields stored as they are in one column of their name → that column's place in a row
    of `_DEFAULTS[entity]` order (the rest go through `_columns` or child rows)."""
    names = list(_DEFAULTS[entity])
    return {f: names.index(f) for f in SYNC_FIELDS[entity]
            if f not in LISTS and f not in _FLAGS and f not in _CHILDREN
            and (entity, f) not in _DERIVED}


_PLAIN = {e: _plain_fields(e) for e in ENTITIES}


_EMAIL_INSERT = ("INSERT INTO contact_email (contact_id, position, kind, address, address_norm) "
                 "VALUES (?, ?, ?, ?, ?)")
_PHONE_INSERT = ("INSERT INTO contact_phone (contact_id, position, kind, number, e164, tail) "
                 "VALUES (?, ?, ?, ?, ?, ?)")


def _write_children(con: sqlite3.Connection, record_id: str, field: str, wire: list,
                    region: str, new: bool = False) -> None:
    """Replace a contact's e-mail or phone rows (`new`: the contact has none yet)."""
    if field == "emails":
        if not new:
            con.execute("DELETE FROM contact_email WHERE contact_id = ?", (record_id,))
        rows = [(record_id, i, e["kind"], e["address"], normalize.normalize_email(e["address"]))
                for i, e in enumerate(wire)]
        sql = _EMAIL_INSERT
    else:
        if not new:
            con.execute("DELETE FROM contact_phone WHERE contact_id = ?", (record_id,))
        rows = [(record_id, i, p["kind"], p["number"], *_phone_keys(p["number"], region))
                for i, p in enumerate(wire)]
        sql = _PHONE_INSERT
    if len(rows) == 1:  # the usual case; execute is cheaper than executemany for one row
        con.execute(sql, rows[0])
    elif rows:
        con.executemany(sql, rows)


@functools.lru_cache(maxsize=65536)
def _phone_keys(number: str, region: str) -> tuple[str, str]:
    """(identity: E.164 and any extension, last 7 national digits); cached: sync and imports
    meet the same numbers often."""
    return normalize.phone_key(number, region), normalize.national_digits(number, region)[-7:]


def apply(session: Session, entity: str, record_id: str, changes: dict[str, Any],
          clocks: dict[str, str], existing: dict[str, Any] | None,
          con: sqlite3.Connection | None = None) -> dict[str, Any]:
    """Write wire-form field changes and their clock stamps; insert the row if `existing` is None.

    No outbox, no search: callers (records for local writes, sync for remote ones) add those.
    Returns the record as `load` would now return it (so callers need not read it back);
    `con` is the session's SQLite connection when the caller already has it.
    """
    unknown = changes.keys() - _FIELDS[entity]
    if unknown:
        raise ValueError(f"{entity} has no field {sorted(unknown)[0]!r}")
    region = session.info.get("region", "US")
    con = con or dbapi(session)
    cols: dict[str, Any] = {}
    children = {}
    for field, wire in changes.items():
        if field in ("emails", "phones"):
            children[field] = wire
        else:
            cols.update(_columns(entity, field, wire, region))
    stamp = now_text()
    if existing is None:
        row = {**_DEFAULTS[entity], **cols, "id": record_id, "clocks": json.dumps(clocks),
               "created_at": stamp, "updated_at": stamp}
        names = ", ".join(row)
        con.execute(f"INSERT INTO {entity} ({names}) VALUES ({', '.join('?' * len(row))})",
                    tuple(row.values()))
        after = {**_LOADED_DEFAULTS[entity], **cols, "id": record_id, "clocks": dict(clocks),
                 "created_at": stamp, "updated_at": stamp}
    else:
        merged = {**existing["clocks"], **clocks}
        cols["clocks"] = json.dumps(merged)
        cols["updated_at"] = stamp
        sets = ", ".join(f"{c} = ?" for c in cols)
        con.execute(f"UPDATE {entity} SET {sets} WHERE id = ?", (*cols.values(), record_id))
        after = {**existing, **cols, "clocks": merged}
    _wire_after(after, changes)
    for field, wire in children.items():
        _write_children(con, record_id, field, wire, region, new=existing is None)
    if changes.get("tags"):  # remember tag names for autocomplete
        con.executemany("INSERT OR IGNORE INTO tag (name_key, name) VALUES (?, ?)",
                        [(normalize.fold(t), t) for t in changes["tags"]])
    if session.identity_map:
        _expire_orm_copy(session, entity, record_id)
    return after


def _wire_after(after: dict[str, Any], changes: dict[str, Any]) -> None:
    """Put the written fields into `after` in wire form, as load returns them (not the text
    stored in the row). (`insert_many` does the same inline, field by field.)"""
    for field, wire in changes.items():
        if field == "emails":
            after[field] = [{"address": e["address"], "kind": e["kind"]} for e in wire]
        elif field == "phones":
            after[field] = [{"number": p["number"], "kind": p["kind"]} for p in wire]
        elif field in LISTS:
            after[field] = list(wire)
        elif field in ("deleted", "done"):
            after[field] = bool(wire)


def insert_many(session: Session, entity: str,
                items: list[tuple[str, dict[str, Any], dict[str, str]]],
                con: sqlite3.Connection | None = None) -> list[dict[str, Any]]:
    """`apply(..., existing=None)` for many new records at once (a sync page, an import
    batch): the same rows, child rows and tags, written with one executemany per table instead
    of a few statements per record. `items`: (record_id, wire changes, clock stamps). Returns
    each record as `load` would now return it, in the order given.

    Per record this fills a copy of the default row and of the default record in place (plain
    fields straight into their column, the others as `_columns` and `_wire_after` say): the
    same values `apply` writes, without a dict per field."""
    region = session.info.get("region", "US")
    con = con or dbapi(session)
    stamp = now_text()
    names = list(_DEFAULTS[entity])
    place = {n: i for i, n in enumerate(names)}
    base = list(_DEFAULTS[entity].values())
    loaded = _LOADED_DEFAULTS[entity]
    plain = _PLAIN[entity]
    known = _FIELDS[entity]
    at_id, at_clocks = place["id"], place["clocks"]
    at_created, at_updated = place["created_at"], place["updated_at"]
    out: list[dict[str, Any]] = []
    rows: list[list] = []
    emails: list[tuple] = []
    phones: list[tuple] = []
    tags: dict[str, str] = {}
    for record_id, changes, clocks in items:
        if not known.issuperset(changes):
            unknown = changes.keys() - known
            raise ValueError(f"{entity} has no field {sorted(unknown)[0]!r}")
        row = base.copy()
        after = loaded.copy()
        for field, wire in changes.items():
            at = plain.get(field)
            if at is not None:
                row[at] = after[field] = wire
            elif field == "emails":
                emails.extend([(record_id, i, e["kind"], e["address"],
                                normalize.normalize_email(e["address"]))
                               for i, e in enumerate(wire)])
                after[field] = [{"address": e["address"], "kind": e["kind"]} for e in wire]
            elif field == "phones":
                phones.extend([(record_id, i, p["kind"], p["number"],
                                *_phone_keys(p["number"], region))
                               for i, p in enumerate(wire)])
                after[field] = [{"number": p["number"], "kind": p["kind"]} for p in wire]
            elif field in LISTS:
                row[place[field]] = _list_column(wire)
                after[field] = list(wire)
            elif field in _FLAGS:
                row[place[field]] = int(bool(wire))
                after[field] = bool(wire)
            else:
                for col, value in _columns(entity, field, wire, region).items():
                    row[place[col]] = after[col] = value
        row[at_id] = after["id"] = record_id
        row[at_clocks] = json.dumps(clocks)
        after["clocks"] = dict(clocks)
        row[at_created] = row[at_updated] = after["created_at"] = after["updated_at"] = stamp
        rows.append(row)
        out.append(after)
        for t in changes.get("tags") or ():
            tags.setdefault(normalize.fold(t), t)
    if not rows:
        return out
    con.executemany(f"INSERT INTO {entity} ({', '.join(names)}) "
                    f"VALUES ({', '.join('?' * len(names))})", rows)
    if emails:
        con.executemany(_EMAIL_INSERT, emails)
    if phones:
        con.executemany(_PHONE_INSERT, phones)
    if tags:  # remember tag names for autocomplete
        con.executemany("INSERT OR IGNORE INTO tag (name_key, name) VALUES (?, ?)",
                        list(tags.items()))
    if session.identity_map:
        for record_id, _, _ in items:
            _expire_orm_copy(session, entity, record_id)
    return out


def _expire_orm_copy(session: Session, entity: str, record_id: str) -> None:
    key = session.identity_key(ENTITIES[entity], record_id)
    obj = session.identity_map.get(key)
    if obj is not None:
        session.expire(obj)


def current(rec: dict[str, Any], field: str) -> Any:
    """A loaded record's value of one field, in wire form."""
    value = rec.get(field)
    if field in ("deleted", "done"):
        return bool(value)
    return value
