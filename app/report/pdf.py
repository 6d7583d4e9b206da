"""HTML from the Jinja template, and PDF from the HTML with WeasyPrint.

The Jinja environment autoescapes everything and uses ``StrictUndefined`` (a misspelt key is an
error, not an empty string). WeasyPrint gets no base URL and a fetcher that serves bundled
resources only (``app.report.fetcher``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from jinja2 import Environment, PackageLoader, StrictUndefined

from app.report.fetcher import BundledOnlyFetcher
from app.report.weasy import load_weasyprint
from resources import read_text

TEMPLATE: Final = "report.html"
STYLESHEET: Final = "report.css"
USER_AGENT_STYLESHEET: Final = "report_ua.css"
_COLOUR: Final = re.compile(r"#[0-9a-fA-F]{6}")


@cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("resources", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(view: dict[str, Any]) -> str:
    return environment().get_template(TEMPLATE).render(view)


def stylesheet(accent: str | None = None, name: str = STYLESHEET) -> str:
    """The CSS of the report (or of ``name``, e.g. the handout's); the accent colour, already
    validated, is checked again before use."""
    css = read_text("templates", name)
    if accent is not None:
        if not _COLOUR.fullmatch(accent):
            raise ValueError(f"accent colour {accent!r} is not written #RRGGBB")
        css += f"\n:root {{ --accent: {accent}; }}\n"
    return css


@dataclass(frozen=True)
class Pdf:
    data: bytes
    pages: int


@cache
def _report_html_class() -> Any:
    """WeasyPrint's HTML, with the report's own small user-agent stylesheet (report_ua.css).

    WeasyPrint asks ``HTML._ua_stylesheets()`` for the user-agent sheets; its HTML5 sheet makes
    it compute styles of pseudo-elements (footnote calls, markers, ...) for every element, a
    third of the rendering time of a report. Should a later WeasyPrint stop calling the method,
    its own sheet applies again: slower, and the tests check the same report.
    """
    weasyprint = load_weasyprint()
    user_agent = weasyprint.CSS(string=read_text("templates", USER_AGENT_STYLESHEET))

    html_class: Any = weasyprint.HTML

    class ReportHTML(html_class):  # type: ignore[misc]  # WeasyPrint has no type hints
        def _ua_stylesheets(self, forms: bool = False) -> list[Any]:
            return [user_agent]

    return ReportHTML


def render_document(html: str, css: str, fetcher: BundledOnlyFetcher) -> Any:
    """The laid-out WeasyPrint document (pages), not yet drawn into a PDF."""
    weasyprint = load_weasyprint()
    fonts = weasyprint.text.fonts.FontConfiguration()
    return _report_html_class()(string=html, base_url=None, url_fetcher=fetcher).render(
        font_config=fonts,
        stylesheets=[weasyprint.CSS(string=css, url_fetcher=fetcher, font_config=fonts)],
    )


def render_pdf(html: str, css: str, fetcher: BundledOnlyFetcher) -> Pdf:
    document = render_document(html, css, fetcher)
    return Pdf(document.write_pdf(), len(document.pages))
