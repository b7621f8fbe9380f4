"""Apply pulled changes to the local store: per-field last-writer-wins by HLC, through the same
`write_field` the services use (so child e-mail/phone rows and derived columns follow) and the
search index. Re-applying a page is harmless: a stamp not newer than the field's is skipped.

A "stub" is a row that stands in for a record this replica may not see (a reference to another
team's record, or a record that left our team): hidden (deleted) and with no field clocks, so
any real value that arrives later applies. It is marked by STUB in its `clocks`.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import search
from app.models import ENTITIES, Conflict, Outbox
from app.services import rows
from app.services.fields import SYNC_FIELDS
from sync.protocol import field_problem

log = logging.getLogger(__name__)

STUB = "~stub"
REF_FIELDS = {"company_id": "company", "contact_id": "contact", "opportunity_id": "opportunity"}


def node_of(stamp: str | None) -> str:
    return stamp.split(".", 2)[2] if stamp and stamp.count(".") >= 2 else ""


@dataclass
class ApplyStats:
    applied: int = 0
    skipped: int = 0
    removed: int = 0
    conflicts: int = 0
    records: set[tuple[str, str]] = field(default_factory=set)


def _set_clocks(session: Session, entity: str, record_id: str, clocks: dict[str, str],
                deleted: bool | None = None) -> None:
    """Replace a row's clocks outright (rows.apply only merges; stubs need keys removed)."""
    con = rows.dbapi(session)
    if deleted is None:
        con.execute(f"UPDATE {entity} SET clocks = ? WHERE id = ?",
                    (json.dumps(clocks), record_id))
    else:
        con.execute(f"UPDATE {entity} SET clocks = ?, deleted = ? WHERE id = ?",
                    (json.dumps(clocks), int(deleted), record_id))


