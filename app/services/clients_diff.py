"""What changed between two assessments of a client: measures gained, lost or otherwise moved."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class VerdictChange:
    measure: str
    before: str | None  # None: the measure was not in the earlier pack
    after: str | None  # None: the measure is not in the later pack


@dataclass(frozen=True)
class VerdictDiff:
    changes: tuple[VerdictChange, ...]

    @property
    def gained(self) -> list[str]:
        """Measures that apply now and did not before."""
        return [c.measure for c in self.changes if c.after == "eligible"]

    @property
    def lost(self) -> list[str]:
        """Measures that applied before and no longer do."""
        return [c.measure for c in self.changes if c.before == "eligible"]

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def describe(self) -> str:
        """One line, e.g. ``+m05 -m12 m30: needs_info→not_eligible``."""
        parts = [f"+{m}" for m in self.gained] + [f"-{m}" for m in self.lost]
        parts += [
            f"{c.measure}: {c.before or '(new)'}→{c.after or '(removed)'}"
            for c in self.changes
            if "eligible" not in (c.before, c.after)
        ]
        return " ".join(parts) if parts else "no change"


def _measure_order(measure: str) -> tuple[int, str]:
    digits = measure.lstrip("m")
    return (int(digits), measure) if digits.isdigit() else (10**6, measure)


def diff_verdicts(before: dict[str, str], after: dict[str, str]) -> VerdictDiff:
    """The measures whose verdict differs between two assessments, in measure order."""
    measures = sorted(before.keys() | after.keys(), key=_measure_order)
    return VerdictDiff(
        tuple(
            VerdictChange(m, before.get(m), after.get(m))
            for m in measures
            if before.get(m) != after.get(m)
        )
    )
