"""``policy-check batch``: many profiles in; answers, a verdict matrix, PDF reports out.

Input is read as a stream (``app.cli.batch_io``: ``.jsonl``, ``.csv``, ``.xlsx``, ``.parquet``)
and processed in bounded chunks, in worker processes with ``--jobs``, so memory stays flat
however long the input is. A bad row is reported with its row number and skipped; the others go
on. Output files are written under a temporary name and renamed when complete.

- ``--out FILE.jsonl``: one answer per line, from the explaining engine (without ``--out`` and
  ``--pdf-dir`` the answers go to stdout);
- ``--out FILE.csv|.xlsx|.parquet``: the verdict matrix. From a ``.csv`` or ``.parquet``
  input it is made by the column path (``app.cli.batch_columns``: cells checked column-wise,
  the compiled plan over each chunk, rows written from the frame), in this process, which
  polars spreads over every core; from ``.jsonl`` or ``.xlsx``, row by row, its verdicts from
  ``app.cli.batch_work.verdict_rows``;
- ``--pdf-dir DIR``: one report per company (``app.cli.pdf_dir``), resumable; with or without
  ``--out``.

A progress line is drawn on stderr when it is a terminal, and a per-measure summary is printed
at the end: on stdout when the answers went to a file or there were none, else on stderr.
"""

from __future__ import annotations

import argparse
import csv
import logging
import multiprocessing
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

from app.cli.batch_io import (
    COLUMN_SUFFIXES,
    INPUT_SUFFIXES,
    OUTPUT_SUFFIXES,
    AnswerWriter,
    MatrixWriter,
    RowSource,
    UnreadableInput,
    open_writer,
)
from app.cli.batch_work import Answers, Job, RowResult, configure, process_chunk, start_worker
from app.cli.common import InputError, load_pack_checked, parse_as_of
from app.cli.progress import Progress, Summary
from app.services.text_files import NOT_TEXT, CsvRowError

if TYPE_CHECKING:
    from app.report.settings import Branding
    from rules.pack import Pack

log = logging.getLogger("policy-check")
CHUNK = 512  # rows a worker is given at once
PDF_CHUNK = 2  # rows a worker is given at once when it writes reports (about 1 s each)
REPORTS_PER_WORKER_SET = 200  # then the report workers are replaced (memory; see _results)
MAX_JOBS = 64  # worker processes for batch; more only thrash the machine

DESCRIPTION = """\
Assess many companies at once. INPUT is .jsonl (one profile per line), .csv or .xlsx (one
company per row, a header row of profile keys or their Chinese names), or .parquet (one company
per row, columns named the same way; list columns may be real lists or separated text; a null
cell is unknown). Bad rows are reported by row number and skipped: the line of a .jsonl file,
the row of a .csv/.xlsx file (the header is row 1, the first company row 2), and for .parquet
the data row counted from 1.
"""

EPILOG = """\
output:
  --out FILE.jsonl                one answer per line, with reasons (the explaining engine)
  --out FILE.csv|.xlsx|.parquet   the verdict matrix: row, name, credit_code, one column per
                                  measure (eligible, needs_info, not_eligible, not_applicable)
  --pdf-dir DIR                   one PDF report per company, as 'policy-check report' makes it,
                                  named <row>_<company>_<as-of>[_en].pdf; alone or with --out;
                                  made in --jobs worker processes (one by default).
                                  Run it again after an interruption: reports already written
                                  are skipped, only the missing ones are made.
  without --out and --pdf-dir     .jsonl answers on stdout
  A matrix from .csv or .parquet is read and decided by columns, a chunk of rows at a time,
  using every core whatever --jobs says; rows whose cells are not plainly written are checked
  one by one, with the same row numbers and reasons.
  Files are written under a temporary name and renamed when complete.

A progress line (rows, rate, time left) is drawn on stderr when it is a terminal. At the end a
summary counts, per measure, the companies eligible, needing information, not eligible (and not
applicable): on stdout, or on stderr when the answers themselves go to stdout. --quiet leaves
both out. Exit status 2 when a row was refused or a report failed, 0 otherwise.
"""


