"""Derived facts: SME class by the 2011 standard and the dated profit window."""

from datetime import date
from typing import Any

import pytest

from rules.derived import derive

AS_OF = date(2026, 11, 26)


def _facts(**values: Any) -> dict[str, Any]:
    return dict(values)


@pytest.mark.parametrize(
    ("facts", "is_sme", "size"),
    [
        # FACTS.md §6 worked examples
        (_facts(industry_code="C", employees=1200, annual_revenue=35000), True, "medium"),
        (_facts(industry_code="I6513", employees=350, annual_revenue=11000), False, "large"),
        (_facts(industry_code="C3976", employees=15, annual_revenue=5000), True, "micro"),
        (_facts(industry_code="C3976", employees=50, annual_revenue=1000), True, "small"),
        (_facts(industry_code="F5211", employees=60, annual_revenue=800), True, "medium"),
        (_facts(industry_code="F5211", employees=8, annual_revenue=800), True, "micro"),
        (_facts(industry_code="L7212", employees=120, total_assets=9000), True, "medium"),
        (_facts(industry_code="E4700", annual_revenue=90000, total_assets=90000), False, "large"),
        (_facts(industry_code="M7320", employees=50), True, "small"),
        (_facts(industry_code="G5920", employees=250, annual_revenue=31000), False, "large"),
        (_facts(industry_code="A0111", annual_revenue=600), True, "medium"),
        (_facts(industry_code="K7020", employees=400, annual_revenue=800), True, "small"),
    ],
)
def test_size_class_by_the_2011_standard(facts: dict[str, Any], is_sme: bool, size: str) -> None:
    assert derive("is_sme", facts, AS_OF).value is is_sme
    assert derive("sme_class", facts, AS_OF).value == size


def test_one_figure_under_the_ceiling_settles_sme_without_the_other() -> None:
    fact = derive("is_sme", {"industry_code": "C39", "employees": 500}, AS_OF)
    assert fact.known and fact.value is True
    size = derive("sme_class", {"industry_code": "C39", "employees": 500}, AS_OF)
    assert not size.known and size.needs == ("annual_revenue",)


def test_unknown_figures_are_never_read_as_zero() -> None:
    fact = derive("is_sme", {"industry_code": "C39", "employees": 1500}, AS_OF)
    assert not fact.known
    assert fact.needs == ("annual_revenue",)


def test_unknown_industry_asks_for_it() -> None:
    fact = derive("is_sme", {"employees": 10}, AS_OF)
    assert not fact.known and "industry_code" in fact.needs


def test_finance_is_classed_by_the_2015_finance_standard() -> None:
    # A leasing company (non-deposit banking): SME under 1000亿 of assets, micro under 50亿.
    leasing = {"industry_code": "J6631", "employees": 10, "total_assets": 400_000}
    assert derive("is_sme", leasing, AS_OF).value is True
    assert derive("sme_class", leasing, AS_OF).value == "micro"
    assert "银发〔2015〕309号" in derive("is_sme", leasing, AS_OF).basis
    # Employees do not count: only total assets do.
    fact = derive("is_sme", {"industry_code": "J6631", "employees": 10}, AS_OF)
    assert not fact.known and fact.needs == ("total_assets",)
    # A deposit bank with 6000亿 is medium; a securities firm with 6000亿 is large.
    assert derive("sme_class", {"industry_code": "J6621", "total_assets": 6e7}, AS_OF).value == (
        "medium"
    )
    assert derive("is_sme", {"industry_code": "J6712", "total_assets": 6e7}, AS_OF).value is False


def test_public_bodies_are_no_sme() -> None:
    # The central bank and public administration are not enterprises: not an SME, nothing asked.
    for code in ("J6610", "S9121"):
        fact = derive("is_sme", {"industry_code": code}, AS_OF)
        assert fact.value is False and fact.needs == ()


@pytest.mark.parametrize(
    ("first_profit_year", "as_of", "open_"),
    [
        (2022, date(2026, 12, 31), True),  # 2022..2026
        (2021, date(2026, 1, 1), False),
        (None, AS_OF, True),  # not yet profitable: the whole window is ahead
    ],
)
def test_profit_window(first_profit_year: int | None, as_of: date, open_: bool) -> None:
    fact = derive("profit_window_open", {"first_profit_year": first_profit_year}, as_of)
    assert fact.value is open_


def test_profit_window_unknown_when_unanswered() -> None:
    fact = derive("profit_window_open", {}, AS_OF)
    assert not fact.known and fact.needs == ("first_profit_year",)
