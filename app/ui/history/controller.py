"""History, comparison, notes and follow-ups of the open client: the logic, without widgets.

Everything shown about a past visit comes from its frozen answer (``AssessmentRecord.answer``):
nothing is recomputed, so an old visit reads exactly as it did on the day, whatever the pack
and the profile are now. The controller loads and saves through ``ClientService`` in workers
and emits plain records; the views only draw them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.services.clients_diff import VerdictDiff
from app.ui.context import AppContext
from app.ui.core_messages import error_text
from app.ui.session import ClientSession
from app.ui.tasks import run_task
from db.errors import DatabaseError, NotFoundError
from db.records import AssessmentRecord, AssessmentSummary, NoteRecord, PackRef
from rules.explain import value_text
from rules.fields import PROFILE_FIELDS, field_info
from rules.pack import Pack

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

FOLLOW_UP_DAYS = 7  # a new follow-up is due a week after the as-of date unless changed


# -- small formatting helpers ---------------------------------------------------------------


def local_time(moment: datetime) -> str:
    """A stored UTC timestamp in the desk's local time, e.g. ``2026-11-26 14:05``."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def pack_label(pack: PackRef | dict[str, Any]) -> str:
    """``hubei-ftz-2021 0.1.0 · 65ffa5ea``: id, version and the start of the content hash."""
    if isinstance(pack, PackRef):
        pack = {"id": pack.id, "version": pack.version, "sha256": pack.sha256}
    short = str(pack.get("sha256", ""))[:8]
    return f"{pack.get('id', '?')} {pack.get('version', '?')} · {short}"


def question(key: str, lang: str) -> str:
    """The question that asks ``key`` in ``lang``; the key itself for one no longer known."""
    try:
        return field_info(key).question(lang)
    except KeyError:
        return key


def answer_text(key: str, value: Any, lang: str) -> str:
    """A stored answer in plain words; a key or value the current rules no longer know is shown
    as stored rather than refused (an old visit must always open)."""
    try:
        return value_text(key, value, lang)
    except (KeyError, TypeError, ValueError):
        return str(value)


def measure_title(result: dict[str, Any], pack: Pack, lang: str) -> str:
    """A measure's title in ``lang`` from the pack when it still has the measure, else as saved."""
    measure = pack.by_id.get(str(result.get("measure")))
    if measure is not None:
        return measure.title.get(lang)
    return str(result.get("title") or result.get("measure"))


# -- comparing two visits ---------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerChange:
    """One profile answer that differs between two visits (texts ready to show)."""

    key: str
    question: str
    before: str
    after: str


@dataclass(frozen=True)
class MeasureChange:
    measure: str
    number: int | None
    title: str
    before: str | None  # verdict, None: the measure was not in the earlier pack
    after: str | None  # verdict, None: the measure is not in the later pack


@dataclass(frozen=True)
class Comparison:
    earlier: AssessmentSummary
    later: AssessmentSummary
    gained: list[MeasureChange]
    lost: list[MeasureChange]
    other: list[MeasureChange]
    answers: list[AnswerChange]
    rules_changed: bool
    rules_text: str
    # what it was built from, so that a view can build it again in another language
    source: tuple[AssessmentRecord, AssessmentRecord, VerdictDiff] | None = None

    @property
    def unchanged(self) -> bool:
        return not (self.gained or self.lost or self.other or self.answers)


def _key_order(key: str) -> tuple[int, str]:
    keys = list(PROFILE_FIELDS)
    return (keys.index(key), key) if key in PROFILE_FIELDS else (len(keys), key)


def profile_changes(before: dict[str, Any], after: dict[str, Any], lang: str) -> list[AnswerChange]:
    """The answers that differ between two profiles (two visits' frozen ones, or my unsaved
    answers and those another desk saved), in the interview's order.

    An absent key is "not answered" (unknown), never "no": answering a question is a change.
    """
    not_answered = translate("History", "not answered")
    changes = []
    for key in sorted(before.keys() | after.keys(), key=_key_order):
        if key in before and key in after and before[key] == after[key]:
            continue
        changes.append(
            AnswerChange(
                key,
                question(key, lang),
                answer_text(key, before[key], lang) if key in before else not_answered,
                answer_text(key, after[key], lang) if key in after else not_answered,
            )
        )
    return changes


