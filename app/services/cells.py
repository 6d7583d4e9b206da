"""Text cells that are safe to open in a spreadsheet, and read back exactly.

A client's name starting with ``=``, ``+``, ``-`` or ``@`` (or their full-width forms, which
spreadsheet programs also take as the start of a formula), a tab or a carriage return could run as
a formula when the CSV is opened (CSV injection). Such text is written with a leading apostrophe,
the spreadsheet convention for "this is text"; text that itself starts with an apostrophe gets one
more, so reading strips exactly one and every value comes back as it was.
"""

from __future__ import annotations

import re
from typing import Any, Final

FORMULA_STARTS: Final = frozenset("=+-@\t\r＝＋－＠")
QUOTE: Final = "'"


def formula_safe(value: Any) -> Any:
    """``value`` as a spreadsheet cell must hold it so that it never runs as a formula."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS | {QUOTE}:
        return QUOTE + value
    return value


def unquote(text: str) -> str:
    """The text a ``formula_safe`` cell was made from."""
    return text[1:] if text.startswith(QUOTE) else text


def xlsx_safe(value: Any) -> Any:
    """``value`` as an Excel cell can hold it: the control characters a workbook's XML cannot
    carry (all below U+0020 but tab, line feed and carriage return) written as ``\\xNN``, so
    that a name with one is exported instead of failing the whole file."""
    if isinstance(value, str) and _XML_ILLEGAL.search(value):
        return _XML_ILLEGAL.sub(lambda found: f"\\x{ord(found.group()):02x}", value)
    return value


_XML_ILLEGAL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
