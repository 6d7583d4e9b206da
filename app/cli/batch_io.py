"""``policy-check batch``'s files: input read as a stream of rows, output written whole or not.

Input (``RowSource``): ``.jsonl`` line by line, ``.csv`` row by row, ``.xlsx`` in read-only mode,
``.parquet`` in batches of rows (polars' streaming engine, so memory is bounded by the file's
row groups, not its length). Each row comes with its number: the line of a ``.jsonl`` file, the
sheet or file row of a ``.csv`` or ``.xlsx`` file (the header is row 1, the first company row 2),
and for ``.parquet``, which has no header row, the data row counted from 1. The source also says
how far it has read (for the progress line) and, for Parquet, how many rows there are.

A Parquet cell is turned into the text a CSV file would hold for it, so a number, a yes/no, a
date or a list validates exactly as the same value typed into a spreadsheet: ``True`` is ``true``,
``12`` is ``12``, ``12.0`` in a whole-number column is ``12``, a date is ``YYYY-MM-DD``. A null
cell (and a floating-point NaN, which data frames use for "missing") is unknown, never no, zero or
empty. A real list column (``sectors``, ``activities``) is taken as the list of its elements (an
empty list is an answer: none of these, as ``[]`` in JSON); a text cell is split as in a CSV file.

Output (``open_writer``): ``.jsonl`` answers, or the verdict matrix (one row per company: row,
name, credit_code, one column per measure) as ``.csv``, ``.xlsx`` or ``.parquet``. Every output
file is written under a temporary name in its own folder and renamed into place when complete:
a failure or an interruption leaves no half-written file (and an existing one untouched).
"""

from __future__ import annotations

import contextlib
import csv
import math
import os
import queue
import tempfile
import threading
from collections.abc import Callable, Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final, Protocol, cast

from app.cli.common import InputError
from app.services.cells import FORMULA_STARTS, QUOTE, formula_safe, xlsx_safe
from app.services.text_files import NotText, csv_rows, file_encoding
from db.redact import one_line

if TYPE_CHECKING:
    import polars as pl

    from app.cli.batch_work import RowResult

INPUT_SUFFIXES: Final = (".jsonl", ".csv", ".xlsx", ".parquet")
MATRIX_SUFFIXES: Final = (".csv", ".xlsx", ".parquet")
#: Inputs read by columns when a matrix is asked for (app.cli.batch_columns).
COLUMN_SUFFIXES: Final = (".csv", ".parquet")
OUTPUT_SUFFIXES: Final = (".jsonl", *MATRIX_SUFFIXES)
PARQUET_READ_ROWS: Final = 512  # rows per batch read from a Parquet file
PARQUET_ROW_GROUP: Final = 8192  # rows per row group of a Parquet matrix (and per write)


class UnreadableInput(Exception):
    """The input file cannot be read as its suffix says (exit 2 with this message)."""


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# Read once at import, before the Parquet writer's thread or any worker starts.
_DEFAULT_MODE: Final = 0o666 & ~_umask()


# --- input ---------------------------------------------------------------------------------------


