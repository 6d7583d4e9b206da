"""The interview of a walk-in: one question at a time, always the engine's most decisive one.

Plain logic, no widgets. The controller walks a ``ClientSession`` through four stages:

- ``identity``: the company's name (required) and credit code (optional, or "don't know");
- ``checking`` / ``duplicate``: the roster is searched for the same company in a worker; when it
  is there, the user opens the existing client or confirms it is a different company;
- ``question``: the open profile key whose answer settles the most open verdicts, skipping the
  keys answered "don't know" or skipped in this visit; Back returns to the previous question
  with the answer given, and answering again replaces it;
- ``finished``: no measure needs information, no question is left, or the user stopped. The
  answers given so far stay in the session whatever the way out.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.ui.context import AppContext
from app.ui.session import UNNAMED, ClientSession
from app.ui.tasks import run_task
from app.ui.widgets.base import UNKNOWN, InvalidInput
from db.records import ClientRecord
from rules.engine import Assessment, NextQuestion, assess
from rules.fields import PROFILE_FIELDS, FieldKind
from rules.interview import next_question, open_tags, question_keys
from rules.profile import ProfileError, parse_profile

log = logging.getLogger(__name__)

IDENTITY_KEYS: Final = ("name", "credit_code")
# Not engine questions: the name is asked at the identity step and no measure reads it.
_NEVER_ASKED: Final = frozenset({"name"})
_IDENTITY_STEP: Final = "(identity)"
WHY_TITLES: Final = 3  # measures named in "why we ask"


class Stage(StrEnum):
    IDENTITY = "identity"
    CHECKING = "checking"
    DUPLICATE = "duplicate"
    QUESTION = "question"
    FINISHED = "finished"


@dataclass(frozen=True)
class Question:
    """The question on screen."""

    key: str
    kind: FieldKind
    number: int  # 1 for the first engine question of this interview
    resolves: tuple[str, ...]  # open measures whose verdict the answer could change
    settles: tuple[str, ...]  # of those, the ones this answer alone would settle
    answer: Any  # the answer given before (when come back to), else UNKNOWN
    tags: list[str] | None  # for a tags field: the tags that still change an open verdict
    keys: tuple[str, ...] = ()  # for a group of yes/no keys asked at once: all of them

    @property
    def grouped(self) -> bool:
        return len(self.keys) > 1

    @property
    def impact(self) -> tuple[str, ...]:
        """The measures named to say why we ask: those it settles, else those it can change."""
        return self.settles or self.resolves


class DuplicatesModel(QAbstractListModel):
    """The roster's clients that may be the company being interviewed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.records: list[ClientRecord] = []

    def set_records(self, records: list[ClientRecord]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return len(self.records)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.records):
            return None
        record = self.records[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if record.credit_code:
                return self.tr("{name} · credit code {code} · client no. {id}").format(
                    name=record.name, code=record.credit_code, id=record.id
                )
            return self.tr("{name} · no credit code · client no. {id}").format(
                name=record.name, id=record.id
            )
        if role == Qt.ItemDataRole.UserRole:
            return record.id
        return None


class InterviewController(QObject):
    """The interview's logic over ``session``; the view shows ``stage`` and ``question``.

    Signals: ``question_changed`` after every step (the stage or the question changed);
    ``progress_changed`` when the counts may have changed; ``duplicate_found(list)`` with the
    ClientRecords the roster already holds for the company; ``open_existing(int)`` when the user
    chose one of them (the shell opens it); ``check_failed(str)`` when the roster could not be
    searched (the interview goes on); ``finished`` when the interview ends.
    """

    question_changed = Signal()
    progress_changed = Signal()
    duplicate_found = Signal(list)
    open_existing = Signal(int)
    check_failed = Signal(str)
    finished = Signal()

    def __init__(
        self, session: ClientSession, context: AppContext, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.context = context
        self.duplicates = DuplicatesModel(self)
        self.confirmed_different = False  # the user said a same-name client is another company
        self.stopped = False
        self._stage = Stage.IDENTITY
        self._skipped: set[str] = set()  # keys skipped in this interview
        self._history: list[str] = []  # the steps answered, in order (for Back)
        self._step_keys: dict[str, tuple[str, ...]] = {}  # a grouped step's keys (for Back)
        self._current: NextQuestion | None = None
        self._question: Question | None = None
        self._revisit: str | None = None  # a key come back to with Back
        self._acting = False
        self._memo: tuple[tuple[Any, ...], Assessment] | None = None
        session.changed.connect(self._session_changed)

    # -- what is shown ----------------------------------------------------------------------

    @property
    def stage(self) -> Stage:
        return self._stage

    @property
    def skipped(self) -> set[str]:
        """Keys skipped (not answered "don't know") in this interview."""
        return set(self._skipped)

    @property
    def excluded(self) -> set[str]:
        """Keys not to ask again: skipped, answered "don't know", or never asked."""
        return self._skipped | self.session.skipped | _NEVER_ASKED

    @property
    def question(self) -> Question | None:
        return self._question if self._stage == Stage.QUESTION else None

    @property
    def asked_count(self) -> int:
        """Engine questions answered, skipped or answered "don't know" so far."""
        return sum(1 for step in self._history if step != _IDENTITY_STEP)

    @property
    def open_count(self) -> int:
        return self.session.assessment.summary()["needs_info"]

    @property
    def eligible_count(self) -> int:
        return self.session.assessment.summary()["eligible"]

    @property
    def can_go_back(self) -> bool:
        return bool(self._history) and self._stage in (Stage.QUESTION, Stage.FINISHED)

    @property
    def can_resume(self) -> bool:
        """Whether a stopped interview still has a question to ask."""
        return (
            self._stage == Stage.FINISHED
            and self.open_count > 0
            and next_question(self.session.assessment, self.excluded) is not None
        )

    # -- texts (in the interface language) ---------------------------------------------------

    def question_text(self) -> str:
        question = self.question
        if question is None:
            return ""
        if question.grouped:
            return self.tr(
                "Which of these certificates or recognitions does the company hold? "
                "Answer each one; leave one blank if you don't know."
            )
        return PROFILE_FIELDS[question.key].question(self.context.lang)

    def unit_text(self) -> str:
        question = self.question
        return "" if question is None else PROFILE_FIELDS[question.key].unit(self.context.lang)

    def progress_text(self) -> str:
        if self._stage in (Stage.IDENTITY, Stage.CHECKING, Stage.DUPLICATE):
            return self.tr("New client · {open} measures still open").format(open=self.open_count)
        if self._stage == Stage.FINISHED:
            return self.tr(
                "{asked} questions answered · {open} measures still open · {eligible} eligible"
            ).format(asked=self.asked_count, open=self.open_count, eligible=self.eligible_count)
        return self.tr(
            "Question {number} · {open} measures still open · {eligible} eligible so far"
        ).format(number=self.asked_count + 1, open=self.open_count, eligible=self.eligible_count)

    def impact_text(self) -> str:
        question = self.question
        if question is None:
            return ""
        if len(question.settles) == 1:
            return self.tr("Answering this can settle 1 measure")
        if question.settles:
            return self.tr("Answering this can settle {count} measures").format(
                count=len(question.settles)
            )
        if len(question.resolves) == 1:
            return self.tr("Answering this can change 1 open measure")
        if question.resolves:
            return self.tr("Answering this can change {count} open measures").format(
                count=len(question.resolves)
            )
        return self.tr("You answered this before; a new answer replaces it")

    def why_text(self) -> str:
        """Which measures the question decides: their titles, at most three."""
        question = self.question
        if question is None or not question.impact:
            return ""
        titles = [self._title(measure_id) for measure_id in question.impact[:WHY_TITLES]]
        more = len(question.impact) - WHY_TITLES
        if more > 0:
            return self.tr("It decides: {measures} and {count} more").format(
                measures="; ".join(titles), count=more
            )
        return self.tr("It decides: {measures}").format(measures="; ".join(titles))

    def summary_text(self) -> str:
        counts = self.session.assessment.summary()
        if self.stopped and self.can_resume:
            head = self.tr("Interview stopped: {eligible} eligible, {open} still need information.")
        else:
            head = self.tr(
                "Interview complete: {eligible} eligible, {open} still need information."
            )
        return head.format(eligible=counts["eligible"], open=counts["needs_info"])

    def _title(self, measure_id: str) -> str:
        measure = next(m for m in self.context.pack.measures if m.id == measure_id)
        return self.tr("No. {number} {title}").format(
            number=measure.number, title=measure.title.get(self.context.lang)
        )

    # -- the identity step -------------------------------------------------------------------

    def start(self) -> None:
        """Begin: at the identity step when the session has no name, else at the questions."""
        self._skipped = set()
        self._history = []
        self._step_keys = {}
        self._revisit = None
        self.stopped = False
        self.confirmed_different = False
        self.duplicates.set_records([])
        if self.session.name:
            self._advance()
        else:
            self._set_stage(Stage.IDENTITY)

    def submit_identity(self, name: str, credit_code: Any = UNKNOWN) -> None:
        """Take the name (required) and the credit code (a string, or UNKNOWN for "don't know"),
        then search the roster for the same company in a worker. Raise InvalidInput with a
        translated message when the name is missing or an answer is refused."""
        if self._stage not in (Stage.IDENTITY, Stage.DUPLICATE):
            return
        if not isinstance(name, str) or not name.strip():
            raise InvalidInput(self.tr("Enter the company name: it is required."))
        self._acting = True
        try:
            self._take("name", name.strip())
            if credit_code is UNKNOWN or credit_code is None or credit_code == "":
                self.session.forget("credit_code", dont_know=True)
            else:
                self._take("credit_code", credit_code)
        finally:
            self._acting = False
        if not self._history or self._history[-1] != _IDENTITY_STEP:
            self._history = [_IDENTITY_STEP]
        self._check_duplicates()

    def _check_duplicates(self) -> None:
        self._set_stage(Stage.CHECKING)
        profile = parse_profile(
            {k: self.session.answers[k] for k in IDENTITY_KEYS if k in self.session.answers}
        )
        service = self.context.service
        record = self.session.record
        exclude = record.id if record is not None else None
        run_task(
            service.duplicates,
            profile,
            exclude,
            on_done=self._duplicates_checked,
            on_failed=self._duplicates_failed,
        )

    def _duplicates_checked(self, found: list[ClientRecord]) -> None:
        if self._stage != Stage.CHECKING:
            return  # the user stopped meanwhile
        self.duplicates.set_records(found)
        if found:
            self._set_stage(Stage.DUPLICATE)
            self.duplicate_found.emit(list(found))
        else:
            self._advance()

    def _duplicates_failed(self, error: Exception) -> None:
        log.warning("duplicate check failed: %s", error)
        if self._stage != Stage.CHECKING:
            return
        self.check_failed.emit(
            self.tr("The roster could not be searched for this company; the interview goes on.")
        )
        self._advance()

    def continue_as_new(self) -> None:
        """The user says the company found in the roster is another one: go on."""
        if self._stage != Stage.DUPLICATE:
            return
        self.confirmed_different = True
        self._advance()

    def choose_existing(self, client_id: int) -> None:
        """The user wants the client already in the roster: the shell opens it."""
        if self._stage != Stage.DUPLICATE:
            return
        self.stopped = True
        self._current = self._question = None
        self._set_stage(Stage.FINISHED)
        self.open_existing.emit(client_id)

    # -- the questions -----------------------------------------------------------------------

    def answer(self, value: Any) -> None:
        """Answer the current question; UNKNOWN is "don't know". Raise InvalidInput (nothing
        changes) when the answer is refused."""
        question = self.question
        if question is None:
            return
        if value is UNKNOWN:
            self.dont_know()
            return
        if question.grouped:
            self._answer_group(question, value)
            return
        if question.tags is not None and isinstance(value, list):
            # Tags not shown keep what was known of them: only the shown ones were asked.
            before = self.session.answers.get(question.key)
            hidden = [t for t in before or [] if t not in question.tags]
            value = hidden + [t for t in value if t not in hidden]
        self._acting = True
        try:
            self._take(question.key, value)
            self._skipped.discard(question.key)
        finally:
            self._acting = False
        self._step_done(question)

    def _answer_group(self, question: Question, value: Any) -> None:
        """Take a grouped answer ``{key: True | False | UNKNOWN}``; a key left UNKNOWN is
        "don't know". All or nothing: a refused answer changes nothing."""
        answers = value if isinstance(value, dict) else {}
        before = {k: self.session.answers[k] for k in question.keys if k in self.session.answers}
        self._acting = True
        try:
            for key in question.keys:
                given = answers.get(key, UNKNOWN)
                if given is UNKNOWN:
                    self.session.forget(key, dont_know=True)
                else:
                    self._take(key, given)
                self._skipped.discard(key)
        except InvalidInput:
            for key in question.keys:
                if key in before:
                    self.session.set_answer(key, before[key])
                else:
                    self.session.forget(key)
            raise
        finally:
            self._acting = False
        self._step_done(question)

    def dont_know(self) -> None:
        """The user does not know: the key stays unknown and is not asked again."""
        question = self.question
        if question is None:
            return
        self._acting = True
        try:
            for key in question.keys or (question.key,):
                self.session.forget(key, dont_know=True)
                self._skipped.discard(key)
        finally:
            self._acting = False
        self._step_done(question)

    def skip(self) -> None:
        """Go on without answering; an answer given before is kept. Not asked again."""
        question = self.question
        if question is None:
            return
        for key in question.keys or (question.key,):
            if key not in self.session.answers:
                self._skipped.add(key)
        self._step_done(question)

    def back(self) -> None:
        """Return to the previous step, showing the answer given there."""
        if not self.can_go_back:
            return
        step = self._history.pop()
        self.stopped = False
        if step == _IDENTITY_STEP:
            self._current = self._question = None
            self._revisit = None
            self._set_stage(Stage.IDENTITY)
            return
        self._revisit = step
        self._ask(self._question_for(step))

    def stop(self) -> None:
        """End now; the answers given so far stay in the session."""
        if self._stage == Stage.FINISHED:
            return
        self.stopped = True
        self._finish()

    def resume(self) -> None:
        """Go on with a stopped interview."""
        if self._stage == Stage.FINISHED and self.can_resume:
            self.stopped = False
            self._advance()

    # -- inside ------------------------------------------------------------------------------

    def _take(self, key: str, value: Any) -> None:
        try:
            self.session.set_answer(key, value)
        except ProfileError as error:
            log.info("answer to %s refused: %s", key, error.problems)
            raise InvalidInput(
                self.tr("This answer cannot be taken: {problem}").format(
                    problem="; ".join(error.problems)
                )
            ) from error

    def _step_done(self, question: Question) -> None:
        self._history.append(question.key)
        if question.grouped:
            self._step_keys[question.key] = question.keys
        self._revisit = None
        self._advance()

    def _advance(self) -> None:
        """Ask the most decisive open question, or finish when there is none."""
        assessment = self.session.assessment
        current = None
        if assessment.summary()["needs_info"]:
            current = next_question(assessment, self.excluded)
        if current is None:
            self._finish()
            return
        self._revisit = None
        self._ask(current)

    def _ask(self, current: NextQuestion) -> None:
        self._current = current
        self._question = self._make_question(current)
        self._set_stage(Stage.QUESTION)

    def _make_question(self, current: NextQuestion) -> Question:
        key = current.field
        answer = self.session.answers.get(key, UNKNOWN)
        kind = PROFILE_FIELDS[key].kind
        tags = None
        if kind == "tags":
            tags = open_tags(self._assessment_for(key), key)
            if isinstance(answer, list):  # an answer given before stays visible to change
                tags += [t for t in answer if t not in tags]
        keys = self._step_keys.get(key) if self._revisit == key else None
        if keys is None:
            keys = question_keys(self.session.assessment, key, self.excluded)
        if len(keys) > 1:
            answer = {k: self.session.answers[k] for k in keys if k in self.session.answers}
        return Question(
            key=key,
            kind=kind,
            number=self.asked_count + 1,
            resolves=current.resolves,
            settles=current.settles,
            answer=answer,
            tags=tags,
            keys=keys,
        )

    def _finish(self) -> None:
        self._current = None
        self._question = None
        self._revisit = None
        self._set_stage(Stage.FINISHED)
        self.finished.emit()

    def _set_stage(self, stage: Stage) -> None:
        self._stage = stage
        self.question_changed.emit()
        self.progress_changed.emit()

    def _assessment_for(self, key: str) -> Assessment:
        """The assessment the question on ``key`` is asked against: the session's, or for a
        key come back to, the session's without that answer."""
        if key not in self.session.answers:
            return self.session.assessment
        answers = {k: v for k, v in self.session.answers.items() if k != key}
        answers["name"] = self.session.answers.get("name") or UNNAMED
        memo = (key, repr(sorted(answers.items())), self.context.as_of)
        if self._memo is None or self._memo[0] != memo:
            found = assess(self.context.pack, parse_profile(answers), self.context.as_of)
            self._memo = (memo, found)
        return self._memo[1]

    def _question_for(self, key: str) -> NextQuestion:
        """What the engine said of ``key`` before it was answered (for Back)."""
        assessment = self._assessment_for(key)
        found = next((q for q in assessment.next_questions if q.field == key), None)
        return found or NextQuestion(key, ())

    def _session_changed(self) -> None:
        if self._acting:
            return
        # Changed from elsewhere (the profile editor): a current question answered there is
        # not asked again.
        if (
            self._stage == Stage.QUESTION
            and self._current is not None
            and self._revisit is None
            and self._current.field in self.session.answers
        ):
            self._advance()
            return
        self.progress_changed.emit()