def rules_changed(earlier: dict[str, Any], later: dict[str, Any]) -> bool:
    return any(earlier.get(k) != later.get(k) for k in ("id", "version", "sha256"))


def rules_change_text(earlier: dict[str, Any], later: dict[str, Any]) -> str:
    """ "Same rules", or how the rule pack changed between two visits."""
    if not rules_changed(earlier, later):
        return translate("History", "Same rules: {pack}").format(pack=pack_label(later))
    if earlier.get("id") != later.get("id"):
        return translate("History", "The rule pack changed: {before} → {after}").format(
            before=pack_label(earlier), after=pack_label(later)
        )
    if earlier.get("version") != later.get("version"):
        return translate("History", "The rule pack changed: v{before} → v{after}").format(
            before=earlier.get("version"), after=later.get("version")
        )
    return translate(
        "History",
        "The rule pack's content changed under the same version {version}: {before} → {after}",
    ).format(
        version=later.get("version"),
        before=str(earlier.get("sha256", ""))[:8],
        after=str(later.get("sha256", ""))[:8],
    )


def build_comparison(
    earlier: AssessmentRecord,
    later: AssessmentRecord,
    diff: VerdictDiff,
    pack: Pack,
    lang: str,
) -> Comparison:
    """What changed from ``earlier`` to ``later``: measures gained, lost, otherwise moved; the
    answers that changed; and whether the rules changed."""
    results = {r["measure"]: r for r in earlier.answer.get("results", [])}
    results.update({r["measure"]: r for r in later.answer.get("results", [])})

    def change(measure: str, before: str | None, after: str | None) -> MeasureChange:
        result = results.get(measure, {"measure": measure})
        number = result.get("number")
        return MeasureChange(
            measure,
            int(number) if isinstance(number, int) else None,
            measure_title(result, pack, lang),
            before,
            after,
        )

    changes = [change(c.measure, c.before, c.after) for c in diff.changes]
    earlier_pack = earlier.answer.get("pack", {})
    later_pack = later.answer.get("pack", {})
    return Comparison(
        earlier.summary,
        later.summary,
        gained=[c for c in changes if c.after == "eligible"],
        lost=[c for c in changes if c.before == "eligible"],
        other=[c for c in changes if "eligible" not in (c.before, c.after)],
        answers=profile_changes(
            earlier.answer.get("profile", {}), later.answer.get("profile", {}), lang
        ),
        rules_changed=rules_changed(earlier_pack, later_pack),
        rules_text=rules_change_text(earlier_pack, later_pack),
        source=(earlier, later, diff),
    )


def pick_pair(summaries: list[AssessmentSummary], selected: list[int]) -> tuple[int, int] | None:
    """The (earlier, later) assessment ids to compare: the two selected; or the selected one
    with the visit before it; or, with nothing selected, the latest with the one before.
    None when there is no pair (fewer than two visits, or the first visit alone selected)."""
    ordered = sorted(summaries, key=lambda s: (s.created_at, s.id))
    ids = [s.id for s in ordered]
    chosen = [i for i in ids if i in set(selected)]
    if len(chosen) >= 2:
        return chosen[0], chosen[-1]
    if len(chosen) == 1:
        position = ids.index(chosen[0])
        return (ids[position - 1], chosen[0]) if position > 0 else None
    return (ids[-2], ids[-1]) if len(ids) >= 2 else None


# -- notes and follow-ups ---------------------------------------------------------------------


def default_due(as_of: date) -> date:
    return date.fromordinal(as_of.toordinal() + FOLLOW_UP_DAYS)


def note_problem(body: str) -> str:
    """Why a note cannot be saved, in plain words ("" when it can)."""
    if not body.strip():
        return translate("History", "Write something first: an empty note is not saved.")
    return ""


