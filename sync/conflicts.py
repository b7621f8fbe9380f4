"""The conflict list: local values that a newer remote value overwrote before they reached HQ.
Restoring one writes the local value again (a new local change, so it wins everywhere)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from app import search
from app.errors import NotFound
from app.models import ENTITIES, Conflict
from app.services import rows
from app.services.fields import to_wire
from app.store import Store


@dataclass(frozen=True)
class ConflictView:
    id: int
    entity: str
    record_id: str
    record_name: str
    field: str
    local_value: Any
    remote_value: Any
    local_hlc: str
    remote_hlc: str
    created_at: dt.datetime
    resolved: bool
    # for references (company_id, merged_into...): the names of the records, for display
    local_label: str = ""
    remote_label: str = ""

    def to_json(self) -> dict[str, Any]:
        d = dict(self.__dict__)
        d["created_at"] = self.created_at.isoformat(timespec="seconds")
        return d


def _name(row: Any) -> str:
    if row is None:
        return ""
    for attr in ("name", "title", "subject"):
        value = getattr(row, attr, "")
        if value:
            return str(value)
    return row.id


_REFS = {"company_id": "company", "contact_id": "contact", "opportunity_id": "opportunity"}


def _ref_label(s, entity: str, field: str, value: Any) -> str:
    target = entity if field == "merged_into" else _REFS.get(field)
    if not target or not isinstance(value, str):
        return ""
    return _name(s.get(ENTITIES[target], value))


def list_conflicts(store: Store, include_resolved: bool = False) -> list[ConflictView]:
    with store.read() as s:
        q = select(Conflict).order_by(Conflict.created_at.desc(), Conflict.id.desc())
        if not include_resolved:
            q = q.where(Conflict.resolved.is_(False))
        out = []
        for c in s.scalars(q):
            model = ENTITIES.get(c.entity)
            row = s.get(model, c.record_id) if model else None
            out.append(ConflictView(c.id, c.entity, c.record_id, _name(row), c.field,
                                    c.local_value, c.remote_value, c.local_hlc, c.remote_hlc,
                                    c.created_at, c.resolved,
                                    _ref_label(s, c.entity, c.field, c.local_value),
                                    _ref_label(s, c.entity, c.field, c.remote_value)))
        return out


def open_count(store: Store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(Conflict)
                        .where(Conflict.resolved.is_(False))) or 0


def restore(store: Store, conflict_id: int) -> None:
    """Put the local value back (recorded as a new change, so it syncs and wins)."""
    with store.write() as tx:
        s = tx.session
        c = s.get(Conflict, conflict_id)
        if c is None:
            raise NotFound(f"No conflict {conflict_id}.")
        rec = rows.load(s, c.entity, c.record_id)
        if rec is None:
            raise NotFound(f"The {c.entity} of this conflict no longer exists.")
        value = to_wire(c.field, c.local_value)
        if value != rows.current(rec, c.field):
            # a new local write (even on a deleted/merged record: the lost value may be the
            # very `deleted` flag), so it syncs and wins everywhere
            stamp = tx.new_stamp()
            rows.apply(s, c.entity, c.record_id, {c.field: value}, {c.field: stamp}, rec)
            tx.record(c.entity, c.record_id, {c.field: value}, stamp=stamp, clocks=False)
            search.reindex(s, c.entity, c.record_id)
        c.resolved = True
        tx.touched.add(c.entity)


def dismiss(store: Store, conflict_id: int) -> None:
    """Keep the remote value; the conflict leaves the list."""
    with store.write() as tx:
        c = tx.session.get(Conflict, conflict_id)
        if c is None:
            raise NotFound(f"No conflict {conflict_id}.")
        c.resolved = True
        tx.touched.add(c.entity)