def add_commands(commands: Any) -> None:
    """Register ``batch`` on the ``policy-check`` parser's subcommands."""
    batch_cmd = commands.add_parser(
        "batch",
        help="assess many profiles (.jsonl, .csv, .xlsx, .parquet); matrix, answers or PDFs",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    batch_cmd.add_argument("input", metavar="INPUT")
    batch_cmd.add_argument(
        "--out", metavar="FILE", help=".jsonl answers, or a .csv/.xlsx/.parquet verdict matrix"
    )
    batch_cmd.add_argument(
        "--pdf-dir", metavar="DIR", help="write one PDF report per company into DIR (resumable)"
    )
    batch_cmd.add_argument("--as-of", help="assessment date YYYY-MM-DD (default: today)")
    batch_cmd.add_argument("--lang", choices=["zh", "en"], default="zh")
    batch_cmd.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    batch_cmd.add_argument(
        "--settings",
        metavar="FILE",
        help="report settings for --pdf-dir (adviser, branding; default: the user's report.json)",
    )
    batch_cmd.add_argument(
        "--quiet", "-q", action="store_true", help="no progress line and no summary"
    )
    batch_cmd.set_defaults(handler=cmd_batch)


def _branding(raw: str | None) -> Branding:
    from app.report.settings import SettingsError, branding, load_settings

    try:
        return branding(load_settings(Path(raw) if raw else None))
    except SettingsError as error:
        raise InputError(error.problems) from None


def cmd_batch(args: argparse.Namespace) -> int:
    source = Path(args.input)
    if source.suffix.lower() not in INPUT_SUFFIXES:
        raise InputError([f"INPUT: {source.name}: expected a .jsonl, .csv, .xlsx or .parquet file"])
    if not source.is_file():
        raise InputError([f"INPUT: no such file: {source}"])
    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() not in OUTPUT_SUFFIXES:
        raise InputError([f"--out: {out.name}: expected a .jsonl, .csv, .xlsx or .parquet file"])
    if out is not None and out.resolve() == source.resolve():
        raise InputError([f"--out: {out} is the input file"])
    if not 1 <= args.jobs <= MAX_JOBS:
        raise InputError([f"--jobs: {args.jobs}: must be between 1 and {MAX_JOBS}"])
    as_of = parse_as_of(args.as_of)
    load_pack_checked(None)
    pdf_dir = Path(args.pdf_dir) if args.pdf_dir else None
    brand = None
    if pdf_dir is not None:
        from app.cli.pdf_dir import prepare_pdf_dir

        brand = _branding(args.settings)
        prepare_pdf_dir(pdf_dir)
    # The answers go to stdout only when nothing else is asked for; the summary then goes to
    # stderr, so that stdout holds nothing but answers.
    answers_on_stdout = out is None and pdf_dir is None
    quiet = args.quiet
    progress = Progress(sys.stderr, enabled=not quiet and sys.stderr.isatty())
    try:
        outcome = run_batch(
            source,
            sys.stdout if answers_on_stdout else out,
            as_of,
            args.lang,
            args.jobs,
            report_problem=progress.print,
            pdf_dir=pdf_dir,
            branding=brand,
            progress=progress,
        )
    except UnicodeDecodeError as error:  # changed while being read: its encoding was checked
        progress.close()
        raise InputError(
            [f"INPUT: {source.name} cannot be read: {NOT_TEXT} (byte {error.start})"]
        ) from None
    except (csv.Error, CsvRowError, UnreadableInput) as error:
        progress.close()
        raise InputError([f"INPUT: {source.name} cannot be read: {error}"]) from None
    except KeyboardInterrupt:
        progress.close()
        again = "; run the same command again to write the rest" if pdf_dir else ""
        print(f"interrupted: no output file was left half-written{again}", file=sys.stderr)
        return 130
    except Exception as error:
        progress.close()
        from app.cli.pdf_dir import PdfWriteError

        if isinstance(error, PdfWriteError):
            raise InputError([f"--pdf-dir: {error}"]) from None
        if isinstance(error, OSError) and error.filename and Path(error.filename) == source:
            raise InputError([f"INPUT: cannot read {source}: {error.strerror}"]) from None
        if isinstance(error, OSError) and out is not None:
            raise InputError([f"--out: cannot write {out}: {error.strerror or error}"]) from None
        raise
    progress.close()
    if not quiet:
        print(outcome.summary.table(), file=sys.stderr if answers_on_stdout else sys.stdout)
    log.info(
        "batch %s: %d answered, %d refused, reports %d written, %d skipped, %d failed",
        source,
        outcome.answered,
        outcome.refused,
        outcome.written,
        outcome.skipped,
        outcome.failed,
    )
    line = f"{outcome.answered} profile(s) assessed, {outcome.refused} row(s) refused"
    if pdf_dir is not None:
        line += (
            f"; reports in {pdf_dir}: {outcome.written} written, {outcome.skipped} already there"
            f", {outcome.failed} failed"
        )
    print(line, file=sys.stderr)
    return 2 if outcome.refused or outcome.failed else 0


@dataclass
class BatchOutcome:
    answered: int = 0
    refused: int = 0
    written: int = 0  # reports written by this run
    skipped: int = 0  # reports already there
    failed: int = 0  # reports that could not be made
    summary: Summary = field(default_factory=lambda: Summary([]))


def _chunks(source: RowSource, size: int) -> Iterator[tuple[list[tuple[int, Any]], float | None]]:
    """Chunks of rows, each with how much of the input had been read when it was complete."""
    rows = iter(source)
    while chunk := list(islice(rows, size)):
        yield chunk, source.fraction()


def _results(
    source: RowSource, job: Job, jobs: int, size: int, recycle: int | None = None
) -> Generator[tuple[list[RowResult], float | None], None, None]:
    """Every chunk's results, in input order, from ``jobs`` worker processes (or, with one job
    and no ``recycle``, from this process).

    At most two chunks per worker are in flight, so memory holds a bounded number of rows. The
    workers are started with "spawn" (a fresh interpreter), not "fork": the command's process
    runs polars' threads when it reads or writes Parquet, and a forked copy of a process with
    threads may deadlock. With ``recycle``, the workers are replaced by fresh ones once they have
    made that many reports (reports found already written do not count): the old ones finish
    what they hold and exit before the new ones start, so there are never more than ``jobs``.
    WeasyPrint's native libraries keep about a quarter of a megabyte per report, so a worker
    that wrote thousands of reports would keep growing.
    ``max_tasks_per_child`` would do it, but deadlocks on Python 3.11-3.13 (CPython gh-115634).
    """
    if jobs == 1 and recycle is None:
        configure(job)
        for chunk, fraction in _chunks(source, size):
            yield process_chunk(chunk), fraction
        return

    def workers() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=start_worker,
            initargs=(job,),
        )

    executor = workers()
    made = 0  # reports made by these workers
    pending: deque[tuple[Future[list[RowResult]], float | None]] = deque()

    def oldest() -> tuple[list[RowResult], float | None]:
        nonlocal made
        future, fraction = pending.popleft()
        results = future.result()
        made += sum(1 for r in results if r.pdf in ("written", "failed"))
        return results, fraction

    try:
        for chunk, fraction in _chunks(source, size):
            if recycle is not None and made >= recycle:
                while pending:
                    yield oldest()
                executor.shutdown(wait=True)
                executor = workers()
                made = 0
            pending.append((executor.submit(process_chunk, chunk), fraction))
            if len(pending) >= 2 * jobs:
                yield oldest()
        while pending:
            yield oldest()
    finally:
        # On an error or Ctrl+C, chunks not started are dropped; those in hand are finished.
        executor.shutdown(wait=True, cancel_futures=True)