class RowSource:
    """The (row number, raw row) pairs of an input file, and how far reading has got."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.suffix = path.suffix.lower()
        #: Data rows in the file, when its format records them (Parquet); else None.
        self.total: int | None = _parquet_count(path) if self.suffix == ".parquet" else None
        #: A text file's encoding: UTF-8 or GB18030 (app.services.text_files).
        self.encoding = "utf-8-sig"
        if self.suffix in (".csv", ".jsonl"):
            try:
                self.encoding = file_encoding(path)
            except NotText as error:
                raise UnreadableInput(str(error)) from None
        self._fraction: Callable[[], float | None] = lambda: None

    def fraction(self) -> float | None:
        """How much of the input has been read, 0 to 1, when it can be told (else None)."""
        try:
            value = self._fraction()
        except (OSError, ValueError):
            return None
        return None if value is None else min(max(value, 0.0), 1.0)

    def __iter__(self) -> Iterator[tuple[int, Any]]:
        if self.suffix == ".jsonl":
            return self._jsonl()
        if self.suffix == ".csv":
            return self._csv()
        if self.suffix == ".xlsx":
            return self._xlsx()
        return self._parquet()

    def _by_bytes(self, handle: IO[Any]) -> None:
        size = os.fstat(handle.fileno()).st_size
        buffer = handle.buffer  # type: ignore[attr-defined]  # a text file's binary buffer
        self._fraction = lambda: buffer.tell() / size if size else 1.0

    def _jsonl(self) -> Iterator[tuple[int, Any]]:
        with self.path.open(encoding=self.encoding) as lines:
            self._by_bytes(lines)
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    yield number, line

    def _csv(self) -> Iterator[tuple[int, Any]]:
        with self.path.open(encoding=self.encoding, newline="") as handle:
            self._by_bytes(handle)
            records = csv_rows(handle)
            headers = next(records, [])
            number = 1
            for row in records:
                if row:  # blank lines are skipped, and not counted
                    number += 1
                    yield number, dict_row(headers, row)

    def _xlsx(self) -> Iterator[tuple[int, Any]]:
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(self.path, read_only=True, data_only=True)
        except Exception as error:  # zipfile, XML and openpyxl's own errors alike
            raise UnreadableInput(why(error)) from None
        try:
            yield from self._sheet_rows(workbook.active)
        except Exception as error:  # a sheet's XML is read as it goes: damaged further on
            raise UnreadableInput(why(error)) from None
        finally:
            workbook.close()

    def _sheet_rows(self, sheet: Any) -> Iterator[tuple[int, Any]]:
        try:
            last = int(sheet.max_row or 0)  # from the sheet's dimension, when it has one
        except (TypeError, ValueError):
            last = 0
        position = 1
        if last > 1:
            self._fraction = lambda: position / last
        rows = sheet.iter_rows(values_only=True)
        headers = [str(h).strip() if h is not None else "" for h in next(rows, ())]
        for position, values in enumerate(rows, start=2):  # read by _fraction
            if any(v not in (None, "") for v in values):
                yield position, dict(zip(headers, values, strict=False))

    def _parquet(self) -> Iterator[tuple[int, Any]]:
        import polars as pl

        total = self.total or 0
        number = 0
        self._fraction = lambda: number / total if total else 1.0
        try:
            batches = pl.scan_parquet(self.path).collect_batches(chunk_size=PARQUET_READ_ROWS)
            for frame in batches:
                for record in frame.iter_rows(named=True):
                    number += 1
                    yield number, {key: parquet_cell(value) for key, value in record.items()}
        except (pl.exceptions.PolarsError, OSError) as error:
            raise UnreadableInput(why(error)) from None


def why(error: BaseException) -> str:
    """A library's error as one short line (openpyxl's run over several)."""
    return one_line(f"{type(error).__name__}: {error}", 300)


def _parquet_count(path: Path) -> int:
    """The rows of a Parquet file, from its metadata only; UnreadableInput if it is not Parquet."""
    import polars as pl

    try:
        return int(pl.scan_parquet(path).select(pl.len()).collect().item())
    except (pl.exceptions.PolarsError, OSError) as error:
        raise UnreadableInput(why(error)) from None


def parquet_cell(value: Any) -> Any:
    """A Parquet cell as the CSV reader would see it: text, a list for a list column, or None.

    ``rules.tabular.profile_from_row`` then converts the text by the key's kind, exactly as for a
    CSV cell, so the same value validates the same way whichever file it came in.
    """
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return None  # data frames write NaN for a missing number: unknown
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, Decimal):
        return None if value.is_nan() else format(value, "f")
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        items = (parquet_cell(item) for item in value)
        return [item.strip() for item in items if isinstance(item, str) and item.strip()]
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)  # anything else (a struct, a duration) is refused by validation, by name


def dict_row(headers: list[str], row: list[str]) -> dict[Any, Any]:
    """A CSV record as ``csv.DictReader`` makes it: extra cells under None, missing ones None."""
    width = len(headers)
    record: dict[Any, Any] = dict(zip(headers, row, strict=False))
    if len(row) > width:
        record[None] = row[width:]
    for header in headers[len(row) :]:
        record[header] = None
    return record


# --- output --------------------------------------------------------------------------------------


class TempFile:
    """A file made under a temporary name beside ``target``, renamed over it by ``commit``.

    Creating it is also the check that the folder exists and can be written: an error names
    the option and the folder, before any row is read.
    """

    def __init__(self, target: Path, option: str) -> None:
        folder = target.parent
        try:
            handle, name = tempfile.mkstemp(
                dir=folder, prefix=f".{target.name[:60]}.", suffix=".part"
            )
        except FileNotFoundError:
            raise InputError([f"{option}: no such folder: {folder}"]) from None
        except OSError as error:
            raise InputError([f"{option}: cannot write in {folder}: {error.strerror}"]) from None
        os.close(handle)
        self.target = target
        self.path = Path(name)

    def commit(self) -> None:
        try:
            mode = self.target.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = _DEFAULT_MODE
        with open(self.path, "rb") as written:
            os.fsync(written.fileno())
        os.chmod(self.path, mode)
        os.replace(self.path, self.target)

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


def formula_safe_column(name: str) -> pl.Expr:
    """``app.services.cells.formula_safe`` over a text column."""
    import polars as pl

    column = pl.col(name)
    risky = pl.any_horizontal(column.str.starts_with(c) for c in sorted(FORMULA_STARTS | {QUOTE}))
    return pl.when(risky).then(QUOTE + column).otherwise(column).alias(name)


class AnswerWriter(Protocol):
    """Where the valid rows' answers go, in row order."""

    def write(self, result: RowResult) -> None: ...

    def commit(self) -> None:
        """Finish the output and put it in place."""

    def discard(self) -> None:
        """Drop the output (after a failure): nothing is left behind."""


