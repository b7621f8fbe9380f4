"""Merge two companies or two contacts, and undo it exactly.

    merge_id = merge(tx, "company", keep_id, loser_id)            # defaults field by field
    merge_id = merge(tx, "contact", keep_id, loser_id, {"title": "loser", "note": "typed"})
    unmerge(tx, merge_id)
    not_the_same(tx, "company", a_id, b_id)                        # never suggested again

A merge is ordinary writes through `app.services.records` (so every field change reaches the
sync outbox): the survivor gets the chosen values, the loser's children (contacts,
opportunities, activities) are re-pointed to the survivor, and the loser becomes a tombstone
with `merged_into`. A `MergeLog` row keeps the before-images of both records, the changes made
and the list of re-pointed children; `unmerge` writes them back the same way.

Undo reverts only what the merge changed: a field someone edited after the merge (or a child
moved elsewhere since) keeps the later value, and the result says which.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import normalize
from app.domain import birthday_iso
from app.errors import InvalidInput, NotFound
from app.ids import new_id
from app.models import DedupDecision, MergeLog, utcnow
from app.services import records, rows
from app.services.fields import SYNC_FIELDS
from app.store import Tx

KINDS = ("company", "contact")
# fields that can hold several values: both sides are kept, deduplicated by normalized form
MULTI: dict[str, tuple[str, ...]] = {
    "company": ("tags",),
    "contact": ("emails", "phones", "websites", "tags"),
}
# (child entity, field) that point at a record of this kind and follow it to the survivor
CHILDREN: dict[str, tuple[tuple[str, str], ...]] = {
    "company": (("contact", "company_id"), ("opportunity", "company_id"),
                ("activity", "company_id")),
    "contact": (("opportunity", "contact_id"), ("activity", "contact_id")),
}
_NOT_MERGED = ("deleted", "merged_into")  # state, not values to choose
JOINABLE = ("note",)  # free text that can also keep both sides, one after the other


def merge_fields(kind: str) -> tuple[str, ...]:
    """The fields a merge chooses, in display order."""
    return tuple(f for f in SYNC_FIELDS[kind] if f not in _NOT_MERGED)


@dataclass(frozen=True)
class FieldChoice:
    """One row of the merge dialog: both sides' values and what a merge does by default."""

    field: str
    keep_value: Any
    loser_value: Any
    default: str  # "keep" | "loser" | "both" (multi-valued fields with something to add)
    multi: bool
    merged_value: Any  # the survivor's value with the default choice

    @property
    def differs(self) -> bool:
        return self.keep_value != self.loser_value


@dataclass
class UnmergeResult:
    merge_id: str
    kind: str
    keep_id: str
    loser_id: str
    kept_later_edits: list[str] = field(default_factory=list)  # survivor fields edited since
    children_left: int = 0  # re-pointed children that were moved or deleted since

    def to_json(self) -> dict[str, Any]:
        return {"merge_id": self.merge_id, "kind": self.kind, "keep_id": self.keep_id,
                "loser_id": self.loser_id, "kept_later_edits": self.kept_later_edits,
                "children_left": self.children_left}


# -- choosing values ---------------------------------------------------------------------------

def _empty(value: Any) -> bool:
    return value in ("", None, [], False)


def _website_key(url: str) -> str:
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", normalize.fold(url))
    return text.removeprefix("www.").rstrip("/")


def _item_key(fld: str, item: Any, region: str) -> str:
    if fld == "emails":
        return normalize.normalize_email(item["address"])
    if fld == "phones":
        number = item["number"]
        return normalize.phone_identity(number, region) or number  # (an extension is its own)
    if fld == "websites":
        return _website_key(item)
    return normalize.fold(str(item))


def union(fld: str, first: list, second: list, region: str = "US") -> list:
    """`first`, then the items of `second` it does not already hold (by normalized form)."""
    seen = {_item_key(fld, item, region) for item in first}
    out = list(first)
    for item in second:
        key = _item_key(fld, item, region)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _loser_is_newer(keep: dict[str, Any], loser: dict[str, Any], fld: str) -> bool:
    a, b = keep["clocks"].get(fld, ""), loser["clocks"].get(fld, "")
    if a != b and a and b:
        return b > a  # encoded HLC stamps compare as strings
    return str(loser.get("updated_at") or "") > str(keep.get("updated_at") or "")


