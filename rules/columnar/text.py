"""Table cells read as text, converted to the compiled path's typed columns column by column.

``rules.tabular.profile_from_row`` turns one row of text cells into a profile (and refuses it
with reasons). This module does the same work over whole columns at once for the rows whose
cells are plainly written, and marks every other row *to check one by one*. Plainly written
means a cell the row-wise conversion reads in exactly one way, which this module reproduces:

- blank (only whitespace) or absent: unknown;
- text (``name``): 1 to 200 characters; an enum: one of its values as written;
- a credit code already in canonical form with the right check character; an industry code of
  GB/T 4754-2017 as written;
- a list of known values written in lower-case ASCII, separated by ``; , ， ； 、 |``, no value
  twice (a cell of separators only is the empty list, an answer);
- yes/no words of ``rules.tabular`` (ASCII in any case, or the Chinese words as written);
- whole numbers of up to 18 ASCII digits, decimal numbers of up to 15 digits (thousands commas
  allowed), dates ``YYYY-MM-DD`` that exist, each within its field's bounds (read from
  ``rules.profile.Profile``, so a bound changed there is changed here);
- ``first_profit_year``'s words for "not yet profitable";
- a zone and a city that can both be true; no cell in a column that is not a profile key.

Anything else (a full-width digit, an exponent, a lower-case credit code, a contradiction, an
unknown column) sends the row to ``profile_from_row``, which accepts it or says why not: the
result is the same as if every row had gone that way, only faster.
``tests/rules/test_columnar_text.py`` compares the two over generated and hostile cells.
"""

from __future__ import annotations

import itertools
import re
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

import annotated_types
import polars as pl

from rules.columnar.codes import valid_codes
from rules.columnar.frame import ANSWERED_KEYS, SCHEMA, credit_code_valid
from rules.columnar.names import answered_column
from rules.fields import PROFILE_FIELDS
from rules.profile import PROFILE_KEYS, Profile
from rules.tabular import FALSE_WORDS, NOT_YET_WORDS, TRUE_WORDS
from rules.vocabulary import FTZ_AREA_CITY

#: Every character Python's ``str.strip()`` removes (``str.isspace``), so that a cell is
#: trimmed here exactly as the row-wise conversion trims it.
PY_WHITESPACE: Final = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_ASCII: Final = r"^[\x00-\x7f]*$"
_WHOLE: Final = r"^-?[0-9]{1,18}$"
# Digits and an optional fraction, at most 15 digits in all (with the point, 16 characters),
# so that every parser rounds the value the same way. Thousands commas go the row path.
_DECIMAL: Final = r"^[0-9]+(\.[0-9]*)?$"
_DECIMAL_LENGTH: Final = 16
_DATE: Final = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_TAG: Final = r"[a-z0-9_]+"
_SEPARATOR: Final = "[;,，；、|]"  # rules.tabular's separators
_GAP: Final = "[ ;,，；、|]"  # separators and the spaces around them


@dataclass(frozen=True)
class Bounds:
    """A field's bounds as the profile model declares them."""

    ge: float | None = None
    gt: float | None = None
    le: float | None = None
    max_length: int | None = None


@cache
def field_bounds(key: str) -> Bounds:
    """The Ge/Gt/Le/MaxLen constraints of a profile key, wherever pydantic keeps them."""
    field = Profile.model_fields[key]
    metadata: list[Any] = list(field.metadata)
    for arg in typing.get_args(field.annotation):
        for extra in getattr(arg, "__metadata__", ()):
            metadata += getattr(extra, "metadata", [])
    found: dict[str, Any] = {}
    for item in metadata:
        if isinstance(item, annotated_types.Ge):
            found["ge"] = item.ge
        elif isinstance(item, annotated_types.Gt):
            found["gt"] = item.gt
        elif isinstance(item, annotated_types.Le):
            found["le"] = item.le
        elif isinstance(item, annotated_types.MaxLen):
            found["max_length"] = item.max_length
    return Bounds(**found)


