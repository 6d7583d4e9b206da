"""What ``policy-check clients ...`` and ``policy-check db ...`` do.

Their options are declared in app/cli_clients.py.

Each command takes ``--db URL`` (default: ``POLICY_CHECKER_DB_URL``, else the SQLite file in the
user's data folder) and opens the database, upgrading its schema first when it is older. Refused
input (a bad row, an unknown client, a database that cannot be opened) exits with status 2 and
one line per problem on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.cli_common import VERDICT_LABELS, InputError, parse_as_of
from app.services.clients import AssessmentOutcome, ClientService, ReassessReport
from app.services.clients_files import ClientFileError
from app.settings import AppSettingsError, database_url
from app.text_table import render_table
from db.backup import BackupError, BackupInfo
from db.check import check_database
from db.engine import Database, default_url
from db.errors import DatabaseError
from db.migrate import upgrade
from rules.pack import PackError
from rules.profile import ProfileError
from rules.vocabulary import ZONES

Handler = Callable[[argparse.Namespace], int]


def _url(args: argparse.Namespace) -> str:
    try:
        return database_url(args.db, default_url())
    except AppSettingsError as error:
        raise InputError(error.problems) from None


@contextmanager
def _refusals() -> Iterator[None]:
    """Turn the refusals of the layers below into InputError (exit 2, one line per problem)."""
    try:
        yield
    except (ClientFileError, ProfileError, PackError) as error:
        raise InputError(error.problems) from None
    except (DatabaseError, ValueError) as error:
        raise InputError([str(error)]) from None


@contextmanager
def _service(args: argparse.Namespace) -> Iterator[ClientService]:
    with _refusals():
        service = ClientService.open(_url(args), lang=getattr(args, "lang", "zh"))
        try:
            yield service
        finally:
            service.close()


@contextmanager
def _database(args: argparse.Namespace) -> Iterator[Database]:
    with _refusals():
        database = Database(_url(args))
        try:
            yield database
        finally:
            database.dispose()


def _file(raw: str) -> Path:
    return Path(raw).expanduser()


def cmd_import(args: argparse.Namespace) -> int:
    with _service(args) as service:
        report = service.import_file(_file(args.file), update=args.update)
    for problem in report.refused:
        print(problem, file=sys.stderr)
    refused_rows = {problem.split(":", 1)[0] for problem in report.refused}
    print(
        f"imported {len(report.added)} new, updated {len(report.updated)}, "
        f"unchanged {report.unchanged}, refused {len(refused_rows)} row(s) "
        f"({len(report.refused)} problem(s))"
    )
    return 2 if report.refused else 0


def cmd_export(args: argparse.Namespace) -> int:
    with _service(args) as service:
        count = service.export_file(_file(args.file), headers=args.headers)
    print(f"exported {count} clients to {args.file}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    if args.zone and args.zone not in ZONES:
        raise InputError([f"--zone: '{args.zone}' is not one of {', '.join(ZONES)}"])
    if args.limit is not None and args.limit < 1:
        raise InputError([f"--limit: {args.limit}: must be 1 or more"])
    with _service(args) as service:
        rows = service.search(args.search, args.zone, limit=args.limit)
    if args.format == "json":
        listing = [{"id": row.client.id, **row.client.profile} for row in rows]
        print(json.dumps(listing, ensure_ascii=False, indent=2))
        return 0
    table = [
        [
            str(row.client.id),
            row.client.name,
            row.client.credit_code or "",
            row.client.zone or "",
            row.latest.as_of.isoformat() if row.latest else "",
            str(row.latest.counts["eligible"]) if row.latest else "",
        ]
        for row in rows
    ]
    headers = ["id", "name", "credit_code", "zone", "assessed_as_of", "eligible"]
    print(render_table(headers, table, max_width=40))
    print(f"\n{len(rows)} client(s)")
    return 0


def _outcome_json(outcome: AssessmentOutcome) -> dict[str, Any]:
    diff = outcome.diff
    return {
        "id": outcome.client.id,
        "name": outcome.client.name,
        "assessment": outcome.saved.id,
        "summary": outcome.saved.counts,
        "previous_assessment": outcome.previous.id if outcome.previous else None,
        "gained": diff.gained if diff else [],
        "lost": diff.lost if diff else [],
        "changes": [
            {"measure": c.measure, "before": c.before, "after": c.after}
            for c in (diff.changes if diff else ())
        ],
    }


def _print_assessed(report: ReassessReport, lang: str) -> None:
    zh = lang == "zh"
    for outcome in report.outcomes:
        counts = "  ".join(
            f"{labels[0 if zh else 1]} {outcome.saved.counts[verdict]}"
            for verdict, labels in VERDICT_LABELS.items()
        )
        print(f"#{outcome.client.id} {outcome.client.name}: {counts}")
    changed = report.changed
    print(f"\n{len(report.outcomes)} assessed; verdicts changed for {len(changed)}")
    for outcome in changed:
        assert outcome.diff is not None
        print(f"  #{outcome.client.id} {outcome.client.name}: {outcome.diff.describe()}")


def cmd_assess(args: argparse.Namespace) -> int:
    as_of = parse_as_of(args.as_of)
    with _service(args) as service:
        ids = None if args.all else [service.find(args.client).id]
        report = service.reassess(ids, as_of)
    if args.format == "json":
        listing = {
            "pack": service.pack.reference(),
            "as_of": as_of.isoformat(),
            "assessed": [_outcome_json(o) for o in report.outcomes],
            "changed": [o.client.id for o in report.changed],
        }
        print(json.dumps(listing, ensure_ascii=False, indent=2))
    else:
        _print_assessed(report, args.lang)
    for problem in report.failed:
        print(problem, file=sys.stderr)
    return 2 if report.failed else 0


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    with _database(args) as database:
        result = upgrade(database)
    if not result.changed:
        print(f"schema is up to date ({result.after})")
    else:
        print(f"schema upgraded from {result.before or '(empty)'} to {result.after}")
        if result.backup:
            print(f"copy of the database before the upgrade: {result.backup}")
    return 0


def cmd_db_check(args: argparse.Namespace) -> int:
    with _database(args) as database:
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


def cmd_db_backup(args: argparse.Namespace) -> int:
    folder = _file(args.file).parent
    if not folder.is_dir():
        raise InputError([f"FILE: no such folder: {folder}"])
    with _database(args) as database, _refusals():
        info = ClientService(database).backup(_file(args.file))
    _print_backup("backed up to", info)
    return 0


def cmd_db_restore(args: argparse.Namespace) -> int:
    path = _file(args.file)
    if not path.is_file():
        raise InputError([f"FILE: no such file: {path}"])
    with _database(args) as database, _refusals():
        try:
            info = ClientService(database).restore(path, replace=args.replace)
        except BackupError as error:
            raise InputError([str(error)]) from None
    _print_backup("restored from", info)
    if info.safety_copy:
        print(f"copy of the database before the restore: {info.safety_copy}")
    return 0
