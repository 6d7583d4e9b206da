"""``policy-check batch --pdf-dir DIR``: one client report per company, each written once.

The report is the one ``policy-check report`` makes (``app.report.build_report``: the engine's
assessment with explanations, in the chosen language, with the adviser's branding). Its file is
named ``<row>_<company>_<as-of>.pdf`` (``..._en.pdf`` in English): the row number, zero-padded
so the files sort in input order, keeps two companies of the same name apart; the company name
is made safe by ``app.report.files.safe_stem`` (no path separators, controls, invisible format
characters, leading dots or Windows device names; at most 150 bytes), so no name can leave the
folder or name a device, and a name with nothing left after cleaning becomes ``company``.

A report is written under a temporary name and renamed into place (``atomic_write``), so a file
with a report's name is always a whole report: a run started again after an interruption skips
every report already there (a complete PDF: its header and its end-of-file marker) and writes
only the missing ones. The as-of date and the language are part of the name, so a run for
another date or language never mistakes an older report for its own.
"""

from __future__ import annotations

import logging
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.common import InputError
from app.report.files import safe_stem
from rules.pack import Pack
from rules.profile import Profile

if TYPE_CHECKING:
    from app.cli.batch_work import PdfState
    from app.report.settings import Branding

log = logging.getLogger(__name__)


class PdfWriteError(Exception):
    """A report could not be written into the folder (full disk, permissions): the run stops."""


def pdf_name(row: int, company: str, as_of: date, lang: str) -> str:
    """The report's file name: e.g. ``000002_光谷智算科技有限公司_2026-11-26.pdf``."""
    suffix = "_en" if lang == "en" else ""
    return f"{row:06d}_{safe_stem(company, 'company')}_{as_of.isoformat()}{suffix}.pdf"


def is_complete_pdf(path: Path) -> bool:
    """Whether ``path`` holds a whole PDF: it starts with the header and ends with %%EOF."""
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if handle.read(5) != b"%PDF-":
                return False
            handle.seek(max(0, size - 1024))
            return b"%%EOF" in handle.read()
    except OSError:
        return False


def prepare_pdf_dir(folder: Path) -> None:
    """Make ``folder`` if need be and check it can be written, before any row is read."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise InputError([f"--pdf-dir: {folder} is a file, not a folder"]) from None
    except OSError as error:
        raise InputError([f"--pdf-dir: cannot make {folder}: {error.strerror}"]) from None
    try:
        handle, probe = tempfile.mkstemp(dir=folder, prefix=".policy-check.", suffix=".part")
    except OSError as error:
        raise InputError([f"--pdf-dir: cannot write in {folder}: {error.strerror}"]) from None
    os.close(handle)
    os.unlink(probe)


def write_company_report(
    folder: Path,
    row: int,
    profile: Profile,
    pack: Pack,
    as_of: date,
    lang: str,
    branding: Branding | None,
) -> tuple[PdfState, str, tuple[str, ...]]:
    """Write one company's report unless it is there: (state, problem, warnings).

    A report that fails to render is that row's problem and the run goes on; a file that cannot
    be written (``OSError``) stops the run with ``PdfWriteError``, since the next would fail too.
    """
    from app.report import build_report
    from rules.engine import assess

    target = folder / pdf_name(row, profile.name, as_of, lang)
    if is_complete_pdf(target):
        return "skipped", "", ()
    try:
        assessment = assess(pack, profile, as_of)
        result = build_report(assessment, target, lang=lang, branding=branding)
    except OSError as error:
        where = error.filename or target
        raise PdfWriteError(f"cannot write {where}: {error.strerror or error}") from None
    except Exception as error:  # one company's report; the others go on
        log.exception("report of row %d (%s) failed", row, profile.name)
        return "failed", f"report not written: {type(error).__name__}: {error}", ()
    return "written", "", tuple(result.warnings)
