"""The interface's translations: every string translated, every placeholder kept, .qm up to date."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
SOURCES = sorted((ROOT / "i18n").glob("*.ts"))
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n|%\d")


def messages(path: Path) -> list[tuple[str, str, str, str | None]]:
    """(context, source, translation, type) of every message of a .ts file."""
    found = []
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append(
                (
                    name,
                    message.findtext("source") or "",
                    translation.text or "",
                    translation.get("type"),
                )
            )
    return found


def test_both_languages_have_sources() -> None:
    assert [p.name for p in SOURCES] == ["policy_checker_en.ts", "policy_checker_zh_CN.ts"]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_every_source_string_is_translated(path: Path) -> None:
    unfinished = [
        f"{context}: {source}"
        for context, source, text, kind in messages(path)
        if kind in ("unfinished", "obsolete", "vanished") or not text.strip()
    ]
    assert unfinished == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_every_translation_keeps_the_placeholders(path: Path) -> None:
    broken = [
        f"{context}: {source!r} -> {text!r}"
        for context, source, text, _ in messages(path)
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text))
    ]
    assert broken == []


def test_chinese_is_chinese() -> None:
    zh = ROOT / "i18n" / "policy_checker_zh_CN.ts"
    untranslated = [
        source
        for _, source, text, _ in messages(zh)
        if re.search(r"[A-Za-z]{3,}", PLACEHOLDER.sub("", source))
        and not re.search(r"[\u4e00-\u9fff]", text)
        and not re.fullmatch(r"[\w+\-. ()*;{}…]+", source)  # key names, file filters
    ]
    assert untranslated == []


def test_the_code_has_no_string_missing_from_the_sources(tmp_path: Path) -> None:
    """lupdate over the code finds nothing the committed .ts files lack (run
    scripts/build-translations --update and translate the new entries when this fails)."""
    import subprocess
    import sys

    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed")
    target = tmp_path / "check.ts"
    target.write_bytes((ROOT / "i18n" / "policy_checker_zh_CN.ts").read_bytes())
    code = sorted(str(p) for p in (ROOT / "app" / "ui").rglob("*.py"))
    subprocess.run(
        [str(lupdate), "-no-obsolete", "-locations", "none", *code, "-ts", str(target)],
        check=True,
        capture_output=True,
    )
    new = [f"{c}: {s}" for c, s, _, kind in messages(target) if kind == "unfinished"]
    assert new == []
