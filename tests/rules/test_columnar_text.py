"""Table cells read column-wise (rules.columnar.text) against the row-wise reading they mirror.

``read_text`` may call a row *plain* only when ``rules.tabular.profile_from_row`` accepts that
row and gives exactly the same values; every other row goes through ``profile_from_row``
itself. These tests generate rows of well-formed and hostile cells (whitespace Python strips and
regular expressions may not, full-width digits, exponents, separators, case, bounds, dates that
do not exist, contradictions) and compare the two readings row by row.
"""

from __future__ import annotations

import itertools
import sys
from typing import Any

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.columnar.frame import profile_frame
from rules.columnar.text import PY_WHITESPACE, field_bounds, read_text
from rules.fields import PROFILE_FIELDS
from rules.profile import PROFILE_KEYS, Profile, ProfileError
from rules.tabular import profile_from_row
from rules.vocabulary import ACTIVITIES, CITIES, IC_ROLES, SECTORS, ZONES

GOOD_CREDIT_CODES = ["91420100MA4KX8N35J", "91420100MA4KX8N35K"[:-1] + "J"]
WHITESPACE = st.sampled_from([" ", "\t", "\u3000", "\xa0", "\x1c", "\u2028", "\n", ""])


def _padded(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(lambda a, s, b: a + s + b, WHITESPACE, inner, WHITESPACE)


def _tags(vocabulary: Any) -> st.SearchStrategy[str]:
    words = st.sampled_from([*sorted(vocabulary)[:6], "unknown_tag", "Ai", "a b", "无", ""])
    separators = st.sampled_from([";", ",", "，", "；", "、", "|", " ; ", " ", ";;", "\t;"])
    return st.builds(
        lambda parts, seps: "".join(
            p + s for p, s in zip(parts, itertools.cycle(seps or [";"]), strict=False)
        ).rstrip(";"),
        st.lists(words, max_size=4),
        st.lists(separators, min_size=1, max_size=3),
    )


NUMBERS = st.sampled_from(
    [
        "0", "12", "12.5", "1,200", "1,200.5", "-3", "1e3", "inf", "nan", "１２", "12.",
        ".5", "0.0", "100", "100.5", "101", "1234567890123456", "123456789012.345",
        "99999999999999999999", "12_0", "+5", "0x10",
    ]
)  # fmt: skip
WHOLE = st.sampled_from(
    [
        "0", "7", "-1", "007", "1949", "1948", "2100", "2101", "2024", "12.0", "1e2",
        "９", "1234567890123456789", "123456789012345678", "null", "NULL", "尚未获利",
        "not yet profitable", "Not Yet Profitable", "none", "-0", "+5",
    ]
)  # fmt: skip
BOOLS = st.sampled_from(
    ["true", "TRUE", "True", "yes", "Y", "1", "是", "有", "对", "false", "No", "n", "0",
     "否", "无", "不是", "maybe", "ｙｅｓ", "İ", "tRuE"]
)  # fmt: skip
DATES = st.sampled_from(
    ["2020-01-15", "2020-02-30", "0000-01-01", "0001-01-01", "2020-1-5", "20200115",
     "２０２０-01-15", "9999-12-31", "2020-13-01", "2020-01-15T00:00"]
)  # fmt: skip


def _cells(key: str) -> st.SearchStrategy[str]:
    kind = PROFILE_FIELDS[key].kind
    if key == "name":
        return st.one_of(st.text(max_size=8), st.just("x" * 200), st.just("x" * 201))
    if key == "credit_code":
        return st.sampled_from(
            [*GOOD_CREDIT_CODES, "91420100ma4kx8n35j", "91420100MA4KX8N35", "A1234567890123456X",
             "91420100-MA4KX8N35J", "914201OOMA4KX8N35J"]
        )  # fmt: skip
    if key == "industry_code":
        return st.sampled_from(["C3976", "c3976", "3976", "C39", "C", "Z99", "I6520", "C9999"])
    vocabularies = {"zone": ZONES, "city": CITIES, "ic_role": IC_ROLES}
    if key in vocabularies:
        return st.sampled_from([*sorted(vocabularies[key]), "Wuhan", "other ", "未知"])
    if kind == "tags":
        return _tags(SECTORS if key == "sectors" else ACTIVITIES)
    if kind == "bool":
        return BOOLS
    if kind in ("int", "year"):
        return WHOLE
    if kind == "number":
        return NUMBERS
    if kind == "date":
        return DATES
    raise AssertionError(key)


GOOD: dict[str, Any] = {
    "name": st.text(min_size=1, max_size=8).filter(lambda t: t.strip() != ""),
    "credit_code": st.just(GOOD_CREDIT_CODES[0]),
    "zone": st.sampled_from(["ftz_wuhan", "hubei_other", "national_dev_zone"]),
    "city": st.just("wuhan"),
    "industry_code": st.sampled_from(["C3976", "I6520", "C39"]),
    "sectors": st.sampled_from(["big_data", ";", "big_data;artificial_intelligence"]),
    "activities": st.sampled_from([";", "rail_freight, air_cargo"]),
    "established": st.just("2019-03-01"),
}


def _good(key: str) -> st.SearchStrategy[str]:
    kind = PROFILE_FIELDS[key].kind
    if key in GOOD:
        return GOOD[key]  # type: ignore[no-any-return]
    if key == "ic_role":
        return st.sampled_from(sorted(IC_ROLES))
    if kind == "bool":
        return st.sampled_from(["true", "否"])
    if key == "first_profit_year":
        return st.sampled_from(["2020", "尚未获利"])
    return st.sampled_from(["3", "45"])


def _rows() -> st.SearchStrategy[list[dict[str, str]]]:
    """Rows of well-written cells with one or two hostile ones, so that a hostile cell is
    often the only thing that could make its row unfit to read column-wise."""

    def spoil(row: dict[str, str], keys: list[str], cells: list[str]) -> dict[str, str]:
        return {**row, **dict(zip(keys, cells, strict=False))}

    def row() -> st.SearchStrategy[dict[str, str]]:
        base = st.fixed_dictionaries(
            {"name": _good("name")}, optional={k: _good(k) for k in PROFILE_KEYS[1:]}
        )
        hostile = st.lists(st.sampled_from(PROFILE_KEYS), min_size=1, max_size=2, unique=True)
        return hostile.flatmap(
            lambda keys: st.builds(
                spoil, base, st.just(keys), st.tuples(*(_padded(_cells(k)) for k in keys))
            )
        )

    return st.lists(row(), min_size=1, max_size=25)


def _compare(rows: list[dict[str, Any]], extra: str | None = None) -> int:
    """Read ``rows`` both ways; return how many were plain."""
    headers = list(PROFILE_KEYS) + ([extra] if extra else [])
    columns = {
        header: pl.Series(header, [row.get(header) for row in rows], dtype=pl.String)
        for header in headers
    }
    read = read_text(columns, len(rows))
    plain = read.plain.to_list()
    for index, row in enumerate(rows):
        try:
            profile: Profile | None = profile_from_row(row)
        except ProfileError:
            profile = None
        if not plain[index]:
            continue
        assert profile is not None, f"plain row refused by the row path: {row!r}"
        expected = profile_frame([profile]).row(0, named=True)
        got = read.frame.row(index, named=True)
        assert got == expected, f"{row!r}: {got} != {expected}"
    return sum(plain)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_rows())
