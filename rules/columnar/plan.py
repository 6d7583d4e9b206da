"""A pack compiled for one as-of date into plain data: the plan the columnar path evaluates.

Each measure keeps its provisions and their criteria trees (all / any / not over conditions).
Each condition becomes a reference to one of the plan's distinct *tests*: the fact it reads and
its comparison with the threshold in force on the as-of date (rules.columnar.compare), or no
comparison at all where the condition reads a dated parameter not yet in force, which no answer
can meet (``_Evaluation.threshold`` and ``condition`` in rules/engine.py). Conditions that test
the same fact the same way share one test, so it is computed once per row.

Everything comes from the validated pack objects (rules.pack): field names are checked against
the profile keys and derived facts, operators against the pack's operator list, thresholds are
values; no text of the pack ends up in an expression.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from rules.columnar.compare import Comparison, PlanError, compile_comparison
from rules.columnar.names import FACT_NAMES, NULLABLE_FACTS
from rules.fields import field_info
from rules.pack import AllOf, AnyOf, Condition, Criterion, Pack

__all__ = [
    "AllNode",
    "AnyNode",
    "Leaf",
    "MeasurePlan",
    "Node",
    "NotNode",
    "Plan",
    "PlanError",
    "ProvisionPlan",
    "Test",
    "compile_plan",
]


@dataclass(frozen=True)
class Test:
    """A fact compared one way; ``comparison`` None: never met, whatever the answer (a dated
    parameter not yet in force)."""

    field: str
    comparison: Comparison | None


@dataclass(frozen=True)
class Leaf:
    test: int  # index into Plan.tests
    condition_id: str


@dataclass(frozen=True)
class AllNode:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class AnyNode:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class NotNode:
    child: Node


Node = Leaf | AllNode | AnyNode | NotNode


@dataclass(frozen=True)
class ProvisionPlan:
    id: str
    criteria: Node


@dataclass(frozen=True)
class MeasurePlan:
    id: str
    provisions: tuple[ProvisionPlan, ...]


@dataclass(frozen=True)
class Plan:
    pack_id: str
    pack_version: str
    pack_sha256: str
    as_of: date
    tests: tuple[Test, ...]
    measures: tuple[MeasurePlan, ...]

    def fields(self) -> frozenset[str]:
        """The facts the plan's tests read."""
        return frozenset(test.field for test in self.tests)


class _Compiler:
    def __init__(self, pack: Pack, as_of: date) -> None:
        self.pack = pack
        self.as_of = as_of
        self.tests: dict[Test, int] = {}

    def threshold(self, condition: Condition) -> Any:
        """The threshold on the as-of date; None where no answer can meet the condition (a
        parameter not yet in force, as ``_Evaluation.threshold`` says, or no value at all)."""
        if condition.param is None:
            return condition.value
        in_force = self.pack.manifest.parameters[condition.param].at(self.as_of)
        return None if in_force is None else in_force.value

    def test(self, condition: Condition, where: str) -> int:
        if condition.field not in FACT_NAMES:
            raise PlanError(f"{where}: '{condition.field}' is neither a profile key nor derived")
        threshold = self.threshold(condition)
        comparison = None
        if threshold is not None:
            comparison = compile_comparison(
                field_info(condition.field).kind,
                condition.op,
                threshold,
                condition.field in NULLABLE_FACTS,
                where,
            )
        return self.tests.setdefault(Test(condition.field, comparison), len(self.tests))

    def node(self, node: Criterion, where: str) -> Node:
        if isinstance(node, Condition):
            return Leaf(self.test(node, f"{where}/{node.id}"), node.id)
        if isinstance(node, AllOf):
            return AllNode(tuple(self.node(child, where) for child in node.all))
        if isinstance(node, AnyOf):
            return AnyNode(tuple(self.node(child, where) for child in node.any))
        return NotNode(self.node(node.negated, where))


@lru_cache(maxsize=32)
def compile_plan(pack: Pack, as_of: date) -> Plan:
    """The plan of ``pack`` on ``as_of``; raise PlanError for a condition it cannot compile."""
    compiler = _Compiler(pack, as_of)
    measures = tuple(
        MeasurePlan(
            measure.id,
            tuple(
                ProvisionPlan(
                    provision.id,
                    compiler.node(provision.criteria, f"{measure.id}/{provision.id}"),
                )
                for provision in measure.provisions
            ),
        )
        for measure in pack.measures
    )
    return Plan(pack.id, pack.version, pack.sha256, as_of, tuple(compiler.tests), measures)
