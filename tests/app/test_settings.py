"""The application settings file and where the database URL comes from."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.settings import AppSettingsError, database_url, load_app_settings


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("POLICY_CHECKER_CONFIG_DIR", str(tmp_path))
    monkeypatch.delenv("POLICY_CHECKER_DB_URL", raising=False)
    return tmp_path / "settings.json"


def test_no_file_means_defaults(config: Path) -> None:
    assert load_app_settings().database_url is None
    assert database_url(None, "sqlite:///default.db") == "sqlite:///default.db"


def test_precedence_option_then_environment_then_file(
    config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config.write_text('{"database_url": "postgresql://desk@centre/policy"}', "utf-8")
    assert database_url(None, "sqlite:///d.db") == "postgresql://desk@centre/policy"
    monkeypatch.setenv("POLICY_CHECKER_DB_URL", "postgresql://env@host/db")
    assert database_url(None, "sqlite:///d.db") == "postgresql://env@host/db"
    assert database_url("sqlite:///cli.db", "sqlite:///d.db") == "sqlite:///cli.db"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"database_url": ', "malformed JSON at line 1"),
        ('{"database_url": 5}', "database_url: Input should be a valid string"),
        ('{"database_url": ""}', "database_url: String should have at least 1 character"),
        ('{"databse_url": "x"}', "databse_url: Extra inputs are not permitted"),
        ("[1]", "(top): Input should be a valid dictionary"),
    ],
)
def test_a_bad_settings_file_is_refused_naming_the_key(
    config: Path, content: str, message: str
) -> None:
    config.write_text(content, "utf-8")
    with pytest.raises(AppSettingsError) as caught:
        load_app_settings()
    assert message in caught.value.problems[0]


def test_clients_commands_use_the_settings_file(config: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    db_file = tmp_path / "from-settings.sqlite3"
    config.write_text(f'{{"database_url": "sqlite:///{db_file}"}}', "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "db", "upgrade"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert db_file.exists()
    config.write_text('{"database_url": 5}', "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "db", "upgrade"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2 and "database_url" in done.stderr
    assert "Traceback" not in done.stderr


# --- language, as-of date and writing the file (the desktop app's Settings dialog) ---


def test_language_and_as_of_are_read(config: Path) -> None:
    from datetime import date

    config.write_text('{"language": "en", "as_of": "2026-11-26"}', "utf-8")
    settings = load_app_settings()
    assert settings.language == "en"
    assert settings.as_of == date(2026, 11, 26)
    config.write_text("{}", "utf-8")
    assert load_app_settings().language is None and load_app_settings().as_of is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"language": "fr"}', "language: Input should be 'zh' or 'en'"),
        (
            '{"as_of": "2026-13-01"}',
            "as_of: Value error, '2026-13-01' is not a day of the calendar",
        ),
        ('{"as_of": "26/11/2026"}', "as_of: Value error, '26/11/2026' is not a day written"),
        ('{"as_of": 1764115200}', "as_of: Value error, 1764115200 is not a day written"),
    ],
)
def test_a_bad_language_or_as_of_is_refused_naming_the_key(
    config: Path, content: str, message: str
) -> None:
    config.write_text(content, "utf-8")
    with pytest.raises(AppSettingsError) as caught:
        load_app_settings()
    assert message in caught.value.problems[0]


def test_saving_writes_what_loading_reads_and_leaves_defaults_out(config: Path) -> None:
    import json
    from datetime import date

    from app.settings import AppSettings, save_app_settings

    settings = AppSettings(
        database_url="postgresql://desk@centre/policy", language="en", as_of=date(2026, 1, 2)
    )
    save_app_settings(settings)
    assert load_app_settings() == settings
    assert json.loads(config.read_text("utf-8"))["as_of"] == "2026-01-02"
    save_app_settings(AppSettings(language="zh"))
    assert json.loads(config.read_text("utf-8")) == {"language": "zh"}
    assert [p.name for p in config.parent.iterdir()] == ["settings.json"]  # no temporary left


def test_saving_creates_the_folder_and_refuses_an_unwritable_one(tmp_path: Path) -> None:
    from app.settings import AppSettings, save_app_settings

    path = tmp_path / "new" / "folder" / "settings.json"
    save_app_settings(AppSettings(language="en"), path)
    assert load_app_settings(path).language == "en"
    blocker = tmp_path / "a-file"
    blocker.write_text("x", "utf-8")
    with pytest.raises(AppSettingsError, match="cannot be written"):
        save_app_settings(AppSettings(language="en"), blocker / "settings.json")


def test_a_failed_write_keeps_the_old_file(config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from app.settings import AppSettings, save_app_settings

    save_app_settings(AppSettings(language="en"))

    def crash(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(AppSettingsError, match="No space left"):
        save_app_settings(AppSettings(language="zh"))
    assert load_app_settings().language == "en"
    assert [p.name for p in config.parent.iterdir()] == ["settings.json"]


def test_without_password_takes_out_only_the_password() -> None:
    from app.settings import without_password

    assert (
        without_password("postgresql+psycopg://desk:pw@centre:5433/policy?sslmode=require")
        == "postgresql+psycopg://desk@centre:5433/policy?sslmode=require"
    )
    assert without_password("sqlite:////tmp/a b.db") == "sqlite:////tmp/a b.db"
    assert without_password("not a url") == "not a url"
