"""Which measures changed between two versions of a pack (``policy-check rules diff OLD NEW``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rules.pack import Measure, Pack


@dataclass(frozen=True)
class MeasureChange:
    measure: str
    change: str  # "added", "removed" or "changed"
    details: tuple[str, ...] = ()


def _criteria(measure: Measure) -> dict[str, Any]:
    return {p.id: p.criteria.model_dump(mode="json", by_alias=True) for p in measure.provisions}


def _compare(old: Measure, new: Measure) -> tuple[str, ...]:
    details = []
    for attribute in ("status", "kind", "clause"):
        if getattr(old, attribute) != getattr(new, attribute):
            details.append(f"{attribute} changed")
    old_criteria, new_criteria = _criteria(old), _criteria(new)
    for provision in sorted(old_criteria.keys() - new_criteria.keys()):
        details.append(f"provision {provision} removed")
    for provision in sorted(new_criteria.keys() - old_criteria.keys()):
        details.append(f"provision {provision} added")
    for provision in sorted(old_criteria.keys() & new_criteria.keys()):
        if old_criteria[provision] != new_criteria[provision]:
            details.append(f"criteria of {provision} changed")
    return tuple(details)


def diff_packs(old: Pack, new: Pack) -> list[MeasureChange]:
    """Measures added, removed, or whose criteria, status, kind or clause changed."""
    changes = [MeasureChange(i, "removed") for i in sorted(old.by_id.keys() - new.by_id.keys())]
    changes += [MeasureChange(i, "added") for i in sorted(new.by_id.keys() - old.by_id.keys())]
    for measure_id in sorted(old.by_id.keys() & new.by_id.keys()):
        details = _compare(old.by_id[measure_id], new.by_id[measure_id])
        if details:
            changes.append(MeasureChange(measure_id, "changed", details))
    return sorted(changes, key=lambda c: c.measure)
