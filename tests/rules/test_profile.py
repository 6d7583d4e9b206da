"""The profile model: absent is unknown, explicit answers are kept, bad values are refused."""

from datetime import date
from typing import Any

import pytest

from rules.profile import PROFILE_KEYS, ProfileError, load_profile_json, parse_profile

CONTRACT_KEYS = [
    "name",
    "credit_code",
    "zone",
    "city",
    "industry_code",
    "sectors",
    "activities",
    "core_link_rnd_production",
    "employees",
    "annual_revenue",
    "total_assets",
    "established",
    "first_profit_year",
    "rd_expense_ratio",
    "high_tech_enterprise",
    "tech_sme",
    "specialized_sme",
    "ic_enterprise",
    "ic_line_width_nm",
    "software_enterprise",
    "foreign_invested",
    "medical_institution",
    "research_institution",
    "financial_institution",
    "key_field_in_catalogue",
    # added by the pack's issue-10 review (CONTRACT.md allows adding, never renaming)
    "ic_role",
    "in_east_lake",
    "key_enterprise",
    "in_han_river_basin",
    "imports_via_yichang",
]


def test_every_contract_key_is_a_profile_key() -> None:
    assert list(PROFILE_KEYS) == CONTRACT_KEYS


def test_absent_keys_are_unknown_and_explicit_answers_are_kept() -> None:
    profile = parse_profile(
        {"name": "甲", "first_profit_year": None, "sectors": [], "tech_sme": False}
    )
    facts = profile.facts()
    assert facts == {"name": "甲", "first_profit_year": None, "sectors": [], "tech_sme": False}
    assert "employees" not in facts and "zone" not in facts


def test_round_trip_keeps_only_answered_keys() -> None:
    data = {
        "name": "乙",
        "established": "2019-03-01",
        "first_profit_year": None,
        "employees": 0,
        "annual_revenue": 12.5,
    }
    profile = parse_profile(data)
    assert profile.established == date(2019, 3, 1)
    assert profile.to_json_dict() == data


def _problems(data: Any) -> list[str]:
    with pytest.raises(ProfileError) as caught:
        parse_profile(data)
    return caught.value.problems


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("name", "", "name: "),
        ("name", 5, "name: expected text"),
        ("credit_code", "91420100MA4KX8N35K", "credit_code: check character is wrong"),
        ("credit_code", 91420100, "credit_code: expected text"),
        ("zone", "wuhan", "zone: 'wuhan' is not one of the allowed values"),
        ("city", "beijing", "city: 'beijing' is not one of the allowed values"),
        ("industry_code", "C3999", "industry_code: 'C3999': there is no class"),
        ("sectors", "software", "sectors: expected a list"),
        ("sectors", ["software", "sofware"], "sectors[1]: 'sofware' is not one of"),
        ("sectors", ["software", "software"], "sectors: 'software' is listed twice"),
        ("activities", ["export"], "activities[0]: 'export' is not one of"),
        ("core_link_rnd_production", "yes", "core_link_rnd_production: expected true or false"),
        ("employees", -1, "employees: -1 is out of range"),
        ("employees", 12.5, "employees: expected a whole number"),
        ("employees", "12", "employees: expected a whole number"),
        ("annual_revenue", -0.1, "annual_revenue: -0.1 is out of range"),
        ("annual_revenue", "3000", "annual_revenue: expected a number"),
        ("total_assets", -5, "total_assets: -5 is out of range"),
        ("established", "2020/01/01", "established: must be a date written YYYY-MM-DD"),
        ("established", 20200101, "established: must be a date written YYYY-MM-DD"),
        ("established", "2021-02-30", "established: '2021-02-30' is not a real date"),
        ("first_profit_year", 1800, "first_profit_year: 1800 is out of range"),
        ("first_profit_year", "2020", "first_profit_year: expected a whole number"),
        ("rd_expense_ratio", 101, "rd_expense_ratio: 101 is out of range"),
        ("rd_expense_ratio", -1, "rd_expense_ratio: -1 is out of range"),
        ("high_tech_enterprise", 1, "high_tech_enterprise: expected true or false"),
        ("tech_sme", "false", "tech_sme: expected true or false"),
        ("specialized_sme", 0, "specialized_sme: expected true or false"),
        ("ic_enterprise", "no", "ic_enterprise: expected true or false"),
        ("ic_line_width_nm", 0, "ic_line_width_nm: 0 is out of range"),
        ("ic_line_width_nm", float("inf"), "ic_line_width_nm: inf is not a finite number"),
        ("total_assets", float("nan"), "total_assets: nan is not a finite number"),
        ("software_enterprise", [], "software_enterprise: expected true or false"),
        ("foreign_invested", None, "foreign_invested: null is not an answer here"),
        ("medical_institution", "n", "medical_institution: expected true or false"),
        ("research_institution", 2, "research_institution: expected true or false"),
        ("financial_institution", {}, "financial_institution: expected true or false"),
        ("typo_key", 1, "typo_key: unknown key"),
    ],
)
def test_each_field_refuses_a_wrong_value_naming_the_field(
    key: str, value: Any, message: str
) -> None:
    problems = _problems({"name": "丙", key: value} if key != "name" else {key: value})
    assert any(p.startswith(message) for p in problems), problems


def test_every_problem_is_reported_at_once() -> None:
    problems = _problems({"name": "丁", "zone": "x", "employees": -3, "colour": "red"})
    assert len(problems) == 3


def test_name_is_required() -> None:
    assert _problems({"zone": "ftz_wuhan"}) == ["name: required"]


def test_not_an_object() -> None:
    assert _problems([1, 2]) == ["profile: expected a JSON object with the company's answers"]


def test_malformed_json_reports_the_position() -> None:
    with pytest.raises(ProfileError) as caught:
        load_profile_json('{"name": "戊",\n "zone": }')
    assert caught.value.problems[0].startswith("profile: malformed JSON at line 2")


@pytest.mark.parametrize(
    ("zone", "city"),
    [("outside_hubei", "xiangyang"), ("ftz_wuhan", "yichang"), ("ftz_yichang", "wuhan")],
)
def test_a_zone_that_contradicts_the_city_is_refused_naming_both(zone: str, city: str) -> None:
    with pytest.raises(ProfileError) as refused:
        parse_profile({"name": "矛盾企业", "zone": zone, "city": city})
    (line,) = refused.value.problems
    assert line.startswith("zone, city: ") and zone in line and city in line


@pytest.mark.parametrize(
    ("zone", "city"),
    [("outside_hubei", "other"), ("ftz_wuhan", "wuhan"), ("ftz_linkage", "jingzhou")],
)
def test_zone_and_city_that_agree_are_taken(zone: str, city: str) -> None:
    assert parse_profile({"name": "企业", "zone": zone, "city": city}).city == city
