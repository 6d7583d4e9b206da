"""``policy-check``: the headless command line.

One module per command group, each registering its options with ``add_commands``: ``assess``,
``batch``, ``rules``, ``report``, ``clients`` and ``db`` (the last two run their commands from
``clients_commands`` and ``db_commands``, imported only when one of them runs). What the commands
share is in ``common``. This module assembles the parser and runs the command chosen.

It must not import Qt: tests/app/test_cli.py checks that it does not.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from app.cli import assess, batch, clients, db, report, rules
from app.cli.common import Handler, InputError
from app.logs import setup_logging
from db.redact import one_line

log = logging.getLogger("policy-check")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policy-check",
        description="Which measures of a policy apply to a company, why, and what to do next.",
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="log details to stderr")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in (assess, batch, rules, report, clients, db):
        group.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    log_path = setup_logging(args.verbose)
    handler: Handler = args.handler
    try:
        return handler(args)
    except InputError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly
        # Python flushes stdout again at exit and would complain: point it at nothing.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:  # the last line of defence: no traceback reaches a user
        log.exception("unexpected failure")
        where = f"; details in {log_path}" if log_path else ""
        said = one_line(str(error))  # no password, on one line
        print(f"policy-check: unexpected error: {said}{where}", file=sys.stderr)
        return 1
