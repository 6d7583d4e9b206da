"""``policy-check batch``: Parquet in and out, the per-measure summary, the progress line, and
output files that appear whole or not at all."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from app.cli import batch_work, build_parser
from app.cli.batch_io import parquet_cell
from app.cli.common import InputError
from app.cli.progress import Progress, Summary
from rules.pack import load_pack
from rules.profile import ProfileError
from rules.tabular import profile_from_row

AS_OF = "2026-11-26"
VERDICTS = ("eligible", "needs_info", "not_eligible", "not_applicable")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "batch", *args, "--as-of", AS_OF],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def run_here(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The command in this process (so a test can patch it): exit status, stdout, stderr."""
    parsed = build_parser().parse_args(["batch", *args, "--as-of", AS_OF])
    try:
        status = parsed.handler(parsed)
    except InputError as error:
        print("\n".join(error.problems), file=sys.stderr)
        status = 2
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def register(path: Path) -> Path:
    """A register as Parquet: typed columns, a Chinese header, real and text lists, nulls."""
    frame = pl.DataFrame(
        {
            "企业名称": ["光谷智算", "火星公司", "负数公司", "宜昌港务", "汉口百货"],
            "zone": ["ftz_wuhan", "ftz_mars", "ftz_wuhan", "ftz_yichang", None],
            "sectors": [
                ["artificial_intelligence"],
                [],
                None,
                None,
                ["biomedicine", "new_materials"],
            ],
            "activities": [None, None, None, "import_fresh_food;import_goods", None],
            "core_link_rnd_production": [True, None, None, False, None],
            "first_profit_year": [2024, None, None, None, None],
            "employees": [120, 3, -5, 80, None],
            "annual_revenue": [5000.0, None, None, float("nan"), 12.5],
            "established": [date(2019, 3, 1), None, None, None, date(2001, 1, 2)],
            "credit_code": [None, None, None, None, None],
        },
        schema_overrides={"credit_code": pl.String},
    )
    frame.write_parquet(path)
    return path


def test_parquet_in_parquet_out_with_bad_rows_reported_by_number(tmp_path: Path) -> None:
    source = register(tmp_path / "register.parquet")
    out = tmp_path / "matrix.parquet"
    done = run(str(source), "--out", str(out), "--jobs", "2")
    assert done.returncode == 2, done.stderr
    # Parquet rows are counted from 1 (no header row).
    assert "row 2: zone: 'ftz_mars' is not one of" in done.stderr
    assert "row 3: employees: -5 is out of range" in done.stderr
    assert "3 profile(s) assessed, 2 row(s) refused" in done.stderr
    matrix = pl.read_parquet(out)
    measures = [m.id for m in load_pack().measures]
    assert matrix.columns == ["row", "name", "credit_code", *measures]
    assert matrix.schema["row"] == pl.Int64
    assert matrix["row"].to_list() == [1, 4, 5]
    assert matrix["name"].to_list() == ["光谷智算", "宜昌港务", "汉口百货"]
    assert matrix["credit_code"].null_count() == 3  # absent, not ""
    assert matrix["m02"][0] == "eligible"
    assert matrix["m61"][1] == "eligible"  # the text list was split as in a CSV cell
    assert set(matrix.select(measures).unpivot()["value"].unique()) <= set(VERDICTS)
    assert not list(tmp_path.glob(".*.part"))


def test_parquet_cells_validate_as_their_csv_text_would(tmp_path: Path) -> None:
    """The same register as Parquet (typed) and CSV (text) gives the same verdicts."""
    source = register(tmp_path / "register.parquet")
    frame = pl.read_parquet(source)
    text = tmp_path / "register.csv"
    with text.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(frame.columns)
        for record in frame.iter_rows():
            writer.writerow([_csv_text(value) for value in record])
    assert run(str(source), "--out", str(tmp_path / "p.csv")).returncode == 2
    assert run(str(text), "--out", str(tmp_path / "c.csv")).returncode == 2

    def rows(path: Path) -> list[dict[str, str]]:
        with path.open(encoding="utf-8-sig") as handle:
            return [{k: v for k, v in r.items() if k != "row"} for r in csv.DictReader(handle)]

    # (An empty list would differ: an answer in Parquet, none of these, as [] in JSON; an empty
    # CSV cell is unknown. The register's only empty list is in a refused row.)
    assert rows(tmp_path / "p.csv") == rows(tmp_path / "c.csv")


