"""What the user typed, checked and read into an answer, with plain-words messages.

Pure functions, no widgets: the answer widgets call them as the user types, tests call them
directly. Each ``parse_*`` returns the answer in the profile file's JSON form or raises
``InvalidInput`` whose text says in translated, plain words what is wrong and how to fix it.
Empty input is not handled here: the widgets read it as "unknown", never as zero.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date

from PySide6.QtCore import QCoreApplication
from stdnum.cn import uscc

from app.ui.widgets.base import InvalidInput
from rules.credit_code import CreditCodeError, normalize_credit_code

CREDIT_CODE_LENGTH = 18
# GB 32100-2015 uses digits and capital letters except I, O, S, V, Z (they look like digits).
CREDIT_CODE_ALPHABET = frozenset("0123456789ABCDEFGHJKLMNPQRTUWXY")
_LOOKALIKES = {"I": "1", "O": "0", "S": "5", "V": "U", "Z": "2"}

NAME_MAX = 200
YEAR_MIN, YEAR_MAX = 1949, 2100
EARLIEST_REGISTRATION = date(1900, 1, 1)


translate = QCoreApplication.translate


def normalize_input(text: str) -> str:
    """Full-width digits and letters to ASCII, surrounding spaces removed (as typed by an IME)."""
    return unicodedata.normalize("NFKC", text).strip()


# -- credit code ------------------------------------------------------------------------------


def credit_code_character_problem(text: str) -> str:
    """The first character problem of a (possibly partly typed) credit code, or ""."""
    code = uscc.compact(normalize_input(text))
    for position, char in enumerate(code, start=1):
        if char in CREDIT_CODE_ALPHABET:
            continue
        if char in _LOOKALIKES:
            return translate(
                "Validation",
                "Character {position}, '{char}', is not used in credit codes "
                "(no I, O, S, V, Z): did you mean {suggestion}?",
            ).format(position=position, char=char, suggestion=_LOOKALIKES[char])
        return translate(
            "Validation",
            "Character {position}, '{char}', is not allowed: a credit code has only digits "
            "and capital letters.",
        ).format(position=position, char=char)
    return ""


def credit_code_problem(text: str) -> str:
    """What is wrong with a complete credit code, in plain words; "" when it is valid."""
    code = uscc.compact(normalize_input(text))
    character = credit_code_character_problem(code)
    if character:
        return character
    if len(code) != CREDIT_CODE_LENGTH:
        return translate("Validation", "It has {count} characters; a credit code has 18.").format(
            count=len(code)
        )
    if code[0] not in "ANY" and not code[:8].isdigit():
        position = next(i for i, c in enumerate(code[:8], start=1) if not c.isdigit())
        return translate(
            "Validation",
            "Character {position}, '{char}', should be a digit: the first 8 characters of "
            "this credit code are digits.",
        ).format(position=position, char=code[position - 1])
    expected = uscc.calc_check_digit(code[:17])
    if code[17] != expected:
        return translate(
            "Validation", "The last character should be {expected}: check the code for a typo."
        ).format(expected=expected)
    try:
        normalize_credit_code(code)
    except CreditCodeError:
        return translate(
            "Validation", "This is not a valid credit code: check it against the business licence."
        )
    return ""


def parse_credit_code(text: str) -> str:
    problem = credit_code_problem(text)
    if problem:
        raise InvalidInput(problem)
    return normalize_credit_code(normalize_input(text))


# -- numbers ----------------------------------------------------------------------------------


def parse_number(
    text: str,
    *,
    whole: bool = False,
    maximum: float | None = None,
    positive: bool = False,
    units: tuple[str, ...] = (),
) -> int | float:
    """A number typed by a person: "1,200", "１２", "35 %" (a trailing unit is allowed).

    ``whole`` asks for a whole number; the value must be ≥ 0 (> 0 when ``positive``) and at
    most ``maximum``.
    """
    raw = normalize_input(text)
    for unit in sorted((u for u in units if u), key=len, reverse=True):
        if raw.endswith(unit):
            raw = raw[: -len(unit)].strip()
            break
    cleaned = raw.replace(",", "").replace(" ", "")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", cleaned):
        if whole:
            raise InvalidInput(
                translate(
                    "Validation", "'{text}' is not a number: type digits only, e.g. 25."
                ).format(text=text.strip())
            )
        raise InvalidInput(
            translate(
                "Validation", "'{text}' is not a number: type digits only, e.g. 1200 or 35.5."
            ).format(text=text.strip())
        )
    number = float(cleaned)
    if not math.isfinite(number):
        raise InvalidInput(
            translate("Validation", "'{text}' is too large.").format(text=text.strip())
        )
    if number < 0:
        raise InvalidInput(translate("Validation", "It cannot be below zero."))
    if positive and number == 0:
        raise InvalidInput(translate("Validation", "It must be more than zero."))
    if maximum is not None and number > maximum:
        raise InvalidInput(
            translate("Validation", "It cannot be more than {maximum}.").format(
                maximum=_plain(maximum)
            )
        )
    if whole:
        if number != int(number):
            raise InvalidInput(translate("Validation", "Type a whole number, e.g. 25."))
        return int(number)
    return int(number) if number == int(number) and "." not in cleaned else number


def _plain(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number)


def format_number(value: float | int) -> str:
    """A number as the user would type it back (no trailing ".0")."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# -- years and dates --------------------------------------------------------------------------


def parse_year(text: str) -> int:
    raw = normalize_input(text).removesuffix("年").strip()
    if not re.fullmatch(r"\d{4}", raw):
        raise InvalidInput(
            translate("Validation", "'{text}' is not a year: type four digits, e.g. 2021.").format(
                text=text.strip()
            )
        )
    year = int(raw)
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise InvalidInput(
            translate(
                "Validation", "{year} is outside {low}–{high}: check the year for a typo."
            ).format(year=year, low=YEAR_MIN, high=YEAR_MAX)
        )
    return year


_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_date(text: str, latest: date) -> date:
    """A date typed as 2019-03-05, 2019/3/5, 2019.3.5, 20190305 or 2019年3月5日.

    ``latest`` is the last possible day (today): a registration after it is surely a typo.
    """
    raw = normalize_input(text)
    match = _DATE.match(raw) or _COMPACT_DATE.match(raw)
    if not match:
        raise InvalidInput(
            translate(
                "Validation", "'{text}' is not a date: type it as YYYY-MM-DD, e.g. 2019-03-05."
            ).format(text=text.strip())
        )
    year, month, day = (int(part) for part in match.groups())
    try:
        value = date(year, month, day)
    except ValueError:
        raise InvalidInput(
            translate(
                "Validation", "There is no such day as {text}: check the month and the day."
            ).format(text=text.strip())
        ) from None
    if value > latest:
        raise InvalidInput(
            translate(
                "Validation",
                "{day} is in the future: a registration date cannot be after {latest}.",
            ).format(day=value.isoformat(), latest=latest.isoformat())
        )
    if value < EARLIEST_REGISTRATION:
        raise InvalidInput(
            translate(
                "Validation", "{day} is too early for a registration date: check the year."
            ).format(day=value.isoformat())
        )
    return value


# -- text -------------------------------------------------------------------------------------


def parse_name(text: str) -> str:
    name = text.strip()
    if not name:
        raise InvalidInput(translate("Validation", "Enter the company's name: it is required."))
    if len(name) > NAME_MAX:
        raise InvalidInput(
            translate(
                "Validation", "The name has {count} characters; at most {limit} are allowed."
            ).format(count=len(name), limit=NAME_MAX)
        )
    return name
