"""The PDF itself, as a reader gets it: text (pdftotext), embedded subset fonts, outline,
metadata, size, and rare characters of names rendered with real glyphs (no boxes)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTCollection, TTFont
from pypdf import PdfReader
from pypdf.generic import Destination

from app.report.labels import LABELS
from app.report.service import ReportResult, build_report
from app.report.settings import Branding
from resources import resource
from rules.pack import Pack
from tests.app.test_report_view import AI_STARTUP
from tests.conftest import assess_dict

GENERATED = datetime(2026, 11, 26, 9, 30)
MAX_BYTES = 400 * 1024
BRANDING = Branding(adviser="王晓明", organisation="楚天企业咨询有限公司", contact="027-8765 4321")
SECTIONS = [
    "summary",
    "eligible_section",
    "questions_section",
    "not_eligible_section",
    "criteria_section",
    "what_would_apply_section",
    "answers_section",
    "caveats_section",
]


@dataclass(frozen=True)
class Report:
    result: ReportResult
    text: str  # pdftotext, whitespace removed
    reader: PdfReader


def pdf_text(path: Path) -> str:
    """The text of the PDF in reading order, every whitespace removed (lines wrap anywhere)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils, installed by setup.sh) is missing")
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return re.sub(r"\s+", "", done.stdout.decode("utf-8"))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def make_report(pack: Pack, tmp_path: Path, lang: str, profile: dict[str, Any]) -> Report:
    result = build_report(
        assess_dict(pack, profile), tmp_path, lang=lang, branding=BRANDING, generated=GENERATED
    )
    return Report(result, pdf_text(result.path), PdfReader(result.path))


@pytest.fixture(scope="module", params=["zh", "en"])
def report(
    request: pytest.FixtureRequest, pack: Pack, tmp_path_factory: pytest.TempPathFactory
) -> Report:
    lang: str = request.param
    return make_report(pack, tmp_path_factory.mktemp(f"report_{lang}"), lang, AI_STARTUP)


def lang_of(report: Report) -> str:
    return "zh" if "评估摘要" in report.text else "en"


# ---- text -------------------------------------------------------------------------------------


def test_the_report_says_who_when_and_which_rules(report: Report, pack: Pack) -> None:
    text = report.text
    assert "光谷智算科技有限公司" in text and "91420100MA4KX8N35J" in text
    assert pack.sha256 in text and pack.id in text and pack.version in text
    assert "王晓明" in text and "楚天企业咨询有限公司" in text and "027-87654321" in text
    assert ("2026年11月26日" if lang_of(report) == "zh" else "26November2026") in text


def test_every_section_is_printed(report: Report) -> None:
    labels = LABELS[lang_of(report)]
    for key in SECTIONS:
        assert squeeze(labels[key]) in report.text, key


def test_measures_that_apply_show_gains_and_citations(report: Report, pack: Pack) -> None:
    text = report.text
    lang = lang_of(report)
    m02 = pack.by_id["m02"]
    assert squeeze(m02.title.get(lang)) in text
    cit_15 = m02.provisions[0]
    assert squeeze(cit_15.office.get(lang)) in text
    for document in cit_15.documents:
        assert squeeze(document.get(lang)) in text
    assert "核心环节生产研发的企业" in text  # a verbatim citation, quoted in Chinese in both
    assert squeeze(pack.manifest.disclaimer.get(lang)) in text


def test_pages_are_numbered_and_headed(report: Report) -> None:
    pages = len(report.reader.pages)
    assert report.result.pages == pages
    assert f"2/{pages}" in report.text and f"{pages}/{pages}" in report.text
    running = "光谷智算科技有限公司·" + squeeze(LABELS[lang_of(report)]["running_title"])
    assert report.text.count(running) == pages - 1  # every page but the cover


# ---- structure: outline, fonts, metadata, size ------------------------------------------------


