"""The engine on the bundled measures m02, m11 and m38, and its three-valued logic."""

from datetime import date
from typing import Any

import pytest

from rules.engine import assess
from rules.pack import AllOf, AnyOf, Condition, NotOf, Text
from rules.profile import parse_profile
from tests.conftest import AI_STARTUP, AS_OF, assess_dict


def test_ai_startup_gets_the_15_percent_rate_with_a_full_trace(pack) -> None:
    result = assess_dict(pack, AI_STARTUP).result("m02")
    assert result.verdict == "eligible"
    assert result.missing == ()
    assert {c.condition.id: c.result for c in result.conditions} == {
        "in_ftz": "met",
        "key_field": "met",
        "named_or_adjacent_field": "met",
        "in_catalogue": "unknown",  # m02's open list: settled by the named field, so not asked
        "core_link": "met",
        "profit_window": "met",
    }
    for trace in result.conditions:
        assert trace.condition.citation in result.measure.clause
    window = next(c for c in result.conditions if c.condition.id == "profit_window")
    assert window.derived and window.value is True
    assert "pending_national_approval" in result.caveats


def test_profit_window_closed_makes_m02_not_eligible(pack) -> None:
    result = assess_dict(pack, {**AI_STARTUP, "first_profit_year": 2019}).result("m02")
    assert result.verdict == "not_eligible"
    failed = [c.condition.id for c in result.conditions if c.result == "not_met"]
    assert failed == ["profit_window"]


def test_unknown_is_needs_info_never_not_eligible(pack) -> None:
    profile = {k: v for k, v in AI_STARTUP.items() if k != "core_link_rnd_production"}
    result = assess_dict(pack, profile).result("m02")
    assert result.verdict == "needs_info"
    assert result.missing == ("core_link_rnd_production",)


def test_explicit_empty_list_is_an_answer(pack) -> None:
    result = assess_dict(pack, {**AI_STARTUP, "sectors": []}).result("m02")
    assert result.verdict == "not_eligible"


def test_one_failed_condition_settles_whatever_is_unknown(pack) -> None:
    result = assess_dict(pack, {"name": "汉口百货", "zone": "hubei_other"}).result("m02")
    assert result.verdict == "not_eligible"
    assert result.missing == ()


def test_m11_ccc_exemption_for_samples_but_not_for_office_supplies(pack) -> None:
    base = {"name": "武汉光芯测试", "zone": "ftz_wuhan"}
    samples = assess_dict(pack, {**base, "activities": ["import_ccc_samples"]}).result("m11")
    assert samples.verdict == "eligible" and samples.best is not None
    assert samples.best.provision.id == "ccc_exemption"
    office = assess_dict(
        pack, {**base, "activities": ["import_ccc_office_supplies"], "sectors": []}
    )
    assert office.result("m11").verdict == "not_eligible"


def test_m38_foreign_debt_for_an_hte_sme_in_the_ftz(pack) -> None:
    result = assess_dict(pack, {**AI_STARTUP, "activities": []}).result("m38")
    assert result.verdict == "eligible"
    assert result.best is not None and result.best.provision.id == "foreign_debt"
    sme = next(c for c in result.conditions if c.condition.id == "sme")
    assert sme.value is True and "2011" in sme.basis


def test_m38_without_hte_certificate_is_not_eligible(pack) -> None:
    profile = {**AI_STARTUP, "high_tech_enterprise": False, "activities": [], "sectors": []}
    # Since 汇发〔2022〕16号 a specialised SME (专精特新) qualifies too: until that is answered,
    # the verdict stays open.
    result = assess_dict(pack, profile).result("m38")
    assert result.verdict == "needs_info" and result.missing == ("specialized_sme",)
    profile["specialized_sme"] = False
    assert assess_dict(pack, profile).result("m38").verdict == "not_eligible"


