"""The company profile (CONTRACT.md "The profile file").

A key that is absent means *unknown, not yet asked*: it is never read as false, zero or none.
``first_profit_year: null`` ("not yet profitable") and ``[]`` ("none of these") are answers.
``Profile.facts()`` hands the engine only the keys that were answered.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
)

from rules.credit_code import normalize_credit_code
from rules.industry import industry_table
from rules.json_input import JsonInputError, cut, decode_json, key_shown, quoted, shown
from rules.vocabulary import ACTIVITIES, CITIES, FTZ_AREA_CITY, IC_ROLES, SECTORS, ZONES, Labels

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _allowed(labels: Labels, limit: int = 120) -> str:
    """The allowed values as a message lists them: all of them, or as many as fit in ``limit``
    characters and how many there are (a message stays one short line)."""
    listed = ", ".join(labels)
    if len(listed) <= limit:
        return listed
    shown: list[str] = []
    for label in labels:
        if len(", ".join([*shown, label])) > limit:
            break
        shown.append(label)
    return f"{', '.join(shown)}, … {len(labels)} in all"


def _member_of(labels: Labels) -> AfterValidator:
    allowed = _allowed(labels)

    def check(value: str) -> str:
        if value not in labels:
            raise ValueError(f"{quoted(value)} is not one of the allowed values ({allowed})")
        return value

    return AfterValidator(check)


Zone = Annotated[str, Field(strict=True), _member_of(ZONES)]
City = Annotated[str, Field(strict=True), _member_of(CITIES)]
Sector = Annotated[str, Field(strict=True), _member_of(SECTORS)]
Activity = Annotated[str, Field(strict=True), _member_of(ACTIVITIES)]
IcRole = Annotated[str, Field(strict=True), _member_of(IC_ROLES)]

StrictBool = Annotated[bool, Field(strict=True)]
#: The largest whole number stored (a 64-bit integer: the databases' and the compiled path's
#: columns); far beyond any count of people.
MAX_WHOLE = 2**63 - 1
NonNegativeInt = Annotated[int, Field(strict=True, ge=0, le=MAX_WHOLE)]
NonNegativeNumber = Annotated[float, Field(strict=True, ge=0, allow_inf_nan=False)]


def _parse_iso_date(value: Any) -> Any:
    """Accept only ``YYYY-MM-DD`` strings (lax pydantic would read a number as a timestamp)."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError("must be a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{value}' is not a real date") from None


def _check_credit_code(value: str) -> str:
    return normalize_credit_code(value)


def _check_industry_code(value: str) -> str:
    return industry_table().check(value)


def _real_name(value: str) -> str:
    """Not blank, and no NUL character: PostgreSQL refuses NUL in text and SQLite stores it, and
    a client must go into either database alike (a desk's backup restores into the centre's)."""
    if not value.strip():
        raise ValueError("blank: a company needs a name")
    if "\x00" in value:
        raise ValueError("contains a NUL character (\\x00), which no database stores as text")
    return value


def _no_duplicates(values: list[str]) -> list[str]:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"{quoted(value)} is listed twice")
        seen.add(value)
    return values


IsoDate = Annotated[date, BeforeValidator(_parse_iso_date)]
CreditCode = Annotated[str, Field(strict=True), AfterValidator(_check_credit_code)]
IndustryCode = Annotated[str, Field(strict=True), AfterValidator(_check_industry_code)]
ProfitYear = Annotated[int, Field(strict=True, ge=1949, le=2100)]


