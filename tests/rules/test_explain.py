"""Explanations read off the trace, in Chinese and English."""

from __future__ import annotations

from rules.answer import assessment_json
from tests.conftest import assess_dict

RETAILER = {
    "name": "汉口百货零售有限公司",
    "zone": "hubei_other",
    "city": "wuhan",
    "industry_code": "F5211",
    "sectors": [],
    "activities": ["import_goods"],
    "first_profit_year": 2013,
    "high_tech_enterprise": False,
}


def _by_id(answer: dict) -> dict:
    return {r["measure"]: r for r in answer["results"]}


def test_why_not_names_each_failed_condition_and_the_answer(pack) -> None:
    zh = _by_id(assessment_json(assess_dict(pack, RETAILER), "zh"))["m02"]
    assert zh["reason"].startswith("不适用：")
    assert "企业位于自贸试验区内（武汉、襄阳或宜昌片区）：不满足（您的情况：否）" in zh["reason"]
    assert "2013–2017" in zh["reason"]  # what the closed profit window rests on
    en = _by_id(assessment_json(assess_dict(pack, RETAILER), "en"))["m02"]
    assert (
        "The company is in the FTZ (Wuhan, Xiangyang or Yichang area): not met (yours: no)"
        in (en["reason"])
    )


def test_what_would_make_it_apply_with_prerequisite_and_hte_hint(pack) -> None:
    profile = {**RETAILER, "annual_revenue": 3000, "rd_expense_ratio": 6.0}
    profile["specialized_sme"] = False
    m38 = _by_id(assessment_json(assess_dict(pack, profile), "en"))["m38"]
    texts = [w["text"] for w in m38["what_would_apply"]]
    hte = next(t for t in texts if "high-tech enterprise certificate" in t)
    # Since 汇发〔2022〕16号 the pilot covers all of Hubei: the certificate alone would do.
    assert hte.startswith("If you obtained a high-tech enterprise certificate, it would apply.")
    assert "First obtain a high-tech enterprise certificate" in hte
    assert "your R&D ratio of 6% already meets the 5% an HTE needs" in hte
    changes = [w["changes"] for w in m38["what_would_apply"]]
    # A department store could invest abroad; financial leasing is not its line of business.
    assert {"activities": ["import_goods", "overseas_investment"]} in changes
    assert {"activities": ["import_goods", "leasing_business"]} not in changes


def test_needs_info_asks_the_questions(pack) -> None:
    answer = assessment_json(assess_dict(pack, {"name": "新公司", "zone": "ftz_wuhan"}), "zh")
    m02 = _by_id(answer)["m02"]
    assert m02["verdict"] == "needs_info"
    assert "企业从事哪些重点产业领域?" in m02["reason"]
    assert m02["explanation"] == [
        "企业从事哪些重点产业领域?",
        "是否从事关键领域核心环节的生产研发?",
        "首个获利年度(尚未获利请选择“尚未获利”)",
        # m02's list is open: for a field it does not name, the province's catalogue decides
        "企业所在领域是否已列入省里确定的第2条15%税率关键领域目录?"
        "(第2条所列领域后有“等”字,名单开放,以省级目录为准)",
    ]


def test_eligible_says_what_is_met_and_what_it_gains(pack) -> None:
    profile = {
        "name": "光谷智算",
        "zone": "ftz_wuhan",
        "sectors": ["artificial_intelligence"],
        "core_link_rnd_production": True,
        "first_profit_year": None,
    }
    m02 = _by_id(assessment_json(assess_dict(pack, profile), "en"))["m02"]
    assert m02["reason"].startswith("Applies: Corporate income tax at 15%")
    assert "15% instead of the standard 25%" in m02["gains"]
    assert m02["caveats"][0]["code"] == "pending_national_approval"
    assert len(m02["explanation"]) == 5  # FTZ, named field, named-or-adjacent, core link, window
    assert m02["explanation"][1].endswith("(yours: Artificial intelligence)")


def test_numeric_thresholds_are_shown(pack) -> None:
    from rules.engine import ConditionTrace
    from rules.explain import condition_line
    from rules.pack import Condition, Text

    condition = Condition(
        id="rd", field="rd_expense_ratio", op="gte", value=5,
        text=Text(zh="研发费用占比达标", en="R&D ratio high enough"), citation="xx",
    )  # fmt: skip
    trace = ConditionTrace(condition, "p", 3.5, True, 5, "not_met", False)
    assert (
        condition_line(trace, "en") == "R&D ratio high enough: not met (yours: 3.5%; required ≥ 5%)"
    )
    assert condition_line(trace, "zh") == "研发费用占比达标：不满足（您的情况：3.5%；要求≥5%）"


def test_chinese_reasons_use_full_width_separators(pack) -> None:
    from rules.explain import reason
    from tests.conftest import AI_STARTUP, assess_dict

    assessment = assess_dict(pack, {**AI_STARTUP, "zone": "outside_hubei", "city": "other"})
    reasons = [reason(r, "zh") for r in assessment.results] + [
        reason(r, "zh") for r in assess_dict(pack, AI_STARTUP).results
    ]
    joined = "\n".join(reasons)
    assert "满足：" in joined and "不适用：" in joined and "；" in joined
    assert "; " not in joined and "满足:" not in joined