def run_batch(
    source: Path,
    out: IO[str] | Path | None,
    as_of: date,
    lang: str = "zh",
    jobs: int = 1,
    report_problem: Callable[[str], None] | None = None,
    pdf_dir: Path | None = None,
    branding: Branding | None = None,
    progress: Progress | None = None,
) -> BatchOutcome:
    """Assess every row of ``source``, write the answers to ``out`` and/or reports to ``pdf_dir``.

    ``out`` is a stream (JSONL answers), a file (its suffix says which), or None (no answers).
    An output file appears whole when the run succeeds, and not at all when it fails.
    """
    pack = load_pack_checked(None)
    measure_ids = [m.id for m in pack.measures]
    rows = RowSource(source)
    writer: AnswerWriter | None = open_writer(out, measure_ids)
    answers: Answers = None if out is None else "matrix" if _is_matrix(out) else "jsonl"
    job = Job(as_of, lang, answers, pdf_dir, branding)
    outcome = BatchOutcome(summary=Summary([(m.id, m.title.get(lang)) for m in pack.measures]))
    if progress is not None:
        progress.total = rows.total
    report = report_problem or (lambda problem: None)
    try:
        if answers == "matrix" and pdf_dir is None and rows.suffix in COLUMN_SUFFIXES:
            assert writer is not None
            _by_columns(rows, pack, as_of, cast("MatrixWriter", writer), outcome, report, progress)
        else:
            _by_rows(rows, job, jobs, writer, outcome, report, progress)
        if writer is not None:
            writer.commit()
            writer = None
    finally:
        if writer is not None:
            writer.discard()
    return outcome


