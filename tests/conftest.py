"""Shared fixtures: the bundled pack and a profile factory."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.self_test import EXAMPLE
from rules.engine import Assessment, assess
from rules.pack import Pack, load_pack
from rules.profile import parse_profile

AS_OF = date(2026, 11, 26)

# A Wuhan-area AI start-up: SME, HTE, core R&D, first profitable in 2024 (the self-test example).
AI_STARTUP = dict(EXAMPLE)


@pytest.fixture(scope="session")
def pack() -> Pack:
    return load_pack()


def assess_dict(pack: Pack, data: dict[str, Any], as_of: date = AS_OF) -> Assessment:
    return assess(pack, parse_profile(data), as_of)
