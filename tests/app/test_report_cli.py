"""``policy-check report`` as a user runs it: files written, exit codes, one line per problem."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

import app.report.service as service
from app.cli import build_parser
from tests.app.test_cli import AI_STARTUP, write_profile

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\xdacd`\xf8\x0f\x00\x01\x05\x01\x01'\x18\xe3f\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


#: The installed entry point, as users run it.
POLICY_CHECK = Path(sys.executable).with_name("policy-check")


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # No user settings file may leak in: the configuration folder is the test's own.
    env = {**os.environ, "POLICY_CHECKER_CONFIG_DIR": str(tmp_path / "config")}
    return subprocess.run(
        [str(POLICY_CHECK), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_report_writes_a_pdf_and_a_workbook(tmp_path: Path) -> None:
    profile = write_profile(tmp_path, AI_STARTUP)
    (tmp_path / "logo.png").write_bytes(PNG)
    settings = tmp_path / "report.json"
    settings.write_text(json.dumps({"adviser": "王晓明", "logo": "logo.png", "accent": "#7a1f1f"}))
    done = run(
        tmp_path,
        "report",
        str(profile),
        "-o",
        str(tmp_path / "out.pdf"),
        "--xlsx",
        str(tmp_path),
        "--as-of",
        "2026-11-26",
        "--lang",
        "en",
        "--settings",
        str(settings),
        "--organisation",
        "Chutian Advisory",
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"{tmp_path / 'out.pdf'}: ") and lines[0].endswith(" KB")
    workbook = tmp_path / "光谷智算科技有限公司_2026-11-26.xlsx"
    assert lines[1] == str(workbook)
    reader = PdfReader(tmp_path / "out.pdf")
    cover = reader.pages[0].extract_text()
    assert "Chutian Advisory" in cover and "王晓明" in cover
    images = reader.pages[0].images
    assert len(images) == 1  # the logo, served from memory by the fetcher
    assert load_workbook(workbook).sheetnames == ["Verdicts", "Open questions", "About"]


def test_report_into_a_folder_names_the_file_after_the_company(tmp_path: Path) -> None:
    profile = write_profile(tmp_path, {"name": "../../逃逸/公司"})
    folder = tmp_path / "reports"
    folder.mkdir()
    done = run(tmp_path, "report", str(profile), "-o", str(folder), "--as-of", "2026-11-26")
    assert done.returncode == 0, done.stderr
    assert [p.name for p in folder.iterdir()] == ["逃逸_公司_2026-11-26.pdf"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profile.json", "reports"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], "-o/--output or --xlsx: say where to write the report"),
        (["-o", "{tmp}/missing/out.pdf"], "-o: no such folder: {tmp}/missing"),
        (["--xlsx", "{tmp}/missing/out.xlsx"], "--xlsx: no such folder: {tmp}/missing"),
        (["-o", "{tmp}/reports/"], "-o: no such folder: {tmp}/reports"),
        (["-o", "{tmp}/out.txt"], "-o: out.txt: expected a .pdf file or a folder"),
        (["--xlsx", "{tmp}/out.csv"], "--xlsx: out.csv: expected a .xlsx file or a folder"),
        (["-o", "{tmp}/o.pdf", "--as-of", "26.11.2026"], "--as-of: '26.11.2026' is not a date"),
        (["-o", "{tmp}/o.pdf", "--accent", "red"], "option: accent: 'red' is not a colour"),
        (["-o", "{tmp}/o.pdf", "--logo", "{tmp}/profile.json"], "logo: {tmp}/profile.json is not"),
        (["-o", "{tmp}/o.pdf", "--settings", "{tmp}/none.json"], "settings ({tmp}/none.json): no"),
        (["-o", "{tmp}/o.pdf", "--adviser", "a\x1bb"], "option: adviser: Value error, contains"),
    ],
)
def test_refused_input_exits_2_with_one_line(
    tmp_path: Path, args: list[str], expected: str
) -> None:
    profile = write_profile(tmp_path, AI_STARTUP)
    done = run(tmp_path, "report", str(profile), *(a.format(tmp=tmp_path) for a in args))
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(expected.format(tmp=tmp_path)), done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "o.pdf").exists()


def test_a_bad_profile_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    profile = write_profile(tmp_path, {"name": "x", "employees": -1, "zone": "nowhere"})
    done = run(tmp_path, "report", str(profile), "-o", str(tmp_path / "o.pdf"))
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 2
    assert not (tmp_path / "o.pdf").exists()


def test_the_report_command_never_imports_qt(tmp_path: Path) -> None:
    profile = write_profile(tmp_path, AI_STARTUP)
    code = (
        "import sys, app.cli\n"
        f"rc = app.cli.main(['report', {str(profile)!r}, '-o', {str(tmp_path / 'r.pdf')!r}])\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "assert rc == 0 and not qt, qt\n"
    )
    env = {**os.environ, "POLICY_CHECKER_CONFIG_DIR": str(tmp_path / "config")}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr


def test_other_commands_do_not_import_weasyprint(tmp_path: Path) -> None:
    profile = write_profile(tmp_path, AI_STARTUP)
    code = (
        "import sys, app.cli\n"
        f"rc = app.cli.main(['assess', {str(profile)!r}, '--format', 'json'])\n"
        "assert rc == 0 and 'weasyprint' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


@pytest.fixture
def in_process() -> Iterator[None]:
    """cmd_report freezes the garbage collector's objects for a fast exit: undo it in pytest."""
    yield
    gc.unfreeze()