class MatrixWriter(AnswerWriter, Protocol):
    """A verdict matrix, which also takes many rows at once (the column path)."""

    def write_frame(self, matrix: pl.DataFrame) -> None: ...


class JsonlWriter:
    """One JSON answer per line, to a file (through a temporary file) or to a stream."""

    def __init__(self, out: Path | IO[str]) -> None:
        self._file: TempFile | None = None
        self._stream: IO[str]
        if isinstance(out, Path):
            self._file = TempFile(out, "--out")
            self._stream = self._file.path.open("w", encoding="utf-8")
        else:
            self._stream = out

    def write(self, result: RowResult) -> None:
        self._stream.write(result.line)

    def commit(self) -> None:
        if self._file is None:
            self._stream.flush()
            return
        self._stream.close()
        self._file.commit()

    def discard(self) -> None:
        if self._file is not None:
            self._stream.close()
            self._file.discard()


def matrix_header(measure_ids: list[str]) -> list[str]:
    return ["row", "name", "credit_code", *measure_ids]


class CsvMatrixWriter:
    def __init__(self, path: Path, measure_ids: list[str]) -> None:
        self._file = TempFile(path, "--out")
        self._measures = measure_ids
        self._handle = self._file.path.open("w", encoding="utf-8-sig", newline="")
        self._csv = csv.writer(self._handle)
        self._csv.writerow(matrix_header(measure_ids))

    def write(self, result: RowResult) -> None:
        # Only the client's own text can hold a formula; the verdicts are the pack's words.
        cells = [result.row, formula_safe(result.name), formula_safe(result.credit_code or "")]
        self._csv.writerow(cells + [result.verdicts.get(m, "") for m in self._measures])

    def write_frame(self, matrix: pl.DataFrame) -> None:
        """Many rows at once: ``matrix`` has the header's columns, in its order."""
        safe = matrix.with_columns(formula_safe_column("name"), formula_safe_column("credit_code"))
        # As csv.writer writes: CRLF line ends, quotes only where needed, null as empty;
        # straight into the file's bytes (the header and any row written before are flushed).
        self._handle.flush()
        raw = cast(IO[bytes], self._handle.buffer)
        safe.write_csv(raw, include_header=False, line_terminator="\r\n")

    def commit(self) -> None:
        self._handle.close()
        self._file.commit()

    def discard(self) -> None:
        self._handle.close()
        self._file.discard()


class XlsxMatrixWriter:
    """A write-only workbook: openpyxl streams its rows to a temporary file as they come."""

    def __init__(self, path: Path, measure_ids: list[str]) -> None:
        from openpyxl import Workbook

        self._file = TempFile(path, "--out")
        self._measures = measure_ids
        self._workbook = Workbook(write_only=True)
        self._sheet = self._workbook.create_sheet("verdicts")
        self._sheet.append(matrix_header(measure_ids))

    def write(self, result: RowResult) -> None:
        cells = [result.row, result.name, result.credit_code or ""]
        cells += [result.verdicts.get(m, "") for m in self._measures]
        self._sheet.append([xlsx_safe(formula_safe(c)) for c in cells])

    def write_frame(self, matrix: pl.DataFrame) -> None:
        for row in matrix.iter_rows():
            self._sheet.append([xlsx_safe(formula_safe("" if c is None else c)) for c in row])

    def commit(self) -> None:
        self._workbook.save(self._file.path)
        self._file.commit()

    def discard(self) -> None:
        # Finish the sheet's own temporary file and delete it, so nothing is written later.
        with contextlib.suppress(Exception):
            self._sheet.close()
            self._sheet._writer.cleanup()
        self._file.discard()


