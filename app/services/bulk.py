"""`records.create` for many records of one transaction (an import): the same validation, row,
field clocks, outbox op (one per record, its own HLC stamp) and search entry, but written with
one executemany per table when the caller flushes, instead of several statements per record;
the search entries later, a few thousand at a time (`search.reindex_later`).

Queued records are not in the table until `flush`: a caller that needs one (to update it, to
attach a photo) flushes first. `preview`: the caller rolls back (an import's preview); its
rows are written, as later records read them, but not their search entries and outbox ops,
which nothing reads before the rollback (a fifth of a 10,000-record preview).
"""

from __future__ import annotations

from typing import Any

from app import search
from app.ids import new_id
from app.services import journal, records, rows
from app.services.fields import to_wire
from app.store import OUTBOX_INSERT, Tx, outbox_row


class Creates:
    def __init__(self, tx: Tx, entity: str, preview: bool = False) -> None:
        self.tx = tx
        self.entity = entity
        self.preview = preview
        # record id → (wire values, field clocks, recorded changes, stamp)
        self.queued: dict[str, tuple[dict[str, Any], dict[str, str], dict[str, Any], str]] = {}

    def _prepare(self, values: dict[str, Any]) -> tuple[str, dict, dict, str]:
        wire = {f: to_wire(f, v) for f, v in values.items()}
        records.check_refs(self.tx, wire)
        # empty values equal the defaults every replica starts from: not worth sending
        changes = {k: v for k, v in wire.items() if v not in ("", [], None, False)}
        return new_id(), wire, changes, self.tx.new_stamp()

    def add(self, values: dict[str, Any]) -> str:
        """Validate and stamp a new record now (as records.create does); write it at flush."""
        record_id, wire, changes, stamp = self._prepare(values)
        self.queued[record_id] = (wire, dict.fromkeys(changes, stamp), changes, stamp)
        return record_id

    def drop(self, record_id: str) -> None:
        """Forget a record whose savepoint was rolled back."""
        self.queued.pop(record_id, None)

    def flush(self) -> None:
        if not self.queued:
            return
        tx, entity = self.tx, self.entity
        items = [(rid, wire, clocks) for rid, (wire, clocks, _, _) in self.queued.items()]
        con = rows.dbapi(tx.session)
        after = rows.insert_many(tx.session, entity, items, con)
        tx.touched.add(entity)
        journal.created(tx.session, entity, [rid for rid, _, _ in items])
        if not self.preview:
            con.executemany(OUTBOX_INSERT, [
                outbox_row(entity, rid, stamp, changes)
                for rid, (_, _, changes, stamp) in self.queued.items() if changes])
            search.reindex_later(tx.session, [(entity, rid, a) for (rid, _, _), a in
                                              zip(items, after, strict=True)])
        self.queued.clear()
