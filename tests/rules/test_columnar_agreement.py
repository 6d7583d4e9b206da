"""The compiled, columnar path (rules.columnar) against the explaining engine, cell by cell.

For every profile and every measure the compiled (verdict, missing keys) must be the engine's
``result.verdict`` and ``result.missing``. Any disagreement is a bug in one of them: the failure
lists the profile, the measure and both answers.
"""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.columnar import (
    FrameError,
    PlanError,
    assess_frame,
    check_frame,
    compile_plan,
    decode_mask,
    missing_column,
    missing_keys,
    profile_frame,
    verdict_column,
    verdicts_of,
)
from rules.columnar.codes import code_table
from rules.columnar.evaluate import evaluate, stages
from rules.columnar.facts import fact_stages
from rules.columnar.frame import SCHEMA
from rules.columnar.names import (
    FACT_NAMES,
    bits_column,
    comparison_column,
    group_column,
    group_mask_column,
    needs_column,
)
from rules.columnar.plan import Leaf, Plan
from rules.engine import assess, evaluate_measure
from rules.pack import Pack, iter_conditions
from rules.profile import PROFILE_KEYS, Profile, load_profile_json, parse_profile
from rules.vocabulary import SECTORS
from tests.rules.columnar_strategies import (
    AS_OF_DATES,
    as_of_dates,
    every_operator_pack,
    profiles,
    seeded_profiles,
)

MAX_SHOWN = 25


Cells = tuple[str, tuple[str, ...]]


def engine_cells(pack: Pack, profile: Profile, as_of: date, quick: bool) -> dict[str, Cells]:
    """The engine's (verdict, missing) per measure: from ``rules.engine.assess``, or with
    ``quick`` from ``rules.engine.evaluate_measure``, the same evaluation without the work
    ``assess`` adds on top (which missing keys would settle a verdict, for next questions)."""
    if quick:
        facts = profile.facts()
        results = [evaluate_measure(pack, facts, m, as_of) for m in pack.measures]
    else:
        results = list(assess(pack, profile, as_of).results)
    return {r.measure.id: (r.verdict, r.missing) for r in results}


def disagreements(
    pack: Pack, batch: list[Profile], as_of: date, plan: Plan | None = None, quick: bool = False
) -> tuple[int, list[str]]:
    """How many cells were compared, and one line per cell where the two paths differ."""
    if plan is None:
        compiled = verdicts_of(pack, batch, as_of)
    else:
        result = evaluate(plan, profile_frame(batch))
        compiled = [
            {
                m.id: (row[verdict_column(m.id)], decode_mask(row[missing_column(m.id)]))
                for m in pack.measures
            }
            for row in result.iter_rows(named=True)
        ]
    assert len(compiled) == len(batch)
    lines, cells = [], 0
    for profile, mine in zip(batch, compiled, strict=True):
        engine = engine_cells(pack, profile, as_of, quick)
        assert list(mine) == list(engine) == [m.id for m in pack.measures]
        for measure_id, theirs in engine.items():
            cells += 1
            if mine[measure_id] != theirs:
                lines.append(
                    f"{measure_id} as of {as_of}: engine {theirs}, compiled {mine[measure_id]}; "
                    f"profile {json.dumps(profile.to_json_dict(), ensure_ascii=False)}"
                )
    return cells, lines


def _report(lines: list[str]) -> str:
    shown = "\n".join(lines[:MAX_SHOWN])
    more = f"\n... and {len(lines) - MAX_SHOWN} more" if len(lines) > MAX_SHOWN else ""
    return f"{len(lines)} cells disagree:\n{shown}{more}"


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(batch=st.lists(profiles, min_size=1, max_size=12), as_of=as_of_dates)
def test_compiled_path_agrees_with_the_engine(pack: Pack, batch: list[dict[str, Any]], as_of):
    parsed = [parse_profile(data) for data in batch]
    cells, lines = disagreements(pack, parsed, as_of)
    assert cells == len(parsed) * len(pack.measures)
    assert not lines, _report(lines)


@pytest.fixture(scope="module")
def operators_pack(pack: Pack) -> Pack:
    """Every fact compared every way (tests/rules/columnar_strategies.py), derived ones too."""
    return every_operator_pack(pack)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(batch=st.lists(profiles, min_size=1, max_size=12), as_of=as_of_dates)
