"""Application settings: ``settings.json`` in the user's configuration folder.

The configuration folder is platformdirs' (``~/.config/policy-checker`` on Linux);
``POLICY_CHECKER_CONFIG_DIR`` overrides it. Every key is optional::

    {"database_url": "postgresql://desk@centre-db/policy"}

A service centre's administrator sets ``database_url`` once on each desk, so that every desk
works on the shared PostgreSQL database. Precedence: ``--db``, then ``POLICY_CHECKER_DB_URL``,
then this file, then the SQLite file in the user's data folder.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Final

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app import APP_NAME

SETTINGS_FILE_NAME: Final = "settings.json"
DB_URL_ENV: Final = "POLICY_CHECKER_DB_URL"


class AppSettingsError(ValueError):
    """The settings file was refused; ``problems`` has one line per problem, naming the key."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class AppSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    database_url: str | None = Field(default=None, min_length=1, max_length=1000)


def config_dir() -> Path:
    override = os.environ.get("POLICY_CHECKER_CONFIG_DIR")
    return (
        Path(override)
        if override
        else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    )


def load_app_settings(path: Path | None = None) -> AppSettings:
    """The settings in ``path`` (default: settings.json in the configuration folder).

    A missing file means every default; an unreadable or invalid one is refused.
    """
    path = path or config_dir() / SETTINGS_FILE_NAME
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return AppSettings()
    except (OSError, UnicodeDecodeError) as error:
        raise AppSettingsError([f"settings ({path}): cannot be read: {error}"]) from None
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


def database_url(option: str | None, default: str) -> str:
    """The database to open: ``--db``, the environment, the settings file, else ``default``."""
    if option:
        return option
    from_env = os.environ.get(DB_URL_ENV, "").strip()
    if from_env:
        return from_env
    return load_app_settings().database_url or default
