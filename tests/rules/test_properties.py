"""Properties of the engine over generated profiles (hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.engine import assess
from rules.fields import PROFILE_FIELDS
from rules.profile import parse_profile
from rules.vocabulary import ACTIVITIES, CITIES, FTZ_AREA_CITY, SECTORS, ZONES
from tests.conftest import AS_OF

VALUES: dict[str, st.SearchStrategy[Any]] = {
    "zone": st.sampled_from(sorted(ZONES)),
    "city": st.sampled_from(sorted(CITIES)),
    "industry_code": st.sampled_from(["C3976", "I6513", "F5211", "G5810", "J6631", "C", "L7212"]),
    "sectors": st.lists(st.sampled_from(sorted(SECTORS)), max_size=4, unique=True),
    "activities": st.lists(st.sampled_from(sorted(ACTIVITIES)), max_size=5, unique=True),
    "employees": st.integers(0, 3000),
    "annual_revenue": st.floats(0, 200000, allow_nan=False),
    "total_assets": st.floats(0, 200000, allow_nan=False),
    "established": st.dates().filter(lambda d: d.year >= 1990).map(lambda d: d.isoformat()),
    "first_profit_year": st.one_of(st.none(), st.integers(1990, 2026)),
    "rd_expense_ratio": st.floats(0, 100, allow_nan=False),
    "ic_line_width_nm": st.floats(1, 500, allow_nan=False),
}
BOOLEANS = [k for k, f in PROFILE_FIELDS.items() if f.kind == "bool"]
for key in BOOLEANS:
    VALUES[key] = st.booleans()


def consistent_place(data: dict[str, Any]) -> bool:
    """Zone and city that can both be true (a contradiction is refused: tested in test_profile)."""
    zone, city = data.get("zone"), data.get("city")
    if zone is None or city is None:
        return True
    if zone == "outside_hubei":
        return city == "other"
    return FTZ_AREA_CITY.get(zone, city) == city


profiles = (
    st.fixed_dictionaries({}, optional=VALUES)
    .map(lambda d: {"name": "测试企业", **d})
    .filter(consistent_place)
)
SETTLED = ("eligible", "not_eligible", "not_applicable")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(base=profiles, extra_key=st.sampled_from(sorted(VALUES)), data=st.data())
def test_adding_a_fact_never_unsettles_a_verdict(pack, base, extra_key, data) -> None:
    if extra_key in base:
        return
    value = data.draw(VALUES[extra_key])
    if not consistent_place({**base, extra_key: value}):
        return
    before = assess(pack, parse_profile(base), AS_OF)
    if extra_key in before.inferred:
        return  # an answer may overrule an inference: that is what makes it overridable
    after = assess(pack, parse_profile({**base, extra_key: value}), AS_OF)
    for old, new in zip(before.results, after.results, strict=True):
        if old.verdict in SETTLED:
            assert new.verdict == old.verdict, (old.measure.id, extra_key, value)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(base=profiles)
def test_an_unknown_is_never_read_as_false(pack, base) -> None:
    assessment = assess(pack, parse_profile(base), AS_OF)
    for result in assessment.results:
        for trace in result.conditions:
            if not trace.known:
                assert trace.result == "unknown"
        if result.verdict == "needs_info":
            assert all(key not in base for key in result.missing)
            assert result.missing or any(not c.known for c in result.conditions)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(batch=st.lists(profiles, min_size=1, max_size=6))
def test_memoised_assessor_gives_the_same_answers_and_traces(pack, batch) -> None:
    from rules.assessor import Assessor

    assessor = Assessor(pack, AS_OF)
    for data in batch + batch:  # the second round is answered from the memo
        profile = parse_profile(data)
        memo, fresh = assessor.assess(profile), assess(pack, profile, AS_OF)
        assert memo.next_questions == fresh.next_questions
        for mine, theirs in zip(memo.results, fresh.results, strict=True):
            assert (mine.verdict, mine.missing, mine.caveats) == (
                theirs.verdict,
                theirs.missing,
                theirs.caveats,
            )
            assert [tuple(c) for c in mine.conditions] == [tuple(c) for c in theirs.conditions]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)
any_key = st.sampled_from([*sorted(PROFILE_FIELDS), "zone ", "名称", "employes"])


@settings(max_examples=300, deadline=None)
@given(data=st.dictionaries(any_key, json_values, max_size=8), name=json_values)
def test_any_json_is_either_a_profile_or_a_clear_refusal(data, name) -> None:
    """Whatever a file holds, the profile model answers with a profile or with ProfileError
    lines naming a field: never another exception (which would reach the user as a traceback)."""
    from rules.profile import ProfileError

    try:
        parse_profile({"name": name, **data})
    except ProfileError as error:
        assert error.problems
        assert all(":" in problem for problem in error.problems)
