"""Safe writing: names made from company names stay in their folder, and a report is written
whole or not at all."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest

import app.report.files as files
import app.report.service as service
from app.report.files import atomic_write, inside, report_file_name, safe_stem
from app.report.service import build_report, build_xlsx, output_path
from rules.pack import Pack
from tests.conftest import assess_dict


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("光谷智算科技有限公司", "光谷智算科技有限公司"),
        ("Acme (Wuhan) Co., Ltd.", "Acme (Wuhan) Co., Ltd"),
        ("../../etc/passwd", "etc_passwd"),
        ("..", "report"),
        (".hidden", "hidden"),
        ("a/b\\c", "a_b_c"),
        ('名字<>:"|?*', "名字"),
        ("CON", "_CON"),
        ("lpt1.txt", "_lpt1.txt"),
        ("line\nbreak\ttab", "line break tab"),
        ("invoice\u202efdp.exe", "invoicefdp.exe"),
        ("   ", "report"),
        ("", "report"),
    ],
)
def test_safe_stem(name: str, expected: str) -> None:
    assert safe_stem(name) == expected


def test_long_names_are_cut_to_fit_file_systems() -> None:
    stem = safe_stem("湖" * 300)
    assert len(stem.encode("utf-8")) <= files.MAX_STEM_BYTES
    assert set(stem) == {"湖"}
    name = report_file_name("湖" * 300, "2026-11-26", ".pdf")
    assert len(name.encode("utf-8")) < 255


@pytest.mark.parametrize(
    "company", ["../../outside", "/etc/passwd", "..\\..\\x", "a/../../b", "~/x", "\x00evil"]
)
def test_a_name_from_a_company_never_leaves_the_chosen_folder(tmp_path: Path, company: str) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    target = output_path(folder, company, "2026-11-26", ".pdf")
    assert target.parent == folder
    assert target.resolve().parent == folder.resolve()
    assert target.name.endswith("_2026-11-26.pdf")


def test_inside_refuses_names_that_climb_out(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="does not name a file inside"):
        inside(tmp_path, "../x.pdf")
    with pytest.raises(ValueError):
        inside(tmp_path, "a/b.pdf")
    assert inside(tmp_path, "ok.pdf") == tmp_path / "ok.pdf"


def test_an_explicit_file_path_is_used_as_given(tmp_path: Path) -> None:
    assert output_path(tmp_path / "mine.pdf", "x", "2026-11-26", ".pdf") == tmp_path / "mine.pdf"


def test_atomic_write_replaces_whole_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "r.pdf"
    atomic_write(target, b"first")
    default_mode = stat.S_IMODE(target.stat().st_mode)
    assert default_mode & 0o600 == 0o600
    target.chmod(0o640)
    atomic_write(target, b"second")
    assert target.read_bytes() == b"second"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "r.pdf"
    target.write_bytes(b"old report")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space"):
        atomic_write(target, b"new report")
    assert target.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


def test_a_failed_render_writes_nothing(
    pack: Pack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_render(*args: object, **kwargs: object) -> None:
        raise RuntimeError("layout failed")

    monkeypatch.setattr(service, "render_report", broken_render)
    assessment = assess_dict(pack, {"name": "光谷智算科技有限公司"})
    with pytest.raises(RuntimeError, match="layout failed"):
        build_report(assessment, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_write_leaves_nothing(
    pack: Pack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    assessment = assess_dict(pack, {"name": "光谷智算科技有限公司"}, date(2026, 11, 26))
    with pytest.raises(KeyboardInterrupt):
        build_xlsx(assessment, tmp_path)
    assert list(tmp_path.iterdir()) == []
