"""The adviser's name, organisation, contact, logo and accent colour printed on reports.

They come from a JSON settings file (by default ``report.json`` in the user's configuration
folder; ``POLICY_CHECKER_CONFIG_DIR`` overrides the folder), and command-line options override
the file key by key::

    {"adviser": "王晓明", "organisation": "楚天企业咨询", "contact": "027-8765 4321",
     "logo": "logo.png", "accent": "#1f4e79"}

Every key is optional. A relative ``logo`` path is read relative to the settings file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Final

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from app.settings import MAX_SETTINGS_BYTES, config_dir
from rules.bounded_file import FileRefused, read_bounded

SETTINGS_FILE_NAME: Final = "report.json"
# A logo is printed a few centimetres wide: 2 MB is ample, and a larger file is refused unread.
MAX_LOGO_BYTES: Final = 2 * 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
_IMAGE_SIGNATURES: Final = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


class SettingsError(ValueError):
    """The settings were refused; ``problems`` holds one line per problem, naming the key."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _printable(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("is empty")
    if _CONTROL.search(value):
        raise ValueError("contains control characters")
    return value


Printable = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_printable)]


class ReportSettings(BaseModel):
    """What a consultant sets once: who prepared the report, and how it is branded."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    adviser: Printable | None = None
    organisation: Printable | None = None
    contact: Printable | None = None  # may hold line breaks: an address, a phone and an e-mail
    logo: Path | None = None  # PNG or JPEG, at most MAX_LOGO_BYTES
    accent: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")] | None = None


@dataclass(frozen=True)
class Logo:
    data: bytes
    media_type: str


@dataclass(frozen=True)
class Branding:
    """Plain values the report prints; built from settings, with the logo already read."""

    adviser: str | None = None
    organisation: str | None = None
    contact: str | None = None
    logo: Logo | None = None
    accent: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.adviser or self.organisation or self.contact or self.logo)


def default_settings_path() -> Path:
    return config_dir() / SETTINGS_FILE_NAME


def _problems(where: str, error: ValidationError) -> list[str]:
    lines = []
    for problem in error.errors():
        key = ".".join(str(part) for part in problem["loc"]) or "(top)"
        message = problem["msg"]
        if problem["type"] == "extra_forbidden":
            message = "unknown key"
        elif problem["type"] == "string_pattern_mismatch":
            message = f"{problem['input']!r} is not a colour written #RRGGBB"
        lines.append(f"{where}: {key}: {message}")
    return lines


def parse_settings(data: Any, where: str = "settings", base: Path | None = None) -> ReportSettings:
    """Validate settings given as a dict; a relative logo path is taken relative to ``base``."""
    try:
        settings = ReportSettings.model_validate(data)
    except ValidationError as error:
        raise SettingsError(_problems(where, error)) from None
    if settings.logo is not None and base is not None and not settings.logo.is_absolute():
        settings = settings.model_copy(update={"logo": base / settings.logo})
    return settings


def load_settings(path: Path | None = None) -> ReportSettings:
    """Read the settings file; with no ``path``, the default file, which may be absent."""
    explicit = path is not None
    path = path if path is not None else default_settings_path()
    where = f"settings ({path})"
    try:
        text = read_bounded(path, MAX_SETTINGS_BYTES).decode("utf-8-sig")
    except FileNotFoundError:
        if explicit:
            raise SettingsError([f"{where}: no such file"]) from None
        return ReportSettings()
    except FileRefused as refusal:
        raise SettingsError([f"{where}: {refusal}"]) from None
    except UnicodeDecodeError:
        raise SettingsError([f"{where}: is not UTF-8 text"]) from None
    except OSError as error:
        raise SettingsError([f"{where}: cannot be read: {error.strerror or error}"]) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SettingsError([f"{where}: malformed JSON at line {error.lineno}"]) from None
    if not isinstance(data, dict):
        raise SettingsError([f"{where}: expected a JSON object"])
    return parse_settings(data, where, path.parent)


def with_overrides(settings: ReportSettings, **overrides: Any) -> ReportSettings:
    """``settings`` with the keys given (not None) replaced, validated again."""
    given = {key: value for key, value in overrides.items() if value is not None}
    if not given:
        return settings
    return parse_settings({**settings.model_dump(exclude_none=True), **given}, "option")


def read_logo(path: Path) -> Logo:
    """The logo's bytes, refused unless it is a PNG or JPEG file of at most ``MAX_LOGO_BYTES``
    (a device, a FIFO or a larger file is refused before a byte is read)."""
    try:
        data = read_bounded(path, MAX_LOGO_BYTES)
    except FileNotFoundError:
        raise SettingsError([f"logo: no such file: {path}"]) from None
    except FileRefused as refusal:
        raise SettingsError([f"logo: {path} {refusal}"]) from None
    except OSError as error:
        raise SettingsError([f"logo: cannot read {path}: {error.strerror}"]) from None
    for signature, media_type in _IMAGE_SIGNATURES.items():
        if data.startswith(signature):
            return Logo(data, media_type)
    raise SettingsError([f"logo: {path} is not a PNG or JPEG image"])


def branding(settings: ReportSettings) -> Branding:
    """The settings as the report prints them, with the logo file read and checked."""
    return Branding(
        adviser=settings.adviser,
        organisation=settings.organisation,
        contact=settings.contact,
        logo=read_logo(settings.logo) if settings.logo is not None else None,
        accent=settings.accent,
    )
