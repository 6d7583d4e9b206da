"""``policy-check assess``: one profile (JSON file) assessed, as a table or as JSON."""

from __future__ import annotations

import argparse
import json
import logging
from typing import Any

from app.cli.common import VERDICT_LABELS, load_pack_checked, parse_as_of, read_profile
from app.cli.text_table import render_table
from rules.answer import assessment_json
from rules.engine import Assessment, assess
from rules.explain import question_text, reason

log = logging.getLogger("policy-check")


def add_commands(commands: Any) -> None:
    """Register ``assess`` on the ``policy-check`` parser's subcommands."""
    assess_cmd = commands.add_parser("assess", help="assess one profile (JSON file)")
    assess_cmd.add_argument("profile", metavar="PROFILE.json")
    assess_cmd.add_argument("--as-of", help="assessment date YYYY-MM-DD (default: today)")
    assess_cmd.add_argument("--lang", choices=["zh", "en"], default="zh")
    assess_cmd.add_argument("--format", choices=["json", "table"], default="table")
    assess_cmd.set_defaults(handler=cmd_assess)


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
