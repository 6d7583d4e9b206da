"""The pack's YAML cases, collected by pytest as they are run by ``policy-check rules test``."""

from __future__ import annotations

import pytest

from rules.cases import Case, load_cases, run_case
from rules.pack import DEFAULT_PACK_DIR, Pack

CASES = load_cases(DEFAULT_PACK_DIR)


@pytest.mark.parametrize(
    ("file", "case"), CASES, ids=[f"{file}:{case.name}" for file, case in CASES]
)
def test_case(pack: Pack, file: str, case: Case) -> None:
    outcome = run_case(pack, file, case)
    assert outcome.failures == ()
