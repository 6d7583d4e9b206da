import pytest
from stdnum.cn import uscc

from rules.credit_code import CreditCodeError, normalize_credit_code


@pytest.mark.parametrize("code", ["91420100MA4KX8N35J", "91420600MA49ABC121", "91420500MA4F0Q7E2W"])
def test_valid_codes_from_the_facts(code: str) -> None:
    assert normalize_credit_code(code) == code


def test_lower_case_and_spaces_are_normalised() -> None:
    assert normalize_credit_code(" 91420100ma4kx8n35j ") == "91420100MA4KX8N35J"


def test_wrong_check_character_names_the_expected_one() -> None:
    with pytest.raises(CreditCodeError, match="expected J"):
        normalize_credit_code("91420100MA4KX8N35K")


@pytest.mark.parametrize("department", ["A", "N", "Y"])
def test_departments_that_stdnum_rejects_are_accepted_when_valid(department: str) -> None:
    body = f"{department}1420100MA4KX8N35"
    code = body + uscc.calc_check_digit(body)
    assert not uscc.is_valid(code)  # the library gap this module covers
    assert normalize_credit_code(code) == code
    wrong = body + ("0" if code[-1] != "0" else "1")
    with pytest.raises(CreditCodeError, match="check character"):
        normalize_credit_code(wrong)


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("9142010", "18 characters"),
        ("91420100MA4KX8N35JX", "18 characters"),
        ("91420100MA4KX8NI5J", "capital letters other than"),
        ("9142010OMA4KX8N35J", "capital letters other than"),
    ],
)
def test_malformed_codes_say_why(code: str, reason: str) -> None:
    with pytest.raises(CreditCodeError, match=reason):
        normalize_credit_code(code)
