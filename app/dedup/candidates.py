"""Every duplicate pair in the store, for the review queue and `satchel dedupe`.

Companies come from the blocking matcher (app.dedup.blocking) over the store's in-memory index,
never all pairs. Contacts are the same person on the rule every entrance uses (app.matching):
same e-mail, same phone, or same name at the same company; found by grouping on those keys in
SQL, so this too grows with the number of records, not pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations

from sqlalchemy.orm import Session

from app import normalize
from app.dedup import merge as merging
from app.dedup.blocking import find_pairs
from app.dedup.store_index import all_features

KINDS = ("company", "contact")
# A number or address shared by more people than this is a switchboard or a team mailbox,
# not one person: its members are not suggested as duplicates of each other.
SHARED_LIMIT = 4

Progress = Callable[[int, int], object] | None
Cancel = Callable[[], bool] | None


@dataclass(frozen=True)
class Candidate:
    kind: str  # company | contact
    a: str
    b: str
    score: float
    decision: str  # same | maybe
    reasons: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"kind": self.kind, "a": self.a, "b": self.b, "score": self.score,
                "decision": self.decision, "reasons": list(self.reasons)}


class _Stopped(Exception):
    pass


def find_candidates(session: Session, region: str | None = None, progress: Progress = None,
                    cancel: Cancel = None, kinds: Iterable[str] = KINDS) -> list[Candidate]:
    """Candidate pairs, companies first, each kind "same" before "maybe", best score first.
    Pairs the rep marked "not the same" are left out. `cancel()` returning True stops early
    (the pairs found so far are returned)."""
    region = region or session.info.get("region") or "US"
    kinds = tuple(kinds)
    out: list[Candidate] = []
    try:
        if "company" in kinds:
            out += _companies(session, region, progress, cancel)
        if "contact" in kinds and not (cancel and cancel()):
            out += _contacts(session)
    except _Stopped:
        pass
    return out


def _companies(session: Session, region: str, progress: Progress, cancel: Cancel
               ) -> list[Candidate]:
    feats = all_features(session, region)
    skip = merging.not_the_same_pairs(session, "company")

    def tick(done: int, total: int) -> None:
        if cancel and cancel():
            raise _Stopped
        if progress:
            progress(done, total)

    pairs = find_pairs(feats, skip=skip, progress=tick)
    return [Candidate("company", a, b, s.score, s.decision, list(s.reasons)) for a, b, s in pairs]


_CONTACT_KEYS = {
    # key → (SQL giving (contact_id, company_id, value), score, reason template)
    "email": ("SELECT c.id, e.address_norm FROM contact_email e JOIN contact c "
              "ON c.id = e.contact_id WHERE NOT c.deleted AND c.merged_into IS NULL "
              "AND e.address_norm != ''", 1.0, "same e-mail {}"),
    "phone": ("SELECT c.id, p.e164 FROM contact_phone p JOIN contact c "
              "ON c.id = p.contact_id WHERE NOT c.deleted AND c.merged_into IS NULL "
              "AND p.e164 != ''", 0.95, "same phone {}"),
    "name": ("SELECT id, company_id || '|' || sort_name FROM contact WHERE NOT deleted "
             "AND merged_into IS NULL AND company_id IS NOT NULL AND sort_name != ''",
             0.9, "same name at the same company"),
}


def _contacts(session: Session) -> list[Candidate]:
    con = session.connection().connection.driver_connection
    skip = merging.not_the_same_pairs(session, "contact")
    found: dict[tuple[str, str], tuple[float, list[str]]] = {}
    for kind, (sql, score, reason) in _CONTACT_KEYS.items():
        groups: dict[str, set[str]] = defaultdict(set)
        for cid, value in con.execute(sql):
            groups[value].add(cid)
        for value, ids in groups.items():
            if len(ids) < 2 or (len(ids) > SHARED_LIMIT and "name" not in reason):
                continue
            text = reason.format(normalize.phone_key_text(value) if kind == "phone" else value)
            for a, b in combinations(sorted(ids), 2):
                if (a, b) in skip:
                    continue
                best, reasons = found.get((a, b), (0.0, []))
                found[(a, b)] = (max(best, score), reasons + [text])
    out = [Candidate("contact", a, b, score, "same", reasons)
           for (a, b), (score, reasons) in found.items()]
    out.sort(key=lambda c: (-c.score, -len(c.reasons), c.a, c.b))
    return out