_END: Final = object()


class _Abort(Exception):
    """Tells the Parquet writer's thread to stop without finishing the file."""


class ParquetMatrixWriter:
    """The verdict matrix as Parquet, written row group by row group while rows come in.

    polars' streaming engine writes the file (``sink_parquet``) in a thread of its own, pulling
    data frames of ``PARQUET_ROW_GROUP`` rows from a small queue that ``write`` fills: memory
    holds a few row groups at most, however many companies there are. Verdicts are text columns
    (Parquet dictionary-encodes them), ``row`` is a 64-bit integer, a missing credit code is null.
    No spreadsheet quoting here: Parquet cells are data, never formulas.
    """

    def __init__(self, path: Path, measure_ids: list[str]) -> None:
        import polars as pl
        from polars.io.plugins import register_io_source

        self._file = TempFile(path, "--out")
        self._measures = measure_ids
        self._schema: dict[str, Any] = {
            "row": pl.Int64,
            "name": pl.String,
            "credit_code": pl.String,
            **{m: pl.String for m in measure_ids},
        }
        self._columns: dict[str, list[Any]] = {name: [] for name in self._schema}
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=2)
        self._error: BaseException | None = None

        def frames(
            with_columns: list[str] | None, predicate: Any, n_rows: int | None, batch: int | None
        ) -> Iterator[pl.DataFrame]:
            while (item := self._queue.get()) is not _END:
                if isinstance(item, BaseException):
                    raise item
                yield item if with_columns is None else item.select(with_columns)

        lazy = register_io_source(frames, schema=self._schema)

        def sink() -> None:
            try:
                lazy.sink_parquet(
                    self._file.path, row_group_size=PARQUET_ROW_GROUP, engine="streaming"
                )
            except BaseException as error:  # reported by commit, or dropped by discard
                self._error = error

        self._thread = threading.Thread(target=sink, name="parquet-matrix", daemon=True)
        self._thread.start()

    def write(self, result: RowResult) -> None:
        columns = self._columns
        columns["row"].append(result.row)
        columns["name"].append(result.name)
        columns["credit_code"].append(result.credit_code)
        for measure in self._measures:
            columns[measure].append(result.verdicts.get(measure))
        if len(columns["row"]) >= PARQUET_ROW_GROUP:
            self._flush()

    def write_frame(self, matrix: pl.DataFrame) -> None:
        self._flush()
        for offset in range(0, matrix.height, PARQUET_ROW_GROUP):
            part = matrix.slice(offset, PARQUET_ROW_GROUP)
            self._put(part.cast(self._schema))  # type: ignore[arg-type]

    def _flush(self) -> None:
        import polars as pl

        if self._columns["row"]:
            self._put(pl.DataFrame(self._columns, schema=self._schema))
            self._columns = {name: [] for name in self._schema}

    def _stopped(self) -> BaseException:
        if isinstance(self._error, KeyboardInterrupt):  # polars saw Ctrl+C first
            return KeyboardInterrupt()
        return OSError(f"cannot write {self._file.target}: {self._error!r}")

    def _put(self, item: Any) -> None:
        while True:
            if not self._thread.is_alive():
                raise self._stopped()
            try:
                self._queue.put(item, timeout=0.2)
                return
            except queue.Full:
                continue

    def commit(self) -> None:
        self._flush()
        self._put(_END)
        self._thread.join()
        if self._error is not None:
            self._file.discard()
            raise self._stopped()
        self._file.commit()

    def discard(self) -> None:
        if self._thread.is_alive():
            with contextlib.suppress(OSError):
                self._put(_Abort())
            self._thread.join(timeout=30)
        self._file.discard()


def open_writer(out: Path | IO[str] | None, measure_ids: list[str]) -> AnswerWriter | None:
    """The writer for ``--out`` (a stream gets JSONL answers); None writes no answers."""
    if out is None:
        return None
    if not isinstance(out, Path):
        return JsonlWriter(out)
    suffix = out.suffix.lower()
    if suffix == ".csv":
        return CsvMatrixWriter(out, measure_ids)
    if suffix == ".xlsx":
        return XlsxMatrixWriter(out, measure_ids)
    if suffix == ".parquet":
        return ParquetMatrixWriter(out, measure_ids)
    return JsonlWriter(out)
