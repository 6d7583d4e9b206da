"""The report service: one assessment in, a PDF (or an Excel workbook) written safely out.

The CLI (``policy-check report``) and the GUI's export button call :func:`build_report` and
:func:`build_xlsx`; both take an assessment, turn it into the JSON answer and then into plain
values (``app.report.view``), so nothing but plain values reaches a template or a workbook.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from app.report.files import atomic_write, inside, report_file_name
from app.report.settings import Branding
from app.report.view import PolicyInfo, report_view
from rules.answer import assessment_json
from rules.engine import Assessment

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RenderedReport:
    pdf: bytes
    pages: int
    warnings: list[str] = field(default_factory=list)
    fetched: list[str] = field(default_factory=list)  # bundled: URLs WeasyPrint read
    refused: list[str] = field(default_factory=list)  # URLs it asked for and did not get


@dataclass(frozen=True)
class ReportResult:
    path: Path
    size: int
    pages: int
    seconds: float
    warnings: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def output_path(output: Path, company: str, as_of: str, suffix: str) -> Path:
    """``output`` itself, or, when it is a folder, a file named after the company inside it."""
    output = Path(output)
    if output.is_dir():
        return inside(output, report_file_name(company, as_of, suffix))
    return output


def render_report(
    answer: Mapping[str, Any],
    policy: PolicyInfo,
    *,
    branding: Branding | None = None,
    generated: datetime | None = None,
) -> RenderedReport:
    """The PDF of one answer, in the answer's language, in memory."""
    from app.report.fetcher import LOGO_URL, BundledOnlyFetcher
    from app.report.pdf import render_html, render_pdf, stylesheet
    from app.report.weasy import HARFBUZZ_SUBSET_MISSING, harfbuzz_subset_available

    warnings = [] if harfbuzz_subset_available() else [HARFBUZZ_SUBSET_MISSING]
    for warning in warnings:
        log.warning("%s", warning)
    view = report_view(
        answer, policy, branding=branding, generated=generated or datetime.now().astimezone()
    )
    extra = {}
    if branding is not None and branding.logo is not None:
        extra[LOGO_URL] = (branding.logo.data, branding.logo.media_type)
    fetcher = BundledOnlyFetcher(extra)
    css = stylesheet(branding.accent if branding else None)
    with _no_cyclic_gc():
        pdf = render_pdf(render_html(view), css, fetcher)
    return RenderedReport(pdf.data, pdf.pages, warnings, fetcher.served, fetcher.refused)


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while WeasyPrint lays out a report.

    Layout allocates hundreds of thousands of objects, which makes the collector run again and
    again over everything the process holds: about a fifth of the rendering time, spent on
    garbage that reference counting frees anyway. Cycles left over are collected afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build_report(
    assessment: Assessment,
    output: Path,
    *,
    lang: str = "zh",
    branding: Branding | None = None,
    generated: datetime | None = None,
) -> ReportResult:
    """Write the PDF report of ``assessment`` to ``output`` (a file, or a folder to name it in).

    The PDF is rendered in memory first and then written through a temporary file renamed into
    place: a failure at any step leaves no file, and an existing report is replaced whole.
    """
    started = time.perf_counter()
    answer = assessment_json(assessment, lang)
    target = output_path(output, assessment.profile.name, assessment.as_of.isoformat(), ".pdf")
    rendered = render_report(
        answer,
        PolicyInfo.from_pack(assessment.pack, lang),
        branding=branding,
        generated=generated,
    )
    atomic_write(target, rendered.pdf)
    seconds = time.perf_counter() - started
    log.info(
        "report for %s written to %s: %d pages, %d bytes, %.2f s",
        assessment.profile.name,
        target,
        rendered.pages,
        len(rendered.pdf),
        seconds,
    )
    return ReportResult(
        target, len(rendered.pdf), rendered.pages, seconds, rendered.warnings, rendered.refused
    )


def build_xlsx(
    assessment: Assessment,
    output: Path,
    *,
    lang: str = "zh",
    generated: datetime | None = None,
) -> Path:
    """Write one client's results as an Excel workbook (verdicts, open questions, about)."""
    from app.report.excel import workbook_bytes

    answer = assessment_json(assessment, lang)
    target = output_path(output, assessment.profile.name, assessment.as_of.isoformat(), ".xlsx")
    view = report_view(
        answer,
        PolicyInfo.from_pack(assessment.pack, lang),
        generated=generated or datetime.now().astimezone(),
    )
    atomic_write(target, workbook_bytes(answer, view))
    log.info("workbook for %s written to %s", assessment.profile.name, target)
    return target
