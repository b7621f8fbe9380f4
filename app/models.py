"""SQLAlchemy 2 models of the local store. Schema changes go through Alembic migrations only."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Record:
    """Columns every synced entity has: a client-made id, per-field clocks and a tombstone."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # field name → encoded HLC stamp of the write that set it (per-field last-writer-wins)
    clocks: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Company(Record, Base):
    __tablename__ = "company"
    name: Mapped[str] = mapped_column(Text, default="")
    name_key: Mapped[str] = mapped_column(Text, default="", index=True)  # normalize.company_key
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    phone_e164: Mapped[str] = mapped_column(String(32), default="", index=True)
    website: Mapped[str] = mapped_column(Text, default="")
    domain: Mapped[str] = mapped_column(Text, default="", index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    merged_into: Mapped[str | None] = mapped_column(String(36), nullable=True)


class Contact(Record, Base):
    __tablename__ = "contact"
    name: Mapped[str] = mapped_column(Text, default="")
    sort_name: Mapped[str] = mapped_column(Text, default="", index=True)
    family_name: Mapped[str] = mapped_column(Text, default="")
    given_name: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text, default="")
    department: Mapped[str] = mapped_column(Text, default="")
    company_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("company.id"), nullable=True, index=True
    )
    address: Mapped[str] = mapped_column(Text, default="")  # own address; '' = the company's
    note: Mapped[str] = mapped_column(Text, default="")
    birthday: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    websites: Mapped[list[str]] = mapped_column(JSON, default=list)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    merged_into: Mapped[str | None] = mapped_column(String(36), nullable=True)

    emails: Mapped[list[ContactEmail]] = relationship(
        order_by="ContactEmail.position", cascade="all, delete-orphan", lazy="selectin"
    )
    phones: Mapped[list[ContactPhone]] = relationship(
        order_by="ContactPhone.position", cascade="all, delete-orphan", lazy="selectin"
    )

    # migration 0003: live contacts in list order, overall and per company
    __table_args__ = (
        Index("ix_contact_live_order", "sort_name", "id",
              sqlite_where=text("deleted = 0 AND merged_into IS NULL")),
        Index("ix_contact_live_company", "company_id", "sort_name", "id",
              sqlite_where=text("deleted = 0 AND merged_into IS NULL")),
    )


class ContactEmail(Base):
    __tablename__ = "contact_email"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(16), default="work")
    address: Mapped[str] = mapped_column(Text)  # as entered
    address_norm: Mapped[str] = mapped_column(Text, index=True)


class ContactPhone(Base):
    __tablename__ = "contact_phone"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(16), default="work")
    number: Mapped[str] = mapped_column(Text)  # as entered
    e164: Mapped[str] = mapped_column(String(32), default="", index=True)
    # last 7 digits of the national number: finds a number however its prefix was written
    tail: Mapped[str] = mapped_column(String(8), default="", index=True)


class Opportunity(Record, Base):
    __tablename__ = "opportunity"
    title: Mapped[str] = mapped_column(Text, default="")
    company_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("company.id"), nullable=True, index=True
    )
    contact_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("contact.id"), nullable=True, index=True
    )
    amount: Mapped[float | None] = mapped_column(Float, nullable=True)
    currency: Mapped[str] = mapped_column(String(3), default="")
    stage: Mapped[str] = mapped_column(String(16), default="lead")
    close_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class Activity(Record, Base):
    __tablename__ = "activity"
    kind: Mapped[str] = mapped_column(String(16), default="note")
    subject: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    date: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    due_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    contact_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("contact.id"), nullable=True, index=True
    )
    company_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("company.id"), nullable=True, index=True
    )
    opportunity_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("opportunity.id"), nullable=True, index=True
    )


class Tag(Base):
    """Known tag names (for autocomplete); records carry their tags as a list field."""

    __tablename__ = "tag"
    name_key: Mapped[str] = mapped_column(Text, primary_key=True)
    name: Mapped[str] = mapped_column(Text)


class Attachment(Base):
    """Binary things kept with a record: a contact's photo, the business card it came from."""

    __tablename__ = "attachment"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    owner_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # photo | card
    mime: Mapped[str] = mapped_column(String(64), default="")
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Outbox(Base):
    """Local writes not yet acknowledged by HQ: one row per record write (all its fields)."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    entity: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    hlc: Mapped[str] = mapped_column(String(64))
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)  # field → new value


class Meta(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Conflict(Base):
    """A local value that a newer remote value overwrote before it reached HQ."""

    __tablename__ = "conflict"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(64))
    local_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    local_hlc: Mapped[str] = mapped_column(String(64))
    remote_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    remote_hlc: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class MergeLog(Base):
    """One merge, with what Undo needs to restore both records exactly."""

    __tablename__ = "merge_log"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # company | contact
    survivor_id: Mapped[str] = mapped_column(String(36), index=True)
    loser_id: Mapped[str] = mapped_column(String(36), index=True)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class DedupDecision(Base):
    """'Not the same' answers from the review queue: never suggested again."""

    __tablename__ = "dedup_decision"
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    a_id: Mapped[str] = mapped_column(String(36), primary_key=True)  # a_id < b_id
    b_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    decision: Mapped[str] = mapped_column(String(16), default="not_same")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ImportMapping(Base):
    """Column mapping the rep chose for a CSV/Excel header set, reused next time."""

    __tablename__ = "import_mapping"
    header_key: Mapped[str] = mapped_column(Text, primary_key=True)
    mapping: Mapped[dict[str, str]] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


ENTITIES: dict[str, type[Base]] = {
    "company": Company,
    "contact": Contact,
    "opportunity": Opportunity,
    "activity": Activity,
}
