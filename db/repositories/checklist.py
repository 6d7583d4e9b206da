"""A client's document checklist: what to bring for the measures that apply, and what came in."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.errors import NotFoundError
from db.models import CHECKLIST_STATUSES, ChecklistItem, Client
from db.records import ChecklistRecord
from db.repositories import audit
from db.types import utc_now


def _record(row: ChecklistItem) -> ChecklistRecord:
    return ChecklistRecord(
        row.id,
        row.client_id,
        row.measure_id,
        row.document,
        row.status,
        row.updated_at,
        row.updated_by,
    )


def of_client(session: Session, client_id: int) -> list[ChecklistRecord]:
    query = (
        select(ChecklistItem)
        .where(ChecklistItem.client_id == client_id)
        .order_by(ChecklistItem.measure_id, ChecklistItem.id)
    )
    return [_record(row) for row in session.scalars(query)]


def add_missing(
    session: Session, client_id: int, documents: Iterable[tuple[str, str]], actor: str
) -> list[ChecklistRecord]:
    """Add the (measure id, document) pairs not yet on the list as ``needed``; return the list."""
    if session.get(Client, client_id) is None:
        raise NotFoundError(f"client #{client_id} does not exist (deleted?)")
    present = {(item.measure_id, item.document) for item in of_client(session, client_id)}
    added = []
    for measure_id, document in documents:
        if (measure_id, document) in present:
            continue
        present.add((measure_id, document))
        session.add(
            ChecklistItem(
                client_id=client_id,
                measure_id=measure_id,
                document=document,
                status="needed",
                updated_by=actor,
            )
        )
        added.append(measure_id)
    if added:
        session.flush()
        audit.record(session, actor, "checklist.extended", client_id, measures=sorted(set(added)))
    return of_client(session, client_id)


def set_status(session: Session, item_id: int, status: str, actor: str) -> ChecklistRecord:
    if status not in CHECKLIST_STATUSES:
        raise ValueError(f"status: '{status}' is not one of {', '.join(CHECKLIST_STATUSES)}")
    row = session.get(ChecklistItem, item_id)
    if row is None:
        raise NotFoundError(f"checklist item #{item_id} does not exist")
    if row.status != status:
        row.status = status
        row.updated_by = actor
        row.updated_at = utc_now()
        audit.record(session, actor, "checklist.status", row.client_id, item=row.id, status=status)
    return _record(row)
