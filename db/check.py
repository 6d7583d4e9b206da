"""``db check``: integrity, schema version, whether the tables match the models, and every row.

SQLite's ``integrity_check`` looks at the file's structure, not at what the rows hold: a damaged
JSON document or compressed answer passes it. So every row of every table is also read and
decoded as the app would read it; a row that cannot be is a problem, named by table and id.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, Table, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db.engine import Database
from db.errors import SchemaError
from db.migrate import state_of
from db.models import Assessment, Base, Client, ClientRevision
from db.redact import one_line

_CHUNK = 500
_MOST_NAMED = 20  # unreadable rows named one by one, per table
# what reading a damaged row raises: the driver, or decoding JSON, zlib, UTF-8, dates
_UNREADABLE = (SQLAlchemyError, ValueError, TypeError, zlib.error)


@dataclass
class CheckReport:
    facts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _driver_said(error: SQLAlchemyError) -> str:
    return one_line(str(getattr(error, "orig", None) or error), 160)


def _sqlite_checks(connection: Connection, report: CheckReport) -> None:
    try:
        integrity = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    except SQLAlchemyError as error:
        report.problems.append(f"integrity_check: {_driver_said(error)}")
        return
    if integrity == ["ok"]:
        report.facts.append("integrity_check: ok")
    else:
        report.problems += [f"integrity_check: {line}" for line in integrity]
    for table, rowid, parent, _ in broken:
        report.problems.append(f"{table} row {rowid}: refers to a missing {parent} row")
    mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
    report.facts.append(f"journal_mode: {mode}")


def _schema_drift(connection: Connection) -> list[str]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return [
        f"schema differs from the models: {diff}"
        for diff in compare_metadata(context, Base.metadata)
    ]


def _why(error: Exception) -> str:
    if isinstance(error, SQLAlchemyError):
        return _driver_said(error)
    return one_line(f"{type(error).__name__}: {error}", 160)


def _unreadable_rows(connection: Connection, table: Table) -> tuple[int, list[str]]:
    """Read every row of ``table`` as the app does: how many were read, and which could not be."""
    key = next(iter(table.primary_key.columns))
    try:
        keys: list[Any] = list(connection.scalars(select(key).order_by(key)))
    except _UNREADABLE as error:
        return 0, [f"{table.name}: cannot be read: {_why(error)}"]
    bad: list[str] = []
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        try:
            connection.execute(select(table).where(key.in_(chunk))).all()
            continue
        except _UNREADABLE:
            pass
        for value in chunk:  # name the rows that cannot be read
            try:
                connection.execute(select(table).where(key == value)).all()
            except _UNREADABLE as error:
                bad.append(f"{table.name} row {value}: cannot be read: {_why(error)}")
    named = bad[:_MOST_NAMED]
    if len(bad) > _MOST_NAMED:
        named.append(f"{table.name}: {len(bad) - _MOST_NAMED} more rows that cannot be read")
    return len(keys) - len(bad), named


def _read_every_row(connection: Connection, report: CheckReport) -> None:
    read = 0
    for table in Base.metadata.sorted_tables:
        rows, problems = _unreadable_rows(connection, table)
        read += rows
        report.problems += problems
    report.facts.append(f"rows read and decoded: {read}")


def _data_checks(session: Session, report: CheckReport) -> None:
    clients = session.scalar(select(func.count()).select_from(Client)) or 0
    assessments = session.scalar(select(func.count()).select_from(Assessment)) or 0
    report.facts.append(f"clients: {clients}, assessments: {assessments}")
    without_history = session.scalar(
        select(func.count())
        .select_from(Client)
        .where(
            ~select(ClientRevision.id)
            .where(ClientRevision.client_id == Client.id, ClientRevision.version == Client.version)
            .exists()
        )
    )
    if without_history:
        report.problems.append(f"{without_history} client(s) lack the revision of their version")
    namesakes = session.scalar(
        select(func.count())
        .select_from(Client)
        .where(Client.credit_code.is_(None), Client.name_claim.is_(None))
    )
    if namesakes:
        report.facts.append(
            f"{namesakes} client(s) without a credit code share a name with another "
            "(older than schema 0004, or confirmed as another company)"
        )


def check_database(database: Database) -> CheckReport:
    """Check without changing anything: integrity, schema version and drift, and history."""
    report = CheckReport(facts=[f"database: {database.display_url}"])
    with database.read() as session:
        connection = session.connection()
        if database.backend == "sqlite":
            _sqlite_checks(connection, report)
        else:
            version = connection.exec_driver_sql("SHOW server_version").scalar()
            report.facts.append(f"PostgreSQL server: {version}")
        try:
            state = state_of(connection)
        except SchemaError as error:
            report.problems.append(str(error))
            return report
        report.facts.append(f"schema revision: {state.current or '(none)'} (latest {state.head})")
        if state.current is None:
            report.problems.append("the database is empty: run policy-check db upgrade")
        elif not state.known:
            report.problems.append(
                f"schema revision {state.current} is newer than this version of policy-checker"
            )
        elif not state.up_to_date:
            report.problems.append(
                f"schema revision {state.current} is behind {state.head}: "
                "run policy-check db upgrade"
            )
        else:
            report.problems += _schema_drift(connection)
            _read_every_row(connection, report)
            try:
                _data_checks(session, report)
            except SQLAlchemyError as error:
                report.problems.append(f"the roster's counts cannot be read: {_driver_said(error)}")
    return report
