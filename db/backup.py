"""Backup and restore of the whole database in a portable file, for SQLite and PostgreSQL alike.

The file is gzip-compressed JSON lines: a header (format, schema revision, each table's columns),
one line per row, and a trailer with each table's row count, so a truncated file is refused. It is
written from one consistent snapshot and restored in one transaction: a restore happens entirely
or not at all. A backup restores into either back end (a desk's SQLite file can become a
centre's PostgreSQL database), at the schema revision it was taken at, then is upgraded.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import (
    JSON,
    Connection,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    func,
    select,
    text,
)

from db.engine import Database, sqlite_path
from db.errors import DatabaseError, SchemaError
from db.migrate import (
    backup_path,
    backup_sqlite_file,
    head_revision,
    known_revisions,
    locked_connection,
    refuse_unknown,
    run_upgrade,
    state_of,
)

FORMAT = "policy-checker-backup"
FORMAT_VERSION = 1
_VERSION_TABLE = "alembic_version"
_BATCH = 500


class BackupError(DatabaseError):
    """The backup file cannot be written or read back."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    revision: str
    rows: dict[str, int]  # table -> number of rows
    safety_copy: Path | None = None  # the SQLite file as it was before a restore replaced it


def _kind(column_type: Any) -> str:
    for kind, types in (
        ("datetime", DateTime),
        ("date", Date),
        ("bytes", LargeBinary),
        ("json", JSON),
        ("int", Integer),
    ):
        if isinstance(column_type, types):
            return kind
    return "value"


def _encode(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "datetime":
        return value.isoformat()
    if kind == "date":
        return value.isoformat()
    if kind == "bytes":
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def _decode(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "datetime":
        return datetime.fromisoformat(value)
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "bytes":
        return base64.b64decode(value)
    return value


def _app_tables(connection: Connection) -> list[Table]:
    metadata = MetaData()
    metadata.reflect(connection)
    return [t for t in metadata.sorted_tables if t.name != _VERSION_TABLE]


def _line(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def _write_rows(out: IO[str], connection: Connection, table: Table) -> int:
    kinds = [_kind(c.type) for c in table.columns]
    primary = list(table.primary_key.columns) or list(table.columns)
    rows = 0
    result = connection.execution_options(yield_per=_BATCH).execute(
        select(table).order_by(*primary)
    )
    for row in result:
        values = [_encode(kind, value) for kind, value in zip(kinds, row, strict=True)]
        out.write(_line({"t": table.name, "r": values}))
        rows += 1
    return rows


def write_backup(database: Database, path: Path) -> BackupInfo:
    """Write the whole database to ``path`` from one consistent snapshot (atomically replaced)."""
    partial = path.with_name(path.name + ".partial")
    with database.read() as session:
        connection = session.connection()
        state = state_of(connection)
        if state.current is None:
            raise SchemaError("the database is empty: there is nothing to back up")
        refuse_unknown(state)
        tables = _app_tables(connection)
        header = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "revision": state.current,
            "created_at": datetime.now(UTC).isoformat(),
            "source": database.backend,
            "tables": {t.name: [[c.name, _kind(c.type)] for c in t.columns] for t in tables},
        }
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with gzip.open(partial, "wt", encoding="utf-8") as out:
                out.write(_line(header))
                rows = {t.name: _write_rows(out, connection, t) for t in tables}
                out.write(_line({"end": rows, "last_ids": _last_ids(connection, tables)}))
                out.flush()
            with open(partial, "rb") as written:
                os.fsync(written.fileno())
            partial.replace(path)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise BackupError(f"cannot write {path}: {error.strerror or error}") from None
    return BackupInfo(path, state.current, rows)


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as source:
            for number, line in enumerate(source, start=1):
                try:
                    item = json.loads(line)
                except json.JSONDecodeError:
                    raise BackupError(f"{path}: line {number} is damaged") from None
                if not isinstance(item, dict):
                    raise BackupError(f"{path}: line {number} is not a record")
                yield item
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise BackupError(f"{path}: not a readable policy-checker backup ({error})") from None


def _check_header(path: Path, header: dict[str, Any]) -> str:
    if header.get("format") != FORMAT:
        raise BackupError(f"{path}: not a policy-checker backup")
    if header.get("format_version") != FORMAT_VERSION:
        raise BackupError(f"{path}: backup format {header.get('format_version')} is not supported")
    revision = header.get("revision")
    if not isinstance(revision, str):
        raise BackupError(f"{path}: the header names no schema revision")
    return revision


def _clear(connection: Connection) -> None:
    metadata = MetaData()
    metadata.reflect(connection)
    metadata.drop_all(connection)


def _insert_rows(
    connection: Connection, lines: Iterator[dict[str, Any]], header: dict[str, Any]
) -> tuple[dict[str, int], dict[str, Any] | None]:
    """Insert the rows in file order (parents before children), in batches; return the counts
    and the trailer (None when the file ends without one)."""
    metadata = MetaData()
    metadata.reflect(connection)
    columns = {name: [tuple(c) for c in cols] for name, cols in header["tables"].items()}
    counts = dict.fromkeys(columns, 0)
    table: str | None = None
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        if table is not None and batch:
            connection.execute(metadata.tables[table].insert(), batch)
            batch.clear()

    for item in lines:
        if "end" in item:
            flush()
            return counts, item
        name = item.get("t")
        if not isinstance(name, str) or name not in columns or name not in metadata.tables:
            raise BackupError(f"the backup holds rows of an unknown table {name!r}")
        if name != table or len(batch) >= _BATCH:
            flush()
            table = name
        batch.append({c: _decode(k, v) for (c, k), v in zip(columns[name], item["r"], strict=True)})
        counts[name] += 1
    return counts, None


def _last_ids(connection: Connection, tables: list[Table]) -> dict[str, int]:
    """The highest id each table has handed out, deleted rows included, so a restored database
    never hands out a deleted record's id again (the audit log still names it)."""
    last: dict[str, int] = {}
    sqlite = connection.dialect.name == "sqlite"
    if (
        sqlite
        and connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'"
        ).first()
    ):
        last = {
            name: int(seq)
            for name, seq in connection.exec_driver_sql("SELECT name, seq FROM sqlite_sequence")
        }
    for table in tables:
        if "id" not in table.columns:
            continue
        highest = int(connection.scalar(select(func.max(table.c.id))) or 0)
        if not sqlite:
            sequence = connection.scalar(
                text("SELECT pg_get_serial_sequence(:table, 'id')"), {"table": table.name}
            )
            if sequence:
                used = connection.execute(
                    text(f"SELECT last_value, is_called FROM {sequence}")
                ).one()
                highest = max(highest, int(used.last_value) if used.is_called else 0)
        last[table.name] = max(highest, last.get(table.name, 0))
    return last


def _restore_last_ids(connection: Connection, last_ids: dict[str, int]) -> None:
    """Make each table's ids go on after the highest one the backed-up database had used."""
    for table in _app_tables(connection):
        if "id" not in table.columns:
            continue
        highest = max(
            int(connection.scalar(select(func.max(table.c.id))) or 0), last_ids.get(table.name, 0)
        )
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("DELETE FROM sqlite_sequence WHERE name = ?", (table.name,))
            if highest:
                connection.exec_driver_sql(
                    "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table.name, highest)
                )
        else:
            connection.execute(
                text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :value, :called)"),
                {"table": table.name, "value": highest or 1, "called": highest > 0},
            )


