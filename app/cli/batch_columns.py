"""``policy-check batch``'s column path: a CSV or Parquet file to a verdict matrix, by columns.

The row path (``app.cli.batch_work``) validates every row as a profile object, then assesses
the chunk. For a matrix from ``.csv`` or ``.parquet`` this path reads a chunk of rows into
columns, converts and checks the plainly written cells column-wise
(``rules.columnar.text.read_text``) and sends only the other rows through the row path's own
``rules.tabular.profile_from_row``, which accepts them or refuses them with reasons. The
compiled plan then decides the chunk, and the matrix rows are written from the frame: no
Python runs per valid row but the CSV reader's.

Each chunk comes with a way to rebuild any of its rows exactly as ``app.cli.batch_io.RowSource``
gives it (``TableChunk.raw_row``), so a row checked one by one meets the same conversion, and
the same row number, as on the row path.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

import polars as pl

from app.cli.batch_io import UnreadableInput, dict_row, parquet_cell, why
from app.services.text_files import csv_rows
from rules.columnar import assess_frame, profile_frame, verdict_column
from rules.columnar.text import read_text
from rules.fields import PROFILE_FIELDS
from rules.pack import Pack
from rules.profile import Profile, ProfileError
from rules.tabular import header_key, profile_from_row

#: Rows read, checked and decided at once: large enough that the plan's fixed cost (about
#: 45 ms a call) is small beside its work, small enough that memory stays flat.
COLUMN_CHUNK: Final = 32768
_INDEX: Final = "__index"
_EXACT_FLOAT: Final = float(1 << 53)  # beyond, not every whole number is a float


@dataclass(frozen=True)
class TableChunk:
    """A chunk of a table's rows, as columns named by profile key (``header_key``).

    ``forced`` marks rows the columns cannot stand for (more cells than headers, a cell of a
    type with no text form here); ``raw_row(i)`` is the i-th row as the row path reads it.
    """

    rows: list[int]
    columns: dict[str, pl.Series]
    forced: pl.Series
    raw_row: Callable[[int], dict[Any, Any]]
    fraction: float | None


@dataclass(frozen=True)
class ChunkVerdicts:
    """A chunk decided: the matrix rows of its valid companies, and its refused rows."""

    matrix: pl.DataFrame  # row, name, credit_code, one verdict column (Enum) per measure id
    refused: list[tuple[int, tuple[str, ...]]]


# --- reading -------------------------------------------------------------------------------------


def _keyed(headers: list[str]) -> dict[str, int] | None:
    """Column index by profile key; None when two headers name the same key (the row path
    then decides which cell wins, row by row)."""
    keys = [header_key(h) for h in headers]
    return None if len(set(keys)) < len(keys) else {key: i for i, key in enumerate(keys)}


def csv_chunks(
    path: Path, size: int = COLUMN_CHUNK, encoding: str = "utf-8-sig"
) -> Iterator[TableChunk]:
    """The rows of a CSV file as ``csv.DictReader`` gives them to the row path: the first
    record the headers, blank lines skipped, rows numbered from 2.

    A file without a quote character, a NUL or a lone carriage return is a line per record and
    a comma between cells, which polars reads and splits far faster than Python's reader; any
    other file (a GB18030 one too: ``encoding`` is ``RowSource.encoding``) is read by Python's
    own ``csv`` module, exactly as on the row path.
    """
    lines = _plain_lines(path) if encoding == "utf-8-sig" else None
    if lines is None:
        yield from _python_csv_chunks(path, size, encoding)
    else:
        yield from _plain_csv_chunks(path, size, lines)


def _plain_lines(path: Path) -> int | None:
    """The file's line count when it is plain (no ``"``, NUL or lone CR), else None."""
    newlines = 0
    carriage_return = False  # the previous block ended with CR
    with path.open("rb") as handle:
        while block := handle.read(1 << 24):
            if b'"' in block or b"\x00" in block:
                return None
            if carriage_return and not block.startswith(b"\n"):
                return None
            carriage_return = block.endswith(b"\r")
            if block.count(b"\r") != block.count(b"\r\n") + carriage_return:
                return None
            newlines += block.count(b"\n")
    return None if carriage_return else newlines + 1


