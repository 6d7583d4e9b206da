"""Unified Social Credit Code (统一社会信用代码, GB 32100-2015) validation.

python-stdnum checks the code but its ``validate()`` insists that the first eight characters are
digits, so it rejects real codes issued by registering departments A, N and Y (FACTS.md §8).
Those are checked here with stdnum's own check-character calculation.
"""

from __future__ import annotations

import re

from stdnum.cn import uscc
from stdnum.exceptions import ValidationError

_SHAPE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{18}$")
_NON_DIGIT_DEPARTMENTS = frozenset("ANY")


class CreditCodeError(ValueError):
    """The code is not a valid Unified Social Credit Code; the message says why."""


def normalize_credit_code(raw: str) -> str:
    """Return the code in canonical form (upper case, no spaces) or raise CreditCodeError."""
    code = uscc.compact(raw)
    if len(code) != 18:
        raise CreditCodeError(f"must be 18 characters, got {len(code)}")
    if not _SHAPE.match(code):
        raise CreditCodeError("may use only digits and capital letters other than I, O, S, V, Z")
    if code[0] in _NON_DIGIT_DEPARTMENTS:
        expected = uscc.calc_check_digit(code[:17])
        if code[17] != expected:
            raise CreditCodeError(f"check character is wrong (expected {expected})")
        return code
    try:
        return str(uscc.validate(code))
    except ValidationError as error:
        expected = uscc.calc_check_digit(code[:17])
        if code[17] != expected:
            raise CreditCodeError(f"check character is wrong (expected {expected})") from error
        raise CreditCodeError(str(error)) from error
