"""What each profile key and derived fact is: its kind, the question that asks it, its vocabulary.

Used to check packs (a criterion must name a known field), to word explanations and questions,
and by the interview. Profile keys are CONTRACT.md's; derived facts come from rules.derived.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, Literal

from rules.derived import DERIVATIONS
from rules.vocabulary import ACTIVITIES, CITIES, IC_ROLES, SECTORS, SME_CLASSES, ZONES, Labels

FieldKind = Literal["text", "code", "enum", "tags", "bool", "int", "number", "date", "year"]


@dataclass(frozen=True)
class FieldInfo:
    key: str
    kind: FieldKind
    zh: str  # the question, as asked
    en: str
    vocabulary: Labels | None = None
    unit_zh: str = ""
    unit_en: str = ""

    def question(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def unit(self, lang: str) -> str:
        return self.unit_zh if lang == "zh" else self.unit_en


def _f(key: str, kind: FieldKind, zh: str, en: str, **extra: object) -> FieldInfo:
    return FieldInfo(key, kind, zh, en, **extra)  # type: ignore[arg-type]


PROFILE_FIELDS: Final[dict[str, FieldInfo]] = {
    f.key: f
    for f in (
        _f("name", "text", "企业名称", "Company name"),
        _f("credit_code", "code", "统一社会信用代码", "Unified social credit code"),
        _f(
            "zone",
            "enum",
            "企业注册并经营在哪个区域?",
            "Where is the company registered and operating?",
            vocabulary=ZONES,
        ),
        _f("city", "enum", "所在市(州)", "Which city (prefecture)?", vocabulary=CITIES),
        _f(
            "industry_code",
            "code",
            "所属行业(国民经济行业分类代码)",
            "Industry (GB/T 4754-2017 code)",
        ),
        _f(
            "sectors",
            "tags",
            "企业从事哪些重点产业领域?",
            "Which key industry fields does it work in?",
            vocabulary=SECTORS,
        ),
        _f(
            "activities",
            "tags",
            "企业开展或计划开展哪些业务?",
            "What does the company do or plan to do?",
            vocabulary=ACTIVITIES,
        ),
        _f(
            "core_link_rnd_production",
            "bool",
            "是否从事关键领域核心环节的生产研发?",
            "Does it produce or do R&D in core links of those key fields?",
        ),
        _f("employees", "int", "从业人员数", "Number of employees", unit_zh="人", unit_en="people"),
        _f(
            "annual_revenue",
            "number",
            "上年营业收入",
            "Revenue last year",
            unit_zh="万元",
            unit_en="10k CNY",
        ),
        _f("total_assets", "number", "资产总额", "Total assets", unit_zh="万元", unit_en="10k CNY"),
        _f("established", "date", "成立(登记)日期", "Date of registration"),
        _f(
            "first_profit_year",
            "year",
            "首个获利年度(尚未获利请选择“尚未获利”)",
            "First profitable year (or 'not yet profitable')",
        ),
        _f(
            "rd_expense_ratio",
            "number",
            "上年研发费用占销售收入比例",
            "R&D spending as a share of sales last year",
            unit_zh="%",
            unit_en="%",
        ),
        _f(
            "high_tech_enterprise",
            "bool",
            "是否持有有效的高新技术企业证书?",
            "Does it hold a valid high-tech enterprise (HTE) certificate?",
        ),
        _f("tech_sme", "bool", "是否已入库科技型中小企业?", "Is it a registered tech-based SME?"),
        _f(
            "specialized_sme",
            "bool",
            "是否为专精特新企业?",
            "Is it a recognised 'specialised and sophisticated' SME?",
        ),
        _f(
            "ic_enterprise",
            "bool",
            "是否为集成电路企业?",
            "Is it an integrated-circuit enterprise?",
        ),
        _f(
            "ic_role",
            "enum",
            "集成电路企业属于哪一类?",
            "Which kind of IC enterprise is it?",
            vocabulary=IC_ROLES,
        ),
        _f(
            "ic_line_width_nm",
            "number",
            "集成电路生产线最小线宽",
            "Finest IC production line width",
            unit_zh="纳米",
            unit_en="nm",
        ),
        _f("software_enterprise", "bool", "是否为软件企业?", "Is it a software enterprise?"),
        _f(
            "foreign_invested",
            "bool",
            "是否为外商投资企业?",
            "Is it a foreign-invested enterprise?",
        ),
        _f("medical_institution", "bool", "是否为医疗机构?", "Is it a medical institution?"),
        _f(
            "research_institution",
            "bool",
            "是否为高校或科研院所?",
            "Is it a university or research institute?",
        ),
        _f(
            "financial_institution",
            "bool",
            "是否为持牌金融机构?",
            "Is it a licensed financial institution?",
        ),
        _f(
            "key_field_in_catalogue",
            "bool",
            "企业所在领域是否已列入省里确定的第2条15%税率关键领域目录?"
            "(第2条所列领域后有“等”字,名单开放,以省级目录为准)",
            "Is the company's field in Hubei's catalogue of key fields for measure 2's 15% rate? "
            "(Measure 2's list ends in 'such as': it is open, and the province's catalogue "
            "decides)",
        ),
        _f(
            "in_east_lake",
            "bool",
            "企业是否注册在武汉东湖新技术开发区(光谷)?",
            "Is the company registered in Wuhan East Lake High-tech Zone (Optics Valley)?",
        ),
        _f(
            "key_enterprise",
            "bool",
            "企业是否列入省或市的重点企业名单?",
            "Is the company on a provincial or city list of key enterprises?",
        ),
        _f(
            "in_han_river_basin",
            "bool",
            "企业的货源或生产地是否在汉江流域?",
            "Are the company's goods made or sourced in the Han River basin?",
        ),
        _f(
            "imports_via_yichang",
            "bool",
            "企业是否经宜昌口岸(三峡机场、宜昌港)进口货物,或有此打算?",
            "Does (or would) the company bring imports in through Yichang's port or airport?",
        ),
    )
}

# Derived facts as fields: their kind and unit (their labels come from rules.derived).
_DERIVED_KINDS: Final[dict[str, tuple[FieldKind, dict[str, Any]]]] = {
    "in_hubei": ("bool", {}),
    "in_ftz": ("bool", {}),
    "is_sme": ("bool", {}),
    "sme_class": ("enum", {"vocabulary": SME_CLASSES}),
    "operating_years": ("number", {"unit_zh": "年", "unit_en": "years"}),
    "years_since_first_profit": ("int", {"unit_zh": "年", "unit_en": "years"}),
    "profit_window_open": ("bool", {}),
    "profit_window_10y_open": ("bool", {}),
    "hte_rd_ratio_required": ("number", {"unit_zh": "%", "unit_en": "%"}),
    "hte_rd_ratio_met": ("bool", {}),
}
DERIVED_FIELDS: Final[dict[str, FieldInfo]] = {
    name: FieldInfo(name, kind, DERIVATIONS[name].zh, DERIVATIONS[name].en, **extra)
    for name, (kind, extra) in _DERIVED_KINDS.items()
}


def field_info(name: str) -> FieldInfo:
    return PROFILE_FIELDS.get(name) or DERIVED_FIELDS[name]


def known_field(name: str) -> bool:
    return name in PROFILE_FIELDS or name in DERIVED_FIELDS
