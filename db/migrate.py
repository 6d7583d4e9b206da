"""Schema migrations with Alembic, applied safely: under a lock, in one transaction, and on SQLite
after a backup copy of the file is taken.

``open_database(url)`` is what the app and the command line call at start-up: it brings an older
schema up to date and refuses a schema newer than this version of the app knows.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DBAPIError

from db.engine import WRITE_OPTIONS, Database, sqlite_path
from db.errors import SchemaError, from_driver

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_PG_MIGRATION_LOCK = 7_203_145_211  # any constant: serialises desks upgrading at the same time


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str
    known: bool

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


@dataclass(frozen=True)
class UpgradeResult:
    before: str | None
    after: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None, "the migrations have no head"
    return head


def known_revisions() -> set[str]:
    return {script.revision for script in script_directory().walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    """The schema revision recorded in the database; None for an empty database.

    A database that holds tables but no revision is not ours and is refused.
    """
    revision = MigrationContext.configure(connection).get_current_revision()
    if revision is None and set(inspect(connection).get_table_names()) - {"alembic_version"}:
        raise SchemaError(
            "the database holds tables but no policy-checker schema version: "
            "it is not a policy-checker database"
        )
    return revision


def state_of(connection: Connection) -> SchemaState:
    current = current_revision(connection)
    return SchemaState(current, head_revision(), current is None or current in known_revisions())


def schema_state(database: Database) -> SchemaState:
    with database.read() as session:
        return state_of(session.connection())


def refuse_unknown(state: SchemaState) -> None:
    if not state.known:
        raise SchemaError(
            f"the database schema is at revision {state.current}, newer than this version of "
            f"policy-checker knows (up to {state.head}): update the app"
        )


def backup_sqlite_file(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database (the online backup API, WAL included)."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def backup_path(database_file: Path, revision: str) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return database_file.with_name(
        f"{database_file.stem}.before-{revision}-{stamp}{database_file.suffix}"
    )


def _migrate(database: Database, connection: Connection, target: str) -> UpgradeResult:
    state = state_of(connection)
    refuse_unknown(state)
    goal = state.head if target == "head" else target
    if state.current == goal:
        return UpgradeResult(state.current, goal, None)
    backup = None
    path = sqlite_path(database.url)
    if path is not None and state.current is not None:
        backup = backup_path(path, goal)
        backup_sqlite_file(path, backup)
    run_upgrade(connection, goal)
    log.info("schema of %s: %s -> %s (copy: %s)", database.display_url, state.current, goal, backup)
    return UpgradeResult(state.current, goal, backup)


@contextmanager
def locked_connection(database: Database) -> Iterator[Connection]:
    """A connection in a transaction that no other desk can interleave, for schema changes.

    PostgreSQL: an advisory lock held to the end of the transaction. SQLite: ``BEGIN IMMEDIATE``
    (the write lock), with foreign keys switched off while tables are rebuilt, as SQLite's
    documentation prescribes for schema changes (a rebuilt parent table would otherwise cascade
    deletes); ``foreign_key_check`` must pass before the commit.
    """
    try:
        with database.engine.connect() as connection:
            raw = connection.connection.dbapi_connection
            sqlite = database.backend == "sqlite"
            if sqlite and raw is not None:
                raw.execute("PRAGMA foreign_keys = OFF")
            try:
                connection.execution_options(**WRITE_OPTIONS)
                with connection.begin():
                    if not sqlite:
                        connection.execute(
                            text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK}
                        )
                    yield connection
                    if sqlite:
                        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                        if broken:
                            raise SchemaError(
                                f"the change would break {len(broken)} references; rolled back"
                            )
            finally:
                if sqlite and raw is not None:
                    raw.execute("PRAGMA foreign_keys = ON")
    except DBAPIError as error:
        raise from_driver(error, database.where) from None


def upgrade(database: Database, target: str = "head") -> UpgradeResult:
    """Bring the schema to ``target`` in one transaction, after backing up a SQLite file."""
    with locked_connection(database) as connection:
        return _migrate(database, connection, target)


def downgrade(database: Database, target: str) -> UpgradeResult:
    """Take the schema back to ``target`` (for developers checking that migrations reverse)."""
    with locked_connection(database) as connection:
        state = state_of(connection)
        refuse_unknown(state)
        backup = None
        path = sqlite_path(database.url)
        if path is not None and state.current is not None:
            backup = backup_path(path, target)
            backup_sqlite_file(path, backup)
        try:
            command.downgrade(alembic_config(connection), target)
        except CommandError as error:
            raise SchemaError(f"cannot downgrade to {target}: {error}") from None
        return UpgradeResult(state.current, target, backup)


def run_upgrade(connection: Connection, target: str) -> None:
    """Apply the migrations up to ``target`` on a connection already in a transaction."""
    try:
        command.upgrade(alembic_config(connection), target)
    except CommandError as error:
        raise SchemaError(f"cannot upgrade to {target}: {error}") from None


def open_database(url: str) -> Database:
    """Open the database at ``url`` and bring its schema up to date (what start-up does)."""
    database = Database(url)
    try:
        upgrade(database)
    except BaseException:
        database.dispose()
        raise
    return database
