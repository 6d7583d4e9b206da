"""The adviser's settings: a JSON file, overridden by options, checked key by key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.report.settings import (
    Branding,
    ReportSettings,
    SettingsError,
    branding,
    default_settings_path,
    load_settings,
    read_logo,
    with_overrides,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def write(tmp_path: Path, data: object, name: str = "report.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), "utf-8")
    return path


def test_no_settings_file_means_no_adviser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICY_CHECKER_CONFIG_DIR", str(tmp_path))
    assert default_settings_path() == tmp_path / "report.json"
    assert load_settings() == ReportSettings()
    assert branding(load_settings()).empty


def test_the_default_file_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICY_CHECKER_CONFIG_DIR", str(tmp_path))
    (tmp_path / "logo.png").write_bytes(PNG)
    write(tmp_path, {"adviser": " 王晓明 ", "organisation": "楚天咨询", "logo": "logo.png"})
    settings = load_settings()
    assert settings.adviser == "王晓明"
    assert settings.logo == tmp_path / "logo.png"  # relative to the settings file
    brand = branding(settings)
    assert brand.logo is not None and brand.logo.media_type == "image/png"
    assert brand.organisation == "楚天咨询" and not brand.empty


def test_options_override_the_file_key_by_key(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, {"adviser": "A", "organisation": "Org"}))
    merged = with_overrides(settings, adviser="B", contact="027-1", logo=None)
    assert (merged.adviser, merged.organisation, merged.contact) == ("B", "Org", "027-1")
    assert with_overrides(settings) is settings


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{", "malformed JSON at line 1"),
        ("[]", "expected a JSON object"),
        ({"advisor": "x"}, "advisor: unknown key"),
        (
            {"accent": "red; background: url(x)"},
            "accent: 'red; background: url(x)' is not a colour",
        ),
        ({"adviser": "a\x1bb"}, "adviser: Value error, contains control characters"),
        ({"adviser": "   "}, "adviser: Value error, is empty"),
        ({"contact": "x" * 201}, "contact: String should have at most 200 characters"),
    ],
)
def test_bad_settings_are_refused_naming_the_key(
    tmp_path: Path, content: object, expected: str
) -> None:
    path = write(tmp_path, content)
    with pytest.raises(SettingsError) as raised:
        load_settings(path)
    assert len(raised.value.problems) == 1
    assert raised.value.problems[0].startswith(f"settings ({path}): {expected}")


def test_an_explicit_settings_file_must_exist(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="no such file"):
        load_settings(tmp_path / "missing.json")


def test_a_bad_option_is_named_as_an_option() -> None:
    with pytest.raises(SettingsError) as raised:
        with_overrides(ReportSettings(), accent="#12345")
    assert raised.value.problems == ["option: accent: '#12345' is not a colour written #RRGGBB"]


def test_line_breaks_are_allowed_in_the_contact() -> None:
    settings = with_overrides(ReportSettings(), contact="武汉市东湖高新区\n027-8765 4321")
    assert branding(settings) == Branding(contact="武汉市东湖高新区\n027-8765 4321")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"GIF89a" + b"\0" * 10, "is not a PNG or JPEG image"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "is not a PNG or JPEG image"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * (2 * 1024 * 1024), "is larger than 2 MB"),
    ],
)
def test_logos_must_be_small_png_or_jpeg(tmp_path: Path, data: bytes, expected: str) -> None:
    logo = tmp_path / "logo.bin"
    logo.write_bytes(data)
    with pytest.raises(SettingsError, match=expected):
        read_logo(logo)


def test_a_missing_logo_is_named(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="logo: no such file"):
        read_logo(tmp_path / "nope.png")
    with pytest.raises(SettingsError, match="is a folder"):
        read_logo(tmp_path)
    jpeg = tmp_path / "logo.jpg"
    jpeg.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 16)
    assert read_logo(jpeg).media_type == "image/jpeg"
