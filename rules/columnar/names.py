"""The columns the compiled path reads and writes, and the needs masks: one bit per profile key.

Every column name is made here from the constants of the profile and the derivations
(``rules.profile.PROFILE_KEYS``, ``rules.derived.DERIVATIONS``) or from a running number: no
name ever comes from a pack or an input file.

A *needs mask* is a UInt64 with one bit per profile key, bit ``i`` for ``PROFILE_KEYS[i]``: the
keys whose answer could settle an unknown fact (``Fact.needs`` in the engine), or the keys a
measure is missing. Decoding a mask yields its keys in profile order, the order in which the
engine lists a measure's missing keys.
"""

from __future__ import annotations

from functools import cache
from typing import Final

import polars as pl

from rules.derived import DERIVATIONS
from rules.profile import NULLABLE_KEYS, PROFILE_KEYS

if len(PROFILE_KEYS) > 64:  # pragma: no cover - a guard for a profile that outgrows the mask
    raise ImportError("the needs mask holds 64 profile keys; the profile has more")

BIT: Final[dict[str, int]] = {key: 1 << index for index, key in enumerate(PROFILE_KEYS)}
DERIVED_NAMES: Final[tuple[str, ...]] = tuple(DERIVATIONS)
FACT_NAMES: Final[frozenset[str]] = frozenset((*PROFILE_KEYS, *DERIVED_NAMES))

# Facts that can be known and still hold no value: "not yet profitable" (first_profit_year
# answered null) and what is derived from it (years_since_first_profit); each is known where
# that key was answered.
NULLABLE_FACTS: Final[dict[str, str]] = {
    **{key: key for key in NULLABLE_KEYS},
    "years_since_first_profit": "first_profit_year",
}

_ANSWERED = "__answered"
_NEEDS = "__needs"
_INFERRED = "__inferred"
_BITS = "__bits"
_COMPARISON = "__cmp"
_GROUP = "__group"


def answered_column(key: str) -> str:
    """For a key whose answer may be null: whether it was answered at all (Boolean)."""
    assert key in NULLABLE_KEYS, key
    return key + _ANSWERED


def needs_column(name: str) -> str:
    """The needs mask of a fact (UInt64; 0 where the fact is known)."""
    assert name in FACT_NAMES, name
    return name + _NEEDS


def inferred_column(key: str) -> str:
    """What the reference infers for a key from the industry code (joined from a table)."""
    assert key in PROFILE_KEYS, key
    return key + _INFERRED


def bits_column(key: str) -> str:
    """A tag list as a bitmask over its vocabulary."""
    assert key in PROFILE_KEYS, key
    return key + _BITS


def table_column(name: str) -> str:
    """A column of the industry-code table, named from a constant of rules.columnar.codes."""
    return "__code_" + name


def comparison_column(index: int) -> str:
    """The nullable Boolean result of the plan's ``index``-th distinct comparison."""
    return f"{_COMPARISON}{index}"


def group_column(index: int) -> str:
    """The nullable Boolean result of the plan's ``index``-th distinct all / any group."""
    return f"{_GROUP}{index}"


def group_mask_column(index: int) -> str:
    """The missing mask of the plan's ``index``-th distinct group."""
    return f"{_GROUP}{index}{_NEEDS}"


def verdict_column(measure_id: str) -> str:
    return f"{measure_id}.verdict"


def missing_column(measure_id: str) -> str:
    return f"{measure_id}.missing"


def bit(key: str) -> pl.Expr:
    """The key's bit, as a UInt64 literal."""
    return pl.lit(BIT[key], dtype=pl.UInt64())


def zero() -> pl.Expr:
    """The empty mask."""
    return pl.lit(0, dtype=pl.UInt64())


def bit_if(condition: pl.Expr, key: str) -> pl.Expr:
    """The key's bit where ``condition`` holds, else 0."""
    return pl.when(condition).then(bit(key)).otherwise(zero())


@cache
def decode_mask(mask: int) -> tuple[str, ...]:
    """The profile keys of a needs mask, in profile order."""
    return tuple(key for key in PROFILE_KEYS if mask & BIT[key])


def encode_keys(keys: tuple[str, ...] | list[str]) -> int:
    mask = 0
    for key in keys:
        mask |= BIT[key]
    return mask
