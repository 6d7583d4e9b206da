"""The column path of ``policy-check batch`` (app.cli.batch_columns) against the row path.

A CSV or Parquet file turned into a verdict matrix must give, whichever path reads it, the same
refused rows (numbers and reasons) and the same matrix rows (number, name, credit code, every
measure's verdict). The files here are hostile on purpose: quotes and line breaks inside cells,
blank lines, a byte-order mark, CRLF, rows with too many or too few cells, headers twice,
Chinese headers, unknown columns, and Parquet columns of every type a register may use.
Chunks are small, so rows meet chunk boundaries.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli.batch_columns import csv_chunks, decide_chunk, parquet_chunks
from app.cli.batch_io import RowSource
from app.cli.batch_work import Job, configure, process_chunk
from rules.pack import load_pack

AS_OF = date(2026, 11, 26)
PACK = load_pack()
IDS = [m.id for m in PACK.measures]

Outcome = tuple[list[tuple[int, tuple[str, ...]]], list[tuple[Any, ...]]]


def by_rows(path: Path) -> Outcome:
    configure(Job(AS_OF, answers="matrix"))
    results = process_chunk(list(RowSource(path)))
    refused = [(r.row, r.problems) for r in results if r.refused]
    matrix = [
        (r.row, r.name, r.credit_code, *(r.verdicts[m] for m in IDS))
        for r in results
        if not r.refused
    ]
    return refused, matrix


def by_columns(path: Path, size: int) -> Outcome:
    if path.suffix == ".csv":
        chunks = csv_chunks(path, size)
    else:
        chunks = parquet_chunks(path, RowSource(path).total or 0, size)
    refused: list[tuple[int, tuple[str, ...]]] = []
    matrix: list[tuple[Any, ...]] = []
    for chunk in chunks:
        decided = decide_chunk(chunk, PACK, AS_OF)
        refused += decided.refused
        matrix += decided.matrix.rows()
    return refused, matrix


def assert_same(path: Path, size: int = 3) -> Outcome:
    expected = by_rows(path)
    assert by_columns(path, size) == expected
    return expected


GOOD = "光谷智算,91420100MA4KX8N35J,ftz_wuhan,I6513,artificial_intelligence;big_data,45,2021,是"
HEADER = "企业名称,credit_code,zone,industry_code,sectors,employees,first_profit_year,高新技术企业"


@pytest.mark.parametrize(
    "text",
    [
        f"{HEADER}\n{GOOD}\n",
        f"\ufeff{HEADER}\r\n{GOOD}\r\n\r\n{GOOD}\r\n",  # BOM, CRLF, a blank line
        f'{HEADER}\n"光谷,智算",,,,,,,\n"多行\n名称",,ftz_wuhan,,,,,\n"引号""公司",,,,,,,\n',
        f"{HEADER}\n{GOOD},extra cell\n短行\n,,,,,,,\n \n",  # too many, too few, empty, blank
        f"{HEADER}\n{GOOD}\n=cmd|' /C calc'!A0,,,,,,,\n",
        "name,name,zone\na,b,ftz_wuhan\nc,,ftz_wuhan\n",  # the same header twice
        "name,企业名称\na,b\n",  # two headers for the same key
        "name,unknown,sectors\na,,big_data\nb,x,\n",
        "\n\nname\na\n",  # blank lines before the header: csv.DictReader's headers are []
        'name,employees,annual_revenue,rd_expense_ratio\na,１２,1e3,100.5\nb,-1,"1,200",5\n',
        "name,zone,city\na,ftz_wuhan,yichang\nb,outside_hubei,other\n",
        "name,established,first_profit_year\na,2020-02-30,尚未获利\nb,2020-01-15,null\n",
        "name\ra\rb\r",  # old Mac line ends: Python's reader only
        "name,zone\na\x1c,ftz_wuhan\u3000\n",
    ],
)
def test_hostile_csv_files_read_the_same_by_columns_as_by_rows(tmp_path: Path, text: str) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(text.encode("utf-8"))
    assert_same(path)


def test_a_register_with_a_thousand_rows_and_some_bad_ones(tmp_path: Path) -> None:
    from bench.profiles import write_table

    path = write_table(tmp_path / "in.csv", 1000, seed=5)
    lines = path.read_text("utf-8").splitlines()
    lines[10] = lines[10].replace("ftz_", "ftz_mars_", 1) if "ftz_" in lines[10] else lines[10]
    lines[20] = "," + lines[20].split(",", 1)[1]  # no name
    lines[30] = lines[30] + ",surplus"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    refused, matrix = assert_same(path, size=128)
    assert {row for row, _ in refused} >= {21, 31}
    assert len(matrix) + len(refused) == 1000


CELL = st.one_of(
    st.sampled_from(
        ["", " ", "a", "ftz_wuhan", "big_data;rail_freight", "12", "1,200", "是", "2020-01-15",
         "尚未获利", "I6520", "91420100MA4KX8N35J", '"', '""', "\r", "\n", "=1+1", "x" * 201]
    ),
    st.text(alphabet=st.sampled_from(['a', ' ', ',', '"', '\n', ';', '是', '1', '\u3000']),
            max_size=6),
)  # fmt: skip
HEADERS = st.lists(
    st.sampled_from(
        ["name", "企业名称", "zone", "sectors", "employees", "annual_revenue", "first_profit_year",
         "established", "high_tech_enterprise", "unknown", " city "]
    ),
    min_size=1, max_size=5,
)  # fmt: skip


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    headers=HEADERS,
    rows=st.lists(st.lists(CELL, min_size=0, max_size=6), max_size=12),
    crlf=st.booleans(),
    size=st.integers(1, 5),
)
def test_generated_csv_files_read_the_same_by_columns_as_by_rows(
    tmp_path: Path, headers: list[str], rows: list[list[str]], crlf: bool, size: int
) -> None:
    path = tmp_path / "generated.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n" if crlf else "\n").writerows([headers, *rows])
    assert_same(path, size)


def test_parquet_columns_of_every_type_read_the_same_by_columns_as_by_rows(
    tmp_path: Path,
) -> None:
    n = None
    # fmt: off
    frame = pl.DataFrame(
        {  # rows 1, 5 and 8 are valid; each other row has one bad or untranslatable cell
            "企业名称": ["a", "b", "c", "d", "e", " ", n, "h", "i", "j"],
            "zone": pl.Series(
                ["ftz_wuhan", n, "ftz_mars", "hubei_other", n, n, n, n, n, n], dtype=pl.Categorical
            ),
            "employees": [12, -1, n, 3, 0, 1, 2, 5, 5, 5],
            "annual_revenue": [1.5, float("nan"), n, n, 3.0, n, n, float("nan"), n, 1e300],
            "total_assets": pl.Series([1, 2, n, 4, 5, 6, 7, 8, 9, 10], dtype=pl.Int32),
            "first_profit_year": [2020.0, 2021.5, n, 1e20, 2019.0, n, n, float("nan"), n, n],
            "high_tech_enterprise": [True, False, n, True, False, True, n, n, n, n],
            "tech_sme": [1, 0, 2, n, 1, 0, 1, 1, 1, 1],
            "established": [
                date(2019, 3, 1),
                n,
                date(1, 1, 1),
                date(2020, 1, 1),
                n,
                n,
                n,
                date(2000, 2, 29),
                n,
                n,
            ],
            "sectors": [
                ["big_data"],
                [],
                n,
                ["big_data", " "],
                [],
                ["Big_Data"],
                ["a,b"],
                ["big_data", " ", n],
                ["big_data", "big_data"],
                n,
            ],
            "activities": ["rail_freight", n, "nonsense", ";", n, n, n, n, n, n],
            "city": [n, n, n, n, n, n, n, n, datetime(2020, 1, 1), n],
            "ic_line_width_nm": pl.Series([28, n, n, n, n, n, n, n, n, n], dtype=pl.UInt64),
            "unknown": [n, n, n, n, n, n, n, n, n, 1],
            "core_link_rnd_production": [n, n, n, n, n, n, n, n, n, {"x": 1}],
        },
        strict=False,
    )
    # fmt: on
    path = tmp_path / "in.parquet"
    frame.write_parquet(path)
    refused, matrix = assert_same(path, size=2)
    assert [row[0] for row in matrix] == [1, 5, 8]
    assert [row for row, _ in refused] == [2, 3, 4, 6, 7, 9, 10]


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_a_well_written_register_is_read_without_the_row_path(
    tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The speed of the column path: no row of a clean register is converted one by one."""
    from app.cli import batch_columns
    from bench.profiles import write_table

    path = write_table(tmp_path / f"in{suffix}", 500, seed=8)
    calls: list[Any] = []
    monkeypatch.setattr(batch_columns, "profile_from_row", lambda row: calls.append(row))
    refused, matrix = by_columns(path, size=200)
    assert (len(matrix), refused, calls) == (500, [], [])