class _Page:
    def __init__(self, session: Session, node: str) -> None:
        self.s = session
        self.node = node
        self.recs: dict[tuple[str, str], dict[str, Any] | None] = {}
        self.present: set[tuple[str, str]] = set()  # known to exist (no need to load them)
        self.pending: dict[tuple[str, str], dict[str, list[Outbox]]] = {}
        self.stats = ApplyStats()
        self.renamed_companies: set[str] = set()
        self.after: dict[tuple[str, str], dict[str, Any]] = {}  # as written, for the index
        self.con = rows.dbapi(session)
        # field stamps of the page's records, from one SELECT (None: we do not have it yet)
        self.clocks: dict[tuple[str, str], dict[str, str] | None] = {}
        self.raw_clocks: dict[tuple[str, str], str] = {}
        # new records of the page, inserted together (executemany) when the page ends or
        # when a later step needs one of them in the table
        self.queued: dict[str, dict[str, tuple[dict[str, Any], dict[str, str]]]] = {}
        self.incoming: set[tuple[str, str]] = set()  # records the page sets fields of
        self.refs_later: set[tuple[str, str]] = set()  # referenced, created later in the page
        self.to_load: set[tuple[str, str]] = set()  # existing records the page sets fields of

    def prefetch(self, keys: set[tuple[str, str]]) -> None:
        """Read the field stamps of every record the page touches, in one query per entity:
        last-writer-wins is decided on these, and most records of a large pull are new."""
        by_entity: dict[str, list[str]] = defaultdict(list)
        for e, r in keys:
            by_entity[e].append(r)
        for entity, ids in by_entity.items():
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                have = dict(self.con.execute(
                    f"SELECT id, clocks FROM {entity} WHERE id IN ({', '.join('?' * len(chunk))})",
                    chunk).fetchall())
                for r in chunk:
                    if r in have:  # decoded when needed (most are only referenced)
                        self.raw_clocks[(entity, r)] = have[r] or "{}"
                        self.present.add((entity, r))
                    else:
                        self.clocks[(entity, r)] = None

    def clocks_of(self, entity: str, record_id: str) -> dict[str, str] | None:
        key = (entity, record_id)
        if key not in self.clocks:
            if key in self.raw_clocks:
                self.clocks[key] = json.loads(self.raw_clocks.pop(key))
            else:
                rec = self.rec(entity, record_id)
                self.clocks[key] = rec["clocks"] if rec else None
        return self.clocks[key]

    def flush_inserts(self) -> None:
        """Insert the queued new records (one executemany per table)."""
        for entity, queued in self.queued.items():
            if not queued:
                continue
            items = [(rid, values, stamps) for rid, (values, stamps) in queued.items()]
            for (rid, _, _), after in zip(items, rows.insert_many(self.s, entity, items, self.con),
                                          strict=True):
                self.after[(entity, rid)] = after
            queued.clear()

    def rec(self, entity: str, record_id: str) -> dict[str, Any] | None:
        key = (entity, record_id)
        if record_id in self.queued.get(entity, ()):
            self.flush_inserts()
        if key not in self.recs and key in self.to_load:
            # the first existing record the page changes: read all of them at once
            by_entity: dict[str, list[str]] = defaultdict(list)
            for e, r in self.to_load:
                by_entity[e].append(r)
            self.to_load = set()
            for e, ids in by_entity.items():
                found = rows.load_many(self.s, e, ids)
                self.recs.update({(e, r): found.get(r) for r in ids if (e, r) not in self.recs})
        if key not in self.recs:
            self.recs[key] = rows.load(self.s, entity, record_id)
        return self.recs[key]

    def ensure(self, entity: str, record_id: str, later_ok: bool = True) -> None:
        """A referenced record must exist locally (foreign keys): a stub if we have none."""
        key = (entity, record_id)
        if key in self.present:
            return
        if later_ok and key in self.incoming:
            # the page creates it further on (foreign keys are checked at commit)
            self.refs_later.add(key)
            return
        known_missing = key in self.clocks and self.clocks[key] is None
        if known_missing or self.rec(entity, record_id) is None:
            rows.apply(self.s, entity, record_id, {"deleted": True}, {STUB: "1"}, None)
            self.recs.pop(key, None)
            self.clocks[key] = {STUB: "1"}
        self.present.add(key)

    def load_pending(self, keys: set[tuple[str, str]]) -> None:
        if self.con.execute("SELECT 1 FROM outbox LIMIT 1").fetchone() is None:
            return  # nothing unsent (always so on a first sync)
        ids = list({rid for _, rid in keys})
        for i in range(0, len(ids), 500):
            for ob in self.s.scalars(select(Outbox).where(
                    Outbox.record_id.in_(ids[i:i + 500])).order_by(Outbox.seq)):
                per = self.pending.setdefault((ob.entity, ob.record_id), {})
                for f in ob.changes:
                    per.setdefault(f, []).append(ob)

    def remove(self, entity: str, record_id: str) -> None:
        """The record left our team: hide it, forget its clocks (it may come back whole)."""
        if self.rec(entity, record_id) is None:
            return
        _set_clocks(self.s, entity, record_id, {STUB: "1"}, deleted=True)
        self.recs.pop((entity, record_id), None)
        self.clocks[(entity, record_id)] = {STUB: "1"}
        self.after.pop((entity, record_id), None)
        self.stats.removed += 1
        self.stats.records.add((entity, record_id))

    def apply_record(self, entity: str, record_id: str, changes: list[dict]) -> None:
        # the newest stamp per field within the page
        best: dict[str, dict] = {}
        for ch in changes:
            fname = ch["field"]
            if fname not in SYNC_FIELDS[entity] or field_problem(fname, ch.get("value")):
                log.warning("ignoring unusable change of %s.%s", entity, fname)
            elif fname not in best or ch["hlc"] > best[fname]["hlc"]:
                best[fname] = ch
        key = (entity, record_id)
        if record_id in self.queued.get(entity, ()):
            self.flush_inserts()  # a second group of one record (after a remove)
            self.clocks.pop(key, None)
        clocks = self.clocks_of(entity, record_id) or {}
        win = {f: ch for f, ch in best.items() if clocks.get(f) is None or ch["hlc"] > clocks[f]}
        self.stats.skipped += len(changes) - len(win)  # unusable, older or already had
        if not win:
            return
        new = self.clocks[key] is None and key not in self.present
        rec = None if new else self.rec(entity, record_id)
        for f, ch in win.items():
            target = REF_FIELDS.get(f)
            if target and isinstance(ch["value"], str):
                self.ensure(target, ch["value"])
            if rec is not None:
                self._conflict(entity, rec, f, ch)
        values = {f: ch["value"] for f, ch in win.items()}
        stamps = {f: ch["hlc"] for f, ch in win.items()}
        self.clocks[key] = {**clocks, **stamps}
        if new:  # written with the page's other new records (rows.insert_many)
            self.queued.setdefault(entity, {})[record_id] = (values, stamps)
            self.present.add(key)
            self.stats.applied += len(win)
            self.stats.records.add(key)
            if entity == "company" and "name" in win:
                self.renamed_companies.add(record_id)
            return
        after = rows.apply(self.s, entity, record_id, values, stamps, rec, self.con)
        if STUB in clocks:  # a stub comes alive with its first real value
            merged = {k: v for k, v in {**clocks, **stamps}.items() if k != STUB}
            _set_clocks(self.s, entity, record_id, merged,
                        deleted=bool(values.get("deleted", False)))
            after["clocks"] = merged
            after["deleted"] = bool(values.get("deleted", False))
            self.clocks[key] = merged
        self.recs.pop((entity, record_id), None)
        self.present.add((entity, record_id))
        self.after[(entity, record_id)] = after
        self.stats.applied += len(win)
        self.stats.records.add((entity, record_id))
        if entity == "company" and "name" in win:
            self.renamed_companies.add(record_id)

    def _conflict(self, entity: str, rec: dict, fname: str, ch: dict) -> None:
        key = (entity, rec["id"])
        local = rec["clocks"].get(fname)
        obs = self.pending.get(key, {}).get(fname)
        if obs:  # a local change not yet pushed loses: keep it in the conflict list, unsent
            for ob in obs:
                rest = {k: v for k, v in ob.changes.items() if k != fname}
                if rest:
                    ob.changes = rest
                else:
                    self.s.delete(ob)
            del self.pending[key][fname]
        elif not (ch.get("replaced_hlc") and local == ch["replaced_hlc"]
                  and node_of(local) == self.node):
            return  # not a concurrent value of ours
        if local and self.s.scalar(select(Conflict.id).where(
                Conflict.record_id == rec["id"], Conflict.field == fname,
                Conflict.local_hlc == local)) is not None:
            return  # already listed (e.g. when HQ answered our push "superseded")
        self.s.add(Conflict(entity=entity, record_id=rec["id"], field=fname,
                            local_value=rows.current(rec, fname), local_hlc=local or "",
                            remote_value=ch["value"], remote_hlc=ch["hlc"]))
        self.stats.conflicts += 1

    def finish(self) -> None:
        self.flush_inserts()
        for entity, record_id in self.refs_later - self.present:
            self.ensure(entity, record_id, later_ok=False)  # its changes were all unusable
        self.s.flush()  # conflicts and trimmed outbox rows
        # one batch for the page: records as just written (no second read), and the people of
        # renamed companies (their entries hold the company name)
        items = [(e, r, self.after.get((e, r))) for e, r in self.stats.records]
        renamed = list(self.renamed_companies)
        for i in range(0, len(renamed), 500):
            chunk = renamed[i:i + 500]
            for (contact_id,) in self.con.execute(
                    "SELECT id FROM contact WHERE company_id IN "
                    f"({', '.join('?' * len(chunk))}) AND NOT deleted", chunk).fetchall():
                if ("contact", contact_id) not in self.stats.records:
                    items.append(("contact", contact_id, None))
        search.reindex_many(self.s, items)


