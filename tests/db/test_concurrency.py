"""No lost updates: two desks, two real connections, editing the same client."""

from __future__ import annotations

import threading

import pytest

from db.engine import Database
from db.errors import ConcurrentEditError
from db.migrate import open_database
from db.models import Client
from db.repositories import clients


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
