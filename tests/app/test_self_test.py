"""``policy-checker --self-test``: one line per check, exit status 0 only when all pass, and each
check fails when what it checks is broken."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app import self_test
from rules.pack import DEFAULT_PACK_DIR, Pack, PackError

CHECKS = ["pack", "assess", "report", "database", "window", "translations"]


def run_in_process() -> tuple[int, dict[str, str], str]:
    """Run the self-test here; its status, each check's line by name, and the whole output."""
    out = io.StringIO()
    status = self_test.run_self_test(out)
    lines = out.getvalue().strip().splitlines()
    by_check = {line[5:].split(":")[0]: line for line in lines[:-1]}
    return status, by_check, out.getvalue()


def test_self_test_passes_on_this_installation() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run(
        [sys.executable, "-m", "app", "--self-test"],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.strip().splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [f"ok   {name}" for name in CHECKS]
    pack, _, report, database, _, translations = lines[:-1]
    assert "68 measures" in pack and "running from source" in pack
    assert "+Noto-Sans-SC" in report  # the bundled font, embedded as a subset
    assert "migrated to" in database and "read back" in database
    assert "新来访" in translations
    assert lines[-1] == "self-test passed"


def test_a_failing_check_is_reported_and_the_exit_status_is_1(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken_pack() -> None:
        raise PackError(["m02.yaml: cannot be read"])

    monkeypatch.setattr(self_test, "load_pack", broken_pack)
    out = io.StringIO()
    assert self_test.run_self_test(out) == 1
    text = out.getvalue()
    assert "FAIL pack: PackError: m02.yaml: cannot be read" in text
    assert text.strip().endswith("self-test FAILED (1)")


def record_build(folder: Path, pack_hash: str) -> Path:
    record = folder / self_test.BUILD_RECORD
    record.write_text(json.dumps({"packs": {DEFAULT_PACK_DIR.name: pack_hash}}), encoding="utf-8")
    return record


def test_the_pack_hash_is_compared_with_the_build_record(tmp_path: Path, pack: Pack) -> None:
    sys._MEIPASS = str(tmp_path)  # type: ignore[attr-defined]  # what a frozen app has
    try:
        record_build(tmp_path, pack.sha256)
        assert self_test.recorded_pack_hash(DEFAULT_PACK_DIR) == pack.sha256
        (tmp_path / self_test.BUILD_RECORD).write_text('{"packs": {}}', encoding="utf-8")
        with pytest.raises(AssertionError, match="no hash for the pack hubei_ftz_2021"):
            self_test.recorded_pack_hash(DEFAULT_PACK_DIR)
    finally:
        del sys._MEIPASS  # type: ignore[attr-defined]


def test_pack_files_changed_since_the_build_fail_the_pack_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = record_build(tmp_path, "0" * 64)
    monkeypatch.setattr(self_test, "build_record_file", lambda: record)
    status, lines, text = run_in_process()
    assert status == 1
    assert lines["pack"].startswith("FAIL pack: AssertionError: the pack's files changed")
    assert "recorded 000000000000" in lines["pack"]
    assert text.strip().endswith("self-test FAILED (1)")  # nothing else runs without the pack


def test_subset_fonts_are_read_as_a_pdf_reader_reads_them(tmp_path: Path, pack: Pack) -> None:
    from app.report import build_report
    from rules.engine import assess
    from rules.profile import parse_profile

    assessment = assess(pack, parse_profile(self_test.EXAMPLE), date(2026, 11, 30))
    written = build_report(assessment, tmp_path / "report.pdf")
    reader = PdfReader(written.path)
    expected = {
        str(font["/BaseFont"]).lstrip("/")
        for page in reader.pages
        for font in (page["/Resources"].get_object().get("/Font") or {}).values()
    }
    found = self_test.pdf_subset_fonts(written.path.read_bytes())
    assert found == expected
    assert {name.split("+")[1] for name in found} == {"Noto-Sans-SC", "Noto-Sans-SC-Bold"}


def test_a_report_without_the_bundled_font_fails_the_report_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.report import fetcher

    monkeypatch.setattr(fetcher, "BUNDLED", {})  # the fonts are missing from the installation
    status, lines, _ = run_in_process()
    assert status == 1
    assert lines["report"].startswith(
        "FAIL report: AssertionError: the bundled font is not embedded as a subset"
    )
    assert all(lines[name].startswith("ok") for name in CHECKS if name != "report")


def test_missing_migrations_fail_the_database_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db import migrate

    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", tmp_path / "migrations")
    status, lines, _ = run_in_process()
    assert status == 1
    assert lines["database"].startswith("FAIL database:")
    assert lines["pack"].startswith("ok") and lines["report"].startswith("ok")


def test_untranslated_chinese_strings_fail_the_translations_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.ui import i18n

    # The Chinese file replaced by the English one: it loads, but nothing is in Chinese.
    monkeypatch.setattr(i18n, "qm_name", lambda lang: "policy_checker_en.qm")
    status, lines, _ = run_in_process()
    assert status == 1
    assert lines["translations"] == (
        "FAIL translations: AssertionError: the Chinese interface strings did not load"
    )
    assert lines["window"].startswith("ok")


def test_the_windowed_app_without_a_console_writes_the_self_test_to_the_log_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.__main__ import main

    def broken_pack() -> None:
        raise PackError(["pack.yaml: cannot be read"])

    monkeypatch.setattr(self_test, "load_pack", broken_pack)
    monkeypatch.setenv("POLICY_CHECKER_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setattr(sys, "stdout", None)  # what a windowed executable has on Windows
    assert main(["--self-test"]) == 1
    written = (tmp_path / "logs" / "self-test.txt").read_text(encoding="utf-8")
    assert "FAIL pack: PackError: pack.yaml: cannot be read" in written
