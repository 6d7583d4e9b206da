"""``policy-check db ...``: the database (upgrade, check, back up, restore): their options.

The commands themselves live in app/cli/db_commands.py and are imported only when one of them
runs, so that the other commands do not pay for importing SQLAlchemy and the database layer.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.common import Handler, add_action, lazy_handler


def _command(name: str) -> Handler:
    return lazy_handler("app.cli.db_commands", name)


def database_option() -> argparse.ArgumentParser:
    """``--db URL``, taken by every ``clients`` and ``db`` action."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--db",
        metavar="URL",
        help="database URL, e.g. postgresql://user@host/db (default: $POLICY_CHECKER_DB_URL, "
        "else database_url in settings.json, else the SQLite file in your data folder)",
    )
    return parent


def add_commands(commands: Any) -> None:
    """Register ``db upgrade|check|backup|restore`` on ``policy-check``'s subparsers."""
    db = database_option()
    database = commands.add_parser("db", help="the database: upgrade, check, back up, restore")
    sub = database.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    add_action(sub, "upgrade", _command("cmd_db_upgrade"), "apply schema migrations", db)
    add_action(sub, "check", _command("cmd_db_check"), "check integrity and schema version", db)
    backup = add_action(
        sub, "backup", _command("cmd_db_backup"), "write a consistent backup file", db
    )
    backup.add_argument("file", metavar="FILE", help="e.g. roster-2026-11-26.pcbackup.gz")
    restore = add_action(sub, "restore", _command("cmd_db_restore"), "restore a backup file", db)
    restore.add_argument("file", metavar="FILE")
    restore.add_argument(
        "--replace", action="store_true", help="replace a database that already holds data"
    )
