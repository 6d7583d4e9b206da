"""Which changes a company of its kind could make, and how large each is: what "what would make
it apply" (rules.whatif) may propose, and in which order.

A fruit importer is not told to develop new drugs, nor a machine-tool maker to take up
financial leasing: an activity that belongs to certain lines of business is proposed only to a
company whose industry code or sectors are in one of them (GB/T 4754-2017). Where neither is
answered nothing can be judged, so the activity stays possible but counts as a larger change.
A move into the FTZ is smallest into the area of the company's own city.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from rules.vocabulary import FTZ_AREA_CITY, OUTSIDE_HUBEI

Change = tuple[str, Any]  # (profile key, new value)

# Activity -> (industry code prefixes, sectors) of the businesses that take it up.
_BIOMEDICAL_CODES: Final = ("C27", "C358", "M73", "Q84", "P834")
_BIOMEDICAL_SECTORS: Final = ("biomedicine", "medical_devices", "medical_services")
_FINANCE_CODES: Final = ("J",)
_FINANCE_SECTORS: Final = ("finance", "fintech", "leasing", "insurance")
ACTIVITY_FITS: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    # Drug and medical-device work: drug and device makers, R&D labs, hospitals, universities.
    "clinical_trials": (_BIOMEDICAL_CODES, _BIOMEDICAL_SECTORS),
    "new_drug_development": (("C27", "M73", "P834"), ("biomedicine",)),
    "generic_drug_development": (("C27", "M73"), ("biomedicine",)),
    "medical_device_registration": (("C358", "C27", "M73"), ("medical_devices", "biomedicine")),
    "import_special_biomedical_items": (_BIOMEDICAL_CODES, _BIOMEDICAL_SECTORS),
    # Drug imports: makers, drug wholesalers and pharmacies (F515, F525), hospitals.
    "import_drugs": (("C27", "F515", "F525", "Q84"), ("biomedicine", "medical_services")),
    # Licensed or regulated financial business.
    "leasing_business": ((*_FINANCE_CODES, "L71"), ("leasing", "finance")),
    "factoring": (_FINANCE_CODES, _FINANCE_SECTORS),
    "financing_guarantee": (_FINANCE_CODES, _FINANCE_SECTORS),
    "green_finance": (_FINANCE_CODES, _FINANCE_SECTORS),
    # Food and animals: farms, food processors, wholesalers and retailers, caterers, cold chains.
    "import_live_animals": (("A03", "A04", "C13", "F51"), ()),
    "import_fresh_food": (("A", "C13", "C14", "F51", "F52", "H62", "G59"), ("logistics",)),
    # Goods made on production lines.
    "remanufacturing_import": (("C",), ("high_end_equipment", "new_energy_vehicles")),
    "import_ccc_production_equipment": (("C",), ()),
}

# Statuses: what each takes, and who cannot obtain it.
_STATUS_COST: Final = {
    "tech_sme": 1.5,  # a registration on the national platform
    "software_enterprise": 2.0,
    "high_tech_enterprise": 3.0,  # an accreditation with R&D, IP and staff thresholds
    "specialized_sme": 3.0,
}
_ACTIVITY_COST: Final = 1.0
_UNJUDGED_COST: Final = 1.0  # added when the company's line of business is not known
_OWN_CITY_MOVE: Final = 2.0
_OTHER_CITY_MOVE: Final = 5.0


def _fits_business(tag: str, facts: Mapping[str, Any]) -> bool | None:
    """Whether the company's line of business fits ``tag``; None when nothing tells."""
    fit = ACTIVITY_FITS.get(tag)
    if fit is None:
        return True
    codes, sectors = fit
    code = facts.get("industry_code")
    have = facts.get("sectors")
    if isinstance(code, str) and code.startswith(codes):
        return True
    if isinstance(have, list) and set(have) & set(sectors):
        return True
    if isinstance(code, str) or isinstance(have, list):
        return False
    return None


def _status_possible(key: str, facts: Mapping[str, Any]) -> bool:
    if key == "software_enterprise":
        return facts.get("software_enterprise") is not False  # an inferred "no" rules it out
    if key in ("tech_sme", "specialized_sme"):
        return facts.get("is_sme") is not False  # both are for SMEs
    return True


def change_cost(change: Change, before: Mapping[str, Any]) -> float | None:
    """How large a change is for this company (``before``: its answers, inferences and the
    derived ``is_sme``), or None when a company of its kind could not make it."""
    key, value = change
    if key == "zone":
        if before.get("zone") == OUTSIDE_HUBEI or value == OUTSIDE_HUBEI:
            return _OTHER_CITY_MOVE
        area_city = FTZ_AREA_CITY.get(value)
        city = before.get("city")
        if area_city is None or city is None or city == area_city:
            return _OWN_CITY_MOVE
        return _OTHER_CITY_MOVE
    if key == "activities":
        added = [tag for tag in value if tag not in (before.get("activities") or [])]
        cost = 0.0
        for tag in added:
            fits = _fits_business(tag, before)
            if fits is False:
                return None
            cost += _ACTIVITY_COST + (_UNJUDGED_COST if fits is None else 0.0)
        return cost
    if key in _STATUS_COST:
        return _STATUS_COST[key] if _status_possible(key, before) else None
    if key == "rd_expense_ratio":
        return 2.0
    return 1.0
