"""Use cases of the client roster, shared by the CLI and the GUI: one transaction per action.

Clients are saved with their history and under an optimistic lock; duplicates are found by credit
code and normalised name; assessments are frozen (the JSON answer with the pack's id, version and
SHA-256) and compared by verdict; after a pack update the whole roster is re-assessed with the
compiled plan and only the clients whose verdicts changed get a new frozen assessment; the roster
imports and exports files and the whole database is backed up and restored. Everything handed
out is a plain record, never an ORM row.
"""

from __future__ import annotations

import getpass
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.services.clients_diff import VerdictDiff, diff_verdicts
from app.services.clients_files import ID_COLUMN, ClientFileError, Row, iter_rows, write_rows
from app.services.packs import active_pack
from app.services.roster_verdicts import (
    COMPILED_CHUNK,
    ImpactReport,
    parse_records,
    roster_impact,
    roster_pages,
    verdict_rows,
)
from db.backup import BackupInfo, restore_backup, write_backup
from db.engine import Database, default_url
from db.errors import (
    DatabaseError,
    DatabaseUnavailableError,
    DuplicateClientError,
    NotFoundError,
    SchemaError,
)
from db.migrate import open_database
from db.names import normalise_name
from db.records import (
    AssessmentRecord,
    AssessmentSummary,
    AuditRecord,
    ChecklistRecord,
    ClientRecord,
    ClientSummary,
    NoteRecord,
    PackRef,
    RevisionRecord,
    RosterRow,
)
from db.repositories import assessments, audit, checklist, clients, notes
from rules.answer import assessment_json
from rules.engine import assess
from rules.json_input import text_shown
from rules.pack import Pack
from rules.profile import Profile, ProfileError, parse_profile

log = logging.getLogger(__name__)
_CHUNK = 100
IMPORT_CHUNK = 500  # rows of a file saved in one transaction


def current_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


class AmbiguousClientError(NotFoundError):
    """A name matches several clients; ``candidates`` lists them."""

    def __init__(self, reference: str, candidates: list[ClientRecord]) -> None:
        names = "; ".join(f"#{c.id} {c.name}" for c in candidates[:10])
        super().__init__(f"'{reference}' matches {len(candidates)} clients: {names}")
        self.candidates = candidates


@dataclass(frozen=True)
class AssessmentOutcome:
    """A saved assessment and how its verdicts differ from the client's previous one."""

    client: ClientRecord
    saved: AssessmentSummary
    previous: AssessmentSummary | None
    diff: VerdictDiff | None  # None for a first assessment

    @property
    def changed(self) -> bool:
        return self.diff is not None and self.diff.changed


@dataclass
class ReassessReport:
    """What assessing clients did: the frozen assessments saved, the clients whose verdicts were
    checked and found unchanged (nothing saved for them), the stored profiles refused."""

    outcomes: list[AssessmentOutcome] = field(default_factory=list)  # the assessments saved
    failed: list[str] = field(default_factory=list)  # one line per problem of a refused profile
    unchanged: list[int] = field(default_factory=list)  # ids: same verdicts, no new assessment
    refused: int = 0  # clients whose stored profile is refused

    @property
    def changed(self) -> list[AssessmentOutcome]:
        """Saved assessments whose verdicts differ from the client's previous ones."""
        return [o for o in self.outcomes if o.changed]

    @property
    def first(self) -> list[AssessmentOutcome]:
        """Saved assessments of clients never assessed before."""
        return [o for o in self.outcomes if o.previous is None]

    @property
    def assessed(self) -> int:
        """Clients whose verdicts were worked out (refused ones aside)."""
        return len(self.outcomes) + len(self.unchanged)

    def add(self, other: ReassessReport) -> None:
        self.outcomes += other.outcomes
        self.failed += other.failed
        self.unchanged += other.unchanged
        self.refused += other.refused


@dataclass
class ImportReport:
    """What an import did. Clients are kept by id only, so a file of a million rows does not
    hold a million records in memory."""

    added: list[int] = field(default_factory=list)  # client ids
    updated: list[int] = field(default_factory=list)
    unchanged: int = 0
    refused: list[str] = field(default_factory=list)  # one line per problem, naming the row

    def merge(self, other: ImportReport) -> None:
        self.added += other.added
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.refused += other.refused


def _same_company(existing: ClientRecord, credit_code: str | None, name: str) -> bool:
    """Two records are one company when their credit codes agree, or when one lacks a code and
    their normalised names agree. Equal names with different codes are different companies."""
    if credit_code and existing.credit_code:
        return existing.credit_code == credit_code
    return normalise_name(existing.name) == normalise_name(name)


