"""Normalised names (db.names): a name that grows under NFKC is stored on both databases."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.migrate import open_database
from db.names import KEY_LENGTH, normalise_name
from db.repositories import clients
from tests.db.backends import BACKENDS, fresh_database_url


def test_the_key_never_outgrows_its_column() -> None:
    assert len(normalise_name("㍿" * 200)) == KEY_LENGTH  # each is four characters under NFKC
    assert normalise_name("武汉光谷智算科技有限公司") == "武汉光谷智算科技"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_name_that_grows_under_nfkc_is_saved_on_either_database(
    backend: str, tmp_path: Path
) -> None:
    with fresh_database_url(backend, tmp_path) as url:
        database = open_database(url)
        try:
            with database.write() as session:
                saved = clients.add(session, {"name": "㍿" * 200}, "desk-1")
            with database.read() as session:
                assert clients.get(session, saved.id).name == "㍿" * 200
        finally:
            database.dispose()