def _default(kind: str, fld: str, keep: dict, loser: dict, region: str) -> tuple[str, Any]:
    a, b = keep[fld], loser[fld]
    if fld in MULTI[kind]:
        merged = union(fld, a, b, region)
        return ("both" if merged != a else "keep"), merged
    if a == b or _empty(b):
        return "keep", a
    if _empty(a) or _loser_is_newer(keep, loser, fld):
        return "loser", b
    return "keep", a


def _pair(session: Session, kind: str, keep_id: str, loser_id: str) -> tuple[dict, dict]:
    if kind not in KINDS:
        raise InvalidInput(f"Only companies and contacts can be merged, not {kind!r}.")
    if keep_id == loser_id:
        raise InvalidInput(f"A {kind} cannot be merged with itself ({keep_id}).")
    loser = rows.load(session, kind, loser_id)
    if loser is not None and loser.get("merged_into"):
        raise InvalidInput(
            f"The {kind} {loser_id} was already merged into {loser['merged_into']}; "
            "undo that merge first, or merge into the survivor instead.")
    return records.live(session, kind, keep_id), records.live(session, kind, loser_id)


def choices_for(session: Session, kind: str, keep_id: str, loser_id: str) -> list[FieldChoice]:
    """What a merge of these two would do by default, field by field (for the merge dialog)."""
    keep, loser = _pair(session, kind, keep_id, loser_id)
    region = session.info.get("region", "US")
    out = []
    for fld in merge_fields(kind):
        default, merged = _default(kind, fld, keep, loser, region)
        out.append(FieldChoice(fld, keep[fld], loser[fld], default, fld in MULTI[kind], merged))
    return out


def _chosen(kind: str, keep: dict, loser: dict, choices: dict[str, Any], region: str
            ) -> dict[str, Any]:
    unknown = set(choices) - set(merge_fields(kind))
    if unknown:
        raise InvalidInput(f"A {kind} has no field {sorted(unknown)[0]!r} to choose; "
                           f"use one of: {', '.join(merge_fields(kind))}.")
    values: dict[str, Any] = {}
    for fld in merge_fields(kind):
        choice = choices.get(fld)
        if choice is None:
            values[fld] = _default(kind, fld, keep, loser, region)[1]
        elif isinstance(choice, str) and choice == "keep":
            values[fld] = keep[fld]
        elif isinstance(choice, str) and choice == "loser":
            values[fld] = loser[fld]
        elif isinstance(choice, str) and choice == "both" and fld in MULTI[kind]:
            values[fld] = union(fld, keep[fld], loser[fld], region)
        elif isinstance(choice, str) and choice == "both" and fld in JOINABLE:
            values[fld] = "\n\n".join(dict.fromkeys(v for v in (keep[fld], loser[fld]) if v))
        else:  # a value typed by the user
            values[fld] = choice
    return values


# -- merge and undo ----------------------------------------------------------------------------

def _snapshot(rec: dict[str, Any], kind: str) -> dict[str, Any]:
    return {f: rec[f] for f in SYNC_FIELDS[kind]}


def merge(tx: Tx, kind: str, keep_id: str, loser_id: str,
          choices: dict[str, Any] | None = None) -> str:
    """Merge `loser_id` into `keep_id`; returns the merge id (for `unmerge`).

    `choices` maps a field to "keep", "loser", "both" (multi-valued fields; notes: both
    texts, one after the other) or a value; fields
    left out take the default: the non-empty value, else the newer one; multi-valued fields
    keep both sides' values.
    """
    keep, loser = _pair(tx.session, kind, keep_id, loser_id)
    values = _chosen(kind, keep, loser, choices or {}, tx.region)
    survivor_changes = records.update(tx, kind, keep_id, values)
    moved: list[list[str]] = []
    con = rows.dbapi(tx.session)
    for entity, ref in CHILDREN[kind]:
        ids = [r[0] for r in con.execute(
            f"SELECT id FROM {entity} WHERE {ref} = ? AND NOT deleted"
            + (" AND merged_into IS NULL" if entity in KINDS else "") + " ORDER BY id",
            (loser_id,)).fetchall()]
        for child_id in ids:
            records.update(tx, entity, child_id, {ref: keep_id})
            moved.append([entity, child_id, ref])
    attachments = _move_attachments(con, kind, keep_id, loser_id)
    loser_changes = records.update(tx, kind, loser_id, {"merged_into": keep_id})
    merge_id = new_id()
    tx.session.add(MergeLog(
        id=merge_id, kind=kind, survivor_id=keep_id, loser_id=loser_id,
        snapshot={"keep": _snapshot(keep, kind), "loser": _snapshot(loser, kind),
                  "survivor_changes": survivor_changes, "loser_changes": loser_changes,
                  "children": moved, "attachments": attachments}))
    tx.session.flush()
    return merge_id