def _describe_duplicates(found: list[ClientRecord], credit_code: str | None) -> str:
    first = found[0]
    same_code = bool(credit_code) and first.credit_code == credit_code
    why = f"same credit code {credit_code}" if same_code else "same name once normalised"
    others = f" and {len(found) - 1} more" if len(found) > 1 else ""
    return f"already in the roster as client #{first.id} {text_shown(first.name)}{others} ({why})"


class ClientService:
    """The roster of one database, assessed with one pack."""

    def __init__(
        self,
        database: Database,
        pack: Pack | None = None,
        actor: str | None = None,
        lang: str = "zh",
    ) -> None:
        self.database = database
        self._pack = pack
        self.actor = actor or current_user()
        self.lang = lang

    @classmethod
    def open(cls, url: str | None = None, **options: Any) -> ClientService:
        """Open (and if needed upgrade) the database at ``url`` or the default one."""
        return cls(open_database(url or default_url()), **options)

    def close(self) -> None:
        self.database.dispose()

    @property
    def pack(self) -> Pack:
        if self._pack is None:
            self._pack = active_pack()
        return self._pack

    # -- clients -------------------------------------------------------------------------------

    def duplicates(self, profile: Profile, exclude_id: int | None = None) -> list[ClientRecord]:
        """Clients that are the same company as ``profile`` (credit code, or normalised name)."""
        with self.database.read() as session:
            found = clients.duplicates(session, profile.credit_code, profile.name, exclude_id)
        return [c for c in found if _same_company(c, profile.credit_code, profile.name)]

    def add_client(self, profile: Profile, allow_same_name: bool = False) -> ClientRecord:
        """Add a client; refused (DuplicateClientError) when it is already in the roster.

        ``allow_same_name`` lets through a client whose name matches another's when the user has
        confirmed they are different companies; a taken credit code is always refused.
        """
        with self.database.write() as session:
            found = [
                c
                for c in clients.duplicates(session, profile.credit_code, profile.name)
                if _same_company(c, profile.credit_code, profile.name)
            ]
            if allow_same_name:
                found = [c for c in found if c.credit_code and c.credit_code == profile.credit_code]
            if found:
                raise DuplicateClientError(
                    _describe_duplicates(found, profile.credit_code), [c.id for c in found]
                )
            return clients.add(
                session, profile.to_json_dict(), self.actor, same_name_confirmed=allow_same_name
            )

    def update_client(
        self, client_id: int, profile: Profile, expected_version: int
    ) -> ClientRecord:
        """Save ``profile`` over version ``expected_version``; refused (ConcurrentEditError) when
        someone saved the client since, and (DuplicateClientError) when the new credit code
        belongs to another client."""
        with self.database.write() as session:
            if profile.credit_code:
                taken = [
                    c
                    for c in clients.duplicates(
                        session, profile.credit_code, profile.name, client_id
                    )
                    if c.credit_code == profile.credit_code
                ]
                if taken:
                    raise DuplicateClientError(
                        _describe_duplicates(taken, profile.credit_code), [c.id for c in taken]
                    )
            return clients.update(
                session, client_id, profile.to_json_dict(), expected_version, self.actor
            )

    def delete_client(self, client_id: int, expected_version: int) -> None:
        with self.database.write() as session:
            clients.delete(session, client_id, expected_version, self.actor)

    def client(self, client_id: int) -> ClientRecord:
        with self.database.read() as session:
            return clients.get(session, client_id)

    def find(self, reference: str) -> ClientRecord:
        """The one client meant by an id, a credit code or a name; refused when none or several."""
        with self.database.read() as session:
            found = clients.by_reference(session, reference)
        if not found:
            raise NotFoundError(f"no client matches '{reference}'")
        if len(found) > 1:
            raise AmbiguousClientError(reference, found)
        return found[0]

    @staticmethod
    def profile_of(record: ClientRecord | RevisionRecord) -> Profile:
        """The stored profile as a validated Profile (absent keys stay unknown)."""
        return parse_profile(record.profile)

    def history(self, client_id: int) -> list[RevisionRecord]:
        with self.database.read() as session:
            return clients.history(session, client_id)

    def search(
        self,
        text: str | None = None,
        zone: str | None = None,
        limit: int | None = 200,
        offset: int = 0,
    ) -> list[ClientSummary]:
        """Roster rows matching a name, a credit code prefix and/or a zone, with each client's
        latest assessment."""
        with self.database.read() as session:
            found = clients.search(session, text, zone, limit, offset)
            latest = assessments.latest_summaries(session, [c.id for c in found])
        return [ClientSummary(c, latest.get(c.id)) for c in found]

    def roster(self, due_by: date) -> list[RosterRow]:
        """Every client as a roster line: latest assessment's counts and open follow-ups due on
        or before ``due_by`` (one query each, no profiles or answers read)."""
        with self.database.read() as session:
            return clients.roster(session, due_by)

    def count(self, text: str | None = None, zone: str | None = None) -> int:
        with self.database.read() as session:
            return clients.count(session, text, zone)

    def audit_trail(self, client_id: int | None = None) -> list[AuditRecord]:
        with self.database.read() as session:
            return audit.entries(session, client_id)

    # -- notes, follow-ups, checklist -----------------------------------------------------------

    def add_note(
        self, client_id: int, body: str, kind: str = "note", due_on: date | None = None
    ) -> NoteRecord:
        with self.database.write() as session:
            return notes.add(session, client_id, body, self.actor, kind, due_on)

    def notes(self, client_id: int) -> list[NoteRecord]:
        with self.database.read() as session:
            return notes.of_client(session, client_id)

    def complete_follow_up(self, note_id: int) -> NoteRecord:
        with self.database.write() as session:
            return notes.complete(session, note_id, self.actor)

    def open_follow_ups(self, due_by: date | None = None) -> list[NoteRecord]:
        with self.database.read() as session:
            return notes.open_follow_ups(session, due_by)

    def checklist(self, client_id: int) -> list[ChecklistRecord]:
        with self.database.read() as session:
            return checklist.of_client(session, client_id)

    def extend_checklist(self, assessment_id: int) -> list[ChecklistRecord]:
        """Add the documents of the measures an assessment found eligible to its client's list."""
        with self.database.write() as session:
            record = assessments.get(session, assessment_id)
            documents = [
                (result["measure"], document)
                for result in record.answer["results"]
                if result["verdict"] == "eligible"
                for document in result.get("documents", [])
            ]
            return checklist.add_missing(session, record.summary.client_id, documents, self.actor)

    def set_checklist_status(self, item_id: int, status: str) -> ChecklistRecord:
        with self.database.write() as session:
            return checklist.set_status(session, item_id, status, self.actor)

    # -- assessments ----------------------------------------------------------------------------

    def _answer(self, profile: Profile, as_of: date) -> dict[str, Any]:
        return assessment_json(assess(self.pack, profile, as_of), self.lang)

    def assess_client(self, client_id: int, as_of: date | None = None) -> AssessmentOutcome:
        """Assess the client's current profile with the current pack and save the result."""
        record = self.client(client_id)
        report = self._assess_records([record], as_of or date.today())
        if report.failed:
            raise ProfileError(report.failed)
        return report.outcomes[0]

    def _assess_records(self, records: list[ClientRecord], as_of: date) -> ReassessReport:
        report = ReassessReport()
        parsed = parse_records(records, report.failed)
        report.refused = len(records) - len(parsed)
        self._save_answers(parsed, as_of, report)
        return report

    def _save_answers(
        self, parsed: list[tuple[ClientRecord, Profile]], as_of: date, report: ReassessReport
    ) -> None:
        """The explaining engine's full answer for each client, saved (compute outside any
        transaction, then save in one), each compared with the client's previous verdicts."""
        answers = [(record, self._answer(profile, as_of)) for record, profile in parsed]
        with self.database.write() as session:
            before = assessments.latest_verdicts(session, [r.id for r, _ in answers])
            for record, answer in answers:
                saved = assessments.save(session, record.id, record.version, answer, self.actor)
                previous = before.get(record.id)
                diff = None
                if previous is not None:
                    verdicts = {r["measure"]: r["verdict"] for r in answer["results"]}
                    diff = diff_verdicts(previous[1], verdicts)
                report.outcomes.append(
                    AssessmentOutcome(record, saved, previous and previous[0], diff)
                )

    def assess_clients(
        self,
        client_ids: Iterable[int] | None = None,
        as_of: date | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> ReassessReport:
        """Assess the given clients (all when None) with the explaining engine and save every
        answer, changed or not (what ``clients assess NAME`` does for one client).

        Each chunk of clients is saved in its own transaction, so other desks are not held up
        and an interruption keeps what was done.
        """
        day = as_of or date.today()
        report = ReassessReport()
        for chunk in self._pages(client_ids, _CHUNK):
            report.add(self._assess_records(chunk, day))
            if progress is not None:
                progress(report.assessed + report.refused)
        return report

    def reassess(
        self,
        client_ids: Iterable[int] | None = None,
        as_of: date | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> ReassessReport:
        """Check the given clients (all when None) against the current pack; save a new frozen
        assessment only for those whose verdicts changed, and list them.

        The clients are read ``COMPILED_CHUNK`` at a time, and each chunk's verdicts come from
        one evaluation of the compiled plan, compared with each client's latest stored verdicts.
        A client never assessed, whose verdicts changed, or whose profile was edited since its
        latest assessment gets the explaining engine's full answer, saved as ``assess_client``
        saves it (``_CHUNK`` a transaction). For the others nothing is saved but a verdict check
        (one transaction a chunk): their latest assessment holds under this pack, so the roster
        no longer shows them as made with older rules.
        """
        day = as_of or date.today()
        pack = PackRef(self.pack.id, self.pack.version, self.pack.sha256)
        report = ReassessReport()
        for records in self._pages(client_ids, COMPILED_CHUNK):
            parsed = parse_records(records, report.failed)
            report.refused += len(records) - len(parsed)
            with self.database.read() as session:
                before = assessments.latest_verdicts(session, [r.id for r, _ in parsed])
            now = verdict_rows(self.pack, [profile for _, profile in parsed], day)
            to_save: list[tuple[ClientRecord, Profile]] = []
            checked: dict[int, int] = {}  # client id -> the assessment that still holds
            for (record, profile), verdicts in zip(parsed, now, strict=True):
                previous = before.get(record.id)
                if (
                    previous is None
                    or previous[1] != verdicts
                    or previous[0].client_version != record.version
                ):
                    to_save.append((record, profile))
                else:
                    checked[record.id] = previous[0].id
            for start in range(0, len(to_save), _CHUNK):
                self._save_answers(to_save[start : start + _CHUNK], day, report)
            if checked:
                with self.database.write() as session:
                    assessments.record_checks(session, checked, pack, day, self.actor)
                report.unchanged += list(checked)
            if progress is not None:
                progress(report.assessed + report.refused)
        return report

    def _pages(self, client_ids: Iterable[int] | None, size: int) -> Iterable[list[ClientRecord]]:
        """The clients (all when None), ``size`` at a time, each chunk read in one query."""
        if client_ids is None:
            yield from roster_pages(self.database, size)
            return
        ids = list(client_ids)
        for start in range(0, len(ids), size):
            with self.database.read() as session:
                yield clients.get_many(session, ids[start : start + size])

    def impact(
        self, old: Pack, new: Pack, as_of: date, progress: Callable[[int], None] | None = None
    ) -> ImpactReport:
        """How many clients' verdicts, measure by measure, would change from ``old`` to ``new``
        (the compiled plan over the stored profiles; nothing saved)."""
        return roster_impact(self.database, old, new, as_of, progress)

    def stale_clients(self) -> list[int]:
        """Clients never assessed, or last assessed with a pack other than the current one and
        not checked against it since (``reassess`` found their verdicts unchanged)."""
        with self.database.read() as session:
            stale = assessments.assessed_with_other_pack(session, self.pack.sha256)
            return sorted(stale + assessments.never_assessed(session))

    def assessment(self, assessment_id: int) -> AssessmentRecord:
        """A saved assessment exactly as it was made, whatever the pack is today."""
        with self.database.read() as session:
            return assessments.get(session, assessment_id)

    def assessments(self, client_id: int) -> list[AssessmentSummary]:
        with self.database.read() as session:
            clients.get(session, client_id)
            return assessments.of_client(session, client_id)

    def compare(self, earlier_id: int, later_id: int) -> VerdictDiff:
        with self.database.read() as session:
            earlier = assessments.get(session, earlier_id)
            later = assessments.get(session, later_id)
        return diff_verdicts(earlier.verdicts, later.verdicts)

    # -- files ----------------------------------------------------------------------------------

    def export_file(self, path: Path, headers: str = "key") -> int:
        """Write every client to ``path`` (.json, .jsonl, .csv, .xlsx); return how many."""
        with self.database.read() as session:
            rows = [{ID_COLUMN: c.id, **c.profile} for c in clients.iterate(session)]
        return write_rows(path, rows, headers)

    def import_file(
        self,
        path: Path,
        update: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportReport:
        """Import the clients of a file; refused rows are reported and the others imported.

        A row for a company already in the roster is refused, or with ``update`` its answers are
        saved over the stored ones as a new revision (keys the row leaves out keep their answers).
        The file is read as a stream and its valid rows saved ``IMPORT_CHUNK`` a transaction, so
        memory stays flat and other desks read the roster meanwhile. A chunk the database refuses
        is saved again row by row: the rows it refuses are reported by their place in the file and
        the others go in. When it refuses every row (a full disk, a lost server), the import stops
        with that error; what was saved before stays. ``progress(done, 0)`` is called as rows are
        saved (0: how many there are is not known before the end of the file), and
        ``progress(done, done)`` at the end.
        """
        report = ImportReport()
        seen: dict[str, str] = {}
        batch: list[tuple[str, Profile]] = []
        done = 0
        try:
            for row in iter_rows(path):
                accepted = self._valid_row(row, seen, report)
                if accepted is not None:
                    batch.append(accepted)
                if len(batch) >= IMPORT_CHUNK:
                    done += self._import_chunk(batch, update, report)
                    batch = []
                    if progress is not None:
                        progress(done, 0)
        except ClientFileError as error:
            if not (done or batch or report.refused):
                raise  # the file as a whole: nothing was read from it
            report.refused += error.problems  # read up to a row that cannot be read
        if batch:
            done += self._import_chunk(batch, update, report)
        if progress is not None:
            progress(done, done)
        return report

    def _valid_row(
        self, row: Row, seen: dict[str, str], report: ImportReport
    ) -> tuple[str, Profile] | None:
        data = {k: v for k, v in row.data.items() if k != ID_COLUMN}
        problems = list(row.problems)
        try:
            profile = parse_profile(data)
        except ProfileError as error:
            problems += [f"{row.label}: {p}" for p in error.problems]
        if problems:
            report.refused += problems
            return None
        key = profile.credit_code or f"name:{normalise_name(profile.name)}"
        if key in seen:
            report.refused.append(f"{row.label}: the same company as {seen[key]}")
            return None
        seen[key] = row.label
        return row.label, profile

    def _import_chunk(
        self, rows: list[tuple[str, Profile]], update: bool, report: ImportReport
    ) -> int:
        """Save ``rows`` in one transaction, or row by row if the database refuses it."""
        chunk = ImportReport()
        try:
            with self.database.write() as session:
                for label, profile in rows:
                    self._import_one(session, label, profile, update, chunk)
        except (DatabaseUnavailableError, SchemaError):
            raise
        except DatabaseError as refused:
            chunk = ImportReport()
            for label, profile in rows:
                single = ImportReport()
                try:
                    with self.database.write() as session:
                        self._import_one(session, label, profile, update, single)
                except (DatabaseUnavailableError, SchemaError):
                    raise
                except DatabaseError as error:
                    chunk.refused.append(f"{label}: the database refused this row: {error}")
                    continue
                chunk.merge(single)
            if len(rows) > 1 and len(chunk.refused) == len(rows):
                raise refused from None  # not one row's fault: none of the chunk went in
        report.merge(chunk)
        return len(rows)

    def _import_one(
        self, session: Session, label: str, profile: Profile, update: bool, report: ImportReport
    ) -> None:
        data = profile.to_json_dict()
        found = [
            c
            for c in clients.duplicates(session, profile.credit_code, profile.name)
            if _same_company(c, profile.credit_code, profile.name)
        ]
        if not found:
            try:
                report.added.append(clients.add(session, data, self.actor, change="imported").id)
            except DuplicateClientError as error:
                report.refused.append(f"{label}: {error}")
            return
        if not update or len(found) > 1:
            reason = _describe_duplicates(found, profile.credit_code)
            hint = "" if update else " (--update saves the file's answers over it)"
            report.refused.append(f"{label}: {reason}{hint}")
            return
        existing = found[0]
        merged = {**existing.profile, **data}  # a key the file leaves out keeps its answer
        if existing.profile == merged:
            report.unchanged += 1
            return
        report.updated.append(
            clients.update(
                session, existing.id, merged, existing.version, self.actor, "imported"
            ).id
        )

    # -- the whole database ---------------------------------------------------------------------

    def backup(self, path: Path) -> BackupInfo:
        return write_backup(self.database, path)

    def restore(self, path: Path, replace: bool = False) -> BackupInfo:
        return restore_backup(self.database, path, replace)
