"""Schema migrations: an old database with data in it is upgraded at start-up, intact."""

from __future__ import annotations

import json
import threading
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from db.check import check_database
from db.engine import Database, sqlite_path
from db.errors import DuplicateClientError, SchemaError
from db.migrate import downgrade, head_revision, open_database, schema_state, upgrade
from db.names import normalise_name
from db.repositories import clients
from db.types import JsonDocument, compress_json

OLD_PROFILES: list[dict[str, Any]] = [
    {"name": "光谷智算科技有限公司", "credit_code": "91420100MA4KX8N35J", "zone": "ftz_wuhan"},
    {"name": "ＡＣＭＥ　Ｃｏ．，Ｌｔｄ．", "sectors": [], "first_profit_year": None},
    {"name": "襄阳轴承", "zone": "ftz_xiangyang", "employees": 300},
]
ANSWER = {
    "pack": {"id": "hubei-ftz-2021", "version": "0.0.9", "sha256": "a" * 64},
    "as_of": "2025-01-02",
    "lang": "zh",
    "profile": OLD_PROFILES[0],
    "summary": {"eligible": 1, "needs_info": 0, "not_eligible": 0, "not_applicable": 0},
    "results": [{"measure": "m02", "verdict": "eligible"}],
    "next_questions": [],
}


def _fill_revision_0001(database: Database) -> None:
    """Rows as version 0001 of the schema held them, written with plain SQL."""
    stamp = datetime(2025, 1, 2, 3, 4, 5)
    clients_0001 = sa.table(
        "clients",
        *(sa.column(c) for c in ("id", "name", "credit_code", "version", "created_by")),
        sa.column("profile", JsonDocument),
        *(sa.column(c, sa.DateTime()) for c in ("created_at", "updated_at")),
        sa.column("updated_by"),
    )
    revisions = sa.table(
        "client_revisions",
        *(sa.column(c) for c in ("id", "client_id", "version", "change", "changed_by")),
        sa.column("profile", JsonDocument),
        sa.column("changed_at", sa.DateTime()),
    )
    assessments = sa.table(
        "assessments",
        *(
            sa.column(c)
            for c in [
                "id",
                "client_id",
                "client_version",
                "lang",
                "pack_id",
                "pack_version",
                "pack_sha256",
                "eligible",
                "needs_info",
                "not_eligible",
                "not_applicable",
                "created_by",
            ]
        ),
        sa.column("as_of", sa.Date()),
        sa.column("verdicts", JsonDocument),
        sa.column("answer", sa.LargeBinary()),
        sa.column("created_at", sa.DateTime()),
    )
    with database.write() as session:
        for number, profile in enumerate(OLD_PROFILES, start=1):
            session.execute(
                clients_0001.insert().values(
                    id=number,
                    name=profile["name"],
                    credit_code=profile.get("credit_code"),
                    profile=profile,
                    version=1,
                    created_at=stamp,
                    created_by="old-desk",
                    updated_at=stamp,
                    updated_by="old-desk",
                )
            )
            session.execute(
                revisions.insert().values(
                    id=number,
                    client_id=number,
                    version=1,
                    profile=profile,
                    change="created",
                    changed_at=stamp,
                    changed_by="old-desk",
                )
            )
        session.execute(
            assessments.insert().values(
                id=1,
                client_id=1,
                client_version=1,
                as_of=date(2025, 1, 2),
                lang="zh",
                pack_id="hubei-ftz-2021",
                pack_version="0.0.9",
                pack_sha256="a" * 64,
                eligible=1,
                needs_info=0,
                not_eligible=0,
                not_applicable=0,
                verdicts={"m02": "eligible"},
                answer=compress_json(ANSWER),
                created_at=stamp,
                created_by="old-desk",
            )
        )


def test_an_old_schema_with_data_is_upgraded_at_start_up_and_the_data_is_intact(
    db_url: str,
) -> None:
    old = Database(db_url)
    try:
        upgrade(old, "0001")
        _fill_revision_0001(old)
        assert schema_state(old).current == "0001"
    finally:
        old.dispose()

    database = open_database(db_url)  # what the app does at start-up
    try:
        assert schema_state(database).current == head_revision()
        with database.read() as session:
            stored = clients.search(session, limit=None)
            assert sorted(c.profile["name"] for c in stored) == sorted(
                p["name"] for p in OLD_PROFILES
            )
            for record in stored:
                original = OLD_PROFILES[record.id - 1]
                assert record.profile == original  # absent, null and [] all kept apart
                assert record.zone == original.get("zone")
                assert record.version == 1
                assert record.created_at == datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
            # the new search columns were filled in from the stored profiles
            assert [c.id for c in clients.search(session, "acme")] == [2]
            assert [c.id for c in clients.search(session, zone="ftz_xiangyang")] == [3]
            assert len(clients.history(session, 1)) == 1
        from db.repositories import assessments

        with database.read() as session:
            frozen = assessments.get(session, 1)
        assert frozen.answer == ANSWER
        assert frozen.summary.pack.version == "0.0.9"
        assert check_database(database).problems == []
    finally:
        database.dispose()


