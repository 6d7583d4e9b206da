"""Interview length: questions asked from an empty profile until no measure is open.

For each realistic company (the examples, and the consultant's cases in
``tests/rules/interview_companies``) the interview of ``rules.interview.count_questions`` is
run: the engine's next question is answered from the company's full profile, or "don't know"
when the profile lacks the key (still a question asked), until no measure needs information.

Run: .venv/bin/python -m bench.bench_interview [--as-of 2026-11-29]
Prints one line per company (count and the keys asked, in order) and the median (issue 9: ≤ 7).
"""

from __future__ import annotations

import argparse
import json
import statistics
from datetime import date
from pathlib import Path
from typing import Any

from rules.interview import count_questions
from rules.pack import load_pack

ROOT = Path(__file__).resolve().parents[1]
COMPANY_FOLDERS = (ROOT / "examples", ROOT / "tests" / "rules" / "interview_companies")


def companies() -> dict[str, dict[str, Any]]:
    """Every realistic company profile, by file stem."""
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for folder in COMPANY_FOLDERS
        for path in sorted(folder.glob("*.json"))
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 11, 29))
    args = parser.parse_args()
    pack = load_pack()
    counts = []
    for stem, profile in companies().items():
        count, asked = count_questions(pack, profile, args.as_of)
        counts.append(count)
        print(f"{count:3d}  {stem:40s} {', '.join(asked)}")
    print(f"companies: {len(counts)}, median: {statistics.median(counts)}, max: {max(counts)}")


if __name__ == "__main__":
    main()
