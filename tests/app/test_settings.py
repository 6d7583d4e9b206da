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
