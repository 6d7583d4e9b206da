"""The compiled, columnar path: a pack assessed over many profiles at once (issue 11).

The explaining engine (rules.engine) stays the reference: it assesses one profile and says why.
This path compiles the pack for an as-of date into a plan of plain data (rules.columnar.plan)
and evaluates it over a frame of profiles with polars expressions (rules.columnar.evaluate), with
the engine's verdicts and missing keys for every measure; tests/rules/test_columnar_agreement.py
compares the two cell by cell.

- ``names``: the column names (none from a pack or a file) and the needs masks;
- ``frame``: profiles as one typed column per profile key (null: unanswered);
- ``codes``: every industry code with its inferences and size standard, joined on the code;
- ``inference``, ``derived``: the inferred and derived facts as columns, with needs masks;
- ``facts``: where each fact's value, knownness and needs are read;
- ``compare``: the pack's operators over columns, as the engine compares;
- ``plan``: the pack compiled for an as-of date; ``evaluate``: the plan over a frame.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import polars as pl

from rules.columnar.compare import PlanError
from rules.columnar.evaluate import evaluate, missing_keys
from rules.columnar.frame import FrameError, check_frame, profile_frame
from rules.columnar.names import decode_mask, missing_column, verdict_column
from rules.columnar.plan import Plan, compile_plan
from rules.engine import Verdict
from rules.pack import Pack
from rules.profile import Profile

__all__ = [
    "FrameError",
    "Plan",
    "PlanError",
    "assess_frame",
    "check_frame",
    "compile_plan",
    "decode_mask",
    "missing_column",
    "missing_keys",
    "profile_frame",
    "verdict_column",
    "verdicts_of",
]

Cell = tuple[Verdict, tuple[str, ...]]


def assess_frame(pack: Pack, frame: pl.DataFrame, as_of: date) -> pl.DataFrame:
    """Every profile of ``frame`` against every measure of ``pack`` as of a date: ``name``,
    then per measure ``mNN.verdict`` (Enum) and ``mNN.missing`` (a mask: ``decode_mask``)."""
    return evaluate(compile_plan(pack, as_of), frame)


def verdicts_of(pack: Pack, profiles: Iterable[Profile], as_of: date) -> list[dict[str, Cell]]:
    """Per profile, each measure's (verdict, missing keys in profile order)."""
    result = assess_frame(pack, profile_frame(profiles), as_of)
    columns = [
        (m.id, result.get_column(verdict_column(m.id)).to_list(),
         result.get_column(missing_column(m.id)).to_list())
        for m in pack.measures
    ]  # fmt: skip
    return [
        {mid: (verdicts[row], decode_mask(masks[row])) for mid, verdicts, masks in columns}
        for row in range(result.height)
    ]
