"""Every valid GB/T 4754-2017 industry code with what the reference reads off it, as a table.

The compiled path joins this table on ``industry_code`` instead of running the prefix rules row
by row. Each row is what the explaining engine's own functions give for that code: the
institution kinds, IC and software enterprise and the IC role that ``rules.inference.infer``
infers from it (the most specific rule, i.e. the longest matching prefix, decides), and the size
standard that ``rules.sme_standard.standard_for`` applies (the 2011 standard by industry, the 2015
finance standard for section J), with its ceilings and floors spread over one column per figure.
The table holds every code ``rules.industry`` accepts (sections, divisions, groups and classes),
so a validated profile always finds its row.
"""

from __future__ import annotations

from functools import cache
from typing import Final

import polars as pl

from rules.columnar.names import inferred_column, table_column
from rules.industry import industry_table
from rules.inference import INFERRED_FROM, infer
from rules.sme_standard import NotCovered, SizeStandard, standard_for

# The keys inferred from the industry code alone.
INDUSTRY_KEYS: Final[tuple[str, ...]] = tuple(
    key for key, sources in INFERRED_FROM.items() if sources == ("industry_code",)
)
SIZE_FIGURES: Final[tuple[str, ...]] = ("employees", "annual_revenue", "total_assets")
SIZE_BANDS: Final[tuple[str, ...]] = ("ceiling", "medium", "small")

# How the size standard treats a code.
COVERED: Final = 0  # a standard classes it
NOT_COVERED: Final = 1  # no standard classes it (central bank, supervisors, public bodies)
TOO_COARSE: Final = 2  # the code is too coarse to tell which standard applies

SIZE_STATUS: Final = table_column("size_status")


def band_column(band: str, figure: str) -> str:
    """The limit of ``figure`` in ``band`` (ceiling, medium or small floor); null if not used."""
    assert band in SIZE_BANDS and figure in SIZE_FIGURES, (band, figure)
    return table_column(f"{band}_{figure}")


@cache
def valid_codes() -> tuple[str, ...]:
    """Every code rules.industry accepts: sections, divisions, groups and classes."""
    table = industry_table()
    codes = list(table.sections)
    codes += [section + division for division, (section, _) in table.divisions.items()]
    codes += [table.divisions[detail[:2]][0] + detail for detail in table.details]
    for code in codes:
        assert table.check(code) == code, code
    return tuple(sorted(codes))


def _size_row(code: str) -> dict[str, object]:
    try:
        standard: SizeStandard | None = standard_for(code)
    except NotCovered:
        return {SIZE_STATUS: NOT_COVERED}
    if standard is None:
        return {SIZE_STATUS: TOO_COARSE}
    row: dict[str, object] = {SIZE_STATUS: COVERED}
    for band, limits in zip(
        SIZE_BANDS, (standard.ceilings, standard.medium, standard.small), strict=True
    ):
        for figure, limit in limits:
            row[band_column(band, figure)] = float(limit)
    return row


@cache
def code_table() -> pl.DataFrame:
    """One row per valid industry code: its inferences and its size standard."""
    schema: dict[str, pl.DataType] = {"industry_code": pl.String()}
    schema |= {inferred_column(key): pl.Boolean() for key in INDUSTRY_KEYS if key != "ic_role"}
    if "ic_role" in INDUSTRY_KEYS:
        schema[inferred_column("ic_role")] = pl.String()
    schema[SIZE_STATUS] = pl.Int8()
    schema |= {band_column(b, f): pl.Float64() for b in SIZE_BANDS for f in SIZE_FIGURES}
    rows = []
    for code in valid_codes():
        inferred = infer({"industry_code": code})
        assert set(inferred) <= set(INDUSTRY_KEYS), (code, sorted(inferred))
        row: dict[str, object] = {"industry_code": code}
        for key in INDUSTRY_KEYS:
            inference = inferred.get(key)
            row[inferred_column(key)] = None if inference is None else inference.value
        row |= _size_row(code)
        rows.append(row)
    return pl.DataFrame(rows, schema=schema, orient="row")
