"""The walk-in interview (rules.interview): next question, open tags, interview length."""

from __future__ import annotations

import statistics
from datetime import date

import pytest

from bench.bench_interview import companies
from rules.engine import evaluate_measure
from rules.interview import count_questions, next_question, open_tags
from rules.vocabulary import ACTIVITIES
from tests.conftest import assess_dict

AS_OF = date(2026, 11, 29)

# Questions each company's interview takes after the identity step (docs/benchmarks.md,
# "Interview length"): a bound, so the count cannot creep back. Before inference and cost
# ranking the median was 13; the certificates are one question (rules.interview.QUESTION_GROUPS).
BOUNDS = {
    "ai_startup_wuhan": 9,
    "game_studio_wuhan": 8,  # "software" is in m02's open list: core link and profit year asked
    "generic_drug_maker_yichang": 8,
    "logistics_xiangyang": 6,
    "retailer_wuhan": 5,
    "air_freight_forwarder_ezhou": 5,
    "battery_recycler_jingmen": 6,
    "biotech_startup_ftz_wuhan": 8,
    "chemical_maker_jingzhou_linkage": 7,
    "city_commercial_bank_branch_ftz": 7,
    "cold_chain_warehouse_xiangyang": 7,
    "cross_border_ecommerce_yichang": 5,
    "financial_leasing_ftz_wuhan": 7,
    # IC is in m02's open list (core link, profit year, catalogue); m03's tiers need the IC
    # role and the line width (C3973 holds fabs and packagers alike, so the role is asked).
    "ic_fab_ftz_wuhan": 12,
    "japanese_auto_parts_xiangyang": 7,
    "mushroom_exporter_suizhou": 5,
    "private_hospital_ftz_wuhan": 7,
    "software_firm_changsha_outside_hubei": 5,
    "software_sme_wuhan_devzone": 8,  # a Wuhan national zone: East Lake or not is asked (m41)
    "sole_trader_restaurant_huangshi": 8,
    "supermarket_wuhan": 6,
    "testing_lab_ftz_wuhan": 9,
    "university_spinoff_laser_rd": 9,
}


@pytest.fixture(scope="module")
def interviews(pack) -> dict[str, tuple[int, list[str]]]:
    return {stem: count_questions(pack, p, AS_OF) for stem, p in companies().items()}


def test_the_median_interview_takes_at_most_seven_questions(interviews) -> None:
    assert set(interviews) == set(BOUNDS)
    assert statistics.median(count for count, _ in interviews.values()) <= 7


@pytest.mark.parametrize("stem", sorted(BOUNDS))
def test_each_interview_stays_within_its_bound(interviews, stem: str) -> None:
    count, asked = interviews[stem]
    assert count <= BOUNDS[stem], asked
    assert len(set(asked)) == len(asked)  # no key is asked twice


def test_inferred_keys_are_not_asked(interviews) -> None:
    _, asked = interviews["supermarket_wuhan"]
    assert not {"city", "medical_institution", "research_institution"} & set(asked)


def test_a_full_interview_leaves_no_measure_open(pack) -> None:
    # A full profile: the fab's own file leaves m02's catalogue question open (unpublished).
    profile = {**companies()["ic_fab_ftz_wuhan"], "key_field_in_catalogue": False}
    _, asked = count_questions(pack, profile, AS_OF)
    answered = {"name": profile["name"], **{k: profile[k] for k in asked}}
    assessment = assess_dict(pack, answered, AS_OF)
    assert not [r.measure.id for r in assessment.results if r.verdict == "needs_info"]


def test_a_dont_know_is_counted_and_not_asked_again(pack) -> None:
    count, asked = count_questions(pack, {"name": "什么都不知道的公司"}, AS_OF)
    assert count <= len(asked) == len(set(asked))
    assessment = assess_dict(pack, {"name": "什么都不知道的公司"}, AS_OF)
    # The credit code was "don't know" at the identity step, before the counted questions.
    assert "credit_code" not in asked
    assert next_question(assessment, {*asked, "credit_code"}) is None


def test_next_question_skips_what_was_skipped(pack) -> None:
    assessment = assess_dict(pack, {"name": "新公司"}, AS_OF)
    first = next_question(assessment, set())
    assert first is not None and first == assessment.next_questions[0]
    second = next_question(assessment, {first.field})
    assert second is not None and second == assessment.next_questions[1]


def test_open_tags_are_those_that_still_change_an_open_verdict(pack) -> None:
    facts = {"name": "汉口超市", "zone": "hubei_other", "industry_code": "F5212", "sectors": []}
    assessment = assess_dict(pack, facts, AS_OF)
    tags = open_tags(assessment, "activities")
    open_measures = [r.measure for r in assessment.results if r.verdict == "needs_info"]

    def changes(tag: str) -> int:
        full = assessment.profile.facts()
        return sum(
            evaluate_measure(pack, {**full, "activities": [tag]}, m, AS_OF).verdict
            != evaluate_measure(pack, {**full, "activities": []}, m, AS_OF).verdict
            for m in open_measures
        )

    assert tags and len(tags) < len(ACTIVITIES)
    assert all(changes(tag) > 0 for tag in tags)
    assert all(changes(tag) == 0 for tag in ACTIVITIES if tag not in tags)
    assert [changes(t) for t in tags] == sorted((changes(t) for t in tags), reverse=True)
    assert "import_ccc_office_supplies" not in tags  # it opens no measure (FACTS.md §5)


def test_no_open_tags_once_the_key_is_answered(pack) -> None:
    assessment = assess_dict(pack, {"name": "新公司", "sectors": ["logistics"]}, AS_OF)
    assert open_tags(assessment, "sectors") == []