def test_compiled_path_agrees_on_every_operator_and_fact(
    operators_pack: Pack, batch: list[dict[str, Any]], as_of
):
    parsed = [parse_profile(data) for data in batch]
    cells, lines = disagreements(operators_pack, parsed, as_of)
    assert cells == len(parsed) * len(operators_pack.measures)
    assert not lines, _report(lines)


def test_every_operator_and_fact_on_a_seeded_file(operators_pack: Pack) -> None:
    batch = [parse_profile(data) for data in seeded_profiles(6000, seed=12)]
    total, lines = 0, []
    for index, as_of in enumerate(AS_OF_DATES):
        group = batch[index :: len(AS_OF_DATES)]
        cells, found = disagreements(operators_pack, group, as_of, quick=True)
        total += cells
        lines += found
    assert total == len(batch) * len(operators_pack.measures)
    assert not lines, _report(lines)


SEEDED_COUNT = 20_000


def test_compiled_path_agrees_on_a_large_seeded_file(pack: Pack, tmp_path) -> None:
    """20,000 profiles written to a JSON-lines file and read back, a sixth at each as-of date;
    the engine's cells from ``evaluate_measure`` (``assess`` takes minutes on so many)."""
    path = tmp_path / "profiles.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for data in seeded_profiles(SEEDED_COUNT):
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
    loaded = [load_profile_json(line) for line in path.read_text("utf-8").splitlines()]
    assert len(loaded) == SEEDED_COUNT
    assert {key for p in loaded for key in p.facts()} == set(PROFILE_KEYS), "every key answered"
    total, lines = 0, []
    for index, as_of in enumerate(AS_OF_DATES):
        group = loaded[index :: len(AS_OF_DATES)]
        cells, found = disagreements(pack, group, as_of, quick=True)
        total += cells
        lines += found
    assert total == SEEDED_COUNT * len(pack.measures)
    assert not lines, _report(lines)


def test_compiled_path_agrees_on_the_benchmark_companies(pack: Pack) -> None:
    from bench.profiles import companies

    batch = [parse_profile(data) for data in companies(1000)]
    cells, lines = disagreements(pack, batch, date(2026, 11, 26))
    assert cells == 1000 * len(pack.measures)
    assert not lines, _report(lines)


def test_the_comparison_catches_a_wrong_plan(pack: Pack) -> None:
    """The harness can fail: a plan with one test turned round disagrees, and says where."""
    as_of = date(2026, 11, 29)
    plan = compile_plan(pack, as_of)
    index = next(
        i
        for i, t in enumerate(plan.tests)
        if t.field == "high_tech_enterprise" and t.comparison is not None
    )
    test = plan.tests[index]
    assert test.comparison is not None
    flipped = dataclasses.replace(test.comparison, negate=not test.comparison.negate)
    tests = (
        *plan.tests[:index],
        dataclasses.replace(test, comparison=flipped),
        *plan.tests[index + 1 :],
    )
    wrong = dataclasses.replace(plan, tests=tests)
    batch = [
        parse_profile({"name": "甲", "zone": "ftz_wuhan", "high_tech_enterprise": True,
                       "industry_code": "I6513", "employees": 30, "annual_revenue": 800.0}),
        parse_profile({"name": "乙", "high_tech_enterprise": False}),
    ]  # fmt: skip
    _, lines = disagreements(pack, batch, as_of, wrong)
    assert lines
    assert all(re.match(r"m\d\d as of 2026-11-29: engine \(", line) for line in lines)
    assert disagreements(pack, batch, as_of, plan)[1] == []


def test_unanswered_profiles_need_what_the_engine_asks() -> None:
    from rules.pack import load_pack

    pack = load_pack()
    empty = parse_profile({"name": "空白企业"})
    for as_of in AS_OF_DATES:
        assert disagreements(pack, [empty], as_of)[1] == []


# --- the plan is data ---------------------------------------------------------------------------


def _internal_columns(plan: Plan) -> set[str]:
    allowed = set(SCHEMA) | set(code_table().columns) | set(FACT_NAMES)
    allowed |= {needs_column(name) for name in FACT_NAMES}
    allowed |= {bits_column(key) for key in ("sectors", "activities")}
    allowed |= {comparison_column(i) for i in range(len(plan.tests))}
    groups = sum(len(stage) for stage in stages(plan)[1:-1]) // 2
    allowed |= {name(i) for i in range(groups) for name in (group_column, group_mask_column)}
    return allowed


