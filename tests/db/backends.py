"""The database back ends every persistence test runs against.

SQLite: a new file per test. PostgreSQL: a new database per test on the server named by
``POLICY_CHECKER_TEST_PG_URL`` (``scripts/with_postgres.sh`` starts one and sets it). Without
that variable the PostgreSQL variants skip, saying why; with ``CI=true`` they fail instead, so CI
cannot pass without testing PostgreSQL.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

PG_URL_ENV = "POLICY_CHECKER_TEST_PG_URL"
BACKENDS = [pytest.param("sqlite", id="sqlite"), pytest.param("postgresql", id="postgresql")]


def postgres_admin_url() -> str:
    """The test server's URL, or skip (fail in CI) when there is none."""
    url = os.environ.get(PG_URL_ENV, "").strip()
    if not url:
        reason = (
            f"PostgreSQL tests need a server: {PG_URL_ENV} is not set "
            "(run the suite under scripts/with_postgres.sh, as ./test.sh does)"
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}; CI must test PostgreSQL")
        pytest.skip(reason)
    return url


@contextmanager
def fresh_database_url(backend: str, folder: Path) -> Iterator[str]:
    """The URL of a new, empty database of ``backend``, dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'roster.sqlite3'}"
        return
    admin = make_url(postgres_admin_url())
    name = f"pc_test_{uuid.uuid4().hex[:16]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield admin.set(database=name).render_as_string(hide_password=False)
        with engine.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        engine.dispose()