def _by_columns(
    rows: RowSource,
    pack: Pack,
    as_of: date,
    writer: MatrixWriter,
    outcome: BatchOutcome,
    report: Callable[[str], None],
    progress: Progress | None,
) -> None:
    """A matrix from a CSV or Parquet file, chunk by chunk through the column path."""
    from app.cli.batch_columns import csv_chunks, decide_chunk, parquet_chunks

    if rows.suffix == ".csv":
        chunks = csv_chunks(rows.path, encoding=rows.encoding)
    else:
        chunks = parquet_chunks(rows.path, rows.total or 0)
    done = 0
    for chunk in chunks:
        decided = decide_chunk(chunk, pack, as_of)
        for row, problems in decided.refused:
            outcome.refused += 1
            for problem in problems:
                report(f"row {row}: {problem}")
        outcome.answered += decided.matrix.height
        outcome.summary.add_frame(decided.matrix)
        writer.write_frame(decided.matrix)
        done += len(chunk.rows)
        if progress is not None:
            progress.update(done, chunk.fraction, "")


def _by_rows(
    rows: RowSource,
    job: Job,
    jobs: int,
    writer: AnswerWriter | None,
    outcome: BatchOutcome,
    report: Callable[[str], None],
    progress: Progress | None,
) -> None:
    """Answers, a matrix or reports, row by row through ``app.cli.batch_work``."""
    warned: set[str] = set()
    done = 0
    if job.pdf_dir is not None:  # reports are always made in worker processes, renewed now and then
        chunks = _results(rows, job, jobs, PDF_CHUNK, recycle=REPORTS_PER_WORKER_SET)
    else:
        chunks = _results(rows, job, jobs, CHUNK)
    try:
        for results, fraction in chunks:
            for result in results:
                done += 1
                if result.refused:
                    outcome.refused += 1
                    for problem in result.problems:
                        report(f"row {result.row}: {problem}")
                    continue
                outcome.answered += 1
                outcome.summary.add(result.verdicts)
                if writer is not None:
                    writer.write(result)
                _count_report(outcome, result, report, warned)
            if progress is not None:
                note = f"reports: {outcome.written} written" if job.pdf_dir is not None else ""
                if outcome.skipped:
                    note += f", {outcome.skipped} already there"
                progress.update(done, fraction, note)
    finally:
        chunks.close()  # stops the workers now, not when the traceback is dropped


def _is_matrix(out: IO[str] | Path) -> bool:
    return isinstance(out, Path) and out.suffix.lower() in (".csv", ".xlsx", ".parquet")


def _count_report(
    outcome: BatchOutcome, result: RowResult, report: Callable[[str], None], warned: set[str]
) -> None:
    if result.pdf == "written":
        outcome.written += 1
    elif result.pdf == "skipped":
        outcome.skipped += 1
    elif result.pdf == "failed":
        outcome.failed += 1
        report(f"row {result.row}: {result.pdf_problem}")
    for warning in result.warnings:
        if warning not in warned:  # the same for every report: said once
            warned.add(warning)
            report(f"warning: {warning}")