def test_the_plan_reads_only_profile_keys_and_derived_facts(pack: Pack) -> None:
    for as_of in AS_OF_DATES:
        plan = compile_plan(pack, as_of)
        assert plan.fields() <= FACT_NAMES
        allowed = _internal_columns(plan)
        for stage in [*fact_stages(as_of), *stages(plan)]:
            for expr in stage:
                assert set(expr.meta.root_names()) <= allowed, expr.meta.root_names()
        outputs = [e.meta.output_name() for e in stages(plan)[-1]]
        measure_columns = {
            name for m in pack.measures for name in (verdict_column(m.id), missing_column(m.id))
        }
        assert set(outputs) == {"name"} | measure_columns


def test_no_text_of_the_pack_reaches_an_expression(pack: Pack) -> None:
    """Texts, citations and clauses stay out of the plan and of every expression; the only
    strings of the pack in expressions are the values conditions compare with."""
    plan = compile_plan(pack, date(2026, 11, 29))
    texts = set()
    for measure in pack.measures:
        texts |= {measure.clause, measure.clause_en, measure.title.zh, measure.title.en}
        for provision in measure.provisions:
            for condition in iter_conditions(provision.criteria):
                texts |= {condition.text.zh, condition.text.en, condition.citation}
    shown = repr(plan) + "\n".join(str(e) for stage in stages(plan) for e in stage)
    assert not [text for text in texts if text in shown]
    leaves = [node for m in plan.measures for p in m.provisions for node in _leaves(p.criteria)]
    assert {leaf.condition_id for leaf in leaves} == {
        c.id for m in pack.measures for p in m.provisions for c in iter_conditions(p.criteria)
    }


def _leaves(node: Any) -> list[Leaf]:
    if isinstance(node, Leaf):
        return [node]
    children = node.children if hasattr(node, "children") else (node.child,)
    return [leaf for child in children for leaf in _leaves(child)]


def test_a_parameter_not_yet_in_force_is_a_test_no_answer_meets(pack: Pack) -> None:
    before = compile_plan(pack, date(2022, 5, 30))
    after = compile_plan(pack, date(2022, 5, 31))
    assert sum(t.comparison is None for t in before.tests) > sum(
        t.comparison is None for t in after.tests
    )


@pytest.mark.parametrize(
    ("field", "op", "value"),
    [
        ("employees", "contains", "x"),
        ("zone", "gte", 5),
        ("established", "lt", "2020-01-01"),
        ("sectors", "intersects", 5),
        ("high_tech_enterprise", "contains", True),
        ("first_profit_year", "contains", 2020),
    ],
)
def test_a_comparison_the_engine_cannot_make_is_refused(pack: Pack, field, op, value) -> None:
    """Where the engine would raise on a known value, compiling refuses, naming the condition."""
    odd = every_operator_pack(pack, ((field, op, value),))
    with pytest.raises(PlanError, match=r"^t001/p0/c0: "):
        compile_plan(odd, date(2026, 11, 29))
    profile = parse_profile({"name": "甲", field: _answer(field)})
    with pytest.raises((TypeError, ValueError)):
        assess(odd, profile, date(2026, 11, 29))


@pytest.mark.parametrize(
    ("field", "op", "value"),
    [
        ("sectors", "gt", ["software"]),
        ("sectors", "in", [["software"]]),
        ("employees", "prefix_in", ["1"]),
    ],
)
def test_a_comparison_the_plan_does_not_cover_is_refused(pack: Pack, field, op, value) -> None:
    """Orderings of tag lists, tag lists in lists, prefixes of numbers: the engine compares
    them (pack lint refuses them), the compiled path refuses rather than guesses."""
    odd = every_operator_pack(pack, ((field, op, value),))
    with pytest.raises(PlanError, match=r"^t001/p0/c0: .* does not apply to a"):
        compile_plan(odd, date(2026, 11, 29))


def _answer(field: str) -> Any:
    return {
        "employees": 5,
        "zone": "ftz_wuhan",
        "established": "2020-01-01",
        "sectors": ["software"],
        "high_tech_enterprise": True,
        "first_profit_year": 2020,
    }[field]


