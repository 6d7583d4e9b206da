"""Three-valued evaluation of a pack against a profile, with a full trace.

Kleene logic: ``all`` fails if any child fails, else is unknown if any child is unknown; ``any``
dually; ``not`` swaps met and not met. An unanswered key is unknown, never false or zero. Every
condition is evaluated (no short-circuit) so the trace shows every value read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final, Literal, NamedTuple

from rules.derived import DERIVATIONS, Fact, derive
from rules.fields import PROFILE_FIELDS
from rules.inference import INFERRED_FROM, Inference, infer
from rules.pack import (
    AllOf,
    AnyOf,
    Condition,
    Criterion,
    Measure,
    Pack,
    Provision,
)
from rules.profile import PROFILE_KEYS, Profile
from rules.questions import question_cost, trial_values

Result = Literal["met", "not_met", "unknown"]
Verdict = Literal["eligible", "needs_info", "not_eligible", "not_applicable"]
Caveat = Literal["pending_national_approval", "pilot", "past_deadline", "before_issue"]

VERDICTS: Final[tuple[Verdict, ...]] = ("eligible", "needs_info", "not_eligible", "not_applicable")
_VERDICT_OF: Final[dict[Result, Verdict]] = {
    "met": "eligible",
    "unknown": "needs_info",
    "not_met": "not_eligible",
}
_FAVOUR: Final[dict[Result, int]] = {"met": 0, "unknown": 1, "not_met": 2}


class ConditionTrace(NamedTuple):
    """One condition as evaluated: what was read, against what, and where the notice says so.

    A named tuple rather than a dataclass: hundreds are made per assessment, and tuples are
    the cheapest immutable records Python builds.
    """

    condition: Condition
    provision_id: str
    value: Any
    known: bool
    threshold: Any
    result: Result
    derived: bool
    basis: str = ""  # what the value rests on (in Chinese, or language-neutral)
    needs: tuple[str, ...] = ()
    inference: Inference | None = None  # the value was inferred, not answered (rules.inference)
    basis_en: str = ""  # the basis in English, where it differs

    def basis_in(self, lang: str) -> str:
        return self.basis_en or self.basis if lang == "en" else self.basis


@dataclass(frozen=True)
class ProvisionResult:
    provision: Provision
    result: Result
    conditions: tuple[ConditionTrace, ...]
    missing: tuple[str, ...]


class MeasureResult:
    """One measure's verdict, what is missing, its caveats and its provisions' traces.

    The traces may be built on first use (``build``): a memoised assessment (rules.assessor)
    knows the verdict at once and writes out the trace only when someone reads it.
    """

    __slots__ = ("_build", "_provisions", "caveats", "measure", "missing", "settled_by", "verdict")

    def __init__(
        self,
        measure: Measure,
        verdict: Verdict,
        provisions: tuple[ProvisionResult, ...] | None,
        missing: tuple[str, ...],
        caveats: tuple[Caveat, ...],
        build: Callable[[], tuple[ProvisionResult, ...]] | None = None,
        settled_by: tuple[str, ...] = (),
    ) -> None:
        self.measure = measure
        self.verdict = verdict
        self.missing = missing
        self.caveats = caveats
        self.settled_by = settled_by  # missing keys whose answer alone would settle the verdict
        self._provisions = provisions
        self._build = build

    @property
    def provisions(self) -> tuple[ProvisionResult, ...]:
        if self._provisions is None:
            assert self._build is not None
            self._provisions, self._build = self._build(), None
        return self._provisions

    @property
    def best(self) -> ProvisionResult | None:
        """The most favourable provision, whose verdict the measure takes."""
        if not self.provisions:
            return None
        return min(self.provisions, key=lambda p: _FAVOUR[p.result])

    @property
    def conditions(self) -> tuple[ConditionTrace, ...]:
        return tuple(c for p in self.provisions for c in p.conditions)


class NextQuestion(NamedTuple):
    field: str
    resolves: tuple[str, ...]  # needs-info measures whose verdict this answer could change
    settles: tuple[str, ...] = ()  # of those, the ones this answer alone would settle


@dataclass(frozen=True)
class Assessment:
    pack: Pack
    as_of: date
    profile: Profile
    results: tuple[MeasureResult, ...]
    next_questions: tuple[NextQuestion, ...]
    derived: dict[str, Fact] = field(default_factory=dict)
    inferred: dict[str, Inference] = field(default_factory=dict)

    def summary(self) -> dict[Verdict, int]:
        counts: dict[Verdict, int] = dict.fromkeys(VERDICTS, 0)
        for result in self.results:
            counts[result.verdict] += 1
        return counts

    def result(self, measure_id: str) -> MeasureResult:
        return next(r for r in self.results if r.measure.id == measure_id)


class _Evaluation:
    """The state of one assessment: the answered facts, what they let a consultant infer for
    unanswered keys, and the derived facts computed so far."""

    def __init__(
        self, pack: Pack, facts: dict[str, Any], as_of: date, questions: bool = True
    ) -> None:
        self.pack = pack
        self.facts = facts
        self.inferred = infer(facts)
        # What derivations read: the answers, and inferences for keys left unanswered.
        self.known = {**{k: i.value for k, i in self.inferred.items()}, **facts}
        self.as_of = as_of
        self.questions = questions  # also work out which missing keys would settle a verdict
        self._trials: dict[tuple[str, str], _Evaluation] = {}
        self.derived: dict[str, Fact] = {}
        self._read: dict[str, Fact] = {}

    def read(self, name: str) -> Fact:
        fact = self._read.get(name)
        if fact is None:
            fact = self._read[name] = self._fact(name)
        return fact

    def _fact(self, name: str) -> Fact:
        # A derived fact given outright (pack lint tries them as free values) is taken as given;
        # profiles cannot hold derived names, since unknown keys are refused.
        if name in self.facts:
            return Fact(self.facts[name])
        inference = self.inferred.get(name)
        if inference is not None:
            return Fact(inference.value, basis=inference.basis_zh, inference=inference)
        if name in PROFILE_FIELDS:
            # An answer to a key an inference reads (unanswered, not itself inferred) could
            # settle this one too.
            sources = INFERRED_FROM.get(name, ())
            needs = (name, *(source for source in sources if source not in self.known))
            return Fact(known=False, needs=needs)
        self.derived[name] = derive(name, self.known, self.as_of)
        return self.derived[name]

    def threshold(self, condition: Condition) -> tuple[Any, Reference]:
        """The condition's threshold on the as-of date, and what it rests on (zh, en)."""
        if condition.param is None:
            return condition.value, ("", "")
        parameter = self.pack.manifest.parameters[condition.param]
        in_force = parameter.at(self.as_of)
        day = self.as_of.isoformat()
        if in_force is None:
            return None, (
                f"{condition.param}：评估基准日{day}尚未生效",
                f"{condition.param}: not yet in force on {day}",
            )
        return in_force.value, (in_force.reference, in_force.reference_en or in_force.reference)

    def condition(
        self, condition: Condition, provision_id: str, trace: list[ConditionTrace]
    ) -> tuple[Result, tuple[str, ...]]:
        fact = self.read(condition.field)
        threshold, reference = self.threshold(condition)
        if threshold is None:  # a parameter not yet in force: no answer can meet it
            result: Result = "not_met"
        elif not fact.known:
            result = "unknown"
        else:
            result = "met" if compare(condition.op, fact.value, threshold) else "not_met"
        trace.append(trace_of(condition, provision_id, fact, threshold, reference, result))
        return result, (fact.needs if result == "unknown" else ())

    def node(
        self, node: Criterion, provision_id: str, trace: list[ConditionTrace]
    ) -> tuple[Result, tuple[str, ...]]:
        if isinstance(node, Condition):
            return self.condition(node, provision_id, trace)
        if isinstance(node, AllOf | AnyOf):
            children = node.all if isinstance(node, AllOf) else node.any
            outcomes = [self.node(child, provision_id, trace) for child in children]
            deciding: Result = "not_met" if isinstance(node, AllOf) else "met"
            if any(result == deciding for result, _ in outcomes):
                return deciding, ()
            unknown = [missing for result, missing in outcomes if result == "unknown"]
            if unknown:
                return "unknown", tuple(dict.fromkeys(k for m in unknown for k in m))
            return ("met" if deciding == "not_met" else "not_met"), ()
        result, missing = self.node(node.negated, provision_id, trace)
        swapped: dict[Result, Result] = {"met": "not_met", "not_met": "met", "unknown": "unknown"}
        return swapped[result], missing

    def measure(self, measure: Measure) -> MeasureResult:
        provisions = []
        for provision in measure.provisions:
            trace: list[ConditionTrace] = []
            result, missing = self.node(provision.criteria, provision.id, trace)
            provisions.append(ProvisionResult(provision, result, tuple(trace), missing))
        if not provisions:
            verdict: Verdict = "not_applicable"
            missing_keys: tuple[str, ...] = ()
        else:
            best = min(provisions, key=lambda p: _FAVOUR[p.result])
            verdict = _VERDICT_OF[best.result]
            missing_keys = ()
            if verdict == "needs_info":
                missing_keys = _in_profile_order(
                    k for p in provisions if p.result == "unknown" for k in p.missing
                )
        settled_by = self.settling_keys(measure, provisions, missing_keys) if self.questions else ()
        return MeasureResult(
            measure,
            verdict,
            tuple(provisions),
            missing_keys,
            self.caveats(measure, deciding_provisions(provisions)),
            settled_by=settled_by,
        )

    def settling_keys(
        self, measure: Measure, provisions: list[ProvisionResult], keys: tuple[str, ...]
    ) -> tuple[str, ...]:
        """The missing keys one answer to which would settle the measure (rules.questions).

        Only the undecided provisions are tried again: a provision already met or failed stays
        so whatever else is answered. The verdict settles when one of them is met, or when all
        of them fail.
        """
        undecided = [p.provision for p in provisions if p.result == "unknown"]
        settling = []
        for key in keys:
            trials = trial_values(measure, key, self.as_of, self.facts)
            if trials is None or any(self._settles(undecided, key, value) for value in trials):
                settling.append(key)
        return tuple(settling)

    def _settles(self, undecided: list[Provision], key: str, value: Any) -> bool:
        trial_key = (key, repr(value))
        trial = self._trials.get(trial_key)
        if trial is None:
            trial = self._trials[trial_key] = _Evaluation(
                self.pack, {**self.facts, key: value}, self.as_of, False
            )
        results = [trial.node(p.criteria, p.id, [])[0] for p in undecided]
        return "met" in results or all(r == "not_met" for r in results)

    def caveats(self, measure: Measure, deciding: Sequence[Provision] = ()) -> tuple[Caveat, ...]:
        """The measure's caveats: the standing of the provisions its verdict rests on (each
        provision's own, or the measure's), then those of the as-of date."""
        caveats: list[Caveat] = []
        statuses = [p.status or measure.status for p in deciding] or [measure.status]
        for status in dict.fromkeys(statuses):
            if status in ("pending_national_approval", "pilot"):
                caveats.append(status)
        document = self.pack.manifest.document
        if document.deadline is not None and self.as_of > document.deadline:
            caveats.append("past_deadline")
        if self.as_of < document.issued:
            caveats.append("before_issue")
        return tuple(caveats)


