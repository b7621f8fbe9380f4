"""Synced fields: the one place that reads and writes them on rows, in their wire form.

Local services and sync's apply both write through `app.services.rows.apply`, so derived
columns (normalized name, E.164 phones, child e-mail/phone rows) never drift from the synced value.
Wire values are JSON: dates as 'YYYY-MM-DD', e-mails as [{"address", "kind"}], phones as
[{"number", "kind"}].
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app import normalize
from app.domain import Email, Phone

SYNC_FIELDS: dict[str, tuple[str, ...]] = {
    "company": ("name", "address", "phone", "website", "note", "tags", "deleted", "merged_into"),
    "contact": (
        "name", "family_name", "given_name", "title", "department", "company_id", "address",
        "note", "birthday", "emails", "phones", "websites", "tags", "deleted", "merged_into",
    ),
    "opportunity": (
        "title", "company_id", "contact_id", "amount", "currency", "stage", "close_date", "note",
        "deleted",
    ),
    "activity": (
        "kind", "subject", "body", "date", "due_date", "done", "contact_id", "company_id",
        "opportunity_id", "deleted",
    ),
}
_DATES = {"birthday", "close_date", "date", "due_date"}
LISTS = {"tags", "websites"}


def to_wire(field: str, value: Any) -> Any:
    """The canonical JSON form of a value given by a caller (dataclasses, dates, None...)."""
    if field in _DATES:
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value) if value else None
    if field == "emails":
        return [e for e in map(_email, value or ()) if e["address"]]
    if field == "phones":
        return [p for p in map(_phone, value or ()) if p["number"]]
    if field in LISTS:
        seen: dict[str, str] = {}
        for item in value or []:
            text = str(item).strip()
            if text:
                seen.setdefault(normalize.fold(text), text)
        return list(seen.values())
    if field in ("deleted", "done"):
        return bool(value)
    if field == "amount":
        return None if value in (None, "") else float(value)
    if field.endswith("_id") or field == "merged_into":
        return value or None
    return "" if value is None else str(value).strip()


def _email(e: Email | dict | str) -> dict[str, str]:
    if isinstance(e, Email):
        return {"address": e.address.strip(), "kind": e.kind}
    if isinstance(e, dict):
        return {"address": str(e.get("address", "")).strip(), "kind": e.get("kind") or "work"}
    return {"address": str(e).strip(), "kind": "work"}


def _phone(p: Phone | dict | str) -> dict[str, str]:
    if isinstance(p, Phone):
        return {"number": p.number.strip(), "kind": p.kind}
    if isinstance(p, dict):
        return {"number": str(p.get("number", "")).strip(), "kind": p.get("kind") or "work"}
    return {"number": str(p).strip(), "kind": "work"}
