"""Re-assessing the roster after a pack update: ``policy-check clients assess --all`` on 10,000
stored clients, on SQLite or PostgreSQL (issue 11).

    .venv/bin/python -m bench.bench_reassess                      # a temporary SQLite file
    scripts/with_postgres.sh sh -c \\
        '.venv/bin/python -m bench.bench_reassess --db "$POLICY_CHECKER_TEST_PG_URL"'

Setting up: ``--clients`` generated companies (bench/profiles.py, seeded) are imported through the
same use case as ``policy-check clients import``, and each gets one assessment made with the
bundled pack: its real verdicts and counts from the engine (``rules.assessor``, not the compiled
plan that is measured), with a real engine answer as the stored JSON (one of ``--distinct``,
reused, as bench/bench_roster.py does, so setting up does not take 10,000 full answers).

Then the pack is updated (a copy of the bundled pack with m38's high-tech condition inverted,
as tests/app/test_clients_service.py's ``changed_pack``: about one client in twelve changes
verdict) and the real command is run in a process of its own, start-up included:

1. ``rules diff OLD NEW --impact``: how many clients would change (nothing saved);
2. ``clients assess --all --pack NEW``: the compiled plan over the roster, full answers saved for
   the clients whose verdicts changed, verdict checks recorded for the others;
3. the same again: nothing changed, nothing saved (the compiled path's floor).

Each run's wall time and peak resident memory (``wait4``'s ru_maxrss) are printed. The result is
checked: the changed clients got one new assessment each, and with the new pack no client is left
"assessed with older rules". The old per-client path (the engine's full answer saved for every
client, ``ClientService.assess_clients``) is timed in process on ``--old-sample`` clients and
extrapolated to the roster.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.services.clients import ClientService
from bench.profiles import write_jsonl
from db.migrate import open_database
from db.records import ClientRecord
from db.types import compress_json
from rules.answer import assessment_json
from rules.assessor import Assessor
from rules.engine import assess
from rules.pack import DEFAULT_PACK_DIR, Pack, load_pack
from rules.profile import parse_profile

AS_OF = date(2026, 11, 26)
LATER = "2026-12-01"
POLICY_CHECK = Path(sys.executable).with_name("policy-check")
VERDICTS = ("eligible", "needs_info", "not_eligible", "not_applicable")

ASSESSMENTS = sa.table(
    "assessments",
    *(sa.column(c) for c in ["client_id", "client_version", "lang", "pack_id", "pack_version"]),
    *(sa.column(c) for c in ["pack_sha256", *VERDICTS, "created_by"]),
    sa.column("as_of", sa.Date()),
    sa.column("created_at", sa.DateTime()),
    sa.column("verdicts", sa.JSON()),
    sa.column("answer", sa.LargeBinary()),
)


def updated_pack(folder: Path) -> Path:
    """The bundled pack with m38's high-tech condition inverted and a new version."""
    shutil.copytree(DEFAULT_PACK_DIR, folder)
    m38 = folder / "measures" / "m38.yaml"
    hte = re.compile(r"(field: high_tech_enterprise\n\s+op: eq\n\s+value:) true")
    text, count = hte.subn(r"\1 false", m38.read_text("utf-8"))
    assert count, "m38 no longer has the high-tech condition this benchmark inverts"
    m38.write_text(text, "utf-8")
    manifest = folder / "pack.yaml"
    manifest.write_text(manifest.read_text("utf-8").replace("version: ", "version: 9", 1), "utf-8")
    return folder


