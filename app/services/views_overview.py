"""Cheap questions the desktop app asks at start-up (no full-table counts)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Company, Contact


def is_empty(session: Session) -> bool:
    """No live contact and no live company yet (the first-run screen)."""
    for model in (Contact, Company):
        found = session.scalar(select(model.id).where(
            model.deleted.is_(False), model.merged_into.is_(None)).limit(1))
        if found is not None:
            return False
    return True
