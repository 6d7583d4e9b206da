"""Two desks at once, on two real connections: no lost updates, no duplicate clients, and on
SQLite readers that never wait for a writer."""

from __future__ import annotations

import threading
import time

import pytest

from db.engine import Database
from db.errors import ConcurrentEditError, DuplicateClientError
from db.migrate import open_database
from db.models import AuditEntry, Client
from db.repositories import clients
from db.types import utc_now


def _add(database: Database) -> int:
    with database.write() as session:
        return clients.add(session, {"name": "襄阳轴承", "employees": 100}, "desk-a").id


def test_the_second_desk_to_save_is_refused_and_nothing_is_overwritten(
    database: Database, db_url: str
) -> None:
    client_id = _add(database)
    desk_a, desk_b = Database(db_url), Database(db_url)
    try:
        with desk_a.read() as session:
            opened_a = clients.get(session, client_id)
        with desk_b.read() as session:
            opened_b = clients.get(session, client_id)
        assert opened_a.version == opened_b.version == 1

        with desk_a.write() as session:
            clients.update(session, client_id, {**opened_a.profile, "employees": 120}, 1, "desk-a")
        with (
            pytest.raises(ConcurrentEditError, match="changed by desk-a") as refused,
            desk_b.write() as session,
        ):
            clients.update(session, client_id, {**opened_b.profile, "employees": 90}, 1, "desk-b")
        assert "nothing was saved" in str(refused.value)

        with desk_b.read() as session:
            stored = clients.get(session, client_id)
            history = clients.history(session, client_id)
        assert (stored.profile["employees"], stored.version) == (120, 2)
        assert [(r.version, r.changed_by) for r in history] == [(1, "desk-a"), (2, "desk-a")]
    finally:
        desk_a.dispose()
        desk_b.dispose()


def _race(db_url: str, client_id: int, version: int) -> dict[str, str]:
    """Two desks save the same client at the same moment, both from ``version``."""
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def save(desk: str, employees: int) -> None:
        database = Database(db_url)
        try:
            start.wait()
            with database.write() as session:
                profile = {"name": "襄阳轴承", "employees": employees}
                clients.update(session, client_id, profile, version, desk)
            outcomes[desk] = "saved"
        except ConcurrentEditError:
            outcomes[desk] = "refused"
        finally:
            database.dispose()

    desks = [
        threading.Thread(target=save, args=("desk-a", 1000 + version)),
        threading.Thread(target=save, args=("desk-b", 2000 + version)),
    ]
    for desk in desks:
        desk.start()
    for desk in desks:
        desk.join()
    return outcomes


def test_racing_saves_from_two_desks_let_exactly_one_through(
    database: Database, db_url: str
) -> None:
    client_id = _add(database)
    for version in range(1, 6):
        outcomes = _race(db_url, client_id, version)
        assert sorted(outcomes.values()) == ["refused", "saved"], outcomes
    with database.read() as session:
        assert clients.get(session, client_id).version == 6
        assert len(clients.history(session, client_id)) == 6


def test_the_update_itself_refuses_a_save_that_raced_past_the_check(postgres_url: str) -> None:
    """The second line of defence: ``UPDATE ... WHERE version = ?`` changes no row.

    On PostgreSQL a desk can read a row, another desk commit over it, and the first desk then
    write. (SQLite cannot interleave so: a write transaction takes the lock when it begins.)
    """
    desk_a, desk_b = open_database(postgres_url), Database(postgres_url)
    try:
        client_id = _add(desk_a)
        with desk_b.write() as session_b:
            opened = session_b.get(Client, client_id)  # desk B reads version 1 and keeps it
            assert opened is not None and opened.version == 1
            with desk_a.write() as session_a:
                clients.update(session_a, client_id, {"name": "襄阳轴承", "employees": 1}, 1, "a")
            with pytest.raises(ConcurrentEditError, match="while you were saving"):
                clients.update(session_b, client_id, {"name": "襄阳轴承", "employees": 2}, 1, "b")
        with desk_a.read() as session:
            assert clients.get(session, client_id).profile["employees"] == 1
    finally:
        desk_a.dispose()
        desk_b.dispose()