def timed(label: str, run: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - start
    print(f"  {label}: {seconds:.1f} s", flush=True)
    return result, seconds


def assess_stored(service: ClientService, roster: list[ClientRecord], distinct: int) -> None:
    """One assessment a client with the bundled pack: real verdicts, a reused real answer."""
    pack = service.pack
    assessor = Assessor(pack, AS_OF, questions=False)
    rng = random.Random(7)
    blobs = [
        compress_json(assessment_json(assess(pack, parse_profile(c.profile), AS_OF)))
        for c in rng.sample(roster, min(distinct, len(roster)))
    ]
    created = datetime.now(UTC).replace(tzinfo=None)  # stored naive UTC, as UtcDateTime does
    batch: list[dict[str, Any]] = []
    for client in roster:
        results = assessor.assess(parse_profile(client.profile)).results
        verdicts = {r.measure.id: r.verdict for r in results}
        counts = Counter(verdicts.values())
        batch.append(
            {
                "client_id": client.id,
                "client_version": client.version,
                "lang": "zh",
                "pack_id": pack.id,
                "pack_version": pack.version,
                "pack_sha256": pack.sha256,
                **{v: counts.get(v, 0) for v in VERDICTS},
                "created_by": "bench",
                "as_of": AS_OF,
                "created_at": created,
                "verdicts": verdicts,
                "answer": rng.choice(blobs),
            }
        )
        if len(batch) == 2000:
            with service.database.write() as session:
                session.execute(ASSESSMENTS.insert(), batch)
            batch = []
    if batch:
        with service.database.write() as session:
            session.execute(ASSESSMENTS.insert(), batch)


def run_command(label: str, args: list[str], output: Path) -> dict[str, Any]:
    """Run ``policy-check ARGS`` alone; its wall time, peak memory, exit status and output."""
    start = time.perf_counter()
    with output.open("w", encoding="utf-8") as out:
        process = subprocess.Popen([str(POLICY_CHECK), *args], stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode() if process.stderr else ""
    peak = usage.ru_maxrss / 1024  # KiB on Linux
    print(f"  {label}: {seconds:.1f} s, peak {peak:.0f} MiB, exit {process.returncode}", flush=True)
    if process.returncode != 0:
        raise SystemExit(f"{label} failed:\n{errors}")
    return {"seconds": seconds, "peak_mib": peak, "output": output.read_text("utf-8")}


def database_size(service: ClientService, folder: Path) -> str:
    if service.database.backend == "sqlite":
        return f"{(folder / 'roster.sqlite3').stat().st_size / 2**20:.0f} MiB"
    with service.database.read() as session:
        raw = session.scalar(sa.text("SELECT pg_database_size(current_database())"))
    return f"{int(raw or 0) / 2**20:.0f} MiB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an empty database (default: a temporary SQLite file)")
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--distinct", type=int, default=50, help="real answers behind the rows")
    parser.add_argument("--old-sample", type=int, default=200, help="clients timed, old path")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-reassess-") as tmp:
        folder = Path(tmp)
        url = args.db or f"sqlite:///{folder / 'roster.sqlite3'}"
        service = ClientService(open_database(url), load_pack(), actor="bench")
        try:
            print(f"database: {service.database.display_url}", flush=True)
            source = write_jsonl(folder / "roster.jsonl", args.clients, args.seed)
            report, _ = timed(f"import {args.clients} clients", lambda: service.import_file(source))
            assert not report.refused, report.refused[:3]
            roster = report.added
            timed(
                "one assessment a client, bundled pack",
                lambda: assess_stored(service, roster, args.distinct),
            )
            print(f"  database size: {database_size(service, folder)}", flush=True)
            new_dir = updated_pack(folder / "pack")
            new_pack = load_pack(new_dir)
            results = measure(service, new_pack, new_dir, url, folder, args)
        finally:
            service.close()
    print_results(service.database.backend, args, results)
    return 0


def measure(
    service: ClientService,
    new_pack: Pack,
    new_dir: Path,
    url: str,
    folder: Path,
    args: argparse.Namespace,
) -> dict[str, Any]:
    with service.database.read() as session:
        before = session.scalar(sa.text("SELECT count(*) FROM assessments")) or 0
    common = ["--db", url, "--format", "json"]
    impact = run_command(
        "rules diff --impact",
        [
            "rules",
            "diff",
            str(DEFAULT_PACK_DIR),
            str(new_dir),
            "--impact",
            "--as-of",
            LATER,
            *common,
        ],
        folder / "impact.json",
    )
    counted = json.loads(impact["output"])["impact"]
    first = run_command(
        "clients assess --all, after the pack update",
        ["clients", "assess", "--all", "--as-of", LATER, "--pack", str(new_dir), *common],
        folder / "first.json",
    )
    first_counts = json.loads(first["output"])["counts"]
    again = run_command(
        "clients assess --all, again (nothing changed)",
        ["clients", "assess", "--all", "--as-of", LATER, "--pack", str(new_dir), *common],
        folder / "again.json",
    )
    again_counts = json.loads(again["output"])["counts"]

    # the result is what it should be
    with service.database.read() as session:
        after = session.scalar(sa.text("SELECT count(*) FROM assessments")) or 0
        checks = session.scalar(sa.text("SELECT count(*) FROM verdict_checks")) or 0
    assert first_counts["changed"] == counted["changed_clients"] == after - before, (
        first_counts,
        counted["changed_clients"],
        after - before,
    )
    assert first_counts["unchanged"] == args.clients - first_counts["changed"]
    assert again_counts["saved"] == 0 and again_counts["unchanged"] == args.clients
    assert checks == args.clients
    checker = ClientService(service.database, new_pack)
    assert checker.stale_clients() == [], "clients left marked as assessed with older rules"

    # the old path: every client's full answer saved, on a sample, extrapolated
    rng = random.Random(args.seed + 1)
    with service.database.read() as session:
        ids = list(session.scalars(sa.text("SELECT id FROM clients ORDER BY id")))
    sample = rng.sample(ids, args.old_sample)
    start = time.perf_counter()
    checker.assess_clients(sample, date.fromisoformat(LATER))
    per_client = (time.perf_counter() - start) / len(sample)
    print(f"  old path: {per_client * 1000:.1f} ms a client", flush=True)
    return {
        "impact": impact,
        "first": first,
        "again": again,
        "counts": first_counts,
        "measures": counted["measures"],
        "old_per_client_s": per_client,
    }


def print_results(backend: str, args: argparse.Namespace, results: dict[str, Any]) -> None:
    counts = results["counts"]
    per_measure = ", ".join(f"{m['measure']}: {m['changed']}" for m in results["measures"])
    print(f"\nPython {platform.python_version()}, {backend}, {args.clients} clients")
    print(
        f"after the pack update: {counts['changed']} changed, {counts['unchanged']} unchanged "
        f"({per_measure})"
    )
    print("| run | wall time | peak memory |")
    print("|---|---:|---:|")
    for key, label in (
        ("impact", "`rules diff OLD NEW --impact` (nothing saved)"),
        ("first", f"`clients assess --all` after the update ({counts['saved']} saved)"),
        ("again", "`clients assess --all` again (nothing changed, nothing saved)"),
    ):
        run = results[key]
        print(f"| {label} | {run['seconds']:.1f} s | {run['peak_mib']:.0f} MiB |")
    old = results["old_per_client_s"]
    print(
        f"| old path: full answer saved for every client (extrapolated from {args.old_sample}) "
        f"| ~{old * args.clients:.0f} s ({old * 1000:.1f} ms a client) | |"
    )


if __name__ == "__main__":
    sys.exit(main())
