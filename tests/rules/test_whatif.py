"""What would make a measure apply proposes only changes a company of its kind could make,
the smallest first (rules.whatif, rules.plausibility)."""

from __future__ import annotations

from typing import Any

from rules.plausibility import change_cost
from rules.whatif import what_would_apply
from tests.conftest import AS_OF, assess_dict

BIOMEDICAL = {
    "clinical_trials",
    "new_drug_development",
    "generic_drug_development",
    "medical_device_registration",
    "import_special_biomedical_items",
    "import_drugs",
}
FINANCIAL = {"leasing_business", "factoring", "financing_guarantee", "green_finance"}


def _suggested(pack, profile: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    assessment = assess_dict(pack, profile)
    found = {}
    for result in assessment.results:
        suggestions = what_would_apply(pack, assessment.profile, result, AS_OF)
        if suggestions:
            found[result.measure.id] = [dict(s.changes) for s in suggestions]
    return found


def _added_activities(suggested: dict[str, list[dict[str, Any]]], before: list[str]) -> set[str]:
    return {
        tag
        for changes in suggested.values()
        for change in changes
        for tag in change.get("activities", [])
        if tag not in before
    }


def test_a_fruit_importer_is_never_told_to_develop_drugs(pack) -> None:
    importer = {
        "name": "荆州鲜果进出口有限公司",
        "zone": "hubei_other",
        "city": "jingzhou",
        "industry_code": "F5124",  # 果品、蔬菜批发
        "sectors": [],
        "activities": ["import_goods", "import_fresh_food"],
        "high_tech_enterprise": False,
    }
    suggested = _suggested(pack, importer)
    assert suggested  # something is still proposed...
    assert not _added_activities(suggested, importer["activities"]) & BIOMEDICAL  # ...not this


def test_a_machine_tool_maker_is_never_told_to_take_up_financial_business(pack) -> None:
    maker = {
        "name": "襄阳精密数控机床有限公司",
        "zone": "hubei_other",
        "city": "xiangyang",
        "industry_code": "C3421",  # 金属切削机床制造
        "sectors": ["high_end_equipment"],
        "activities": ["export_goods"],
        "high_tech_enterprise": False,
    }
    added = _added_activities(_suggested(pack, maker), maker["activities"])
    assert not added & (FINANCIAL | BIOMEDICAL)


def test_a_drug_maker_may_be_told_to_run_clinical_trials(pack) -> None:
    # The filter is by line of business, not a blanket ban: for a drug maker these fit.
    cost = change_cost(("activities", ["clinical_trials"]), {"industry_code": "C2710"})
    assert cost is not None
    assert change_cost(("activities", ["clinical_trials"]), {"industry_code": "F5124"}) is None


def test_the_ftz_area_of_the_companys_own_city_comes_first(pack) -> None:
    firm = {
        "name": "襄阳智行科技有限公司",
        "zone": "hubei_other",
        "city": "xiangyang",
        "industry_code": "I6513",
        "sectors": ["artificial_intelligence"],
        "activities": [],
        "core_link_rnd_production": True,
        "first_profit_year": None,
        "key_field_in_catalogue": True,
        "high_tech_enterprise": True,
    }
    suggested = _suggested(pack, firm)
    zones = [c["zone"] for changes in suggested.values() for c in changes if "zone" in c]
    assert zones and all(zone == "ftz_xiangyang" for zone in zones[:1])
    # A move across the province is a larger change than one within the city.
    own = change_cost(("zone", "ftz_xiangyang"), firm)
    other = change_cost(("zone", "ftz_wuhan"), firm)
    assert own is not None and other is not None and own < other


def test_a_large_company_is_not_told_to_become_a_specialised_sme(pack) -> None:
    before = {"industry_code": "C3421", "is_sme": False}
    assert change_cost(("specialized_sme", True), before) is None
    assert change_cost(("tech_sme", True), before) is None
    assert change_cost(("high_tech_enterprise", True), before) is not None


def test_an_unknown_line_of_business_makes_an_activity_a_larger_change() -> None:
    known = change_cost(("activities", ["clinical_trials"]), {"industry_code": "C2710"})
    unknown = change_cost(("activities", ["clinical_trials"]), {})
    assert known is not None and unknown is not None and unknown > known
