"""Create / update / delete for any synced entity: one code path, so every write records its
field changes in the outbox and refreshes the search index in the same transaction."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app import search
from app.errors import InvalidInput, NotFound
from app.ids import new_id
from app.services import journal, rows
from app.services.fields import to_wire
from app.store import Tx


def live(tx_or_session, entity: str, record_id: str | None) -> dict[str, Any]:
    """The record (wire form), or NotFound when it does not exist or was deleted/merged away."""
    session = getattr(tx_or_session, "session", tx_or_session)
    rec = rows.load(session, entity, record_id)
    if rec is None or rec["deleted"]:
        raise NotFound(f"No {entity} with id {record_id}.")
    if rec.get("merged_into"):
        raise NotFound(f"The {entity} {record_id} was merged into {rec['merged_into']}.")
    return rec


def check_refs(tx: Tx, wire: dict[str, Any]) -> None:
    checked = tx.session.info.setdefault("live_refs", set())  # once per transaction
    for field in ("company_id", "contact_id", "opportunity_id"):
        ref = wire.get(field)
        if ref and ref not in checked:
            try:
                live(tx, field.removesuffix("_id"), ref)
            except NotFound as exc:
                raise InvalidInput(str(exc)) from None
            checked.add(ref)


def create(tx: Tx, entity: str, values: dict[str, Any]) -> str:
    wire = {f: to_wire(f, v) for f, v in values.items()}
    check_refs(tx, wire)
    # empty values equal the defaults every replica starts from: not worth sending
    changes = {k: v for k, v in wire.items() if v not in ("", [], None, False)}
    record_id = new_id()
    stamp = tx.new_stamp()
    after = rows.apply(tx.session, entity, record_id, wire, dict.fromkeys(changes, stamp), None)
    tx.record(entity, record_id, changes, stamp=stamp, clocks=False)
    tx.touched.add(entity)
    journal.created(tx.session, entity, [record_id])
    search.reindex(tx.session, entity, record_id, after)
    return record_id


def update(tx: Tx, entity: str, record_id: str, values: dict[str, Any]) -> dict[str, Any]:
    """Apply the fields that differ; returns the recorded changes ({} when nothing changed)."""
    return update_loaded(tx, entity, live(tx, entity, record_id), values)


def update_tombstone(tx: Tx, entity: str, record_id: str,
                     values: dict[str, Any]) -> dict[str, Any]:
    """Like `update`, for a record that may be deleted or merged away (undo of a merge brings
    the loser back): the same write path, outbox and search index."""
    rec = rows.load(tx.session, entity, record_id)
    if rec is None:
        raise NotFound(f"No {entity} with id {record_id}.")
    return update_loaded(tx, entity, rec, values)


def update_loaded(tx: Tx, entity: str, rec: dict[str, Any], values: dict[str, Any]
                  ) -> dict[str, Any]:
    """`update` of a record as just read (`live`): not read again."""
    wire = {f: to_wire(f, v) for f, v in values.items()}
    changes = {f: w for f, w in wire.items() if w != rows.current(rec, f)}
    if not changes:
        return {}
    check_refs(tx, changes)
    journal.updated(tx.session, entity, rec, changes)  # (before rows.apply changes `rec`)
    stamp = tx.new_stamp()
    after = rows.apply(tx.session, entity, rec["id"], changes, dict.fromkeys(changes, stamp), rec)
    tx.record(entity, rec["id"], changes, stamp=stamp, clocks=False)
    search.reindex(tx.session, entity, rec["id"], after)
    if entity == "company" and "name" in changes:
        search.reindex_many(tx.session, [("contact", contact_id, None) for (contact_id,) in
                                         rows.dbapi(tx.session).execute(
            "SELECT id FROM contact WHERE company_id = ? AND NOT deleted", (rec["id"],))])
    return changes


def delete(tx: Tx, entity: str, record_id: str) -> None:
    """Tombstone: the record stays (sync must carry the delete) but disappears from the app."""
    live(tx, entity, record_id)
    delete_many(tx, entity, [record_id])


def delete_many(tx: Tx, entity: str, record_ids: list[str],
                step: Callable[[int], None] | None = None) -> list[str]:
    """`delete` for many (a selection, an import taken back): the same tombstones, outbox ops
    and search entries, the records read and the search index written per 500. Records gone
    already are passed over; returns the ids deleted. `step(done)`: progress, per record."""
    deleted: list[str] = []
    done = 0
    con = rows.dbapi(tx.session)
    for i in range(0, len(record_ids), 500):
        chunk = record_ids[i:i + 500]
        recs = rows.load_many(tx.session, entity, chunk)
        gone = []
        for rid in chunk:
            rec = recs.get(rid)
            if rec is not None and not rec["deleted"] and not rec.get("merged_into"):
                journal.updated(tx.session, entity, rec, {"deleted": True})
                stamp = tx.new_stamp()
                after = rows.apply(tx.session, entity, rid, {"deleted": True},
                                   {"deleted": stamp}, rec, con)
                tx.record(entity, rid, {"deleted": True}, stamp=stamp, clocks=False)
                gone.append((entity, rid, after))
                deleted.append(rid)
            done += 1
            if step is not None:
                step(done)
        search.reindex_many(tx.session, gone)
        if entity == "company" and gone:
            # the companies' people stay, without a company (their own data is not theirs)
            ids = [rid for _, rid, _ in gone]
            for (contact_id,) in con.execute(
                    f"SELECT id FROM contact WHERE company_id IN ({', '.join('?' * len(ids))}) "
                    "AND NOT deleted", ids).fetchall():
                update(tx, "contact", contact_id, {"company_id": None})
    return deleted
