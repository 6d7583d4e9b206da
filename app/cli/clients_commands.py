"""What ``policy-check clients ...`` does: import, export, list and assess stored clients.

Their options are declared in app/cli/clients.py; the database is opened by app/cli/database.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.cli.common import VERDICT_LABELS, InputError, load_pack_checked, parse_as_of
from app.cli.database import open_service, user_file
from app.cli.progress import Progress
from app.cli.text_table import clip, render_table
from app.services.clients import AssessmentOutcome, ReassessReport
from rules.vocabulary import ZONES


def cmd_import(args: argparse.Namespace) -> int:
    with open_service(args) as service:
        report = service.import_file(user_file(args.file), update=args.update)
    for problem in report.refused:
        print(problem, file=sys.stderr)
    refused_rows = {problem.split(":", 1)[0] for problem in report.refused}
    print(
        f"imported {len(report.added)} new, updated {len(report.updated)}, "
        f"unchanged {report.unchanged}, refused {len(refused_rows)} row(s) "
        f"({len(report.refused)} problem(s))"
    )
    return 2 if report.refused else 0


def cmd_export(args: argparse.Namespace) -> int:
    with open_service(args) as service:
        count = service.export_file(user_file(args.file), headers=args.headers)
    print(f"exported {count} clients to {args.file}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    if args.zone and args.zone not in ZONES:
        raise InputError([f"--zone: '{args.zone}' is not one of {', '.join(ZONES)}"])
    if args.limit is not None and args.limit < 1:
        raise InputError([f"--limit: {args.limit}: must be 1 or more"])
    with open_service(args) as service:
        rows = service.search(args.search, args.zone, limit=args.limit)
    if args.format == "json":
        listing = [{"id": row.client.id, **row.client.profile} for row in rows]
        print(json.dumps(listing, ensure_ascii=False, indent=2))
        return 0
    table = [
        [
            str(row.client.id),
            row.client.name,
            row.client.credit_code or "",
            row.client.zone or "",
            row.latest.as_of.isoformat() if row.latest else "",
            str(row.latest.counts["eligible"]) if row.latest else "",
        ]
        for row in rows
    ]
    headers = ["id", "name", "credit_code", "zone", "assessed_as_of", "eligible"]
    print(render_table(headers, table, max_width=40))
    print(f"\n{len(rows)} client(s)")
    return 0


def _outcome_json(outcome: AssessmentOutcome) -> dict[str, Any]:
    diff = outcome.diff
    return {
        "id": outcome.client.id,
        "name": outcome.client.name,
        "assessment": outcome.saved.id,
        "summary": outcome.saved.counts,
        "previous_assessment": outcome.previous.id if outcome.previous else None,
        "gained": diff.gained if diff else [],
        "lost": diff.lost if diff else [],
        "changes": [
            {"measure": c.measure, "before": c.before, "after": c.after}
            for c in (diff.changes if diff else ())
        ],
    }


def _counts(report: ReassessReport) -> dict[str, int]:
    """assessed = changed + unchanged + first; saved: the new frozen assessments."""
    changed, first = len(report.changed), len(report.first)
    return {
        "assessed": report.assessed,
        "changed": changed,
        "unchanged": report.assessed - changed - first,
        "first": first,
        "saved": len(report.outcomes),
        "refused": report.refused,
    }


def _print_assessed(report: ReassessReport, lang: str) -> None:
    """One client assessed: its counts, then what changed."""
    zh = lang == "zh"
    for outcome in report.outcomes:
        counts = "  ".join(
            f"{labels[0 if zh else 1]} {outcome.saved.counts[verdict]}"
            for verdict, labels in VERDICT_LABELS.items()
        )
        print(f"#{outcome.client.id} {outcome.client.name}: {counts}")
    changed = report.changed
    print(f"\n{len(report.outcomes)} assessed; verdicts changed for {len(changed)}")
    for outcome in changed:
        assert outcome.diff is not None
        print(f"  #{outcome.client.id} {outcome.client.name}: {outcome.diff.describe()}")


def _print_roster_changes(report: ReassessReport, pack: dict[str, str], as_of: str) -> None:
    """The whole roster re-assessed: who gained or lost which measure, then the counts."""
    rows = []
    for outcome in report.changed:
        diff = outcome.diff
        assert diff is not None
        others = [
            f"{c.measure}: {c.before or '(new)'}→{c.after or '(removed)'}"
            for c in diff.changes
            if "eligible" not in (c.before, c.after)
        ]
        rows.append(
            [
                str(outcome.client.id),
                clip(outcome.client.name, 40),
                " ".join(diff.gained),
                " ".join(diff.lost),
                "; ".join(others),
            ]
        )
    if rows:
        headers = ["id", "name", "gained", "lost", "other changes"]
        print(render_table(headers, rows, max_width=10_000) + "\n")
    counts = _counts(report)
    print(
        f"{counts['assessed']} assessed; verdicts changed for {counts['changed']}, unchanged for "
        f"{counts['unchanged']}, first assessment for {counts['first']}; "
        f"refused {counts['refused']}"
    )
    print(
        f"{counts['saved']} new assessment(s) saved with {pack['id']} {pack['version']} "
        f"({pack['sha256'][:12]}) as of {as_of}; {len(report.unchanged)} client(s) kept their "
        "latest assessment, checked against this pack"
    )


def cmd_assess(args: argparse.Namespace) -> int:
    as_of = parse_as_of(args.as_of)
    pack = load_pack_checked(args.pack) if args.pack else None
    with open_service(args, pack) as service:
        if args.all:  # the compiled plan: a new assessment only where verdicts changed
            progress = Progress(sys.stderr, sys.stderr.isatty(), service.count(), unit="clients")
            try:
                report = service.reassess(None, as_of, progress=progress.update)
            finally:
                progress.close()
        else:  # one client: the full answer saved, changed or not
            report = service.assess_clients([service.find(args.client).id], as_of)
        reference = service.pack.reference()
    if args.format == "json":
        listing = {
            "pack": reference,
            "as_of": as_of.isoformat(),
            "counts": _counts(report),
            "assessed": [_outcome_json(o) for o in report.outcomes],
            "changed": [o.client.id for o in report.changed],
        }
        print(json.dumps(listing, ensure_ascii=False, indent=2))
    elif args.all:
        _print_roster_changes(report, reference, as_of.isoformat())
    else:
        _print_assessed(report, args.lang)
    for problem in report.failed:
        print(problem, file=sys.stderr)
    return 2 if report.failed else 0