def outline_titles(reader: PdfReader) -> list[Any]:
    def walk(items: list[Any]) -> list[Any]:
        out: list[Any] = []
        for item in items:
            if isinstance(item, list):
                out.append(walk(item))
            else:
                assert isinstance(item, Destination)
                out.append(item.title)
        return out

    return walk(reader.outline)


def test_the_outline_has_a_bookmark_per_section_and_applicable_measure(
    report: Report, pack: Pack
) -> None:
    lang = lang_of(report)
    titles = outline_titles(report.reader)
    top = [t for t in titles if isinstance(t, str)]
    assert top == [LABELS[lang][key] for key in SECTIONS]
    children = titles[2]
    assert isinstance(children, list) and children
    assert any(title.endswith(pack.by_id["m02"].title.get(lang)) for title in children)
    pages = [report.reader.get_destination_page_number(d) for d in report.reader.outline[:1]]
    assert pages == [1]  # the summary follows the cover


def pdf_fonts(reader: PdfReader) -> dict[str, Any]:
    fonts: dict[str, Any] = {}
    for page in reader.pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            fonts[str(font["/BaseFont"])] = font
    return fonts


def test_fonts_are_embedded_as_subsets(report: Report) -> None:
    fonts = pdf_fonts(report.reader)
    assert fonts
    bundled = resource("fonts", "NotoSansSC-Regular.otf").read_bytes()
    for name, font in fonts.items():
        assert re.fullmatch(r"/[A-Z]{6}\+.+", name), f"{name} is not marked as a subset"
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        program = next(
            descriptor[key]
            for key in ("/FontFile", "/FontFile2", "/FontFile3")
            if key in descriptor
        ).get_object()
        assert len(program.get_data()) < len(bundled) / 4, f"{name} is not subset"
    assert any("Noto-Sans-SC" in name for name in fonts)


def test_metadata_and_size(report: Report) -> None:
    metadata = report.reader.metadata
    assert metadata is not None and "光谷智算科技有限公司" in str(metadata.title)
    assert metadata.author == "王晓明"
    assert report.result.size == report.result.path.stat().st_size <= MAX_BYTES
    assert report.result.warnings == []
    assert report.result.refused == []


# ---- rare characters in names -----------------------------------------------------------------

#: Characters of real names: 𠮷 (Ext B) and 龘 (URO, outside GB2312 and 通用规范汉字表) are not
#: in the bundled subset and must come from a system font; 䶮 (Ext A) 堃 旻 喆 are in the subset.
RARE = "𠮷䶮堃旻喆龘"
#: Ext B characters that may be in no installed font; checked only where one has them.
RAREST = "𪚥"


def _cmap_pairs(stream: str) -> Iterator[tuple[int, int, str]]:
    """(first code, last code, destination) of each bfchar/bfrange/cidchar/cidrange entry."""
    for block in re.findall(
        r"begin(?:bf|cid)(?:char|range)(.*?)end(?:bf|cid)(?:char|range)", stream, re.S
    ):
        for line in block.strip().splitlines():
            parts = re.findall(r"<([0-9a-fA-F]+)>|(\d+)", line)
            values = [hex_ or dec for hex_, dec in parts]
            if len(values) == 2:
                yield int(values[0], 16), int(values[0], 16), values[1]
            elif len(values) == 3:
                yield int(values[0], 16), int(values[1], 16), values[2]


def _unicode_of(destination: str, offset: int) -> str:
    raw = bytes.fromhex(destination)
    text = raw.decode("utf-16-be")
    return text[:-1] + chr(ord(text[-1]) + offset) if offset else text


@dataclass(frozen=True)
class Glyph:
    font: str
    gid: int
    drawn: bool  # the glyph has an outline: it is not an empty .notdef


