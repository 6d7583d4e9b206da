"""Fixtures of the persistence tests: each runs on SQLite and on PostgreSQL (see backends.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db.engine import Database
from db.migrate import open_database
from tests.db.backends import BACKENDS, fresh_database_url


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with fresh_database_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    """An empty database at the latest schema."""
    database = open_database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_database(tmp_path: Path) -> Iterator[Database]:
    """For what only SQLite has (pragmas, files): an empty SQLite file at the latest schema."""
    database = open_database(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    yield database
    database.dispose()


@pytest.fixture
def postgres_url(tmp_path: Path) -> Iterator[str]:
    """For what only PostgreSQL shows: a new database on the test server."""
    with fresh_database_url("postgresql", tmp_path) as url:
        yield url
