"""The pack README's coverage table: measure, kind, status, profile keys read, cases."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rules.cases import load_cases
from rules.derived import DERIVATIONS
from rules.pack import iter_conditions, load_pack

BEGIN = "<!-- coverage:begin -->"
END = "<!-- coverage:end -->"


def coverage_table(folder: Path) -> str:
    pack = load_pack(folder)
    cases = Counter(m for _, case in load_cases(folder) for m in case.expect)
    lines = [
        "| measure | title | kind | status | profile keys read | cases |",
        "|---|---|---|---|---|---|",
    ]
    for measure in pack.measures:
        keys: dict[str, None] = {}
        for provision in measure.provisions:
            for condition in iter_conditions(provision.criteria):
                derivation = DERIVATIONS.get(condition.field)
                for key in derivation.inputs if derivation else (condition.field,):
                    keys[key] = None
        read = ", ".join(f"`{k}`" for k in keys) or "—"
        lines.append(
            f"| {measure.id} | {measure.title.zh} | {measure.kind} | {measure.status} | {read} "
            f"| {cases[measure.id]} |"
        )
    return "\n".join(lines)


def refresh_readme(folder: Path) -> bool:
    """Rewrite the table between the markers of the pack's README; True if it changed."""
    readme = folder / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    updated = text[:start] + "\n" + coverage_table(folder) + "\n" + text[end:]
    if updated == text:
        return False
    readme.write_text(updated, encoding="utf-8")
    return True
