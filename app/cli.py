"""``policy-check``: the headless command line.

It must not import Qt: tests/app/test_cli.py checks that it does not.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from app import cli_clients, cli_report
from app.batch import INPUT_SUFFIXES, OUTPUT_SUFFIXES, run_batch
from app.cli_common import (
    VERDICT_LABELS,
    InputError,
    load_pack_checked,
    pack_dir,
    parse_as_of,
    read_profile,
)
from app.logs import setup_logging
from app.text_table import render_table
from rules.answer import assessment_json
from rules.cases import OUTCOMES, load_cases, provision_coverage, run_cases
from rules.diff import diff_packs
from rules.engine import Assessment, assess
from rules.explain import question_text, reason
from rules.lint import lint_pack
from rules.pack import Pack

log = logging.getLogger("policy-check")
MAX_JOBS = 64  # worker processes for batch; more only thrash the machine


def _table(assessment: Assessment, lang: str) -> str:
    zh = lang == "zh"
    profile = assessment.profile
    summary = assessment.summary()
    head = [
        f"{'企业' if zh else 'Company'}: {profile.name}",
        f"{'评估日期' if zh else 'As of'}: {assessment.as_of.isoformat()}   "
        f"{'政策包' if zh else 'Pack'}: {assessment.pack.id} {assessment.pack.version} "
        f"({assessment.pack.sha256[:12]})",
        "  ".join(f"{VERDICT_LABELS[v][0 if zh else 1]} {n}" for v, n in summary.items()),
        "",
    ]
    rows = [
        [
            r.measure.id,
            VERDICT_LABELS[r.verdict][0 if zh else 1],
            r.measure.title.get(lang),
            reason(r, lang),
        ]
        for r in assessment.results
    ]
    headers = ["措施", "结论", "标题", "原因"] if zh else ["Measure", "Verdict", "Title", "Why"]
    lines = [*head, render_table(headers, rows, max_width=48)]
    if assessment.next_questions:
        lines += ["", "下一步最有用的问题:" if zh else "Most useful questions next:"]
        for q in assessment.next_questions[:5]:
            lines.append(
                f"  - {question_text(q.field, lang)} [{q.field}] → {', '.join(q.resolves)}"
            )
    return "\n".join(lines)


def cmd_assess(args: argparse.Namespace) -> int:
    as_of = parse_as_of(args.as_of)
    profile = read_profile(args.profile)
    pack = load_pack_checked(None)
    assessment = assess(pack, profile, as_of)
    log.info("assessed %s as of %s: %s", profile.name, as_of, assessment.summary())
    if args.format == "json":
        print(json.dumps(assessment_json(assessment, args.lang), ensure_ascii=False, indent=2))
    else:
        print(_table(assessment, args.lang))
    return 0


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


def cmd_rules_diff(args: argparse.Namespace) -> int:
    old, new = load_pack_checked(args.old), load_pack_checked(args.new)
    changes = diff_packs(old, new)
    if args.format == "json":
        print(
            json.dumps(
                {
                    "old": old.reference(),
                    "new": new.reference(),
                    "changes": [
                        {"measure": c.measure, "change": c.change, "details": list(c.details)}
                        for c in changes
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    for change in changes:
        details = f": {'; '.join(change.details)}" if change.details else ""
        print(f"{change.measure} {change.change}{details}")
    print(f"{len(changes)} measure(s) differ ({old.sha256[:12]} -> {new.sha256[:12]})")
    return 0


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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policy-check",
        description="Which measures of a policy apply to a company, why, and what to do next.",
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="log details to stderr")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    assess_cmd = commands.add_parser("assess", help="assess one profile (JSON file)")
    assess_cmd.add_argument("profile", metavar="PROFILE.json")
    assess_cmd.add_argument("--as-of", help="assessment date YYYY-MM-DD (default: today)")
    assess_cmd.add_argument("--lang", choices=["zh", "en"], default="zh")
    assess_cmd.add_argument("--format", choices=["json", "table"], default="table")
    assess_cmd.set_defaults(handler=cmd_assess)

    batch_cmd = commands.add_parser("batch", help="assess many profiles (.jsonl, .csv, .xlsx)")
    batch_cmd.add_argument("input", metavar="INPUT")
    batch_cmd.add_argument("--out", help=".jsonl answers, or a .csv/.xlsx verdict matrix")
    batch_cmd.add_argument("--as-of", help="assessment date YYYY-MM-DD (default: today)")
    batch_cmd.add_argument("--lang", choices=["zh", "en"], default="zh")
    batch_cmd.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    batch_cmd.set_defaults(handler=cmd_batch)

    rules_cmd = commands.add_parser("rules", help="inspect and check rule packs")
    rules_sub = rules_cmd.add_subparsers(dest="rules_command", required=True, metavar="ACTION")
    list_cmd = rules_sub.add_parser("list", help="list the measures of the pack")
    list_cmd.add_argument("--format", choices=["json", "table"], default="table")
    list_cmd.add_argument("--lang", choices=["zh", "en"], default="zh")
    list_cmd.add_argument("--pack", help="pack folder (default: the bundled pack)")
    list_cmd.set_defaults(handler=cmd_rules_list)
    for name, handler, text in (
        ("lint", cmd_rules_lint, "validate a pack"),
        ("test", cmd_rules_test, "run a pack's YAML test cases"),
    ):
        sub = rules_sub.add_parser(name, help=text)
        sub.add_argument("pack", nargs="?", metavar="PACK", help="pack folder (default: bundled)")
        sub.set_defaults(handler=handler)
        if name == "test":
            sub.add_argument(
                "--coverage",
                action="store_true",
                help="also print, per provision, the cases where it is met / not met / unknown, "
                "and fail when one of the three is missing",
            )
    diff_cmd = rules_sub.add_parser("diff", help="list measures whose criteria changed")
    diff_cmd.add_argument("old", metavar="OLD")
    diff_cmd.add_argument("new", metavar="NEW")
    diff_cmd.add_argument("--format", choices=["json", "table"], default="table")
    diff_cmd.set_defaults(handler=cmd_rules_diff)
    cli_report.add_commands(commands)
    cli_clients.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    log_path = setup_logging(args.verbose)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except InputError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except Exception as error:  # the last line of defence: no traceback reaches a user
        log.exception("unexpected failure")
        where = f"; details in {log_path}" if log_path else ""
        print(f"policy-check: unexpected error: {error}{where}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
