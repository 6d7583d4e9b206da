"""The core's refusals (profile validation, import checks) in the interface language.

``rules/`` and ``app/services`` word their refusals in English for the command line and logs,
one line per problem naming the field. The window shows the same refusals in Chinese too: each
known wording is matched here and said again through ``tr()``; an unknown one is shown as it
is, so nothing is ever hidden.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _bound(words: str) -> str:
    return {
        "greater than or equal to": translate("CoreMessages", "at least"),
        "less than or equal to": translate("CoreMessages", "at most"),
        "greater than": translate("CoreMessages", "more than"),
        "less than": translate("CoreMessages", "less than"),
    }[words]


def _kind(words: str) -> str:
    return {
        "a whole number": translate("CoreMessages", "a whole number"),
        "a number": translate("CoreMessages", "a number"),
        "true or false": translate("CoreMessages", "yes or no"),
        "text": translate("CoreMessages", "text"),
        "a list": translate("CoreMessages", "a list"),
    }[words]


_RULES: list[_Rule] = [
    (
        re.compile(
            r"^(?P<value>(?:(?!: ).)+) is out of range \(input should be "
            r"(?P<bound>greater than or equal to|less than or equal to|greater than|less than) "
            r"(?P<limit>[-\d.]+)\)$"
        ),
        lambda m: translate(
            "CoreMessages", "{value} is out of range: it must be {bound} {limit}."
        ).format(value=m["value"], bound=_bound(m["bound"]), limit=m["limit"]),
    ),
    (
        re.compile(
            r"^expected (?P<kind>a whole number|a number|true or false|text|a list), "
            r"got (?P<value>.+)$"
        ),
        lambda m: translate("CoreMessages", "Expected {kind}, got {value}.").format(
            kind=_kind(m["kind"]), value=m["value"]
        ),
    ),
    (
        re.compile(r"^'(?P<value>.*)' is not one of the allowed values \(.*\)$"),
        lambda m: translate("CoreMessages", "“{value}” is not one of the allowed answers.").format(
            value=m["value"]
        ),
    ),
    (
        re.compile(r"^check character is wrong \(expected (?P<char>.)\)$"),
        lambda m: translate(
            "CoreMessages",
            "The last character should be {char}: check the code for a typo.",
        ).format(char=m["char"]),
    ),
    (
        re.compile(r"^must be 18 characters, got (?P<count>\d+)$"),
        lambda m: translate(
            "CoreMessages", "A credit code has 18 characters; this one has {count}."
        ).format(count=m["count"]),
    ),
    (
        re.compile(r"^may use only digits and capital letters other than I, O, S, V, Z$"),
        lambda m: translate(
            "CoreMessages",
            "A credit code uses only digits and capital letters other than I, O, S, V and Z.",
        ),
    ),
    (
        re.compile(r"^must be a date written YYYY-MM-DD$"),
        lambda m: translate("CoreMessages", "Write the date as YYYY-MM-DD, e.g. 2019-06-18."),
    ),
    (
        re.compile(r"^'(?P<value>.*)' is not a real date$"),
        lambda m: translate("CoreMessages", "{value} is not a real date.").format(value=m["value"]),
    ),
    (
        re.compile(r"^'(?P<value>.*)' is listed twice$"),
        lambda m: translate("CoreMessages", "“{value}” is listed twice.").format(value=m["value"]),
    ),
    (
        re.compile(r"^unknown key \(not a profile field; check the spelling\)$"),
        lambda m: translate(
            "CoreMessages", "This is not a question of the profile: check the column's name."
        ),
    ),
    (
        re.compile(r"^required$"),
        lambda m: translate("CoreMessages", "This answer is required."),
    ),
    (
        re.compile(r"^null is not an answer here; leave the key out if it is unknown$"),
        lambda m: translate(
            "CoreMessages", "An empty answer is not allowed here; leave it out if unknown."
        ),
    ),
    (
        re.compile(r"^'(?P<value>.*)' is not a GB/T 4754-2017 code.*$"),
        lambda m: translate(
            "CoreMessages",
            "“{value}” is not a GB/T 4754-2017 industry code (a letter A–T and 0, 2, 3 or 4 "
            "digits, e.g. C3976).",
        ).format(value=m["value"]),
    ),
    (
        re.compile(r"^'(?P<value>.*)' lacks its section letter.*$"),
        lambda m: translate(
            "CoreMessages",
            "“{value}” lacks its section letter: write it as in GB/T 4754-2017, e.g. C3976.",
        ).format(value=m["value"]),
    ),
    (
        re.compile(r"^'(?P<value>.*)': there is no (?P<what>division|group|class) .*$"),
        lambda m: translate(
            "CoreMessages", "“{value}” is not in the GB/T 4754-2017 classification."
        ).format(value=m["value"]),
    ),
    (
        re.compile(r"^the same company as (?P<row>.+)$"),
        lambda m: translate("CoreMessages", "The same company as {row} of this file.").format(
            row=_place(m["row"])
        ),
    ),
    (
        re.compile(
            r"^already in the roster as client #(?P<id>\d+) (?P<name>.+?)(?P<more> and \d+ more)? "
            r"\((?P<why>same credit code \S+|same name once normalised)\)"
            r"(?P<hint> \(--update saves the file's answers over it\))?$"
        ),
        lambda m: (
            translate("CoreMessages", "Already in the roster as client #{id} {name}.").format(
                id=m["id"], name=m["name"]
            )
            + (
                translate(
                    "CoreMessages",
                    " Tick “update clients already in the roster” to save the file's answers.",
                )
                if m["hint"]
                else ""
            )
        ),
    ),
    (
        re.compile(r"^(?P<count>\d+) cell\(s\) beyond the last column$"),
        lambda m: translate("CoreMessages", "{count} cells beyond the last column.").format(
            count=m["count"]
        ),
    ),
]

_FIELD = re.compile(r"^(?P<field>[a-z_]+)(?:\[\d+\])?: (?P<rest>.+)$")
_PLACE = re.compile(r"^(?P<kind>row|line|item) (?P<number>\d+)$")


def _place(label: str) -> str:
    match = _PLACE.match(label)
    if match is None:
        return label
    return translate("CoreMessages", "row {number}").format(number=match["number"])


def plain_reason(text: str) -> str:
    """``text`` (one refusal, with or without a leading ``field:``) said again through tr();
    unchanged when its wording is not a known one."""
    for pattern, say in _RULES:
        match = pattern.match(text)
        if match:
            return say(match)
    field = _FIELD.match(text)
    if field is not None:
        said = plain_reason(field["rest"])
        if said != field["rest"]:
            return said
    return text
