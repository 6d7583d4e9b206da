"""``policy-check`` as a user runs it: real processes, real files, exit codes and messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from rules.profile import PROFILE_KEYS
from tests.conftest import AI_STARTUP


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def write_profile(tmp_path: Path, data: Any, name: str = "profile.json") -> Path:
    path = tmp_path / name
    path.write_text(
        data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), "utf-8"
    )
    return path


def test_assess_json_answers_per_contract(tmp_path: Path) -> None:
    done = run(
        "assess",
        str(write_profile(tmp_path, AI_STARTUP)),
        "--format",
        "json",
        "--as-of",
        "2026-11-26",
    )
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["pack"]["id"] == "hubei-ftz-2021" and len(answer["pack"]["sha256"]) == 64
    assert answer["as_of"] == "2026-11-26"
    assert answer["profile"]["name"] == AI_STARTUP["name"]
    assert set(answer["summary"]) == {"eligible", "needs_info", "not_eligible", "not_applicable"}
    assert sum(answer["summary"].values()) == len(answer["results"])
    by_id = {r["measure"]: r for r in answer["results"]}
    m02 = by_id["m02"]
    assert m02["number"] == 2 and m02["verdict"] == "eligible"
    assert m02["status"] == "pending_national_approval"
    assert m02["title"] == "重点产业企业所得税减按15%征收"
    assert {c["id"] for c in m02["criteria"]} >= {"in_ftz", "core_link"}
    for criterion in m02["criteria"]:
        assert set(criterion) >= {"id", "text", "result", "value", "citation"}
        assert criterion["result"] in ("met", "not_met", "unknown")
    assert m02["missing"] == []
    assert by_id["m38"]["verdict"] == "eligible"
    assert "1000万美元" in by_id["m38"]["gains"]
    for question in answer["next_questions"]:
        assert question["field"] in PROFILE_KEYS and question["resolves"]


def test_assess_english_and_missing_keys(tmp_path: Path) -> None:
    profile = {"name": "Hanjiang Bio", "zone": "ftz_yichang", "sectors": ["biomedicine"]}
    done = run("assess", str(write_profile(tmp_path, profile)), "--format", "json", "--lang", "en")
    assert done.returncode == 0, done.stderr
    m02 = next(r for r in json.loads(done.stdout)["results"] if r["measure"] == "m02")
    assert m02["verdict"] == "needs_info"
    assert m02["missing"] == ["core_link_rnd_production", "first_profit_year"]
    assert m02["title"].startswith("15% corporate income tax")
    unknown = [c for c in m02["criteria"] if c["result"] == "unknown"]
    assert unknown and all(c["value"] is None for c in unknown)


def test_assess_table_is_readable(tmp_path: Path) -> None:
    done = run("assess", str(write_profile(tmp_path, AI_STARTUP)), "--as-of", "2026-11-26")
    assert done.returncode == 0, done.stderr
    assert "光谷智算科技有限公司" in done.stdout
    assert "m02" in done.stdout and "适用" in done.stdout


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"name": "x",', "profile: malformed JSON at line 1"),
        ({"name": "x", "employees": "many"}, "employees: expected a whole number"),
        ({"name": "x", "rd_expense_ratio": 150}, "rd_expense_ratio: 150 is out of range"),
        ({"name": "x", "employes": 5}, "employes: unknown key"),
        ({"name": "x", "zone": "ftz_shanghai"}, "zone: 'ftz_shanghai' is not one of"),
        ({"name": "x", "credit_code": "91420100MA4KX8N35K"}, "credit_code: check character"),
        ({"name": "x", "industry_code": "C6520"}, "industry_code: 'C6520': division 65"),
        ({"zone": "ftz_wuhan"}, "name: required"),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_field(
    tmp_path: Path, content: Any, expected: str
) -> None:
    done = run("assess", str(write_profile(tmp_path, content)), "--format", "json")
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(expected), done.stderr
    assert "Traceback" not in done.stderr


def test_several_problems_one_line_each(tmp_path: Path) -> None:
    bad = {"name": "x", "employees": -1, "zone": "nowhere", "colour": "red"}
    done = run("assess", str(write_profile(tmp_path, bad)))
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 3


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--as-of", "26/11/2026"], "--as-of: '26/11/2026' is not a date"),
        (["--lang", "fr"], "invalid choice: 'fr'"),
    ],
)
def test_bad_options_exit_2(tmp_path: Path, args: list[str], expected: str) -> None:
    done = run("assess", str(write_profile(tmp_path, AI_STARTUP)), *args)
    assert done.returncode == 2 and expected in done.stderr
    assert "Traceback" not in done.stderr


def test_missing_and_non_utf8_files_are_refused(tmp_path: Path) -> None:
    done = run("assess", str(tmp_path / "nope.json"))
    assert done.returncode == 2 and "PROFILE: no such file" in done.stderr
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"name": "caf\xe9"}'.encode("latin-1"))
    done = run("assess", str(latin))
    assert done.returncode == 2 and "is neither UTF-8 nor GB18030 text" in done.stderr


def test_a_gb18030_profile_is_assessed_as_its_utf8_twin(tmp_path: Path) -> None:
    answers = []
    for encoding in ("utf-8", "gb18030"):
        path = tmp_path / f"{encoding}.json"
        path.write_bytes(json.dumps(AI_STARTUP, ensure_ascii=False).encode(encoding))
        done = run("assess", str(path), "--format", "json", "--as-of", "2026-11-26")
        assert done.returncode == 0, done.stderr
        answers.append(json.loads(done.stdout)["results"])
    assert answers[0] == answers[1]


def test_a_fifo_or_a_device_is_refused_at_once_not_read(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "profile.json"
    os.mkfifo(fifo)
    done = run("assess", str(fifo))  # would wait for a writer forever if it were opened
    assert (done.returncode, done.stderr) == (
        2,
        f"PROFILE: {fifo} is a FIFO (named pipe), not a file\n",
    )
    done = run("assess", "/dev/zero")  # would fill memory if it were read
    assert done.returncode == 2 and "/dev/zero is a device, not a file" in done.stderr


def test_rules_list_json_lists_the_pack() -> None:
    done = run("rules", "list", "--format", "json")
    assert done.returncode == 0, done.stderr
    listing = json.loads(done.stdout)
    numbers = [m["number"] for m in listing["measures"]]
    assert numbers == sorted(numbers) and {2, 11, 38} <= set(numbers)


def test_rules_lint_and_test_pass_on_the_bundled_pack() -> None:
    lint = run("rules", "lint")
    assert lint.returncode == 0, lint.stderr
    cases = run("rules", "test")
    assert cases.returncode == 0, cases.stderr
    assert " 0 failed" in cases.stdout


def test_the_command_line_never_imports_qt(tmp_path: Path) -> None:
    profile = write_profile(tmp_path, AI_STARTUP)
    code = (
        "import sys, app.cli\n"
        f"rc = app.cli.main(['assess', {str(profile)!r}, '--format', 'json'])\n"
        "app.cli.main(['rules', 'list'])\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "assert rc == 0 and not qt, qt\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_verbose_logs_to_stderr_and_the_log_file(tmp_path: Path) -> None:
    import os

    env = {**os.environ, "POLICY_CHECKER_LOG_DIR": str(tmp_path / "logs")}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "app.cli",
            "--verbose",
            "assess",
            str(write_profile(tmp_path, AI_STARTUP)),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0
    assert "assessed 光谷智算科技有限公司" in done.stderr
    log_text = (tmp_path / "logs" / "policy-checker.log").read_text("utf-8")
    assert "assessed 光谷智算科技有限公司" in log_text


def test_a_zone_contradicting_the_city_exits_2_naming_both(tmp_path: Path) -> None:
    path = write_profile(
        tmp_path, {"name": "襄阳某企业", "zone": "outside_hubei", "city": "xiangyang"}
    )
    done = run("assess", str(path))
    assert done.returncode == 2
    assert done.stderr.strip().startswith("zone, city: ")
    assert "Traceback" not in done.stderr
