"""The refusals of the persistence layer, each with a message a user can act on."""

from __future__ import annotations


class DatabaseError(Exception):
    """Base of the errors below; ``str(error)`` is the message for the user."""


class DatabaseUnavailableError(DatabaseError):
    """The database cannot be opened: a bad URL, a missing driver or an unreachable server."""


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
