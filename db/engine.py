"""Opening a database by URL: SQLite (WAL, foreign keys on) or PostgreSQL; one transaction each.

``Database.write()`` is one user action: a transaction that commits when the block ends and rolls
back if it raises. On SQLite it begins ``IMMEDIATE``, taking the write lock up front, so two desks
saving at once queue (``busy_timeout``) instead of failing half-way; readers are never blocked
(WAL). ``Database.read()`` is a read-only view of one consistent snapshot.

What the driver raises in either (a damaged or read-only file, a full disk, a server that cannot
be reached) leaves as one of ``db.errors``' refusals, on one line and without the password.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from db.errors import DatabaseUnavailableError, from_driver
from db.redact import one_line, remember

APP_NAME = "policy-checker"
URL_ENV = "POLICY_CHECKER_DB_URL"
DEFAULT_FILE = "policy-checker.sqlite3"
BUSY_TIMEOUT_S = 30
_BEGIN_OPTION = "policy_checker_begin"
WRITE_OPTIONS = {_BEGIN_OPTION: "IMMEDIATE"}
"""Execution options that make a SQLite transaction take the write lock when it begins."""


def default_url() -> str:
    """``POLICY_CHECKER_DB_URL`` if set, else the SQLite file in the user's data folder."""
    override = os.environ.get(URL_ENV, "").strip()
    if override:
        return override
    folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return f"sqlite:///{folder / DEFAULT_FILE}"


def parse_url(raw: str) -> URL:
    """The URL with a driver chosen: ``postgresql://`` means psycopg 3, the driver we ship."""
    try:
        url = make_url(raw)
    except ArgumentError:
        raise DatabaseUnavailableError(
            f"'{one_line(raw, 80)}' is not a database URL (e.g. sqlite:///path/file.sqlite3 or "
            "postgresql://user@host/dbname)"
        ) from None
    except ValueError:  # make_url reads the port with int()
        raise DatabaseUnavailableError(
            f"'{one_line(raw, 80)}': the port must be a number (postgresql://user@host:5432/db)"
        ) from None
    remember(url.password if isinstance(url.password, str) else None)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseUnavailableError(
            f"{one_line(url.get_backend_name(), 40)}: not supported; use SQLite or PostgreSQL"
        )
    if url.get_backend_name() == "sqlite":
        if url.database in (None, "", ":memory:"):
            raise DatabaseUnavailableError("SQLite needs a file: sqlite:///path/to/file.sqlite3")
        if url.query:
            option = one_line(sorted(url.query)[0], 40)
            raise DatabaseUnavailableError(
                f"{url.database}: option '{option}' is not supported: a SQLite URL takes no "
                "options (sqlite:///path/to/file.sqlite3)"
            )
    return url


def sqlite_path(url: URL) -> Path | None:
    """The file of a SQLite URL, None for other back ends."""
    if url.get_backend_name() != "sqlite" or not url.database:
        return None
    return Path(url.database)


def _ensure_wal(cursor: sqlite3.Cursor) -> None:
    """Switch the file to WAL once. SQLite reports a busy file at once here rather than waiting
    (busy_timeout does not cover a journal-mode change), so desks opening a new file together
    retry until the first one has switched it."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy emit BEGIN itself (see _on_sqlite_begin): the sqlite3 module's legacy
    # transaction handling would otherwise run DDL and SELECTs outside of any transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
        _ensure_wal(cursor)
        # FULL: a commit reported to the user survives a power cut, not only a crash.
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _on_sqlite_begin(connection: Connection) -> None:
    mode = connection.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: URL, **options: Any) -> Engine:
    try:
        if url.get_backend_name() == "sqlite":
            path = sqlite_path(url)
            assert path is not None
            path.parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S}, **options)
            event.listen(engine, "connect", _on_sqlite_connect)
            event.listen(engine, "begin", _on_sqlite_begin)
            return engine
        return create_engine(url, pool_pre_ping=True, **options)
    except (NoSuchModuleError, ModuleNotFoundError) as error:
        raise DatabaseUnavailableError(
            one_line(f"no driver for {url.drivername}: {error}")
        ) from None
    except OSError as error:
        raise DatabaseUnavailableError(
            one_line(f"cannot create the folder of {url.database}: {error.strerror or error}")
        ) from None


class Database:
    """A database opened by URL, handing out one session per user action."""

    def __init__(self, url: str | URL, **engine_options: Any) -> None:
        self.url = parse_url(url) if isinstance(url, str) else url
        self.engine = make_engine(self.url, **engine_options)
        writer = self.engine.execution_options(**WRITE_OPTIONS)
        self._write_sessions = sessionmaker(writer, expire_on_commit=False)
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def backend(self) -> str:
        return self.url.get_backend_name()

    @property
    def display_url(self) -> str:
        """The URL without its password, for messages and logs."""
        return self.url.render_as_string(hide_password=True)

    @property
    def where(self) -> str:
        """The database named for the user: a SQLite file's path, else the URL sans password."""
        path = sqlite_path(self.url)
        return str(path) if path is not None else self.display_url

    @contextmanager
    def refusals(self) -> Iterator[None]:
        """Turn what the driver raises into one of db.errors' refusals."""
        try:
            yield
        except DBAPIError as error:
            raise from_driver(error, self.where) from None

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One user action: commit at the end of the block, roll back on an exception."""
        with self.refusals(), self._write_sessions() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A consistent read-only snapshot; anything written in it is rolled back."""
        with self.refusals(), self._read_sessions() as session:
            if self.backend == "postgresql":
                session.connection(
                    execution_options={
                        "isolation_level": "REPEATABLE READ",
                        "postgresql_readonly": True,
                    }
                )
            try:
                yield session
            finally:
                session.rollback()

    def dispose(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.dispose()