@dataclass(frozen=True)
class TextRead:
    """The typed frame (``rules.columnar.frame.SCHEMA``) and which rows it holds for sure.

    ``plain`` is True for a row every cell of which was read here; the frame's values on other
    rows mean nothing, and those rows go through ``rules.tabular.profile_from_row``.
    """

    frame: pl.DataFrame
    plain: pl.Series


def _within(value: pl.Expr, bounds: Bounds) -> pl.Expr:
    ok = pl.lit(True)
    if bounds.ge is not None:
        ok = ok & (value >= bounds.ge)
    if bounds.gt is not None:
        ok = ok & (value > bounds.gt)
    if bounds.le is not None:
        ok = ok & (value <= bounds.le)
    return ok


@cache
def _tag_cell(vocabulary: tuple[str, ...]) -> str:
    """A regular expression for a cell listing known values only, separated."""
    assert all(re.fullmatch(_TAG, tag) for tag in vocabulary), "a value must be its own token"
    word = "(?:" + "|".join(sorted(vocabulary, key=len, reverse=True)) + ")"
    between = f" *{_SEPARATOR}{_GAP}*"  # "a b", without a separator, is one value
    return f"^{_GAP}*(?:{word}(?:{between}{word})*)?{_GAP}*$"


@cache
def _yes_no() -> dict[str, bool]:
    """Every cell ``rules.tabular`` reads as yes or no: the ASCII words in any case, the others
    as written (``str.lower()`` leaves Chinese as it is)."""
    cells: dict[str, bool] = {}
    for words, meaning in ((TRUE_WORDS, True), (FALSE_WORDS, False)):
        for word in words:
            cased = ["".join(c) for c in itertools.product(*({ch, ch.upper()} for ch in word))]
            cells.update(dict.fromkeys(cased if word.isascii() else [word], meaning))
    return cells


def _words(cell: pl.Expr, words: frozenset[str]) -> pl.Expr:
    """Whether a cell is one of ``words`` as ``str.lower()`` compares (ASCII cells in any
    case; other cells exactly as written, which is how the Chinese words are written)."""
    ascii_words = [w for w in words if w.isascii()]
    other_words = [w for w in words if not w.isascii()]
    is_ascii = cell.str.contains(_ASCII)
    return (is_ascii & cell.str.to_lowercase().is_in(ascii_words)) | cell.is_in(other_words)


