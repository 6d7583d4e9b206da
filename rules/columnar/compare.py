"""The pack's operators over columns, with the semantics of ``rules.engine.compare``.

A condition's comparison is compiled once per plan into a ``Comparison``: plain data saying
which column operation decides it (equality with one of some values, a substring, a prefix, an
ordering, a tag in a set, a constant) and with which literal values. Python's comparisons are
followed exactly, cross-type cases included: a text never equals a number, ``True == 1.0``
holds, a null answer ("not yet profitable") meets no ordering comparison. For a boolean field
the accepted values are found by asking ``compare`` itself for true and for false; for a known
null the result is ``compare(op, None, threshold)``. A comparison the engine could not make (it
would raise, e.g. an ordering of a text with a number) is refused with ``PlanError`` when the
plan is compiled, never guessed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any, Final, Literal

import polars as pl

from rules.engine import compare
from rules.fields import FieldKind
from rules.vocabulary import ACTIVITIES, SECTORS, Labels

Form = Literal[
    "constant", "one_of", "substring", "within", "prefix", "order", "tags_any", "tags_equal"
]
ORDER_OPS: Final = frozenset({"gte", "gt", "lte", "lt"})
NEGATED: Final = {"ne": "eq", "not_in": "in"}
TAG_VOCABULARIES: Final[dict[str, Labels]] = {"sectors": SECTORS, "activities": ACTIVITIES}
_TEXT_KINDS: Final = frozenset({"text", "code", "enum"})
_NUMBER_KINDS: Final = frozenset({"int", "year", "number"})
_INT64: Final = 2**63
_EXACT_FLOAT: Final = 2**53


class PlanError(ValueError):
    """The pack cannot be compiled; the message names the condition and the reason."""


@dataclass(frozen=True)
class Comparison:
    """How a known value meets a condition: ``form`` over ``values``, negated if ``negate``.

    ``constant`` holds ``result`` whatever the value; ``one_of`` holds for a value equal to one
    of ``values``; ``substring`` for a text holding ``values[0]``; ``within`` for a text that
    ``values[0]`` holds; ``prefix`` for a text starting with one of ``values``; ``order`` for
    ``value <op> values[0]``; ``tags_any`` for a tag list holding one of ``values``;
    ``tags_equal`` for a tag list equal to ``values`` in order. ``when_null`` is the result for
    a known value that is null (None: the field has no such value).
    """

    form: Form
    values: tuple[Any, ...] = ()
    op: str = ""
    negate: bool = False
    result: bool = False
    when_null: bool | None = None


def _constant(result: bool) -> Comparison:
    return Comparison("constant", result=result)


def _number(value: Any, where: str) -> int | float:
    """A numeric threshold as polars can hold it exactly; a bool counts as 0 or 1."""
    number = int(value) if isinstance(value, bool) else value
    if isinstance(number, int) and abs(number) >= _EXACT_FLOAT:
        raise PlanError(f"{where}: {number} is beyond what a column compares exactly")
    return number


def _members(target: Any, where: str) -> list[Any]:
    if not isinstance(target, list | tuple):
        raise PlanError(f"{where}: 'in' and 'not_in' need a list of values")
    return list(target)


def _bool(op: str, target: Any, where: str) -> Comparison:
    try:
        accepted = tuple(v for v in (True, False) if compare(op, v, target))
    except (TypeError, ValueError) as error:
        raise PlanError(f"{where}: the engine cannot compare a boolean so: {error}") from None
    if len(accepted) != 1:
        return _constant(bool(accepted))
    return Comparison("one_of", accepted)


def _text(op: str, target: Any, where: str) -> Comparison:
    if op == "in" and isinstance(target, str):  # Python's `value in text`: a substring of it
        return Comparison("within", (target,))
    if op in ("eq", "in"):
        values = [target] if op == "eq" else _members(target, where)
        return Comparison("one_of", tuple(dict.fromkeys(v for v in values if isinstance(v, str))))
    if op == "contains" and isinstance(target, str):
        return Comparison("substring", (target,))
    if op == "prefix_in":
        prefixes = list(target) if isinstance(target, list | tuple | str) else [target]
        if all(isinstance(p, str) for p in prefixes):
            return Comparison("prefix", tuple(dict.fromkeys(prefixes)))
    if op in ORDER_OPS and isinstance(target, str):
        return Comparison("order", (target,), op=op)
    raise PlanError(f"{where}: operator '{op}' with {target!r} does not apply to a text")


def _number_comparison(op: str, target: Any, kind: FieldKind, where: str) -> Comparison:
    if op in ("eq", "in"):
        values = [target] if op == "eq" else _members(target, where)
        numbers = [
            _number(v, where)
            for v in values
            if isinstance(v, int | float) and not (isinstance(v, float) and math.isnan(v))
        ]
        if kind == "number":  # a float column: every number as a float (exact below 2**53)
            numbers = [float(v) for v in numbers]
        else:  # an integer column equals only whole numbers
            numbers = [int(v) for v in numbers if float(v).is_integer() and abs(v) < _INT64]
        return Comparison("one_of", tuple(dict.fromkeys(numbers)))
    if op in ORDER_OPS and isinstance(target, int | float):  # a bool too: True > 0
        if isinstance(target, float) and math.isnan(target):
            return _constant(False)
        return Comparison("order", (_number(target, where),), op=op)
    raise PlanError(f"{where}: operator '{op}' with {target!r} does not apply to a number")


def _date(op: str, target: Any, where: str) -> Comparison:
    if op in ("eq", "in"):
        values = [target] if op == "eq" else _members(target, where)
        return Comparison("one_of", tuple(dict.fromkeys(v for v in values if type(v) is date)))
    if op in ORDER_OPS and type(target) is date:
        return Comparison("order", (target,), op=op)
    raise PlanError(f"{where}: operator '{op}' with {target!r} does not apply to a date")


def _tags(op: str, target: Any, where: str) -> Comparison:
    if op == "contains":
        return Comparison("tags_any", (target,) if isinstance(target, str) else ())
    if op == "intersects":
        if not isinstance(target, list | tuple | str):
            raise PlanError(f"{where}: 'intersects' needs a list of tags")
        try:
            members = set(target)
        except TypeError:
            raise PlanError(f"{where}: 'intersects' needs a list of tags") from None
        return Comparison("tags_any", tuple(sorted(v for v in members if isinstance(v, str))))
    if op == "eq":
        if isinstance(target, list) and all(isinstance(v, str) for v in target):
            return Comparison("tags_equal", tuple(target))
        return _constant(False)
    raise PlanError(f"{where}: operator '{op}' with {target!r} does not apply to a tag list")


def _finish(comparison: Comparison, negate: bool) -> Comparison:
    if comparison.form == "constant":
        return _constant(comparison.result != negate)
    if comparison.form in ("one_of", "tags_any", "prefix") and not comparison.values:
        return _constant(negate)  # no value can match: never met, or always met negated
    return Comparison(
        comparison.form, comparison.values, comparison.op, negate, comparison.result, None
    )


def compile_comparison(
    kind: FieldKind, op: str, target: Any, nullable: bool, where: str
) -> Comparison:
    """The comparison ``op`` with ``target`` on a known value of a field of ``kind``.

    ``nullable``: the field can be known and null; its result then is the engine's own.
    """
    negate = op in NEGATED
    base = NEGATED.get(op, op)
    if kind == "bool":
        comparison = _bool(op, target, where)  # the engine's truth table: no negation to undo
        negate = False
    elif kind in _TEXT_KINDS:
        comparison = _text(base, target, where)
    elif kind in _NUMBER_KINDS:
        comparison = _number_comparison(base, target, kind, where)
    elif kind == "date":
        comparison = _date(base, target, where)
    elif kind == "tags":
        comparison = _tags(base, target, where)
    else:  # pragma: no cover - every FieldKind is handled above
        raise PlanError(f"{where}: no comparison for a {kind} field")
    comparison = _finish(comparison, negate)
    if not nullable:
        return comparison
    try:
        when_null = compare(op, None, target)
    except (TypeError, ValueError) as error:
        raise PlanError(f"{where}: the engine cannot compare a null answer so: {error}") from None
    return Comparison(
        comparison.form,
        comparison.values,
        comparison.op,
        comparison.negate,
        comparison.result,
        bool(when_null),
    )


def _tag_bits(key: str, tags: tuple[Any, ...]) -> int:
    vocabulary = list(TAG_VOCABULARIES[key])
    return sum(1 << vocabulary.index(tag) for tag in set(tags) if tag in vocabulary)


def _order(value: pl.Expr, op: str, limit: pl.Expr) -> pl.Expr:
    if op == "gte":
        return value.ge(limit)
    if op == "gt":
        return value.gt(limit)
    if op == "lte":
        return value.le(limit)
    return value.lt(limit)


def comparison_expr(
    comparison: Comparison, value: pl.Expr, field: str, bits: pl.Expr | None = None
) -> pl.Expr:
    """The comparison on a column of known values (null where the value is null).

    ``bits``: for a tag list whose vocabulary fits a mask, the list as a bitmask column.
    """
    form, values = comparison.form, comparison.values
    if form == "constant":
        return pl.lit(comparison.result)
    if form == "one_of":
        if len(values) == 1 and isinstance(values[0], bool):  # not 1 or 0: True == 1
            result = value if values[0] else ~value
        elif len(values) == 1:
            result = value == pl.lit(values[0])
        else:
            result = value.is_in(list(values))
    elif form == "substring":
        result = value.str.contains(values[0], literal=True)
    elif form == "within":
        result = pl.lit(values[0]).str.contains(value, literal=True)
    elif form == "prefix":
        result = pl.any_horizontal([value.str.starts_with(p) for p in values])
    elif form == "order":
        result = _order(value, comparison.op, pl.lit(values[0]))
    elif form == "tags_any":
        if bits is not None:
            result = (bits & pl.lit(_tag_bits(field, values), dtype=pl.UInt64())) != 0
        else:
            result = value.list.eval(pl.element().is_in(list(values))).list.any()
    else:  # tags_equal: the same tags in the same order
        result = value.list.len() == len(values)
        for index, tag in enumerate(values):
            result = result & (value.list.get(index, null_on_oob=True) == tag).fill_null(False)
        result = pl.when(value.is_null()).then(None).otherwise(result)
    return ~result if comparison.negate else result
