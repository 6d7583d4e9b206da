"""Crash safety: a writer killed with SIGKILL in the middle of its saves loses nothing committed."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import IO, Any

import pytest
from sqlalchemy import select

from db.check import check_database
from db.engine import Database
from db.migrate import open_database
from db.models import Assessment, Client
from db.repositories import clients
from rules.answer import assessment_json
from rules.engine import assess
from rules.pack import load_pack
from rules.profile import parse_profile

ROOT = Path(__file__).resolve().parents[2]

SAVE_ASSESSMENTS = """
import json, sys
from db.engine import Database
from db.repositories import assessments
url, client_id, answer_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
answer = json.loads(open(answer_file, encoding="utf-8").read())
database = Database(url)
while True:
    with database.write() as session:
        saved = assessments.save(session, client_id, 1, answer, "writer")
    print(saved.id, flush=True)  # printed only once the commit has returned
"""

IMPORT_IN_ONE_TRANSACTION = """
import sys
from db.engine import Database
from db.repositories import clients
database = Database(sys.argv[1])
with database.write() as session:
    for number in range(1, 100_000):
        clients.add(session, {"name": f"import {number}"}, "writer")
        if number == 300:
            session.flush()
            print("300 in", flush=True)
"""


def _writer(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _read_line(stream: IO[str] | None, writer: subprocess.Popen[str]) -> str:
    assert stream is not None
    line = stream.readline()
    if not line:
        writer.wait(timeout=30)
        assert writer.stderr is not None
        pytest.fail(f"the writer stopped early: {writer.stderr.read()}")
    return line.strip()


def _kill(writer: subprocess.Popen[str]) -> str:
    writer.send_signal(signal.SIGKILL)
    out, _ = writer.communicate(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    return out


def _check_intact(url: str) -> Database:
    database = Database(url)
    report = check_database(database)
    assert report.problems == []
    if database.backend == "sqlite":
        assert "integrity_check: ok" in report.facts
        with database.read() as session:
            assert session.connection().exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    return database


@pytest.fixture
def answer() -> dict[str, Any]:
    profile = parse_profile({"name": "光谷智算科技有限公司", "zone": "ftz_wuhan", "employees": 45})
    return assessment_json(assess(load_pack(), profile, date(2026, 11, 26)))


def test_every_committed_assessment_survives_a_killed_writer(
    db_url: str, tmp_path: Path, answer: dict[str, Any]
) -> None:
    database = open_database(db_url)
    with database.write() as session:
        client_id = clients.add(session, answer["profile"], "setup").id
    database.dispose()
    answer_file = tmp_path / "answer.json"
    answer_file.write_text(json.dumps(answer, ensure_ascii=False), "utf-8")

    committed: list[int] = []
    kills = 3
    for _ in range(kills):
        writer = _writer(SAVE_ASSESSMENTS, db_url, str(client_id), str(answer_file))
        for _ in range(random.randint(5, 20)):
            committed.append(int(_read_line(writer.stdout, writer)))
        committed += [int(line) for line in _kill(writer).split()]

    database = _check_intact(db_url)
    try:
        with database.read() as session:
            stored = {
                row.id: row.answer
                for row in session.execute(select(Assessment.id, Assessment.answer))
            }
        assert set(committed) <= set(stored)
        assert len(stored) - len(committed) <= kills  # at most one commit per kill not yet printed
        assert all(saved == answer for saved in stored.values())
    finally:
        database.dispose()


def test_a_transaction_killed_half_way_leaves_nothing_behind(db_url: str) -> None:
    open_database(db_url).dispose()
    writer = _writer(IMPORT_IN_ONE_TRANSACTION, db_url)
    assert _read_line(writer.stdout, writer) == "300 in"
    _kill(writer)

    database = _check_intact(db_url)
    try:
        with database.read() as session:
            assert session.scalars(select(Client.id)).all() == []
        with database.write() as session:  # and the database takes writes again
            clients.add(session, {"name": "after the crash"}, "desk")
    finally:
        database.dispose()
