"""Every fact a condition can read, as columns: answers, inferences and derived facts.

``with_facts`` adds them to a frame of profiles (rules.columnar.frame) for one as-of date, in
three steps: the code table is joined on the industry code; the inferences from answers and the
derived facts are computed (and the tag lists turned into bitmasks over their vocabularies);
then the inferences that read the city. ``fact`` says which columns hold a fact: its value, when
it is known, and the needs mask where it is not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

import polars as pl

from rules.columnar.compare import TAG_VOCABULARIES
from rules.columnar.derived import derived_columns
from rules.columnar.inference import INFERABLE_KEYS, first_stage, join_codes, second_stage
from rules.columnar.names import (
    DERIVED_NAMES,
    FACT_NAMES,
    NULLABLE_FACTS,
    answered_column,
    bit,
    bits_column,
    needs_column,
)
from rules.fields import FieldKind, field_info


@dataclass(frozen=True)
class FactColumns:
    """Where a fact's value, knownness and needs are read (expressions over fixed columns)."""

    name: str
    kind: FieldKind
    value: pl.Expr
    known: pl.Expr
    needs: pl.Expr  # the needs mask, read where the fact is unknown
    nullable: bool  # known facts may hold null ("not yet profitable")
    bits: pl.Expr | None = None  # a tag list as a bitmask over its vocabulary


def _tag_bits(key: str) -> pl.Expr:
    vocabulary = {tag: 1 << index for index, tag in enumerate(TAG_VOCABULARIES[key])}
    as_bits = pl.element().replace_strict(vocabulary, return_dtype=pl.UInt64())
    return pl.col(key).list.eval(as_bits).list.sum().alias(bits_column(key))


def _masked_tags() -> tuple[str, ...]:
    return tuple(key for key, labels in TAG_VOCABULARIES.items() if len(labels) <= 64)


@cache
def fact(name: str) -> FactColumns:
    """The columns of the profile key or derived fact ``name``."""
    if name not in FACT_NAMES:
        raise KeyError(name)
    nullable = name in NULLABLE_FACTS
    value = pl.col(name)
    known = pl.col(answered_column(NULLABLE_FACTS[name])) if nullable else value.is_not_null()
    if name in DERIVED_NAMES or name in INFERABLE_KEYS:
        needs = pl.col(needs_column(name))
    else:
        needs = bit(name)
    bits = pl.col(bits_column(name)) if name in _masked_tags() else None
    return FactColumns(name, field_info(name).kind, value, known, needs, nullable, bits)


@lru_cache(maxsize=32)
def fact_stages(as_of: date) -> list[list[pl.Expr]]:
    """The expressions that add the facts, stage by stage (each reads the ones before); built
    once per date, never changed by callers."""
    first = [*first_stage(), *derived_columns(as_of), *(_tag_bits(k) for k in _masked_tags())]
    return [first, second_stage()]


def with_facts(frame: pl.LazyFrame, as_of: date) -> pl.LazyFrame:
    """``frame`` with every inferred and derived fact and its needs mask on ``as_of``."""
    frame = join_codes(frame)
    for stage in fact_stages(as_of):
        frame = frame.with_columns(stage)
    return frame