def _move_attachments(con, kind: str, keep_id: str, loser_id: str) -> list[str]:
    """The loser's photo / card image goes to the survivor when it has none of that kind."""
    if kind != "contact":
        return []
    have = {k for (k,) in con.execute("SELECT kind FROM attachment WHERE owner_id = ?",
                                      (keep_id,))}
    moved = [att_id for att_id, k in con.execute(
        "SELECT id, kind FROM attachment WHERE owner_id = ? ORDER BY id", (loser_id,)).fetchall()
        if k not in have]
    con.executemany("UPDATE attachment SET owner_id = ? WHERE id = ?",
                    [(keep_id, att_id) for att_id in moved])
    return moved


def get_merge(session: Session, merge_id: str) -> MergeLog:
    log = session.get(MergeLog, merge_id)
    if log is None:
        raise NotFound(f"No merge with id {merge_id}. `satchel merges` lists the recent ones.")
    return log


def unmerge(tx: Tx, merge_id: str) -> UnmergeResult:
    """Undo a merge: the loser comes back with its values and children, the survivor gets back
    the values it had before (fields edited since the merge keep their newer value)."""
    log = get_merge(tx.session, merge_id)
    if log.undone_at is not None:
        raise InvalidInput(f"The merge {merge_id} was already undone "
                           f"({log.undone_at:%Y-%m-%d %H:%M} UTC); nothing to do.")
    kind, keep_id, loser_id = log.kind, log.survivor_id, log.loser_id
    snap = log.snapshot
    keep = rows.load(tx.session, kind, keep_id)
    loser = rows.load(tx.session, kind, loser_id)
    if keep is None or loser is None:
        raise NotFound(f"The records of merge {merge_id} are no longer in this database.")
    if keep.get("merged_into"):
        later = tx.session.scalars(select(MergeLog.id).where(
            MergeLog.loser_id == keep_id, MergeLog.undone_at.is_(None))).first()
        hint = f" (merge {later})" if later else ""
        raise InvalidInput(f"The {kind} {keep_id} was itself merged into {keep['merged_into']} "
                           f"since{hint}; undo that merge first.")
    if loser.get("merged_into") != keep_id:
        raise InvalidInput(f"The {kind} {loser_id} is no longer merged into {keep_id}; "
                           "this merge cannot be undone.")
    result = UnmergeResult(merge_id, kind, keep_id, loser_id)
    # the loser first: children can only point at a live record
    records.update_tombstone(tx, kind, loser_id, {
        f: snap["loser"][f] for f in snap["loser_changes"]})
    for entity, child_id, ref in snap["children"]:
        child = rows.load(tx.session, entity, child_id)
        if (child is None or child["deleted"] or child.get("merged_into")
                or child[ref] != keep_id):
            result.children_left += 1
            continue
        records.update(tx, entity, child_id, {ref: loser_id})
    con = rows.dbapi(tx.session)
    con.executemany("UPDATE attachment SET owner_id = ? WHERE id = ? AND owner_id = ?",
                    [(loser_id, att_id, keep_id) for att_id in snap["attachments"]])
    restore = {}
    for fld, after in snap["survivor_changes"].items():
        if rows.current(keep, fld) == after:
            restore[fld] = snap["keep"][fld]
        else:
            result.kept_later_edits.append(fld)
    records.update_tombstone(tx, kind, keep_id, restore)
    log.undone_at = utcnow()
    tx.touched.add(kind)
    tx.session.flush()
    return result


def recent_merges(session: Session, limit: int = 20) -> list[MergeLog]:
    return list(session.scalars(select(MergeLog).order_by(MergeLog.created_at.desc(),
                                                          MergeLog.id.desc()).limit(limit)))


# -- "not the same" ----------------------------------------------------------------------------

