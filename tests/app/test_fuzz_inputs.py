"""Hostile profiles and files through ``assess``, ``batch`` and ``clients import`` (issue 12).

The fuzz of ``bench/fuzz_inputs.py`` at a size that fits CI, with a fixed seed: no command may
end in an unexpected error (exit 1) or let a traceback out, and no good row of a batch or import
file may be lost because another row or cell of the file is hostile. The full-size run:
``.venv/bin/python -m bench.fuzz_inputs --profiles 12000 --files 200 --imports 150 --seed 1``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.fuzz_inputs import Failure, Outcome, fuzz

SEED = 20261130
PROFILES, FILES, IMPORTS = 600, 40, 30


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory) -> Outcome:
    return fuzz(PROFILES, FILES, IMPORTS, SEED, tmp_path_factory.mktemp("fuzz"))


def listed(failures: list[Failure]) -> str:
    """One line per cause, with how many cases it took and one example's message."""
    by_cause: dict[str, list[Failure]] = {}
    for failure in failures:
        by_cause.setdefault(failure.signature, []).append(failure)
    return "\n".join(
        f"{len(group)} x {signature}: {group[0].detail[:160]!r}"
        for signature, group in by_cause.items()
    )


def test_every_case_ran(outcome: Outcome) -> None:
    counts = outcome.counts
    assert counts["assess cases"] == PROFILES
    assert counts["batch cases"] == FILES
    assert counts["import cases"] == IMPORTS
    assert counts["batch good rows"] > FILES and counts["import good rows"] > IMPORTS
    assert counts["batch lines"] > PROFILES // 2 and counts["import lines"] > PROFILES // 2


def test_no_hostile_input_ends_in_an_unexpected_error(outcome: Outcome) -> None:
    crashes = outcome.of_kind("exit1", "escaped")
    assert not crashes, f"{len(crashes)} case(s) crashed:\n{listed(crashes)}"


def test_no_good_row_is_lost_to_a_hostile_one(outcome: Outcome) -> None:
    lost = outcome.of_kind("lost_good_rows")
    assert not lost, f"{len(lost)} file(s) lost good rows:\n{listed(lost)}"


def test_the_harness_sees_a_crash_and_a_lost_row(tmp_path: Path) -> None:
    """The checks themselves can fail: a file the reader cannot take whole is caught."""
    from bench.fuzz_inputs import CSV_FIELD_LIMIT, FileCase, FileRow, Harness, run_batch

    good = FileRow("good", True, "光谷好行有限公司", cells={"name": "光谷好行有限公司"})
    huge = FileRow("over_limit", False, "", cells={"name": "x" * (CSV_FIELD_LIMIT + 1)})
    missing = FileRow("good", True, "not in the file", csv_line="")
    case = FileCase("selfcheck", "batch", ".csv", (good, huge, missing), ("rows",))
    with Harness(tmp_path) as harness:
        _, failures = run_batch(harness, case, tmp_path)
    assert "lost_good_rows" in {f.kind for f in failures}