def _csv_text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, list):
        return ";".join(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def test_parquet_cell_types() -> None:
    assert parquet_cell(None) is None
    assert parquet_cell(float("nan")) is None  # a data frame's missing number: unknown
    assert parquet_cell(True) == "true" and parquet_cell(False) == "false"
    assert parquet_cell(12) == "12" and parquet_cell(12.0) == "12" and parquet_cell(2.5) == "2.5"
    assert parquet_cell(date(2020, 5, 1)) == "2020-05-01"
    assert parquet_cell(datetime(2020, 5, 1, 8, 30)) == "2020-05-01"
    assert parquet_cell([" biomedicine ", None, ""]) == ["biomedicine"]
    assert parquet_cell([]) == []  # an answer: none of these

    def profile(**cells: Any) -> Any:
        return profile_from_row({"name": "甲", **{k: parquet_cell(v) for k, v in cells.items()}})

    assert profile(high_tech_enterprise=1).high_tech_enterprise is True  # as CSV "1"
    assert profile(employees=12.0).employees == 12
    assert profile(rd_expense_ratio=3).rd_expense_ratio == 3.0
    assert profile(sectors=[]).sectors == []
    assert profile(sectors=None).sectors is None  # null: unknown, never "none"
    assert profile(high_tech_enterprise=None).high_tech_enterprise is None
    with pytest.raises(ProfileError, match="employees"):
        profile(employees=True)  # "true" is not a whole number in CSV either
    with pytest.raises(ProfileError, match="employees"):
        profile(employees=2.5)


def _summary_counts(text: str) -> dict[str, list[int]]:
    counts = {}
    for line in text.splitlines():
        parts = line.split()
        if parts and len(parts[0]) == 3 and parts[0][0] == "m" and parts[0][1:].isdigit():
            counts[parts[0]] = [int(n) for n in parts[-4:]]
    return counts


def test_summary_counts_each_measures_verdicts(tmp_path: Path) -> None:
    source = register(tmp_path / "register.parquet")
    out = tmp_path / "matrix.csv"
    done = run(str(source), "--out", str(out))
    assert done.returncode == 2
    with out.open(encoding="utf-8-sig") as handle:
        matrix = list(csv.DictReader(handle))
    pack = load_pack()
    expected = {
        m.id: [Counter(r[m.id] for r in matrix)[v] for v in VERDICTS] for m in pack.measures
    }
    # The answers went to a file: the summary is on stdout; the refused rows stay on stderr.
    assert "Per measure, over 3 companies assessed:" in done.stdout
    assert _summary_counts(done.stdout) == expected
    assert all(sum(c) == 3 for c in expected.values())
    assert pack.measures[1].title.zh in done.stdout  # titles in --lang (zh by default)
    assert "row 2:" not in done.stdout
    # Measures without provisions are counted as not applicable.
    for measure in pack.measures:
        if not measure.provisions:
            assert expected[measure.id] == [0, 0, 0, 3]


def test_summary_goes_to_stderr_when_answers_go_to_stdout(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"name": "甲", "zone": "ftz_wuhan"}\n', "utf-8")
    done = run(str(source), "--lang", "en")
    assert done.returncode == 0
    assert done.stdout.startswith("{") and len(done.stdout.splitlines()) == 1
    assert "Per measure, over 1 companies assessed:" in done.stderr
    assert load_pack().measures[1].title.en[:30] in done.stderr  # titles are clipped
    quiet = run(str(source), "--quiet")
    assert "Per measure" not in quiet.stderr + quiet.stdout


def test_no_progress_text_in_a_pipe(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "zone", "employees"])
        for i in range(1200):
            writer.writerow([f"企业{i}", "ftz_wuhan", "many" if i == 700 else i])
    done = run(str(source), "--out", str(tmp_path / "m.csv"))
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        'row 702: employees: expected a whole number, got "many"',
        "1199 profile(s) assessed, 1 row(s) refused",
    ]
    assert "\r" not in done.stderr + done.stdout and "rows/s" not in done.stderr


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_rate_time_left_and_problem_lines_kept_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # the line is cut to the terminal's width
    clock = iter([0.0, 1.0, 1.1, 2.0, 3.0, 4.0])
    screen = Terminal()
    progress = Progress(screen, enabled=True, total=1000, clock=lambda: next(clock))
    progress.update(100)  # t=1: 100 rows/s, 9 s left
    assert "100/1,000 rows" in screen.getvalue() and "100 rows/s" in screen.getvalue()
    assert "0:09 left" in screen.getvalue()
    progress.update(110)  # t=1.1: too soon to redraw
    assert "110/" not in screen.getvalue()
    progress.print("row 7: zone: bad")
    lines = screen.getvalue().split("\r")
    assert "row 7: zone: bad\n" in lines  # the bar was cleared first, the line is whole
    progress.update(500, note="reports: 3 written")  # t=2
    assert "reports: 3 written" in screen.getvalue()
    progress.close()
    assert screen.getvalue().endswith("\r")
    # Without a total, the share of the file read gives the time left.
    clock = iter([0.0, 2.0])
    screen = Terminal()
    Progress(screen, enabled=True, clock=lambda: next(clock)).update(200, fraction=0.25)
    assert "200 rows  25%" in screen.getvalue() and "0:06 left" in screen.getvalue()
    # Disabled (not a terminal, or --quiet): nothing at all, problem lines only.
    plain = io.StringIO()
    silent = Progress(plain, enabled=False, total=10)
    silent.update(5)
    silent.print("row 2: bad")
    silent.close()
    assert plain.getvalue() == "row 2: bad\n"


