"""The PostgreSQL password of a shared database, kept in the system keyring.

settings.json holds the database URL without its password; the password lives in the
operating system's keyring (macOS Keychain, Windows Credential Locker, the Secret Service on
Linux) through the ``keyring`` library, under the service name ``policy-checker`` and an account
naming the user, server and database. ``connect_url`` puts it into the URL only when the
database is opened; it is never written to a file or a log. Where no keyring exists (a headless
Linux box), storing a password is refused with ``SecretStoreUnavailable``: there is no fallback
to a file.
"""

from __future__ import annotations

import logging
from typing import Final

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail
from keyring.errors import KeyringError, PasswordDeleteError
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

log = logging.getLogger(__name__)

SERVICE: Final = "policy-checker"
DEFAULT_PG_PORT: Final = 5432


class SecretStoreUnavailable(RuntimeError):
    """No system keyring can keep the password (or it refused to)."""


NO_KEYRING: Final = (
    "No system keyring is available to keep the password; install and unlock one "
    "(e.g. GNOME Keyring or KWallet), or let the server authenticate this desk without a "
    "password (a .pgpass file or a client certificate)"
)


def _parse(url: str) -> URL | None:
    try:
        return make_url(url)
    except ArgumentError:
        return None


def _is_postgresql(url: URL) -> bool:
    return url.get_backend_name() in ("postgresql", "postgres")


def account(url: str) -> str:
    """The keyring account of a database: ``user@host:port/database``, the same whatever the
    driver is spelt (``postgresql://`` or ``postgresql+psycopg://``) and whether or not the URL
    holds a password."""
    parsed = _parse(url)
    if parsed is None:
        raise ValueError("not a database URL")
    return (
        f"{parsed.username or ''}@{parsed.host or 'localhost'}:{parsed.port or DEFAULT_PG_PORT}"
        f"/{parsed.database or ''}"
    )


def keyring_backend() -> KeyringBackend:
    """The keyring in use; SecretStoreUnavailable when it is only keyring's placeholder."""
    backend = keyring.get_keyring()
    usable = not isinstance(backend, fail.Keyring) and not (
        isinstance(backend, chainer.ChainerBackend) and not backend.backends
    )
    if not usable:
        raise SecretStoreUnavailable(NO_KEYRING)
    return backend


def keyring_available() -> bool:
    try:
        keyring_backend()
    except SecretStoreUnavailable:
        return False
    return True


def store_db_password(url_without_password: str, password: str) -> None:
    """Keep ``password`` for the database at ``url_without_password`` in the system keyring."""
    if not password:
        raise ValueError("an empty password is not stored; use forget_db_password")
    backend = keyring_backend()
    try:
        backend.set_password(SERVICE, account(url_without_password), password)
    except KeyringError as error:
        log.warning("the keyring refused to store a password: %s", type(error).__name__)
        raise SecretStoreUnavailable(
            f"The system keyring refused to keep the password ({type(error).__name__})"
        ) from None
    log.info("password for %s kept in the keyring", account(url_without_password))


def db_password(url: str) -> str | None:
    """The password kept for the database at ``url``, None when there is none."""
    backend = keyring_backend()
    try:
        return backend.get_password(SERVICE, account(url))
    except KeyringError as error:
        raise SecretStoreUnavailable(
            f"The system keyring could not be read ({type(error).__name__})"
        ) from None


def forget_db_password(url: str) -> None:
    """Remove the password kept for the database at ``url``; nothing kept is not an error."""
    backend = keyring_backend()
    try:
        backend.delete_password(SERVICE, account(url))
    except PasswordDeleteError:
        return
    except KeyringError as error:
        raise SecretStoreUnavailable(
            f"The system keyring could not forget the password ({type(error).__name__})"
        ) from None


def with_password(url: str, password: str) -> str:
    """``url`` with ``password`` in it, for connecting (never to be stored or logged)."""
    parsed = _parse(url)
    if parsed is None:
        return url
    return parsed.set(password=password).render_as_string(hide_password=False)


def connect_url(url: str) -> str:
    """``url`` with the keyring's password put in, just before connecting.

    Unchanged when it is not PostgreSQL, already holds a password, names no user, or nothing is
    kept for it; also when there is no keyring at all, so that the server may still let the
    desk in by other means (``.pgpass``, ``PGPASSWORD``, a certificate, trust).
    """
    parsed = _parse(url)
    if parsed is None or not _is_postgresql(parsed) or parsed.password is not None:
        return url
    if not parsed.username:
        return url
    try:
        password = db_password(url)
    except SecretStoreUnavailable as error:
        log.info("no password from the keyring for %s: %s", account(url), error)
        return url
    return url if password is None else with_password(url, password)
