"""``policy-check clients ...`` and ``policy-check db ...``: their options.

The commands themselves live in app/clients_commands.py and are imported only when one of them
runs, so that the other commands do not pay for importing SQLAlchemy and the database layer.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from importlib import import_module
from typing import Any

Handler = Callable[[argparse.Namespace], int]


def _command(name: str) -> Handler:
    def run(args: argparse.Namespace) -> int:
        handler: Handler = getattr(import_module("app.clients_commands"), name)
        return handler(args)

    return run


def _db_option() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--db",
        metavar="URL",
        help="database URL, e.g. postgresql://user@host/db (default: $POLICY_CHECKER_DB_URL, "
        "else database_url in settings.json, else the SQLite file in your data folder)",
    )
    return parent


def _add(
    sub: Any, name: str, handler: Handler, text: str, parent: argparse.ArgumentParser
) -> argparse.ArgumentParser:
    command: argparse.ArgumentParser = sub.add_parser(name, help=text, parents=[parent])
    command.set_defaults(handler=handler)
    return command


def _add_clients(commands: Any, db: argparse.ArgumentParser) -> None:
    clients = commands.add_parser("clients", help="the client roster: import, export, list, assess")
    sub = clients.add_subparsers(dest="clients_command", required=True, metavar="ACTION")
    formats = ".json, .jsonl, .csv or .xlsx"
    imp = _add(sub, "import", _command("cmd_import"), f"import clients from {formats}", db)
    imp.add_argument("file", metavar="FILE")
    imp.add_argument(
        "--update", action="store_true", help="save rows of known clients over them (new revision)"
    )
    exp = _add(sub, "export", _command("cmd_export"), f"export every client to {formats}", db)
    exp.add_argument("file", metavar="FILE")
    exp.add_argument(
        "--headers", choices=["key", "zh"], default="key", help="CSV/Excel column names"
    )
    lst = _add(sub, "list", _command("cmd_list"), "list stored clients", db)
    lst.add_argument("--search", metavar="TEXT", help="part of a name, or a credit code prefix")
    lst.add_argument("--zone", help="only clients in this zone")
    lst.add_argument("--limit", type=int, default=None, help="at most this many")
    lst.add_argument("--format", choices=["json", "table"], default="table")
    ass = _add(
        sub, "assess", _command("cmd_assess"), "assess stored clients with the current pack", db
    )
    target = ass.add_mutually_exclusive_group(required=True)
    target.add_argument("--all", action="store_true", help="every client")
    target.add_argument("client", nargs="?", metavar="NAME-OR-CREDIT-CODE", help="one client")
    ass.add_argument("--as-of", help="assessment date YYYY-MM-DD (default: today)")
    ass.add_argument("--lang", choices=["zh", "en"], default="zh")
    ass.add_argument("--format", choices=["json", "table"], default="table")


def _add_db(commands: Any, db: argparse.ArgumentParser) -> None:
    database = commands.add_parser("db", help="the database: upgrade, check, back up, restore")
    sub = database.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    _add(sub, "upgrade", _command("cmd_db_upgrade"), "apply schema migrations", db)
    _add(sub, "check", _command("cmd_db_check"), "check integrity and schema version", db)
    backup = _add(sub, "backup", _command("cmd_db_backup"), "write a consistent backup file", db)
    backup.add_argument("file", metavar="FILE", help="e.g. roster-2026-11-26.pcbackup.gz")
    restore = _add(sub, "restore", _command("cmd_db_restore"), "restore a backup file", db)
    restore.add_argument("file", metavar="FILE")
    restore.add_argument(
        "--replace", action="store_true", help="replace a database that already holds data"
    )


def add_commands(commands: Any) -> None:
    """Register the ``clients`` and ``db`` commands on ``policy-check``'s subparsers."""
    db = _db_option()
    _add_clients(commands, db)
    _add_db(commands, db)