def restore_backup(database: Database, path: Path, replace: bool = False) -> BackupInfo:
    """Restore ``path`` into ``database`` in one transaction, then upgrade it to the latest schema.

    A database that already holds data is refused unless ``replace``; a SQLite file being replaced
    is first copied aside.
    """
    lines = _lines(path)
    header = next(lines, None)
    if header is None:
        raise BackupError(f"{path}: the file is empty")
    revision = _check_header(path, header)
    head = head_revision()
    safety_copy = None
    with locked_connection(database) as connection:
        state = state_of(connection)
        refuse_unknown(state)
        if revision not in known_revisions():
            raise SchemaError(
                f"the backup's schema revision {revision} is newer than this version of "
                "policy-checker knows: update the app"
            )
        if state.current is not None:
            held = sum(
                connection.scalar(select(func.count()).select_from(t)) or 0
                for t in _app_tables(connection)
            )
            if held and not replace:
                raise BackupError(
                    f"the database already holds {held} rows: restore into an empty database, "
                    "or replace its contents (--replace)"
                )
            file = sqlite_path(database.url)
            if held and file is not None:
                safety_copy = backup_path(file, "restore")
                backup_sqlite_file(file, safety_copy)
            _clear(connection)
        run_upgrade(connection, revision)
        counts, trailer = _insert_rows(connection, lines, header)
        if trailer is None or trailer["end"] != counts:
            raise BackupError(f"{path}: the backup is incomplete (truncated?); nothing restored")
        _restore_last_ids(connection, trailer.get("last_ids", {}))
        run_upgrade(connection, head)
    return BackupInfo(path, revision, counts, safety_copy)
