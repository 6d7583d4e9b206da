"""Normalised company names, the key for spotting duplicates that are written differently.

``normalise_name`` folds what differs between two spellings of one company: full-width and
half-width forms (NFKC), case, spaces and punctuation, and a trailing legal form (有限公司,
股份有限公司, Co., Ltd. ...). ``clients.name_key`` stores its result: changing this function
needs a migration that recomputes that column.
"""

from __future__ import annotations

import re
import unicodedata

_CHINESE_LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "股份公司", "公司")
_LATIN_LEGAL_FORM = re.compile(
    r"\b(?:co\W*ltd|company\W+limited|limited|ltd|incorporated|inc|corporation|corp|llc|gmbh|co)"
    r"\W*$"
)
_NOT_WORD = re.compile(r"[\W_]+")
#: The stored key's length (``clients.name_key``, ``name_claim``: String(200)). NFKC can make a
#: name longer (one "㍿" is four characters), so the key is cut there, on both databases alike:
#: PostgreSQL would refuse a longer one, SQLite would store it.
KEY_LENGTH = 200


def normalise_search(text: str) -> str:
    """Text folded for comparison: NFKC, case-folded, without spaces or punctuation."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())


def normalise_name(name: str) -> str:
    """The comparison key of a company name: ``normalise_search`` less a trailing legal form."""
    folded = unicodedata.normalize("NFKC", name).casefold().strip()
    key = _NOT_WORD.sub("", _LATIN_LEGAL_FORM.sub("", folded))
    for form in _CHINESE_LEGAL_FORMS:
        if key.endswith(form) and len(key) > len(form):
            key = key[: -len(form)]
            break
    return (key or normalise_search(name))[:KEY_LENGTH]