def _plain_csv_chunks(path: Path, size: int, lines: int) -> Iterator[TableChunk]:
    try:
        batches = pl.scan_csv(
            path,
            has_header=False,
            separator="\x00",  # none in the file: each line is one cell
            quote_char=None,
            infer_schema=False,
            encoding="utf8",  # a byte-order mark is dropped, as utf-8-sig drops it
        ).collect_batches(chunk_size=size)
        headers: list[str] | None = None
        width = 0
        keyed: dict[str, int] | None = None
        number, seen = 1, 0
        for batch in batches:
            column = batch.to_series()
            seen += len(column)
            if headers is None:
                first = column[0]
                headers = first.split(",") if first is not None else []
                width, keyed = len(headers), _keyed(headers)
                column = column.slice(1)
            records = column.drop_nulls()  # blank lines, which csv.DictReader skips
            if not len(records):
                continue
            rows = list(range(number + 1, number + 1 + len(records)))
            number += len(records)
            yield _split_chunk(headers, width, keyed, records, rows, min(seen / lines, 1.0))
    except pl.exceptions.PolarsError as error:
        raise UnreadableInput(why(error)) from None


def _split_chunk(
    headers: list[str],
    width: int,
    keyed: dict[str, int] | None,
    records: pl.Series,
    rows: list[int],
    fraction: float,
) -> TableChunk:
    cells = records.str.split(",")
    forced = cells.list.len() > width
    columns: dict[str, pl.Series] = {}
    if keyed is None:
        forced = pl.Series([True] * len(records), dtype=pl.Boolean)
    else:
        columns = {key: cells.list.get(i, null_on_oob=True).alias(key) for key, i in keyed.items()}

    def raw_row(i: int) -> dict[Any, Any]:
        return dict_row(headers, str(records[i]).split(","))

    return TableChunk(rows, columns, forced, raw_row, fraction)


def _python_csv_chunks(path: Path, size: int, encoding: str) -> Iterator[TableChunk]:
    with path.open(encoding=encoding, newline="") as handle:
        total = os.fstat(handle.fileno()).st_size
        reader = csv_rows(handle)
        headers = next(reader, [])
        width = len(headers)
        keyed = _keyed(headers)
        number = 1
        while True:
            chunk: list[list[str]] = []
            for row in reader:
                if row:
                    chunk.append(row)
                    if len(chunk) == size:
                        break
            if not chunk:
                return
            rows = list(range(number + 1, number + 1 + len(chunk)))
            number += len(chunk)
            fraction = handle.buffer.tell() / total if total else 1.0  # type: ignore[attr-defined]
            yield _csv_chunk(headers, width, keyed, chunk, rows, fraction)
            if len(chunk) < size:
                return


def _csv_chunk(
    headers: list[str],
    width: int,
    keyed: dict[str, int] | None,
    chunk: list[list[str]],
    rows: list[int],
    fraction: float,
) -> TableChunk:
    too_long = [len(row) > width for row in chunk]
    padding: list[str | None] = [None] * width
    cells = [row if len(row) == width else (row + padding)[:width] for row in chunk]
    columns: dict[str, pl.Series] = {}
    if keyed is not None and cells:
        by_position = list(zip(*cells, strict=True)) if width else []
        columns = {key: pl.Series(key, by_position[i], dtype=pl.String) for key, i in keyed.items()}
    forced = pl.Series(too_long, dtype=pl.Boolean)
    if keyed is None:
        forced = pl.Series([True] * len(chunk), dtype=pl.Boolean)
    return TableChunk(rows, columns, forced, lambda i: dict_row(headers, chunk[i]), fraction)


def parquet_chunks(path: Path, total: int, size: int = COLUMN_CHUNK) -> Iterator[TableChunk]:
    """The rows of a Parquet file in batches, numbered from 1 as the row path numbers them."""
    number = 0
    try:
        batches = pl.scan_parquet(path).collect_batches(chunk_size=size)
        keyed: dict[str, int] | None = None
        for frame in batches:
            if keyed is None:
                keyed = _keyed(frame.columns) or {}
                duplicated = len(keyed) < frame.width
            rows = list(range(number + 1, number + 1 + frame.height))
            number += frame.height
            yield _parquet_chunk(frame, keyed, duplicated, rows, number / total if total else 1.0)
    except (pl.exceptions.PolarsError, OSError) as error:
        raise UnreadableInput(why(error)) from None


def _parquet_chunk(
    frame: pl.DataFrame, keyed: dict[str, int], duplicated: bool, rows: list[int], fraction: float
) -> TableChunk:
    columns: dict[str, pl.Series] = {}
    forced = pl.Series([duplicated] * frame.height, dtype=pl.Boolean)
    if not duplicated:
        for key, i in keyed.items():
            column, unreadable = parquet_column(frame.to_series(i), key)
            columns[key] = column.alias(key)
            forced = forced | unreadable

    def raw_row(i: int) -> dict[Any, Any]:  # as RowSource._parquet gives it
        return {key: parquet_cell(value) for key, value in frame.row(i, named=True).items()}

    return TableChunk(rows, columns, forced, raw_row, fraction)


