"""``policy-check batch``: streaming input, bad rows reported and skipped, matrix and JSONL out."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from openpyxl import Workbook, load_workbook


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "batch", *args, "--as-of", "2026-11-26"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip


GOOD = {"name": "光谷智算", "zone": "ftz_wuhan", "sectors": ["artificial_intelligence"],
        "core_link_rnd_production": True, "first_profit_year": 2024}  # fmt: skip


def test_jsonl_in_jsonl_out_with_bad_rows_reported(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        "\n".join(
            [
                json.dumps(GOOD, ensure_ascii=False),
                '{"name": "坏企业", "employees": -3}',
                "{not json",
                json.dumps({"name": "汉口百货", "zone": "hubei_other"}, ensure_ascii=False),
            ]
        ),
        "utf-8",
    )
    done = run(str(source), "--out", str(tmp_path / "out.jsonl"))
    assert done.returncode == 2
    assert "row 2: employees: -3 is out of range" in done.stderr
    assert "row 3: malformed JSON" in done.stderr
    answers = [
        json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()
    ]
    assert [a["profile"]["name"] for a in answers] == ["光谷智算", "汉口百货"]
    m02 = next(r for r in answers[0]["results"] if r["measure"] == "m02")
    assert m02["verdict"] == "eligible"


def test_csv_in_matrix_out_with_chinese_headers(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    with source.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "企业名称",
                "区域",
                "重点产业领域",
                "关键领域核心环节生产研发",
                "首个获利年度",
                "从业人员",
            ]
        )
        writer.writerow(["光谷智算", "ftz_wuhan", "artificial_intelligence", "是", "2024", ""])
        writer.writerow(
            ['=HYPERLINK("http://x")', "ftz_yichang", "biomedicine", "否", "尚未获利", "12"]
        )
        writer.writerow(["坏行", "ftz_mars", "", "", "", "many"])
    out = tmp_path / "matrix.csv"
    done = run(str(source), "--out", str(out), "--jobs", "2")
    assert done.returncode == 2
    assert "row 4: zone: 'ftz_mars' is not one of" in done.stderr
    assert "row 4: employees: expected a whole number" in done.stderr
    with out.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["row"] for r in rows] == ["2", "3"]
    assert rows[0]["m02"] == "eligible" and rows[1]["m02"] == "not_eligible"
    assert rows[1]["name"].startswith("'=")  # a formula from client data is never live
    assert len(rows[0]) == 3 + 68


def test_empty_cells_are_unknown_not_no(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("name,zone,high_tech_enterprise\n甲,ftz_wuhan,\n", "utf-8")
    out = tmp_path / "out.jsonl"
    assert run(str(source), "--out", str(out)).returncode == 0
    answer = json.loads(out.read_text("utf-8"))
    assert "high_tech_enterprise" not in answer["profile"]


def test_xlsx_in_xlsx_out(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["name", "zone", "activities", "employees"])
    sheet.append(["宜昌港务", "ftz_yichang", "import_fresh_food;import_goods", 80])
    source = tmp_path / "in.xlsx"
    book.save(source)
    out = tmp_path / "out.xlsx"
    done = run(str(source), "--out", str(out))
    assert done.returncode == 0, done.stderr
    book = load_workbook(out, read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    book.close()
    header, first = rows[0], rows[1]
    assert first[1] == "宜昌港务"
    assert first[header.index("m61")] == "eligible"


def test_bad_arguments_are_refused(tmp_path: Path) -> None:
    (tmp_path / "in.txt").write_text("x", "utf-8")
    done = run(str(tmp_path / "in.txt"))
    assert done.returncode == 2 and "expected a .jsonl, .csv, .xlsx or .parquet file" in done.stderr
    done = run(str(tmp_path / "missing.jsonl"))
    assert done.returncode == 2 and "no such file" in done.stderr
    (tmp_path / "in.jsonl").write_text("{}", "utf-8")
    for jobs in ("0", "1000"):
        done = run(str(tmp_path / "in.jsonl"), "--jobs", jobs)
        assert (
            done.returncode == 2 and "--jobs: " + jobs + ": must be between 1 and 64" in done.stderr
        )
    done = run(str(tmp_path / "in.jsonl"), "--out", str(tmp_path / "out.pdf"))
    assert done.returncode == 2 and "--out" in done.stderr
