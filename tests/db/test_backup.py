"""Backup and restore of the whole database: exact, atomic, across back ends and schema versions."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from datetime import date
from importlib.metadata import version
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


def _lines(path: Path) -> list[bytes]:
    return gzip.decompress(path.read_bytes()).splitlines(keepends=True)


def _sealed(lines: list[bytes]) -> bytes:
    """``lines`` (without a seal) gzipped with a new, matching seal: what a forger would do."""
    body = b"".join(lines)
    seal = json.dumps({"sha256": hashlib.sha256(body).hexdigest()}).encode() + b"\n"
    return gzip.compress(body + seal)


@pytest.fixture
def in_use(second_url: str) -> Iterator[Database]:
    """A database holding a desk's data, which a refused restore must leave as it was."""
    target = open_database(second_url)
    with target.write() as session:
        clients.add(session, {"name": "在用的数据", "employees": 12}, "a")
    yield target
    target.dispose()


def test_a_backup_is_sealed_with_its_checksum_app_version_and_schema(
    database: Database, tmp_path: Path
) -> None:
    _fill(database)
    info = write_backup(database, tmp_path / "roster.pcbackup.gz")
    lines = _lines(info.path)
    header, seal = json.loads(lines[0]), json.loads(lines[-1])
    assert header["revision"] == head_revision() and header["format_version"] == 2
    assert header["app_version"] == version("policy-checker")
    assert seal == {"sha256": hashlib.sha256(b"".join(lines[:-1])).hexdigest()} != {}
    assert info.sha256 == seal["sha256"]


def test_a_flipped_byte_anywhere_in_the_file_is_refused_and_nothing_changes(
    database: Database, in_use: Database, tmp_path: Path
) -> None:
    _fill(database)
    good = write_backup(database, tmp_path / "roster.pcbackup.gz").path.read_bytes()
    before = _dump(in_use)
    bad = tmp_path / "bad.pcbackup.gz"
    deflate = good.index(b"\0", 10) + 1  # after gzip's header and the file name it keeps
    # the deflate stream's start, middle and end, and gzip's own CRC and length at the very end
    for at in [deflate, deflate + 30, len(good) // 2, len(good) - 20, len(good) - 6]:
        flipped = bytearray(good)
        flipped[at] ^= 0x01
        bad.write_bytes(bytes(flipped))
        with pytest.raises(BackupError, match="nothing was restored"):
            restore_backup(in_use, bad, replace=True)
    assert _dump(in_use) == before
    assert not list(tmp_path.glob("second/*.before-restore-*"))  # not even a safety copy


def test_an_altered_row_in_a_regzipped_file_fails_the_checksum(
    database: Database, in_use: Database, tmp_path: Path
) -> None:
    _fill(database)
    info = write_backup(database, tmp_path / "roster.pcbackup.gz")
    lines = _lines(info.path)
    row = next(n for n, line in enumerate(lines) if b'"employees":45' in line)
    lines[row] = lines[row].replace(b'"employees":45', b'"employees":4500')
    altered = tmp_path / "altered.pcbackup.gz"
    altered.write_bytes(gzip.compress(b"".join(lines)))  # a valid gzip, CRC and all
    before = _dump(in_use)
    with pytest.raises(BackupError, match="checksum does not match"):
        restore_backup(in_use, altered, replace=True)
    assert _dump(in_use) == before


def test_a_file_cut_anywhere_is_refused(
    database: Database, in_use: Database, tmp_path: Path
) -> None:
    _fill(database)
    good = write_backup(database, tmp_path / "roster.pcbackup.gz").path.read_bytes()
    lines = _lines(tmp_path / "roster.pcbackup.gz")
    before = _dump(in_use)
    cut = tmp_path / "cut.pcbackup.gz"
    for content in (
        good[: len(good) // 2],  # the download stopped half-way
        good[:-1],  # gzip's length field lost a byte
        gzip.compress(b"".join(lines[:-1])),  # whole lines, the seal gone
    ):
        cut.write_bytes(content)
        with pytest.raises(BackupError, match="nothing was restored"):
            restore_backup(in_use, cut, replace=True)
    assert _dump(in_use) == before


@pytest.mark.parametrize(
    ("table", "change", "says"),
    [
        ("clients", ('"employees":45', '"employees":-3'), "employees"),
        ("client_revisions", ('"name":"光谷智算"', '"name":""'), "profile is refused: name"),
        ("clients", ("91420100MA4KX8N35J", "91420100MA4KX8N35O"), "credit_code"),
    ],
)
def test_a_profile_that_fails_validation_is_refused_even_with_a_good_seal(
    database: Database,
    in_use: Database,
    tmp_path: Path,
    table: str,
    change: tuple[str, str],
    says: str,
) -> None:
    _fill(database)
    lines = _lines(write_backup(database, tmp_path / "roster.pcbackup.gz").path)[:-1]
    old, new = (part.encode() for part in change)
    row = next(
        n
        for n, line in enumerate(lines)
        if line.startswith(b'{"t":"%s"' % table.encode()) and old in line
    )
    lines[row] = lines[row].replace(old, new)
    forged = tmp_path / "forged.pcbackup.gz"
    forged.write_bytes(_sealed(lines))
    before = _dump(in_use)
    with pytest.raises(BackupError, match=f"line {row + 1} .*{says}"):
        restore_backup(in_use, forged, replace=True)
    assert _dump(in_use) == before


def test_a_format_1_backup_without_a_checksum_restores_with_a_warning(
    database: Database, second_url: str, tmp_path: Path
) -> None:
    _fill(database)
    lines = _lines(write_backup(database, tmp_path / "roster.pcbackup.gz").path)[:-1]
    header = json.loads(lines[0])
    header["format_version"] = 1
    del header["app_version"]
    old = tmp_path / "old-format.pcbackup.gz"
    old.write_bytes(gzip.compress(json.dumps(header).encode() + b"\n" + b"".join(lines[1:])))
    target = Database(second_url)
    try:
        restored = restore_backup(target, old)
        assert _dump(target) == _dump(database)
        assert restored.sha256 is None
        assert ["no checksum" in w for w in restored.warnings] == [True]
    finally:
        target.dispose()
