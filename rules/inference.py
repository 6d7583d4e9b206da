"""What a consultant infers for an unanswered key from other answers, with the basis in words.

A supermarket is not asked whether it is a hospital, a research institute or a bank; a company
whose credit code was issued in Wuhan is not asked its city. Each inference is a reasoned
derivation with its basis stated, never a default: where the answers do not settle a key, it
stays unknown. An explicit answer always wins, since nothing is inferred for a key answered.

- The institution kinds (``medical_institution``, ``research_institution``,
  ``financial_institution``) and whether the company can be an IC or software enterprise
  (``ic_enterprise``, ``software_enterprise``) from ``industry_code`` (GB/T 4754-2017), which
  classifies its main business: the most specific rule
  whose code prefix the company's code starts with decides; ``None`` in a rule means that part
  of the classification holds both kinds of body, so nothing is inferred.
- ``city`` from the GB/T 2260 administrative-division code in characters 3-8 of the credit code
  (GB 32100-2015, FACTS.md §8): the area of the registering authority, in Hubei only.
- ``ic_role`` ``design`` from industry code I6520 (集成电路设计).
- ``in_east_lake`` from the zone and city: the FTZ Wuhan area lies inside East Lake High-tech
  Zone (FACTS.md §1); a company outside Wuhan is not in it.
- ``in_han_river_basin`` from the city: Shiyan and Xiangyang lie wholly in the Han River basin;
  the cities on the Yangtze south and east of it (Huangshi, Yichang, Ezhou, Jingzhou, Huanggang,
  Xianning, Enshi) lie outside it; the others straddle it and are asked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from stdnum.cn import uscc

from rules.credit_code import CreditCodeError, normalize_credit_code
from rules.industry import IndustryCodeError, industry_table
from rules.vocabulary import CITIES, ZONES


@dataclass(frozen=True)
class Inference:
    """An inferred value for an unanswered profile key and what it rests on."""

    key: str
    value: Any
    basis_zh: str
    basis_en: str

    def basis(self, lang: str) -> str:
        return self.basis_zh if lang == "zh" else self.basis_en


# Code prefix -> inferred value; the longest matching prefix decides, None leaves it unknown.
# Sections not listed (S public administration and social organisations, T international
# organisations) hold bodies of every kind: nothing is inferred from them.
_NOT_THESE: Final = ("A", "B", "C", "D", "E", "F", "G", "H", "I", "K", "N", "O", "R")

MEDICAL_RULES: Final[dict[str, bool | None]] = {
    # Farming, mining, manufacturing (a drug maker C27 included), utilities, building, trade
    # (a pharmacy F5251 is a shop, not a 医疗机构), transport, hotels, IT, real estate,
    # water and environment, household services, culture: none is a medical institution.
    **dict.fromkeys(_NOT_THESE, False),
    "J": False,  # finance
    "L": False,  # leasing and business services
    "M": False,  # research and technical services: a medical research lab is not a hospital
    "P": False,  # education: a university's affiliated hospital is classified under Q itself
    "Q": None,  # health and social work: see the groups below
    "Q841": True,  # 医院: hospitals of every kind (医疗机构管理条例)
    "Q842": True,  # 基层医疗卫生服务: community health centres, township clinics, 门诊部
    "Q8432": True,  # 专科疾病防治院（所、站）: licensed as medical institutions
    "Q8433": True,  # 妇幼保健院（所、站）: licensed as medical institutions
    "Q8434": True,  # 急救中心（站）: licensed as medical institutions
    # Q8431 disease control, Q8435 blood supply, Q8436 family planning, Q849 other health
    # activities (health checks, clinical laboratories) and Q85 social work (nursing homes,
    # some of them licensed 护理院) mix medical and other bodies: left unknown under "Q".
}

RESEARCH_RULES: Final[dict[str, bool | None]] = {
    # The profile key means a university or a research institute (高校或科研院所).
    **dict.fromkeys(_NOT_THESE, False),
    "J": False,  # finance
    "L": False,  # leasing and business services
    "Q": False,  # hospitals and social work
    # M scientific and technical services: M73 研究和试验发展 holds research institutes but
    # also contract research firms (CROs) and companies' R&D subsidiaries; M74 (design
    # institutes, testing) and M75 (technology promotion) likewise: left unknown.
    "M": None,
    "P": False,  # schools, vocational training
    "P834": True,  # 高等教育: universities and colleges
}

FINANCIAL_RULES: Final[dict[str, bool | None]] = {
    # The profile key means a licensed financial institution (持牌金融机构).
    **dict.fromkeys(_NOT_THESE, False),
    "M": False,  # research and technical services
    "P": False,  # education
    "Q": False,  # health and social work
    "L": False,  # leasing and business services...
    "L7212": None,  # ...but investment and asset management may be a financial holding company
    "J": None,  # finance: see the groups below
    "J662": True,  # 货币银行服务: banks
    "J6632": True,  # 财务公司: licensed by the financial regulator
    "J6634": True,  # 汽车金融公司: licensed by the financial regulator
    "J6636": True,  # 消费金融公司: licensed by the financial regulator
    "J664": True,  # 银行理财服务: bank wealth-management subsidiaries, licensed
    "J6712": True,  # 证券经纪交易服务: securities companies, licensed
    "J672": True,  # 公开募集证券投资基金: public fund managers, licensed
    "J681": True,  # 人身保险: insurers
    "J682": True,  # 财产保险: insurers
    "J683": True,  # 再保险: reinsurers
    "J684": True,  # 商业养老金: pension insurers
    "J686": True,  # 保险资产管理: licensed insurance asset managers
    # Left unknown under "J": central bank and supervisors (J661, J665, J675, J687), leasing
    # (J6631: commercial leasing firms are not licensed), pawnshops, microcredit, online
    # lending and other non-bank lending (J6633, J6635, J6637, J6639), exchanges (J6711,
    # J6741), private funds and venture capital (J673, J676), insurance intermediaries (J685)
    # and J69 其他金融业, which holds licensed and unlicensed firms alike.
}

# IC and software enterprises (国发〔2020〕8号) are told by their main business, which is what the
# industry code classifies: an IC enterprise designs, makes, packages or tests chips or makes
# their equipment or materials; a software enterprise lives on software and IT services.
_NO_CHIPS_OR_SOFTWARE: Final = (
    *("A", "B", "D", "E", "F", "G", "H", "J", "K", "L", "N", "O", "P", "Q", "R"),
    # Manufacturing divisions that make neither chips nor their equipment or materials: food to
    # toys (C13-C25), medicines, chemical fibres, rubber and plastics, iron and steel, metal
    # products, vehicles, other transport equipment, electrical machinery, other manufacturing,
    # recycling, repair.
    *("C13", "C14", "C15", "C16", "C17", "C18", "C19", "C20", "C21", "C22", "C23", "C24"),
    *("C25", "C27", "C28", "C29", "C31", "C33", "C36", "C37", "C38", "C41", "C42", "C43"),
)

IC_RULES: Final[dict[str, bool | None]] = {
    **dict.fromkeys(_NO_CHIPS_OR_SOFTWARE, False),
    # C26 chemicals, C30 non-metallic minerals, C32 non-ferrous metals (electronic chemicals,
    # quartz, sputtering targets), C34 and C35 machinery, C39 electronics and C40 instruments may
    # make IC equipment or materials: left unknown under "C".
    "C": None,
    "C3973": True,  # 集成电路制造 (packaging and testing included)
    "I": False,  # telecoms, internet, software: a chip designer is classified I6520 instead
    "I6520": True,  # 集成电路设计
    "M": None,  # research and testing services may work on chips
}

SOFTWARE_RULES: Final[dict[str, bool | None]] = {
    **dict.fromkeys(_NO_CHIPS_OR_SOFTWARE, False),
    "C": False,  # manufacturers: software embedded in their products is not their main business
    "I": None,  # internet firms and software and IT service firms may or may not qualify
    "I63": False,  # telecoms and broadcasting transmission
    "M": None,  # engineering and design services may sell software
}

_Wording = tuple[str, str]  # (is one, is not one)
_INDUSTRY_RULES: Final[dict[str, tuple[dict[str, bool | None], _Wording, _Wording]]] = {
    # key: (rules, zh wording, en wording)
    "medical_institution": (
        MEDICAL_RULES,
        ("医疗机构", "非医疗机构"),
        ("a medical institution", "not a medical institution"),
    ),
    "research_institution": (
        RESEARCH_RULES,
        ("高校或科研院所", "非高校或科研院所"),
        ("a university or research institute", "not a university or research institute"),
    ),
    "financial_institution": (
        FINANCIAL_RULES,
        ("持牌金融机构", "非持牌金融机构"),
        ("a licensed financial institution", "not a licensed financial institution"),
    ),
    "ic_enterprise": (
        IC_RULES,
        ("集成电路企业", "非集成电路企业"),
        ("an integrated-circuit enterprise", "not an integrated-circuit enterprise"),
    ),
    "software_enterprise": (
        SOFTWARE_RULES,
        ("软件企业", "非软件企业"),
        ("a software enterprise", "not a software enterprise"),
    ),
}

# GB/T 2260 division codes of Hubei's prefecture-level cities; the four sub-prefecture cities
# and forestry district under the province (429004...) need all six digits. 420000 (the
# province itself) and 429000 (the group of directly administered units) name no city.
HUBEI_DIVISIONS: Final[dict[str, str]] = {
    "4201": "wuhan",
    "4202": "huangshi",
    "4203": "shiyan",
    "4205": "yichang",
    "4206": "xiangyang",
    "4207": "ezhou",
    "4208": "jingmen",
    "4209": "xiaogan",
    "4210": "jingzhou",
    "4211": "huanggang",
    "4212": "xianning",
    "4213": "suizhou",
    "4228": "enshi",
    "429004": "xiantao",
    "429005": "qianjiang",
    "429006": "tianmen",
    "429021": "shennongjia",
}

INFERRED_FROM: Final[dict[str, tuple[str, ...]]] = {
    "medical_institution": ("industry_code",),
    "research_institution": ("industry_code",),
    "financial_institution": ("industry_code",),
    "ic_enterprise": ("industry_code",),
    "software_enterprise": ("industry_code",),
    "city": ("credit_code", "zone"),
    "ic_role": ("industry_code",),
    "in_east_lake": ("zone", "city"),
    "in_han_river_basin": ("city",),
}

HAN_RIVER_BASIN: Final[dict[str, bool]] = {
    "shiyan": True,
    "xiangyang": True,
    **dict.fromkeys(
        ("huangshi", "yichang", "ezhou", "jingzhou", "huanggang", "xianning", "enshi"), False
    ),
}


def _sample_credit_code(division: str) -> str:
    body = f"91{division:0<6}MA0000000"
    return body + uscc.calc_check_digit(body)


# Answers that exercise every inference, for the engine's next-question trials
# (rules.questions): one industry for each kind of body and one that is none of them; one credit
# code per Hubei city and one from outside Hubei.
SAMPLE_ANSWERS: Final[dict[str, tuple[str, ...]]] = {
    "industry_code": ("Q8411", "P8341", "J6621", "C3973", "I6520", "F5212"),
    "credit_code": tuple(_sample_credit_code(d) for d in (*HUBEI_DIVISIONS, "110000")),
}


def _decide(rules: Mapping[str, bool | None], code: str) -> bool | None:
    prefix = max((p for p in rules if code.startswith(p)), key=len, default=None)
    return None if prefix is None else rules[prefix]


_IC_DESIGN: Final = Inference(
    "ic_role",
    "design",
    "由行业代码 I6520（集成电路设计）推断：集成电路设计企业",
    "inferred from industry code I6520 (integrated circuit design): a design enterprise",
)


@cache
def _from_industry(raw: str) -> tuple[Inference, ...]:
    try:
        code = industry_table().check(raw)
    except IndustryCodeError:
        return ()
    industry = industry_table().lookup(code)
    zh_name = f"（{industry.zh}）" if industry is not None else ""
    en_name = f" ({industry.en})" if industry is not None else ""
    inferences = []
    for key, (rules, zh, en) in _INDUSTRY_RULES.items():
        value = _decide(rules, code)
        if value is not None:
            inferences.append(
                Inference(
                    key,
                    value,
                    f"由行业代码 {code}{zh_name}推断：{zh[0] if value else zh[1]}",
                    f"inferred from industry code {code}{en_name}: {en[0] if value else en[1]}",
                )
            )
    if code.startswith("I6520"):
        inferences.append(_IC_DESIGN)
    return tuple(inferences)


@cache
def _from_credit_code(raw: str) -> tuple[Inference, ...]:
    try:
        code = normalize_credit_code(raw)
    except CreditCodeError:
        return ()
    division = code[2:8]
    city = HUBEI_DIVISIONS.get(division) or HUBEI_DIVISIONS.get(division[:4])
    if city is None:
        return ()
    zh, en = CITIES[city]
    return (
        Inference(
            "city",
            city,
            f"由统一社会信用代码中的登记机关行政区划码 {division} 推断：{zh}",
            f"inferred from the registering authority's area code {division} in the credit "
            f"code: {en}",
        ),
    )


# A company outside Hubei is in none of Hubei's cities: its city can only be "other". This
# overrides a city read off a Hubei credit code (a company registered in Hubei that has moved
# out): the zone is the company's own answer about where it operates.
_OUTSIDE_HUBEI_CITY: Final = Inference(
    "city",
    "other",
    "由所在区域推断：企业在湖北省外，所在市(州)不是省内市州",
    "inferred from the zone: the company is outside Hubei, so in none of Hubei's cities",
)


_EAST_LAKE_FTZ: Final = Inference(
    "in_east_lake",
    True,
    "由所在区域推断：自贸试验区武汉片区位于东湖高新区内",
    "inferred from the zone: the FTZ Wuhan area lies inside East Lake High-tech Zone",
)


# East Lake is a national high-tech zone in Wuhan: a company answering "elsewhere in Hubei"
# (outside the FTZ and the national zones), another FTZ area or outside Hubei is not in it.
_ZONES_OUTSIDE_EAST_LAKE: Final = ("hubei_other", "ftz_xiangyang", "ftz_yichang", "outside_hubei")


def _zone_outside_east_lake(zone: str) -> Inference:
    zh, en = ZONES[zone]
    return Inference(
        "in_east_lake",
        False,
        f"由所在区域推断：东湖高新区是武汉的国家级高新区，企业在{zh}",
        f"inferred from the zone: East Lake is a national high-tech zone in Wuhan, the company "
        f"is in: {en}",
    )


def _outside_east_lake(city: str) -> Inference:
    zh, en = CITIES[city] if city != "other" else ("武汉市以外", "a place other than Wuhan")
    return Inference(
        "in_east_lake",
        False,
        f"由所在市(州)推断：东湖高新区在武汉市，企业在{zh}",
        f"inferred from the city: East Lake High-tech Zone is in Wuhan, the company is in {en}",
    )


def _han_river_basin(city: str) -> Inference | None:
    inside = HAN_RIVER_BASIN.get(city)
    if inside is None:
        return None
    zh, en = CITIES[city]
    return Inference(
        "in_han_river_basin",
        inside,
        f"由所在市(州)推断：{zh}{'位于' if inside else '不在'}汉江流域",
        f"inferred from the city: {en} {'lies in' if inside else 'lies outside'} the Han River "
        "basin",
    )


def infer(facts: Mapping[str, Any]) -> dict[str, Inference]:
    """Inferences for the profile keys that ``facts`` leaves unanswered."""
    found: list[Inference] = []
    if isinstance(facts.get("industry_code"), str):
        found += _from_industry(facts["industry_code"])
    if isinstance(facts.get("credit_code"), str):
        found += _from_credit_code(facts["credit_code"])
    zone = facts.get("zone")
    if zone == "outside_hubei":
        found.append(_OUTSIDE_HUBEI_CITY)
    inferred = {i.key: i for i in found if i.key not in facts}
    city = facts["city"] if "city" in facts else getattr(inferred.get("city"), "value", None)
    if zone == "ftz_wuhan":
        found.append(_EAST_LAKE_FTZ)
    elif zone in _ZONES_OUTSIDE_EAST_LAKE:
        found.append(_zone_outside_east_lake(zone))
    elif isinstance(city, str) and city != "wuhan":
        found.append(_outside_east_lake(city))
    if isinstance(city, str) and (basin := _han_river_basin(city)) is not None:
        found.append(basin)
    return {i.key: i for i in found if i.key not in facts}