def follow_up_problem(body: str, due: date | None, today: date) -> str:
    """Why a follow-up cannot be saved ("" when it can). A due date in the past is refused: a
    follow-up is something still to do, and one already overdue is a note of a missed date."""
    if not body.strip():
        return translate(
            "History", "Write what is to be done first: an empty follow-up is not saved."
        )
    if due is None:
        return translate("History", "Choose the date the follow-up is due.")
    if due < today:
        return translate(
            "History", "The due date {due} is already past; choose {today} or a later date."
        ).format(due=due.isoformat(), today=today.isoformat())
    return ""


def follow_up_state(note: NoteRecord, today: date) -> str:
    """``done``, ``overdue``, ``due_today``, ``open`` (no date) or ``pending``."""
    if note.done_at is not None:
        return "done"
    if note.due_on is None:
        return "open"
    if note.due_on < today:
        return "overdue"
    if note.due_on == today:
        return "due_today"
    return "pending"


def follow_up_state_text(state: str) -> str:
    return {
        "done": translate("History", "Done"),
        "overdue": translate("History", "Overdue"),
        "due_today": translate("History", "Due today"),
        "open": translate("History", "Open"),
        "pending": translate("History", "Not yet due"),
    }[state]


def error_message(action: str, error: Exception) -> str:
    """A failure in plain words: what could not be done and, for a refusal of the database, why
    (its messages are written for users). Anything else is logged, and the user told so."""
    if isinstance(error, NotFoundError):
        reason = translate(
            "History", "the client or record no longer exists (deleted at another desk?)"
        )
    elif isinstance(error, DatabaseError | ValueError):
        reason = error_text(error)
    else:
        log.error("history: %s failed", action, exc_info=error)
        reason = translate("History", "an unexpected error; the details are in the log")
    return translate("History", "{action} failed: {reason}").format(action=action, reason=reason)


# -- the controller ------------------------------------------------------------------------------


