"""``db check`` reads every row: a file whose pages or values are damaged never reports ok."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from db.check import check_database
from db.engine import Database
from db.errors import StorageError
from db.migrate import open_database
from db.repositories import assessments, clients
from tests.db.test_repositories import answer


def _fill(database: Database, count: int) -> None:
    with database.write() as session:
        for number in range(count):
            client = clients.add(session, {"name": f"企业{number:04d}", "employees": number}, "t")
            assessments.save(session, client.id, 1, answer({"m01": "eligible"}), "t")


def test_a_healthy_database_reads_every_row(database: Database) -> None:
    _fill(database, 3)
    report = check_database(database)
    assert report.ok, report.problems
    assert "rows read and decoded: 15" in report.facts  # 3 clients, revisions, assessments...


def test_a_value_that_cannot_be_decoded_is_a_problem_named_by_row(database: Database) -> None:
    """A damaged compressed answer: the file's structure is fine, the row is not."""
    _fill(database, 3)
    with database.write() as session:
        session.execute(text("UPDATE assessments SET answer = :junk WHERE id = 2"), {"junk": b"x"})
        if database.backend == "sqlite":  # PostgreSQL's JSONB takes no broken JSON
            session.execute(text("UPDATE clients SET profile = '{\"name\": ' WHERE id = 3"))
    report = check_database(database)
    assert not report.ok
    assert [p.split(":")[0] for p in report.problems] == [
        *(["clients row 3"] if database.backend == "sqlite" else []),
        "assessments row 2",
    ]


def _damage_the_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 512] = bytes(range(256)) * 2
    path.write_bytes(bytes(data))


def test_a_sqlite_file_damaged_in_the_middle_does_not_report_ok(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    database = open_database(f"sqlite:///{path}")
    _fill(database, 300)
    database.dispose()  # checkpointed: every row is in the main file
    _damage_the_middle(path)
    damaged = Database(f"sqlite:///{path}")
    try:
        report = check_database(damaged)
    finally:
        damaged.dispose()
    assert not report.ok
    assert any(p.startswith("assessments row ") for p in report.problems), report.problems


@pytest.mark.parametrize("offset", [0, 100])
def test_a_file_that_is_not_a_database_is_refused_in_one_line(tmp_path: Path, offset: int) -> None:
    path = tmp_path / "desk.sqlite3"
    database = open_database(f"sqlite:///{path}")
    database.dispose()
    data = bytearray(path.read_bytes())
    data[offset : offset + 16] = b"garbage garbage!"
    path.write_bytes(bytes(data))
    damaged = Database(f"sqlite:///{path}")
    try:
        with pytest.raises(StorageError) as refused:
            check_database(damaged)
    finally:
        damaged.dispose()
    assert str(path) in str(refused.value) and "\n" not in str(refused.value)
