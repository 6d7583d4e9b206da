"""The two baselines of the scale benchmark, end to end: a ``.jsonl`` file in, a matrix out.

    python -m bench.matrix_baselines zen IN.jsonl OUT.csv YYYY-MM-DD
    python -m bench.matrix_baselines engine IN.jsonl OUT.csv YYYY-MM-DD

Each streams its input line by line, validates the profile as ``policy-check batch`` does, and
writes one matrix row per company (row, name, credit_code, one column per measure), so that
reading, validating and writing are counted as they are for the compiled path.

- ``zen``: GoRules ZEN's decision table of the pack (``bench.zen_table``), our derived facts
  given as inputs since ZEN cannot derive them; ZEN knows no "unknown", so its matrix holds
  ``eligible`` for the rules that matched and ``not_eligible`` for the rest. It does less than
  the other two, and is still the slowest.
- ``engine``: the explaining engine, memoising (``rules.assessor``, as ``batch`` uses it for
  small chunks), every measure's verdict with its trace.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from rules.assessor import Assessor
from rules.derived import DERIVATIONS, derive
from rules.pack import Pack, load_pack
from rules.profile import Profile, ProfileError, parse_profile


def profiles(source: Path) -> Iterator[tuple[int, Profile]]:
    with source.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            try:
                yield number, parse_profile(json.loads(line))
            except ProfileError:
                continue


def zen_decider(pack: Pack, as_of: date) -> Callable[[Profile], dict[str, str]]:
    import zen

    from bench.zen_table import decision_table

    decision = zen.ZenEngine().create_decision(json.dumps(decision_table(pack)))
    ids = [m.id for m in pack.measures]

    def decide(profile: Profile) -> dict[str, str]:
        data: dict[str, Any] = profile.model_dump(mode="json", include=profile.model_fields_set)
        facts = profile.facts()
        for name in DERIVATIONS:
            fact = derive(name, facts, as_of)
            if fact.known:
                data[name] = fact.value
        matched = {hit["measure"] for hit in decision.evaluate(data)["result"]}
        return {m: "eligible" if m in matched else "not_eligible" for m in ids}

    return decide


def engine_decider(pack: Pack, as_of: date) -> Callable[[Profile], dict[str, str]]:
    assessor = Assessor(pack, as_of, False)

    def decide(profile: Profile) -> dict[str, str]:
        return {r.measure.id: r.verdict for r in assessor.assess(profile).results}

    return decide


def main(argv: list[str]) -> None:
    which, source, out, as_of_text = argv
    pack = load_pack()
    as_of = date.fromisoformat(as_of_text)
    decide = (zen_decider if which == "zen" else engine_decider)(pack, as_of)
    ids = [m.id for m in pack.measures]
    with Path(out).open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["row", "name", "credit_code", *ids])
        for number, profile in profiles(Path(source)):
            verdicts = decide(profile)
            writer.writerow(
                [number, profile.name, profile.credit_code or "", *(verdicts[m] for m in ids)]
            )


if __name__ == "__main__":
    main(sys.argv[1:])
