"""rules.inference over columns: what a consultant infers for unanswered keys, for every row.

An answer always wins: each inferable key's column becomes ``coalesce(answer, inference)``. Where
neither settles it, its needs mask holds the key itself and the keys the inference reads that
are not known either (answered or inferred), as ``_Evaluation._fact`` in rules/engine.py makes
them.

- From the industry code: the institution kinds, IC and software enterprise and the IC role,
  read from the code table (rules.columnar.codes), which holds what ``rules.inference.infer``
  gives for every valid code.
- The city from the division code in characters 3-8 of the credit code (six digits first, then
  the first four), overridden by the zone where the company is outside Hubei.
- East Lake from the zone, else from the city; the Han River basin from the city.

The zone and city tables are the reference's own answers: ``infer`` asked once per zone and
once per city, so the columns agree with it by construction.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Final

import polars as pl

from rules.columnar.codes import INDUSTRY_KEYS, code_table
from rules.columnar.names import bit, bit_if, inferred_column, needs_column, zero
from rules.inference import HUBEI_DIVISIONS, INFERRED_FROM, infer
from rules.vocabulary import CITIES, ZONES

INFERABLE_KEYS: Final[tuple[str, ...]] = tuple(INFERRED_FROM)
_HANDLED: Final = frozenset({*INDUSTRY_KEYS, "city", "in_east_lake", "in_han_river_basin"})
if set(INFERABLE_KEYS) != _HANDLED:  # pragma: no cover - rules.inference grew a new inference
    raise ImportError(f"no columnar inference for {sorted(set(INFERABLE_KEYS) - _HANDLED)}")


@cache
def _probe(key: str, source: str, domain: tuple[str, ...]) -> dict[str, Any]:
    """What ``infer`` gives for ``key`` from each value of ``source`` alone; None: nothing."""
    found = {value: infer({source: value}).get(key) for value in domain}
    return {value: None if i is None else i.value for value, i in found.items()}


def _lookup(expr: pl.Expr, table: dict[str, Any], dtype: pl.DataType) -> pl.Expr:
    decided = {k: v for k, v in table.items() if v is not None}
    if not decided:
        return pl.lit(None, dtype=dtype)
    return expr.replace_strict(decided, default=None, return_dtype=dtype)


def join_codes(frame: pl.LazyFrame) -> pl.LazyFrame:
    """The frame with the code table's columns joined on the industry code (null if none)."""
    return frame.join(code_table().lazy(), on="industry_code", how="left", maintain_order="left")


def _unknown(key: str, inferred: pl.Expr) -> pl.Expr:
    return pl.col(key).is_null() & inferred.is_null()


def _needs(key: str, unknown: pl.Expr) -> pl.Expr:
    """The key and the keys its inference reads that are not known (rules.inference's
    INFERRED_FROM); every source column is read after its own inference has run."""
    needs = bit(key)
    for source in INFERRED_FROM[key]:
        needs = needs | bit_if(pl.col(source).is_null(), source)
    return pl.when(unknown).then(needs).otherwise(zero()).alias(needs_column(key))


def credit_code_city() -> pl.Expr:
    """The Hubei city of the credit code's registering authority (GB/T 2260 division code)."""
    code = pl.col("credit_code")
    by_length: dict[int, dict[str, str]] = {}
    for division, city in HUBEI_DIVISIONS.items():
        by_length.setdefault(len(division), {})[division] = city
    lookups = [
        code.str.slice(2, length).replace_strict(table, default=None, return_dtype=pl.String())
        for length, table in sorted(by_length.items(), reverse=True)
    ]
    return pl.coalesce(lookups)


def first_stage() -> list[pl.Expr]:
    """The inferences that read answers only: from the industry code, the credit code, the zone."""
    exprs: list[pl.Expr] = []
    for key in INDUSTRY_KEYS:
        inferred = pl.col(inferred_column(key))
        exprs.append(pl.coalesce(pl.col(key), inferred).alias(key))
        exprs.append(_needs(key, _unknown(key, inferred)))
    zone_city = _lookup(pl.col("zone"), _probe("city", "zone", tuple(ZONES)), pl.String())
    city = pl.coalesce(zone_city, credit_code_city())  # the zone overrides the credit code
    exprs.append(pl.coalesce(pl.col("city"), city).alias("city"))
    exprs.append(_needs("city", _unknown("city", city)))
    return exprs


def second_stage() -> list[pl.Expr]:
    """The inferences that read the city, answered or inferred (after ``first_stage``)."""
    city, zone = pl.col("city"), pl.col("zone")
    by_zone = _lookup(zone, _probe("in_east_lake", "zone", tuple(ZONES)), pl.Boolean())
    by_city = _lookup(city, _probe("in_east_lake", "city", tuple(CITIES)), pl.Boolean())
    east_lake = pl.coalesce(by_zone, by_city)  # the zone decides first, as in rules.inference
    basin = _lookup(city, _probe("in_han_river_basin", "city", tuple(CITIES)), pl.Boolean())
    return [
        pl.coalesce(pl.col("in_east_lake"), east_lake).alias("in_east_lake"),
        _needs("in_east_lake", _unknown("in_east_lake", east_lake)),
        pl.coalesce(pl.col("in_han_river_basin"), basin).alias("in_han_river_basin"),
        _needs("in_han_river_basin", _unknown("in_han_river_basin", basin)),
    ]
