"""Evaluate a plan over a frame of profiles: every measure's verdict and missing keys per row.

Three-valued logic is polars' own: a condition is a nullable Boolean (null: unknown), ``all``
and ``any`` are Kleene AND and OR (``all_horizontal``, ``any_horizontal``), ``not`` keeps null.
Beside each result runs its *missing mask* (rules.columnar.names), as ``_Evaluation.node``
computes the missing keys: a condition that is unknown needs its fact's needs; a group that is
unknown needs the union of its unknown children's (a known child's mask is 0), and a group that
is settled needs nothing; ``not`` keeps its child's. A measure takes its most favourable
provision (Kleene OR: met if one is met, else unknown if one is unknown), and misses the union
of its unknown provisions' keys when it needs information. No Python runs per row.
"""

from __future__ import annotations

from functools import lru_cache, reduce

import polars as pl

from rules.columnar.compare import comparison_expr
from rules.columnar.facts import fact, with_facts
from rules.columnar.frame import check_frame
from rules.columnar.names import (
    comparison_column,
    group_column,
    group_mask_column,
    missing_column,
    verdict_column,
    zero,
)
from rules.columnar.plan import AllNode, Leaf, Node, NotNode, Plan, Test
from rules.engine import VERDICTS
from rules.profile import PROFILE_KEYS

VERDICT: pl.Enum = pl.Enum(list(VERDICTS))
_NULL = pl.lit(None, dtype=pl.Boolean())


def comparison_result(test: Test, index: int) -> pl.Expr:
    """A test's nullable Boolean: null where its fact is unknown."""
    if test.comparison is None:  # a parameter not yet in force: not met, whatever the answer
        return pl.lit(False).alias(comparison_column(index))
    columns = fact(test.field)
    result = comparison_expr(test.comparison, columns.value, test.field, columns.bits)
    if columns.nullable:  # a known null meets the condition as the engine says it does
        null_result = pl.lit(test.comparison.when_null)
        result = pl.when(columns.value.is_null()).then(null_result).otherwise(result)
    return pl.when(columns.known).then(result).otherwise(_NULL).alias(comparison_column(index))


def _union(masks: list[pl.Expr]) -> pl.Expr:
    return reduce(lambda a, b: a | b, masks)


def _settled_or(result: pl.Expr, masks: list[pl.Expr]) -> pl.Expr:
    """The union of ``masks`` where ``result`` is unknown; nothing where it is settled."""
    return pl.when(result.is_null()).then(_union(masks)).otherwise(zero())


class _Groups:
    """The plan's all / any groups as columns, computed in stages from the leaves up so that
    each group is computed once (an identical group, in another measure, is shared)."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.columns: dict[Node, tuple[pl.Expr, pl.Expr, int]] = {}
        self.stages: list[list[pl.Expr]] = []

    def node(self, node: Node) -> tuple[pl.Expr, pl.Expr, int]:
        """A node's result (nullable Boolean), its missing mask and the stage that makes it."""
        if isinstance(node, Leaf):
            test = self.plan.tests[node.test]
            result = pl.col(comparison_column(node.test))
            if test.comparison is None:
                return result, zero(), 0
            return result, _settled_or(result, [fact(test.field).needs]), 0
        if isinstance(node, NotNode):
            result, missing, stage = self.node(node.child)
            return ~result, missing, stage
        known = self.columns.get(node)
        if known is not None:
            return known
        children = [self.node(child) for child in node.children]
        results = [result for result, _, _ in children]
        combined = (
            pl.all_horizontal(results) if isinstance(node, AllNode) else pl.any_horizontal(results)
        )
        missing = _settled_or(combined, [mask for _, mask, _ in children])
        stage = 1 + max(s for _, _, s in children)
        index = len(self.columns)
        while len(self.stages) < stage:
            self.stages.append([])
        self.stages[stage - 1] += [
            combined.alias(group_column(index)),
            missing.alias(group_mask_column(index)),
        ]
        self.columns[node] = (
            pl.col(group_column(index)),
            pl.col(group_mask_column(index)),
            stage,
        )
        return self.columns[node]


def measure_exprs(plan: Plan, groups: _Groups) -> list[pl.Expr]:
    """Each measure's verdict (Enum of rules.engine.VERDICTS) and missing mask (UInt64)."""
    exprs: list[pl.Expr] = []
    for measure in plan.measures:
        if not measure.provisions:
            verdict = pl.lit("not_applicable", dtype=VERDICT)
            missing = zero()
        else:
            provisions = [groups.node(p.criteria) for p in measure.provisions]
            best = pl.any_horizontal([result for result, _, _ in provisions])
            missing = _settled_or(best, [mask for _, mask, _ in provisions])
            verdict = (
                pl.when(best.is_null())
                .then(pl.lit("needs_info"))
                .when(best)
                .then(pl.lit("eligible"))
                .otherwise(pl.lit("not_eligible"))
                .cast(VERDICT)
            )
        exprs.append(verdict.alias(verdict_column(measure.id)))
        exprs.append(missing.alias(missing_column(measure.id)))
    return exprs


@lru_cache(maxsize=32)
def stages(plan: Plan) -> list[list[pl.Expr]]:
    """The expressions the evaluation runs after the facts, stage by stage: the tests, the
    groups from the innermost out, then the measures' verdicts and missing masks. Built once
    per plan (a batch evaluates the same plan chunk after chunk); never changed by callers."""
    tests = [comparison_result(test, index) for index, test in enumerate(plan.tests)]
    groups = _Groups(plan)
    outputs = [pl.col("name"), *measure_exprs(plan, groups)]
    return [tests, *groups.stages, outputs]


def query(plan: Plan, frame: pl.DataFrame) -> pl.LazyFrame:
    """The lazy query that assesses ``frame`` (checked by rules.columnar.frame) by ``plan``."""
    lazy = with_facts(check_frame(frame).lazy(), plan.as_of)
    *columns, outputs = stages(plan)
    for stage in columns:
        lazy = lazy.with_columns(stage)
    return lazy.select(outputs)


def evaluate(plan: Plan, frame: pl.DataFrame) -> pl.DataFrame:
    """One row per profile: ``name``, then per measure its verdict and its missing mask."""
    return query(plan, frame).collect()


def missing_keys(mask: pl.Expr) -> pl.Expr:
    """A missing mask as a list of profile keys in profile order (vectorised)."""
    keys = [
        pl.when((mask & pl.lit(1 << i, dtype=pl.UInt64())) != 0).then(pl.lit(key))
        for i, key in enumerate(PROFILE_KEYS)
    ]
    return pl.concat_list(keys).list.drop_nulls()
