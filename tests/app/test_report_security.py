"""Client data cannot change the report: HTML, CSS and URL payloads in every text field print
literally, and nothing is fetched, from the network or the disk.

A local HTTP server stands in for an attacker's: every payload points at it, and it must never
be asked for anything. The fetcher must also refuse URLs given to it directly (raw markup that
bypasses the template): ``file:``, ``http:``, ``data:`` and unknown ``bundled:`` names.
"""

from __future__ import annotations

import copy
import re
import threading
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from app.report.fetcher import BUNDLED, LOGO_URL, BundledOnlyFetcher, RefusedURL
from app.report.pdf import render_pdf, stylesheet
from app.report.service import build_report, render_report
from app.report.settings import Branding
from app.report.view import PolicyInfo
from rules.answer import assessment_json
from rules.pack import Pack
from tests.app.test_report_pdf import pdf_text, squeeze
from tests.app.test_report_view import AI_STARTUP
from tests.conftest import assess_dict

GENERATED = datetime(2026, 11, 26, 9, 30)
ONE_PIXEL_PNG = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAC"
    "hwGA60e6kgAAAABJRU5ErkJggg=="
)


class Trap:
    """An HTTP server on localhost that records every request made to it."""

    def __init__(self) -> None:
        hits: list[str] = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "text/css")
                self.end_headers()
                self.wfile.write(b"body { color: red }")

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.hits = hits
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Trap:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def trap() -> Iterator[Trap]:
    with Trap() as server:
        yield server


def payloads(url: str, tag: str) -> list[str]:
    """Markup, CSS and URLs that would fetch ``url`` (or a file) if they were not escaped."""
    return [
        f'<img src="{url}/{tag}-img">',
        f'<link rel="stylesheet" href="{url}/{tag}-link">',
        f"<style>@import url({url}/{tag}-import);</style>",
        f'<p style="background:url({url}/{tag}-style)">x</p>',
        f'<svg><image href="{url}/{tag}-svg"/></svg>',
        f'</td></tr></table><iframe src="{url}/{tag}-frame"></iframe>',
        '<object data="file:///etc/passwd"></object>',
        '<img src="data:image/png;base64,iVBORw0KGgo=">',
        "{{ 7*7 }}{% raw %}",
        "';background:url(file:///etc/hostname);'",
    ]


def chunks(items: list[str], limit: int = 200) -> list[str]:
    """The payloads joined into as few strings of at most ``limit`` characters as fit."""
    out = [""]
    for item in items:
        if len(out[-1]) + len(item) > limit:
            out.append("")
        out[-1] += item
    return out


@pytest.mark.parametrize(("lang", "rounds"), [("zh", None), ("en", 1)])
def test_payloads_in_the_profile_and_adviser_fields_print_literally(
    pack: Pack, tmp_path: Path, trap: Trap, lang: str, rounds: int | None
) -> None:
    # Names and adviser fields hold at most 200 characters: the payloads take several reports.
    fields = {
        key: chunks(payloads(trap.url, key))
        for key in ("name", "adviser", "organisation", "contact")
    }
    for index in range(len(fields["name"]))[:rounds]:
        values = {key: chunk[index] for key, chunk in fields.items()}
        branding = Branding(values["adviser"], values["organisation"], values["contact"])
        assessment = assess_dict(pack, {**AI_STARTUP, "name": values["name"]})
        result = build_report(
            assessment, tmp_path / f"{index}.pdf", lang=lang, branding=branding, generated=GENERATED
        )
        assert result.refused == []
        text = pdf_text(result.path)
        for value in values.values():
            assert squeeze(value) in text, value
    assert trap.hits == []


