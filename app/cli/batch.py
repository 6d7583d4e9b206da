"""``policy-check batch``: many profiles in, one answer per line or a verdict matrix out.

Input is read as a stream (``.jsonl`` line by line, ``.csv`` row by row, ``.xlsx`` in read-only
mode) and processed in bounded chunks, so memory stays flat however long the input is. A bad row
is reported with its row number and skipped; the others go on.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path
from typing import IO, Any

from app.cli.common import InputError, load_pack_checked, parse_as_of
from rules.answer import assessment_json
from rules.assessor import Assessor
from rules.pack import DEFAULT_PACK_DIR, load_pack
from rules.profile import ProfileError, parse_profile
from rules.tabular import profile_from_row

log = logging.getLogger("policy-check")
CHUNK = 512
INPUT_SUFFIXES = (".jsonl", ".csv", ".xlsx")
OUTPUT_SUFFIXES = (".jsonl", ".csv", ".xlsx")
MAX_JOBS = 64  # worker processes for batch; more only thrash the machine


def add_commands(commands: Any) -> None:
    """Register ``batch`` on the ``policy-check`` parser's subcommands."""
    batch_cmd = commands.add_parser("batch", help="assess many profiles (.jsonl, .csv, .xlsx)")
    batch_cmd.add_argument("input", metavar="INPUT")
    batch_cmd.add_argument("--out", help=".jsonl answers, or a .csv/.xlsx verdict matrix")
    batch_cmd.add_argument("--as-of", help="assessment date YYYY-MM-DD (default: today)")
    batch_cmd.add_argument("--lang", choices=["zh", "en"], default="zh")
    batch_cmd.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    batch_cmd.set_defaults(handler=cmd_batch)


def cmd_batch(args: argparse.Namespace) -> int:
    source = Path(args.input)
    if source.suffix.lower() not in INPUT_SUFFIXES:
        raise InputError([f"INPUT: {source.name}: expected a .jsonl, .csv or .xlsx file"])
    if not source.is_file():
        raise InputError([f"INPUT: no such file: {source}"])
    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() not in OUTPUT_SUFFIXES:
        raise InputError([f"--out: {out.name}: expected a .jsonl, .csv or .xlsx file"])
    if not 1 <= args.jobs <= MAX_JOBS:
        raise InputError([f"--jobs: {args.jobs}: must be between 1 and {MAX_JOBS}"])
    as_of = parse_as_of(args.as_of)
    load_pack_checked(None)
    problems: list[str] = []

    def report(problem: str) -> None:
        problems.append(problem)
        print(problem, file=sys.stderr)

    try:
        answered, refused = run_batch(
            source, out or sys.stdout, as_of, args.lang, args.jobs, report_problem=report
        )
    except (UnicodeDecodeError, csv.Error) as error:
        raise InputError([f"INPUT: {source.name} cannot be read: {error}"]) from None
    log.info("batch %s: %d answered, %d refused", source, answered, refused)
    print(f"{answered} profile(s) assessed, {refused} row(s) refused", file=sys.stderr)
    return 2 if refused else 0


@dataclass(frozen=True)
class RowOutcome:
    """A row's answer: the JSON line (JSONL output) or the verdicts (matrix), or its problems."""

    row: int
    answer: dict[str, Any] | None
    problems: tuple[str, ...] = ()
    line: str = ""


