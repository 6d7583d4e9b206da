"""Trial answers for an unanswered key: the values that could settle a measure's verdict.

"Next question" ranks keys by how many needs-info verdicts one answer alone could settle. To
know, the engine tries each of these values in turn. They come from the measure's own
conditions on the key (each compared value, and values either side of each threshold), so every
outcome a condition can have is tried. Keys that feed only a derived fact get that fact's
deciding values (zone, first profitable year, the size standard's ceilings and floors and one
industry code per industry it covers); for any other key no trial set is made and the key is
taken as able to settle.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rules.fields import PROFILE_FIELDS
from rules.pack import Condition, Measure, iter_conditions
from rules.sme_standard import STANDARDS, NotCovered, standard_for
from rules.vocabulary import FTZ_ZONES

_NOT_IN_FTZ = "hubei_other"


def _size_trials_for(key: str, industry_code: str | None) -> list[Any]:
    """The size standard's limits for the company's industry when known, else every limit."""
    if key != "industry_code" and industry_code is not None:
        try:
            standard = standard_for(industry_code)
        except NotCovered:
            standard = None
        if standard is not None:
            limits = (*standard.ceilings, *standard.medium, *standard.small)
            return sorted({v for k, limit in limits if k == key for v in (limit - 1, limit)})
    return _SIZE_TRIALS[key]


def _size_trials() -> dict[str, list[Any]]:
    """Values either side of every ceiling and floor of the 2011 size standard, per figure,
    and one industry code for each of its industries."""
    figures: dict[str, set[float]] = {}
    for standard in STANDARDS.values():
        for key, limit in (*standard.ceilings, *standard.medium, *standard.small):
            figures.setdefault(key, set()).update({limit - 1, limit})
    trials: dict[str, list[Any]] = {key: sorted(values) for key, values in figures.items()}
    trials["industry_code"] = list(SIZE_STANDARD_SAMPLE_CODES)
    return trials


# One GB/T 4754-2017 code per industry of the size standard, and one it does not cover (finance).
SIZE_STANDARD_SAMPLE_CODES = (
    "A0111", "C3976", "E4710", "F5191", "F5211", "G5810", "G5920", "G6010", "H6110",
    "H6210", "I6311", "I6513", "K7010", "K7020", "L7212", "M7320", "J6631",
)  # fmt: skip


def _values(condition: Condition) -> list[Any]:
    return list(condition.value) if isinstance(condition.value, list) else [condition.value]


def trial_values(
    measure: Measure, key: str, as_of: date, facts: dict[str, Any]
) -> list[Any] | None:
    """Values of ``key`` that exercise every outcome of ``measure``'s conditions on it,
    given the answers in ``facts`` (the company's industry narrows the size figures' trials)."""
    conditions = [
        c for p in measure.provisions for c in iter_conditions(p.criteria) if c.field == key
    ]
    kind = PROFILE_FIELDS[key].kind
    if not conditions:
        if key == "zone":  # it feeds in_ftz
            return [sorted(FTZ_ZONES)[0], _NOT_IN_FTZ]
        if key == "first_profit_year":  # it feeds the profit window
            return [None, as_of.year, as_of.year - 10]
        if key in _SIZE_TRIALS:  # it feeds the SME class
            return _size_trials_for(key, facts.get("industry_code"))
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


_SIZE_TRIALS = _size_trials()