@pytest.mark.usefixtures("in_process")
def test_a_missing_harfbuzz_subsetter_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import app.report.weasy as weasy

    monkeypatch.setattr(weasy, "harfbuzz_subset_available", lambda: False)
    monkeypatch.setenv("POLICY_CHECKER_CONFIG_DIR", str(tmp_path / "config"))
    profile = write_profile(tmp_path, {"name": "光谷智算科技有限公司"})
    args = build_parser().parse_args(["report", str(profile), "-o", str(tmp_path / "r.pdf")])
    assert args.handler(args) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith("warning: libharfbuzz-subset0 is not installed")
    assert "apt-get install libharfbuzz-subset0" in captured.err
    assert (tmp_path / "r.pdf").exists()


@pytest.mark.usefixtures("in_process")
def test_a_folder_that_cannot_be_written_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli.common import InputError

    def denied(target: Path, data: bytes) -> None:
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(service, "atomic_write", denied)
    monkeypatch.setenv("POLICY_CHECKER_CONFIG_DIR", str(tmp_path / "config"))
    profile = write_profile(tmp_path, {"name": "光谷智算科技有限公司"})
    args = build_parser().parse_args(["report", str(profile), "-o", str(tmp_path / "r.pdf")])
    with pytest.raises(InputError) as raised:
        args.handler(args)
    assert raised.value.problems == [f"cannot write {tmp_path / 'r.pdf'}: Permission denied"]


def test_weasyprint_loads_without_searching_for_libraries() -> None:
    """load_weasyprint spares the ~50 ldconfig/gcc subprocesses of ctypes' find_library."""
    code = (
        "import ctypes.util, subprocess\n"
        "original = ctypes.util.find_library\n"
        "spawned = []\n"
        "class Spy(subprocess.Popen):\n"
        "    def __init__(self, *a, **k):\n"
        "        spawned.append(a)\n"
        "        super().__init__(*a, **k)\n"
        "subprocess.Popen = Spy\n"
        "from app.report.weasy import load_weasyprint\n"
        "weasyprint = load_weasyprint()\n"
        "assert ctypes.util.find_library is original\n"
        "assert weasyprint.text.ffi.pango is not None\n"
        "assert spawned == [], spawned\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
