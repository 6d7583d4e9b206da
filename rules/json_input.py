"""JSON profiles as users and files send them, decoded without surprises, and values quoted short.

``json.loads`` alone lets through what no profile holds and what would later crash or mislead:
a key given twice (the first value vanishes silently), a whole number of thousands of digits
(Python refuses to convert it, with an error from deep inside), nesting deep enough to exhaust
the interpreter's stack, and text with a lone surrogate (``"\\ud800"``), which is no character
at all and cannot be stored or printed. ``decode_json`` refuses each with one line naming the
key, as every other profile problem is named (``rules.profile.ProfileError``).

``shown`` quotes a value for such a line: on one line, and cut short, so that a megabyte cell
or a value with line breaks never floods a terminal or splits a message.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Final

MAX_DEPTH: Final = 8  # a profile is an object of lists (depth 2); a file of them, 3
MAX_DIGITS: Final = 40  # far beyond any answer (assets in 10k yuan, years, people)
SHOWN_CHARS: Final = 60


def _cut(text: str) -> str:
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


# Control characters and line separators, written as escapes so that a quoted value stays on
# one line: \n, \t, \x1c, \u2028...
_ESCAPES: Final = {
    code: json.dumps(chr(code))[1:-1] for code in (*range(32), 0x7F, 0x85, 0x2028, 0x2029)
}


def shown(value: Any) -> str:
    """``value`` as JSON, on one line, cut to ``SHOWN_CHARS`` characters."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return _cut(text.translate(_ESCAPES))


def quoted(value: Any) -> str:
    """A value in single quotes as messages write it (``'wuhan'``), on one line, cut short."""
    text = value if isinstance(value, str) else repr(value)
    return _cut("'" + text.translate(_ESCAPES) + "'")


def key_shown(key: str) -> str:
    """A key as a message names it: as it is when it is short and on one line (every real
    profile key is), else quoted and cut (an unknown key may be a megabyte of anything)."""
    if len(key) <= 40 and key.isprintable():
        return key
    return quoted(key)


def text_shown(text: str, limit: int = 200) -> str:
    """Stored text (a client's name) in a message: control characters and line separators
    escaped so the message stays one line, cut at ``limit`` characters."""
    flat = text.translate(_ESCAPES)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def cut(value: Any) -> str:
    """A number or other value as ``repr`` writes it, cut short."""
    return _cut(repr(value))


class JsonInputError(ValueError):
    """The text is not a JSON value a profile can be; ``problems`` names each key."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class _LongNumber:
    """A whole number too long to be an answer, kept to be reported where it stands."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


class _Duplicated(dict[str, Any]):
    """A JSON object that gave a key twice (the first value kept), to be reported where it
    stands: the whole value is not thrown away for one item's fault."""

    def __init__(self, items: dict[str, Any], key: str) -> None:
        super().__init__(items)
        self.duplicated = key


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    twice: str | None = None
    for key, value in pairs:
        if key in result:
            twice = twice if twice is not None else key
            continue
        result[key] = value
    return result if twice is None else _Duplicated(result, twice)


def _whole(text: str) -> int | _LongNumber:
    digits = len(text.lstrip("-"))
    return _LongNumber(digits) if digits > MAX_DIGITS else int(text)


def _text_problem(text: str) -> str | None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        bad = text[error.start]
        return f"holds a lone surrogate (\\u{ord(bad):04x}), not a character: the text is damaged"
    return None


def _walk(value: Any, where: str, depth: int) -> Iterator[str]:
    if depth > MAX_DEPTH:
        yield f"{where}: nested deeper than any profile ({MAX_DEPTH} levels)"
        return
    if isinstance(value, _LongNumber):
        yield f"{where}: a whole number of {value.digits} digits is longer than any answer"
    elif isinstance(value, str):
        problem = _text_problem(value)
        if problem:
            yield f"{where}: {problem}"
    elif isinstance(value, dict):
        if isinstance(value, _Duplicated):
            key = value.duplicated
            name = key_shown(key) if _text_problem(key) is None else "a key"
            named = name if depth == 0 else f"{where}.{name}"
            yield f"{named}: given twice; keep one of the two"
        for key, item in value.items():
            problem = _text_problem(key)
            if problem:
                yield f"{where}: a key {problem}"
                continue
            yield from _walk(item, key if depth == 0 else f"{where}.{key}", depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{where}[{index}]", depth + 1)


def _loads(text: str, where: str, line: bool) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_object, parse_int=_whole)
    except RecursionError:
        raise JsonInputError([f"{where}: nested deeper than any profile"]) from None
    except json.JSONDecodeError as error:
        if line:
            raise JsonInputError([f"malformed JSON at column {error.colno}: {error.msg}"]) from None
        raise JsonInputError(
            [f"{where}: malformed JSON at line {error.lineno}, column {error.colno}: {error.msg}"]
        ) from None
    except ValueError as error:  # a number Python will not convert, whatever its cause
        raise JsonInputError([f"{where}: {shown(str(error))}"]) from None


def decode_json(text: str, where: str = "profile", line: bool = False) -> Any:
    """The JSON value of ``text``; JsonInputError with one line per problem, naming the key
    (or ``where`` for the whole value) and, for malformed JSON, the line and column (only the
    column, without ``where``, when ``line`` says the text is one line of a file whose line
    number the caller gives)."""
    value = _loads(text, where, line)
    problems = list(_walk(value, where, 0))
    if problems:
        raise JsonInputError(problems)
    return value


def decode_json_items(text: str, where: str = "file") -> list[tuple[Any, list[str]]]:
    """A JSON document of profiles (an array of them, or one object), each with its own
    problems, named as ``decode_json`` names a profile's: one bad item never refuses the
    others. JsonInputError only when the document itself cannot be read."""
    value = _loads(text, where, False)
    if not isinstance(value, list | dict):
        raise JsonInputError([f"{where}: expected a JSON array of client profiles"])
    items = value if isinstance(value, list) else [value]
    return [(item, list(_walk(item, "profile", 0))) for item in items]
