"""Database passwords taken out of any text before it is shown or logged.

Every message that may quote a URL or a driver's words goes through ``redact``: a URL's
``user:password@``, a ``password=...`` option and every password this process has connected with
(``remember``) become ``***``. Kept free of SQLAlchemy, so that logging can use it cheaply.
"""

from __future__ import annotations

import re
from urllib.parse import quote, quote_plus

MASK = "***"
_LIMIT = 300

# user:password@host, in a URL or in a mistyped one (postgresql//user:password@host) -> user:***@;
# the password runs to the last '@' before the host: an unescaped '@' or '/' in it is a common
# mistake.
_URL_CREDENTIALS = re.compile(
    r"(?P<head>(?:^|(?<=//)|(?<=[\s'\"]))[^\s'\"/:@]*:)(?!//)(?P<secret>[^\s'\"]*)@",
    re.MULTILINE,
)
# password=..., "password": "...", PGPASSWORD=... in option strings, conninfo and JSON
_PASSWORD_OPTION = re.compile(
    r"(?P<head>\b(?:pg)?pass(?:word|wd)?\b[\"']?\s*[=:]\s*[\"']?)(?P<secret>[^\s&;,\"']+)",
    re.IGNORECASE,
)
_WHITESPACE = re.compile(r"\s+")

_known: set[str] = set()


def remember(password: str | None) -> None:
    """Hide ``password`` from every message this process shows or logs from now on."""
    if password:
        _known.update({password, quote(password, safe=""), quote_plus(password)})


def redact(text: str) -> str:
    """``text`` with database passwords masked."""
    for secret in sorted(_known, key=len, reverse=True):
        text = text.replace(secret, MASK)
    text = _URL_CREDENTIALS.sub(lambda m: f"{m['head']}{MASK}@", text)
    return _PASSWORD_OPTION.sub(lambda m: f"{m['head']}{MASK}", text)


def one_line(text: str, limit: int = _LIMIT) -> str:
    """``text`` redacted, on one line, shortened to ``limit`` characters."""
    flat = _WHITESPACE.sub(" ", redact(text)).strip()
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
