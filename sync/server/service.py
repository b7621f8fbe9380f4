"""HQ's sync logic, independent of HTTP: push (per-field last-writer-wins, merge repairs),
pull pages, team moves, compaction. Also the one import for callers (CLI, API, tests): reps and
tokens live in reps.py, the clock in clock.py, the commit-order lock in ordering.py.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

from sqlalchemy import (
    Text,
    and_,
    bindparam,
    cast,
    delete,
    exists,
    func,
    select,
    tuple_,
    update,
)
from sqlalchemy.orm import Session, aliased

from app import hlc
from app.ids import new_id
from app.services.fields import SYNC_FIELDS
from sync import protocol as P
from sync.server.clock import ServerClock
from sync.server.db import Database
from sync.server.errors import HqError, NotFoundError
from sync.server.models import HqBatch, HqChange, HqCounter, HqField, HqMeta, HqRecord, utcnow
from sync.server.ordering import lock_counter
from sync.server.reps import Rep, add_rep, authenticate, list_reps, revoke_token

__all__ = ["HqError", "NotFoundError", "Rep", "ServerClock", "add_rep", "authenticate",
           "compact", "list_reps", "move_record", "pull", "pull_json", "push", "revoke_token",
           "snapshot", "stats"]

log = logging.getLogger(__name__)

REF_FIELDS = {"company_id": "company", "contact_id": "contact", "opportunity_id": "opportunity"}
MERGEABLE = {"company": "company_id", "contact": "contact_id"}
TOMBSTONE_DAYS = 180


# -- push -----------------------------------------------------------------------------------

def _node(stamp: str) -> str:
    return stamp.split(".", 2)[2] if stamp.count(".") >= 2 else ""


def _validate(change: P.Change) -> str | None:
    """Why this change cannot be stored, or None."""
    fields = SYNC_FIELDS.get(change.entity)
    if fields is None:
        return f"unknown entity {change.entity!r}"
    if change.field not in fields:
        return f"{change.entity} has no synced field {change.field!r}"
    v = change.value
    if problem := P.field_problem(change.field, v):
        return f"{change.field} {problem}"
    if problem := P.value_problem(v):
        return f"value of {change.field} {problem}"
    if len(json.dumps(v)) > P.MAX_VALUE_CHARS:
        return f"value of {change.field} is too large"
    return None


class _Writer:
    """One writing transaction: field state cached, log rows collected, sequence numbers
    handed out from the locked counter."""

    def __init__(self, s: Session, clock: ServerClock) -> None:
        self.s = s
        self.clock = clock
        self.seq = lock_counter(s)
        self.start_seq = self.seq
        self.fields: dict[tuple[str, str, str], list[Any] | None] = {}  # → [value, hlc, seq]
        self.teams: dict[tuple[str, str], str | None] = {}
        self.new_fields: dict[tuple[str, str, str], dict] = {}
        self.changed_fields: dict[tuple[str, str, str], dict] = {}
        self.new_records: list[dict] = []
        self.log: list[dict] = []

    def preload(self, keys: set[tuple[str, str]]) -> None:
        keys = {k for k in keys if k not in self.teams}
        items = list(keys)
        for i in range(0, len(items), 500):
            chunk = items[i:i + 500]
            for k in chunk:
                self.teams.setdefault(k, None)
            for e, r, team in self.s.execute(
                select(HqRecord.entity, HqRecord.record_id, HqRecord.team)
                .where(tuple_(HqRecord.entity, HqRecord.record_id).in_(chunk))
            ):
                self.teams[(e, r)] = team
            for e, r, f, v, h, q in self.s.execute(
                select(HqField.entity, HqField.record_id, HqField.field, HqField.value,
                       HqField.hlc, HqField.seq)
                .where(tuple_(HqField.entity, HqField.record_id).in_(chunk))
            ):
                self.fields[(e, r, f)] = [v, h, q]

    def team_of(self, entity: str, record_id: str) -> str | None:
        if (entity, record_id) not in self.teams:
            self.preload({(entity, record_id)})
        return self.teams[(entity, record_id)]

    def current(self, entity: str, record_id: str, field: str) -> list[Any] | None:
        if (entity, record_id) not in self.teams:
            self.preload({(entity, record_id)})
        return self.fields.get((entity, record_id, field))

    def add_record(self, entity: str, record_id: str, team: str) -> None:
        self.teams[(entity, record_id)] = team
        self.new_records.append({"entity": entity, "record_id": record_id, "team": team})

    def set(self, entity: str, record_id: str, field: str, value: Any, stamp: str,
            change_id: str, replaced: str | None = None) -> int:
        self.seq += 1
        key = (entity, record_id, field)
        row = {"value": value, "hlc": stamp, "seq": self.seq,
               "ref": value if field in REF_FIELDS or field == "merged_into" else None}
        if key in self.fields and key not in self.new_fields:
            self.changed_fields[key] = row
        else:
            self.new_fields[key] = row
        self.fields[key] = [value, stamp, self.seq]
        self.log.append({"seq": self.seq, "change_id": change_id, "kind": "set",
                         "entity": entity, "record_id": record_id, "field": field,
                         "value": value, "hlc": stamp, "team": self.teams[(entity, record_id)],
                         "replaced_hlc": replaced, "created_at": utcnow()})
        return self.seq

    def append_log(self, **row: Any) -> None:
        self.seq += 1
        self.log.append({"seq": self.seq, "field": "", "value": None, "hlc": "",
                         "replaced_hlc": None, "created_at": utcnow(), **row})

    def flush(self) -> None:
        # Core executemany with uniform rows: one statement per table (the ORM bulk path splits
        # rows into many small statements)
        conn = self.s.connection()
        if self.new_records:
            conn.execute(HqRecord.__table__.insert(), self.new_records)
        if self.new_fields:
            conn.execute(HqField.__table__.insert(), [
                {"entity": e, "record_id": r, "field": f, **v}
                for (e, r, f), v in self.new_fields.items()])
        if self.changed_fields:
            t = HqField.__table__
            conn.execute(
                update(t).where(t.c.entity == bindparam("k_entity"),
                                t.c.record_id == bindparam("k_record"),
                                t.c.field == bindparam("k_field")),
                [{"k_entity": e, "k_record": r, "k_field": f, **v}
                 for (e, r, f), v in self.changed_fields.items()])
        if self.log:
            conn.execute(HqChange.__table__.insert(), self.log)
        if self.seq != self.start_seq:
            conn.execute(update(HqCounter.__table__).where(HqCounter.__table__.c.id == 1)
                         .values(value=self.seq))
        self.new_records, self.new_fields, self.changed_fields, self.log = [], {}, {}, []

    # -- merges: references to a merged record follow it to the survivor ---------------------
    def survivor(self, entity: str, record_id: str) -> str:
        chain = [record_id]
        while True:
            cur = self.current(entity, chain[-1], "merged_into")
            nxt = cur[0] if cur else None
            if not nxt:
                return chain[-1]
            if nxt in chain:
                return self._break_cycle(entity, chain[chain.index(nxt):])
            chain.append(nxt)

    def _break_cycle(self, entity: str, cycle: list[str]) -> str:
        """Two reps merged A into B and B into A at the same time: the smallest id survives
        (un-merged by HQ) and everything pointing into the cycle follows it."""
        keep = min(cycle)
        cur = self.current(entity, keep, "merged_into")
        self.set(entity, keep, "merged_into", None, self.clock.after(cur[1] if cur else None),
                 f"hq:{new_id()}")
        log.warning("merge cycle %s broken: %s %s survives", cycle, entity, keep)
        for member in cycle:
            if member != keep:
                self.repair_refs_to(entity, member)
        return keep

    def repair_refs_to(self, entity: str, loser: str) -> None:
        target = self.survivor(entity, loser)
        if target == loser:
            return
        field = MERGEABLE[entity]
        db_rows = self.s.execute(
            select(HqField.entity, HqField.record_id).where(HqField.field == field,
                                                            HqField.ref == loser)).all()
        pending = [(e, r) for (e, r, f), v in {**self.new_fields, **self.changed_fields}.items()
                   if f == field and v["value"] == loser]
        for e, r in {*map(tuple, db_rows), *pending}:
            cur = self.current(e, r, field)
            if cur and cur[0] == loser:
                self.set(e, r, field, target, self.clock.after(cur[1]), f"hq:{new_id()}")

    def repair_ref(self, entity: str, record_id: str, field: str, value: Any) -> None:
        target_entity = REF_FIELDS.get(field)
        if target_entity in MERGEABLE and isinstance(value, str):
            target = self.survivor(target_entity, value)
            if target != value:
                cur = self.current(entity, record_id, field)
                self.set(entity, record_id, field, target,
                         self.clock.after(cur[1] if cur else None), f"hq:{new_id()}")


def push(db: Database, clock: ServerClock, rep: Rep, req: P.PushRequest) -> dict[str, Any]:
    with db.write() as s, s.begin():
        w = _Writer(s, clock)
        prev = s.get(HqBatch, (rep.id, req.batch_id))
        if prev is not None:  # a retry of a batch whose answer was lost: answer as before
            answer = json.loads(prev.response)
            answer["server_hlc"] = clock.now()
            return answer
        # the batch's records and the records they reference (merges are followed)
        w.preload({(c.entity, c.record_id) for c in req.changes}
                  | {(REF_FIELDS[c.field], c.value) for c in req.changes
                     if c.field in REF_FIELDS and isinstance(c.value, str)})
        results: list[dict[str, Any]] = []
        repairs: list[tuple[str, ...]] = []
        for c in req.changes:
            reason = _validate(c)
            team = None if reason else w.team_of(c.entity, c.record_id)
            if not reason and team is not None and team != rep.team and not rep.is_admin:
                reason = "this record belongs to another team"
            if reason:
                results.append({"change_id": c.change_id, "status": "rejected",
                                "reason": reason})
                continue
            if team is None:
                w.add_record(c.entity, c.record_id, rep.team)
            stamp = clock.admit(c.hlc)
            cur = w.current(c.entity, c.record_id, c.field)
            if cur is not None and cur[1] >= stamp:
                if cur[1] == stamp:
                    results.append({"change_id": c.change_id, "status": "duplicate",
                                    "hlc": stamp})
                else:
                    results.append({"change_id": c.change_id, "status": "superseded",
                                    "hlc": stamp, "current_value": cur[0],
                                    "current_hlc": cur[1]})
                continue
            # overwriting another replica's value that the pusher had not pulled yet: the
            # other replica keeps its value in its conflict list
            replaced = (cur[1] if cur is not None and _node(cur[1]) != _node(stamp)
                        and cur[2] > req.cursor else None)
            w.set(c.entity, c.record_id, c.field, c.value, stamp, c.change_id, replaced)
            results.append({"change_id": c.change_id, "status": "accepted", "hlc": stamp})
            if c.field == "merged_into" and c.value and c.entity in MERGEABLE:
                repairs.append(("merge", c.entity, c.record_id))
            elif c.field in REF_FIELDS and c.value:
                repairs.append(("ref", c.entity, c.record_id, c.field))
        for r in repairs:
            if r[0] == "merge":
                w.repair_refs_to(r[1], r[2])
            else:
                cur = w.current(r[1], r[2], r[3])
                if cur:
                    w.repair_ref(r[1], r[2], r[3], cur[0])
        w.flush()
        answer = {"protocol": P.PROTOCOL_VERSION, "results": results}
        s.add(HqBatch(rep_id=rep.id, batch_id=req.batch_id, response=json.dumps(answer)))
    answer["server_hlc"] = clock.now()
    return answer


# -- pull -----------------------------------------------------------------------------------

def _meta_int(s: Session, key: str) -> int:
    row = s.get(HqMeta, key)
    return int(row.value) if row and row.value else 0


def _pull_rows(db: Database, rep: Rep, req: P.PullRequest, raw: bool) -> tuple[list, int, bool]:
    """The page's log rows, the cursor after it and whether more follow; ([], 0, True) asks
    for a full replacement (`raw`: values as their stored JSON text, not decoded)."""
    with db.read() as s, s.begin():
        # the counter first: every change numbered up to it has committed (see module doc)
        counter = s.scalar(select(HqCounter.value).where(HqCounter.id == 1)) or 0
        horizon = max(_meta_int(s, "horizon"), _meta_int(s, f"rep_reset:{rep.id}") + 1)
        if req.cursor > counter or (0 < req.cursor < horizon):
            return [], 0, True
        c = HqChange.__table__.c
        value = cast(c.value, Text) if raw else c.value
        q = select(c.seq, c.kind, c.entity, c.record_id, c.field, value, c.hlc,
                   c.replaced_hlc).where(c.seq > req.cursor)
        q = q.where(c.kind == "set") if rep.is_admin else q.where(c.team == rep.team)
        rows = s.execute(q.order_by(c.seq).limit(req.limit)).all()
    more = len(rows) == req.limit
    cursor = rows[-1][0] if more else max(counter, req.cursor)
    return rows, cursor, more


def _reset_page(clock: ServerClock) -> dict[str, Any]:
    return {"protocol": P.PROTOCOL_VERSION, "changes": [], "cursor": 0, "more": True,
            "reset": True, "server_hlc": clock.now()}


def pull(db: Database, clock: ServerClock, rep: Rep, req: P.PullRequest) -> dict[str, Any]:
    rows, cursor, more = _pull_rows(db, rep, req, raw=False)
    if not rows and not cursor and more:
        return _reset_page(clock)
    changes = [{"seq": r[0], "kind": "remove" if r[1] == "remove" else "set",
                "entity": r[2], "record_id": r[3], "field": r[4],
                "value": r[5], "hlc": r[6], "replaced_hlc": r[7]} for r in rows]
    return {"protocol": P.PROTOCOL_VERSION, "changes": changes, "cursor": cursor, "more": more,
            "reset": False, "server_hlc": clock.now()}


_text = json.encoder.encode_basestring  # a JSON string literal (C speed), unicode kept


def pull_json(db: Database, clock: ServerClock, rep: Rep, req: P.PullRequest) -> str:
    """`pull` as the JSON body HQ sends: values go out as the JSON text stored in the log,
    without decoding and encoding them again (a large pull is HQ's heaviest request)."""
    rows, cursor, more = _pull_rows(db, rep, req, raw=True)
    if not rows and not cursor and more:
        return json.dumps(_reset_page(clock), separators=(",", ":"))
    parts = [
        f'{{"seq":{r[0]},"kind":"{"remove" if r[1] == "remove" else "set"}",'
        f'"entity":{_text(r[2])},"record_id":{_text(r[3])},"field":{_text(r[4])},'
        f'"value":{r[5] if r[5] is not None else "null"},"hlc":{_text(r[6])},'
        f'"replaced_hlc":{_text(r[7]) if r[7] is not None else "null"}}}'
        for r in rows]
    return (f'{{"protocol":{P.PROTOCOL_VERSION},"changes":[{",".join(parts)}],'
            f'"cursor":{cursor},"more":{"true" if more else "false"},"reset":false,'
            f'"server_hlc":{_text(clock.now())}}}')


# -- teams ----------------------------------------------------------------------------------

def move_record(db: Database, entity: str, record_id: str, team: str) -> int:
    """Give a record to another team: the old team's clients are told to drop it, the new
    team's receive it whole. Returns the number of log entries written."""
    team = team.strip()
    if not team:
        raise HqError("Give the team to move the record to.")
    with db.write() as s, s.begin():
        w = _Writer(s, ServerClock())
        rec = s.get(HqRecord, (entity, record_id))
        if rec is None:
            raise NotFoundError(f"HQ has no {entity} with id {record_id}.")
        if rec.team == team:
            return 0
        old, rec.team = rec.team, team
        w.append_log(change_id=f"hq:{new_id()}", kind="remove", entity=entity,
                     record_id=record_id, team=old)
        for f in s.scalars(select(HqField).where(HqField.entity == entity,
                                                 HqField.record_id == record_id)):
            w.append_log(change_id=f"hq:{new_id()}", kind="copy", entity=entity,
                         record_id=record_id, field=f.field, value=f.value, hlc=f.hlc, team=team)
        n = len(w.log)
        w.flush()
        return n


# -- state and housekeeping -----------------------------------------------------------------

def snapshot(db: Database, team: str | None = None) -> dict[tuple[str, str], dict[str, Any]]:
    """Every record's current fields (optionally one team's): for tests and checks."""
    with db.read() as s:
        q = select(HqField.entity, HqField.record_id, HqField.field, HqField.value, HqField.hlc)
        if team is not None:
            q = q.join(HqRecord, and_(HqRecord.entity == HqField.entity,
                                      HqRecord.record_id == HqField.record_id)
                       ).where(HqRecord.team == team)
        out: dict[tuple[str, str], dict[str, Any]] = {}
        for e, r, f, v, h in s.execute(q):
            out.setdefault((e, r), {})[f] = (v, h)
        return out


def stats(db: Database) -> dict[str, int]:
    with db.read() as s:
        return {
            "seq": s.scalar(select(HqCounter.value)) or 0,
            "records": s.scalar(select(func.count()).select_from(HqRecord)) or 0,
            "log": s.scalar(select(func.count()).select_from(HqChange)) or 0,
            "horizon": _meta_int(s, "horizon"),
        }


def compact(db: Database, days: int = TOMBSTONE_DAYS) -> dict[str, int]:
    """Forget history older than `days` (at least 180 in production): superseded log entries
    and records deleted that long ago. Clients whose cursor is older get a full replacement."""
    cutoff = utcnow() - dt.timedelta(days=days)
    cutoff_stamp = hlc.Stamp(int(cutoff.replace(tzinfo=dt.UTC).timestamp() * 1000), 0, "")
    with db.write() as s, s.begin():
        lock_counter(s)
        horizon = _meta_int(s, "horizon")
        # records deleted before the cutoff: gone entirely
        dead = s.execute(select(HqField.entity, HqField.record_id).where(
            HqField.field == "deleted", HqField.ref.is_(None),
            HqField.hlc < cutoff_stamp.encode())).all()
        dead = [(e, r) for e, r in dead
                if s.scalar(select(HqField.value).where(
                    HqField.entity == e, HqField.record_id == r, HqField.field == "deleted"))
                is True]
        purged = 0
        for i in range(0, len(dead), 500):
            chunk = dead[i:i + 500]
            key_log = tuple_(HqChange.entity, HqChange.record_id).in_(chunk)
            top = s.scalar(select(func.max(HqChange.seq)).where(key_log))
            horizon = max(horizon, top or 0)
            purged += s.execute(delete(HqChange).where(key_log)).rowcount
            s.execute(delete(HqField).where(
                tuple_(HqField.entity, HqField.record_id).in_(chunk)))
            s.execute(delete(HqRecord).where(
                tuple_(HqRecord.entity, HqRecord.record_id).in_(chunk)))
        # log entries superseded (same field, same team, later entry) before the cutoff
        later = aliased(HqChange)
        superseded = and_(
            HqChange.created_at < cutoff, HqChange.kind != "remove",
            exists().where(later.entity == HqChange.entity,
                           later.record_id == HqChange.record_id,
                           later.field == HqChange.field, later.team == HqChange.team,
                           later.seq > HqChange.seq))
        top = s.scalar(select(func.max(HqChange.seq)).where(superseded))
        horizon = max(horizon, top or 0)
        dropped = s.execute(delete(HqChange).where(superseded)).rowcount
        s.merge(HqMeta(key="horizon", value=str(horizon)))
        s.execute(delete(HqBatch).where(HqBatch.created_at < utcnow() - dt.timedelta(days=7)))
    return {"records_purged": len(dead), "log_entries_purged": purged + dropped,
            "horizon": horizon}
