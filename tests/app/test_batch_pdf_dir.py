"""``policy-check batch --pdf-dir``: one report per company, safe file names, resumable."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli.pdf_dir import is_complete_pdf, pdf_name
from tests.app.test_batch_matrix import run_here

AS_OF = "2026-11-26"
POLICY_CHECK = Path(sys.executable).with_name("policy-check")
WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10))}
WINDOWS_DEVICES |= {f"LPT{i}" for i in range(10)}

#: Company names that must not escape the folder, name a device or break the file system.
HOSTILE = [
    "../../etc/passwd",
    "CON",
    "a/b\\c 有限公司",
    "长" * 200,  # the longest name a profile takes: 600 bytes of UTF-8
    "🚀火箭科技",
    "...",  # nothing left after cleaning
    "光谷智算科技有限公司",
]


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "POLICY_CHECKER_CONFIG_DIR": str(tmp_path / "config")}
    return subprocess.run(
        [str(POLICY_CHECK), "batch", *args, "--as-of", AS_OF],
        capture_output=True, text=True, env=env, timeout=600,
    )  # fmt: skip


def companies(tmp_path: Path, names: list[str], bad_row: bool = True) -> Path:
    source = tmp_path / "companies.jsonl"
    lines = [json.dumps({"name": n, "zone": "ftz_wuhan"}, ensure_ascii=False) for n in names]
    if bad_row:
        lines.insert(2, '{"name": "负数", "employees": -1}')
    source.write_text("\n".join(lines) + "\n", "utf-8")
    return source


def check_safe(name: str) -> None:
    assert name.endswith(".pdf") and len(name.encode("utf-8")) <= 255
    assert "/" not in name and "\\" not in name and not name.startswith(".")
    assert not any(unicodedata.category(c) in ("Cc", "Cf") for c in name)
    assert name.split(".")[0].upper() not in WINDOWS_DEVICES
    assert not any(c in name for c in '<>:"|?*')


PDFTOTEXT = shutil.which("pdftotext")


def pdf_text(path: Path) -> str:
    """The first pages' text: poppler's pdftotext when installed (it reads the system font a
    report embeds for characters outside the bundled subset, such as emoji), else pypdf."""
    if PDFTOTEXT:
        done = subprocess.run(
            [PDFTOTEXT, "-l", "2", str(path), "-"], capture_output=True, text=True, check=True
        )
        return done.stdout
    reader = PdfReader(path)
    return "".join((page.extract_text() or "") for page in reader.pages[:2])


def test_pdf_names_are_safe_whatever_the_company_name() -> None:
    as_of = date(2026, 11, 26)
    names = [*HOSTILE, "x" * 300, "a\x00b\x1fc\u202etxt.exe", "COM1.txt", " ", "\\\\server\\share"]
    made = [pdf_name(row, name, as_of, "zh") for row, name in enumerate(names, start=1)]
    for name in made:
        check_safe(name)
    assert len(set(made)) == len(made)  # the row number keeps them apart
    assert made[0] == "000001_etc_passwd_2026-11-26.pdf"
    assert made[5] == "000006_company_2026-11-26.pdf"  # empty after cleaning
    assert pdf_name(7, "光谷智算", as_of, "en") == "000007_光谷智算_2026-11-26_en.pdf"


def test_pdf_dir_writes_one_report_per_company_and_resumes(tmp_path: Path) -> None:
    source = companies(tmp_path, HOSTILE)
    reports = tmp_path / "reports"  # made by the command
    done = run(tmp_path, str(source), "--pdf-dir", str(reports), "--jobs", "2")
    assert done.returncode == 2, done.stderr  # the refused row
    assert "row 3: employees: -1 is out of range" in done.stderr
    assert f"reports in {reports}: {len(HOSTILE)} written, 0 already there" in done.stderr
    assert "Per measure, over 7 companies assessed:" in done.stdout  # no answers on stdout
    files = sorted(reports.iterdir())
    assert len(files) == len(HOSTILE)
    assert all(path.parent == reports for path in files)
    assert not (tmp_path / "etc").exists()
    for path in files:
        check_safe(path.name)
        assert path.read_bytes().startswith(b"%PDF-") and is_complete_pdf(path)
    by_row = {int(path.name[:6]): path for path in files}
    assert sorted(by_row) == [1, 2, 4, 5, 6, 7, 8]  # the input's line numbers
    texts = {row: " ".join(pdf_text(path).split()) for row, path in by_row.items()}
    assert "../../etc/passwd" in texts[1]
    assert "CON" in texts[2]
    assert "光谷智算科技有限公司" in texts[8]
    if PDFTOTEXT:  # pypdf cannot read the fallback font the emoji brings in
        assert "🚀火箭科技" in texts[6]
    assert "长长长长长长长长长长" in texts[5]

    # A second run finds every report there and writes none.
    stamps = {path: path.stat().st_mtime_ns for path in files}
    again = run(tmp_path, str(source), "--pdf-dir", str(reports), "--jobs", "2", "--quiet")
    assert f"0 written, {len(HOSTILE)} already there" in again.stderr
    assert {path: path.stat().st_mtime_ns for path in files} == stamps

    # A deleted report, and one cut short (as by a copy that stopped), are written again.
    by_row[4].unlink()
    by_row[7].write_bytes(by_row[7].read_bytes()[:5000])
    third = run(tmp_path, str(source), "--pdf-dir", str(reports), "--quiet")
    assert f"2 written, {len(HOSTILE) - 2} already there" in third.stderr
    assert is_complete_pdf(by_row[4]) and is_complete_pdf(by_row[7])
    for row, path in by_row.items():
        if row not in (4, 7):
            assert path.stat().st_mtime_ns == stamps[path]
    assert sorted(reports.iterdir()) == files  # and nothing else: no temporary files


def test_pdf_dir_with_a_matrix_and_in_english(tmp_path: Path) -> None:
    source = companies(tmp_path, ["光谷智算科技有限公司"], bad_row=False)
    reports = tmp_path / "reports"
    done = run(
        tmp_path, str(source), "--pdf-dir", str(reports), "--out", str(tmp_path / "m.csv"),
        "--lang", "en",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    [report] = reports.iterdir()
    assert report.name == "000001_光谷智算科技有限公司_2026-11-26_en.pdf"
    text = " ".join(pdf_text(report).split())
    assert "Policy eligibility report" in text and "光谷智算科技有限公司" in text
    assert (tmp_path / "m.csv").read_text("utf-8-sig").count("\n") == 2


#: Loaded by every process of a run (the command and its workers) through PYTHONPATH: makes
#: ``app.report.build_report`` fail as the test asks.
SITECUSTOMIZE = """
import os
failure = os.environ.get("TEST_BUILD_REPORT_FAILS")
if failure:
    import app.report

    real = app.report.build_report

    def build_report(assessment, output, **options):
        if failure == "layout" and assessment.profile.name == "坏报告公司":
            raise RuntimeError("layout exploded")
        if failure == "disk":
            raise OSError(28, "No space left on device", str(output))
        return real(assessment, output, **options)

    app.report.build_report = build_report
