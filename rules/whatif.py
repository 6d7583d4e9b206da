"""What would make a measure apply: the smallest change to the profile that turns a
``not_eligible`` into ``eligible`` (or at least into ``needs_info``), where one exists.

Only keys a company can act on are changed: where it registers (zone), what it does
(activities), statuses it can obtain (HTE, tech SME, 专精特新, software enterprise) and its
R&D ratio. Size, age, industry, sectors and identity are facts, not advice, and are never suggested.
Of those, only changes a company of its kind could make are proposed, the smallest first
(rules.plausibility): the FTZ area of its own city before another city's, no drug development
for a fruit importer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import combinations, product
from typing import Any, Final

from rules.derived import derive
from rules.engine import ConditionTrace, MeasureResult, Verdict, evaluate_provision
from rules.explain import value_text
from rules.fields import field_info
from rules.inference import infer
from rules.pack import Pack, Prerequisite, Provision
from rules.plausibility import change_cost
from rules.profile import Profile
from rules.vocabulary import FTZ_AREA_CITY, FTZ_ZONES

ACTIONABLE: Final = frozenset(
    {
        "zone",
        "activities",
        "high_tech_enterprise",
        "tech_sme",
        "specialized_sme",
        "software_enterprise",
        "rd_expense_ratio",
    }
)
MAX_CHANGES: Final = 2
MAX_SUGGESTIONS: Final = 3

Change = tuple[str, Any]  # (profile key, new value)


@dataclass(frozen=True)
class Suggestion:
    changes: tuple[Change, ...]
    verdict: Verdict  # what the measure becomes with the changes
    provision_id: str
    prerequisites: tuple[Prerequisite, ...]
    cost: float = 0.0  # how large the changes are for this company (rules.plausibility)


def _candidates(trace: ConditionTrace, facts: dict[str, Any]) -> list[Change]:
    """Values of an actionable key that would meet this failed condition."""
    condition = trace.condition
    field, op, target = condition.field, condition.op, trace.threshold
    if field == "in_ftz" and op == "eq" and target is True:
        own = [zone for zone, city in FTZ_AREA_CITY.items() if city == facts.get("city")]
        return [("zone", zone) for zone in [*own, *sorted(FTZ_ZONES - set(own))]]
    if field == "in_hubei" and op == "eq" and target is True:
        return [("zone", "hubei_other")]
    if field == "hte_rd_ratio_met" and target is True and "annual_revenue" in facts:
        required = derive("hte_rd_ratio_required", facts, date.today()).value
        return [("rd_expense_ratio", required)]
    if field not in ACTIONABLE:
        return []
    current = facts.get(field)
    if op == "eq":
        return [(field, target)]
    if op == "in":
        return [(field, value) for value in target]
    if op in ("contains", "intersects"):
        tags = [target] if op == "contains" else list(target)
        have = list(current or [])
        return [(field, [*have, tag]) for tag in tags if tag not in have]
    if op in ("gte", "gt") and isinstance(target, int | float):
        return [(field, target if op == "gte" else target + 0.1)]
    return []


_STATUS_PHRASES: Final = {
    "high_tech_enterprise": (
        "取得高新技术企业证书",
        "you obtained a high-tech enterprise certificate",
    ),
    "tech_sme": ("入库科技型中小企业", "you registered as a tech-based SME"),
    "specialized_sme": ("获评专精特新企业", "you were recognised as a specialised SME"),
    "software_enterprise": ("成为软件企业", "you qualified as a software enterprise"),
}


def _describe_change(change: Change, before: dict[str, Any], lang: str) -> str:
    field, value = change
    zh = lang == "zh"
    if field == "zone":
        where = value_text(field, value, lang)
        return f"在{where}注册经营" if zh else f"you registered and operated in the {where}"
    if field == "activities":
        added = [v for v in value if v not in (before.get(field) or [])]
        what = value_text(field, added, lang)
        return f"开展“{what}”" if zh else f"you took up: {what}"
    if field == "rd_expense_ratio":
        return f"研发费用占销售收入比例达到{value:g}%" if zh else f"R&D reached {value:g}% of sales"
    phrase = _STATUS_PHRASES.get(field)
    if phrase is not None and value is True:
        return phrase[0] if zh else phrase[1]
    return f"{field_info(field).question(lang)} → {value_text(field, value, lang)}"


def describe(suggestion: Suggestion, before: dict[str, Any], lang: str) -> str:
    """A suggestion in words: the changes, what it opens, and what to obtain first."""
    parts = [_describe_change(change, before, lang) for change in suggestion.changes]
    zh = lang == "zh"
    joined = ("并" if zh else " and ").join(parts)
    outcome = {
        "eligible": ("即可适用", "it would apply"),
        "needs_info": ("可能适用（仍需补充信息）", "it could apply (more answers needed)"),
    }.get(suggestion.verdict, ("", ""))
    text = f"若{joined}，{outcome[0]}" if zh else f"If {joined}, {outcome[1]}"
    for prerequisite in suggestion.prerequisites:
        need = prerequisite.text.get(lang)
        how = prerequisite.how.get(lang)
        if zh:
            text += f"。需先取得{need}：{how}"
        else:
            text += f". First obtain {need[:1].lower() + need[1:]}: {how}"
    if any(key == "high_tech_enterprise" for key, _ in suggestion.changes):
        text += _hte_hint(before, lang)
    return text


def _hte_hint(facts: dict[str, Any], lang: str) -> str:
    """How far the company's R&D ratio is from what an HTE needs (国科发火〔2016〕32号)."""
    required = derive("hte_rd_ratio_required", facts, date.today())
    if not required.known or "rd_expense_ratio" not in facts:
        return ""
    have, need = facts["rd_expense_ratio"], required.value
    if have >= need:
        if lang == "zh":
            return f"（您的研发费用占比{have:g}%已达到高企要求的{need:g}%）"
        return f" (your R&D ratio of {have:g}% already meets the {need:g}% an HTE needs)"
    if lang == "zh":
        return f"（高企要求研发费用占比不低于{need:g}%，您目前为{have:g}%）"
    return f" (an HTE needs R&D of at least {need:g}% of sales; yours is {have:g}%)"