def test_measure_takes_its_most_favourable_provision(pack) -> None:
    profile = {"name": "走出去矿业", "activities": ["overseas_investment"], "zone": "hubei_other"}
    result = assess_dict(pack, profile).result("m38")
    assert result.verdict == "eligible"
    assert result.best is not None and result.best.provision.id == "going_global_loans"


def test_next_questions_rank_the_most_decisive_key_per_effort_first(pack) -> None:
    from rules.questions import question_cost

    assessment = assess_dict(pack, {"name": "新公司"})
    ranks = [
        (len(q.settles) / question_cost(q.field), len(q.resolves) / question_cost(q.field))
        for q in assessment.next_questions
    ]
    assert ranks == sorted(ranks, reverse=True)
    needs_info = {r.measure.id for r in assessment.results if r.verdict == "needs_info"}
    for question in assessment.next_questions:
        assert set(question.settles) <= set(question.resolves) <= needs_info
        assert all(question.field in assessment.result(m).missing for m in question.resolves)


def test_a_key_that_cannot_settle_a_verdict_alone_is_told_apart(pack) -> None:
    m38 = assess_dict(pack, {"name": "光谷某公司", "zone": "ftz_wuhan"}).result("m38")
    assert m38.verdict == "needs_info"
    # An HTE certificate alone decides nothing: the company's size is unknown too, and the
    # leasing and going-global provisions still wait on its activities.
    assert "high_tech_enterprise" in m38.missing
    assert "high_tech_enterprise" not in m38.settled_by
    assert "activities" in m38.settled_by  # a leasing business alone makes it apply


def test_dated_parameter_is_chosen_by_as_of(pack) -> None:
    from rules.explain import fill_parameters

    text = "{param:foreign_debt_quota_usd}"
    assert fill_parameters(text, pack, date(2021, 6, 1), "en") == "USD 5 million"
    assert fill_parameters(text, pack, date(2022, 5, 31), "zh") == "1000万美元"


def test_a_parameter_not_yet_in_force_meets_no_answer(pack) -> None:
    # m12's city branch reads a parameter in force from 2023-04-10 (Xiangyang's IoV pilot
    # zone): before it, a connected-vehicle firm whose city is unanswered is not eligible on
    # that branch (no answer could meet it), where an unanswered key is otherwise unknown.
    firm = {
        "name": "某智能网联汽车公司",
        "zone": "hubei_other",
        "sectors": ["intelligent_connected_vehicles"],
        "activities": [],
    }
    before = assess_dict(pack, firm, date(2022, 12, 31)).result("m12")
    trace = [c for p in before.provisions for c in p.conditions if c.condition.param is not None]
    assert trace and all(c.result == "not_met" and not c.known for c in trace)
    assert "尚未生效" in trace[0].basis and "not yet in force" in trace[0].basis_in("en")
    after = assess_dict(pack, {**firm, "city": "xiangyang"}, date(2023, 6, 30)).result("m12")
    assert after.verdict == "eligible"


def test_past_deadline_caveat_only_after_2023(pack) -> None:
    before = assess_dict(pack, AI_STARTUP, date(2023, 6, 1)).result("m11")
    after = assess_dict(pack, AI_STARTUP, AS_OF).result("m11")
    assert "past_deadline" not in before.caveats
    assert "past_deadline" in after.caveats


def _cond(id_: str, field: str, value: Any) -> Condition:
    return Condition(
        id=id_,
        field=field,
        op="eq",
        value=value,
        text=Text(zh="条件", en="condition"),
        citation="xx",
    )


