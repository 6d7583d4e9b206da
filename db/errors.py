"""The refusals of the persistence layer, each with a message a user can act on.

``from_driver`` turns what SQLite or PostgreSQL raised into one of them: one line, naming the file
or the server, with any password taken out (``db.redact``).
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from db.redact import one_line


class DatabaseError(Exception):
    """Base of the errors below; ``str(error)`` is the message for the user."""


class DatabaseUnavailableError(DatabaseError):
    """The database cannot be opened: a bad URL, a missing driver or an unreachable server."""


class StorageError(DatabaseError):
    """The database cannot store or read: a damaged or read-only file, a full disk."""


class SchemaError(DatabaseError):
    """The database's schema is not one this version of the app can use."""


class NotFoundError(DatabaseError):
    """A client, assessment or note that does not (or no longer) exist."""


class ConcurrentEditError(DatabaseError):
    """Someone else saved the record since it was opened; nothing was overwritten."""


class DuplicateClientError(DatabaseError):
    """The client is already in the roster (same credit code, or the same normalised name)."""

    def __init__(self, message: str, existing_ids: list[int]) -> None:
        super().__init__(message)
        self.existing_ids = existing_ids


_SQLITE_REFUSALS: dict[str, tuple[type[DatabaseError], str]] = {
    "SQLITE_NOTADB": (StorageError, "{where} is not a SQLite database, or its header is damaged"),
    "SQLITE_CORRUPT": (
        StorageError,
        "{where} is damaged: restore a backup (policy-check db restore)",
    ),
    "SQLITE_CANTOPEN": (
        DatabaseUnavailableError,
        "cannot open {where}: the file or its folder cannot be read or written",
    ),
    "SQLITE_READONLY": (StorageError, "{where} is read-only (file or folder): nothing was saved"),
    "SQLITE_PERM": (StorageError, "{where}: permission denied: nothing was saved"),
    "SQLITE_FULL": (StorageError, "{where}: the disk is full: nothing was saved"),
    "SQLITE_IOERR": (StorageError, "{where}: the disk failed to read or write (full?)"),
    "SQLITE_BUSY": (
        DatabaseUnavailableError,
        "{where} is busy: another program has held it locked too long; try again",
    ),
}

_POSTGRES_REFUSALS: dict[str, tuple[type[DatabaseError], str]] = {
    "53100": (StorageError, "{where}: the server's disk is full: nothing was saved"),
    "25006": (StorageError, "{where} is read-only: nothing was saved"),
}


# connection exceptions, authorisation, a database that does not exist
_POSTGRES_CANNOT_CONNECT = ("08", "28", "3D")


def from_driver(error: DBAPIError, where: str) -> DatabaseError:
    """What ``error`` means for the user of database ``where`` (a file or a URL, no password)."""
    driver = error.orig
    name = str(getattr(driver, "sqlite_errorname", ""))
    for prefix, (kind, text) in _SQLITE_REFUSALS.items():
        if name == prefix or name.startswith(prefix + "_"):
            return kind(one_line(text.format(where=where)))
    known = _POSTGRES_REFUSALS.get(str(getattr(driver, "sqlstate", "")))
    if known is not None:
        return known[0](one_line(known[1].format(where=where)))
    said = str(driver if driver is not None else error)
    state = getattr(driver, "sqlstate", None)
    if not name and (state is None or state[:2] in _POSTGRES_CANNOT_CONNECT):
        return DatabaseUnavailableError(one_line(f"cannot open {where}: {said}"))
    return StorageError(one_line(f"{where}: {said}"))
