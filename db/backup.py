"""Backup and restore of the whole database in a portable file, for SQLite and PostgreSQL alike.

The file is gzip-compressed JSON lines: a header (format, app version, schema revision, each
table's columns), one line per row, a trailer with each table's row count, and a seal: the SHA-256
of every line before it. It is written from one consistent snapshot and restored in one
transaction: a restore happens entirely or not at all. A backup restores into either back end (a
desk's SQLite file can become a centre's PostgreSQL database), at the schema revision it was
taken at, then is upgraded.

Before a restore changes anything the whole file is read once and verified: gzip's own CRC, the
seal, the row counts, every value decoded and every client profile validated. A damaged, cut or
altered file is refused whole. A backup of format 1 (written before the seal existed) has no
checksum: it is restored after the same checks, with a warning that it cannot be proved unaltered.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from importlib.metadata import PackageNotFoundError, version
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
from db.redact import one_line
from rules.profile import ProfileError, parse_profile

FORMAT = "policy-checker-backup"
FORMAT_VERSION = 2
UNSEALED_FORMAT_VERSION = 1  # before the seal: restored with a warning
_VERSION_TABLE = "alembic_version"
_PROFILE_TABLES = ("clients", "client_revisions")  # their "profile" column is a client profile
_BATCH = 500
_LONGEST_LINE = 64 * 1024 * 1024  # far above any row (a frozen answer is ~30 kB)


class BackupError(DatabaseError):
    """The backup file cannot be written or read back."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    revision: str
    rows: dict[str, int]  # table -> number of rows
    safety_copy: Path | None = None  # the SQLite file as it was before a restore replaced it
    sha256: str | None = None  # the content's checksum (None: a format 1 backup, unsealed)
    warnings: list[str] = field(default_factory=list)


def app_version() -> str:
    try:
        return version("policy-checker")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


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


class _SealedWriter:
    """Lines written to ``out`` and hashed on the way, for the seal."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.digest = hashlib.sha256()

    def write(self, line: str) -> None:
        self.digest.update(line.encode("utf-8"))
        self.out.write(line)

    def seal(self) -> str:
        sha256 = self.digest.hexdigest()
        self.out.write(_line({"sha256": sha256}))
        return sha256


def _write_rows(out: _SealedWriter, connection: Connection, table: Table) -> int:
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
            "app_version": app_version(),
            "revision": state.current,
            "created_at": datetime.now(UTC).isoformat(),
            "source": database.backend,
            "tables": {t.name: [[c.name, _kind(c.type)] for c in t.columns] for t in tables},
        }
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with gzip.open(partial, "wt", encoding="utf-8") as file:
                out = _SealedWriter(file)
                out.write(_line(header))
                rows = {t.name: _write_rows(out, connection, t) for t in tables}
                out.write(_line({"end": rows, "last_ids": _last_ids(connection, tables)}))
                sha256 = out.seal()
                file.flush()
            with open(partial, "rb") as written:
                os.fsync(written.fileno())
            partial.replace(path)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise BackupError(f"cannot write {path}: {error.strerror or error}") from None
    return BackupInfo(path, state.current, rows, sha256=sha256)


class _Reader:
    """The lines of a backup file, each parsed, with the SHA-256 of those before the seal.

    Reading to the end makes gzip check its CRC and length: a damaged or cut file raises here.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.digest = hashlib.sha256()
        self.seal: str | None = None

    def refuse(self, why: str) -> BackupError:
        return BackupError(one_line(f"{self.path}: {why}; nothing was restored"))

    def __iter__(self) -> Iterator[tuple[int, dict[str, Any]]]:
        try:
            with gzip.open(self.path, "rt", encoding="utf-8", newline="\n") as source:
                number = 0
                while line := source.readline(_LONGEST_LINE):
                    number += 1
                    if not line.endswith("\n"):
                        raise self.refuse(f"line {number} is cut or too long")
                    item = self._parse(number, line)
                    if self.seal is not None:
                        raise self.refuse(f"line {number} follows the checksum line")
                    if set(item) == {"sha256"}:
                        self.seal = str(item["sha256"])
                        continue
                    self.digest.update(line.encode("utf-8"))
                    yield number, item
        except (OSError, EOFError, zlib.error, UnicodeDecodeError) as error:
            raise self.refuse(
                f"damaged or cut short, not a readable policy-checker backup ({error})"
            ) from None

    def _parse(self, number: int, line: str) -> dict[str, Any]:
        try:
            item = json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            raise self.refuse(f"line {number} is damaged") from None
        if not isinstance(item, dict):
            raise self.refuse(f"line {number} is not a record")
        return item


