"""The tables, as SQLAlchemy 2 typed models. The schema itself is made by the migrations.

A client's ``profile`` is the JSON dict of the keys that were answered (``Profile.to_json_dict``):
an absent key is unknown, which stays distinct from ``null`` and ``[]``. ``name``, ``name_key``,
``credit_code`` and ``zone`` are copies of profile answers, kept as columns for searching and for
the uniqueness of credit codes. Every save of a profile adds a ``client_revisions`` row, and
``version`` is the optimistic lock: an UPDATE names the version it read, so a save based on a
stale copy changes no row and is refused.

No two clients are one company, even when two desks add it at the same moment: the database
refuses the second. A credit code is unique; a client without one holds its normalised name in
``name_claim``, unique too, so a namesake without a code is refused as well. ``name_claim`` is
NULL for a client with a credit code (two companies may share a name, their codes tell them apart)
and for a namesake the user confirmed is another company.

An assessment is frozen: ``answer`` is the JSON answer (``rules.answer.assessment_json``) as it
was computed, with the pack's id, version and SHA-256 beside it, so it reads the same after the
pack changed. ``verdicts`` (measure -> verdict) and the four counts let a roster or a diff work
without decompressing answers.

A verdict check records that a client's latest assessment was checked against a newer pack (the
whole roster re-assessed after a pack update) and found to give the same verdicts: no new
assessment is saved for it, and the roster no longer shows it as made with older rules.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from db.types import CompressedJson, JsonDocument, UtcDateTime, utc_now

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

NOTE_KINDS = ("note", "visit", "follow_up")
CHECKLIST_STATUSES = ("needed", "received", "not_needed")


# Ids are never reused, on SQLite too (AUTOINCREMENT): the audit log names clients by id and
# outlives them, so a new client must not take a deleted one's number.
NEVER_REUSE_IDS = {"sqlite_autoincrement": True}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Client(Base):
    __tablename__ = "clients"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), server_default="", index=True)
    name_claim: Mapped[str | None] = mapped_column(String(200), index=True, unique=True)
    credit_code: Mapped[str | None] = mapped_column(String(18), unique=True)
    zone: Mapped[str | None] = mapped_column(String(40), index=True)
    profile: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    created_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_by: Mapped[str] = mapped_column(String(100))

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's declared form


class ClientRevision(Base):
    """One saved state of a client's profile: the history of its edits."""

    __tablename__ = "client_revisions"
    __table_args__ = (UniqueConstraint("client_id", "version"), NEVER_REUSE_IDS)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    profile: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    change: Mapped[str] = mapped_column(String(20))
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    changed_by: Mapped[str] = mapped_column(String(100))


class Assessment(Base):
    __tablename__ = "assessments"
    __table_args__ = (Index("ix_assessments_client_id_id", "client_id", "id"), NEVER_REUSE_IDS)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    client_version: Mapped[int] = mapped_column(Integer)
    as_of: Mapped[date] = mapped_column(Date)
    lang: Mapped[str] = mapped_column(String(8))
    pack_id: Mapped[str] = mapped_column(String(100))
    pack_version: Mapped[str] = mapped_column(String(50))
    pack_sha256: Mapped[str] = mapped_column(String(64))
    eligible: Mapped[int] = mapped_column(Integer)
    needs_info: Mapped[int] = mapped_column(Integer)
    not_eligible: Mapped[int] = mapped_column(Integer)
    not_applicable: Mapped[int] = mapped_column(Integer)
    verdicts: Mapped[dict[str, str]] = mapped_column(JsonDocument)
    answer: Mapped[dict[str, Any]] = mapped_column(CompressedJson)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    created_by: Mapped[str] = mapped_column(String(100))


class VerdictCheck(Base):
    """The client's assessment ``assessment_id`` gives the same verdicts under pack
    ``pack_sha256`` on ``as_of``: checked, nothing new saved. One row a client, the latest check;
    it speaks for that assessment only, so a newer assessment of the client makes it moot."""

    __tablename__ = "verdict_checks"

    client_id: Mapped[int] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), index=True
    )
    pack_id: Mapped[str] = mapped_column(String(100))
    pack_version: Mapped[str] = mapped_column(String(50))
    pack_sha256: Mapped[str] = mapped_column(String(64))
    as_of: Mapped[date] = mapped_column(Date)
    checked_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    checked_by: Mapped[str] = mapped_column(String(100))


class Note(Base):
    """A note, a visit at the desk, or a follow-up (a note with a due date, done or not)."""

    __tablename__ = "notes"
    __table_args__ = (
        CheckConstraint("kind IN ('note', 'visit', 'follow_up')", name="kind"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    body: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date | None] = mapped_column(Date)
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    created_by: Mapped[str] = mapped_column(String(100))


class ChecklistItem(Base):
    """A document a client has to provide for a measure, and whether it has been received."""

    __tablename__ = "checklist_items"
    __table_args__ = (
        UniqueConstraint("client_id", "measure_id", "document"),
        CheckConstraint("status IN ('needed', 'received', 'not_needed')", name="status"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    measure_id: Mapped[str] = mapped_column(String(10))
    document: Mapped[str] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(20))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_by: Mapped[str] = mapped_column(String(100))


class AuditEntry(Base):
    """Who changed what and when. No foreign key: the trail outlives a deleted client."""

    __tablename__ = "audit_log"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    client_id: Mapped[int | None] = mapped_column(Integer, index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
