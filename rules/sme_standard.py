"""Enterprise size classes by 工信部联企业〔2011〕300号 (中小企业划型标准规定), FACTS.md §6.

A company is an SME when *either* figure is under its industry's ceiling; medium needs both
medium floors, small both small floors, and an SME below either small floor is micro.
Revenue and assets in 万元. Three-valued: an unanswered figure leaves the class unknown unless
the known figures already decide it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

REFERENCE: Final = "工信部联企业〔2011〕300号《中小企业划型标准规定》"

Floor = tuple[str, float]  # (profile key, minimum)


@dataclass(frozen=True)
class SizeStandard:
    key: str
    zh: str
    en: str
    ceilings: tuple[Floor, ...]  # SME when any figure is below its ceiling
    medium: tuple[Floor, ...]
    small: tuple[Floor, ...]


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

# Sections the 2011 standard leaves to others: finance (J, its own 2015 standard),
# public administration (S) and international organisations (T).
_NOT_COVERED: Final = frozenset("JST")
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
    """The industry is outside the 2011 standard (finance, public bodies)."""


def standard_for(industry_code: str) -> SizeStandard | None:
    """The size standard for a GB/T 4754-2017 code; None when the code is too coarse to tell."""
    section, digits = industry_code[0], industry_code[1:]
    if section in _NOT_COVERED:
        raise NotCovered(industry_code)
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
