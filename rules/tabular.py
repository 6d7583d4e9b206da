"""Profiles from table rows (CSV, Excel): headers in English keys or Chinese, cells as text.

An empty cell is unknown (the key is left out). Lists are separated by ``;``, ``,`` or ``、``;
yes/no cells accept true/false, 是/否, yes/no, 1/0; ``first_profit_year`` accepts 尚未获利 or
``null`` for "not yet profitable". The converted row then goes through the same validation as
a JSON profile, so every problem names its field.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Final

from rules.fields import PROFILE_FIELDS
from rules.json_input import MAX_DIGITS
from rules.profile import Profile, ProfileError, parse_profile

HEADER_ALIASES: Final[dict[str, str]] = {
    "企业名称": "name",
    "名称": "name",
    "统一社会信用代码": "credit_code",
    "信用代码": "credit_code",
    "区域": "zone",
    "所在区域": "zone",
    "城市": "city",
    "所在市": "city",
    "行业代码": "industry_code",
    "国民经济行业代码": "industry_code",
    "重点产业领域": "sectors",
    "产业领域": "sectors",
    "业务": "activities",
    "开展业务": "activities",
    "关键领域核心环节生产研发": "core_link_rnd_production",
    "从业人员": "employees",
    "从业人员数": "employees",
    "营业收入": "annual_revenue",
    "营业收入(万元)": "annual_revenue",
    "资产总额": "total_assets",
    "资产总额(万元)": "total_assets",
    "成立日期": "established",
    "首个获利年度": "first_profit_year",
    "研发费用占比": "rd_expense_ratio",
    "研发费用占比(%)": "rd_expense_ratio",
    "高新技术企业": "high_tech_enterprise",
    "科技型中小企业": "tech_sme",
    "专精特新": "specialized_sme",
    "专精特新企业": "specialized_sme",
    "集成电路企业": "ic_enterprise",
    "线宽(nm)": "ic_line_width_nm",
    "集成电路线宽": "ic_line_width_nm",
    "软件企业": "software_enterprise",
    "外商投资企业": "foreign_invested",
    "医疗机构": "medical_institution",
    "高校或科研院所": "research_institution",
    "科研机构": "research_institution",
    "金融机构": "financial_institution",
    "列入省级关键领域目录": "key_field_in_catalogue",
    "集成电路企业类别": "ic_role",
    "东湖高新区": "in_east_lake",
    "注册在东湖高新区": "in_east_lake",
    "重点企业": "key_enterprise",
    "汉江流域": "in_han_river_basin",
    "经宜昌口岸进口": "imports_via_yichang",
}
TRUE_WORDS: Final = frozenset({"true", "yes", "y", "1", "是", "有", "对"})
FALSE_WORDS: Final = frozenset({"false", "no", "n", "0", "否", "无", "不是"})
NOT_YET_WORDS: Final = frozenset({"null", "none", "尚未获利", "未获利", "not yet profitable"})
_LIST_SEPARATORS: Final = re.compile(r"\s*[;,，；、|]\s*")


class _TooLong(ValueError):
    def __init__(self, digits: int) -> None:
        super().__init__(digits)
        self.digits = digits


def header_key(header: str) -> str:
    """The profile key a column header names (English keys as is, Chinese ones translated)."""
    cleaned = header.strip().replace("（", "(").replace("）", ")")
    return HEADER_ALIASES.get(cleaned, cleaned)


def _cell(key: str, text: str) -> Any:
    info = PROFILE_FIELDS.get(key)
    if info is None:
        return text
    if info.kind == "tags":
        return [part for part in _LIST_SEPARATORS.split(text) if part]
    if info.kind == "bool":
        lowered = text.lower()
        if lowered in TRUE_WORDS:
            return True
        if lowered in FALSE_WORDS:
            return False
        return text  # validation reports "expected true or false"
    if info.kind in ("int", "year"):
        if key == "first_profit_year" and text.lower() in NOT_YET_WORDS:
            return None
        if not re.fullmatch(r"-?\d+", text):
            return text  # validation reports "expected a whole number"
        if len(text.lstrip("-")) > MAX_DIGITS:  # int() itself refuses beyond 4,300 digits
            raise _TooLong(len(text.lstrip("-")))
        return int(text)
    if info.kind == "number":
        plain = text.replace(",", "")
        if re.fullmatch(r"-?\d+", plain) and len(plain.lstrip("-")) > MAX_DIGITS:
            raise _TooLong(len(plain.lstrip("-")))  # as JSON refuses such a whole number
        try:
            return float(plain)
        except ValueError:
            return text
    return text


def profile_from_row(row: dict[str, Any]) -> Profile:
    """Validate one table row as a profile; raise ProfileError naming each bad field."""
    data: dict[str, Any] = {}
    problems: list[str] = []
    for header, raw in row.items():
        if header is None:
            raise ProfileError(["row: more cells than column headers"])
        key = header_key(str(header))
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue  # an empty cell is unknown, never no or zero
        if isinstance(raw, datetime):
            data[key] = raw.date()
        elif isinstance(raw, str):
            try:
                data[key] = _cell(key, raw.strip())
            except _TooLong as error:
                problems.append(
                    f"{key}: a whole number of {error.digits} digits is longer than any answer"
                )
        elif (
            isinstance(raw, float)
            and raw.is_integer()
            and PROFILE_FIELDS.get(key, None)
            and (PROFILE_FIELDS[key].kind in ("int", "year"))
        ):
            data[key] = int(raw)
        else:
            data[key] = raw
    try:
        profile = parse_profile(data)
    except ProfileError as error:
        raise ProfileError(problems + error.problems) from None
    if problems:
        raise ProfileError(problems)
    return profile
