"""clients import and batch against hostile spreadsheets and an import killed half-way."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from bench.profiles import write_table


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args], capture_output=True, text=True, timeout=timeout
    )


def claimed_sheet(tmp_path: Path, far_cell: bool) -> Path:
    """Two real rows, a dimension claiming the whole sheet, and maybe one cell at its far end."""
    plain = tmp_path / "plain.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["name", "zone"])
    sheet.append(["光谷智算", "ftz_wuhan"])
    workbook.save(plain)
    with zipfile.ZipFile(plain) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    xml = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:XFD1048576"/>', xml)
    if far_cell:
        far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
        xml = xml.replace("</sheetData>", far + "</sheetData>")
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    path = tmp_path / f"claimed{int(far_cell)}.xlsx"
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


@pytest.mark.parametrize("far_cell", [False, True])
def test_a_sheet_claiming_a_million_rows_is_read_in_bounded_time(
    tmp_path: Path, far_cell: bool
) -> None:
    path = claimed_sheet(tmp_path, far_cell)
    # A reader that believed the dimension would build a million rows of 16,384 cells.
    done = run("batch", str(path), "--out", str(tmp_path / "m.csv"), "--quiet", timeout=60)
    assert done.stderr.splitlines()[-1].startswith("1 profile(s) assessed")
    done = run("clients", "import", str(path), "--db", f"sqlite:///{tmp_path / 'r.db'}", timeout=60)
    assert done.returncode in (0, 2) and "imported 1 new" in done.stdout


def test_an_import_killed_half_way_keeps_every_saved_row_and_can_be_run_again(
    tmp_path: Path,
) -> None:
    source = write_table(tmp_path / "clients.csv", 4000, seed=9)
    url = f"sqlite:///{tmp_path / 'roster.db'}"
    assert run("db", "upgrade", "--db", url).returncode == 0
    importing = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "clients", "import", str(source), "--db", url],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    listed = 0
    while time.monotonic() < deadline and importing.poll() is None:
        time.sleep(0.5)
        listing = run("clients", "list", "--format", "json", "--db", url)
        assert listing.returncode == 0, listing.stderr  # readers are never blocked
        listed = listing.stdout.count('"name"')
        if listed:
            break
    importing.send_signal(signal.SIGKILL)
    importing.wait(30)
    assert 0 < listed < 4000  # killed half-way, with some chunks saved
    assert run("db", "check", "--db", url).returncode == 0
    again = run("clients", "import", str(source), "--update", "--db", url, timeout=600)
    assert again.returncode == 0, again.stderr
    total = run("clients", "list", "--format", "json", "--db", url)
    assert total.stdout.count('"name"') == 4000
