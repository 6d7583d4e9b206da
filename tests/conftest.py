"""Shared fixtures: the bundled pack and a profile factory."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from rules.engine import Assessment, assess
from rules.pack import Pack, load_pack
from rules.profile import parse_profile

AS_OF = date(2026, 11, 26)

# A Wuhan-area AI start-up: SME, HTE, core R&D, first profitable in 2024.
AI_STARTUP = {
    "name": "光谷智算科技有限公司",
    "credit_code": "91420100MA4KX8N35J",
    "zone": "ftz_wuhan",
    "industry_code": "I6513",
    "sectors": ["artificial_intelligence"],
    "core_link_rnd_production": True,
    "first_profit_year": 2024,
    "employees": 45,
    "annual_revenue": 3200,
    "high_tech_enterprise": True,
}


@pytest.fixture(scope="session")
def pack() -> Pack:
    return load_pack()


def assess_dict(pack: Pack, data: dict[str, Any], as_of: date = AS_OF) -> Assessment:
    return assess(pack, parse_profile(data), as_of)