def test_summary_table() -> None:
    summary = Summary([("m01", "第一项"), ("m02", "第二项")])
    summary.add({"m01": "eligible", "m02": "needs_info"})
    summary.add({"m01": "eligible", "m02": "not_eligible"})
    assert _summary_counts(summary.table()) == {"m01": [2, 0, 0, 0], "m02": [0, 1, 1, 0]}


def test_a_failure_leaves_no_partial_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(f'{{"name": "企业{i}"}}\n' for i in range(10)), "utf-8")
    monkeypatch.setattr("app.cli.batch.CHUNK", 2)
    real = batch_work.verdict_rows
    calls = []

    def failing(profiles: list[Any], as_of: date) -> list[dict[str, str]]:
        calls.append(len(profiles))
        if len(calls) == 3:
            raise RuntimeError("the evaluator broke")
        return real(profiles, as_of)

    monkeypatch.setattr(batch_work, "verdict_rows", failing)
    for name in ("m.csv", "m.xlsx", "m.parquet"):
        calls.clear()
        out = tmp_path / name
        out.write_bytes(b"the previous run's file")
        with pytest.raises(RuntimeError, match="the evaluator broke"):
            run_here(capsys, str(source), "--out", str(out))
        assert out.read_bytes() == b"the previous run's file"  # untouched, not half-replaced
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            ["in.jsonl", *(n for n in ("m.csv", "m.xlsx", "m.parquet") if (tmp_path / n).exists())]
        )  # no temporary file left behind
    calls.clear()
    monkeypatch.setattr(batch_work, "verdict_rows", real)
    status, _, err = run_here(capsys, str(source), "--out", str(tmp_path / "m.parquet"))
    assert status == 0, err
    assert pl.read_parquet(tmp_path / "m.parquet")["row"].to_list() == list(range(1, 11))


def test_output_folder_that_cannot_be_written_is_refused_before_any_work(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"name": "甲"}\n', "utf-8")
    blocker = tmp_path / "a-file"
    blocker.write_text("x", "utf-8")
    done = run(str(source), "--out", str(blocker / "m.parquet"))
    assert done.returncode == 2
    assert done.stderr.startswith(f"--out: cannot write in {blocker}: Not a directory")
    done = run(str(source), "--out", str(tmp_path / "missing" / "m.csv"))
    assert done.returncode == 2 and "--out: no such folder" in done.stderr
    done = run(str(source), "--out", str(source))
    assert done.returncode == 2 and "is the input file" in done.stderr
    assert source.read_text("utf-8") == '{"name": "甲"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "in.jsonl"]


def test_a_file_that_is_not_parquet_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "in.parquet"
    source.write_text("name,zone\n甲,ftz_wuhan\n", "utf-8")
    done = run(str(source), "--out", str(tmp_path / "m.csv"))
    assert done.returncode == 2
    assert done.stderr.startswith("INPUT: in.parquet cannot be read:")
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "m.csv").exists()


def test_help_says_how_rows_are_numbered_and_what_pdf_dir_does() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "batch", "--help"], capture_output=True, text=True
    )
    text = " ".join(done.stdout.split())
    assert "for .parquet the data row counted from 1" in text
    assert "--pdf-dir DIR" in text and "reports already written are skipped" in text
    assert "--quiet" in text and "progress line" in text


def test_renewed_workers_lose_no_row_and_keep_the_order(tmp_path: Path) -> None:
    """Report workers are replaced after some reports (memory): no row is lost or reordered."""
    from app.cli.batch import _results
    from app.cli.batch_io import RowSource
    from app.cli.batch_work import Job

    source = tmp_path / "in.jsonl"
    source.write_text("".join(f'{{"name": "企业{i}"}}\n' for i in range(9)), "utf-8")
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "000003_企业2_2026-11-26.pdf").write_bytes(b"%PDF-1.7 ... %%EOF")  # already there
    job = Job(date(2026, 11, 26), "zh", "matrix", pdf_dir=reports)
    chunks = _results(RowSource(source), job, jobs=2, size=2, recycle=3)
    results = [result for results, _ in chunks for result in results]
    assert [r.row for r in results] == list(range(1, 10))
    assert [r.pdf for r in results].count("written") == 8 and results[2].pdf == "skipped"
    assert len(list(reports.glob("*.pdf"))) == 9


def test_the_matrix_agrees_with_the_explaining_engine_cell_by_cell(tmp_path: Path) -> None:
    # The matrix comes from the compiled plan (rules.columnar); every cell must be the engine's.
    import json

    from bench.profiles import write_jsonl
    from rules.engine import assess
    from rules.profile import parse_profile

    source = write_jsonl(tmp_path / "in.jsonl", 300, seed=11)
    out = tmp_path / "matrix.csv"
    done = run(str(source), "--out", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8-sig", newline="") as handle:
        matrix = list(csv.DictReader(handle))
    pack = load_pack()
    lines = source.read_text("utf-8").splitlines()
    assert len(matrix) == len(lines) == 300
    for line, row in zip(lines, matrix, strict=True):
        assessment = assess(pack, parse_profile(json.loads(line)), date(2026, 11, 26))
        assert {r.measure.id: r.verdict for r in assessment.results} == {
            m.id: row[m.id] for m in pack.measures
        }, row["name"]
