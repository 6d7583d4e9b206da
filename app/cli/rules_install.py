"""``policy-check rules pack|install|installed|use``: rule packs as files, installed and chosen.

``rules pack FOLDER -o FILE`` builds a pack file (lint clean and cases passing first);
``rules install FILE`` checks it whole (rules.pack_file) and installs it beside the others
(app.services.packs), then prints the ``rules diff`` against the previous version of the same
pack and how many roster clients would see a verdict change, and offers the re-assessment;
``rules installed`` lists the packs, the one in use marked; ``rules use ID[@VERSION]`` picks it.
A refused pack file is one line on stderr and exit status 2; nothing is changed then.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.cli.common import InputError, load_pack_checked
from app.cli.db import database_option
from app.cli.text_table import render_table
from app.services.packs import (
    InstallOutcome,
    PackChoiceError,
    active_entry,
    install_pack_file,
    installed_packs,
    use_pack,
)
from app.settings import AppSettingsError
from rules.diff import diff_packs
from rules.pack import Pack, load_pack
from rules.pack_file import SUFFIX, PackFileError, build_pack_file


def add_commands(rules_sub: Any) -> None:
    """Register ``pack``, ``install``, ``installed`` and ``use`` under ``policy-check rules``."""
    pack_cmd = rules_sub.add_parser("pack", help="build a pack file from a pack folder")
    pack_cmd.add_argument("folder", metavar="FOLDER", help="the pack's folder")
    pack_cmd.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help=f"the pack file ({SUFFIX}), or a folder to write it in",
    )
    pack_cmd.set_defaults(handler=cmd_rules_pack)

    install = rules_sub.add_parser(
        "install",
        help="check a pack file and install it; show what changed",
        parents=[database_option()],
    )
    install.add_argument("file", metavar="PACK_FILE")
    install.add_argument("--use", action="store_true", help="also make it the pack in use")
    install.add_argument(
        "--reassess",
        action="store_true",
        help="make it the pack in use and re-assess every client now (clients assess --all)",
    )
    install.add_argument(
        "--no-impact", action="store_true", help="do not open the roster to count who changes"
    )
    install.add_argument("--as-of", help="date YYYY-MM-DD for the impact (default: today)")
    install.add_argument(
        "--lang",
        choices=["zh", "en"],
        default="zh",
        help="language of the answers --reassess saves",
    )
    install.set_defaults(handler=cmd_rules_install)

    listed = rules_sub.add_parser("installed", help="list the packs, the one in use marked")
    listed.add_argument("--format", choices=["json", "table"], default="table")
    listed.set_defaults(handler=cmd_rules_installed)

    use = rules_sub.add_parser("use", help="choose the pack the app and the commands assess with")
    use.add_argument("ref", metavar="ID[@VERSION]", help="e.g. hubei-ftz-2021@0.5.0")
    use.set_defaults(handler=cmd_rules_use)


def cmd_rules_pack(args: argparse.Namespace) -> int:
    folder = Path(args.folder).expanduser()
    if not (folder / "pack.yaml").is_file():
        raise InputError([f"FOLDER: {folder} holds no pack.yaml"])
    out = Path(args.output).expanduser()
    if out.is_dir():
        pack = load_pack_checked(str(folder))
        out = out / f"{pack.id}-{pack.version}{SUFFIX}"
    try:
        manifest = build_pack_file(folder, out)
    except PackFileError as error:
        raise InputError([f"pack not built: {error}"]) from None
    except OSError as error:
        raise InputError([f"cannot write {out}: {error.strerror or error}"]) from None
    print(f"wrote {out}: {manifest.ref} ({manifest.sha256[:12]}), made {manifest.created_at}")
    return 0


def cmd_rules_install(args: argparse.Namespace) -> int:
    if args.no_impact and (args.db or args.as_of):
        raise InputError(["--db and --as-of count the impact; leave them out with --no-impact"])
    try:
        outcome = install_pack_file(Path(args.file).expanduser())
    except PackFileError as error:
        raise InputError([f"pack refused: {error}"]) from None
    entry = outcome.installed
    if outcome.already:
        print(f"{entry.ref} ({entry.sha256[:12]}) is already installed; nothing changed")
    else:
        print(f"installed {entry.ref} ({entry.sha256[:12]}) in {entry.folder}")
    new = load_pack(entry.folder)
    if outcome.previous is not None:
        _print_changes(outcome, load_pack(outcome.previous.folder), new, args)
    if args.use or args.reassess:
        _use(entry.ref)
    if args.reassess:
        return _reassess(entry.ref, args)
    _print_offer(outcome)
    return 0


def _print_changes(outcome: InstallOutcome, old: Pack, new: Pack, args: argparse.Namespace) -> None:
    """The ``rules diff`` against the previous version and, unless --no-impact, the roster's."""
    from app.cli import rules

    assert outcome.previous is not None
    print(f"\nchanges from {outcome.previous.ref}:")
    changes = diff_packs(old, new)
    for change in changes:
        details = f": {'; '.join(change.details)}" if change.details else ""
        print(f"{change.measure} {change.change}{details}")
    print(f"{len(changes)} measure(s) differ ({old.sha256[:12]} -> {new.sha256[:12]})")
    if args.no_impact:
        return
    try:
        impact = rules.roster_impact(args, old, new)
    except InputError as error:  # the pack is installed; only the count is missing
        print(f"roster impact not counted: {error.problems[0]}", file=sys.stderr)
        return
    rules.print_impact(impact)
    for problem in impact.refused:
        print(problem, file=sys.stderr)


def _use(ref: str) -> None:
    try:
        entry = use_pack(ref)
    except (PackChoiceError, AppSettingsError) as error:
        raise InputError([f"pack not chosen: {error}"]) from None
    print(f"in use now: {entry.ref}")


def _reassess(ref: str, args: argparse.Namespace) -> int:
    from app.cli.clients_commands import cmd_assess

    print("\nre-assessing the roster:")
    return cmd_assess(
        argparse.Namespace(
            all=True,
            client=None,
            pack=ref,
            db=args.db,
            as_of=args.as_of,
            lang=args.lang,
            format="table",
        )
    )


def _print_offer(outcome: InstallOutcome) -> None:
    active = active_entry()
    entry = outcome.installed
    if active.ref == entry.ref:
        print(f"\n{entry.ref} is the pack in use; re-assess the roster with it:")
        print("  policy-check clients assess --all")
        return
    print(f"\nin use: {active.ref}. To assess with {entry.ref} and re-assess the roster:")
    print(f"  policy-check rules use {entry.ref} && policy-check clients assess --all")


def cmd_rules_installed(args: argparse.Namespace) -> int:
    active = active_entry()
    packs = installed_packs()
    if args.format == "json":
        listing = [
            {
                "id": p.id,
                "version": p.version,
                "sha256": p.sha256,
                "active": p == active,
                "builtin": p.builtin,
                "folder": str(p.folder),
            }
            for p in packs
        ]
        print(json.dumps(listing, ensure_ascii=False, indent=2))
        return 0
    rows = [
        [
            "*" if p == active else "",
            p.id,
            p.version,
            p.sha256[:12],
            "built-in" if p.builtin else str(p.folder),
        ]
        for p in packs
    ]
    print(render_table(["in use", "id", "version", "sha256", "where"], rows, max_width=10_000))
    return 0


def cmd_rules_use(args: argparse.Namespace) -> int:
    _use(args.ref)
    return 0
