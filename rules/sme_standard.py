"""Enterprise size classes by 工信部联企业〔2011〕300号 (中小企业划型标准规定), FACTS.md §6, and
for finance (section J, which the 2011 standard leaves out) by 银发〔2015〕309号 (金融业企业划型
标准规定), which classes by total assets alone.

A company is an SME when *either* figure is under its industry's ceiling; medium needs both
medium floors, small both small floors, and an SME below either small floor is micro.
Revenue and assets in 万元. Three-valued: an unanswered figure leaves the class unknown unless
the known figures already decide it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

REFERENCE: Final = "工信部联企业〔2011〕300号《中小企业划型标准规定》"
FINANCE_REFERENCE: Final = "银发〔2015〕309号《金融业企业划型标准规定》"

Floor = tuple[str, float]  # (profile key, minimum)


@dataclass(frozen=True)
class SizeStandard:
    key: str
    zh: str
    en: str
    ceilings: tuple[Floor, ...]  # SME when any figure is below its ceiling
    medium: tuple[Floor, ...]
    small: tuple[Floor, ...]
    reference: str = REFERENCE


def _std(
    key: str,
    zh: str,
    en: str,
    ceil: tuple[Floor, ...],
    med: tuple[Floor, ...],
    sml: tuple[Floor, ...],
) -> SizeStandard:
    return SizeStandard(key, zh, en, ceil, med, sml)


E, R, A = "employees", "annual_revenue", "total_assets"

STANDARDS: Final[dict[str, SizeStandard]] = {
    s.key: s
    for s in (
        _std(
            "agriculture", "农、林、牧、渔业", "agriculture", ((R, 20000),), ((R, 500),), ((R, 50),)
        ),
        _std(
            "industry",
            "工业",
            "industry",
            ((E, 1000), (R, 40000)),
            ((E, 300), (R, 2000)),
            ((E, 20), (R, 300)),
        ),
        _std(
            "construction",
            "建筑业",
            "construction",
            ((R, 80000), (A, 80000)),
            ((R, 6000), (A, 5000)),
            ((R, 300), (A, 300)),
        ),
        _std(
            "wholesale",
            "批发业",
            "wholesale",
            ((E, 200), (R, 40000)),
            ((E, 20), (R, 5000)),
            ((E, 5), (R, 1000)),
        ),
        _std(
            "retail",
            "零售业",
            "retail",
            ((E, 300), (R, 20000)),
            ((E, 50), (R, 500)),
            ((E, 10), (R, 100)),
        ),
        _std(
            "transport",
            "交通运输业",
            "transport",
            ((E, 1000), (R, 30000)),
            ((E, 300), (R, 3000)),
            ((E, 20), (R, 200)),
        ),
        _std(
            "warehousing",
            "仓储业",
            "warehousing",
            ((E, 200), (R, 30000)),
            ((E, 100), (R, 1000)),
            ((E, 20), (R, 100)),
        ),
        _std(
            "postal",
            "邮政业",
            "postal services",
            ((E, 1000), (R, 30000)),
            ((E, 300), (R, 2000)),
            ((E, 20), (R, 100)),
        ),
        _std(
            "accommodation",
            "住宿业",
            "accommodation",
            ((E, 300), (R, 10000)),
            ((E, 100), (R, 2000)),
            ((E, 10), (R, 100)),
        ),
        _std(
            "catering",
            "餐饮业",
            "catering",
            ((E, 300), (R, 10000)),
            ((E, 100), (R, 2000)),
            ((E, 10), (R, 100)),
        ),
        _std(
            "information_transmission",
            "信息传输业",
            "information transmission",
            ((E, 2000), (R, 100000)),
            ((E, 100), (R, 1000)),
            ((E, 10), (R, 100)),
        ),
        _std(
            "software_it",
            "软件和信息技术服务业",
            "software and IT services",
            ((E, 300), (R, 10000)),
            ((E, 100), (R, 1000)),
            ((E, 10), (R, 50)),
        ),
        _std(
            "real_estate_development",
            "房地产开发经营",
            "real-estate development",
            ((R, 200000), (A, 10000)),
            ((R, 1000), (A, 5000)),
            ((R, 100), (A, 2000)),
        ),
        _std(
            "property_management",
            "物业管理",
            "property management",
            ((E, 1000), (R, 5000)),
            ((E, 300), (R, 1000)),
            ((E, 100), (R, 500)),
        ),
        _std(
            "leasing_business_services",
            "租赁和商务服务业",
            "leasing and business services",
            ((E, 300), (A, 120000)),
            ((E, 100), (A, 8000)),
            ((E, 10), (A, 100)),
        ),
        _std("other", "其他未列明行业", "other industries", ((E, 300),), ((E, 100),), ((E, 10),)),
    )
}


def _finance(
    key: str, zh: str, en: str, ceiling: float, medium: float, small: float
) -> SizeStandard:
    """A 2015 finance standard: SME under the asset ceiling, medium and small from their floors.
    Figures in 亿元 as the standard gives them, kept in 万元 like every other figure."""
    wan = 10_000
    return SizeStandard(
        key, zh, en, ((A, ceiling * wan),), ((A, medium * wan),), ((A, small * wan),),
        FINANCE_REFERENCE,
    )  # fmt: skip


# 银发〔2015〕309号 art. 5. The figures for non-deposit banking, securities firms and insurers are
# unconfirmed against a published copy (docs/rules-review.md, m09). A trust company is classed by
# the trust assets it manages, which the profile does not hold: its total assets stand in.
FINANCE_STANDARDS: Final[dict[str, SizeStandard]] = {
    s.key: s
    for s in (
        _finance("deposit_banking", "银行业存款类金融机构", "deposit banks", 40000, 5000, 50),
        _finance(
            "non_deposit_banking", "银行业非存款类金融机构", "non-deposit banking", 1000, 200, 50
        ),
        _finance(
            "lending_pawn", "贷款公司、小额贷款公司及典当行", "loan companies and pawnshops",
            1000, 200, 50,
        ),
        _finance("securities", "证券业金融机构", "securities firms", 1000, 100, 10),
        _finance("insurance", "保险业金融机构", "insurers", 5000, 400, 20),
        _finance("trust", "信托公司", "trust companies", 1000, 400, 20),
        _finance("financial_holding", "金融控股公司", "financial holdings", 40000, 5000, 50),
        _finance("other_finance", "其他金融机构", "other financial institutions", 1000, 200, 50),
    )
}  # fmt: skip

# GB/T 4754-2017 code prefix -> finance standard; the longest matching prefix decides.
_FINANCE_BY_CODE: Final = {
    "J66": None,  # 货币金融服务: too coarse (banks, lenders and lessors differ)
    "J662": "deposit_banking",  # 货币银行服务
    "J663": "non_deposit_banking",  # 非货币银行服务 (leasing, finance and auto-finance companies)
    "J6633": "lending_pawn",  # 典当
    "J6635": "lending_pawn",  # 小额贷款公司
    "J664": "other_finance",  # 银行理财服务
    "J67": "securities",  # 资本市场服务
    "J68": "insurance",  # 保险业
    "J69": "other_finance",  # 其他金融业 (financing guarantees too, art. 9)
    "J6911": "trust",  # 信托公司
    "J692": "financial_holding",  # 控股公司服务
}
# Bodies no size standard classes: the central bank (J661) and financial supervisors (J665,
# J675, J687), public administration (S) and international organisations (T).
_NOT_COVERED: Final = ("J661", "J665", "J675", "J687", "S", "T")
_BY_SECTION: Final = {
    "A": "agriculture",
    "B": "industry",
    "C": "industry",
    "D": "industry",
    "E": "construction",
    "L": "leasing_business_services",
}
_BY_DIVISION: Final = {
    "51": "wholesale",
    "52": "retail",
    "53": "transport",
    "54": "transport",
    "55": "transport",
    "56": "transport",
    "57": "transport",
    "58": "transport",
    "59": "warehousing",
    "60": "postal",
    "61": "accommodation",
    "62": "catering",
    "63": "information_transmission",
    "64": "information_transmission",
    "65": "software_it",
}


class NotCovered(LookupError):
    """No size standard classes the industry (the central bank, supervisors, public bodies)."""


def standard_for(industry_code: str) -> SizeStandard | None:
    """The size standard for a GB/T 4754-2017 code; None when the code is too coarse to tell."""
    section, digits = industry_code[0], industry_code[1:]
    if industry_code.startswith(_NOT_COVERED):
        raise NotCovered(industry_code)
    if section == "J":
        prefix = max(
            (p for p in _FINANCE_BY_CODE if industry_code.startswith(p)), key=len, default=None
        )
        key = _FINANCE_BY_CODE.get(prefix) if prefix else None
        return FINANCE_STANDARDS[key] if key else None
    if section in _BY_SECTION:
        return STANDARDS[_BY_SECTION[section]]
    if section == "K":
        if len(digits) < 3:
            return None
        if digits.startswith("701"):
            return STANDARDS["real_estate_development"]
        if digits.startswith("702"):
            return STANDARDS["property_management"]
        return STANDARDS["other"]
    if section in ("F", "G", "H", "I"):
        if len(digits) < 2:
            return None
        key = _BY_DIVISION.get(digits[:2])
        return STANDARDS[key] if key else STANDARDS["other"]
    return STANDARDS["other"]
