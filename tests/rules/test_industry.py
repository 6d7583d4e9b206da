import pytest

from rules.industry import IndustryCodeError, industry_table


def test_table_holds_all_sections_and_divisions() -> None:
    table = industry_table()
    assert sorted(table.sections) == [chr(c) for c in range(ord("A"), ord("T") + 1)]
    assert len(table.divisions) == 97
    assert table.divisions["65"][0] == "I"
    assert table.divisions["83"][1].zh == "教育"


@pytest.mark.parametrize(
    ("code", "zh", "en_part"),
    [
        ("C3976", "光电子器件制造", "optoelectronic"),
        ("I6520", "集成电路设计", "ntegrated circuit design"),
        ("C27", "医药制造业", "edicine"),
        ("C", "制造业", "anufactur"),
        ("c3973", "集成电路制造", "ntegrated circuit"),
    ],
)
def test_codes_are_found_with_both_names(code: str, zh: str, en_part: str) -> None:
    table = industry_table()
    entry = table.lookup(table.check(code))
    assert entry is not None
    assert entry.zh == zh
    assert en_part in entry.en


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("3976", "lacks its section letter"),
        ("C6520", "belongs to section I"),
        ("C3999", "no class 3999"),
        ("I658", "no group 658"),
        ("I98", "no division 98"),
        ("Z12", "not a GB/T 4754-2017 code"),
        ("C39761", "not a GB/T 4754-2017 code"),
        ("", "not a GB/T 4754-2017 code"),
    ],
)
def test_wrong_codes_are_refused_with_the_reason(code: str, message: str) -> None:
    with pytest.raises(IndustryCodeError, match=message):
        industry_table().check(code)
