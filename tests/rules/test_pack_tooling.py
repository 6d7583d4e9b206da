"""Pack loading, lint and diff on deliberately broken copies of the bundled pack."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from rules.diff import diff_packs
from rules.lint import lint_pack
from rules.notice import split_measures
from rules.pack import DEFAULT_PACK_DIR, PackError, content_hash, load_pack


def copy_pack(
    tmp_path: Path, edit: Callable[[str], str] | None = None, measure: str = "m02"
) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(DEFAULT_PACK_DIR, folder)
    if edit is not None:
        path = folder / "measures" / f"{measure}.yaml"
        path.write_text(edit(path.read_text("utf-8")), "utf-8")
    return folder


def test_bundled_pack_is_complete_and_clean(pack) -> None:
    assert [m.number for m in pack.measures] == list(range(1, 69))
    assert lint_pack(DEFAULT_PACK_DIR) == []


def test_every_clause_and_citation_is_verbatim_in_the_notice(pack) -> None:
    clauses = split_measures(pack.notice)
    for measure in pack.measures:
        assert measure.clause == clauses[measure.number]
        for provision in measure.provisions:
            from rules.pack import iter_conditions

            for condition in iter_conditions(provision.criteria):
                assert condition.citation in measure.clause, (measure.id, condition.id)


def test_a_citation_not_in_the_clause_is_refused(tmp_path: Path) -> None:
    folder = copy_pack(
        tmp_path, lambda t: t.replace("citation: 对自贸试验区内", "citation: 对全省企业")
    )
    with pytest.raises(PackError, match="m02/cit_15/in_ftz: citation is not verbatim"):
        load_pack(folder)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("field: core_link_rnd_production", "field: core_link", "unknown field 'core_link'"),
        ("op: intersects", "op: overlaps", "op"),
        ("kind: benefit", "kind: bonus", "kind"),
        ("id: m02\n", "id: m2\n", "id"),
        ("  en: 15% corporate income tax for key-industry enterprises\n", "", "title.en"),
    ],
)
def test_schema_problems_name_the_place(tmp_path: Path, old: str, new: str, message: str) -> None:
    folder = copy_pack(tmp_path, lambda t: t.replace(old, new, 1))
    problems = lint_pack(folder)
    assert problems and any(message in p for p in problems), problems


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "value: [optoelectronics, artificial_intelligence,",
            "value: [optoelectronix, artificial_intelligence,",
            "'optoelectronix' is not a known value of sectors",
        ),
        ("status: pending_national_approval", "status: government_task", "kind and status"),
        (
            "          field: profit_window_open\n          op: eq\n          value: true",
            "          field: in_ftz\n          op: eq\n          value: false",
            "m02/cit_15: no answers can meet these criteria",
        ),
        (
            "en: The company is in the FTZ (Wuhan, Xiangyang or Yichang area)",
            "en: 企业位于自贸试验区内",
            "English text looks untranslated",
        ),
    ],
)
def test_lint_finds_what_loading_cannot(tmp_path: Path, old: str, new: str, message: str) -> None:
    folder = copy_pack(tmp_path, lambda t: t.replace(old, new, 1))
    problems = lint_pack(folder)
    assert any(message in p for p in problems), problems


def test_a_missing_measure_is_reported(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path)
    (folder / "measures" / "m40.yaml").unlink()
    assert "m40: measure 40 of the notice is not in the pack" in lint_pack(folder)


def test_diff_lists_changed_measures_and_the_hash_changes(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path, lambda t: t.replace("value: true", "value: false", 1), "m38")
    assert content_hash(folder) != content_hash(DEFAULT_PACK_DIR)
    changes = diff_packs(load_pack(DEFAULT_PACK_DIR), load_pack(folder))
    assert [(c.measure, c.change) for c in changes] == [("m38", "changed")]
    assert "criteria of foreign_debt changed" in changes[0].details


def test_cases_do_not_change_the_hash(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path)
    (folder / "cases" / "m02.yaml").write_text("[]\n", "utf-8")
    assert content_hash(folder) == content_hash(DEFAULT_PACK_DIR)


def test_rules_commands_on_a_broken_pack_exit_2(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path, lambda t: t.replace("field: core_link_rnd_production", "field: x"))
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "rules", "lint", str(folder)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2 and "unknown field 'x'" in done.stderr
    diff = subprocess.run(
        [sys.executable, "-m", "app.cli", "rules", "diff", str(DEFAULT_PACK_DIR), str(folder)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert diff.returncode == 2 and "unknown field 'x'" in diff.stderr


def test_provision_coverage_names_the_outcome_a_provision_lacks(tmp_path: Path) -> None:
    from rules.cases import load_cases, provision_coverage

    folder = copy_pack(tmp_path)
    # Only a case where m38's foreign-debt provision is met: not met and unknown are lacking.
    (folder / "cases" / "m38.yaml").write_text(
        "- name: HTE SME in the Wuhan area\n"
        "  as_of: 2026-11-29\n"
        "  profile: {name: 光谷智算, zone: ftz_wuhan, industry_code: I6513, employees: 45,"
        " annual_revenue: 3200, high_tech_enterprise: true, specialized_sme: false,"
        " activities: [], sectors: []}\n"
        "  expect: {m38: eligible}\n",
        "utf-8",
    )
    pack = load_pack(folder)
    coverage = {
        (c.measure_id, c.provision_id): c for c in provision_coverage(pack, load_cases(folder))
    }
    foreign_debt = next(c for (m, _), c in coverage.items() if m == "m38" and c.counts["met"])
    assert foreign_debt.missing == ("not_met", "unknown")
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "rules", "test", "--coverage", str(folder)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 1
    assert "provision(s) lack a case" in done.stdout
    assert any(
        line.startswith("m38") and "not_met, unknown" in line for line in done.stdout.splitlines()
    )
