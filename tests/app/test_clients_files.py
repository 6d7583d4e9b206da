"""Client files: what a cell means, Chinese headers, bad rows by number, exact round trips."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.services.clients_files import (
    COLUMNS,
    ClientFileError,
    cell_to_answer,
    iter_rows,
    write_rows,
)
from rules.profile import PROFILE_KEYS, parse_profile

FULL: dict[str, Any] = {
    "name": '武汉"光谷", 智算;科技\n有限公司',
    "credit_code": "91420100MA4KX8N35J",
    "zone": "ftz_wuhan",
    "city": "wuhan",
    "industry_code": "C3976",
    "sectors": ["artificial_intelligence", "software"],
    "activities": ["import_goods", "export_goods", "foreign_debt_financing"],
    "core_link_rnd_production": False,
    "employees": 0,
    "annual_revenue": 3200.5,
    "total_assets": 1_000_000.0,
    "established": "2019-05-01",
    "first_profit_year": 2020,
    "rd_expense_ratio": 4.5,
    "high_tech_enterprise": True,
    "tech_sme": False,
    "specialized_sme": True,
    "ic_enterprise": True,
    "ic_role": "manufacturing",
    "ic_line_width_nm": 28.0,
    "software_enterprise": False,
    "foreign_invested": False,
    "medical_institution": False,
    "research_institution": False,
    "financial_institution": False,
    "key_field_in_catalogue": True,
    "in_east_lake": True,
    "key_enterprise": False,
    "in_han_river_basin": False,
    "imports_via_yichang": True,
}
EDGES: list[dict[str, Any]] = [
    {"name": "待访企业", "sectors": [], "activities": [], "first_profit_year": None},
    {"name": '=HYPERLINK("http://x")', "zone": "outside_hubei"},
    {"name": "null"},
]
FORMATS = [".json", ".jsonl", ".csv", ".xlsx"]


def round_trip(tmp_path: Path, suffix: str, profiles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    path = tmp_path / f"clients{suffix}"
    write_rows(path, [{"id": n, **p} for n, p in enumerate(profiles, start=1)])
    rows = list(iter_rows(path))
    assert all(row.problems == () for row in rows)
    return [
        parse_profile({k: v for k, v in row.data.items() if k != "id"}).to_json_dict()
        for row in rows
    ]


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_round_trip_loses_nothing(tmp_path: Path, suffix: str) -> None:
    profiles = [parse_profile(p).to_json_dict() for p in [FULL, *EDGES]]
    assert round_trip(tmp_path, suffix, profiles) == profiles


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    keys=st.sets(st.sampled_from(PROFILE_KEYS[1:])),
    empties=st.booleans(),
    suffix=st.sampled_from([".csv", ".xlsx"]),
)
def test_any_set_of_answers_survives_a_spreadsheet(
    tmp_path: Path, keys: set[str], empties: bool, suffix: str
) -> None:
    data = {"name": "企业", **{k: FULL[k] for k in keys}}
    if empties:
        data.update({k: [] for k in ("sectors", "activities") if k in keys})
        if "first_profit_year" in keys:
            data["first_profit_year"] = None
    expected = parse_profile(data).to_json_dict()
    assert round_trip(tmp_path, suffix, [expected]) == [expected]


@pytest.mark.parametrize(
    ("key", "cell", "answer"),
    [
        ("high_tech_enterprise", "是", True),
        ("high_tech_enterprise", "否", False),
        ("high_tech_enterprise", "TRUE", True),
        ("high_tech_enterprise", 0, False),
        ("high_tech_enterprise", "maybe", "maybe"),  # left for validation to refuse
        ("employees", "1,200", 1200),
        ("employees", 45.0, 45),
        ("rd_expense_ratio", "4.5%", 4.5),
        ("established", "2019/5/1", "2019-05-01"),
        ("established", "2019年5月1日", "2019-05-01"),
        ("established", datetime(2019, 5, 1), "2019-05-01"),
        ("first_profit_year", "尚未获利", None),
        ("first_profit_year", "null", None),
        ("first_profit_year", "2024年", 2024),
        ("zone", "自贸试验区武汉片区", "ftz_wuhan"),
        ("zone", "FTZ Wuhan area", "ftz_wuhan"),
        ("city", "wuhan", "wuhan"),
        ("sectors", "人工智能、软件", ["artificial_intelligence", "software"]),
        ("sectors", "artificial_intelligence; big_data", ["artificial_intelligence", "big_data"]),
        ("sectors", "[]", []),
        ("sectors", "无", []),
        ("employees", "null", None),  # refused by validation: only a year may be null
        ("name", "null", "null"),
        ("industry_code", "I6513", "I6513"),
    ],
)
def test_what_a_cell_means(key: str, cell: Any, answer: Any) -> None:
    assert cell_to_answer(key, cell) == answer


def test_chinese_headers_and_labels_are_understood(tmp_path: Path) -> None:
    path = tmp_path / "客户.csv"
    path.write_text(
        "企业名称,统一社会信用代码,所在区域,从业人员,营业收入（万元）,重点产业领域,"
        "高新技术企业,成立日期,首个获利年度\n"
        "光谷智算,91420100MA4KX8N35J,自贸试验区武汉片区,45,3200,人工智能、软件,是,2019/5/1,尚未获利\n",
        encoding="utf-8-sig",
    )
    [row] = list(iter_rows(path))
    assert parse_profile(row.data).to_json_dict() == {
        "name": "光谷智算",
        "credit_code": "91420100MA4KX8N35J",
        "zone": "ftz_wuhan",
        "sectors": ["artificial_intelligence", "software"],
        "employees": 45,
        "annual_revenue": 3200.0,
        "established": "2019-05-01",
        "first_profit_year": None,
        "high_tech_enterprise": True,
    }


def test_a_csv_saved_by_chinese_excel_in_gb18030_is_read(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes("企业名称;从业人员\n襄阳轴承;300\n".encode("gb18030"))
    [row] = list(iter_rows(path))
    assert (row.label, row.data) == ("row 2", {"name": "襄阳轴承", "employees": 300})


def test_rows_are_numbered_as_the_spreadsheet_shows_them(tmp_path: Path) -> None:
    path = tmp_path / "clients.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["name", "credit_code", "employees", "established", "high_tech_enterprise"])
    sheet.append(["好", "91420100MA4KX8N35J", 45, datetime(2019, 5, 1), True])
    sheet.append([None, None, None, None, None])  # a blank row is skipped, not refused
    sheet.append(["数字代码", 914201007483108800, 3, None, None])
    workbook.save(path)
    rows = list(iter_rows(path))
    assert [r.label for r in rows] == ["row 2", "row 4"]
    assert rows[0].data == {
        "name": "好",
        "credit_code": "91420100MA4KX8N35J",
        "employees": 45,
        "established": "2019-05-01",
        "high_tech_enterprise": True,
    }
    assert rows[1].problems == (
        "row 4: credit_code: stored as a number, which loses digits; format the column as text",
    )


@pytest.mark.parametrize(
    ("header", "says"),
    [
        ("name,employes\n", "column 2 'employes': unknown column"),
        ("name,企业名称\n", "column 2 '企业名称': same field as column 1 (name)"),
        ("employees\n", "no 'name' (企业名称) column"),
        ("", "empty (no header row)"),
    ],
)
def test_a_file_with_wrong_columns_is_refused_whole(tmp_path: Path, header: str, says: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(header + "x,1\n" if header else "", encoding="utf-8")
    with pytest.raises(ClientFileError) as refused:
        list(iter_rows(path))
    assert any(says in problem for problem in refused.value.problems), refused.value.problems


def test_json_lines_report_a_broken_line_by_number(tmp_path: Path) -> None:
    path = tmp_path / "clients.jsonl"
    path.write_text('{"name": "好"}\n\n{"name": \n[1]\n', encoding="utf-8")
    rows = list(iter_rows(path))
    assert [(r.label, r.problems) for r in rows] == [
        ("line 1", ()),
        ("line 3", ("line 3: malformed JSON at column 10: Expecting value",)),
        ("line 4", ("line 4: expected a JSON object with the company's answers",)),
    ]


def test_one_profile_file_is_one_client(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"name": "好"}), encoding="utf-8")
    assert [(r.label, r.data) for r in list(iter_rows(path))] == [("item 1", {"name": "好"})]


@pytest.mark.parametrize(
    ("name", "says"),
    [("clients.txt", "unknown format '.txt'"), ("missing.csv", "no such file")],
)
def test_unreadable_files_are_refused(tmp_path: Path, name: str, says: str) -> None:
    with pytest.raises(ClientFileError, match=says):
        list(iter_rows(tmp_path / name))


def test_chinese_headers_on_export_read_back(tmp_path: Path) -> None:
    path = tmp_path / "导出.xlsx"
    write_rows(path, [{"id": 1, **FULL}], headers="zh")
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    header = next(sheet.iter_rows(values_only=True))
    assert header[:3] == ("编号", "企业名称", "统一社会信用代码")
    [row] = list(iter_rows(path))
    assert parse_profile({k: v for k, v in row.data.items() if k != "id"}).to_json_dict() == (
        parse_profile(FULL).to_json_dict()
    )


HOSTILE_NAMES = ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tTab Co", "\rCR Co", "＝HYPERLINK()"]
HOSTILE_NAMES += ["＋１", "－１", "＠x", "'已带撇号的公司", "普通公司"]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_the_csv_export_never_holds_a_formula_and_reads_back_exactly(
    tmp_path: Path, name: str
) -> None:
    path = tmp_path / "clients.csv"
    write_rows(path, [{"id": 1, "name": name}])
    with path.open(encoding="utf-8-sig", newline="") as handle:
        cell = list(csv.reader(handle))[1][COLUMNS.index("name")]
    if name[:1] in "=+-@\t\r＝＋－＠'":
        assert cell == "'" + name  # shown as text by a spreadsheet, never run
    else:
        assert cell == name
    (row,) = list(iter_rows(path))
    assert row.problems == () and row.data["name"] == name.strip()


def test_numbers_beyond_excels_precision_go_out_as_text_and_come_back_exactly(
    tmp_path: Path,
) -> None:
    import openpyxl

    from app.services.clients_files import BEYOND_EXCEL_NOTE

    huge = 10**39
    path = tmp_path / "roster.xlsx"
    write_rows(path, [{"id": 1, "name": "大数", "employees": huge, "annual_revenue": 0.1}])
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    cell = sheet.cell(2, COLUMNS.index("employees") + 1)
    assert (cell.value, cell.data_type) == (str(huge), "s")
    assert cell.comment is not None and cell.comment.text == BEYOND_EXCEL_NOTE
    [row] = list(iter_rows(path))
    assert (row.data["employees"], row.data["annual_revenue"]) == (huge, 0.1)