def _ordered(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def not_the_same(tx: Tx, kind: str, a: str, b: str) -> None:
    """Remember that these two are different: the pair is never suggested again."""
    if kind not in KINDS:
        raise InvalidInput(f"Only companies and contacts are compared, not {kind!r}.")
    if a == b:
        raise InvalidInput(f"A {kind} is always the same as itself ({a}).")
    for rid in (a, b):
        if rows.load(tx.session, kind, rid) is None:
            raise NotFound(f"No {kind} with id {rid}.")
    a_id, b_id = _ordered(a, b)
    if tx.session.get(DedupDecision, (kind, a_id, b_id)) is None:
        tx.session.add(DedupDecision(kind=kind, a_id=a_id, b_id=b_id, decision="not_same"))
        tx.session.flush()


def is_not_the_same(session: Session, kind: str, a: str, b: str) -> bool:
    return session.get(DedupDecision, (kind, *_ordered(a, b))) is not None


def not_the_same_pairs(session: Session, kind: str) -> set[tuple[str, str]]:
    """Pairs (smaller id first) the user said are different."""
    return {(r.a_id, r.b_id) for r in session.scalars(
        select(DedupDecision).where(DedupDecision.kind == kind,
                                    DedupDecision.decision == "not_same"))}


# -- helpers for the command line and the dialogs ----------------------------------------------

def kind_of(session: Session, record_id: str) -> str | None:
    """"company" or "contact" for an id of either (None when it is neither)."""
    con = rows.dbapi(session)
    for kind in KINDS:
        if con.execute(f"SELECT 1 FROM {kind} WHERE id = ?", (record_id,)).fetchone():
            return kind
    return None


def child_counts(session: Session, kind: str, record_id: str) -> dict[str, int]:
    """How many live contacts / opportunities / activities point at this record."""
    con = rows.dbapi(session)
    out = {}
    for entity, ref in CHILDREN[kind]:
        extra = " AND merged_into IS NULL" if entity in KINDS else ""
        (n,) = con.execute(f"SELECT count(*) FROM {entity} WHERE {ref} = ? AND NOT deleted"
                           + extra, (record_id,)).fetchone()
        out[entity] = n
    return out


def display(session: Session, fld: str, value: Any) -> str:
    """A field's wire value as one line of text (company ids as names)."""
    if _empty(value):
        return ""
    if fld == "company_id":
        rec = rows.load(session, "company", value)
        return rec["name"] if rec else str(value)
    if fld == "birthday":  # (one without a year as --MM-DD, not in the year it is kept in)
        with contextlib.suppress(TypeError, ValueError):
            return birthday_iso(dt.date.fromisoformat(value))
    if fld == "emails":
        return ", ".join(e["address"] for e in value)
    if fld == "phones":
        return ", ".join(p["number"] for p in value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


@dataclass(frozen=True)
class Side:
    id: str
    name: str
    created_at: str
    counts: dict[str, int]  # live children by entity


@dataclass(frozen=True)
class PairView:
    """Two records side by side as text, for the review queue."""

    kind: str
    a: Side
    b: Side
    rows: list[tuple[str, str, str]]  # (field, a's text, b's text); fields both leave empty are out

    def suggested_keep(self) -> str:
        """The record to keep by default: the one with more attached, else the older one."""
        def weight(side: Side) -> tuple:
            return (-sum(side.counts.values()), side.created_at, side.id)
        return min(self.a, self.b, key=weight).id


def side_by_side(session: Session, kind: str, a_id: str, b_id: str) -> PairView | None:
    """None when either record is gone (deleted or merged since the pair was found)."""
    recs = [rows.load(session, kind, rid) for rid in (a_id, b_id)]
    if any(r is None or r["deleted"] or r.get("merged_into") for r in recs):
        return None
    a, b = recs
    lines = []
    for fld in merge_fields(kind):
        ta, tb = display(session, fld, a[fld]), display(session, fld, b[fld])
        if ta or tb:
            lines.append((fld, ta, tb))
    sides = [Side(r["id"], r["name"], str(r["created_at"]), child_counts(session, kind, r["id"]))
             for r in recs]
    return PairView(kind, sides[0], sides[1], lines)


def names(session: Session, kind: str, ids: list[str]) -> dict[str, str]:
    """id → name for many records at once (the review queue's list)."""
    return rows.names(rows.dbapi(session), kind, ids) if kind in KINDS else {}
