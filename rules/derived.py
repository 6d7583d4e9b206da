"""Facts the engine derives from the profile and the as-of date, shown in the trace like answers.

Each derivation names the profile keys it reads. When it cannot decide, it says which of those
unanswered keys would decide it, so "missing" and "next question" point at real questions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from rules.inference import Inference
from rules.sme_standard import FINANCE_REFERENCE, NotCovered, SizeStandard, standard_for
from rules.sme_standard import REFERENCE as SME_REFERENCE
from rules.vocabulary import FTZ_ZONES, OUTSIDE_HUBEI

PROFIT_WINDOW_YEARS: Final = 5


@dataclass(frozen=True)
class Fact:
    """A value read (answered, inferred or derived), or unknown with the unanswered keys that
    would settle it."""

    value: Any = None
    known: bool = True
    needs: tuple[str, ...] = ()
    basis: str = ""  # what the value rests on, e.g. the standard applied (in Chinese)
    inference: Inference | None = None  # set when an unanswered key's value was inferred
    basis_en: str = ""  # the basis in English, where it differs

    def basis_in(self, lang: str) -> str:
        return self.basis_en or self.basis if lang == "en" else self.basis


def unknown(*needs: str, basis: str = "", basis_en: str = "") -> Fact:
    return Fact(known=False, needs=needs, basis=basis, basis_en=basis_en)


Facts = dict[str, Any]


def _in_hubei(facts: Facts, as_of: date) -> Fact:
    """Registered and operating in Hubei: every zone but ``outside_hubei``."""
    if "zone" not in facts:
        return unknown("zone")
    return Fact(facts["zone"] != OUTSIDE_HUBEI)


def _in_ftz(facts: Facts, as_of: date) -> Fact:
    if "zone" not in facts:
        return unknown("zone")
    return Fact(facts["zone"] in FTZ_ZONES)


def _tri_any_below(
    facts: Facts, limits: tuple[tuple[str, float], ...]
) -> tuple[bool | None, list[str]]:
    """Kleene OR of "figure < limit"; returns (value or None, unanswered keys)."""
    missing = [key for key, _ in limits if key not in facts]
    if any(facts[key] < limit for key, limit in limits if key in facts):
        return True, []
    return (None, missing) if missing else (False, [])


def _tri_all_at_least(
    facts: Facts, floors: tuple[tuple[str, float], ...]
) -> tuple[bool | None, list[str]]:
    """Kleene AND of "figure >= floor"."""
    missing = [key for key, _ in floors if key not in facts]
    if any(facts[key] < floor for key, floor in floors if key in facts):
        return False, []
    return (None, missing) if missing else (True, [])


def _standard(facts: Facts) -> SizeStandard | Fact:
    if "industry_code" not in facts:
        return unknown("industry_code")
    try:
        standard = standard_for(facts["industry_code"])
    except NotCovered:
        # The central bank, supervisors, public bodies: not enterprises, so never an SME.
        return Fact(
            False,
            basis=f"{SME_REFERENCE}，{FINANCE_REFERENCE}：非企业（中央银行、监管机构或公共管理机构）",
            basis_en=f"{SME_REFERENCE}, {FINANCE_REFERENCE}: not an enterprise",
        )
    if standard is None:
        return unknown(
            "industry_code",
            basis="行业代码过粗，无法确定适用的划型标准",
            basis_en="industry code too coarse for the size standard",
        )
    return standard


def _size_basis(standard: SizeStandard) -> tuple[str, str]:
    """The size standard applied, as a Fact's basis in Chinese and English."""
    return f"{standard.reference}，{standard.zh}", f"{standard.reference}, {standard.en}"


def _is_sme(facts: Facts, as_of: date) -> Fact:
    standard = _standard(facts)
    if isinstance(standard, Fact):
        return standard
    zh, en = _size_basis(standard)
    value, missing = _tri_any_below(facts, standard.ceilings)
    return (
        unknown(*missing, basis=zh, basis_en=en)
        if value is None
        else Fact(value, basis=zh, basis_en=en)
    )


def _sme_class(facts: Facts, as_of: date) -> Fact:
    standard = _standard(facts)
    if isinstance(standard, Fact):  # a body that is no enterprise has no size class
        if not standard.known:
            return standard
        return Fact(None, known=False, basis=standard.basis, basis_en=standard.basis_en)
    zh, en = _size_basis(standard)
    is_sme, sme_missing = _tri_any_below(facts, standard.ceilings)
    if is_sme is False:
        return Fact("large", basis=zh, basis_en=en)
    medium, medium_missing = _tri_all_at_least(facts, standard.medium)
    small, small_missing = _tri_all_at_least(facts, standard.small)
    if is_sme is None:
        return unknown(*dict.fromkeys(sme_missing + medium_missing), basis=zh, basis_en=en)
    if medium:
        return Fact("medium", basis=zh, basis_en=en)
    if small is False:
        return Fact("micro", basis=zh, basis_en=en)
    if medium is False and small:
        return Fact("small", basis=zh, basis_en=en)
    return unknown(*dict.fromkeys(medium_missing + small_missing), basis=zh, basis_en=en)