@pytest.mark.parametrize("body", [b"\xff\xfe,ftz_wuhan\n", b'"\xff",ftz_wuhan\n'])
def test_a_file_in_no_known_encoding_is_refused_in_words_on_either_reader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: bytes
) -> None:
    from tests.app.test_batch_matrix import run_here

    source = tmp_path / "gbk.csv"
    source.write_bytes(b"name,zone\n" + body)  # the second is quoted: Python's reader
    status, _, err = run_here(capsys, str(source), "--out", str(tmp_path / "m.csv"))
    assert status == 2
    assert "gbk.csv cannot be read: neither UTF-8 nor GB18030 text; save it as UTF-8" in err
    assert not (tmp_path / "m.csv").exists()


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_a_gb18030_file_is_read_as_its_utf8_twin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    """Excel in China saves CSV as GB18030: batch reads it as clients import does."""
    from tests.app.test_batch_matrix import run_here

    if suffix == ".csv":
        text = 'name,zone,sectors\n光谷智算,ftz_wuhan,big_data\n"襄阳,车联网",ftz_xiangyang,\n'
    else:
        text = '{"name": "光谷智算", "zone": "ftz_wuhan"}\n{"name": "襄阳车联网", "zone": "火星"}\n'
    outputs = []
    for encoding in ("utf-8", "gb18030"):
        source = tmp_path / f"{encoding}{suffix}"
        source.write_bytes(text.encode(encoding))
        out = tmp_path / f"matrix-{encoding}.csv"
        status, _, err = run_here(capsys, str(source), "--out", str(out), "--quiet")
        outputs.append((status, err, out.read_text("utf-8-sig")))
    assert outputs[0] == outputs[1]
    assert "光谷智算" in outputs[1][2]