@pytest.mark.parametrize(
    ("facts", "all_", "any_", "not_"),
    [
        ({"tech_sme": True, "ic_enterprise": True}, "met", "met", "not_met"),
        ({"tech_sme": True}, "unknown", "met", "not_met"),
        ({"tech_sme": False}, "not_met", "unknown", "met"),
        ({}, "unknown", "unknown", "unknown"),
        ({"tech_sme": False, "ic_enterprise": False}, "not_met", "not_met", "met"),
    ],
)
def test_kleene_logic(pack, facts: dict[str, Any], all_: str, any_: str, not_: str) -> None:
    from rules.engine import _Evaluation

    evaluation = _Evaluation(pack, parse_profile({"name": "x", **facts}).facts(), AS_OF)
    a, b = _cond("a", "tech_sme", True), _cond("b", "ic_enterprise", True)
    assert evaluation.node(AllOf(all=[a, b]), "p", [])[0] == all_
    assert evaluation.node(AnyOf(any=[a, b]), "p", [])[0] == any_
    assert evaluation.node(NotOf.model_validate({"not": a}), "p", [])[0] == not_


def test_assessment_covers_every_measure_once(pack) -> None:
    assessment = assess(pack, parse_profile({"name": "x"}), AS_OF)
    ids = [r.measure.id for r in assessment.results]
    assert ids == [m.id for m in pack.measures] and len(set(ids)) == len(ids)


def test_size_figures_settle_the_sme_condition_only_when_they_can(pack) -> None:
    known = {"name": "光谷某高企", "zone": "ftz_wuhan", "high_tech_enterprise": True}
    known |= {"activities": [], "sectors": [], "industry_code": "C3976"}
    m38 = assess_dict(pack, known).result("m38")
    # A manufacturer is an SME when either figure is under its ceiling: employees under 1000
    # settle it at once, and so does revenue under 40,000 (万元).
    assert m38.verdict == "needs_info"
    assert set(m38.settled_by) == {"employees", "annual_revenue"}


def test_an_as_of_date_before_the_notice_gets_a_caveat(pack) -> None:
    issued = pack.manifest.document.issued
    early = assess_dict(pack, AI_STARTUP, date(2020, 12, 1)).result("m02")
    on_the_day = assess_dict(pack, AI_STARTUP, issued).result("m02")
    assert "before_issue" in early.caveats
    assert "before_issue" not in on_the_day.caveats


def test_outside_hubei_is_not_eligible_for_a_hubei_provision_and_unknown_stays_open(pack) -> None:
    hangzhou = {
        "name": "杭州云帆跨境电商有限公司",
        "zone": "outside_hubei",
        "activities": ["cross_border_ecommerce", "export_goods", "import_goods"],
    }
    outside = assess_dict(pack, hangzhou)
    unknown = assess_dict(pack, {k: v for k, v in hangzhou.items() if k != "zone"})
    assert outside.derived["in_hubei"].value is False
    assert outside.result("m35").verdict == "not_eligible"
    assert unknown.result("m35").verdict == "needs_info"
    assert "zone" in unknown.result("m35").missing


def test_a_provision_carries_its_own_standing(pack) -> None:
    """m17's provincial branch is not awaiting national approval, though the measure's other
    part is; m26's mixed-use land is exploratory, its standard land is not."""
    jingzhou = {
        "name": "荆州楚药生物科技有限公司",
        "zone": "hubei_other",
        "city": "jingzhou",
        "sectors": ["biomedicine"],
        "activities": ["medical_device_registration", "new_drug_development"],
    }
    testing = assess_dict(pack, jingzhou).result("m17")
    assert testing.verdict == "eligible"
    assert "pending_national_approval" not in testing.caveats
    land = {"name": "襄阳某装备有限公司", "zone": "hubei_other", "activities": ["industrial_land"]}
    standard_land = assess_dict(pack, land).result("m26")
    assert standard_land.verdict == "eligible" and "pilot" not in standard_land.caveats
    in_the_area = assess_dict(pack, {**land, "zone": "ftz_xiangyang"}).result("m26")
    provisions = {p.provision.id: p.result for p in in_the_area.provisions}
    assert provisions["mixed_innovative_land"] == "met"
    assert "pilot" in in_the_area.caveats
    assert pack.by_id["m26"].status == "in_force"