def parquet_column(series: pl.Series, key: str) -> tuple[pl.Series, pl.Series]:
    """A Parquet column as ``read_text`` takes it, and the rows it cannot stand for.

    ``parquet_cell`` turns a cell into the text a CSV file would hold; here a column is turned
    the same way where polars writes the same text (whole numbers, yes/no, dates), or kept typed
    where the key takes that type as is (numbers for number keys, whole numbers for counts and
    years, yes/no, dates). Other cells (a fraction in a count column, a struct) are left to the
    row path, which converts them with ``parquet_cell`` itself.
    """
    kind = PROFILE_FIELDS[key].kind if key in PROFILE_FIELDS else "text"
    dtype = series.dtype
    none = pl.Series([False] * len(series), dtype=pl.Boolean)
    if dtype in (pl.String, pl.Null) or isinstance(dtype, pl.Categorical | pl.Enum):
        return series.cast(pl.String), none
    if dtype == pl.Boolean:
        if kind == "bool":
            return series, none
        words = pl.when(series).then(pl.lit("true")).when(~series).then(pl.lit("false"))
        return pl.select(words).to_series(), none
    if dtype.is_integer():
        if kind in ("int", "year") and dtype != pl.UInt64:
            return series.cast(pl.Int64), none
        if kind == "number":
            return series.cast(pl.Float64), none
        return series.cast(pl.String), none
    if dtype.is_float():
        values = series.cast(pl.Float64).fill_nan(None)  # NaN is a data frame's "missing"
        if kind == "number":
            return values, none
        whole = (values == values.floor()) & (values.abs() < _EXACT_FLOAT)
        text = pl.select(
            pl.when(whole).then(values.cast(pl.Int64, strict=False).cast(pl.String))
        ).to_series()
        return text, (values.is_not_null() & ~whole).fill_null(False)
    if dtype == pl.Date or (isinstance(dtype, pl.Datetime) and dtype.time_zone is None):
        days = series.cast(pl.Date)
        if kind == "date":
            return days, none
        years = days.dt.year()
        in_range = ((years >= 1000) & (years <= 9999)).fill_null(True)
        return days.cast(pl.String), ~in_range
    if dtype == pl.List(pl.String) and kind == "tags":
        return _tags_text(series)
    return pl.Series([None] * len(series), dtype=pl.String), series.is_not_null()


def _tags_text(series: pl.Series) -> tuple[pl.Series, pl.Series]:
    """A list column as the separated text whose reading gives the same list: items trimmed,
    blank ones dropped (an empty list stays an answer: ``;``, none of these)."""
    from rules.columnar.text import PY_WHITESPACE

    items = series.list.eval(pl.element().str.strip_chars(PY_WHITESPACE)).list.drop_nulls()
    plain = items.list.eval(pl.element().str.contains("^[a-z0-9_]*$")).list.all()
    joined = items.list.join(";")
    text = pl.select(pl.when(joined == "").then(pl.lit(";")).otherwise(joined)).to_series()
    return text, (series.is_not_null() & ~plain).fill_null(False)


# --- deciding ------------------------------------------------------------------------------------


def decide_chunk(chunk: TableChunk, pack: Pack, as_of: date) -> ChunkVerdicts:
    """The chunk's matrix rows and refused rows, in row order."""
    height = len(chunk.rows)
    read = read_text(chunk.columns, height)
    plain = read.plain & ~chunk.forced
    refused: list[tuple[int, tuple[str, ...]]] = []
    checked: list[Profile] = []
    checked_at: list[int] = []
    for i in (~plain).arg_true().to_list():
        try:
            checked.append(profile_from_row(chunk.raw_row(i)))
        except ProfileError as error:
            refused.append((chunk.rows[i], tuple(error.problems)))
            continue
        checked_at.append(i)
    index = pl.Series(_INDEX, range(height), dtype=pl.UInt32)
    parts = [read.frame.with_columns(index).filter(plain)]
    if checked:
        by_row = profile_frame(checked)
        parts.append(by_row.with_columns(pl.Series(_INDEX, checked_at, dtype=pl.UInt32)))
    frame = pl.concat(parts, how="vertical").sort(_INDEX)
    verdicts = assess_frame(pack, frame.drop(_INDEX), as_of)
    numbers = pl.Series("row", chunk.rows, dtype=pl.Int64).gather(frame.get_column(_INDEX))
    matrix = pl.DataFrame(
        [
            numbers,
            frame.get_column("name"),
            frame.get_column("credit_code"),
            *(verdicts.get_column(verdict_column(m.id)).alias(m.id) for m in pack.measures),
        ]
    )
    return ChunkVerdicts(matrix, refused)
