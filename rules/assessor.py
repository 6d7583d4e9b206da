"""Memoised assessment: the same verdicts and traces as ``rules.engine``, much faster in bulk.

A measure's verdict, its conditions' results and what is missing depend only on a few
projections of the facts it reads: for a tag list, which of the measure's tags it holds; for a
number, which side of each threshold it lies; for anything else, the value; for an unknown, the
keys it needs. Companies differ in their answers but rarely in those projections, so each
measure keeps its decisions by projection. On a hit the verdict is known at once and the trace
(which shows the company's own values) is written out from the decision when first read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any, Final, NamedTuple

from rules.derived import DERIVATIONS, Fact
from rules.engine import (
    Assessment,
    Caveat,
    ConditionTrace,
    MeasureResult,
    ProvisionResult,
    Reference,
    Result,
    Verdict,
    _Evaluation,
    compare,
    rank_questions,
    trace_of,
)
from rules.fields import field_info
from rules.pack import Condition, Measure, Pack, iter_conditions
from rules.profile import Profile

CACHE_LIMIT: Final = 20_000  # decisions kept per measure; a few KB each at most
_ORDERED_KINDS: Final = frozenset({"int", "number", "year", "date"})

Projector = Callable[[Fact], Any]


class Decision(NamedTuple):
    """What a measure's memo keeps: all of its result but the company's own values."""

    verdict: Verdict
    missing: tuple[str, ...]
    settled_by: tuple[str, ...]
    # per provision: (result, missing, per condition: result)
    provisions: tuple[tuple[Result, tuple[str, ...], tuple[Result, ...]], ...]
    caveats: tuple[Caveat, ...]  # they follow the deciding provisions' standing


def _projector(kind: str, conditions: list[tuple[Condition, Any]]) -> Projector:
    """What of a fact the measure's conditions on it can tell apart."""
    if kind == "tags":
        tags = frozenset(v for c, _ in conditions for v in c.values())
        return lambda f: tags.intersection(f.value) if f.known else (None, f.needs, f.basis)
    if kind in _ORDERED_KINDS:
        tests = tuple((c.op, t) for c, t in conditions)
        return lambda f: (
            tuple(t is not None and compare(op, f.value, t) for op, t in tests)
            if f.known
            else (None, f.needs, f.basis)
        )
    return lambda f: (True, f.value) if f.known else (None, f.needs, f.basis)


def _key_maker(reads: tuple[tuple[str, Projector], ...]) -> Callable[[dict[str, Fact]], Any]:
    """The measure's memo key from a profile's facts; the common small cases without a loop."""
    if not reads:
        return lambda facts: ()
    if len(reads) == 1:
        ((field, project),) = reads
        return lambda facts: project(facts[field])
    if len(reads) == 2:
        (f0, p0), (f1, p1) = reads
        return lambda facts: (p0(facts[f0]), p1(facts[f1]))
    return lambda facts: tuple([project(facts[f]) for f, project in reads])


@dataclass(frozen=True)
class _Plan:
    measure: Measure
    reads: tuple[tuple[str, Projector], ...]
    key_of: Callable[[dict[str, Fact]], Any]
    # per provision: (provision id, ((condition, threshold, reference), ...))
    conditions: tuple[tuple[str, tuple[tuple[Condition, Any, Reference], ...]], ...]
    cache: dict[Any, Decision]


class Assessor:
    """Assesses many profiles against one pack on one date."""

    def __init__(self, pack: Pack, as_of: date, questions: bool = True) -> None:
        """``questions=False`` skips working out which answers would settle a verdict (the
        next questions rank by the measures that list a key as missing only): for verdict
        matrices, which show no questions."""
        self.pack = pack
        self.as_of = as_of
        self.questions = questions
        thresholds = _Evaluation(pack, {}, as_of)
        self._plans: list[_Plan] = []
        for measure in pack.measures:
            per_field: dict[str, list[tuple[Condition, Any]]] = {}
            provisions = []
            for provision in measure.provisions:
                planned = []
                for condition in iter_conditions(provision.criteria):
                    threshold, reference = thresholds.threshold(condition)
                    per_field.setdefault(condition.field, []).append((condition, threshold))
                    planned.append((condition, threshold, reference))
                provisions.append((provision.id, tuple(planned)))
            reads = tuple(
                (f, _projector(field_info(f).kind, per_field[f])) for f in sorted(per_field)
            )
            self._plans.append(_Plan(measure, reads, _key_maker(reads), tuple(provisions), {}))
        self._fields = sorted({f for plan in self._plans for f, _ in plan.reads})
        self._derived_fields = [f for f in self._fields if f in DERIVATIONS]

    def assess(self, profile: Profile) -> Assessment:
        evaluation = _Evaluation(self.pack, profile.facts(), self.as_of, self.questions)
        facts = {name: evaluation.read(name) for name in self._fields}
        for name in self._derived_fields:
            # An undecided derived fact hides the answers it was built from, and those decide
            # which single answer would settle it: they belong in the memo key.
            fact = facts[name]
            if not fact.known:
                inputs = tuple(evaluation.facts.get(key) for key in DERIVATIONS[name].inputs)
                facts[name] = Fact(known=False, needs=fact.needs, basis=f"{fact.basis}|{inputs!r}")
        results = []
        for plan in self._plans:
            key = plan.key_of(facts)
            decision = plan.cache.get(key)
            if decision is None:
                result = evaluation.measure(plan.measure)
                if len(plan.cache) >= CACHE_LIMIT:
                    plan.cache.clear()
                plan.cache[key] = _decision_of(result)
            else:
                result = MeasureResult(
                    plan.measure,
                    decision.verdict,
                    None,
                    decision.missing,
                    decision.caveats,
                    partial(_write_trace, plan, decision, evaluation),
                    decision.settled_by,
                )
            results.append(result)
        final = tuple(results)
        return Assessment(
            pack=self.pack,
            as_of=self.as_of,
            profile=profile,
            results=final,
            next_questions=rank_questions(final),
            derived=dict(evaluation.derived),
            inferred=dict(evaluation.inferred),
        )


def _decision_of(result: MeasureResult) -> Decision:
    return Decision(
        result.verdict,
        result.missing,
        result.settled_by,
        tuple(
            (p.result, p.missing, tuple(c.result for c in p.conditions)) for p in result.provisions
        ),
        result.caveats,
    )


def _write_trace(
    plan: _Plan, decision: Decision, evaluation: _Evaluation
) -> tuple[ProvisionResult, ...]:
    provisions = []
    for provision, (provision_id, planned), (result, missing, outcomes) in zip(
        plan.measure.provisions, plan.conditions, decision.provisions, strict=True
    ):
        traces: tuple[ConditionTrace, ...] = tuple(
            trace_of(condition, provision_id, evaluation.read(condition.field), threshold, ref, r)
            for (condition, threshold, ref), r in zip(planned, outcomes, strict=True)
        )
        provisions.append(ProvisionResult(provision, result, traces, missing))
    return tuple(provisions)
