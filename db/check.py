"""``db check``: integrity, schema version, and whether the tables match the models."""

from __future__ import annotations

from dataclasses import dataclass, field

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from db.engine import Database
from db.errors import SchemaError
from db.migrate import state_of
from db.models import Assessment, Base, Client, ClientRevision


@dataclass
class CheckReport:
    facts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _sqlite_checks(connection: Connection, report: CheckReport) -> None:
    integrity = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
    if integrity == ["ok"]:
        report.facts.append("integrity_check: ok")
    else:
        report.problems += [f"integrity_check: {line}" for line in integrity]
    for table, rowid, parent, _ in connection.exec_driver_sql("PRAGMA foreign_key_check"):
        report.problems.append(f"{table} row {rowid}: refers to a missing {parent} row")
    mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
    report.facts.append(f"journal_mode: {mode}")


def _schema_drift(connection: Connection) -> list[str]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return [
        f"schema differs from the models: {diff}"
        for diff in compare_metadata(context, Base.metadata)
    ]


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
            _data_checks(session, report)
    return report
