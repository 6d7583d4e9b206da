"""Checks of a pack beyond what loading enforces: consistency that authors get wrong."""

from __future__ import annotations

from pathlib import Path

from rules.notice import split_measures
from rules.pack import Pack, PackError, load_pack


def lint_loaded(pack: Pack) -> list[str]:
    problems: list[str] = []
    clauses = split_measures(pack.notice)
    for measure in pack.measures:
        if clauses.get(measure.number) not in (None, measure.clause):
            problems.append(
                f"{measure.id}: clause differs from measure {measure.number} of the notice"
            )
        is_task = measure.kind == "government_task"
        if is_task != (measure.status == "government_task"):
            problems.append(
                f"{measure.id}: kind and status must both be government_task or neither"
            )
        if is_task and measure.provisions:
            problems.append(f"{measure.id}: a government task has no enterprise-facing provisions")
        if not is_task and not measure.provisions:
            problems.append(f"{measure.id}: a {measure.kind} needs at least one provision")
        if is_task and measure.context is None:
            problems.append(f"{measure.id}: a government task needs a context saying what it does")
        ids = [p.id for p in measure.provisions]
        for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
            problems.append(f"{measure.id}: provision id '{duplicate}' used twice")
    return problems


def lint_pack(folder: Path) -> list[str]:
    """Every problem of the pack in ``folder``, one line each; empty when clean."""
    try:
        pack = load_pack(folder)
    except PackError as error:
        return error.problems
    return lint_loaded(pack)
