"""``policy-check rules ...``: list, lint, test and diff rule packs; pack files (rules_install).

A PACK is a pack folder or an installed pack's ``id[@version]``; without one, the pack in use.
``rules diff OLD NEW --impact`` also counts the stored clients whose verdicts would change; only
then is the database opened (see app/cli/database.py for how ``--db`` is resolved).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli import rules_install
from app.cli.common import InputError, load_pack_checked, pack_dir, parse_as_of
from app.cli.db import database_option
from app.cli.text_table import render_table
from rules.cases import OUTCOMES, CasesError, load_cases, provision_coverage, run_cases
from rules.diff import diff_packs
from rules.lint import lint_pack
from rules.pack import Pack

if TYPE_CHECKING:
    from app.services.roster_verdicts import ImpactReport


def add_commands(commands: Any) -> None:
    """Register ``rules list|lint|test|diff|pack|install|installed|use`` on the
    ``policy-check`` parser's subcommands."""
    rules_cmd = commands.add_parser("rules", help="inspect and check rule packs")
    rules_sub = rules_cmd.add_subparsers(dest="rules_command", required=True, metavar="ACTION")
    list_cmd = rules_sub.add_parser("list", help="list the measures of the pack")
    list_cmd.add_argument("--format", choices=["json", "table"], default="table")
    list_cmd.add_argument("--lang", choices=["zh", "en"], default="zh")
    list_cmd.add_argument(
        "--pack", help="pack folder or installed id[@version] (default: the pack in use)"
    )
    list_cmd.set_defaults(handler=cmd_rules_list)
    for name, handler, text in (
        ("lint", cmd_rules_lint, "validate a pack"),
        ("test", cmd_rules_test, "run a pack's YAML test cases"),
    ):
        sub = rules_sub.add_parser(name, help=text)
        sub.add_argument(
            "pack", nargs="?", metavar="PACK", help="pack folder or id[@version] (default: in use)"
        )
        sub.set_defaults(handler=handler)
        if name == "test":
            sub.add_argument(
                "--coverage",
                action="store_true",
                help="also print, per provision, the cases where it is met / not met / unknown, "
                "and fail when one of the three is missing",
            )
    diff_cmd = rules_sub.add_parser(
        "diff", help="list measures whose criteria changed", parents=[database_option()]
    )
    diff_cmd.add_argument("old", metavar="OLD", help="the old pack's folder or id@version")
    diff_cmd.add_argument("new", metavar="NEW", help="the new pack's folder or id@version")
    diff_cmd.add_argument("--format", choices=["json", "table"], default="table")
    diff_cmd.add_argument(
        "--impact",
        action="store_true",
        help="also count, measure by measure, the stored clients (--db) whose verdict would "
        "change from OLD to NEW; nothing is saved",
    )
    diff_cmd.add_argument("--as-of", help="with --impact: date YYYY-MM-DD (default: today)")
    diff_cmd.set_defaults(handler=cmd_rules_diff)
    rules_install.add_commands(rules_sub)


def cmd_rules_list(args: argparse.Namespace) -> int:
    pack = load_pack_checked(args.pack)
    if args.format == "json":
        listing = {
            "pack": pack.reference(),
            "measures": [
                {
                    "measure": m.id,
                    "number": m.number,
                    "chapter": m.chapter,
                    "title": m.title.get(args.lang),
                    "kind": m.kind,
                    "status": m.status,
                    "lead_units": m.lead_units,
                    "provisions": [p.id for p in m.provisions],
                }
                for m in pack.measures
            ],
        }
        print(json.dumps(listing, ensure_ascii=False, indent=2))
        return 0
    rows = [[m.id, m.kind, m.status, m.title.get(args.lang)] for m in pack.measures]
    print(render_table(["measure", "kind", "status", "title"], rows))
    print(f"\n{len(pack.measures)} measures, {pack.id} {pack.version} ({pack.sha256[:12]})")
    return 0


def cmd_rules_lint(args: argparse.Namespace) -> int:
    problems = lint_pack(pack_dir(args.pack))
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 2
    print("pack is clean")
    return 0


