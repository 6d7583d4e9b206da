"""The only way WeasyPrint may load anything while it renders a report.

Reports print client data; a company name such as ``<img src="http://…">`` is escaped by the
template, but should markup ever slip through, nothing may be read from the network or the disk.
The fetcher serves a fixed list of bundled files (the fonts) and the logo read for this report,
under ``bundled:`` URLs, and refuses every other URL: ``file:``, ``http(s):``, ``data:``, any
other ``bundled:`` name.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, Final

from app.report.weasy import load_weasyprint
from resources import resource

if TYPE_CHECKING:
    from weasyprint.urls import URLFetcher, URLFetcherResponse
else:  # imported through load_weasyprint, which knows how to import WeasyPrint fast
    URLFetcher = load_weasyprint().urls.URLFetcher
    URLFetcherResponse = load_weasyprint().urls.URLFetcherResponse

log = logging.getLogger(__name__)

SCHEME: Final = "bundled:"
LOGO_URL: Final = "bundled:logo"

#: The bundled files a report may use: URL -> (path below resources/, media type).
BUNDLED: Final[dict[str, tuple[tuple[str, ...], str]]] = {
    "bundled:fonts/NotoSansSC-Regular.otf": (("fonts", "NotoSansSC-Regular.otf"), "font/otf"),
    "bundled:fonts/NotoSansSC-Bold.otf": (("fonts", "NotoSansSC-Bold.otf"), "font/otf"),
}


class RefusedURL(ValueError):
    """WeasyPrint asked for a URL that is not a bundled resource."""


@cache
def _bundled_bytes(url: str) -> bytes:
    parts, _ = BUNDLED[url]
    return resource(*parts).read_bytes()


class BundledOnlyFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint has no type hints
    """Serves bundled resources and the given in-memory files; refuses every other URL.

    ``served`` and ``refused`` record what was asked for, so callers and tests can check that
    nothing else was fetched.
    """

    def __init__(self, extra: Mapping[str, tuple[bytes, str]] | None = None) -> None:
        # fail_on_errors=False: a refused URL is skipped (and logged), not fatal to the report.
        super().__init__(allowed_protocols=("bundled",), allow_redirects=False)
        for url in extra or {}:
            if not url.startswith(SCHEME) or url in BUNDLED:
                raise ValueError(f"extra resources must have their own bundled: URL, not {url}")
        self._extra = dict(extra or {})
        self.served: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> Any:
        if url in BUNDLED:
            body, media_type = _bundled_bytes(url), BUNDLED[url][1]
        elif url in self._extra:
            body, media_type = self._extra[url]
        else:
            self.refused.append(url)
            log.warning("report: refused to fetch %.200s", url)
            raise RefusedURL(f"only bundled resources are served, not {url[:200]}")
        self.served.append(url)
        return URLFetcherResponse(url, body=body, headers={"Content-Type": media_type})
