"""Backup and restore of the whole database: exact, atomic, across back ends and schema versions."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, select

from db.backup import BackupError, restore_backup, write_backup
from db.engine import Database
from db.migrate import head_revision, open_database, schema_state, upgrade
from db.records import PackRef
from db.repositories import assessments, checklist, clients, notes
from tests.db.backends import fresh_database_url
from tests.db.test_migrations import OLD_PROFILES, _fill_revision_0001
from tests.db.test_repositories import answer


def _fill(database: Database) -> None:
    with database.write() as session:
        ai = clients.add(
            session, {"name": "光谷智算", "sectors": [], "first_profit_year": None}, "a"
        )
        clients.update(session, ai.id, {"name": "光谷智算", "employees": 45}, 1, "b")
        other = clients.add(session, {"name": "襄阳轴承", "zone": "ftz_xiangyang"}, "a")
        clients.delete(session, other.id, 1, "a")  # leaves a gap in the ids
        formula = {"name": '=HYPERLINK("x")', "credit_code": "91420100MA4KX8N35J"}
        clients.add(session, formula, "a")
        last = clients.add(session, {"name": "last"}, "a")
        clients.delete(session, last.id, 1, "a")  # the highest id was used, then deleted
        saved = assessments.save(
            session, ai.id, 2, answer({"m01": "eligible", "m02": "needs_info"}), "a"
        )
        newer = PackRef("hubei-ftz-2021", "2", "c" * 64)
        assessments.record_checks(session, {ai.id: saved.id}, newer, date(2026, 12, 1), "b")
        notes.add(session, ai.id, "回访", "a", "follow_up", date(2026, 12, 1))
        checklist.add_missing(session, ai.id, [("m01", "营业执照")], "a")


def _dump(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (alembic's own aside), in primary-key order."""
    metadata = MetaData()
    with database.read() as session:
        connection = session.connection()
        metadata.reflect(connection)
        return {
            table.name: [
                tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)
                for row in connection.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in metadata.sorted_tables
            if table.name != "alembic_version"
        }


@pytest.fixture
def second_url(request: pytest.FixtureRequest, db_url: str, tmp_path: Path) -> Iterator[str]:
    """Another empty database of the same back end."""
    backend = "sqlite" if db_url.startswith("sqlite") else "postgresql"
    folder = tmp_path / "second"
    folder.mkdir()
    with fresh_database_url(backend, folder) as url:
        yield url


def test_a_backup_restores_every_row_exactly(
    database: Database, second_url: str, tmp_path: Path
) -> None:
    _fill(database)
    info = write_backup(database, tmp_path / "roster.pcbackup.gz")
    assert info.revision == head_revision() and info.rows["clients"] == 2
    assert info.rows["verdict_checks"] == 1
    assert not list(tmp_path.glob("*.partial"))

    target = Database(second_url)
    try:
        restored = restore_backup(target, info.path)
        assert restored.rows == info.rows
        assert _dump(target) == _dump(database)
        with target.write() as session:  # ids go on after the restored ones
            added = clients.add(session, {"name": "新客户"}, "a")
        assert added.id == 5  # never a deleted client's id: the audit log still names them
    finally:
        target.dispose()


def test_a_desk_file_restores_into_a_centre_server(
    sqlite_database: Database, postgres_url: str, tmp_path: Path
) -> None:
    _fill(sqlite_database)
    info = write_backup(sqlite_database, tmp_path / "desk.pcbackup.gz")
    centre = Database(postgres_url)
    try:
        restore_backup(centre, info.path)
        assert _dump(centre) == _dump(sqlite_database)
    finally:
        centre.dispose()


def test_a_database_holding_data_is_replaced_only_when_asked(
    database: Database, second_url: str, tmp_path: Path
) -> None:
    _fill(database)
    info = write_backup(database, tmp_path / "roster.pcbackup.gz")
    target = open_database(second_url)
    try:
        with target.write() as session:
            clients.add(session, {"name": "在用的数据"}, "a")
        with pytest.raises(BackupError, match="already holds"):
            restore_backup(target, info.path)
        with target.read() as session:
            assert [c.name for c in clients.search(session)] == ["在用的数据"]
        replaced = restore_backup(target, info.path, replace=True)
        assert _dump(target) == _dump(database)
        if target.backend == "sqlite":
            assert replaced.safety_copy is not None and replaced.safety_copy.is_file()
    finally:
        target.dispose()


def test_a_truncated_backup_restores_nothing(
    database: Database, second_url: str, tmp_path: Path
) -> None:
    _fill(database)
    info = write_backup(database, tmp_path / "roster.pcbackup.gz")
    lines = gzip.decompress(info.path.read_bytes()).splitlines(keepends=True)
    cut = tmp_path / "cut.pcbackup.gz"
    cut.write_bytes(gzip.compress(b"".join(lines[:-3])))
    target = Database(second_url)
    try:
        with pytest.raises(BackupError, match="incomplete"):
            restore_backup(target, cut)
        assert schema_state(target).current is None  # the whole restore was rolled back
    finally:
        target.dispose()


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"not gzip at all", "not a readable policy-checker backup"),
        (gzip.compress(b'{"format": "other"}\n'), "not a policy-checker backup"),
        (gzip.compress(b""), "empty"),
        (gzip.compress(b'{"format": "policy-checker-backup", "format_version": 99}\n'), "99"),
    ],
)
def test_files_that_are_not_backups_are_refused(
    database: Database, tmp_path: Path, content: bytes, says: str
) -> None:
    path = tmp_path / "x.gz"
    path.write_bytes(content)
    with pytest.raises(BackupError, match=says):
        restore_backup(database, path)


def test_a_backup_of_an_old_schema_restores_and_is_upgraded(
    db_url: str, second_url: str, tmp_path: Path
) -> None:
    old = Database(db_url)
    try:
        upgrade(old, "0001")
        _fill_revision_0001(old)
        info = write_backup(old, tmp_path / "old.pcbackup.gz")
    finally:
        old.dispose()
    assert info.revision == "0001"
    target = Database(second_url)
    try:
        restore_backup(target, info.path)
        assert schema_state(target).current == head_revision()
        with target.read() as session:
            assert [c.profile for c in clients.iterate(session)] == OLD_PROFILES
            assert [c.id for c in clients.search(session, zone="ftz_wuhan")] == [1]
    finally:
        target.dispose()


def test_an_empty_database_has_nothing_to_back_up(db_url: str, tmp_path: Path) -> None:
    empty = Database(db_url)
    try:
        with pytest.raises(Exception, match="nothing to back up"):
            write_backup(empty, tmp_path / "x.gz")
    finally:
        empty.dispose()
