"""``policy-check clients ...``: the client roster (import, export, list, assess): their options.

The commands themselves live in app/cli/clients_commands.py and are imported only when one of
them runs, so that the other commands do not pay for importing SQLAlchemy and the database layer.
"""

from __future__ import annotations

from typing import Any

from app.cli.common import Handler, add_action, lazy_handler
from app.cli.db import database_option


def _command(name: str) -> Handler:
    return lazy_handler("app.cli.clients_commands", name)


def add_commands(commands: Any) -> None:
    """Register ``clients import|export|list|assess`` on ``policy-check``'s subparsers."""
    db = database_option()
    clients = commands.add_parser("clients", help="the client roster: import, export, list, assess")
    sub = clients.add_subparsers(dest="clients_command", required=True, metavar="ACTION")
    formats = ".json, .jsonl, .csv or .xlsx"
    imp = add_action(sub, "import", _command("cmd_import"), f"import clients from {formats}", db)
    imp.add_argument("file", metavar="FILE")
    imp.add_argument(
        "--update", action="store_true", help="save rows of known clients over them (new revision)"
    )
    exp = add_action(sub, "export", _command("cmd_export"), f"export every client to {formats}", db)
    exp.add_argument("file", metavar="FILE")
    exp.add_argument(
        "--headers", choices=["key", "zh"], default="key", help="CSV/Excel column names"
    )
    lst = add_action(sub, "list", _command("cmd_list"), "list stored clients", db)
    lst.add_argument("--search", metavar="TEXT", help="part of a name, or a credit code prefix")
    lst.add_argument("--zone", help="only clients in this zone")
    lst.add_argument("--limit", type=int, default=None, help="at most this many")
    lst.add_argument("--format", choices=["json", "table"], default="table")
    ass = add_action(
        sub, "assess", _command("cmd_assess"), "assess stored clients with the current pack", db
    )
    target = ass.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "--all",
        action="store_true",
        help="every client (after a pack update): a new assessment is saved only for clients "
        "whose verdicts changed, and who gained or lost which measure is listed",
    )
    target.add_argument("client", nargs="?", metavar="NAME-OR-CREDIT-CODE", help="one client")
    ass.add_argument("--as-of", help="assessment date YYYY-MM-DD (default: today)")
    ass.add_argument(
        "--pack",
        metavar="PACK",
        help="pack folder or installed id[@version] (default: the pack in use)",
    )
    ass.add_argument("--lang", choices=["zh", "en"], default="zh")
    ass.add_argument("--format", choices=["json", "table"], default="table")
