"""Opening the database for ``policy-check clients ...`` and ``policy-check db ...``.

``--db URL`` wins, else ``POLICY_CHECKER_DB_URL``, else ``database_url`` in settings.json, else
the SQLite file in the user's data folder; the schema is upgraded first when it is older. What
the layers below refuse (a bad row, an unknown client, a database that cannot be opened) becomes
InputError: exit status 2 and one line per problem on stderr.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.cli.common import InputError
from app.services.clients import ClientService
from app.services.clients_files import ClientFileError
from app.settings import AppSettingsError, database_url
from db.engine import Database, default_url
from db.errors import DatabaseError
from rules.pack import Pack, PackError
from rules.profile import ProfileError


def _url(args: argparse.Namespace) -> str:
    try:
        return database_url(args.db, default_url())
    except AppSettingsError as error:
        raise InputError(error.problems) from None


@contextmanager
def refusals() -> Iterator[None]:
    """Turn the refusals of the layers below into InputError (exit 2, one line per problem)."""
    try:
        yield
    except (ClientFileError, ProfileError, PackError) as error:
        raise InputError(error.problems) from None
    except (DatabaseError, ValueError) as error:
        raise InputError([str(error)]) from None


@contextmanager
def open_service(args: argparse.Namespace, pack: Pack | None = None) -> Iterator[ClientService]:
    """The roster of ``--db``, assessed with ``pack`` (default: the bundled one)."""
    with refusals():
        service = ClientService.open(_url(args), pack=pack, lang=getattr(args, "lang", "zh"))
        try:
            yield service
        finally:
            service.close()


@contextmanager
def open_database(args: argparse.Namespace) -> Iterator[Database]:
    with refusals():
        database = Database(_url(args))
        try:
            yield database
        finally:
            database.dispose()


def user_file(raw: str) -> Path:
    """A FILE argument, ``~`` expanded."""
    return Path(raw).expanduser()