def deciding_provisions(provisions: Sequence[ProvisionResult]) -> list[Provision]:
    """The provisions the measure's verdict rests on: those with its most favourable result."""
    if not provisions:
        return []
    best = min(_FAVOUR[p.result] for p in provisions)
    return [p.provision for p in provisions if _FAVOUR[p.result] == best]


Reference = tuple[str, str]  # what a parameter's value rests on, in Chinese and in English


def _joined(basis: str, reference: str) -> str:
    return f"{basis}; {reference}" if basis and reference else basis or reference


def trace_of(
    condition: Condition,
    provision_id: str,
    fact: Fact,
    threshold: Any,
    reference: Reference,
    result: Result,
) -> ConditionTrace:
    basis = _joined(fact.basis, reference[0])
    basis_en = _joined(fact.basis_en or fact.basis, reference[1])
    return ConditionTrace(
        condition=condition,
        provision_id=provision_id,
        value=fact.value,
        known=fact.known,
        threshold=threshold,
        result=result,
        derived=condition.field in DERIVATIONS,
        basis=basis,
        needs=fact.needs,
        inference=fact.inference,
        basis_en=basis_en,
    )


def compare(op: str, value: Any, target: Any) -> bool:
    """Apply a pack operator to a known value. A null value meets no ordering comparison."""
    if op == "eq":
        return bool(value == target)
    if op == "ne":
        return bool(value != target)
    if op == "in":
        return value in target
    if op == "not_in":
        return value not in target
    if op == "contains":
        return target in value
    if op == "intersects":
        return bool(set(value) & set(target))
    if op == "prefix_in":
        return any(str(value).startswith(prefix) for prefix in target)
    if value is None:
        return False
    if op == "gte":
        return bool(value >= target)
    if op == "gt":
        return bool(value > target)
    if op == "lte":
        return bool(value <= target)
    if op == "lt":
        return bool(value < target)
    raise ValueError(f"unknown operator {op!r}")


