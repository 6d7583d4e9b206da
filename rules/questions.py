"""Trial answers for an unanswered key: the values that could settle a measure's verdict.

"Next question" ranks keys by how many needs-info verdicts one answer alone could settle. To
know, the engine tries each of these values in turn. They come from the measure's own
conditions on the key (each compared value, and values either side of each threshold), so every
outcome a condition can have is tried. Keys that feed only a derived fact get that fact's
deciding values (zone, first profitable year, the size standard's ceilings and floors and one
industry code per industry it covers) and the keys an inference reads the answers that make
each inference (rules.inference); for any other key no trial set is made and the key is taken
as able to settle.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Final

from rules.fields import PROFILE_FIELDS, FieldKind
from rules.inference import SAMPLE_ANSWERS
from rules.pack import Measure, iter_conditions
from rules.sme_standard import STANDARDS, NotCovered, SizeStandard, standard_for
from rules.vocabulary import FTZ_ZONES, OUTSIDE_HUBEI

_NOT_IN_FTZ = "hubei_other"
_SIZE_KEYS = frozenset({"employees", "annual_revenue", "total_assets", "industry_code"})


def _size_trials(key: str, industry_code: str | None) -> list[Any]:
    """Trial values for a figure behind the SME class: either side of each ceiling and floor
    of the 2011 standard, the company's industry's only when it is known; for the industry
    code, one code per industry the standard covers."""
    if key == "industry_code":
        return list(SIZE_STANDARD_SAMPLE_CODES)
    standards: list[SizeStandard] = list(STANDARDS.values())
    if industry_code is not None:
        try:
            known = standard_for(industry_code)
        except NotCovered:
            known = None
        if known is not None:
            standards = [known]
    return sorted(
        {
            value
            for standard in standards
            for figure, limit in (*standard.ceilings, *standard.medium, *standard.small)
            if figure == key
            for value in (limit - 1, limit)
        }
    )


# One GB/T 4754-2017 code per industry of the size standard, and one it does not cover (finance).
SIZE_STANDARD_SAMPLE_CODES = (
    "A0111", "C3976", "E4710", "F5191", "F5211", "G5810", "G5920", "G6010", "H6110",
    "H6210", "I6311", "I6513", "K7010", "K7020", "L7212", "M7320", "J6631",
)  # fmt: skip


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
        if key == "zone":  # it feeds in_ftz and in_hubei
            return [sorted(FTZ_ZONES)[0], _NOT_IN_FTZ, OUTSIDE_HUBEI]
        if key == "first_profit_year":  # it feeds the profit window
            return [None, as_of.year, as_of.year - 10]
        trials: list[Any] = list(SAMPLE_ANSWERS.get(key, ()))  # it feeds an inference
        if key in _SIZE_KEYS:  # it feeds the SME class
            trials += _size_trials(key, facts.get("industry_code"))
        return trials or None
    if kind == "bool":
        return [True, False]
    if kind == "tags":
        return [[], *([v] for c in conditions for v in c.values())]
    if kind in ("enum", "code", "text"):
        listed = [v for c in conditions for v in c.values()]
        vocabulary = PROFILE_FIELDS[key].vocabulary or {}
        unlisted = next((v for v in vocabulary if v not in listed), None)
        if kind != "enum":
            return None
        trials = [*listed, *([unlisted] if unlisted else [])]
        if key == "zone" and OUTSIDE_HUBEI not in trials:  # it also feeds in_hubei and the city
            trials.append(OUTSIDE_HUBEI)
        return trials
    trials = []
    for condition in conditions:
        for value in condition.values():
            if isinstance(value, int | float) and not isinstance(value, bool):
                trials += [value - 1, value, value + 1]
    return trials or None


# What one question costs the person answering, in "yes/no questions": a yes/no, a pick from a
# short list, a date or a number off the business licence costs one; a figure from the
# accounts costs more, a ratio worked out from them more still; a tag checklist is long.
_KIND_COST: Final[dict[FieldKind, float]] = {
    "text": 1.0, "code": 1.0, "enum": 1.0, "bool": 1.0, "date": 1.0, "year": 1.0,
    "int": 1.0, "number": 2.0, "tags": 3.0,
}  # fmt: skip
_FIELD_COST: Final[dict[str, float]] = {
    "industry_code": 1.5,  # looked up from the business scope rather than read off the licence
    "rd_expense_ratio": 3.0,  # R&D spending over sales, worked out from the accounts
    "ic_line_width_nm": 1.0,  # a chip maker knows its process node
}


def question_cost(key: str) -> float:
    """The effort of answering ``key``, for ranking questions by what they settle per effort."""
    return _FIELD_COST.get(key) or _KIND_COST[PROFILE_FIELDS[key].kind]