def glyphs_for(reader: PdfReader) -> dict[str, list[Glyph]]:
    """For each character of the text, the glyphs that print it, read from the PDF's fonts."""
    found: dict[str, list[Glyph]] = {}
    for name, font in pdf_fonts(reader).items():
        to_unicode: dict[int, str] = {}
        for first, last, destination in _cmap_pairs(
            font["/ToUnicode"].get_object().get_data().decode("latin-1")
        ):
            for code in range(first, last + 1):
                to_unicode[code] = _unicode_of(destination, code - first)
        encoding = font["/Encoding"]
        code_to_cid: dict[int, int] | None = None
        if (
            not isinstance(encoding, str)
            and hasattr(encoding, "get_object")
            and hasattr(encoding.get_object(), "get_data")
        ):
            code_to_cid = {}
            for first, last, destination in _cmap_pairs(
                encoding.get_object().get_data().decode("latin-1")
            ):
                for code in range(first, last + 1):
                    code_to_cid[code] = int(destination) + code - first
        descendant = font["/DescendantFonts"][0].get_object()
        assert descendant.get("/CIDToGIDMap", "/Identity") == "/Identity"
        descriptor = descendant["/FontDescriptor"]
        key = next(k for k in ("/FontFile3", "/FontFile2") if k in descriptor)
        program = TTFont(io.BytesIO(descriptor[key].get_object().get_data()))
        order = program.getGlyphOrder()
        glyph_set = program.getGlyphSet()
        for code, text in to_unicode.items():
            gid = code_to_cid.get(code, 0) if code_to_cid is not None else code
            drawn = False
            if 0 < gid < len(order):
                pen = BoundsPen(glyph_set)
                glyph_set[order[gid]].draw(pen)
                drawn = pen.bounds is not None
            for char in text:
                found.setdefault(char, []).append(Glyph(name, gid, drawn))
    return found


@cache
def system_font_has(char: str) -> bool:
    """Whether an installed font (as fontconfig lists them) really maps ``char``."""
    if shutil.which("fc-list") is None:
        return False
    listed = subprocess.run(
        ["fc-list", f":charset={ord(char):x}", "file"], capture_output=True, text=True
    ).stdout
    for path in sorted({line.split(":")[0].strip() for line in listed.splitlines() if line}):
        fonts = (
            TTCollection(path, lazy=True).fonts
            if path.endswith((".ttc", ".otc"))
            else [TTFont(path, lazy=True)]
        )
        if any(ord(char) in (f.getBestCmap() or {}) for f in fonts):
            return True
    return False


@pytest.fixture(scope="module")
def rare_report(pack: Pack, tmp_path_factory: pytest.TempPathFactory) -> Report:
    profile = {"name": f"{RARE}{RAREST}科技有限公司", "zone": "ftz_wuhan"}
    return make_report(pack, tmp_path_factory.mktemp("rare"), "zh", profile)


def test_which_rare_characters_the_bundled_font_lacks() -> None:
    cmap = TTFont(
        io.BytesIO(resource("fonts", "NotoSansSC-Regular.otf").read_bytes())
    ).getBestCmap()
    assert [c for c in RARE if ord(c) not in cmap] == ["𠮷", "龘"]


@pytest.mark.parametrize("char", list(RARE + RAREST))
def test_rare_characters_of_names_print_as_glyphs_not_boxes(rare_report: Report, char: str) -> None:
    if char in RAREST and not system_font_has(char):
        pytest.skip(
            f"{char} (U+{ord(char):04X}) is in no installed font (Debian's fonts-noto-cjk lacks "
            "it), so it prints as a box here; install a font with CJK Extension B, e.g. "
            "fonts-hanazono, to render it"
        )
    assert char in rare_report.text  # extractable: mapped in a ToUnicode CMap
    glyphs = glyphs_for(rare_report.reader)[char]
    assert glyphs and all(g.gid != 0 and g.drawn for g in glyphs), glyphs


def test_characters_outside_the_subset_come_from_a_system_font(rare_report: Report) -> None:
    glyphs = glyphs_for(rare_report.reader)
    fonts_of_rare = {g.font for g in glyphs["𠮷"]}
    assert fonts_of_rare and all("Noto-Sans-SC" not in f for f in fonts_of_rare)
    assert all("Noto-Sans-SC" in g.font for g in glyphs["堃"])  # in the bundled subset
