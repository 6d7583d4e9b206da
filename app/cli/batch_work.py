"""``policy-check batch``'s work on a chunk of rows, in a worker process or in the command's own.

Each row is validated into a profile (a refused row comes back with its problems); then, for the
valid ones:

- the verdict matrix and the per-measure summary take their verdicts from ``verdict_rows``, the
  one function that decides a chunk of profiles at once: the compiled columnar plan
  (``rules.columnar``), which agrees with the explaining engine cell by cell;
- ``.jsonl`` answers come from the explaining engine, with reasons, traces and next questions;
- with ``--pdf-dir``, each company's PDF report (``app.cli.pdf_dir``) is written unless a complete
  one is already there.

The job's settings reach a worker once, when it starts (``start_worker``), not with every chunk.
"""

from __future__ import annotations

import json
import logging
import signal
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

from app.services.packs import active_pack_dir
from rules.answer import assessment_json
from rules.assessor import Assessor
from rules.engine import Verdict
from rules.json_input import JsonInputError, decode_json
from rules.pack import Pack, load_pack
from rules.profile import Profile, ProfileError, parse_profile
from rules.tabular import profile_from_row

if TYPE_CHECKING:
    from app.report.settings import Branding

Answers = Literal["jsonl", "matrix"] | None
PdfState = Literal["", "written", "skipped", "failed"]


@dataclass(frozen=True)
class Job:
    """What every chunk of a run is asked for."""

    as_of: date
    lang: str = "zh"
    answers: Answers = None  # "jsonl": full answers; "matrix": verdicts; None: neither
    pdf_dir: Path | None = None
    branding: Branding | None = None


@dataclass(frozen=True)
class RowResult:
    """One row's outcome: refused with its problems, or the company's verdicts and outputs."""

    row: int
    problems: tuple[str, ...] = ()
    name: str = ""
    credit_code: str | None = None
    verdicts: Mapping[str, Verdict] = field(default_factory=dict)
    line: str = ""  # the JSON answer, for .jsonl output
    pdf: PdfState = ""
    pdf_problem: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def refused(self) -> bool:
        return bool(self.problems)


_JOB: Job | None = None


def configure(job: Job) -> None:
    """Set the job this process works for (the command's own process with ``--jobs 1``)."""
    global _JOB
    _JOB = job


def start_worker(job: Job) -> None:
    """A worker process's start: the job, no Ctrl+C of its own, no log output.

    Ctrl+C reaches the whole process group; the command stops the run and lets the workers
    finish the chunk in hand, so a report being written is completed or not started, never cut.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.getLogger().addHandler(logging.NullHandler())  # no "last resort" lines on stderr
    configure(job)


@cache
def _pack() -> Pack:
    return load_pack(active_pack_dir())


@cache
def _assessor(as_of: date, questions: bool) -> Assessor:
    """One memoising assessor per process, date and need of questions (rules.assessor)."""
    return Assessor(_pack(), as_of, questions)


#: The smallest chunk the compiled plan decides (below, its fixed cost outweighs its speed).
COMPILED_FROM_ROWS: Final = 64


def verdict_rows(profiles: list[Profile], as_of: date) -> list[dict[str, Verdict]]:
    """Every measure's verdict for each profile, in order: measure id -> verdict.

    The verdict matrix, the summary and ``--pdf-dir`` runs take their verdicts from here and
    nowhere else, a chunk at a time, from the compiled columnar plan (polars is imported only
    here, so the ``.jsonl`` path and the other commands do not load it). A chunk of fewer than
    ``COMPILED_FROM_ROWS`` profiles (``--pdf-dir`` gives two at a time, for an even spread of
    the reports over the workers) is decided by the memoising engine instead, which agrees with
    the plan cell by cell: a call of the plan costs about 45 ms whatever the chunk's size, the
    engine about 0.2 ms a profile, and a report worker then never loads polars.
    """
    if len(profiles) < COMPILED_FROM_ROWS:
        assessor = _assessor(as_of, questions=False)
        return [{r.measure.id: r.verdict for r in assessor.assess(p).results} for p in profiles]
    from rules.columnar import assess_frame, profile_frame, verdict_column

    pack = _pack()
    frame = assess_frame(pack, profile_frame(profiles), as_of)
    ids = [m.id for m in pack.measures]
    columns = [frame.get_column(verdict_column(m)).to_list() for m in ids]
    return [dict(zip(ids, verdicts, strict=True)) for verdicts in zip(*columns, strict=True)]


def parse_row(raw: Any) -> Profile:
    """A raw row (a JSON line, or a table row as a dict) validated as a profile."""
    if isinstance(raw, str):
        try:
            data = decode_json(raw.rstrip("\r\n"), line=True)
        except JsonInputError as error:
            raise ProfileError(error.problems) from None
        return parse_profile(data)
    return profile_from_row(raw)


def process_chunk(chunk: list[tuple[int, Any]]) -> list[RowResult]:
    """The results of a chunk of (row number, raw row) pairs, in the same order."""
    job = _JOB
    assert job is not None, "configure() or start_worker() first"
    results: list[RowResult] = []
    valid: list[tuple[int, Profile]] = []  # (index in results, profile)
    for row, raw in chunk:
        try:
            profile = parse_row(raw)
        except ProfileError as error:
            results.append(RowResult(row, tuple(error.problems)))
            continue
        valid.append((len(results), profile))
        results.append(RowResult(row, name=profile.name, credit_code=profile.credit_code))
    if not valid:
        return results
    profiles = [profile for _, profile in valid]
    if job.answers == "jsonl":  # the explaining engine, serialised here so --jobs spreads it
        assessor = _assessor(job.as_of, questions=True)
        for index, profile in valid:
            assessment = assessor.assess(profile)
            results[index] = _with(
                results[index],
                verdicts={r.measure.id: r.verdict for r in assessment.results},
                line=json.dumps(assessment_json(assessment, job.lang), ensure_ascii=False) + "\n",
            )
    else:
        for (index, _), verdicts in zip(valid, verdict_rows(profiles, job.as_of), strict=True):
            results[index] = _with(results[index], verdicts=verdicts)
    if job.pdf_dir is not None:
        from app.cli.pdf_dir import write_company_report

        for index, profile in valid:
            state, problem, warnings = write_company_report(
                job.pdf_dir, results[index].row, profile, _pack(), job.as_of, job.lang, job.branding
            )
            results[index] = _with(
                results[index], pdf=state, pdf_problem=problem, warnings=warnings
            )
    return results


def _with(result: RowResult, **changes: Any) -> RowResult:
    from dataclasses import replace

    return replace(result, **changes)
