"""Inferences for unanswered keys (rules.inference) and how the engine reads them."""

from __future__ import annotations

import pytest

from rules.answer import assessment_json
from rules.explain import condition_line
from rules.inference import infer
from tests.conftest import assess_dict

INSTITUTIONS = ("medical_institution", "research_institution", "financial_institution")


def test_a_supermarket_is_not_a_hospital_a_research_institute_or_a_bank() -> None:
    inferred = infer({"name": "武商超市", "industry_code": "F5212"})
    assert {key: inferred[key].value for key in INSTITUTIONS} == dict.fromkeys(INSTITUTIONS, False)
    medical = inferred["medical_institution"]
    assert medical.basis("zh") == "由行业代码 F5212（超级市场零售）推断：非医疗机构"
    assert medical.basis("en") == (
        "inferred from industry code F5212 (Supermarket retail): not a medical institution"
    )


@pytest.mark.parametrize(
    ("code", "key"),
    [
        ("Q8411", "medical_institution"),  # a general hospital
        ("Q8421", "medical_institution"),  # a community health centre
        ("P8341", "research_institution"),  # a university
        ("J6621", "financial_institution"),  # a commercial bank
        ("J6811", "financial_institution"),  # a life insurer
        ("C3973", "ic_enterprise"),  # a chip fab
        ("I6520", "ic_enterprise"),  # a chip designer
    ],
)
def test_the_class_that_is_that_kind_of_body_infers_yes(code: str, key: str) -> None:
    assert infer({"industry_code": code})[key].value is True


@pytest.mark.parametrize(
    ("code", "key"),
    [
        ("J6631", "financial_institution"),  # financial leasing: licensed or not
        ("J6920", "financial_institution"),  # other finance holds unlicensed firms
        ("J", "financial_institution"),  # a section letter only
        ("Q", "medical_institution"),
        ("Q8491", "medical_institution"),  # health checks: some licensed, some not
        ("M7484", "research_institution"),  # design institutes and design firms alike
        ("M7340", "research_institution"),  # medical research institutes and CROs alike
        ("I6513", "software_enterprise"),  # a software developer may or may not qualify
        ("C3976", "ic_enterprise"),  # optoelectronics may make IC materials
        ("S9221", "financial_institution"),  # public administration
    ],
)
def test_an_ambiguous_class_leaves_the_key_unknown(code: str, key: str) -> None:
    assert key not in infer({"industry_code": code})


def test_an_explicit_answer_overrides_an_inference(pack) -> None:
    profile = {"name": "某医院超市", "industry_code": "F5212", "medical_institution": True}
    assert "medical_institution" not in infer(profile)
    assessment = assess_dict(pack, profile)
    trace = next(
        c for c in assessment.result("m14").conditions if c.condition.field == "medical_institution"
    )
    assert trace.value is True and trace.inference is None


def test_city_from_a_hubei_credit_code() -> None:
    inferred = infer({"credit_code": "91420100MA4KX8N35J"})
    assert inferred["city"].value == "wuhan"
    assert "420100" in inferred["city"].basis("zh") and "Wuhan" in inferred["city"].basis("en")
    assert infer({"credit_code": "91420600MA49ABC121"})["city"].value == "xiangyang"
    assert infer({"credit_code": "91429004MA00000003"})["city"].value == "xiantao"


@pytest.mark.parametrize(
    "facts",
    [
        {"credit_code": "91110108MA01ABCD0B"},  # Beijing: outside Hubei, city stays unknown
        {"credit_code": "91420000MA0000000R"},  # the province itself names no city
        {"credit_code": "91420100MA4KX8N35K"},  # wrong check character
        {"credit_code": "not a code"},
        {"industry_code": "C99"},  # no such division
        {},
    ],
)
def test_nothing_is_inferred_from_a_code_outside_hubei_invalid_or_absent(facts) -> None:
    assert "city" not in infer(facts)
    if "industry_code" in facts:
        assert infer(facts) == {}


def test_the_trace_shows_the_inferred_basis_and_the_key_is_not_missing(pack) -> None:
    profile = {"name": "汉口超市", "industry_code": "F5212", "credit_code": "91420100MA4KX8N35J"}
    assessment = assess_dict(pack, profile)
    inferred = set(assessment.inferred)
    assert {"city", *INSTITUTIONS} <= inferred
    for result in assessment.results:
        assert not inferred & set(result.missing), result.measure.id
        for trace in result.conditions:
            if trace.condition.field in inferred:
                assert trace.known and trace.inference is not None
                assert trace.basis.startswith("由")
    assert not inferred & {q.field for q in assessment.next_questions}
    m14 = assessment.result("m14")
    line = next(
        condition_line(c, "en")
        for c in m14.conditions
        if c.condition.field == "medical_institution"
    )
    assert "inferred from industry code F5212" in line
    answer = assessment_json(assessment, "en")
    assert answer["inferred"]["city"] == {
        "value": "wuhan",
        "basis": assessment.inferred["city"].basis("en"),
    }


def test_an_unanswered_source_is_named_among_the_missing_keys(pack) -> None:
    m14 = assess_dict(pack, {"name": "新公司", "zone": "ftz_wuhan"}).result("m14")
    assert m14.verdict == "needs_info"
    assert {"medical_institution", "industry_code"} <= set(m14.missing)


def test_a_company_outside_hubei_is_in_no_hubei_city() -> None:
    from rules.inference import infer

    found = infer({"zone": "outside_hubei", "credit_code": "91420100MA4KX8N35J"})
    assert found["city"].value == "other"  # the zone overrules the Wuhan registration
    assert "湖北省外" in found["city"].basis("zh")
    assert "city" not in infer({"zone": "outside_hubei", "city": "other"})
