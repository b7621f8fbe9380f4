"""Wire models of the sync protocol (pydantic): what a client and HQ say to each other.

A change is one field of one record: (change_id, entity, record_id, field, value, hlc), with hlc
the encoded stamp of app/hlc.py (encoded stamps compare as strings in clock order). Every request
carries `protocol`; HQ answers an incompatible one with HTTP 426 and a "please update" message.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue, field_validator

from app import hlc

PROTOCOL_VERSION = 1
# Oldest client protocol this code still understands (bumped only on an incompatible change).
MIN_PROTOCOL_VERSION = 1

MAX_BATCH = 2000  # changes per push
# changes per pull page; one page is one local transaction on the client, and each commit costs
# a WAL write and a search-index flush: 15,000 took a 100k first sync 10% less CPU than 5,000
MAX_PAGE = 15_000
COMPAT_PAGE = 5000  # the largest page HQs before 2026-11-30 accept (they answer 422 above it)
DEFAULT_PAGE = 2000
MAX_BODY_BYTES = 16 * 1024 * 1024
MAX_VALUE_CHARS = 200_000

KIND_SET = "set"  # a field value
KIND_REMOVE = "remove"  # the record left the reader's team: drop it locally


def check_stamp(text: str) -> str:
    """An encoded HLC stamp in canonical form (so string order is clock order)."""
    try:
        stamp = hlc.Stamp.decode(text)
    except (ValueError, AttributeError):
        raise ValueError(f"not an HLC stamp: {text[:80]!r}") from None
    if stamp.wall_ms < 0 or stamp.counter < 0 or not stamp.node or len(stamp.node) > 32:
        raise ValueError(f"not an HLC stamp: {text[:80]!r}")
    if stamp.encode() != text:
        raise ValueError(f"HLC stamp not in canonical form: {text[:80]!r}")
    return text


def check_text(text: str) -> str:
    """Identifiers must be storable text everywhere (PostgreSQL refuses NUL characters)."""
    if "\x00" in text:
        raise ValueError("must not contain NUL characters")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode text") from None
    return text


def value_problem(value: Any, depth: int = 0) -> str | None:
    """Why a JSON value cannot be stored and sent back as-is, or None."""
    if depth > 16:
        return "is nested too deeply"
    if isinstance(value, str):
        try:
            check_text(value)
        except ValueError as exc:
            return str(exc)
    elif isinstance(value, float) and not math.isfinite(value):
        return "must be a finite number"
    elif isinstance(value, list):
        for item in value:
            if problem := value_problem(item, depth + 1):
                return problem
    elif isinstance(value, dict):
        for k, item in value.items():
            if problem := value_problem(k, depth + 1) or value_problem(item, depth + 1):
                return problem
    return None


_DATE_FIELDS = {"birthday", "close_date", "date", "due_date"}
_BOOL_FIELDS = {"deleted", "done"}
_ID_FIELDS = {"company_id", "contact_id", "opportunity_id", "merged_into"}
_STR_LISTS = {"tags", "websites"}
_ITEM_KEYS = {"emails": "address", "phones": "number"}


def field_problem(field: str, value: Any) -> str | None:
    """Why this value does not fit the field's wire type (see app/services/fields.py)."""
    if field in _BOOL_FIELDS:
        return None if isinstance(value, bool) else "must be true or false"
    if field in _ID_FIELDS:
        ok = value is None or (isinstance(value, str) and 0 < len(value) <= 36)
        return None if ok else "must be a record id or null"
    if field in _DATE_FIELDS:
        if value is None:
            return None
        try:
            dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            return "must be a date YYYY-MM-DD or null"
        return None
    if field == "amount":
        ok = value is None or (isinstance(value, int | float) and not isinstance(value, bool))
        return None if ok else "must be a number or null"
    if field in _STR_LISTS:
        ok = isinstance(value, list) and all(isinstance(x, str) for x in value)
        return None if ok else "must be a list of texts"
    if field in _ITEM_KEYS:
        key = _ITEM_KEYS[field]
        ok = isinstance(value, list) and all(
            isinstance(x, dict) and isinstance(x.get(key), str)
            and isinstance(x.get("kind", ""), str) for x in value)
        return None if ok else f"must be a list of {{{key}, kind}}"
    return None if isinstance(value, str) else "must be text"


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Change(_Wire):
    change_id: str = Field(min_length=1, max_length=80)
    entity: str = Field(min_length=1, max_length=32)
    record_id: str = Field(min_length=1, max_length=36)
    field: str = Field(min_length=1, max_length=64)
    value: JsonValue = None
    hlc: str = Field(min_length=1, max_length=64)

    @field_validator("hlc")
    @classmethod
    def _stamp(cls, v: str) -> str:
        return check_stamp(check_text(v))

    @field_validator("change_id", "entity", "record_id", "field")
    @classmethod
    def _text(cls, v: str) -> str:
        return check_text(v)


class PushRequest(_Wire):
    protocol: int
    batch_id: str = Field(min_length=1, max_length=80)
    # the pusher's pull cursor: an overwrite of a value it had not seen yet is a conflict
    cursor: int = Field(default=0, ge=0, le=2**62)
    changes: list[Change] = Field(max_length=MAX_BATCH)

    @field_validator("batch_id")
    @classmethod
    def _text(cls, v: str) -> str:
        return check_text(v)


ChangeStatus = Literal["accepted", "duplicate", "superseded", "rejected"]


class ChangeResult(_Wire):
    change_id: str
    status: ChangeStatus
    # the stamp HQ stored (differs from the sent one only when it was clamped)
    hlc: str | None = None
    # for "superseded": the value and stamp that won
    current_value: JsonValue = None
    current_hlc: str | None = None
    reason: str | None = None


class PushResponse(_Wire):
    protocol: int
    results: list[ChangeResult]
    server_hlc: str


class PullRequest(_Wire):
    protocol: int
    cursor: int = Field(default=0, ge=0, le=2**62)
    limit: int = Field(default=DEFAULT_PAGE, ge=1, le=MAX_PAGE)


class PulledChange(_Wire):
    seq: int
    kind: Literal["set", "remove"] = KIND_SET
    entity: str
    record_id: str
    field: str = ""
    value: JsonValue = None
    hlc: str = ""
    # set when this change overwrote a concurrent value of another replica: that replica keeps
    # its lost value in its conflict list
    replaced_hlc: str | None = None


class PullResponse(_Wire):
    protocol: int
    changes: list[PulledChange]
    cursor: int
    more: bool
    # the client's cursor is older than HQ's history: replace the local copy (keep pending work)
    reset: bool = False
    server_hlc: str


class MoveRequest(_Wire):
    protocol: int
    entity: str = Field(min_length=1, max_length=32)
    record_id: str = Field(min_length=1, max_length=36)
    team: str = Field(min_length=1, max_length=64)

    @field_validator("entity", "record_id", "team")
    @classmethod
    def _text(cls, v: str) -> str:
        return check_text(v)


class Health(_Wire):
    status: str
    protocol: int
    min_protocol: int
    server_hlc: str


class ErrorBody(_Wire):
    error: str
    code: str = "error"


def dump(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json")
