"""The core's refusals shown in the interface language, never hidden."""

from __future__ import annotations

import re

import pytest

from app.ui.core_messages import plain_reason
from rules.profile import ProfileError, parse_profile

CJK = re.compile(r"[\u4e00-\u9fff]")

WRONG = {
    "employees": -1,
    "annual_revenue": "lots",
    "zone": "wuhan",
    "credit_code": "91420100MA4KX8N35A",
    "industry_code": "5211",
    "established": "2019/6/18",
    "rd_expense_ratio": 150,
    "high_tech_enterprise": "maybe",
}


def refusal(key: str, value: object) -> str:
    with pytest.raises(ProfileError) as refused:
        parse_profile({"name": "x", key: value})
    (line,) = refused.value.problems
    return line


@pytest.mark.parametrize("key", sorted(WRONG))
def test_each_refusal_of_a_wrong_answer_is_said_in_chinese(chinese, key) -> None:
    line = refusal(key, WRONG[key])
    said = plain_reason(line)
    assert CJK.search(said), f"{line!r} -> {said!r}"
    assert not said.startswith(f"{key}:")


def test_english_keeps_the_meaning(qtbot) -> None:
    said = plain_reason(refusal("employees", -1))
    assert said == "-1 is out of range: it must be at least 0."
    assert plain_reason(refusal("credit_code", "91420100MA4KX8N35A")) == (
        "The last character should be J: check the code for a typo."
    )


def test_import_refusals_are_said_too(chinese) -> None:
    line = (
        "already in the roster as client #7 光谷智算科技有限公司 (same credit code "
        "91420100MA4KX8N35J) (--update saves the file's answers over it)"
    )
    said = plain_reason(line)
    assert "#7" in said and "光谷智算科技有限公司" in said and CJK.search(said)
    assert plain_reason("the same company as row 3") == "与本文件第 3 行是同一家企业。"


def test_an_unknown_wording_is_shown_as_it_is(chinese) -> None:
    assert plain_reason("something the core never said before") == (
        "something the core never said before"
    )


def test_the_refused_rows_table_speaks_chinese(chinese) -> None:
    from app.ui.export.controller import RefusedRowsModel, refused_rows

    model = RefusedRowsModel("zh")
    model.set_rows(
        refused_rows(
            [
                "row 3: credit_code: check character is wrong (expected J)",
                "row 4: employees: -3 is out of range (input should be greater than or equal to 0)",
            ]
        )
    )
    reasons = [model.index(row, RefusedRowsModel.REASON).data() for row in range(2)]
    assert reasons == ["最后一位应为 J：请检查代码是否有误。", "-3 超出范围：应不小于 0。"]
    assert model.index(1, RefusedRowsModel.FIELD).data() == "从业人员数"
