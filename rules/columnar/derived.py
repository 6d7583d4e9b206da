"""rules.derived over columns: the derived facts of every row for one as-of date.

Each derivation yields its value column (named as the fact) and its needs mask (the unanswered
keys that would settle it where it is unknown), exactly as the engine's ``Fact``. They read
answers only (no derivation reads an inferable key) and the code table joined on the industry
code (rules.columnar.codes), whose size standard gives the SME figures' ceilings and floors.
Kleene logic does the three-valued work: "any figure below its ceiling" is an OR over nullable
comparisons, "every figure at its floor" an AND.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Final

import polars as pl

from rules.columnar.codes import (
    COVERED,
    NOT_COVERED,
    SIZE_FIGURES,
    SIZE_STATUS,
    TOO_COARSE,
    band_column,
)
from rules.columnar.frame import ANSWERED_KEYS
from rules.columnar.names import answered_column, bit, bit_if, needs_column, zero
from rules.derived import DERIVATIONS, PROFIT_WINDOW_YEARS
from rules.vocabulary import FTZ_ZONES, OUTSIDE_HUBEI

assert "first_profit_year" in ANSWERED_KEYS

# rules.derived: the R&D ratio the HTE rules require by sales band (国科发火〔2016〕32号).
HTE_BANDS: Final = ((5000, 5.0), (20000, 4.0))
HTE_ABOVE: Final = 3.0
PROFIT_WINDOWS: Final = {"profit_window_open": PROFIT_WINDOW_YEARS, "profit_window_10y_open": 10}


def _zone(as_of: date) -> list[pl.Expr]:
    zone = pl.col("zone")
    needs = bit_if(zone.is_null(), "zone")
    return [
        (zone != OUTSIDE_HUBEI).alias("in_hubei"),
        needs.alias(needs_column("in_hubei")),
        zone.is_in(sorted(FTZ_ZONES)).alias("in_ftz"),
        needs.alias(needs_column("in_ftz")),
    ]


def _unanswered(band: str) -> pl.Expr:
    """The figures a size band reads that are unanswered."""
    mask = zero()
    for figure in SIZE_FIGURES:
        used = pl.col(band_column(band, figure)).is_not_null()
        mask = mask | bit_if(used & pl.col(figure).is_null(), figure)
    return mask


def _any_below(band: str) -> pl.Expr:
    """Kleene OR of "figure < limit" over the figures the band reads."""
    terms = []
    for figure in SIZE_FIGURES:
        limit = pl.col(band_column(band, figure))
        terms.append(pl.when(limit.is_null()).then(False).otherwise(pl.col(figure) < limit))
    return pl.any_horizontal(terms)


def _all_at_least(band: str) -> pl.Expr:
    """Kleene AND of "figure >= floor" over the figures the band reads."""
    terms = []
    for figure in SIZE_FIGURES:
        floor = pl.col(band_column(band, figure))
        terms.append(pl.when(floor.is_null()).then(True).otherwise(pl.col(figure) >= floor))
    return pl.all_horizontal(terms)


def _size(as_of: date) -> list[pl.Expr]:
    status = pl.col(SIZE_STATUS)
    covered = (status == COVERED).fill_null(False)
    no_standard = status.is_null() | (status == TOO_COARSE)  # unanswered or too coarse a code
    not_covered = (status == NOT_COVERED).fill_null(False)
    sme = _any_below("ceiling")
    medium, small = _all_at_least("medium"), _all_at_least("small")
    medium_missing = pl.when(medium.is_null()).then(_unanswered("medium")).otherwise(zero())
    small_missing = pl.when(small.is_null()).then(_unanswered("small")).otherwise(zero())
    size_class = (
        pl.when(~covered)
        .then(pl.lit(None, dtype=pl.String()))
        .when(~sme)
        .then(pl.lit("large"))
        .when(sme.is_null())
        .then(None)
        .when(medium)
        .then(pl.lit("medium"))
        .when(~small)
        .then(pl.lit("micro"))
        .when(~medium & small)
        .then(pl.lit("small"))
        .otherwise(None)
    )
    return [
        pl.when(covered).then(sme).when(not_covered).then(False).otherwise(None).alias("is_sme"),
        pl.when(no_standard)
        .then(bit("industry_code"))
        .when(covered & sme.is_null())
        .then(_unanswered("ceiling"))
        .otherwise(zero())
        .alias(needs_column("is_sme")),
        size_class.alias("sme_class"),
        pl.when(no_standard)
        .then(bit("industry_code"))
        .when(~covered)
        .then(zero())  # no standard classes the body: unknown, and no answer would settle it
        .when(sme.is_null())
        .then(_unanswered("ceiling") | medium_missing)
        .when(size_class.is_null())
        .then(medium_missing | small_missing)
        .otherwise(zero())
        .alias(needs_column("sme_class")),
    ]


def _operating_years(as_of: date) -> list[pl.Expr]:
    established = pl.col("established")
    days = (pl.lit(as_of) - established).dt.total_days()
    return [
        (days / 365.25).round(2).alias("operating_years"),
        bit_if(established.is_null(), "established").alias(needs_column("operating_years")),
    ]


def _profit_year(as_of: date) -> list[pl.Expr]:
    year = pl.col("first_profit_year")
    answered = pl.col(answered_column("first_profit_year"))
    needs = bit_if(~answered, "first_profit_year")
    exprs = [
        (pl.lit(as_of.year) - year).alias("years_since_first_profit"),
        needs.alias(needs_column("years_since_first_profit")),
    ]
    for name, years in PROFIT_WINDOWS.items():
        window = pl.when(~answered).then(None).when(year.is_null()).then(True)
        exprs.append(window.otherwise(pl.lit(as_of.year) <= year + (years - 1)).alias(name))
        exprs.append(needs.alias(needs_column(name)))
    return exprs


def _hte(as_of: date) -> list[pl.Expr]:
    revenue, ratio = pl.col("annual_revenue"), pl.col("rd_expense_ratio")
    required = pl.lit(HTE_ABOVE)
    for ceiling, band_ratio in reversed(HTE_BANDS):
        required = pl.when(revenue <= ceiling).then(band_ratio).otherwise(required)
    required = pl.when(revenue.is_not_null()).then(required)
    lowest, highest = HTE_ABOVE, HTE_BANDS[0][1]
    met = (
        pl.when(ratio.is_null())
        .then(pl.lit(None, dtype=pl.Boolean()))
        .when(revenue.is_null())  # the band is unknown: only a ratio every band meets or none does
        .then(pl.when(ratio >= highest).then(True).when(ratio < lowest).then(False))
        .otherwise(ratio >= required)
    )
    return [
        required.alias("hte_rd_ratio_required"),
        bit_if(revenue.is_null(), "annual_revenue").alias(needs_column("hte_rd_ratio_required")),
        met.alias("hte_rd_ratio_met"),
        pl.when(ratio.is_null())
        .then(bit("rd_expense_ratio") | bit_if(revenue.is_null(), "annual_revenue"))
        .when(met.is_null())
        .then(bit("annual_revenue"))
        .otherwise(zero())
        .alias(needs_column("hte_rd_ratio_met")),
    ]


_BUILDERS: Final[tuple[Callable[[date], list[pl.Expr]], ...]] = (
    _zone,
    _size,
    _operating_years,
    _profit_year,
    _hte,
)


def derived_columns(as_of: date) -> list[pl.Expr]:
    """Every derived fact's value and needs mask on ``as_of``."""
    return [expr for build in _BUILDERS for expr in build(as_of)]


def _names() -> frozenset[str]:
    return frozenset(e.meta.output_name() for e in derived_columns(date(2000, 1, 1)))


_MISSING = set(DERIVATIONS) - _names()
if _MISSING:  # pragma: no cover - rules.derived grew a derivation
    raise ImportError(f"no columnar derivation for {sorted(_MISSING)}")