# --- frames -------------------------------------------------------------------------------------


def test_a_ready_frame_read_back_from_parquet_gives_the_same_answers(pack: Pack, tmp_path):
    batch = [parse_profile(d) for d in seeded_profiles(500, seed=3)]
    frame = profile_frame(batch)
    path = tmp_path / "profiles.parquet"
    frame.write_parquet(path)
    as_of = date(2023, 6, 30)
    again = assess_frame(pack, pl.read_parquet(path), as_of)
    assert again.equals(assess_frame(pack, frame, as_of))


def test_a_frame_may_leave_out_columns_nobody_answered(pack: Pack) -> None:
    frame = pl.DataFrame({"name": ["甲", "乙"], "zone": ["ftz_wuhan", None]})
    result = assess_frame(pack, frame, date(2026, 11, 29))
    expected = verdicts_of(
        pack, [parse_profile({"name": "甲", "zone": "ftz_wuhan"}), parse_profile({"name": "乙"})],
        date(2026, 11, 29),
    )  # fmt: skip
    for row, cells in zip(result.iter_rows(named=True), expected, strict=True):
        for mid, (verdict, missing) in cells.items():
            assert (row[verdict_column(mid)], decode_mask(row[missing_column(mid)])) == (
                verdict,
                missing,
            )


@pytest.mark.parametrize(
    ("columns", "problem"),
    [
        ({"zone": ["moon"]}, "zone: not a known value: 'moon'"),
        ({"sectors": [["optoelectronics", "alchemy"]]}, "sectors: not a known value: 'alchemy'"),
        ({"industry_code": ["C9999"]}, "industry_code: not a GB/T 4754-2017 code: 'C9999'"),
        ({"first_profit_year": [None]}, "first_profit_year__answered: required beside"),
        ({"employees": ["many"]}, "employees: expected Int64"),
        ({"credit_code": ["91420100MA0000000X"]}, "credit_code: not a valid unified social"),
        ({"first_profit_year": [2020], "first_profit_year__answered": [False]}, "first_profit_"),
    ],
)
def test_a_frame_the_plan_cannot_read_is_refused(columns: dict[str, Any], problem: str) -> None:
    with pytest.raises(FrameError) as raised:
        check_frame(pl.DataFrame({"name": ["甲"], **columns}))
    assert any(line.startswith(problem) for line in raised.value.problems), raised.value.problems


def test_missing_masks_decode_in_profile_order(pack: Pack) -> None:
    result = assess_frame(
        pack, profile_frame([parse_profile({"name": "空白企业"})]), AS_OF_DATES[-1]
    )
    for measure in pack.measures:
        mask = result.get_column(missing_column(measure.id))
        listed = result.select(missing_keys(pl.col(missing_column(measure.id)))).to_series()
        assert listed.to_list()[0] == list(decode_mask(mask[0]))
        assert list(decode_mask(mask[0])) == sorted(decode_mask(mask[0]), key=PROFILE_KEYS.index)


def test_tag_lists_compare_alike_as_bitmasks_and_as_lists() -> None:
    """A vocabulary of more than 64 tags would be compared as lists: the same answers."""
    from rules.columnar.compare import comparison_expr, compile_comparison
    from rules.columnar.facts import fact

    frame = profile_frame(
        [
            parse_profile({"name": "甲", "sectors": ["software", "big_data"]}),
            parse_profile({"name": "乙", "sectors": []}),
            parse_profile({"name": "丙"}),
        ]
    )
    bits = fact("sectors").bits
    assert bits is not None
    bitmask = frame.select(
        pl.col("sectors").list.eval(pl.element().replace_strict(
            {t: 1 << i for i, t in enumerate(SECTORS)}, return_dtype=pl.UInt64())
        ).list.sum().alias(bits.meta.output_name())
    )  # fmt: skip
    frame = frame.hstack(bitmask)
    for op, value in [("contains", "software"), ("intersects", ["big_data", "fintech"])]:
        comparison = compile_comparison("tags", op, value, False, "here")
        as_bits = comparison_expr(comparison, pl.col("sectors"), "sectors", bits)
        as_lists = comparison_expr(comparison, pl.col("sectors"), "sectors", None)
        assert frame.select(as_bits.alias("a"), as_lists.alias("b")).rows() == [
            (True, True),
            (False, False),
            (None, None),
        ]