def _check_header(reader: _Reader, header: dict[str, Any] | None) -> str:
    if header is None:
        raise reader.refuse("the file is empty")
    if header.get("format") != FORMAT:
        raise reader.refuse("not a policy-checker backup")
    if header.get("format_version") not in (FORMAT_VERSION, UNSEALED_FORMAT_VERSION):
        raise reader.refuse(f"backup format {header.get('format_version')!r} is not supported")
    revision = header.get("revision")
    tables = header.get("tables")
    if not isinstance(revision, str):
        raise reader.refuse("the header names no schema revision")
    if not isinstance(tables, dict) or not all(
        isinstance(columns, list)
        and all(
            isinstance(c, list) and len(c) == 2 and all(isinstance(p, str) for p in c)
            for c in columns
        )
        for columns in tables.values()
    ):
        raise reader.refuse("the header's list of tables is damaged")
    return revision


def _decoded_row(
    reader: _Reader, number: int, item: dict[str, Any], tables: dict[str, list[list[str]]]
) -> tuple[str, dict[str, Any]]:
    """The table and the values of a row line, decoded; its profile validated."""
    name, values = item.get("t"), item.get("r")
    if not isinstance(name, str) or name not in tables:
        raise reader.refuse(f"line {number} holds rows of an unknown table {name!r}")
    columns = tables[name]
    if not isinstance(values, list) or len(values) != len(columns):
        raise reader.refuse(f"line {number} ({name}) does not have the table's columns")
    try:
        row = {c: _decode(k, v) for (c, k), v in zip(columns, values, strict=True)}
    except (ValueError, TypeError, AttributeError, zlib.error):
        raise reader.refuse(f"line {number} ({name}) holds a value that cannot be read") from None
    if name in _PROFILE_TABLES:
        try:
            parse_profile(row.get("profile"))
        except ProfileError as error:
            raise reader.refuse(
                f"line {number} ({name} row {row.get('id')}): the profile is refused: "
                f"{error.problems[0]}"
            ) from None
    return name, row


@dataclass(frozen=True)
class VerifiedBackup:
    header: dict[str, Any]
    revision: str
    counts: dict[str, int]
    trailer: dict[str, Any]
    content_sha256: str  # of what was read, sealed or not
    sealed: bool


def verify_backup(path: Path) -> VerifiedBackup:
    """Read the whole file and check it (see the module's docstring); refuse it whole."""
    reader = _Reader(path)
    lines = iter(reader)
    header = next(lines, (0, None))[1]
    revision = _check_header(reader, header)
    assert header is not None
    tables: dict[str, list[list[str]]] = header["tables"]
    counts = dict.fromkeys(tables, 0)
    trailer: dict[str, Any] | None = None
    for number, item in lines:
        if trailer is not None:
            raise reader.refuse(f"line {number} follows the row counts")
        if "end" in item:
            trailer = item
            continue
        name, _ = _decoded_row(reader, number, item, tables)
        counts[name] += 1
    if trailer is None or trailer.get("end") != counts:
        raise reader.refuse("the backup is incomplete (truncated?) or its row counts differ")
    sealed = header["format_version"] != UNSEALED_FORMAT_VERSION
    content = reader.digest.hexdigest()
    if sealed and reader.seal is None:
        raise reader.refuse("the checksum line is missing (cut short?)")
    if sealed and reader.seal != content:
        raise reader.refuse("the checksum does not match: the file was altered or damaged")
    if not sealed and reader.seal is not None:
        raise reader.refuse("a format 1 backup cannot carry a checksum line")
    return VerifiedBackup(header, revision, counts, trailer, content, sealed)


def _clear(connection: Connection) -> None:
    metadata = MetaData()
    metadata.reflect(connection)
    metadata.drop_all(connection)


def _insert_rows(connection: Connection, path: Path, verified: VerifiedBackup) -> None:
    """Insert the rows in file order (parents before children), in batches, reading the file a
    second time: it must still be the one verified, else the restore is rolled back."""
    metadata = MetaData()
    metadata.reflect(connection)
    reader = _Reader(path)
    tables: dict[str, list[list[str]]] = verified.header["tables"]
    table: str | None = None
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        if table is not None and batch:
            connection.execute(metadata.tables[table].insert(), batch)
            batch.clear()

    for number, item in reader:
        if number == 1 or "end" in item:
            continue
        name, row = _decoded_row(reader, number, item, tables)
        if name not in metadata.tables:
            raise reader.refuse(f"line {number}: the schema has no table {name!r}")
        if name != table or len(batch) >= _BATCH:
            flush()
            table = name
        batch.append(row)
    flush()
    if reader.digest.hexdigest() != verified.content_sha256:
        raise reader.refuse("the file changed while it was being restored")


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

    The file is verified whole first (``verify_backup``). A database that already holds data is
    refused unless ``replace``; a SQLite file being replaced is first copied aside.
    """
    verified = verify_backup(path)
    revision = verified.revision
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
        _insert_rows(connection, path, verified)
        last_ids = verified.trailer.get("last_ids")
        _restore_last_ids(connection, last_ids if isinstance(last_ids, dict) else {})
        run_upgrade(connection, head)
    warnings = []
    if not verified.sealed:
        warnings.append(
            f"{path}: a format 1 backup carries no checksum: its rows were checked, but it "
            "cannot be proved unaltered"
        )
    sha256 = verified.content_sha256 if verified.sealed else None
    return BackupInfo(path, revision, verified.counts, safety_copy, sha256, warnings)