def _read(key: str, cell: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """A key's typed value and whether the cell was read here (null cells count as read)."""
    info = PROFILE_FIELDS[key]
    bounds = field_bounds(key)
    if info.kind == "text":
        limit = bounds.max_length or 1 << 30
        no_nul = ~cell.str.contains("\x00", literal=True)  # rules.profile._no_nul
        return cell, cell.is_not_null() & (cell.str.len_chars() <= limit) & no_nul
    if info.kind == "enum":
        assert info.vocabulary is not None
        return cell, cell.is_null() | cell.is_in(list(info.vocabulary))
    if key == "credit_code":
        return cell, cell.is_null() | credit_code_valid(cell)
    if key == "industry_code":
        return cell, cell.is_null() | cell.is_in(valid_codes())
    if info.kind == "tags":
        assert info.vocabulary is not None
        tags = cell.str.extract_all(_TAG)
        once = tags.list.n_unique() == tags.list.len()
        return tags, cell.is_null() | (cell.str.contains(_tag_cell(tuple(info.vocabulary))) & once)
    if info.kind == "bool":
        value = cell.replace_strict(_yes_no(), default=None, return_dtype=pl.Boolean())
        return value, cell.is_null() | value.is_not_null()
    if info.kind in ("int", "year"):
        whole = cell.str.contains(_WHOLE)
        number = pl.when(whole).then(cell.cast(pl.Int64, strict=False))
        ok = cell.is_null() | (whole & _within(number, bounds))
        if key in ANSWERED_KEYS:
            ok = ok | _words(cell, NOT_YET_WORDS)
        return number, ok
    if info.kind == "number":
        shaped = cell.str.contains(_DECIMAL) & (cell.str.len_bytes() <= _DECIMAL_LENGTH)
        number = pl.when(shaped).then(cell.cast(pl.Float64, strict=False))
        return number, cell.is_null() | (shaped & _within(number, bounds))
    if info.kind == "date":
        day = pl.when(cell.str.contains(_DATE)).then(cell.str.to_date("%Y-%m-%d", strict=False))
        return day, cell.is_null() | (day.is_not_null() & (day.dt.year() >= 1))
    raise AssertionError(f"no column-wise reading for {key} ({info.kind})")  # pragma: no cover


def _places_agree(zone: pl.Expr, city: pl.Expr) -> pl.Expr:
    """False where a zone and a city cannot both be true (``rules.profile``'s place check)."""
    area_city = zone.replace_strict(FTZ_AREA_CITY, default=None, return_dtype=pl.String())
    contradiction = ((zone == "outside_hubei") & (city != "other")) | (
        area_city.is_not_null() & (city != area_city)
    )
    return ~contradiction.fill_null(False)


def _read_typed(key: str, column: pl.Expr, dtype: pl.DataType) -> tuple[pl.Expr, pl.Expr]:
    """A typed column (from Parquet) whose type is the key's own: checked against the bounds."""
    kind = PROFILE_FIELDS[key].kind
    bounds = field_bounds(key)
    if kind == "number" and dtype == pl.Float64:
        return column, column.is_null() | (column.is_finite() & _within(column, bounds))
    if kind in ("int", "year") and dtype == pl.Int64:
        return column, column.is_null() | _within(column, bounds)
    if (kind == "bool" and dtype == pl.Boolean) or (kind == "date" and dtype == pl.Date):
        return column, pl.lit(True)
    raise TypeError(f"{key}: a {dtype} column is read as text first")


def read_text(columns: Mapping[str, pl.Series], height: int) -> TextRead:
    """Text columns named by profile key (``rules.tabular.header_key``) as typed columns.

    A column may also come typed when its type is the key's own (Float64 for a number, Int64
    for a count or a year, Boolean, Date), as a Parquet file holds it. A column whose name is
    not a profile key makes its non-blank rows *to check*: the row-wise conversion refuses them
    by name. Text cells are trimmed as Python trims them; a blank cell is unknown.
    """
    inputs = [
        series.str.strip_chars(PY_WHITESPACE).replace("", None).alias(f"c{i}")
        if series.dtype == pl.String
        else series.alias(f"c{i}")
        for i, series in enumerate(columns.values())
    ]
    if not inputs:  # no column at all: a frame of the rows' height still
        inputs = [pl.Series("__none", [None] * height, dtype=pl.Null)]
    raw = pl.DataFrame(inputs, height=height)
    column_of = {name: pl.col(f"c{i}") for i, name in enumerate(columns)}
    dtype_of = {name: series.dtype for name, series in zip(columns, inputs, strict=False)}
    values: list[pl.Expr] = []
    checks: list[pl.Expr] = []
    for key in PROFILE_KEYS:
        if key not in column_of:
            values.append(pl.lit(None, dtype=SCHEMA[key]).alias(key))
            checks.append(pl.lit(key != "name"))  # a row without a name is refused
            continue
        if dtype_of[key] == pl.String:
            value, ok = _read(key, column_of[key])
        else:
            value, ok = _read_typed(key, column_of[key], dtype_of[key])
        values.append(value.cast(SCHEMA[key]).alias(key))
        checks.append(ok.fill_null(False))
    for key in ANSWERED_KEYS:
        answered = column_of[key].is_not_null() if key in column_of else pl.lit(False)
        values.append(answered.alias(answered_column(key)))
    for name, column in column_of.items():
        if name not in PROFILE_KEYS:
            checks.append(column.is_null())
    if dtype_of.get("zone") == pl.String and dtype_of.get("city") == pl.String:
        checks.append(_places_agree(column_of["zone"], column_of["city"]))
    elif "zone" in column_of and "city" in column_of:
        checks.append(pl.lit(False))  # a zone or city that is not text: the row path says why
    # with_columns, not select: a literal (a key no column gives) takes the frame's height
    read = raw.with_columns(*values, pl.all_horizontal(checks).alias("__plain"))
    read = read.select(*SCHEMA, "__plain")
    return TextRead(read.drop("__plain"), read.get_column("__plain"))