def read_rows(path: Path) -> Iterator[tuple[int, Any]]:
    """(row number, raw row) pairs; the row number is the file's line or sheet row."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        with path.open(encoding="utf-8-sig") as lines:
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    yield number, line
    elif suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for number, record in enumerate(csv.DictReader(handle), start=2):
                yield number, record
    else:
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            rows = workbook.active.iter_rows(values_only=True)
            headers = [str(h).strip() if h is not None else "" for h in next(rows, ())]
            for number, values in enumerate(rows, start=2):
                if any(v not in (None, "") for v in values):
                    yield number, dict(zip(headers, values, strict=False))
        finally:
            workbook.close()


_ASSESSORS: dict[tuple[date, bool], Assessor] = {}


def _assessor(as_of: date, questions: bool) -> Assessor:
    """One memoising assessor per worker process, date, and need of questions (rules.assessor)."""
    if (as_of, questions) not in _ASSESSORS:
        pack = load_pack(DEFAULT_PACK_DIR)
        _ASSESSORS[as_of, questions] = Assessor(pack, as_of, questions)
    return _ASSESSORS[as_of, questions]


def assess_row(row: int, raw: Any, as_of: date, lang: str, full: bool) -> RowOutcome:
    """Assess one raw row; ``full`` gives the whole answer, else the verdicts only (matrix)."""
    try:
        if isinstance(raw, str):
            try:
                data = json.loads(raw)
            except json.JSONDecodeError as error:
                raise ProfileError([f"malformed JSON: {error.msg}"]) from None
            profile = parse_profile(data)
        else:
            profile = profile_from_row(raw)
    except ProfileError as error:
        return RowOutcome(row, None, tuple(error.problems))
    assessment = _assessor(as_of, questions=full).assess(profile)
    if full:  # serialised in the worker, so --jobs spreads that work too
        answer = assessment_json(assessment, lang)
        return RowOutcome(row, {}, line=json.dumps(answer, ensure_ascii=False) + "\n")
    verdicts = [{"measure": r.measure.id, "verdict": r.verdict} for r in assessment.results]
    return RowOutcome(row, {"profile": profile.to_json_dict(), "results": verdicts})


def _assess_chunk(
    chunk: list[tuple[int, Any]], as_of: date, lang: str, full: bool
) -> list[RowOutcome]:
    return [assess_row(row, raw, as_of, lang, full) for row, raw in chunk]


class MatrixWriter:
    """A company-by-measure verdict matrix, written row by row (CSV or write-only Excel)."""

    def __init__(self, path: Path, measure_ids: list[str]) -> None:
        self.path = path
        self.header = ["row", "name", "credit_code", *measure_ids]
        self._csv: Any = None
        self._handle: IO[str] | None = None
        if path.suffix.lower() == ".csv":
            self._handle = path.open("w", encoding="utf-8-sig", newline="")
            self._csv = csv.writer(self._handle)
            self._csv.writerow(self.header)
        else:
            from openpyxl import Workbook

            self._workbook = Workbook(write_only=True)
            self._sheet = self._workbook.create_sheet("verdicts")
            self._sheet.append(self.header)

    def write(self, outcome: RowOutcome) -> None:
        answer = outcome.answer
        assert answer is not None
        verdicts = {r["measure"]: r["verdict"] for r in answer["results"]}
        profile = answer["profile"]
        cells = [outcome.row, profile["name"], profile.get("credit_code", "")]
        cells += [verdicts.get(m, "") for m in self.header[3:]]
        if self._csv is not None:
            self._csv.writerow([_spreadsheet_safe(c) for c in cells])
        else:
            self._sheet.append([_spreadsheet_safe(c) for c in cells])

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
        else:
            self._workbook.save(self.path)


def _spreadsheet_safe(value: Any) -> Any:
    """Client text starting with = + - @ could run as a formula in a spreadsheet: quote it."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def run_batch(
    source: Path,
    out: IO[str] | Path,
    as_of: date,
    lang: str = "zh",
    jobs: int = 1,
    report_problem: Any = None,
) -> tuple[int, int]:
    """Assess every row of ``source``; return (rows answered, rows refused)."""
    measure_ids = [m.id for m in load_pack(DEFAULT_PACK_DIR).measures]
    matrix = (
        MatrixWriter(out, measure_ids)
        if isinstance(out, Path) and out.suffix.lower() in (".csv", ".xlsx")
        else None
    )
    stream: IO[str] | None = None
    if matrix is None:
        stream = out.open("w", encoding="utf-8") if isinstance(out, Path) else out
    answered = refused = 0
    rows = read_rows(source)
    executor = ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else None
    try:
        while chunk := list(islice(rows, CHUNK * max(jobs, 1))):
            if executor is None:
                outcomes = _assess_chunk(chunk, as_of, lang, matrix is None)
            else:
                parts = [chunk[i : i + CHUNK] for i in range(0, len(chunk), CHUNK)]
                futures = [
                    executor.submit(_assess_chunk, p, as_of, lang, matrix is None) for p in parts
                ]
                outcomes = [o for f in futures for o in f.result()]
            for outcome in outcomes:
                if outcome.answer is None:
                    refused += 1
                    for problem in outcome.problems:
                        if report_problem is not None:
                            report_problem(f"row {outcome.row}: {problem}")
                    continue
                answered += 1
                if matrix is not None:
                    matrix.write(outcome)
                else:
                    assert stream is not None
                    stream.write(outcome.line)
    finally:
        if executor is not None:
            executor.shutdown()
        if matrix is not None:
            matrix.close()
        elif isinstance(out, Path) and stream is not None:
            stream.close()
    return answered, refused
