"""Checks of a pack beyond what loading enforces: consistency that authors get wrong.

- each measure of the notice is in the pack, with its clause exactly as the notice has it;
- kind and status agree, and government tasks carry no provisions but a context;
- every condition's operator suits its field, and its values are known tags or enum values;
- every provision can be met by some profile (no contradictory or unreachable criteria);
- Chinese texts are Chinese and English texts English (a missing translation shows up as a
  copy of the other language), the names in the table of renamed bodies too;
- the test cases in ``cases/`` read as cases.

The whole folder is read first, cases included (rules.pack_folder): a hostile file (a YAML bomb,
a Python tag, a FIFO, a link out of the folder, a file too large or not UTF-8) refuses the pack
whole, one line per such file, before any of it is parsed.
"""

from __future__ import annotations

import re
from itertools import product
from pathlib import Path
from typing import Any, Final

from rules.cases import CasesError, load_cases
from rules.engine import evaluate_measure
from rules.fields import FieldInfo, field_info
from rules.notice import split_measures
from rules.pack import Condition, Measure, Pack, PackError, Text, iter_conditions, load_pack

_CJK = re.compile(r"[\u4e00-\u9fff]")
_OPS_BY_KIND: Final[dict[str, frozenset[str]]] = {
    "bool": frozenset({"eq", "ne"}),
    "enum": frozenset({"eq", "ne", "in", "not_in"}),
    "tags": frozenset({"contains", "intersects"}),
    "int": frozenset({"eq", "ne", "gte", "gt", "lte", "lt"}),
    "number": frozenset({"eq", "ne", "gte", "gt", "lte", "lt"}),
    "year": frozenset({"eq", "ne", "gte", "gt", "lte", "lt"}),
    "code": frozenset({"eq", "ne", "in", "not_in", "prefix_in"}),
    "date": frozenset({"gte", "gt", "lte", "lt"}),
    "text": frozenset({"eq", "ne"}),
}
MAX_COMBINATIONS: Final = 20_000


def _condition_problems(where: str, condition: Condition, info: FieldInfo) -> list[str]:
    problems = []
    if condition.op not in _OPS_BY_KIND[info.kind]:
        problems.append(f"{where}: operator '{condition.op}' does not suit {info.kind} field")
    if condition.param is None and info.vocabulary is not None:
        for value in condition.values():
            if value not in info.vocabulary:
                problems.append(f"{where}: '{value}' is not a known value of {condition.field}")
    if info.kind == "bool" and condition.param is None and not isinstance(condition.value, bool):
        problems.append(f"{where}: {condition.field} compares with true or false")
    return problems


def _text_problems(where: str, text: Text) -> list[str]:
    problems = []
    if not _CJK.search(text.zh):
        problems.append(f"{where}: the Chinese text has no Chinese in it")
    if _CJK.search(text.en) and not _mostly_latin(text.en):
        problems.append(f"{where}: the English text looks untranslated")
    return problems


def _mostly_latin(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return sum(ch.isascii() for ch in letters) >= len(letters) / 2


def _texts(measure: Measure) -> list[tuple[str, Text]]:
    found: list[tuple[str, Text]] = [(f"{measure.id}.title", measure.title)]
    if measure.context is not None:
        found.append((f"{measure.id}.context", measure.context))
    for provision in measure.provisions:
        base = f"{measure.id}/{provision.id}"
        found += [
            (f"{base}.title", provision.title),
            (f"{base}.gains", provision.gains),
            (f"{base}.next_step", provision.next_step),
            (f"{base}.office", provision.office),
        ]
        found += [(f"{base}.documents", d) for d in provision.documents]
        found += [(f"{base}/{c.id}.text", c.text) for c in iter_conditions(provision.criteria)]
    return found


def _renamed_body_problems(pack: Pack) -> list[str]:
    problems: list[str] = []
    for number, body in enumerate(pack.manifest.renamed_bodies):
        where = f"pack.yaml: renamed_bodies.{number}"
        problems += _text_problems(f"{where}.new", body.new)
        problems += [
            f"{where}.old.zh: '{spelling}' has no Chinese in it"
            for spelling in body.old.zh
            if not _CJK.search(spelling)
        ]
        problems += [
            f"{where}.old.en: '{spelling}' looks untranslated"
            for spelling in body.old.en
            if _CJK.search(spelling)
        ]
    return problems


def _sample_values(conditions: list[Condition], field: str) -> list[Any]:
    """Values of ``field`` worth trying: each compared value, and values either side of it."""
    info = field_info(field)
    if info.kind == "bool":
        return [True, False]
    if info.kind == "tags":
        tags: list[Any] = []
        for condition in conditions:
            tags += condition.values()
        return [[], *[[t] for t in dict.fromkeys(tags)], list(dict.fromkeys(tags))]
    if info.vocabulary is not None:
        return list(info.vocabulary)
    samples: list[Any] = []
    for condition in conditions:
        for value in condition.values():
            if isinstance(value, int | float) and not isinstance(value, bool):
                samples += [value - 1, value, value + 1]
            elif value is not None:
                samples.append(value)
    return list(dict.fromkeys(samples)) or [None]


def unreachable_provisions(pack: Pack, measure: Measure) -> list[str]:
    """Provisions that no combination of answers can meet (a contradiction in the criteria)."""
    problems = []
    as_of = pack.manifest.document.published
    for provision in measure.provisions:
        conditions = [c for c in iter_conditions(provision.criteria) if c.param is None]
        fields = sorted({c.field for c in conditions})
        options = [_sample_values([c for c in conditions if c.field == f], f) for f in fields]
        total = 1
        for values in options:
            total *= len(values)
        if total > MAX_COMBINATIONS:
            continue
        single = measure.model_copy(update={"provisions": [provision]})
        reachable = False
        for combo in product(*options):
            facts = dict(zip(fields, combo, strict=True))
            if evaluate_measure(pack, facts, single, as_of).provisions[0].result == "met":
                reachable = True
                break
        if not reachable:
            problems.append(f"{measure.id}/{provision.id}: no answers can meet these criteria")
    return problems


def lint_loaded(pack: Pack) -> list[str]:
    problems: list[str] = _renamed_body_problems(pack)
    clauses = split_measures(pack.notice)
    for number in sorted(set(clauses) - {m.number for m in pack.measures}):
        problems.append(f"m{number:02d}: measure {number} of the notice is not in the pack")
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
        for provision in measure.provisions:
            for condition in iter_conditions(provision.criteria):
                where = f"{measure.id}/{provision.id}/{condition.id}"
                problems += _condition_problems(where, condition, field_info(condition.field))
        for where, text in _texts(measure):
            problems += _text_problems(where, text)
        problems += unreachable_provisions(pack, measure)
    return problems


def lint_pack(folder: Path) -> list[str]:
    """Every problem of the pack in ``folder``, one line each; empty when clean."""
    try:
        pack = load_pack(folder)
    except PackError as error:
        return error.problems
    problems = lint_loaded(pack)
    try:
        load_cases(folder)
    except CasesError as error:
        problems += error.problems
    return problems
