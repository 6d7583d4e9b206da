"""An English answer has no Chinese left in it except quotations of the notice, document names
and numbers, and the company's own name (issue 10, item 6)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from rules.answer import assessment_json
from tests.conftest import assess_dict

COMPANIES = sorted((Path(__file__).parent / "interview_companies").glob("*.json"))
CJK = re.compile(r"[\u4e00-\u9fff]")
# Quoted words, document titles and numbers (《…》, “…”, 鄂政办发〔2021〕7号) may stay Chinese.
QUOTED = re.compile(r"“[^”]*”|《[^》]*》|\"[^\"]*\"|[\u4e00-\u9fff]*〔\d{4}〕\d+号")
# Keys that hold quotations or names by nature.
VERBATIM = {"clause", "citation", "name", "lead_units", "responsible_units", "reference", "profile"}


def _chinese_left(node: Any, path: str = "") -> list[str]:
    if isinstance(node, dict):
        return [
            found
            for key, value in node.items()
            if key not in VERBATIM
            for found in _chinese_left(value, f"{path}.{key}")
        ]
    if isinstance(node, list):
        return [found for item in node for found in _chinese_left(item, path)]
    if isinstance(node, str) and CJK.search(QUOTED.sub("", node)):
        return [f"{path}: {node[:120]}"]
    return []


@pytest.mark.parametrize("as_of", [date(2021, 6, 1), date(2026, 11, 29)])
@pytest.mark.parametrize("company", COMPANIES, ids=lambda p: p.stem)
def test_an_english_answer_is_english(pack, company: Path, as_of: date) -> None:
    profile = json.loads(company.read_text("utf-8"))
    answer = assessment_json(assess_dict(pack, profile, as_of), "en")
    assert _chinese_left(answer) == []


def test_the_check_would_catch_chinese_left_in() -> None:
    assert _chinese_left({"reason": "Applies: 企业位于自贸试验区"}) != []
    assert _chinese_left({"reason": "Under 鄂政办发〔2021〕7号 and “先照后证”"}) == []