def _operating_years(facts: Facts, as_of: date) -> Fact:
    if "established" not in facts:
        return unknown("established")
    days = (as_of - facts["established"]).days
    return Fact(round(days / 365.25, 2))


def _years_since_first_profit(facts: Facts, as_of: date) -> Fact:
    if "first_profit_year" not in facts:
        return unknown("first_profit_year")
    year = facts["first_profit_year"]
    return Fact(None if year is None else as_of.year - year)


def _profit_window(years: int) -> Callable[[Facts, date], Fact]:
    """Whether "``years`` years from the first profitable year" (自获利年度起) still runs on as-of.

    A company not yet profitable has the whole window ahead of it, so the window counts as open.
    """

    def window_open(facts: Facts, as_of: date) -> Fact:
        if "first_profit_year" not in facts:
            return unknown("first_profit_year")
        year = facts["first_profit_year"]
        if year is None:
            return Fact(True)
        last = year + years - 1
        return Fact(as_of.year <= last, basis=f"{year}–{last}")

    return window_open


HTE_REFERENCE: Final = "国科发火〔2016〕32号 第十一条"


def _hte_rd_ratio_required(facts: Facts, as_of: date) -> Fact:
    """The R&D-to-sales ratio the HTE rules require for the company's sales band (percent)."""
    if "annual_revenue" not in facts:
        return unknown("annual_revenue")
    revenue = facts["annual_revenue"]
    required = 5.0 if revenue <= 5000 else 4.0 if revenue <= 20000 else 3.0
    return Fact(required, basis=HTE_REFERENCE)


def _hte_rd_ratio_met(facts: Facts, as_of: date) -> Fact:
    required = _hte_rd_ratio_required(facts, as_of)
    if "rd_expense_ratio" not in facts:
        return unknown(*required.needs, "rd_expense_ratio", basis=HTE_REFERENCE)
    if not required.known:
        if facts["rd_expense_ratio"] >= 5.0:
            return Fact(True, basis=HTE_REFERENCE)
        if facts["rd_expense_ratio"] < 3.0:
            return Fact(False, basis=HTE_REFERENCE)
        return required
    return Fact(facts["rd_expense_ratio"] >= required.value, basis=HTE_REFERENCE)


@dataclass(frozen=True)
class Derivation:
    name: str
    inputs: tuple[str, ...]
    zh: str
    en: str
    compute: Callable[[Facts, date], Fact]


DERIVATIONS: Final[dict[str, Derivation]] = {
    d.name: d
    for d in (
        Derivation(
            "in_hubei",
            ("zone",),
            "在湖北省内注册经营",
            "registered and operating in Hubei",
            _in_hubei,
        ),
        Derivation("in_ftz", ("zone",), "位于自贸试验区内", "located in the FTZ", _in_ftz),
        Derivation(
            "is_sme",
            ("industry_code", "employees", "annual_revenue", "total_assets"),
            "属于中小微企业",
            "is a small, medium or micro enterprise",
            _is_sme,
        ),
        Derivation(
            "sme_class",
            ("industry_code", "employees", "annual_revenue", "total_assets"),
            "企业规模",
            "enterprise size class",
            _sme_class,
        ),
        Derivation(
            "operating_years",
            ("established",),
            "成立年限(年)",
            "years since registration",
            _operating_years,
        ),
        Derivation(
            "years_since_first_profit",
            ("first_profit_year",),
            "距首个获利年度(年)",
            "years since the first profitable year",
            _years_since_first_profit,
        ),
        Derivation(
            "profit_window_open",
            ("first_profit_year",),
            "仍在自获利年度起5年内",
            "still within 5 years from the first profitable year",
            _profit_window(PROFIT_WINDOW_YEARS),
        ),
        Derivation(
            "profit_window_10y_open",
            ("first_profit_year",),
            "仍在自获利年度起10年内",
            "still within 10 years from the first profitable year",
            _profit_window(10),
        ),
        Derivation(
            "hte_rd_ratio_required",
            ("annual_revenue",),
            "高企研发费用占比要求(%)",
            "R&D ratio an HTE needs (%)",
            _hte_rd_ratio_required,
        ),
        Derivation(
            "hte_rd_ratio_met",
            ("annual_revenue", "rd_expense_ratio"),
            "研发费用占比达到高企要求",
            "R&D ratio meets the HTE requirement",
            _hte_rd_ratio_met,
        ),
    )
}


def derive(name: str, facts: Facts, as_of: date) -> Fact:
    return DERIVATIONS[name].compute(facts, as_of)