class HistoryController(QObject):
    """Loads and saves what the history screen shows for ``session.record``.

    Results of a load that arrive after the user moved to another client are dropped.
    """

    assessments_loaded = Signal(list)  # [AssessmentSummary], newest first
    notes_loaded = Signal(list)  # [NoteRecord], newest first
    frozen_ready = Signal(object)  # AssessmentRecord
    comparison_ready = Signal(object)  # Comparison
    note_saved = Signal(object)  # NoteRecord (added or completed)
    failed = Signal(str)  # a plain-words message for the user
    busy_changed = Signal(bool)

    def __init__(
        self, session: ClientSession, context: AppContext, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.context = context
        self.summaries: list[AssessmentSummary] = []
        self.notes: list[NoteRecord] = []
        self._loaded_key: tuple[int, int] | None = None
        self._pending = 0
        session.saved.connect(lambda _record: self.reload())
        session.changed.connect(self._session_changed)
        context.service_changed.connect(self.reload)

    # -- state ------------------------------------------------------------------------------

    @property
    def client_id(self) -> int | None:
        return self.session.record.id if self.session.record is not None else None

    @property
    def today(self) -> date:
        return self.context.as_of

    def _session_changed(self) -> None:
        record = self.session.record
        key = (record.id, record.version) if record is not None else None
        if key != self._loaded_key:
            self.reload()

    def _run(self, fn: Any, *args: Any, on_done: Any, action: str) -> None:
        """Run ``fn`` in a worker; drop its result when the client changed meanwhile."""
        client_id = self.client_id
        self._pending += 1
        self.busy_changed.emit(True)

        def finish() -> bool:
            self._pending -= 1
            if not self._pending:
                self.busy_changed.emit(False)
            return client_id == self.client_id

        def done(value: Any) -> None:
            if finish():
                on_done(value)

        def failed(error: Exception) -> None:
            if finish():
                self.failed.emit(error_message(action, error))

        run_task(fn, *args, on_done=done, on_failed=failed)

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Load the client's visits and notes again (empty lists for an unsaved walk-in)."""
        record = self.session.record
        self._loaded_key = (record.id, record.version) if record is not None else None
        if record is None:
            self.summaries, self.notes = [], []
            self.assessments_loaded.emit([])
            self.notes_loaded.emit([])
            return
        service = self.context.service
        self._run(
            service.assessments,
            record.id,
            on_done=self._assessments_done,
            action=translate("History", "Loading the visits"),
        )
        self._load_notes()

    def _load_notes(self) -> None:
        client_id = self.client_id
        if client_id is None:
            return
        self._run(
            self.context.service.notes,
            client_id,
            on_done=self._notes_done,
            action=translate("History", "Loading the notes"),
        )

    def _assessments_done(self, summaries: list[AssessmentSummary]) -> None:
        self.summaries = list(summaries)
        self.assessments_loaded.emit(self.summaries)

    def _notes_done(self, notes: list[NoteRecord]) -> None:
        self.notes = list(notes)
        self.notes_loaded.emit(self.notes)

    # -- past visits ----------------------------------------------------------------------------

    def open_assessment(self, assessment_id: int) -> None:
        """Fetch a visit's frozen assessment; ``frozen_ready`` delivers it."""
        self._run(
            self.context.service.assessment,
            assessment_id,
            on_done=self.frozen_ready.emit,
            action=translate("History", "Opening the visit"),
        )

    def compare(self, selected: list[int]) -> str:
        """Start comparing two visits (see ``pick_pair``); ``comparison_ready`` delivers the
        result. Returns a plain-words reason when there is nothing to compare, else ""."""
        pair = pick_pair(self.summaries, selected)
        if pair is None:
            if len(self.summaries) < 2:
                return translate(
                    "History", "Compare needs two visits; this client has {count}."
                ).format(count=len(self.summaries))
            return translate(
                "History", "This is the first visit: there is none before it to compare with."
            )
        service = self.context.service

        def work(earlier_id: int, later_id: int) -> tuple[Any, Any, VerdictDiff]:
            return (
                service.assessment(earlier_id),
                service.assessment(later_id),
                service.compare(earlier_id, later_id),
            )

        def done(found: tuple[AssessmentRecord, AssessmentRecord, VerdictDiff]) -> None:
            earlier, later, diff = found
            self.comparison_ready.emit(
                build_comparison(earlier, later, diff, self.context.pack, self.context.lang)
            )

        self._run(work, *pair, on_done=done, action=translate("History", "Comparing the visits"))
        return ""

    # -- notes and follow-ups -------------------------------------------------------------------

    def add_note(self, body: str) -> str:
        """Save a note; returns why it was refused ("" when the save started)."""
        problem = note_problem(body) or self._no_client_problem()
        if problem:
            return problem
        self._save_note(body.strip(), "note", None)
        return ""

    def add_follow_up(self, body: str, due: date | None) -> str:
        """Save a follow-up due on ``due``; returns why it was refused ("" when saving)."""
        problem = follow_up_problem(body, due, self.today) or self._no_client_problem()
        if problem:
            return problem
        self._save_note(body.strip(), "follow_up", due)
        return ""

    def complete_follow_up(self, note_id: int) -> None:
        self._run(
            self.context.service.complete_follow_up,
            note_id,
            on_done=self._note_done,
            action=translate("History", "Marking the follow-up done"),
        )

    def _no_client_problem(self) -> str:
        if self.client_id is None:
            return translate(
                "History", "Save the client first: notes are kept with a saved client."
            )
        return ""

    def _save_note(self, body: str, kind: str, due: date | None) -> None:
        self._run(
            self.context.service.add_note,
            self.client_id,
            body,
            kind,
            due,
            on_done=self._note_done,
            action=translate("History", "Saving the note"),
        )

    def _note_done(self, note: NoteRecord) -> None:
        self.note_saved.emit(note)
        self.context.roster_changed.emit()  # the roster shows follow-ups that are due
        self._load_notes()