def what_would_apply(
    pack: Pack, profile: Profile, result: MeasureResult, as_of: date
) -> list[Suggestion]:
    """The smallest actionable changes that turn this not-eligible measure around."""
    if result.verdict != "not_eligible":
        return []
    facts = profile.facts()
    # What the company is, for judging which changes fit it: answers, inferences, its size.
    before = {**{k: i.value for k, i in infer(facts).items()}, **facts}
    before["is_sme"] = derive("is_sme", before, as_of).value
    found: list[Suggestion] = []
    for provision in result.provisions:
        failed = [c for c in provision.conditions if c.result == "not_met"]
        for size in range(1, min(MAX_CHANGES, len(failed)) + 1):
            suggestion = next(
                (
                    s
                    for chosen in combinations(failed, size)
                    if (
                        s := _cheapest_that_works(
                            pack, facts, before, provision.provision, chosen, as_of
                        )
                    )
                ),
                None,
            )
            if suggestion is not None:
                found.append(suggestion)
                break  # the smallest change for this provision
    found.sort(key=lambda s: (s.verdict != "eligible", s.cost, len(s.changes)))
    distinct: dict[frozenset[str], Suggestion] = {}
    for suggestion in found:  # two provisions opened by the same change count once
        distinct.setdefault(frozenset(repr(c) for c in suggestion.changes), suggestion)
    return list(distinct.values())[:MAX_SUGGESTIONS]


def _cheapest_that_works(
    pack: Pack,
    facts: dict[str, Any],
    before: dict[str, Any],
    provision: Provision,
    chosen: tuple[ConditionTrace, ...],
    as_of: date,
) -> Suggestion | None:
    """Of the changes meeting the ``chosen`` failed conditions, the one that opens the
    provision (eligible before needs-info) at the least cost to this company."""
    best: Suggestion | None = None
    options = [_candidates(trace, before) for trace in chosen]
    for combo in product(*options):
        changes = dict(combo)
        if len(changes) != len(combo):
            continue  # two conditions asking different things of one key
        costs = [change_cost(change, before) for change in combo]
        if None in costs:
            continue  # not a change a company of its kind could make
        cost = sum(c for c in costs if c is not None)
        outcome = evaluate_provision(pack, {**facts, **changes}, provision, as_of)
        if outcome == "not_met":
            continue
        verdict: Verdict = "eligible" if outcome == "met" else "needs_info"
        prerequisites = tuple(p for p in provision.prerequisites if p.field in changes)
        found = Suggestion(tuple(combo), verdict, provision.id, prerequisites, cost)
        if best is None or (found.verdict != "eligible", found.cost) < (
            best.verdict != "eligible",
            best.cost,
        ):
            best = found
    return best