def test_a_plain_row_reads_as_the_row_path_reads_it(rows: list[dict[str, str]]) -> None:
    _compare(rows)


@settings(max_examples=50, deadline=None)
@given(_rows(), st.sampled_from(["unknown_column", "企业名称", "first_profit_year__answered"]))
def test_a_cell_in_a_column_that_is_no_profile_key_is_left_to_the_row_path(
    rows: list[dict[str, str]], extra: str
) -> None:
    for row in rows:
        row[extra] = "x"
    assert _compare(rows, extra) == 0


def test_well_written_rows_are_all_read_column_wise() -> None:
    rows = [
        {
            "name": "光谷智算科技有限公司",
            "credit_code": "91420100MA4KX8N35J",
            "zone": "ftz_wuhan",
            "city": "wuhan",
            "industry_code": "I6513",
            "sectors": "artificial_intelligence; big_data",
            "activities": ";",
            "employees": "45",
            "annual_revenue": "3200.5",
            "established": "2019-03-01",
            "first_profit_year": "尚未获利",
            "rd_expense_ratio": "8",
            "high_tech_enterprise": "是",
            "tech_sme": "FALSE",
        },
        {"name": " 一家只答了名称的公司 ", "first_profit_year": "2021"},
    ]
    assert _compare(rows) == 2


def test_contradictions_and_out_of_range_values_go_to_the_row_path() -> None:
    rows = [
        {"name": "a", "zone": "ftz_wuhan", "city": "yichang"},
        {"name": "b", "zone": "outside_hubei", "city": "wuhan"},
        {"name": "c", "rd_expense_ratio": "100.5"},
        {"name": "d", "ic_line_width_nm": "0"},
        {"name": "e", "first_profit_year": "1948"},
        {"name": "f", "sectors": "big_data;big_data"},
        {"name": ""},
    ]
    assert _compare(rows) == 0


def test_python_whitespace_is_what_str_strip_removes() -> None:
    stripped = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
    assert sorted(PY_WHITESPACE) == sorted(stripped)


def test_every_bound_of_the_profile_model_is_read() -> None:
    assert field_bounds("name").max_length == 200
    assert field_bounds("employees").ge == 0
    assert (field_bounds("first_profit_year").ge, field_bounds("first_profit_year").le) == (
        1949,
        2100,
    )
    assert field_bounds("rd_expense_ratio").le == 100
    assert field_bounds("ic_line_width_nm").gt == 0
