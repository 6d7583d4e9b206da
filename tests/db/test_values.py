"""Small pieces: normalised names, UTC timestamps, compressed JSON."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.dialects import sqlite

from db.names import normalise_name, normalise_search
from db.types import UtcDateTime, compress_json, decompress_json


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("光谷智算科技有限公司", "光谷智算科技"),
        ("光谷智算科技（武汉）有限责任公司", "光谷智算科技(武汉)"),
        ("ACME Co., Ltd.", "ａｃｍｅ"),
        ("Acme Inc.", "ACME"),
        ("武汉 光电 股份有限公司", "武汉光电"),
    ],
)
def test_spellings_of_one_company_share_a_key(one: str, other: str) -> None:
    assert normalise_name(one) == normalise_name(other)


@pytest.mark.parametrize(("one", "other"), [("Zinc", "Z"), ("Costco", "Cost"), ("公司", "")])
def test_different_names_keep_different_keys(one: str, other: str) -> None:
    assert normalise_name(one) != normalise_name(other)


def test_search_text_is_folded_like_names() -> None:
    assert normalise_search(" 光谷　智算 ") == "光谷智算"
    assert normalise_search("ＡＣＭＥ") == "acme"


def test_timestamps_are_stored_in_utc_and_read_back_aware() -> None:
    column = UtcDateTime()
    dialect = sqlite.dialect()
    beijing = datetime(2026, 11, 26, 20, 0, tzinfo=timezone(timedelta(hours=8)))
    stored = column.process_bind_param(beijing, dialect)
    assert stored == datetime(2026, 11, 26, 12, 0)
    assert column.process_result_value(stored, dialect) == beijing.astimezone(UTC)
    with pytest.raises(ValueError, match="timezone-aware"):
        column.process_bind_param(datetime(2026, 11, 26), dialect)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=20,
)


@given(st.dictionaries(st.text(), json_values))
def test_compressed_json_reads_back_exactly(value: dict[str, object]) -> None:
    assert decompress_json(compress_json(value)) == value