class Profile(BaseModel):
    """One company's answers. Every key but ``name`` may be absent (unknown)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Annotated[
        str, Field(strict=True, min_length=1, max_length=200), AfterValidator(_real_name)
    ]
    credit_code: CreditCode | None = None
    zone: Zone | None = None
    city: City | None = None
    industry_code: IndustryCode | None = None
    sectors: Annotated[list[Sector], AfterValidator(_no_duplicates)] | None = None
    activities: Annotated[list[Activity], AfterValidator(_no_duplicates)] | None = None
    core_link_rnd_production: StrictBool | None = None
    employees: NonNegativeInt | None = None
    annual_revenue: NonNegativeNumber | None = None
    total_assets: NonNegativeNumber | None = None
    established: IsoDate | None = None
    first_profit_year: ProfitYear | None = None
    rd_expense_ratio: (
        Annotated[float, Field(strict=True, ge=0, le=100, allow_inf_nan=False)] | None
    ) = None
    high_tech_enterprise: StrictBool | None = None
    tech_sme: StrictBool | None = None
    specialized_sme: StrictBool | None = None
    ic_enterprise: StrictBool | None = None
    ic_line_width_nm: Annotated[float, Field(strict=True, gt=0, allow_inf_nan=False)] | None = None
    software_enterprise: StrictBool | None = None
    foreign_invested: StrictBool | None = None
    medical_institution: StrictBool | None = None
    research_institution: StrictBool | None = None
    financial_institution: StrictBool | None = None
    key_field_in_catalogue: StrictBool | None = None  # m02's open list of key fields
    ic_role: IcRole | None = None  # m03: manufacturer, designer, ...
    in_east_lake: StrictBool | None = None  # m41, m38: Wuhan East Lake High-tech Zone
    key_enterprise: StrictBool | None = None  # m53: on a Hubei list of key enterprises
    in_han_river_basin: StrictBool | None = None  # m60: the China-Europe consolidation centre
    imports_via_yichang: StrictBool | None = None  # m61: Yichang's import port and sites

    def facts(self) -> dict[str, Any]:
        """The answered keys and their values; an absent key is unknown."""
        return {key: getattr(self, key) for key in self.model_fields_set}

    def to_json_dict(self) -> dict[str, Any]:
        """The profile as the JSON file holds it: answered keys only, in contract order."""
        data = self.model_dump(mode="json", include=self.model_fields_set)
        return {key: data[key] for key in PROFILE_KEYS if key in data}


PROFILE_KEYS: tuple[str, ...] = tuple(Profile.model_fields)
NULLABLE_KEYS = frozenset({"first_profit_year"})


class ProfileError(ValueError):
    """The profile was refused; ``problems`` holds one line per problem, each naming the field."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _describe(error: Any) -> str:
    loc = [key_shown(str(part)) for part in error["loc"]]
    field = loc[0] if loc else "profile"
    where = field if len(loc) < 2 else f"{field}[{loc[1]}]"
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        return f"{field}: unknown key (not a profile field; check the spelling)"
    if kind == "missing":
        return f"{field}: required"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"{where}: {cut(value)} is out of range ({error['msg'].lower()})"
    if kind in ("int_type", "float_type", "bool_type", "string_type", "list_type"):
        expected = {
            "int_type": "a whole number",
            "float_type": "a number",
            "bool_type": "true or false",
            "string_type": "text",
            "list_type": "a list",
        }[kind]
        return f"{where}: expected {expected}, got {shown(value)}"
    if kind == "finite_number":
        return f"{where}: {cut(value)} is not a finite number"
    if kind == "value_error":
        reason = str(error["ctx"]["error"]) if "ctx" in error else error["msg"]
        return f"{where}: {reason}"
    return f"{where}: {error['msg']}"


def _null_problems(data: dict[str, Any]) -> list[str]:
    return [
        f"{key_shown(key)}: null is not an answer here; leave the key out if it is unknown"
        for key, value in data.items()
        if value is None and key in PROFILE_KEYS and key not in NULLABLE_KEYS
    ]


def _place_problems(profile: Profile) -> list[str]:
    """Zone and city that cannot both be true: one line naming both fields."""
    zone, city = profile.zone, profile.city
    if zone is None or city is None:
        return []
    if zone == "outside_hubei" and city != "other":
        return [
            f"zone, city: zone 'outside_hubei' (outside Hubei) contradicts city '{city}', "
            "a city of Hubei; correct one of them"
        ]
    area_city = FTZ_AREA_CITY.get(zone)
    if area_city is not None and city != area_city:
        return [
            f"zone, city: zone '{zone}' lies in {area_city}, not in city '{city}'; "
            "correct one of them"
        ]
    return []


def parse_profile(data: Any) -> Profile:
    """Validate a decoded profile; raise ProfileError with one line per problem."""
    if not isinstance(data, dict):
        raise ProfileError(["profile: expected a JSON object with the company's answers"])
    problems = _null_problems(data)
    try:
        profile = Profile.model_validate(data)
    except ValidationError as error:
        problems += [_describe(e) for e in error.errors()]
    else:
        problems += _place_problems(profile)
    if problems:
        raise ProfileError(sorted(set(problems), key=problems.index))
    return profile


def load_profile_json(text: str) -> Profile:
    """Parse profile JSON text; malformed JSON is reported with its line and column, a key
    given twice, a number too long or damaged text by name (``rules.json_input``)."""
    try:
        data = decode_json(text)
    except JsonInputError as error:
        raise ProfileError(error.problems) from None
    return parse_profile(data)
