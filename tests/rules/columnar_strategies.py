"""Profiles over every key, for comparing the compiled path with the engine.

Two generators draw from the same pools: hypothesis strategies (``profiles``, ``as_of_dates``)
and a seeded generator (``seeded_profiles``) for large reproducible files. The pools reach every
branch the two paths take: credit codes of every Hubei city (six-digit and four-digit divisions)
and from outside Hubei, every valid industry code with the tricky ones (coarse codes like ``C``
or ``J66``, finance ``J`` codes, bodies no size standard covers) drawn often, figures on either
side of every size-standard ceiling and floor and of every threshold the pack compares with,
dates around the pack's dated parameters, and "not yet profitable".
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any, Final

from hypothesis import strategies as st
from stdnum.cn import uscc

from rules.columnar.codes import valid_codes
from rules.fields import PROFILE_FIELDS
from rules.inference import HUBEI_DIVISIONS
from rules.pack import iter_conditions, load_pack
from rules.sme_standard import FINANCE_STANDARDS, STANDARDS
from rules.vocabulary import ACTIVITIES, CITIES, FTZ_AREA_CITY, IC_ROLES, SECTORS, ZONES

# The as-of dates of the brief: before and after each dated parameter and the notice.
AS_OF_DATES: Final = (
    date(2020, 6, 1),
    date(2021, 6, 1),
    date(2022, 5, 30),
    date(2022, 5, 31),
    date(2023, 6, 30),
    date(2026, 11, 29),
)

_ALPHABET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_DIVISIONS: Final = (
    *(d if len(d) == 6 else d + "00" for d in HUBEI_DIVISIONS),
    *(d + "06" for d in HUBEI_DIVISIONS if len(d) == 4),  # a district of a Hubei city
    "420000",  # the province itself: no city
    "429000",  # the directly administered units as a group: no city
    "429099",
    "110105",  # Beijing
    "440300",  # Shenzhen
    "310115",  # Shanghai
)
TRICKY_CODES: Final = (
    "A", "C", "C39", "C397", "C3973", "C3976", "F", "F51", "F5211", "G", "G58", "I", "I65",
    "I6520", "I6513", "I63", "J", "J66", "J661", "J662", "J6621", "J663", "J6633", "J6635",
    "J67", "J6712", "J68", "J69", "J6911", "J692", "K", "K70", "K701", "K7010", "K702", "L7212",
    "M", "M73", "P8341", "Q", "Q841", "Q8411", "Q8431", "S", "T",
)  # fmt: skip


def credit_code(first: str, division: str, body: str) -> str:
    """A valid Unified Social Credit Code for a registering department and division."""
    code = f"{first}{division}{body}"
    return code + uscc.calc_check_digit(code)


def _size_limits(figure: str) -> list[float]:
    standards = [*STANDARDS.values(), *FINANCE_STANDARDS.values()]
    return sorted(
        {
            limit
            for s in standards
            for key, limit in (*s.ceilings, *s.medium, *s.small)
            if key == figure
        }
    )


def _pack_thresholds(field: str) -> list[float]:
    pack = load_pack()
    values: set[float] = set()
    for measure in pack.measures:
        for provision in measure.provisions:
            for condition in iter_conditions(provision.criteria):
                if condition.field == field and isinstance(condition.value, int | float):
                    values.add(float(condition.value))
    return sorted(values)


def _around(limits: list[float], integer: bool) -> list[Any]:
    step = 1 if integer else 0.5
    near = {v for limit in limits for v in (limit - step, limit, limit + step) if v >= 0}
    return sorted(int(v) for v in near) if integer else sorted(near)


EMPLOYEES: Final = _around(_size_limits("employees"), integer=True)
REVENUE: Final = _around([*_size_limits("annual_revenue"), 5000, 20000], integer=False)
ASSETS: Final = _around(_size_limits("total_assets"), integer=False)
RD_RATIOS: Final = [0.0, 2.5, 2.99, 3.0, 3.5, 4.0, 4.5, 5.0, 6.0, 100.0]
LINE_WIDTHS: Final = [v for v in _around(_pack_thresholds("ic_line_width_nm"), False) if v > 0]
BOOLEANS: Final = tuple(k for k, f in PROFILE_FIELDS.items() if f.kind == "bool")
# Registration dates a few days either side of 1, 1.5, 2.5, 3 and 5 years before each as-of
# date, where the years in operation cross a threshold.
ESTABLISHED: Final = sorted(
    {
        (as_of - timedelta(days=round(years * 365.25) + shift)).isoformat()
        for as_of in AS_OF_DATES
        for years in (1, 1.5, 2.5, 3, 5)
        for shift in range(-3, 4)
    }
)


def fix_place(data: dict[str, Any]) -> dict[str, Any]:
    """Zone and city that can both be true (a contradiction is refused by parse_profile)."""
    zone, city = data.get("zone"), data.get("city")
    if zone is None or city is None:
        return data
    if zone == "outside_hubei":
        return {**data, "city": "other"}
    return {**data, "city": FTZ_AREA_CITY.get(zone, city)}


# --- hypothesis -------------------------------------------------------------------------------

credit_codes = st.builds(
    credit_code,
    st.sampled_from(["91", "92", "93", "11", "12", "51", "52", "A1", "N2", "Y1"]),
    st.sampled_from(_DIVISIONS),
    st.text(_ALPHABET, min_size=9, max_size=9),
)


def _figure(pool: list[Any], top: float, integer: bool) -> st.SearchStrategy[Any]:
    free = st.integers(0, int(top)) if integer else st.floats(0, top, allow_nan=False)
    return st.one_of(st.sampled_from(pool), free)


VALUES: Final[dict[str, st.SearchStrategy[Any]]] = {
    "credit_code": credit_codes,
    "zone": st.sampled_from(sorted(ZONES)),
    "city": st.sampled_from(sorted(CITIES)),
    "industry_code": st.one_of(st.sampled_from(TRICKY_CODES), st.sampled_from(valid_codes())),
    "sectors": st.lists(st.sampled_from(sorted(SECTORS)), max_size=5, unique=True),
    "activities": st.lists(st.sampled_from(sorted(ACTIVITIES)), max_size=6, unique=True),
    "employees": _figure(EMPLOYEES, 5000, integer=True),
    "annual_revenue": _figure(REVENUE, 300_000, integer=False),
    "total_assets": _figure(ASSETS, 500_000_000, integer=False),
    "established": st.one_of(
        st.sampled_from(ESTABLISHED),
        st.dates(date(1950, 1, 1), date(2030, 12, 31)).map(date.isoformat),
    ),
    "first_profit_year": st.one_of(st.none(), st.integers(2012, 2030), st.integers(1949, 2100)),
    "rd_expense_ratio": st.one_of(st.sampled_from(RD_RATIOS), st.floats(0, 100)),
    "ic_line_width_nm": st.one_of(
        st.sampled_from(LINE_WIDTHS), st.floats(0.5, 1000, allow_nan=False)
    ),
    "ic_role": st.sampled_from(sorted(IC_ROLES)),
    **{key: st.booleans() for key in BOOLEANS},
}
assert set(VALUES) == set(PROFILE_FIELDS) - {"name"}, "every profile key is generated"

profiles = st.fixed_dictionaries({}, optional=VALUES).map(
    lambda d: fix_place({"name": "测试企业", **d})
)
as_of_dates = st.one_of(
    st.sampled_from(AS_OF_DATES), st.dates(date(2018, 1, 1), date(2032, 12, 31))
)


# --- seeded -----------------------------------------------------------------------------------


def _seeded_value(rng: random.Random, key: str) -> Any:
    kind = PROFILE_FIELDS[key].kind
    if kind == "bool":
        return rng.random() < 0.5
    if key == "credit_code":
        first = rng.choice(["91", "92", "12", "52", "A1", "N2", "Y1"])
        body = "".join(rng.choice(_ALPHABET) for _ in range(9))
        return credit_code(first, rng.choice(_DIVISIONS), body)
    if key == "industry_code":
        return rng.choice(TRICKY_CODES if rng.random() < 0.3 else valid_codes())
    if key in ("zone", "city", "ic_role"):
        return rng.choice(sorted(PROFILE_FIELDS[key].vocabulary or ()))
    if key in ("sectors", "activities"):
        vocabulary = sorted(PROFILE_FIELDS[key].vocabulary or ())
        return rng.sample(vocabulary, rng.choice([0, 0, 1, 1, 2, 3, 5]))
    if key == "employees":
        return rng.choice(EMPLOYEES) if rng.random() < 0.4 else rng.randint(0, 5000)
    if key == "annual_revenue":
        return rng.choice(REVENUE) if rng.random() < 0.4 else round(rng.uniform(0, 3e5), 1)
    if key == "total_assets":
        return rng.choice(ASSETS) if rng.random() < 0.4 else round(rng.uniform(0, 5e8), 1)
    if key == "established":
        if rng.random() < 0.3:
            return rng.choice(ESTABLISHED)
        return (date(1950, 1, 1) + timedelta(days=rng.randint(0, 29_600))).isoformat()
    if key == "first_profit_year":
        return None if rng.random() < 0.25 else rng.randint(2010, 2030)
    if key == "rd_expense_ratio":
        return rng.choice(RD_RATIOS) if rng.random() < 0.5 else round(rng.uniform(0, 20), 2)
    if key == "ic_line_width_nm":
        return rng.choice(LINE_WIDTHS) if rng.random() < 0.5 else round(rng.uniform(1, 600), 1)
    raise AssertionError(key)


def seeded_profile(rng: random.Random, index: int) -> dict[str, Any]:
    """One company: each key answered with a probability of its own, drawn per company."""
    answered = rng.choice([0.1, 0.3, 0.5, 0.7, 0.9])
    data: dict[str, Any] = {"name": f"样本企业{index:06d}"}
    for key in VALUES:
        if rng.random() < answered:
            data[key] = _seeded_value(rng, key)
    return fix_place(data)


def seeded_profiles(count: int, seed: int = 11) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [seeded_profile(rng, index) for index in range(count)]


# --- a pack that compares every fact every way --------------------------------------------------

_SAMPLE_CODE: Final = credit_code("91", "420100", "MA0000000")
# (field, op, value); a value ("param", name) reads a dated parameter of the pack below.
COMPARISONS: Final[tuple[tuple[str, str, Any], ...]] = (
    ("name", "eq", "测试企业"),
    ("name", "ne", "别的企业"),
    ("credit_code", "prefix_in", ["91420100", "12", "N2"]),
    ("credit_code", "eq", _SAMPLE_CODE),
    ("credit_code", "in", [_SAMPLE_CODE, 5]),
    ("credit_code", "contains", "MA0"),
    ("credit_code", "gte", "9"),
    ("zone", "eq", "ftz_wuhan"),
    ("zone", "ne", "outside_hubei"),
    ("zone", "in", ["ftz_xiangyang", "ftz_yichang"]),
    ("zone", "not_in", ["hubei_other", "national_dev_zone"]),
    ("zone", "eq", 1),
    ("zone", "in", "ftz_wuhan_or_ftz_yichang"),  # Python's `in` on a text: a substring
    ("city", "not_in", "wuhan"),
    ("city", "eq", "wuhan"),
    ("city", "ne", "other"),
    ("city", "in", ["shiyan", "xiangyang", "xiantao"]),
    ("city", "not_in", ["wuhan", "other"]),
    ("city", "eq", ("param", "iov_city")),
    ("industry_code", "prefix_in", ["C39", "J66", "I6520", "Q84"]),
    ("industry_code", "prefix_in", "CJ"),
    ("industry_code", "eq", "C3976"),
    ("industry_code", "in", ["I6513", "F5211", "J"]),
    ("industry_code", "not_in", ["C"]),
    ("industry_code", "lt", "D"),
    ("sectors", "contains", "software"),
    ("sectors", "contains", 5),
    ("sectors", "intersects", ["biomedicine", "medical_devices", "not_a_sector"]),
    ("sectors", "eq", ["software"]),
    ("sectors", "ne", []),
    ("activities", "intersects", ["import_goods", "export_goods"]),
    ("activities", "contains", "patent_application"),
    ("core_link_rnd_production", "eq", True),
    ("high_tech_enterprise", "ne", True),
    ("tech_sme", "eq", 1.0),
    ("specialized_sme", "eq", 0),
    ("foreign_invested", "eq", "yes"),
    ("key_enterprise", "ne", 2),
    ("imports_via_yichang", "in", [True]),
    ("medical_institution", "eq", False),
    ("research_institution", "eq", True),
    ("financial_institution", "ne", False),
    ("ic_enterprise", "eq", True),
    ("software_enterprise", "eq", False),
    ("in_east_lake", "eq", True),
    ("in_han_river_basin", "eq", False),
    ("key_field_in_catalogue", "eq", True),
    ("ic_role", "eq", "design"),
    ("ic_role", "not_in", ["manufacturing", "materials"]),
    ("employees", "gte", 300),
    ("employees", "lt", 20),
    ("employees", "eq", 100),
    ("employees", "in", [10, 20.0, 2.5]),
    ("employees", "gt", True),
    ("employees", "gte", ("param", "staff_floor")),
    ("annual_revenue", "gt", 5000),
    ("annual_revenue", "lte", 20000.5),
    ("annual_revenue", "eq", 300),
    ("total_assets", "in", [300, 1000.0]),
    ("total_assets", "ne", 80000),
    ("established", "gte", date(2020, 1, 1)),
    ("established", "lt", date(2010, 1, 1)),
    ("established", "eq", date(2015, 6, 1)),
    ("established", "ne", "2015-06-01"),
    ("first_profit_year", "gte", 2020),
    ("first_profit_year", "lt", 2015),
    ("first_profit_year", "eq", 2021),
    ("first_profit_year", "ne", 2021),
    ("first_profit_year", "in", [2020, 2021]),
    ("first_profit_year", "not_in", [2020]),
    ("rd_expense_ratio", "gte", 3),
    ("ic_line_width_nm", "lte", 28),
    ("in_hubei", "eq", True),
    ("in_hubei", "eq", ("param", "hubei_wide")),
    ("in_ftz", "ne", False),
    ("is_sme", "eq", True),
    ("is_sme", "eq", False),
    ("sme_class", "eq", "small"),
    ("sme_class", "in", ["micro", "small"]),
    ("sme_class", "not_in", ["large"]),
    ("sme_class", "ne", "medium"),
    ("operating_years", "gte", 3),
    ("operating_years", "lt", 1.5),
    ("operating_years", "eq", 2.5),
    ("years_since_first_profit", "lte", 2),
    ("years_since_first_profit", "gte", 5),
    ("years_since_first_profit", "eq", 0),
    ("years_since_first_profit", "ne", 3),
    ("years_since_first_profit", "in", [1, 2]),
    ("years_since_first_profit", "not_in", [1]),
    ("profit_window_open", "eq", True),
    ("profit_window_10y_open", "eq", False),
    ("hte_rd_ratio_required", "eq", 4.0),
    ("hte_rd_ratio_required", "lte", 4),
    ("hte_rd_ratio_met", "eq", True),
    ("hte_rd_ratio_met", "ne", True),
)


def _condition(index: int, field: str, op: str, value: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"id": f"c{index}", "field": field, "op": op}
    if isinstance(value, tuple):
        data["param"] = value[1]
    else:
        data["value"] = value
    return {**data, "text": {"zh": "条件", "en": "A condition"}, "citation": "条件"}


def _parameter(*values: tuple[date, Any]) -> dict[str, Any]:
    return {
        "unit": "x",
        "description": {"zh": "参数", "en": "A parameter"},
        "values": [{"valid_from": d, "value": v, "reference": "测试"} for d, v in values],
    }


def _trees() -> list[list[dict[str, Any]]]:
    """Criteria trees mixing all, any and not over derived and inferred facts."""
    by = {
        f"{field}:{op}:{value!r}": _condition(index, field, op, value)
        for index, (field, op, value) in enumerate(COMPARISONS)
    }
    sme, small = by["is_sme:eq:True"], by["sme_class:eq:'small'"]
    wuhan, hte_ratio = by["zone:eq:'ftz_wuhan'"], by["hte_rd_ratio_met:eq:True"]
    east_lake, city = by["in_east_lake:eq:True"], by["city:eq:'wuhan'"]
    outside_basin = by["in_han_river_basin:eq:False"]
    window, ic = by["profit_window_open:eq:True"], by["ic_enterprise:eq:True"]
    bank, code = by["financial_institution:ne:False"], by[f"credit_code:eq:{_SAMPLE_CODE!r}"]
    hubei_wide, staff = by["in_hubei:eq:('param', 'hubei_wide')"], by["employees:gte:300"]
    research, not_medical = by["research_institution:eq:True"], by["medical_institution:eq:False"]
    iov, software = by["city:eq:('param', 'iov_city')"], by["sectors:contains:'software'"]
    recent, old = by["years_since_first_profit:lte:2"], by["operating_years:gte:3"]
    return [
        [{"all": [wuhan, {"not": {"any": [sme, small]}}, hte_ratio]}],
        [{"any": [{"not": east_lake}, {"all": [city, {"not": outside_basin}]}]}],
        [{"all": [window, ic]}, {"any": [bank, code]}],
        [{"not": {"all": [hubei_wide, staff]}}, {"all": [research, {"not": not_medical}]}],
        [{"any": [{"all": [iov, software]}, {"all": [recent, old]}]}],
    ]


def every_operator_pack(
    base: Any, comparisons: tuple[tuple[str, str, Any], ...] = COMPARISONS
) -> Any:
    """``base`` with its measures replaced: one per comparison (COMPARISONS), then (for those)
    a few trees mixing them and one with no provision; and with dated parameters of its own."""
    from rules.pack import Manifest, Measure, Pack

    template = next(m for m in base.measures if m.provisions)
    own = base.manifest.parameters
    parameters = {
        **{name: parameter.model_dump() for name, parameter in own.items()},
        "iov_city": own["xiangyang_iov_pilot_zone"].model_dump(),
        "hubei_wide": own["foreign_debt_pilot_hubei_wide"].model_dump(),
        "staff_floor": _parameter((date(2021, 1, 1), 100), (date(2023, 1, 1), 50)),
    }
    manifest = Manifest.model_validate(base.manifest.model_dump() | {"parameters": parameters})
    provision = template.provisions[0].model_dump(by_alias=True)
    criteria = [[_condition(i, *comparison)] for i, comparison in enumerate(comparisons)]
    if comparisons == COMPARISONS:
        criteria += [*_trees(), []]
    measures = []
    for number, trees in enumerate(criteria, start=1):
        data = template.model_dump(by_alias=True) | {
            "id": "m01",
            "number": number,
            "provisions": [
                provision | {"id": f"p{i}", "criteria": tree} for i, tree in enumerate(trees)
            ],
        }
        measure = Measure.model_validate(data)
        measures.append(measure.model_copy(update={"id": f"t{number:03d}"}))
    return Pack(manifest, measures, base.notice, "every-operator")