def _race_to_add(postgres_url: str, profile: dict[str, object]) -> dict[str, object]:
    """Two desks check that ``profile``'s company is not in the roster, both find nothing, then
    both add it: the database decides. Each desk's outcome: its client's id, or the refusal."""
    checked = threading.Barrier(2, timeout=30)
    outcomes: dict[str, object] = {}
    opened = open_database(postgres_url)
    opened.dispose()

    def add(desk: str) -> None:
        database = Database(postgres_url)
        try:
            with database.write() as session:
                name = str(profile["name"])
                code = profile.get("credit_code")
                assert (
                    clients.duplicates(session, code if isinstance(code, str) else None, name) == []
                )
                checked.wait()  # both desks are past the duplicate check: the race is on
                outcomes[desk] = clients.add(session, dict(profile), desk).id
        except DuplicateClientError as error:
            outcomes[desk] = error
        finally:
            database.dispose()

    desks = [threading.Thread(target=add, args=(desk,)) for desk in ("desk-a", "desk-b")]
    for desk in desks:
        desk.start()
    for desk in desks:
        desk.join()
    return outcomes


@pytest.mark.parametrize(
    "profile",
    [
        pytest.param({"name": "襄阳轴承有限公司"}, id="same-name-no-code"),
        pytest.param({"name": "光谷智算", "credit_code": "91420100MA4KX8N35J"}, id="same-code"),
    ],
)
def test_two_desks_adding_the_same_company_at_once_make_one_client(
    postgres_url: str, profile: dict[str, object]
) -> None:
    outcomes = _race_to_add(postgres_url, profile)
    added = [o for o in outcomes.values() if isinstance(o, int)]
    refused = [o for o in outcomes.values() if isinstance(o, DuplicateClientError)]
    assert len(added) == 1 and len(refused) == 1, outcomes
    # the loser gets the duplicate prompt's own refusal, naming the winner
    assert refused[0].existing_ids == added
    assert str(refused[0]).startswith(f"already in the roster as client #{added[0]} ")
    database = Database(postgres_url)
    try:
        with database.read() as session:
            assert [c.id for c in clients.search(session, limit=None)] == added
            assert len(clients.history(session, added[0])) == 1
    finally:
        database.dispose()


def test_a_confirmed_namesake_without_a_code_is_let_through(database: Database) -> None:
    """The database's name claim does not overrule the user: "another company" is kept."""
    with database.write() as session:
        first = clients.add(session, {"name": "襄阳轴承"}, "desk-a")
    with pytest.raises(DuplicateClientError) as refused, database.write() as session:
        clients.add(session, {"name": "襄阳 轴承 有限公司"}, "desk-b")
    assert refused.value.existing_ids == [first.id]
    with database.write() as session:
        other = clients.add(
            session, {"name": "襄阳轴承有限公司"}, "desk-b", same_name_confirmed=True
        )
    with database.write() as session:  # editing the namesake keeps it let through
        clients.update(session, other.id, {"name": "襄阳轴承有限公司", "employees": 5}, 1, "b")
    with database.read() as session:
        assert clients.count(session) == 2


def test_a_reader_is_not_blocked_by_an_open_write_on_sqlite(sqlite_database: Database) -> None:
    """WAL: ``clients list`` reads the last committed snapshot while an import is writing, even
    when the import has written more than SQLite's page cache holds (in rollback-journal mode
    the writer would then lock the file against readers until it commits)."""
    with sqlite_database.write() as session:
        clients.add(session, {"name": "已有企业"}, "desk-a")
    with sqlite_database.write() as writing:
        clients.add(writing, {"name": "导入中的企业"}, "importer")
        bulk = [{"name": f"企业{n}", "notes": "备注" * 500} for n in range(4000)]  # ~12 MB
        writing.execute(
            AuditEntry.__table__.insert(),
            [{"actor": "importer", "action": "bulk", "detail": d, "at": utc_now()} for d in bulk],
        )
        started = time.monotonic()
        with sqlite_database.read() as reading:
            names = [c.name for c in clients.search(reading, limit=None)]
        assert names == ["已有企业"]  # the snapshot: the uncommitted rows are not seen
        assert time.monotonic() - started < 1  # at once, not after the busy timeout
    with sqlite_database.read() as session:
        assert clients.count(session) == 2
