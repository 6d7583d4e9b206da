"""The database password in the system keyring: kept there, put into the URL only to connect."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail
from keyring.compat import properties
from keyring.errors import PasswordDeleteError, PasswordSetError
from sqlalchemy.engine import make_url

from app import secrets
from app.secrets import (
    SERVICE,
    SecretStoreUnavailable,
    connect_url,
    db_password,
    forget_db_password,
    store_db_password,
)
from app.settings import AppSettings, database_url, load_app_settings, save_app_settings

PASSWORD = "s3cr@t/:pw%"  # characters a URL must escape


class MemoryKeyring(KeyringBackend):
    """A keyring in a dict, set with keyring.set_keyring; never chosen by keyring itself."""

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("only for tests: never chosen by keyring's own detection")

    def __init__(self, refuse: bool = False) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}
        self.refuse = refuse

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.refuse:
            raise PasswordSetError("locked")
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.store:
            raise PasswordDeleteError("not found")
        del self.store[(service, username)]


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


URL = "postgresql://desk@centre-db:5433/policy"


def test_a_password_is_kept_and_found_whatever_the_driver_spelling(
    memory_keyring: MemoryKeyring,
) -> None:
    store_db_password(URL, PASSWORD)
    assert memory_keyring.store == {(SERVICE, "desk@centre-db:5433/policy"): PASSWORD}
    assert db_password(URL) == PASSWORD
    assert db_password("postgresql+psycopg://desk@centre-db:5433/policy") == PASSWORD
    assert db_password("postgresql://desk@centre-db:5432/policy") is None
    assert db_password("postgresql://other@centre-db:5433/policy") is None


def test_connect_url_puts_the_password_in_only_for_connecting(
    memory_keyring: MemoryKeyring,
) -> None:
    assert connect_url(URL) == URL  # nothing kept yet
    store_db_password(URL, PASSWORD)
    full = make_url(connect_url(URL))
    assert full.password == PASSWORD and full.username == "desk" and full.database == "policy"
    # Left alone: a URL that has a password already, SQLite, a URL without a user.
    assert connect_url("postgresql://desk:typed@centre-db:5433/policy").endswith(
        ":typed@centre-db:5433/policy"
    )
    assert connect_url("sqlite:////tmp/x.db") == "sqlite:////tmp/x.db"
    assert connect_url("postgresql://centre-db/policy") == "postgresql://centre-db/policy"


def test_forgetting_a_password_and_forgetting_nothing(memory_keyring: MemoryKeyring) -> None:
    store_db_password(URL, PASSWORD)
    forget_db_password(URL)
    assert db_password(URL) is None
    forget_db_password(URL)  # nothing kept: not an error


def test_no_keyring_is_refused_in_plain_words_and_never_falls_back_to_a_file(
    no_keyring: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SecretStoreUnavailable, match="No system keyring is available"):
        store_db_password(URL, PASSWORD)
    with pytest.raises(SecretStoreUnavailable):
        db_password(URL)
    assert not secrets.keyring_available()
    # Connecting still tries without a password (the server may accept .pgpass or a certificate).
    assert connect_url(URL) == URL
    assert list(tmp_path.iterdir()) == []


def test_a_chainer_with_no_backends_counts_as_no_keyring(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = keyring.get_keyring()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    keyring.set_keyring(chainer.ChainerBackend())
    try:
        assert not secrets.keyring_available()
        with pytest.raises(SecretStoreUnavailable):
            store_db_password(URL, PASSWORD)
    finally:
        keyring.set_keyring(before)


def test_a_keyring_that_refuses_says_so_without_the_password(
    caplog: pytest.LogCaptureFixture,
) -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring(refuse=True))
    caplog.set_level(logging.DEBUG)
    try:
        with pytest.raises(SecretStoreUnavailable) as caught:
            store_db_password(URL, PASSWORD)
    finally:
        keyring.set_keyring(before)
    assert PASSWORD not in str(caught.value)
    assert PASSWORD not in caplog.text


def test_an_empty_password_is_not_stored(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(ValueError):
        store_db_password(URL, "")


def test_the_settings_file_never_holds_the_password(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    path = tmp_path / "settings.json"
    with_it = secrets.with_password(URL, PASSWORD)
    assert make_url(with_it).password == PASSWORD
    save_app_settings(AppSettings(database_url=with_it), path)
    text = path.read_text("utf-8")
    assert "s3cr" not in text
    assert json.loads(text) == {"database_url": "postgresql://desk@centre-db:5433/policy"}
    assert load_app_settings(path).database_url == "postgresql://desk@centre-db:5433/policy"


def test_a_url_from_the_settings_file_gets_its_password_from_the_keyring(
    memory_keyring: MemoryKeyring, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICY_CHECKER_CONFIG_DIR", str(tmp_path))
    monkeypatch.delenv("POLICY_CHECKER_DB_URL", raising=False)
    save_app_settings(AppSettings(database_url=URL))
    assert database_url(None, "sqlite:///d.db") == URL
    store_db_password(URL, PASSWORD)
    assert make_url(database_url(None, "sqlite:///d.db")).password == PASSWORD
    # --db and the environment are taken as given.
    assert database_url("postgresql://desk@centre-db:5433/policy", "x") == URL
    monkeypatch.setenv("POLICY_CHECKER_DB_URL", URL)
    assert database_url(None, "sqlite:///d.db") == URL
