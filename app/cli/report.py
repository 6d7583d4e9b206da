"""``policy-check report``: the client report as PDF (and, with ``--xlsx``, as an Excel workbook).

    policy-check report PROFILE.json -o OUT.pdf [--lang zh|en] [--as-of YYYY-MM-DD]
        [--xlsx OUT.xlsx] [--handout OUT.pdf] [--settings FILE] [--adviser NAME]
        [--organisation ORG] [--contact TEXT] [--logo FILE] [--accent #RRGGBB]

``--handout`` writes the one-page summary a desk hands to a walk-in. ``-o``, ``--xlsx`` and
``--handout`` take a file or a folder; in a folder the file is named after the company.
The adviser's details come from the settings file (``app.report.settings``) and are overridden
by the options. Refused input exits with status 2 and one line per problem.

WeasyPrint and openpyxl are imported only when this command runs, so the other commands do not
pay for them.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.report.settings import Branding


def add_commands(subparsers: Any) -> None:
    """Register ``report`` on the ``policy-check`` parser's subcommands."""
    report = subparsers.add_parser(
        "report",
        help="write the client report (PDF) and optionally an Excel export",
        description="Assess a profile and write the report a consultant hands to the client.",
    )
    report.add_argument("profile", metavar="PROFILE.json")
    report.add_argument(
        "-o", "--output", metavar="OUT.pdf", help="PDF file, or a folder to name it in"
    )
    report.add_argument("--xlsx", metavar="OUT.xlsx", help="also write the results as Excel")
    report.add_argument(
        "--handout", metavar="OUT.pdf", help="also write the one-page handout (PDF)"
    )
    report.add_argument("--as-of", help="assessment date YYYY-MM-DD (default: today)")
    report.add_argument("--lang", choices=["zh", "en"], default="zh")
    adviser = report.add_argument_group(
        "adviser and branding",
        "printed on the cover; these options override the settings file",
    )
    adviser.add_argument(
        "--settings",
        metavar="FILE",
        help="settings file (JSON; default: report.json in the user's configuration folder)",
    )
    adviser.add_argument("--adviser", metavar="NAME", help="the adviser's name")
    adviser.add_argument("--organisation", metavar="ORG", help="the adviser's organisation")
    adviser.add_argument("--contact", metavar="TEXT", help="phone, e-mail or address")
    adviser.add_argument("--logo", metavar="FILE", help="logo image, PNG or JPEG, at most 2 MB")
    adviser.add_argument("--accent", metavar="#RRGGBB", help="accent colour of headings")
    report.set_defaults(handler=cmd_report)


def _branding(args: argparse.Namespace) -> Branding:
    from app.report.settings import SettingsError, branding, load_settings, with_overrides

    try:
        settings = load_settings(Path(args.settings) if args.settings else None)
        settings = with_overrides(
            settings,
            adviser=args.adviser,
            organisation=args.organisation,
            contact=args.contact,
            logo=Path(args.logo) if args.logo else None,
            accent=args.accent,
        )
        return branding(settings)
    except SettingsError as error:
        from app.cli.common import InputError

        raise InputError(error.problems) from None


def _writable(option: str, raw: str, suffix: str) -> Path:
    """A file ending in ``suffix`` in an existing folder, or a folder to name the file in."""
    from app.cli.common import InputError

    path = Path(raw)
    wants_folder = raw.endswith(("/", os.sep))
    is_folder = path.is_dir() or wants_folder
    folder = path if is_folder else path.parent
    if not folder.is_dir():
        raise InputError([f"{option}: no such folder: {folder}"])
    if not is_folder and path.suffix.lower() != suffix:
        raise InputError([f"{option}: {path.name}: expected a {suffix} file or a folder"])
    return path


def cmd_report(args: argparse.Namespace) -> int:
    from app.cli.common import InputError, load_pack_checked, parse_as_of, read_profile
    from rules.engine import assess

    # A CLI process ends with this command. Freezing the objects the process holds now (and
    # again at the end) keeps the garbage collector from walking them over and over while
    # WeasyPrint is imported and runs, and once more at the interpreter's exit: nearly half a
    # second. (The GUI calls build_report, which only pauses the collector during layout.)
    gc.freeze()
    if not args.output and not args.xlsx and not args.handout:
        raise InputError(["-o/--output or --xlsx: say where to write the report"])
    as_of = parse_as_of(args.as_of)
    profile = read_profile(args.profile)
    pdf_path = _writable("-o", args.output, ".pdf") if args.output else None
    xlsx_path = _writable("--xlsx", args.xlsx, ".xlsx") if args.xlsx else None
    handout_path = _writable("--handout", args.handout, ".pdf") if args.handout else None
    brand = _branding(args)
    assessment = assess(load_pack_checked(None), profile, as_of)

    from app.report import build_report, build_xlsx

    try:
        if pdf_path is not None:
            result = build_report(assessment, pdf_path, lang=args.lang, branding=brand)
            for warning in result.warnings:
                print(f"warning: {warning}", file=sys.stderr)
            print(f"{result.path}: {result.pages} pages, {result.size // 1024} KB")
        if xlsx_path is not None:
            print(build_xlsx(assessment, xlsx_path, lang=args.lang))
        if handout_path is not None:
            from app.report.handout import build_handout

            handout = build_handout(assessment, handout_path, lang=args.lang, branding=brand)
            print(f"{handout.path}: {handout.pages} page")
    except OSError as error:
        if error.filename is None:
            raise
        raise InputError([f"cannot write {error.filename}: {error.strerror}"]) from None
    gc.freeze()
    return 0
