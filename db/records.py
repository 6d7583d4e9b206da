"""Plain, frozen records handed out of the persistence layer: never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class ClientRecord:
    id: int
    name: str
    credit_code: str | None
    zone: str | None
    profile: dict[str, Any]  # the answered keys only: an absent key is unknown
    version: int
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str


@dataclass(frozen=True)
class RevisionRecord:
    """One saved state of a client's profile."""

    client_id: int
    version: int
    profile: dict[str, Any]
    change: str
    changed_at: datetime
    changed_by: str


@dataclass(frozen=True)
class PackRef:
    id: str
    version: str
    sha256: str


@dataclass(frozen=True)
class AssessmentSummary:
    id: int
    client_id: int
    client_version: int
    as_of: date
    lang: str
    pack: PackRef
    counts: dict[str, int]  # verdict -> number of measures
    created_at: datetime
    created_by: str


@dataclass(frozen=True)
class AssessmentRecord:
    """A saved assessment, exactly as it was computed."""

    summary: AssessmentSummary
    verdicts: dict[str, str]  # measure id -> verdict
    answer: dict[str, Any]  # the JSON answer of CONTRACT.md, frozen

    @property
    def id(self) -> int:
        return self.summary.id


@dataclass(frozen=True)
class VerdictCheckRecord:
    """The client's assessment ``assessment_id`` was checked against ``pack`` on ``as_of`` and
    gives the same verdicts: no new assessment was saved."""

    client_id: int
    assessment_id: int
    pack: PackRef
    as_of: date
    checked_at: datetime
    checked_by: str


@dataclass(frozen=True)
class ClientSummary:
    """A row of the roster: the client and its latest assessment, if any."""

    client: ClientRecord
    latest: AssessmentSummary | None


@dataclass(frozen=True)
class NoteRecord:
    id: int
    client_id: int
    kind: str
    body: str
    due_on: date | None
    done_at: datetime | None
    created_at: datetime
    created_by: str


@dataclass(frozen=True)
class ChecklistRecord:
    id: int
    client_id: int
    measure_id: str
    document: str
    status: str
    updated_at: datetime
    updated_by: str


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime
    actor: str
    action: str
    client_id: int | None
    detail: dict[str, Any]


@dataclass(frozen=True)
class RosterRow:
    """A line of the roster screen: the client's identity, its latest assessment's counts and
    its open follow-ups; read in one query so 10,000 of them load quickly."""

    client_id: int
    name: str
    credit_code: str | None
    zone: str | None
    version: int
    assessed_at: datetime | None  # when the latest assessment was made; None: never assessed
    assessed_as_of: date | None
    eligible: int | None  # None when never assessed (unknown, not zero)
    needs_info: int | None
    pack_sha256: str | None
    follow_ups_due: int  # open follow-ups due on or before the date asked for
    next_follow_up: date | None  # the earliest due date of an open follow-up, due or not
    # the pack the latest assessment's verdicts were since checked against and found unchanged
    checked_sha256: str | None = None

    def made_with_other_rules(self, pack_sha256: str) -> bool:
        """Assessed, but neither with the pack ``pack_sha256`` nor checked against it since."""
        return self.pack_sha256 is not None and pack_sha256 not in (
            self.pack_sha256,
            self.checked_sha256,
        )