def apply_changes(session: Session, changes: list[dict], node: str) -> ApplyStats:
    """Apply one page of pulled changes inside the caller's transaction."""
    # rows of one page may reference each other in any order: check keys at commit. The
    # pragma lasts until the transaction ends, and sqlite3 opens one only at the first write:
    # outside one, the next SELECT would end it already
    con = rows.dbapi(session)
    if not con.in_transaction:
        con.execute("BEGIN IMMEDIATE")
    con.execute("PRAGMA defer_foreign_keys = ON")
    page = _Page(session, node)
    groups: dict[tuple[str, str], list[dict]] = {}
    order: list[tuple[str, tuple[str, str], list[dict] | None]] = []
    for ch in changes:
        key = (ch["entity"], ch["record_id"])
        if ch["entity"] not in ENTITIES:
            log.warning("ignoring change of unknown entity %s", ch["entity"])
            page.stats.skipped += 1
        elif ch.get("kind") == "remove":
            order.append(("remove", key, None))
            groups.pop(key, None)  # later sets start a new group
        else:
            if key not in groups:
                groups[key] = []
                order.append(("set", key, groups[key]))
            groups[key].append(ch)
    keys = {key for _, key, _ in order}
    page.load_pending(keys)
    refs = {(REF_FIELDS[ch["field"]], ch["value"]) for ch in changes
            if ch.get("field") in REF_FIELDS and isinstance(ch.get("value"), str)}
    page.incoming = {key for kind, key, _ in order if kind == "set"}
    page.prefetch(keys | refs)
    page.to_load = page.incoming & page.present
    with session.no_autoflush:
        for kind, (entity, record_id), group in order:
            if kind == "remove":
                page.remove(entity, record_id)
            else:
                page.apply_record(entity, record_id, group)
    page.finish()
    return page.stats


def stub_everything_settled(session: Session) -> int:
    """Full replacement: every record without pending local changes becomes a stub, to be
    filled again from HQ's complete state (records HQ no longer has stay hidden)."""
    pending: dict[str, set[str]] = defaultdict(set)
    for entity, rid in session.execute(select(Outbox.entity, Outbox.record_id)):
        pending[entity].add(rid)
    con = rows.dbapi(session)
    n = 0
    stubbed: list[tuple[str, str, None]] = []
    for entity in ENTITIES:
        for (rid,) in con.execute(f"SELECT id FROM {entity}").fetchall():
            if rid in pending[entity]:
                continue
            _set_clocks(session, entity, rid, {STUB: "1"}, deleted=True)
            stubbed.append((entity, rid, None))
            n += 1
    search.reindex_many(session, stubbed)  # every one of them leaves the index
    return n