def test_a_sqlite_file_is_copied_before_it_is_migrated(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    old = Database(url)
    upgrade(old, "0001")
    _fill_revision_0001(old)
    old.dispose()

    database = Database(url)
    try:
        result = upgrade(database)
    finally:
        database.dispose()
    assert (result.before, result.after) == ("0001", head_revision())
    assert result.backup is not None and result.backup.parent == tmp_path
    assert result.backup.name.startswith(f"desk.before-{head_revision()}-")
    copy = Database(f"sqlite:///{result.backup}")
    try:
        assert schema_state(copy).current == "0001"
        with copy.read() as session:
            assert session.execute(sa.text("SELECT count(*) FROM clients")).scalar() == 3
    finally:
        copy.dispose()


def test_a_new_database_gets_the_latest_schema_without_a_copy(db_url: str) -> None:
    database = Database(db_url)
    try:
        result = upgrade(database)
        assert (result.before, result.after, result.backup) == (None, head_revision(), None)
        assert not upgrade(database).changed
        assert check_database(database).ok
    finally:
        database.dispose()


def test_migrations_go_down_and_up_again(database: Database) -> None:
    downgrade(database, "0001")
    assert schema_state(database).current == "0001"
    downgrade(database, "base")
    assert schema_state(database).current is None
    upgrade(database)
    assert check_database(database).problems == []


def test_verdict_checks_come_with_revision_0003_and_go_without_touching_the_rest(
    database: Database,
) -> None:
    from db.records import PackRef
    from db.repositories import assessments

    with database.write() as session:
        client = clients.add(session, OLD_PROFILES[0], "desk")
        saved = assessments.save(session, client.id, 1, ANSWER, "desk")
        assessments.record_checks(
            session, {client.id: saved.id}, PackRef("p", "2", "c" * 64), date(2026, 12, 1), "d"
        )
    downgrade(database, "0002")
    with database.read() as session:
        assert "verdict_checks" not in sa.inspect(session.connection()).get_table_names()
        assert assessments.get(session, saved.id).answer == ANSWER
        assert session.execute(sa.text("SELECT id FROM clients")).scalars().all() == [client.id]
    upgrade(database)
    assert schema_state(database).current == head_revision() == "0004"
    with database.read() as session:
        assert assessments.checks_of(session, [client.id]) == {}  # back, empty
        assert assessments.assessed_with_other_pack(session, "c" * 64) == [client.id]
    assert check_database(database).problems == []


def test_revision_0004_keeps_clients_that_already_collide_and_refuses_new_ones(
    database: Database,
) -> None:
    """Duplicates made before the unique name claim existed are kept; the oldest of each name
    without a credit code holds the claim, and from then on no new namesake gets in."""
    downgrade(database, "0003")
    stamp = datetime(2025, 1, 2, 3, 4, 5)
    names = [
        ("襄阳轴承有限公司", None),
        ("襄阳 轴承", None),  # the same company, written by another desk
        ("襄阳轴承", "91420600MA4KX8N35J"),  # a namesake with a code: another company
        ("ACME Ltd.", None),
    ]
    with database.write() as session:
        for name, code in names:
            session.execute(
                sa.text(
                    "INSERT INTO clients (name, name_key, credit_code, zone, profile, version,"
                    " created_at, created_by, updated_at, updated_by) VALUES (:name, :key,"
                    " :code, NULL, :profile, 1, :at, 'old', :at, 'old')"
                ),
                {
                    "name": name,
                    "key": normalise_name(name),
                    "code": code,
                    "profile": json.dumps({"name": name, "credit_code": code}),
                    "at": stamp,
                },
            )
    upgrade(database)
    with database.read() as session:
        claims = dict(session.execute(sa.text("SELECT id, name_claim FROM clients")).all())
    assert claims == {1: "襄阳轴承", 2: None, 3: None, 4: "acme"}
    refused = pytest.raises(DuplicateClientError, match="client #1 襄阳轴承有限公司")
    with refused, database.write() as session:
        clients.add(session, {"name": "襄阳轴承股份有限公司"}, "desk")
    with database.read() as session:
        assert clients.count(session) == 4


def test_a_schema_newer_than_the_app_is_refused(database: Database) -> None:
    with database.write() as session:
        session.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SchemaError, match="newer than this version"):
        upgrade(database)
    assert "newer than this version" in " ".join(check_database(database).problems)


def test_a_database_of_something_else_is_refused(db_url: str) -> None:
    other = Database(db_url)
    try:
        with other.write() as session:
            session.execute(sa.text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
        with pytest.raises(SchemaError, match="not a policy-checker database"):
            upgrade(other)
    finally:
        other.dispose()


def test_desks_starting_together_upgrade_once(db_url: str) -> None:
    errors: list[BaseException] = []
    results = []

    def start_desk() -> None:
        try:
            database = open_database(db_url)
            results.append(schema_state(database).current)
            database.dispose()
        except BaseException as error:
            errors.append(error)

    desks = [threading.Thread(target=start_desk) for _ in range(3)]
    for desk in desks:
        desk.start()
    for desk in desks:
        desk.join()
    assert errors == []
    assert results == [head_revision()] * 3


def test_sqlite_path_of_urls() -> None:
    from db.engine import parse_url

    assert sqlite_path(parse_url("sqlite:////srv/roster.sqlite3")) == Path("/srv/roster.sqlite3")
    assert sqlite_path(parse_url("postgresql://x@y/z")) is None
