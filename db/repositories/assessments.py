"""Frozen assessments: saved as computed, read back unchanged, compared by their verdicts; and
verdict checks, which record that a client's latest assessment still holds under a newer pack."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session, defer

from db.errors import NotFoundError
from db.models import Assessment, Client, VerdictCheck
from db.records import AssessmentRecord, AssessmentSummary, PackRef, VerdictCheckRecord
from db.repositories import audit

VERDICTS = ("eligible", "needs_info", "not_eligible", "not_applicable")


def _without_answer() -> Any:
    """Listings need the columns, not the ~22 kB compressed answer."""
    return defer(Assessment.answer)


def _summary(row: Assessment) -> AssessmentSummary:
    return AssessmentSummary(
        id=row.id,
        client_id=row.client_id,
        client_version=row.client_version,
        as_of=row.as_of,
        lang=row.lang,
        pack=PackRef(row.pack_id, row.pack_version, row.pack_sha256),
        counts={
            "eligible": row.eligible,
            "needs_info": row.needs_info,
            "not_eligible": row.not_eligible,
            "not_applicable": row.not_applicable,
        },
        created_at=row.created_at,
        created_by=row.created_by,
    )


def _record(row: Assessment) -> AssessmentRecord:
    return AssessmentRecord(_summary(row), dict(row.verdicts), row.answer)


def _columns_of(answer: dict[str, Any]) -> dict[str, Any]:
    """What the columns hold, read off the answer itself so the two cannot disagree."""
    try:
        pack = answer["pack"]
        verdicts = {str(r["measure"]): str(r["verdict"]) for r in answer["results"]}
        summary = answer["summary"]
        return {
            "as_of": date.fromisoformat(answer["as_of"]),
            "lang": str(answer.get("lang", "zh")),
            "pack_id": str(pack["id"]),
            "pack_version": str(pack["version"]),
            "pack_sha256": str(pack["sha256"]),
            "verdicts": verdicts,
            **{verdict: int(summary[verdict]) for verdict in VERDICTS},
        }
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"not an assessment answer: {error!r} is missing or malformed") from None


def save(
    session: Session, client_id: int, client_version: int, answer: dict[str, Any], actor: str
) -> AssessmentSummary:
    """Store ``answer`` (the JSON of ``rules.answer.assessment_json``) for a client's profile."""
    row = Assessment(
        client_id=client_id,
        client_version=client_version,
        answer=answer,
        created_by=actor,
        **_columns_of(answer),
    )
    session.add(row)
    session.flush()
    audit.record(
        session, actor, "assessment.created", client_id, assessment=row.id, pack=row.pack_sha256
    )
    return _summary(row)


def get(session: Session, assessment_id: int) -> AssessmentRecord:
    row = session.get(Assessment, assessment_id)
    if row is None:
        raise NotFoundError(f"assessment #{assessment_id} does not exist")
    return _record(row)


def of_client(session: Session, client_id: int) -> list[AssessmentSummary]:
    """The client's assessments, newest first (without their answers)."""
    query = (
        select(Assessment)
        .where(Assessment.client_id == client_id)
        .order_by(Assessment.id.desc())
        .options(_without_answer())
    )
    return [_summary(row) for row in session.scalars(query)]


def latest(session: Session, client_id: int) -> AssessmentRecord | None:
    query = (
        select(Assessment)
        .where(Assessment.client_id == client_id)
        .order_by(Assessment.id.desc())
        .limit(1)
    )
    row = session.scalars(query).first()
    return None if row is None else _record(row)


def _latest_ids(client_ids: Iterable[int]) -> Any:
    return (
        select(func.max(Assessment.id))
        .where(Assessment.client_id.in_(list(client_ids)))
        .group_by(Assessment.client_id)
    )


def latest_summaries(session: Session, client_ids: Iterable[int]) -> dict[int, AssessmentSummary]:
    """The latest assessment of each of the clients that has one."""
    ids = list(client_ids)
    if not ids:
        return {}
    query = select(Assessment).where(Assessment.id.in_(_latest_ids(ids))).options(_without_answer())
    return {row.client_id: _summary(row) for row in session.scalars(query)}


def latest_verdicts(
    session: Session, client_ids: Iterable[int]
) -> dict[int, tuple[AssessmentSummary, dict[str, str]]]:
    """The latest assessment's summary and verdicts of each client that has one."""
    ids = list(client_ids)
    if not ids:
        return {}
    query = select(Assessment).where(Assessment.id.in_(_latest_ids(ids))).options(_without_answer())
    return {row.client_id: (_summary(row), dict(row.verdicts)) for row in session.scalars(query)}


def assessed_with_other_pack(session: Session, sha256: str) -> list[int]:
    """Ids of clients whose latest assessment was made with a pack other than ``sha256`` and
    has not been checked against it since (``record_checks``)."""
    latest_ids = select(func.max(Assessment.id)).group_by(Assessment.client_id)
    checked = select(VerdictCheck.client_id).where(
        VerdictCheck.assessment_id == Assessment.id, VerdictCheck.pack_sha256 == sha256
    )
    query = (
        select(Assessment.client_id)
        .where(Assessment.id.in_(latest_ids), Assessment.pack_sha256 != sha256, ~checked.exists())
        .order_by(Assessment.client_id)
    )
    return list(session.scalars(query))


def record_checks(
    session: Session, checked: dict[int, int], pack: PackRef, as_of: date, actor: str
) -> int:
    """Record that each client's assessment ``checked[client_id]`` gives the same verdicts under
    ``pack`` on ``as_of``; replaces the clients' earlier checks. An assessment deleted meanwhile
    (its client deleted by another desk) is skipped. Returns how many were recorded."""
    if not checked:
        return 0
    present = set(
        session.scalars(select(Assessment.id).where(Assessment.id.in_(list(checked.values()))))
    )
    rows = [
        {
            "client_id": client_id,
            "assessment_id": assessment_id,
            "pack_id": pack.id,
            "pack_version": pack.version,
            "pack_sha256": pack.sha256,
            "as_of": as_of,
            "checked_by": actor,
        }
        for client_id, assessment_id in sorted(checked.items())
        if assessment_id in present
    ]
    session.execute(delete(VerdictCheck).where(VerdictCheck.client_id.in_(list(checked))))
    if rows:
        session.execute(insert(VerdictCheck), rows)
        audit.record(
            session,
            actor,
            "assessments.checked",
            None,
            pack=pack.sha256,
            as_of=as_of.isoformat(),
            clients=[row["client_id"] for row in rows],
        )
    return len(rows)


def checks_of(session: Session, client_ids: Iterable[int]) -> dict[int, VerdictCheckRecord]:
    """The latest verdict check of each of the clients that has one."""
    ids = list(client_ids)
    if not ids:
        return {}
    query = select(VerdictCheck).where(VerdictCheck.client_id.in_(ids))
    return {
        row.client_id: VerdictCheckRecord(
            row.client_id,
            row.assessment_id,
            PackRef(row.pack_id, row.pack_version, row.pack_sha256),
            row.as_of,
            row.checked_at,
            row.checked_by,
        )
        for row in session.scalars(query)
    }


def never_assessed(session: Session) -> list[int]:
    query = (
        select(Client.id)
        .where(~select(Assessment.id).where(Assessment.client_id == Client.id).exists())
        .order_by(Client.id)
    )
    return list(session.scalars(query))
