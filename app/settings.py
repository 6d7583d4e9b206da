"""Application settings: ``settings.json`` in the user's configuration folder.

The configuration folder is platformdirs' (``~/.config/policy-checker`` on Linux);
``POLICY_CHECKER_CONFIG_DIR`` overrides it. Every key is optional::

    {"database_url": "postgresql://desk@centre-db/policy", "language": "zh", "as_of": "2026-11-26",
     "rule_pack": "hubei-ftz-2021@0.5.0"}

A service centre's administrator sets ``database_url`` once on each desk, so that every desk
works on the shared PostgreSQL database. Precedence: ``--db``, then ``POLICY_CHECKER_DB_URL``,
then this file, then the SQLite file in the user's data folder. The file never holds the
database's password: the system keyring keeps it (app.secrets). ``language`` is the interface
language (``zh`` or ``en``; ``--lang`` overrides it), ``as_of`` a fixed assessment day
(absent: today) and ``rule_pack`` the installed rule pack in use, ``id@version`` (absent: the
built-in pack; see app.services.packs). The desktop app's Settings dialog writes this file
(``save_app_settings``), and so does ``policy-check rules use``.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Final, Literal

import platformdirs
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from app import APP_NAME
from rules.bounded_file import FileRefused, read_bounded

SETTINGS_FILE_NAME: Final = "settings.json"
# settings.json and report.json hold a few short keys; a larger file is refused unread.
MAX_SETTINGS_BYTES: Final = 1024 * 1024
DB_URL_ENV: Final = "POLICY_CHECKER_DB_URL"
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class AppSettingsError(ValueError):
    """The settings file was refused; ``problems`` has one line per problem, naming the key."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _iso_day(value: Any) -> Any:
    """Only a day written YYYY-MM-DD (pydantic alone would take a number as a timestamp)."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        raise ValueError(f"{value!r} is not a day written YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a day of the calendar") from None


class AppSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # Never holds a password: save_app_settings strips it; the keyring keeps it (app.secrets).
    database_url: str | None = Field(default=None, min_length=1, max_length=1000)
    language: Literal["zh", "en"] | None = None  # absent: Chinese
    as_of: Annotated[date, BeforeValidator(_iso_day)] | None = None  # absent: today
    # id@version of an installed pack (app.services.packs); absent: the built-in pack
    rule_pack: str | None = Field(
        default=None, pattern=r"^[a-z0-9][a-z0-9_-]{0,63}@[0-9][0-9A-Za-z.+-]{0,31}$"
    )


def config_dir() -> Path:
    override = os.environ.get("POLICY_CHECKER_CONFIG_DIR")
    return (
        Path(override)
        if override
        else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    )


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE_NAME


def load_app_settings(path: Path | None = None) -> AppSettings:
    """The settings in ``path`` (default: settings.json in the configuration folder).

    A missing file means every default; an unreadable or invalid one is refused, and so is
    anything but a regular file of at most ``MAX_SETTINGS_BYTES`` (a device or a FIFO put in
    its place is not read).
    """
    path = path or config_dir() / SETTINGS_FILE_NAME
    try:
        text = read_bounded(path, MAX_SETTINGS_BYTES).decode("utf-8-sig")
    except FileNotFoundError:
        return AppSettings()
    except FileRefused as refusal:
        raise AppSettingsError([f"settings ({path}): {refusal}"]) from None
    except UnicodeDecodeError:
        raise AppSettingsError([f"settings ({path}): is not UTF-8 text"]) from None
    except OSError as error:
        raise AppSettingsError(
            [f"settings ({path}): cannot be read: {error.strerror or error}"]
        ) from None
    try:
        return AppSettings.model_validate(json.loads(text))
    except json.JSONDecodeError as error:
        raise AppSettingsError(
            [f"settings ({path}): malformed JSON at line {error.lineno}: {error.msg}"]
        ) from None
    except ValidationError as error:
        raise AppSettingsError(
            [
                f"settings ({path}): {'.'.join(str(p) for p in e['loc']) or '(top)'}: {e['msg']}"
                for e in error.errors()
            ]
        ) from None


def without_password(url: str) -> str:
    """``url`` with any password taken out (what settings.json and the keyring's key hold)."""
    from sqlalchemy.engine import URL, make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return url  # not a URL: nothing to take out; opening it will refuse it
    if parsed.password is None:
        return url
    # Not parsed.set(password=None): set() takes None to mean "leave unchanged".
    bare = URL.create(
        parsed.drivername,
        username=parsed.username,
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
        query=parsed.query,
    )
    return bare.render_as_string(hide_password=False)


def write_json_atomically(path: Path, data: Any) -> None:
    """Write ``data`` as JSON to ``path`` so that a crash leaves the old file or the new one,
    never half of one: a temporary file in the same folder, flushed, then renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def save_app_settings(settings: AppSettings, path: Path | None = None) -> None:
    """Write ``settings`` to ``path`` (default: settings.json in the configuration folder),
    atomically; keys left at their default are left out. A password in ``database_url`` is
    taken out first: the file never holds one (app.secrets keeps it in the keyring)."""
    path = path or settings_path()
    data = settings.model_dump(mode="json", exclude_none=True)
    if "database_url" in data:
        data["database_url"] = without_password(data["database_url"])
    try:
        write_json_atomically(path, data)
    except OSError as error:
        raise AppSettingsError(
            [f"settings ({path}): cannot be written: {error.strerror or error}"]
        ) from None


def database_url(option: str | None, default: str) -> str:
    """The database to open: ``--db``, the environment, the settings file, else ``default``.

    A PostgreSQL URL from the settings file has no password; the one kept in the system keyring
    for it (app.secrets) is put in, for connecting only.
    """
    if option:
        return option
    from_env = os.environ.get(DB_URL_ENV, "").strip()
    if from_env:
        return from_env
    from_file = load_app_settings().database_url
    if not from_file:
        return default
    from app.secrets import connect_url

    return connect_url(from_file)
