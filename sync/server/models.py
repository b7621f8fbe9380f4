"""HQ's tables (SQLAlchemy 2). Schema changes go through sync/server/migrations only.

hq_field holds the current value and stamp of every (entity, record, field); hq_change is the
log clients pull from, numbered by `seq` in commit order (see service.next_seqs).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class HqMeta(Base):
    __tablename__ = "hq_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class HqCounter(Base):
    """One row: the last server sequence number. Locked by every push until it commits, so
    sequence numbers follow commit order (a plain sequence would not)."""

    __tablename__ = "hq_counter"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class HqRep(Base):
    __tablename__ = "hq_rep"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    team: Mapped[str] = mapped_column(String(64), default="default")
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class HqToken(Base):
    """A device token: `<id>.<secret>`; only sha256(secret) is stored."""

    __tablename__ = "hq_token"
    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    rep_id: Mapped[int] = mapped_column(ForeignKey("hq_rep.id"), index=True)
    secret_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class HqRecord(Base):
    """Which team a record belongs to (reps see their team's records, admins all)."""

    __tablename__ = "hq_record"
    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    team: Mapped[str] = mapped_column(String(64), index=True)


class HqField(Base):
    __tablename__ = "hq_field"
    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    field: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    hlc: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(BigInteger)
    # the id a reference field (company_id, contact_id, opportunity_id) points at: merges
    # re-point references through this index
    ref: Mapped[str | None] = mapped_column(String(36), nullable=True)

    __table_args__ = (Index("ix_hq_field_ref", "field", "ref"),)


class HqChange(Base):
    __tablename__ = "hq_change"
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    change_id: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(8), default="set")  # set | copy | remove
    entity: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(64), default="")
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    hlc: Mapped[str] = mapped_column(String(64), default="")
    team: Mapped[str] = mapped_column(String(64))
    replaced_hlc: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        Index("ix_hq_change_team_seq", "team", "seq"),
        Index("ix_hq_change_record", "entity", "record_id", "field"),
    )


class HqBatch(Base):
    """The answer to each push batch, so a retried batch (lost response) is answered as before."""

    __tablename__ = "hq_batch"
    rep_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    response: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