def test_payloads_in_every_text_of_the_answer_print_literally(
    pack: Pack, trap: Trap, tmp_path: Path
) -> None:
    """Titles, reasons, gains, citations come from the pack: a pack from elsewhere is data too."""
    answer = assessment_json(assess_dict(pack, AI_STARTUP), "en")
    counter = iter(range(10_000))
    planted: list[str] = []

    def plant(_: Any) -> str:
        number = next(counter)
        payload = f'<b>#{number}</b><img src="{trap.url}/{number}">'
        planted.append(payload)
        return payload

    text_keys = {"title", "reason", "gains", "next_step", "office", "text", "citation", "basis"}

    def poison(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                key: (
                    plant(value)
                    if key in text_keys and isinstance(value, str)
                    else [plant(v) for v in value]
                    if key in ("documents", "explanation") and isinstance(value, list)
                    else poison(value)
                )
                for key, value in node.items()
            }
        if isinstance(node, list):
            return [poison(item) for item in node]
        return node

    poisoned = poison(copy.deepcopy(answer))
    policy = PolicyInfo(
        number=plant(None), title=plant(None), deadline="2023-12-31", disclaimer=plant(None)
    )
    rendered = render_report(poisoned, policy, generated=GENERATED)
    assert rendered.refused == [] and trap.hits == []
    assert set(rendered.fetched) <= set(BUNDLED)
    path = tmp_path / "poisoned.pdf"
    path.write_bytes(rendered.pdf)
    text = pdf_text(path)
    # Every planted text that the report prints appears as text, markup and all. (Only its
    # start is compared: pdftotext interleaves texts that wrap in neighbouring columns.)
    printed = [n for n in range(len(planted)) if f"#{n}</b>" in text]
    assert len(printed) > 100
    for number in printed:
        assert f"<b>#{number}</b><img" in text, planted[number]


def test_the_fetcher_refuses_everything_but_bundled_resources(trap: Trap, tmp_path: Path) -> None:
    secret = tmp_path / "secret.css"
    secret.write_text("body { color: red }")
    logo = b"\x89PNG\r\n\x1a\n"
    fetcher = BundledOnlyFetcher({LOGO_URL: (logo, "image/png")})
    for url in (
        f"{trap.url}/direct",
        "https://example.invalid/x.png",
        secret.as_uri(),
        "file:///etc/passwd",
        "data:text/css,body%7Bcolor:red%7D",
        "bundled:fonts/../../../etc/passwd",
        "bundled:fonts/OFL.txt",
        "ftp://example.invalid/x",
    ):
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)
    assert fetcher.fetch(LOGO_URL).read() == logo
    font = fetcher.fetch("bundled:fonts/NotoSansSC-Regular.otf").read()
    assert font[:4] == b"OTTO"
    assert trap.hits == []
    with pytest.raises(ValueError, match="own bundled: URL"):
        BundledOnlyFetcher({"file:///etc/passwd": (b"", "text/plain")})


def test_raw_markup_that_bypassed_the_template_still_fetches_nothing(
    trap: Trap, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n")
    html = f"""<!DOCTYPE html><html><head>
        <link rel="stylesheet" href="{trap.url}/sheet.css">
        <link rel="stylesheet" href="{secret.as_uri()}">
        <style>@import url("{trap.url}/import.css");
               body {{ background: url("{trap.url}/bg.png") }}
               @font-face {{ font-family: X; src: url("{trap.url}/font.otf") }}</style>
        </head><body>
        <img src="{trap.url}/img.png"><img src="{secret.as_uri()}">
        <img src="{ONE_PIXEL_PNG}">
        <img src="relative.png"><object data="{trap.url}/object"></object>
        <svg xmlns="http://www.w3.org/2000/svg"><image href="{trap.url}/svg.png"/></svg>
        <p>hello</p></body></html>"""
    fetcher = BundledOnlyFetcher()
    pdf = render_pdf(html, stylesheet(), fetcher)
    assert pdf.pages == 1
    assert trap.hits == []
    refused = "\n".join(fetcher.refused)
    for fragment in ("/sheet.css", "/import.css", "/img.png", secret.as_uri(), "data:image/png"):
        assert fragment in refused
    assert all(url in BUNDLED for url in fetcher.served)


def test_the_accent_colour_cannot_carry_css() -> None:
    with pytest.raises(ValueError, match="#RRGGBB"):
        stylesheet("#fff; } body { background: url(http://x) } a {")
    assert stylesheet("#1F4E79").rstrip().endswith(":root { --accent: #1F4E79; }")


def test_nothing_marks_data_as_markup() -> None:
    """The report package never builds Markup by hand, which would bypass escaping."""
    root = Path(__file__).resolve().parents[2] / "app" / "report"
    for path in root.glob("*.py"):
        source = path.read_text("utf-8")
        assert not re.search(r"\bMarkup\b|\|\s*safe|autoescape\s*=\s*False", source), path
