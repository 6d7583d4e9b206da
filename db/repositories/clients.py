"""Clients: adding, editing under an optimistic lock with history, finding, searching."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.errors import ConcurrentEditError, DuplicateClientError, NotFoundError
from db.models import Assessment, Client, ClientRevision, VerdictCheck
from db.names import normalise_name, normalise_search
from db.records import ClientRecord, RevisionRecord, RosterRow
from db.repositories import audit, notes
from db.types import utc_now
from rules.json_input import text_shown


def to_record(row: Client) -> ClientRecord:
    return ClientRecord(
        id=row.id,
        name=row.name,
        credit_code=row.credit_code,
        zone=row.zone,
        profile=dict(row.profile),
        version=row.version,
        created_at=row.created_at,
        created_by=row.created_by,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
    )


def _label(row: Client) -> str:
    return f"client #{row.id} ({row.name})"


def _name_of(profile: dict[str, Any]) -> str:
    name = profile.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("a client's profile needs a name")
    return name


def _apply(row: Client, profile: dict[str, Any], same_name_confirmed: bool) -> None:
    """Copy the profile's answers into the row's columns, and claim its name (models.py)."""
    name = _name_of(profile)
    key = normalise_name(name)
    credit_code = profile.get("credit_code")
    # an edit keeps a confirmed namesake's missing claim while the name stays the same
    keeps_confirmation = row.id is not None and (row.name_claim, row.credit_code) == (None, None)
    keeps_confirmation = keeps_confirmation and row.name_key == key
    row.name, row.name_key, row.credit_code = name, key, credit_code
    row.zone = profile.get("zone")
    row.profile = dict(profile)
    if credit_code or not key or same_name_confirmed or keeps_confirmation:
        row.name_claim = None
    else:
        row.name_claim = key


def _is_duplicate(error: IntegrityError) -> bool:
    """Whether the database refused a second client with a taken credit code or name claim
    (SQLite names the column, PostgreSQL the constraint: both contain the column's name)."""
    said = str(error.orig)
    return "credit_code" in said or "name_claim" in said


def _duplicate(
    session: Session, credit_code: str | None, claim: str | None, exclude_id: int | None
) -> DuplicateClientError:
    """The refusal of a client another desk saved first, worded as the duplicate prompt's."""
    conditions = [Client.credit_code == credit_code] if credit_code else []
    if claim:
        conditions.append(Client.name_claim == claim)
    found = []
    if conditions:
        query = select(Client).where(or_(*conditions)).order_by(Client.id)
        if exclude_id is not None:
            query = query.where(Client.id != exclude_id)
        found = list(session.scalars(query))
    if not found:
        return DuplicateClientError(
            "another desk saved the same company at the same moment; nothing was saved", []
        )
    first = found[0]
    why = (
        f"same credit code {credit_code}"
        if credit_code and first.credit_code == credit_code
        else "same name once normalised"
    )
    others = f" and {len(found) - 1} more" if len(found) > 1 else ""
    return DuplicateClientError(
        f"already in the roster as client #{first.id} {text_shown(first.name)}{others} ({why})",
        [row.id for row in found],
    )


@contextmanager
def _saving(session: Session, row: Client, label: str) -> Iterator[None]:
    """Change ``row`` in the block and flush it in a savepoint, turning the database's refusals
    into ours: a client another desk added meanwhile is a duplicate, not an error."""
    credit_code: str | None = None
    claim: str | None = None
    row_id: int | None = None
    try:
        with session.begin_nested():
            yield
            credit_code, claim, row_id = row.credit_code, row.name_claim, row.id
            session.flush()
    except IntegrityError as error:
        if not _is_duplicate(error):
            raise
        # after the savepoint's rollback: PostgreSQL refuses queries in a failed transaction
        raise _duplicate(session, credit_code, claim, row_id) from None
    except StaleDataError:
        raise ConcurrentEditError(
            f"{label} was changed by someone else while you were saving it; nothing was "
            "saved: reopen it and apply your changes again"
        ) from None


def _add_revision(session: Session, row: Client, change: str, actor: str) -> None:
    session.add(
        ClientRevision(
            client_id=row.id,
            version=row.version,
            profile=dict(row.profile),
            change=change,
            changed_by=actor,
        )
    )


def add(
    session: Session,
    profile: dict[str, Any],
    actor: str,
    change: str = "created",
    same_name_confirmed: bool = False,
) -> ClientRecord:
    """Insert a client and its first revision. A taken credit code, or without a code a taken
    normalised name, raises DuplicateClientError; ``same_name_confirmed`` (the user said the
    namesake is another company) lets the second through."""
    row = Client(created_by=actor, updated_by=actor)
    with _saving(session, row, f"client {_name_of(profile)}"):
        _apply(row, profile, same_name_confirmed)
        session.add(row)
    _add_revision(session, row, change, actor)
    audit.record(session, actor, f"client.{change}", row.id, name=row.name)
    return to_record(row)


def _load(session: Session, client_id: int) -> Client:
    row = session.get(Client, client_id)
    if row is None:
        raise NotFoundError(f"client #{client_id} does not exist (deleted?)")
    return row


def _check_version(row: Client, expected_version: int) -> None:
    if row.version != expected_version:
        when = row.updated_at.strftime("%Y-%m-%d %H:%M UTC")
        raise ConcurrentEditError(
            f"{_label(row)} was changed by {row.updated_by} at {when} (now version "
            f"{row.version}, you opened version {expected_version}); nothing was saved: reopen "
            "it and apply your changes again"
        )


def update(
    session: Session,
    client_id: int,
    profile: dict[str, Any],
    expected_version: int,
    actor: str,
    change: str = "edited",
) -> ClientRecord:
    """Save a new profile over the one read at ``expected_version``, or refuse.

    The check happens twice: here against the row as read, and in the UPDATE itself, which names
    the version (``WHERE version = ?``) so a save racing another changes no row and is refused.
    """
    row = _load(session, client_id)
    _check_version(row, expected_version)
    before = dict(row.profile)
    if before == profile:
        return to_record(row)
    with _saving(session, row, _label(row)):  # flushes what is pending: change the row inside
        _apply(row, profile, same_name_confirmed=False)
        row.updated_by = actor
        row.updated_at = utc_now()
    _add_revision(session, row, change, actor)
    changed = sorted(
        k for k in before.keys() | profile.keys() if before.get(k, ...) != profile.get(k, ...)
    )
    audit.record(session, actor, f"client.{change}", row.id, version=row.version, keys=changed)
    return to_record(row)


def delete(session: Session, client_id: int, expected_version: int, actor: str) -> None:
    """Delete a client with its history, assessments, notes and checklist (the audit log stays)."""
    row = _load(session, client_id)
    _check_version(row, expected_version)
    name = row.name
    session.delete(row)
    session.flush()
    audit.record(session, actor, "client.deleted", client_id, name=name)


def get(session: Session, client_id: int) -> ClientRecord:
    return to_record(_load(session, client_id))


def duplicates(
    session: Session, credit_code: str | None, name: str, exclude_id: int | None = None
) -> list[ClientRecord]:
    """Clients with the same credit code or the same normalised name."""
    conditions = [Client.name_key == normalise_name(name)]
    if credit_code:
        conditions.append(Client.credit_code == credit_code)
    query = select(Client).where(or_(*conditions)).order_by(Client.id)
    if exclude_id is not None:
        query = query.where(Client.id != exclude_id)
    return [to_record(row) for row in session.scalars(query)]


def by_reference(session: Session, reference: str) -> list[ClientRecord]:
    """Clients a user means by ``reference``: an id (``12`` or ``#12``), a credit code, a name.

    An exact match wins over a normalised-name match, which wins over a partial name.
    """
    text = reference.strip()
    digits = text.removeprefix("#")
    if digits.isdigit() and len(digits) < 18:
        row = session.get(Client, int(digits))
        if row is not None:
            return [to_record(row)]
    for condition in (
        Client.credit_code == text.upper().replace(" ", ""),
        Client.name == text,
        Client.name_key == normalise_name(text),
    ):
        rows = list(session.scalars(select(Client).where(condition).order_by(Client.id)))
        if rows:
            return [to_record(row) for row in rows]
    return search(session, text, limit=20)


def _search_conditions(text: str | None, zone: str | None) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if zone:
        conditions.append(Client.zone == zone)
    if text and text.strip():
        key = normalise_search(text)
        code = text.strip().upper().replace(" ", "")
        conditions.append(
            or_(
                Client.name_key.contains(key, autoescape=True),
                Client.credit_code.startswith(code, autoescape=True),
            )
        )
    return conditions


def search(
    session: Session,
    text: str | None = None,
    zone: str | None = None,
    limit: int | None = 200,
    offset: int = 0,
) -> list[ClientRecord]:
    """Clients whose name contains ``text`` (compared normalised), or whose credit code starts
    with it, optionally in one zone; by name. ``limit=None``: all of them."""
    query = select(Client).where(*_search_conditions(text, zone))
    query = query.order_by(Client.name_key, Client.id)
    return [to_record(row) for row in session.scalars(query.limit(limit).offset(offset))]


def count(session: Session, text: str | None = None, zone: str | None = None) -> int:
    query = select(func.count()).select_from(Client).where(*_search_conditions(text, zone))
    return int(session.scalar(query) or 0)


def iterate(session: Session, batch: int = 500) -> Iterator[ClientRecord]:
    """Every client, by id, read in batches (for export and re-assessing all)."""
    last = 0
    while True:
        rows = list(
            session.scalars(select(Client).where(Client.id > last).order_by(Client.id).limit(batch))
        )
        if not rows:
            return
        yield from (to_record(row) for row in rows)
        last = rows[-1].id


def page(session: Session, after_id: int, limit: int) -> list[ClientRecord]:
    """Up to ``limit`` clients with an id above ``after_id``, by id (a roster read in chunks)."""
    query = select(Client).where(Client.id > after_id).order_by(Client.id).limit(limit)
    return [to_record(row) for row in session.scalars(query)]


def get_many(session: Session, client_ids: Iterable[int]) -> list[ClientRecord]:
    """The clients of ``client_ids`` that exist, by id, in one query."""
    ids = list(client_ids)
    if not ids:
        return []
    query = select(Client).where(Client.id.in_(ids)).order_by(Client.id)
    return [to_record(row) for row in session.scalars(query)]


def history(session: Session, client_id: int) -> list[RevisionRecord]:
    """Every saved state of the client's profile, oldest first."""
    _load(session, client_id)
    query = (
        select(ClientRevision)
        .where(ClientRevision.client_id == client_id)
        .order_by(ClientRevision.version)
    )
    return [
        RevisionRecord(
            r.client_id, r.version, dict(r.profile), r.change, r.changed_at, r.changed_by
        )
        for r in session.scalars(query)
    ]


def roster(session: Session, due_by: date) -> list[RosterRow]:
    """Every client as a roster line (by id): identity, latest assessment's counts, and open
    follow-ups due on or before ``due_by``. Reads no profile and no answer."""
    latest = (
        select(Assessment.client_id, func.max(Assessment.id).label("assessment_id"))
        .group_by(Assessment.client_id)
        .subquery()
    )
    query = (
        select(
            Client.id,
            Client.name,
            Client.credit_code,
            Client.zone,
            Client.version,
            Assessment.created_at,
            Assessment.as_of,
            Assessment.eligible,
            Assessment.needs_info,
            Assessment.pack_sha256,
            VerdictCheck.pack_sha256.label("checked_sha256"),
        )
        .outerjoin(latest, latest.c.client_id == Client.id)
        .outerjoin(Assessment, Assessment.id == latest.c.assessment_id)
        .outerjoin(
            VerdictCheck,
            (VerdictCheck.client_id == Client.id)
            & (VerdictCheck.assessment_id == latest.c.assessment_id),
        )
        .order_by(Client.id)
    )
    follow_ups = notes.follow_ups_by_client(session, due_by)
    rows = []
    for row in session.execute(query):
        due, first = follow_ups.get(row.id, (0, None))
        rows.append(
            RosterRow(
                client_id=row.id,
                name=row.name,
                credit_code=row.credit_code,
                zone=row.zone,
                version=row.version,
                assessed_at=row.created_at,
                assessed_as_of=row.as_of,
                eligible=row.eligible,
                needs_info=row.needs_info,
                pack_sha256=row.pack_sha256,
                follow_ups_due=due,
                next_follow_up=first,
                checked_sha256=row.checked_sha256,
            )
        )
    return rows
