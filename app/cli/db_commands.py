"""What ``policy-check db ...`` does: upgrade, check, back up and restore the database.

Their options are declared in app/cli/db.py; the database is opened by app/cli/database.py.
"""

from __future__ import annotations

import argparse
import sys

from app.cli.common import InputError
from app.cli.database import open_database, refusals, user_file
from app.services.clients import ClientService
from db.backup import BackupError, BackupInfo
from db.check import check_database
from db.migrate import upgrade


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    with open_database(args) as database:
        result = upgrade(database)
    if not result.changed:
        print(f"schema is up to date ({result.after})")
    else:
        print(f"schema upgraded from {result.before or '(empty)'} to {result.after}")
        if result.backup:
            print(f"copy of the database before the upgrade: {result.backup}")
    return 0


def cmd_db_check(args: argparse.Namespace) -> int:
    with open_database(args) as database:
        report = check_database(database)
    for fact in report.facts:
        print(fact)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    print("ok" if report.ok else f"{len(report.problems)} problem(s)")
    return 0 if report.ok else 2


def _print_backup(verb: str, info: BackupInfo) -> None:
    rows = ", ".join(f"{table} {n}" for table, n in info.rows.items())
    print(f"{verb} {info.path} (schema {info.revision}): {rows}")
    if info.sha256:
        print(f"sha256 of the content: {info.sha256}")
    for warning in info.warnings:
        print(f"warning: {warning}", file=sys.stderr)


def cmd_db_backup(args: argparse.Namespace) -> int:
    folder = user_file(args.file).parent
    if not folder.is_dir():
        raise InputError([f"FILE: no such folder: {folder}"])
    with open_database(args) as database, refusals():
        info = ClientService(database).backup(user_file(args.file))
    _print_backup("backed up to", info)
    return 0


def cmd_db_restore(args: argparse.Namespace) -> int:
    path = user_file(args.file)
    if not path.is_file():
        raise InputError([f"FILE: no such file: {path}"])
    with open_database(args) as database, refusals():
        try:
            info = ClientService(database).restore(path, replace=args.replace)
        except BackupError as error:
            raise InputError([str(error)]) from None
    _print_backup("restored from", info)
    if info.safety_copy:
        print(f"copy of the database before the restore: {info.safety_copy}")
    return 0
