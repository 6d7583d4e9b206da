"""Opening databases by URL: the default file, the environment override, SQLite's settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import URL_ENV, Database, default_url, parse_url
from db.errors import DatabaseUnavailableError, StorageError
from db.models import Client


def test_default_is_a_sqlite_file_in_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(URL_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_url() == f"sqlite:///{tmp_path / 'policy-checker' / 'policy-checker.sqlite3'}"


def test_environment_overrides_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(URL_ENV, "postgresql://desk@centre-db/roster")
    assert default_url() == "postgresql://desk@centre-db/roster"


def test_plain_postgresql_urls_use_psycopg() -> None:
    assert parse_url("postgresql://desk@centre-db/roster").drivername == "postgresql+psycopg"


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("not a url", "is not a database URL"),
        ("mysql://root@localhost/x", "not supported"),
        ("sqlite://", "SQLite needs a file"),
        ("sqlite:///:memory:", "SQLite needs a file"),
    ],
)
def test_unusable_urls_are_refused_with_a_reason(url: str, says: str) -> None:
    with pytest.raises(DatabaseUnavailableError, match=says):
        parse_url(url)


def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_full_sync(
    sqlite_database: Database,
) -> None:
    with sqlite_database.read() as session:
        pragma = session.connection().exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar() == "wal"
        assert pragma("PRAGMA foreign_keys").scalar() == 1
        assert pragma("PRAGMA synchronous").scalar() == 2  # FULL


def test_a_write_commits_at_the_end_and_rolls_back_on_error(database: Database) -> None:
    def add(name: str) -> None:
        with database.write() as session:
            session.add(Client(name=name, profile={"name": name}, created_by="t", updated_by="t"))

    add("kept")
    with pytest.raises(RuntimeError), database.write() as session:
        session.add(Client(name="lost", profile={"name": "lost"}, created_by="t", updated_by="t"))
        session.flush()
        raise RuntimeError("the user action failed half-way")
    with database.read() as session:
        assert list(session.scalars(select(Client.name))) == ["kept"]


def test_a_read_writes_nothing(database: Database) -> None:
    """PostgreSQL refuses a write in a read-only transaction; SQLite's is rolled back."""
    try:
        with database.read() as session:
            session.add(Client(name="x", profile={"name": "x"}, created_by="t", updated_by="t"))
            session.flush()
    except StorageError:  # the read-only transaction, named as such
        assert database.backend == "postgresql"
    with database.read() as session:
        assert session.scalar(select(Client.id)) is None


def test_a_server_that_cannot_be_reached_is_reported(tmp_path: Path) -> None:
    from db.migrate import open_database

    with pytest.raises(DatabaseUnavailableError, match="cannot open"):
        open_database("postgresql://nobody@127.0.0.1:9/none?connect_timeout=2")
