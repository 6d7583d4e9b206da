"""The audit log: who did what, when, to which client."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditEntry
from db.records import AuditRecord


def record(session: Session, actor: str, action: str, client_id: int | None, **detail: Any) -> None:
    session.add(AuditEntry(actor=actor, action=action, client_id=client_id, detail=detail))


def entries(session: Session, client_id: int | None = None, limit: int = 500) -> list[AuditRecord]:
    """The newest entries first, of one client or of the whole database."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if client_id is not None:
        query = query.where(AuditEntry.client_id == client_id)
    return [
        AuditRecord(e.id, e.at, e.actor, e.action, e.client_id, dict(e.detail))
        for e in session.scalars(query)
    ]
