"""What one transaction wrote, kept so it can be taken back: an import the rep regrets when the
report shows the names in the company column. `keep(session)` starts it; the write paths
(`records.create` / `update_loaded` / `delete_many`, `bulk.Creates`, `contacts.attach`) note
what they do while one is kept; `undo` writes the way back through the same services, so the outbox and
the search index follow, and HQ hears of it like any edit.

Taking back is careful of what happened since: a record deleted or merged away is left alone,
and a field edited after the import keeps that edit (as undoing a merge does)."""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from app.models import ImportMapping
from app.services import rows
from app.store import Tx

_KEY = "journal"
# taken back in this order: the people a new company holds go before it (deleting a company
# first would write each of them again, without it)
_ORDER = {"contact": 0, "company": 1}


@dataclass
class Journal:
    created: dict[str, str] = field(default_factory=dict)  # record id → entity
    # record id → (entity, {field: wire value before the first change, … after the last})
    before: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)
    after: dict[str, dict[str, Any]] = field(default_factory=dict)
    photos: dict[str, tuple[bytes, str] | None] = field(default_factory=dict)  # contact → before
    # an import's column mapping remembered for a header set → the one before (None: none):
    # undone, the next import of such a sheet asks again rather than repeat the mistake
    mappings: dict[str, dict[str, str] | None] = field(default_factory=dict)
    undone: bool = False  # taken back (set by its caller once `undo` committed)

    def __bool__(self) -> bool:
        return bool(self.created or self.after or self.photos)

    def size(self) -> int:
        """Records to take back (the steps of `undo`)."""
        return len(self.before) + len(self.photos) + len(self.created)


@dataclass
class Undone:
    deleted: Counter = field(default_factory=Counter)  # entity → records deleted
    restored: Counter = field(default_factory=Counter)  # entity → records given values back
    kept_later_edits: int = 0  # fields changed again since: left as they are now


def keep(session: Session) -> Journal:
    journal = session.info[_KEY] = Journal()
    return journal


def _of(session: Session) -> Journal | None:
    return session.info.get(_KEY)


def created(session: Session, entity: str, record_ids: list[str]) -> None:
    journal = _of(session)
    if journal is not None:
        journal.created.update(dict.fromkeys(record_ids, entity))


def updated(session: Session, entity: str, rec: dict[str, Any], changes: dict[str, Any]) -> None:
    """`rec`: the record as it was before `changes` (wire values) were written."""
    journal = _of(session)
    if journal is None or rec["id"] in journal.created:
        return
    _, before = journal.before.setdefault(rec["id"], (entity, {}))
    after = journal.after.setdefault(rec["id"], {})
    for f, value in changes.items():  # (copies: a caller may go on changing its lists)
        before.setdefault(f, copy.deepcopy(rows.current(rec, f)))
        after[f] = copy.deepcopy(value)


def photo_replaced(session: Session, contact_id: str, old: tuple[bytes, str] | None) -> None:
    journal = _of(session)
    if journal is not None and contact_id not in journal.created:
        journal.photos.setdefault(contact_id, old)


def mapping_replaced(session: Session, header_key: str, old: dict[str, str] | None) -> None:
    journal = _of(session)
    if journal is not None:
        journal.mappings.setdefault(header_key, None if old is None else dict(old))


def undo(tx: Tx, journal: Journal, step: Callable[[int], None] | None = None) -> Undone:
    """Take back what `journal` kept, in this transaction. `step(done)`: progress, up to
    `journal.size()`."""
    from app.services import contacts, records  # (they note into the journal: no cycle)

    result = Undone()
    done = 0
    for rid, (entity, before), rec in _as_they_are(tx, journal.before):
        if rec is not None and not rec["deleted"] and not rec.get("merged_into"):
            restore = {}
            for f, old in before.items():
                now = rows.current(rec, f)
                if now == journal.after[rid][f]:
                    restore[f] = old
                elif now != old:  # (equal: a record whose savepoint rolled back)
                    result.kept_later_edits += 1
            if restore and records.update_loaded(tx, entity, rec, restore):
                result.restored[entity] += 1
        done += 1
        if step is not None:
            step(done)
    for cid, old in journal.photos.items():
        if rows.load(tx.session, "contact", cid) is not None:
            if old is None:
                contacts.detach(tx, cid, "photo")
            else:
                contacts.attach(tx, cid, "photo", *old)
        done += 1
        if step is not None:
            step(done)
    for entity in sorted(set(journal.created.values()), key=_ORDER.__getitem__):
        ids = [rid for rid, e in journal.created.items() if e == entity]
        result.deleted[entity] = len(records.delete_many(tx, entity, ids, _after(step, done)))
        done += len(ids)
    for key, old in journal.mappings.items():
        row = tx.session.get(ImportMapping, key)
        if row is not None and old is None:
            tx.session.delete(row)
        elif row is not None:
            row.mapping = dict(old)
    tx.session.flush()
    return result


def _as_they_are(tx: Tx, before: dict[str, tuple[str, dict[str, Any]]]):
    """(id, (entity, values before), the record now) for each, read 500 at a time (a re-import
    of an edited sheet updates everyone in it)."""
    items = list(before.items())
    for i in range(0, len(items), 500):
        chunk = items[i:i + 500]
        now: dict[str, dict[str, Any]] = {}
        for entity in {e for _, (e, _) in chunk}:
            now.update(rows.load_many(tx.session, entity,
                                      [rid for rid, (e, _) in chunk if e == entity]))
        for rid, kept in chunk:
            yield rid, kept, now.get(rid)


def _after(step: Callable[[int], None] | None, done: int) -> Callable[[int], None] | None:
    """`step`, counting on from `done`."""
    return None if step is None else lambda n: step(done + n)