_ORDER: Final = {key: index for index, key in enumerate(PROFILE_KEYS)}


def _in_profile_order(keys: Any) -> tuple[str, ...]:
    return tuple(sorted(set(keys), key=lambda k: _ORDER.get(k, len(_ORDER))))


def rank_questions(results: tuple[MeasureResult, ...]) -> tuple[NextQuestion, ...]:
    """Unanswered keys, most decisive per effort first: the needs-info verdicts one answer alone
    would settle, then those it could change, each over what the question costs to answer
    (rules.questions.question_cost); ties in profile order."""
    resolves: dict[str, list[str]] = {}
    settles: dict[str, list[str]] = {}
    for result in results:
        if result.missing:
            measure_id = result.measure.id
            for key in result.missing:
                resolves.setdefault(key, []).append(measure_id)
            for key in result.settled_by:
                settles.setdefault(key, []).append(measure_id)
    ranked = sorted(
        resolves,
        key=lambda k: (
            -len(settles.get(k, ())) / question_cost(k),
            -len(resolves[k]) / question_cost(k),
            _ORDER.get(k, len(_ORDER)),
        ),
    )
    return tuple(
        NextQuestion(key, tuple(resolves[key]), tuple(settles.get(key, ()))) for key in ranked
    )


def assess(pack: Pack, profile: Profile, as_of: date) -> Assessment:
    """Assess ``profile`` against every measure of ``pack`` as of a date."""
    evaluation = _Evaluation(pack, profile.facts(), as_of)
    results = tuple(evaluation.measure(measure) for measure in pack.measures)
    return Assessment(
        pack=pack,
        as_of=as_of,
        profile=profile,
        results=results,
        next_questions=rank_questions(results),
        derived=dict(evaluation.derived),
        inferred=dict(evaluation.inferred),
    )


def evaluate_measure(
    pack: Pack, facts: dict[str, Any], measure: Measure, as_of: date
) -> MeasureResult:
    """One measure against a plain dict of answered keys (pack lint's trials)."""
    return _Evaluation(pack, facts, as_of, False).measure(measure)


def evaluate_provision(
    pack: Pack, facts: dict[str, Any], provision: Provision, as_of: date
) -> Result:
    """One provision's result against a plain dict of answered keys (what-if trials)."""
    result, _ = _Evaluation(pack, facts, as_of, False).node(provision.criteria, provision.id, [])
    return result
