"""Every measure is tested by its cases, and the pack README's coverage table is current."""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

from rules.cases import load_cases
from rules.coverage import refresh_readme
from rules.pack import DEFAULT_PACK_DIR


def test_each_measure_has_cases_for_and_against(pack) -> None:
    expected: dict[str, set[str]] = defaultdict(set)
    for _, case in load_cases(DEFAULT_PACK_DIR):
        for measure_id, verdict in case.expect.items():
            expected[measure_id].add(verdict)
    for measure in pack.measures:
        verdicts = expected[measure.id]
        if measure.kind == "government_task":
            assert verdicts == {"not_applicable"}, measure.id
        else:
            assert {"eligible", "not_eligible"} <= verdicts, (measure.id, verdicts)


def test_readme_coverage_table_is_current(tmp_path: Path) -> None:
    copy = tmp_path / "pack"
    shutil.copytree(DEFAULT_PACK_DIR, copy)
    assert not refresh_readme(copy), "run rules.coverage.refresh_readme on the pack README"
