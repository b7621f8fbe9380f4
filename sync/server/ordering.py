"""The ordering lock of HQ: sequence numbers that follow commit order.

Every transaction that logs changes first locks the single hq_counter row (SELECT ... FOR UPDATE
on PostgreSQL; BEGIN IMMEDIATE already serializes writers on SQLite) and writes the new counter
value before it commits. Such transactions therefore run one at a time and hand out sequence
numbers in commit order; a reader that sees counter value N sees every change numbered <= N, so a
pull cursor can never jump over a change that commits later (a plain sequence would allow that:
two transactions can commit in the opposite order of their numbers).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.server.models import HqCounter


def lock_counter(s: Session) -> int:
    """Take the ordering lock (held until commit) and return the last sequence number."""
    return s.execute(
        select(HqCounter.value).where(HqCounter.id == 1).with_for_update()
    ).scalar_one()
