"""Trial answers for an unanswered key: the values that could settle a measure's verdict.

"Next question" ranks keys by how many needs-info verdicts one answer alone could settle. To
know, the engine tries each of these values in turn. They come from the measure's own
conditions on the key (each compared value, and values either side of each threshold), so every
outcome a condition can have is tried. Keys that feed only a derived fact get that fact's
deciding values (zone, first profitable year); for the others (size figures behind the SME
class) no trial set is made and the key is taken as able to settle.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rules.fields import PROFILE_FIELDS
from rules.pack import Condition, Measure, iter_conditions
from rules.vocabulary import FTZ_ZONES

_NOT_IN_FTZ = "hubei_other"


def _values(condition: Condition) -> list[Any]:
    return list(condition.value) if isinstance(condition.value, list) else [condition.value]


def trial_values(measure: Measure, key: str, as_of: date) -> list[Any] | None:
    """Values of ``key`` that exercise every outcome of ``measure``'s conditions on it."""
    conditions = [
        c for p in measure.provisions for c in iter_conditions(p.criteria) if c.field == key
    ]
    kind = PROFILE_FIELDS[key].kind
    if not conditions:
        if key == "zone":  # it feeds in_ftz
            return [sorted(FTZ_ZONES)[0], _NOT_IN_FTZ]
        if key == "first_profit_year":  # it feeds the profit window
            return [None, as_of.year, as_of.year - 10]
        return None
    if kind == "bool":
        return [True, False]
    if kind == "tags":
        return [[], *([v] for c in conditions for v in _values(c))]
    if kind in ("enum", "code", "text"):
        listed = [v for c in conditions for v in _values(c)]
        vocabulary = PROFILE_FIELDS[key].vocabulary or {}
        unlisted = next((v for v in vocabulary if v not in listed), None)
        return [*listed, *([unlisted] if unlisted else [])] if kind == "enum" else None
    trials: list[Any] = []
    for condition in conditions:
        for value in _values(condition):
            if isinstance(value, int | float) and not isinstance(value, bool):
                trials += [value - 1, value, value + 1]
    return trials or None
