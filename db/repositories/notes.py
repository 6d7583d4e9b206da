"""Notes, visits and follow-ups of a client."""

from __future__ import annotations

from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from db.errors import NotFoundError
from db.models import NOTE_KINDS, Client, Note
from db.records import NoteRecord
from db.repositories import audit
from db.types import utc_now


def _record(row: Note) -> NoteRecord:
    return NoteRecord(
        row.id,
        row.client_id,
        row.kind,
        row.body,
        row.due_on,
        row.done_at,
        row.created_at,
        row.created_by,
    )


def add(
    session: Session,
    client_id: int,
    body: str,
    actor: str,
    kind: str = "note",
    due_on: date | None = None,
) -> NoteRecord:
    if kind not in NOTE_KINDS:
        raise ValueError(f"kind: '{kind}' is not one of {', '.join(NOTE_KINDS)}")
    if not body.strip():
        raise ValueError("a note needs some text")
    if session.get(Client, client_id) is None:
        raise NotFoundError(f"client #{client_id} does not exist (deleted?)")
    row = Note(client_id=client_id, kind=kind, body=body, due_on=due_on, created_by=actor)
    session.add(row)
    session.flush()
    audit.record(session, actor, f"{kind}.added", client_id, note=row.id)
    return _record(row)


def of_client(session: Session, client_id: int) -> list[NoteRecord]:
    """The client's notes, newest first."""
    query = select(Note).where(Note.client_id == client_id).order_by(Note.id.desc())
    return [_record(row) for row in session.scalars(query)]


def complete(session: Session, note_id: int, actor: str) -> NoteRecord:
    """Mark a follow-up done (done once: completing it again keeps the first time)."""
    row = session.get(Note, note_id)
    if row is None:
        raise NotFoundError(f"note #{note_id} does not exist")
    if row.done_at is None:
        row.done_at = utc_now()
        audit.record(session, actor, "follow_up.done", row.client_id, note=row.id)
    return _record(row)


def open_follow_ups(session: Session, due_by: date | None = None) -> list[NoteRecord]:
    """Follow-ups not done yet, the earliest due first; only those due by ``due_by`` if given."""
    query = (
        select(Note)
        .where(Note.kind == "follow_up", Note.done_at.is_(None))
        .order_by(Note.due_on, Note.id)
    )
    if due_by is not None:
        query = query.where(Note.due_on <= due_by)
    return [_record(row) for row in session.scalars(query)]


def follow_ups_by_client(session: Session, due_by: date) -> dict[int, tuple[int, date | None]]:
    """Per client with open follow-ups: how many are due on or before ``due_by``, and the
    earliest due date among them all (None when none has a date)."""
    due = func.sum(case((Note.due_on <= due_by, 1), else_=0))
    query = (
        select(Note.client_id, due, func.min(Note.due_on))
        .where(Note.kind == "follow_up", Note.done_at.is_(None))
        .group_by(Note.client_id)
    )
    return {cid: (int(count or 0), first) for cid, count, first in session.execute(query)}
