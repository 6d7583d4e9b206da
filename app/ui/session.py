"""The client being worked on: its answers, its record in the roster, its live assessment.

One ``ClientSession`` is shared by the interview, the profile editor, the results and the detail
pane: each edit goes through it, it re-assesses at once (a few milliseconds) and emits
``changed``, and every view redraws from it. It holds only valid answers: a value is checked
before it is taken, and a refused value changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.services.clients import ClientService
from app.ui.context import AppContext
from app.ui.tasks import run_task
from db.records import ClientRecord
from rules.answer import assessment_json
from rules.engine import Assessment, assess
from rules.profile import PROFILE_KEYS, Profile, ProfileError, parse_profile

# The engine needs a name to build a profile; no measure reads it. A walk-in may be assessed
# before the name is asked, under this stand-in that is never saved (save requires a name).
UNNAMED = "—"


def check_answer(key: str, value: Any, answers: dict[str, Any] | None = None) -> list[str]:
    """The problems with ``value`` as the answer to ``key``, alone or, given the other
    ``answers``, together with them (a zone that contradicts the city); empty when valid."""
    if key not in PROFILE_KEYS:
        return [f"{key}: unknown key"]
    data = {**(answers or {}), "name": UNNAMED, key: value}
    if key == "name":
        data["name"] = value
    try:
        parse_profile(data)
    except ProfileError as error:
        return [p for p in error.problems if _concerns(p, key)]
    return []


def _concerns(problem: str, key: str) -> bool:
    """Whether a problem line names ``key`` (``employees: ...`` or ``zone, city: ...``)."""
    fields = problem.split(":", 1)[0]
    return key in (f.strip().split("[")[0] for f in fields.split(","))


class ClientSession(QObject):
    changed = Signal()  # the answers, the record or the assessment changed
    saved = Signal(object)  # ClientRecord, after a save landed

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.record: ClientRecord | None = None
        self.answers: dict[str, Any] = {}
        self.skipped: set[str] = set()  # keys answered "don't know" in this visit
        self.dirty = False
        self._assessment: Assessment | None = None
        self._answer: dict[str, Any] | None = None
        context.as_of_changed.connect(self.reassess)
        context.pack_changed.connect(self.reassess)
        context.language_changed.connect(self._language_changed)

    # -- what is shown ----------------------------------------------------------------------

    @property
    def name(self) -> str:
        return str(self.answers.get("name") or "")

    @property
    def profile(self) -> Profile:
        """The answers as a profile (the stand-in name while none is given)."""
        return parse_profile({**self.answers, "name": self.answers.get("name") or UNNAMED})

    @property
    def assessment(self) -> Assessment:
        if self._assessment is None:
            self._assessment = assess(self.context.pack, self.profile, self.context.as_of)
        return self._assessment

    @property
    def answer(self) -> dict[str, Any]:
        """The JSON answer (CONTRACT.md) with explanations, in the interface language."""
        if self._answer is None:
            self._answer = assessment_json(self.assessment, self.context.lang)
        return self._answer

    def result_json(self, measure_id: str) -> dict[str, Any]:
        return next(r for r in self.answer["results"] if r["measure"] == measure_id)

    # -- editing ------------------------------------------------------------------------------

    def start_walk_in(self) -> None:
        """An empty profile: nothing of the previous visitor is kept."""
        self.record = None
        self.answers = {}
        self.skipped = set()
        self.dirty = False
        self.reassess()

    def open(self, record: ClientRecord) -> list[str]:
        """Work on a saved client. A stored answer today's checks refuse (saved by an older
        version, e.g. a zone contradicting the city) is left out of the working answers, so the
        rest can be assessed; the refusals are returned to be shown. The stored record keeps it
        until the user saves."""
        self.record = record
        self.answers = dict(record.profile)
        self.skipped = set()
        self.dirty = False
        refused: list[str] = []
        try:
            parse_profile(self.answers)
        except ProfileError as error:
            refused = error.problems
            for problem in refused:
                for key in list(self.answers):
                    if key != "name" and _concerns(problem, key):
                        del self.answers[key]
        self.reassess()
        return refused

    def set_answer(self, key: str, value: Any) -> None:
        """Take ``value`` as the answer to ``key``; raise ProfileError (nothing changes) when
        it is refused."""
        problems = check_answer(key, value, self.answers)
        if problems:
            raise ProfileError(problems)
        self.skipped.discard(key)
        if self.answers.get(key, ...) == value and key in self.answers:
            return
        self.answers[key] = Profile.model_validate({"name": UNNAMED, key: value}).to_json_dict()[
            key
        ]
        self.dirty = True
        self.reassess()

    def forget(self, key: str, dont_know: bool = False) -> None:
        """Make ``key`` unknown again; ``dont_know`` records that it was asked."""
        if dont_know:
            self.skipped.add(key)
        if key in self.answers and key != "name":
            del self.answers[key]
            self.dirty = True
            self.reassess()
        elif dont_know:
            self.changed.emit()

    def reassess(self) -> None:
        self._assessment = None
        self._answer = None
        self.changed.emit()

    def _language_changed(self, _lang: str) -> None:
        self._answer = None
        self.changed.emit()

    # -- saving ---------------------------------------------------------------------------------

    def save(
        self,
        on_done: Callable[[ClientRecord], None] | None = None,
        on_failed: Callable[[Exception], None] | None = None,
        allow_same_name: bool = False,
    ) -> None:
        """Save the answers (add or update under the optimistic lock) and a frozen assessment,
        in a worker. Refusals (DuplicateClientError, ConcurrentEditError) go to ``on_failed``
        and leave the answers as they are."""
        if not self.name:
            raise ProfileError(["name: required"])
        profile = parse_profile(self.answers)
        service = self.context.service
        record, as_of = self.record, self.context.as_of

        def work() -> ClientRecord:
            return _save(service, record, profile, as_of, allow_same_name)

        def done(saved: ClientRecord) -> None:
            self.record = saved
            if self.answers == dict(saved.profile):
                self.dirty = False
            self.saved.emit(saved)
            self.context.roster_changed.emit()
            self.changed.emit()
            if on_done is not None:
                on_done(saved)

        run_task(work, on_done=done, on_failed=on_failed)


def _save(
    service: ClientService,
    record: ClientRecord | None,
    profile: Profile,
    as_of: Any,
    allow_same_name: bool,
) -> ClientRecord:
    if record is None:
        saved = service.add_client(profile, allow_same_name=allow_same_name)
    else:
        saved = service.update_client(record.id, profile, record.version)
    service.assess_client(saved.id, as_of)
    return saved