"""


def run_failing(tmp_path: Path, failure: str, *args: str) -> subprocess.CompletedProcess[str]:
    hooks = tmp_path / "hooks"
    hooks.mkdir(exist_ok=True)
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE, "utf-8")
    env = {
        **os.environ,
        "POLICY_CHECKER_CONFIG_DIR": str(tmp_path / "config"),
        "PYTHONPATH": str(hooks),
        "TEST_BUILD_REPORT_FAILS": failure,
    }
    return subprocess.run(
        [str(POLICY_CHECK), "batch", *args, "--as-of", AS_OF],
        capture_output=True, text=True, env=env, timeout=600,
    )  # fmt: skip


def test_a_report_that_fails_is_reported_and_the_others_are_written(tmp_path: Path) -> None:
    source = companies(tmp_path, ["甲公司", "坏报告公司", "乙公司"], bad_row=False)
    reports = tmp_path / "reports"
    done = run_failing(tmp_path, "layout", str(source), "--pdf-dir", str(reports), "--quiet")
    assert done.returncode == 2, done.stderr
    assert "row 2: report not written: RuntimeError: layout exploded" in done.stderr
    assert "2 written, 0 already there, 1 failed" in done.stderr
    assert sorted(p.name[:6] for p in reports.iterdir()) == ["000001", "000003"]


def test_a_folder_that_cannot_be_written_stops_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = companies(tmp_path, ["甲公司", "乙公司"], bad_row=False)
    blocker = tmp_path / "a-file"
    blocker.write_text("x", "utf-8")
    status, _, err = run_here(capsys, str(source), "--pdf-dir", str(blocker))
    assert status == 2 and err.startswith(f"--pdf-dir: {blocker} is a file, not a folder")
    status, _, err = run_here(capsys, str(source), "--pdf-dir", str(blocker / "sub"))
    assert status == 2 and err.startswith("--pdf-dir: cannot make")

    reports = tmp_path / "reports"
    out = tmp_path / "m.parquet"
    done = run_failing(tmp_path, "disk", str(source), "--pdf-dir", str(reports), "--out", str(out))
    assert done.returncode == 2
    assert done.stderr.startswith("--pdf-dir: cannot write ")
    assert "No space left on device" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists() and list(reports.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "a-file", "companies.jsonl", "hooks", "reports",
    ]  # fmt: skip
