"""Profiles as one typed column per profile key: the input of the compiled path.

A null means *unanswered*, as an absent key does in a profile. The one key whose answer may be
null (``first_profit_year``: "not yet profitable") has a Boolean column beside it saying whether
it was answered (``rules.columnar.names.answered_column``).

``profile_frame`` builds the frame from validated ``rules.profile.Profile`` objects;
``check_frame`` accepts a ready frame of the same shape (read straight from CSV or Parquet) and
checks what the compiled path relies on: the types, the vocabularies, the industry and credit
codes and the answered columns. Other checks of parse_profile (ranges, zone against city) are
left to whoever reads the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

import polars as pl

from rules.columnar.codes import valid_codes
from rules.columnar.names import answered_column
from rules.fields import PROFILE_FIELDS, FieldKind
from rules.profile import NULLABLE_KEYS, PROFILE_KEYS, Profile

KIND_DTYPES: Final[dict[FieldKind, pl.DataType]] = {
    "text": pl.String(),
    "code": pl.String(),
    "enum": pl.String(),
    "tags": pl.List(pl.String()),
    "bool": pl.Boolean(),
    "int": pl.Int64(),
    "year": pl.Int64(),
    "number": pl.Float64(),
    "date": pl.Date(),
}
KEY_DTYPES: Final[dict[str, pl.DataType]] = {
    key: KIND_DTYPES[PROFILE_FIELDS[key].kind] for key in PROFILE_KEYS
}
ANSWERED_KEYS: Final[tuple[str, ...]] = tuple(k for k in PROFILE_KEYS if k in NULLABLE_KEYS)
SCHEMA: Final[dict[str, pl.DataType]] = {
    **KEY_DTYPES,
    **{answered_column(key): pl.Boolean() for key in ANSWERED_KEYS},
}


class FrameError(ValueError):
    """The frame cannot be assessed; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def profile_frame(profiles: Iterable[Profile]) -> pl.DataFrame:
    """One row per profile, one column per profile key (null: unanswered)."""
    columns: dict[str, list[Any]] = {name: [] for name in SCHEMA}
    values = [columns[key] for key in PROFILE_KEYS]
    answered = [(key, columns[answered_column(key)]) for key in ANSWERED_KEYS]
    for profile in profiles:
        facts = profile.facts()
        for key, column in zip(PROFILE_KEYS, values, strict=True):
            column.append(facts.get(key))
        for key, flags in answered:
            flags.append(key in facts)
    try:
        return pl.DataFrame(columns, schema=SCHEMA)
    except (OverflowError, pl.exceptions.PolarsError) as error:
        raise FrameError([f"profiles: a value does not fit its column: {error}"]) from None


def _vocabulary_problems(frame: pl.DataFrame) -> list[str]:
    problems = []
    for key in PROFILE_KEYS:
        info = PROFILE_FIELDS[key]
        if info.vocabulary is None:
            continue
        column = frame.get_column(key)
        if info.kind == "tags":
            column = column.explode()
        unknown = column.drop_nulls().filter(~column.drop_nulls().is_in(list(info.vocabulary)))
        if len(unknown):
            shown = ", ".join(repr(v) for v in unknown.unique().sort().head(5).to_list())
            problems.append(f"{key}: not a known value: {shown}")
    codes = frame.get_column("industry_code").drop_nulls()
    unknown = codes.filter(~codes.is_in(valid_codes()))
    if len(unknown):
        shown = ", ".join(repr(v) for v in unknown.unique().sort().head(5).to_list())
        problems.append(f"industry_code: not a GB/T 4754-2017 code: {shown}")
    return problems


_USCC_ALPHABET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS: Final = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_valid(code: pl.Expr) -> pl.Expr:
    """Whether a credit code is as ``rules.credit_code`` leaves it: 18 characters of its
    alphabet, the first eight digits unless the registering department is A, N or Y, and the
    right check character (GB 32100-2015), computed column-wise. Null stays null."""
    index = {c: i for i, c in enumerate(_USCC_ALPHABET)}
    shaped = code.str.contains(f"^[{_USCC_ALPHABET}]{{18}}$") & (
        code.str.contains("^[ANY]") | code.str.contains("^[0-9]{8}")
    )
    # Characters of a code that is not shaped map to 0: the sum is then only not used.
    total = pl.sum_horizontal(
        code.str.slice(i, 1).replace_strict(index, default=0, return_dtype=pl.Int64()) * weight
        for i, weight in enumerate(_USCC_WEIGHTS)
    )
    check = ((31 - total % 31) % 31).replace_strict(
        dict(enumerate(_USCC_ALPHABET)), return_dtype=pl.String()
    )
    return shaped & (code.str.slice(17, 1) == check)


def _credit_code_problems(frame: pl.DataFrame) -> list[str]:
    codes = frame.select(pl.col("credit_code").drop_nulls())
    bad = codes.filter(~credit_code_valid(pl.col("credit_code"))).to_series()
    if not len(bad):
        return []
    shown = ", ".join(repr(v) for v in sorted(set(bad.to_list()))[:5])
    return [f"credit_code: not a valid unified social credit code: {shown}"]


def check_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """A ready frame in the shape ``profile_frame`` makes, its columns in schema order.

    A profile key's column may be left out (nobody answered it) and other columns are dropped.
    A column of another type is cast when the cast loses nothing. Where ``first_profit_year``
    is given, so must be its answered column, since a null there can be an answer.
    """
    problems: list[str] = []
    columns: list[pl.Series] = []
    for name, dtype in SCHEMA.items():
        if name in frame.columns:
            column = frame.get_column(name)
            if column.dtype != dtype:
                try:
                    column = column.cast(dtype, strict=True)
                except pl.exceptions.PolarsError:
                    problems.append(f"{name}: expected {dtype}, got {column.dtype}")
                    continue
            columns.append(column)
        elif name in KEY_DTYPES:
            columns.append(pl.Series(name, [None] * frame.height, dtype=dtype))
        else:
            key = next(k for k in ANSWERED_KEYS if answered_column(k) == name)
            if key in frame.columns:
                problems.append(
                    f"{name}: required beside {key}, whose null can mean 'answered: none'"
                )
            columns.append(pl.Series(name, [False] * frame.height, dtype=dtype))
    if problems:
        raise FrameError(problems)
    checked = pl.DataFrame(columns)
    for key in ANSWERED_KEYS:
        flags = checked.get_column(answered_column(key))
        if flags.null_count():
            problems.append(f"{answered_column(key)}: must be true or false on every row")
        elif (~flags & checked.get_column(key).is_not_null()).any():
            problems.append(f"{key}: a value on a row whose {answered_column(key)} is false")
    problems += _vocabulary_problems(checked) + _credit_code_problems(checked)
    if problems:
        raise FrameError(problems)
    return checked