def cmd_rules_test(args: argparse.Namespace) -> int:
    folder = pack_dir(args.pack)
    load_pack_checked(args.pack)
    try:
        outcomes = run_cases(folder)
    except CasesError as error:
        raise InputError([f"cases: {p}" for p in error.problems]) from None
    except ValueError as error:
        raise InputError([f"cases: {error}"]) from None
    failed = [o for o in outcomes if not o.passed]
    for outcome in failed:
        for failure in outcome.failures:
            print(f"FAIL {outcome.file}: {outcome.case.name}: {failure}", file=sys.stderr)
    print(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed")
    if args.coverage:
        gaps = print_provision_coverage(load_pack_checked(args.pack), folder)
        if gaps:
            print(f"{gaps} provision(s) lack a case where they are met, not met or unknown")
            return 1
    return 1 if failed else 0


def print_provision_coverage(pack: Pack, folder: Path) -> int:
    """Print each provision's case outcomes; return how many provisions lack one of the three."""
    coverage = provision_coverage(pack, load_cases(folder))
    rows = [
        [
            c.measure_id,
            c.provision_id,
            *(str(c.counts[outcome]) for outcome in OUTCOMES),
            ", ".join(c.missing) or "ok",
        ]
        for c in coverage
    ]
    print(render_table(["measure", "provision", "met", "not met", "unknown", "lacking"], rows))
    return sum(1 for c in coverage if c.missing)


def roster_impact(args: argparse.Namespace, old: Pack, new: Pack) -> ImpactReport:
    # imported here: only --impact opens the database (SQLAlchemy, polars)
    from app.cli.database import open_service

    as_of = parse_as_of(args.as_of)
    with open_service(args) as service:
        return service.impact(old, new, as_of)


def _impact_json(impact: ImpactReport) -> dict[str, Any]:
    return {
        "as_of": impact.as_of.isoformat(),
        "clients": impact.clients,
        "changed_clients": impact.changed_clients,
        "refused": len(impact.refused),
        "measures": [
            {
                "measure": m.measure,
                "changed": m.changed,
                "gained": m.gained,
                "lost": m.lost,
                "moves": [
                    {"before": before, "after": after, "clients": count}
                    for (before, after), count in m.moves.most_common()
                ],
            }
            for m in impact.changed_measures
        ],
    }


def print_impact(impact: ImpactReport) -> None:
    print(
        f"\nimpact on the roster as of {impact.as_of.isoformat()}: {impact.changed_clients} of "
        f"{impact.clients} client(s) would see a verdict change"
    )
    if not impact.changed_measures:
        return
    rows = [
        [
            m.measure,
            str(m.changed),
            str(m.gained),
            str(m.lost),
            ", ".join(
                f"{before or '(new)'}→{after or '(removed)'} {count}"
                for (before, after), count in m.moves.most_common()
            ),
        ]
        for m in impact.changed_measures
    ]
    headers = ["measure", "clients", "gained", "lost", "from→to"]
    print(render_table(headers, rows, max_width=10_000))


def cmd_rules_diff(args: argparse.Namespace) -> int:
    if not args.impact and (args.db or args.as_of):
        raise InputError(["--db and --as-of are used with --impact only"])
    old, new = load_pack_checked(args.old), load_pack_checked(args.new)
    changes = diff_packs(old, new)
    impact = roster_impact(args, old, new) if args.impact else None
    if args.format == "json":
        listing: dict[str, Any] = {
            "old": old.reference(),
            "new": new.reference(),
            "changes": [
                {"measure": c.measure, "change": c.change, "details": list(c.details)}
                for c in changes
            ],
        }
        if impact is not None:
            listing["impact"] = _impact_json(impact)
        print(json.dumps(listing, ensure_ascii=False, indent=2))
    else:
        for change in changes:
            details = f": {'; '.join(change.details)}" if change.details else ""
            print(f"{change.measure} {change.change}{details}")
        print(f"{len(changes)} measure(s) differ ({old.sha256[:12]} -> {new.sha256[:12]})")
        if impact is not None:
            print_impact(impact)
    if impact is None:
        return 0
    for problem in impact.refused:
        print(problem, file=sys.stderr)
    return 2 if impact.refused else 0
