"""Roster benchmark: 10,000 clients and 100,000 assessments; how fast is searching the roster?

    .venv/bin/python bench/bench_roster.py                       # a temporary SQLite file
    .venv/bin/python bench/bench_roster.py --db postgresql://user@host/empty_db
    scripts/with_postgres.sh sh -c \
        '.venv/bin/python bench/bench_roster.py --db "$POLICY_CHECKER_TEST_PG_URL"'

The clients are imported from a generated JSON-lines file through the same use case as
``policy-check clients import``. Assessments are real answers of the engine: ``--distinct``
clients are assessed, and the 100,000 rows reuse their compressed answers (so every row has a real
answer's size, ~22 kB, and real verdicts) without spending 100,000 engine runs on setting up.
Searches go through ``ClientService.search`` (the roster query with each client's latest
assessment), timed over ``--queries`` random queries of each kind. The target is 50 ms.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from stdnum.cn import uscc

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.services.clients import ClientService
from db.migrate import open_database
from db.records import ClientRecord
from db.repositories import assessments as assessment_rows
from db.types import compress_json
from rules.answer import assessment_json
from rules.engine import assess
from rules.pack import Pack, load_pack
from rules.profile import parse_profile
from rules.vocabulary import ACTIVITIES, CITIES, SECTORS, ZONES

AS_OF = date(2026, 11, 26)
SYLLABLES = "光谷智算科技华星楚天长江汉江荆楚襄阳宜昌黄鹤东湖中南武汉新能医药数据云创芯微电子精工"
FORMS = ["有限公司", "股份有限公司", "科技有限公司", "集团有限公司", "有限责任公司"]
TARGET_MS = 50.0


def fake_credit_code(rng: random.Random) -> str:
    body = "9142" + "".join(rng.choice("0123456789") for _ in range(4)) + "MA"
    body += "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(7))
    return body + uscc.calc_check_digit(body)


def fake_profile(rng: random.Random, number: int) -> dict[str, Any]:
    name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 5)))
    profile: dict[str, Any] = {"name": f"{name}{number}{rng.choice(FORMS)}"}
    if rng.random() < 0.7:
        profile["credit_code"] = fake_credit_code(rng)
    if rng.random() < 0.9:
        profile["zone"] = rng.choice(list(ZONES))
    if rng.random() < 0.6:
        profile["city"] = rng.choice(list(CITIES))
    if rng.random() < 0.7:
        profile["sectors"] = rng.sample(list(SECTORS), rng.randint(0, 3))
    if rng.random() < 0.5:
        profile["activities"] = rng.sample(list(ACTIVITIES), rng.randint(0, 4))
    if rng.random() < 0.8:
        profile["employees"] = rng.randint(1, 2000)
    if rng.random() < 0.7:
        profile["annual_revenue"] = round(rng.uniform(10, 100_000), 1)
    if rng.random() < 0.5:
        profile["high_tech_enterprise"] = rng.random() < 0.4
    if rng.random() < 0.3:
        profile["first_profit_year"] = rng.choice([None, *range(2010, 2026)])
    return profile


def write_profiles(path: Path, rng: random.Random, count: int) -> Path:
    """``count`` generated clients in a JSON-lines file for ``policy-check clients import``."""
    with path.open("w", encoding="utf-8") as out:
        for number in range(1, count + 1):
            out.write(json.dumps(fake_profile(rng, number), ensure_ascii=False) + "\n")
    return path


def import_roster(service: ClientService, source: Path) -> list[ClientRecord]:
    """The clients of ``source``, imported in one transaction; none may be refused."""
    report = service.import_file(source)
    assert not report.refused, report.refused[:5]
    return report.added


SavedAnswer = tuple[dict[str, Any], dict[str, str], bytes]  # answer, verdicts, compressed answer


def real_answers(pack: Pack, clients: list[Any]) -> list[SavedAnswer]:
    """The engine's answer for each client, ready to be stored in assessment rows."""
    saved = []
    for client in clients:
        answer = assessment_json(assess(pack, parse_profile(client.profile), AS_OF))
        verdicts = {r["measure"]: r["verdict"] for r in answer["results"]}
        saved.append((answer, verdicts, compress_json(answer)))
    return saved


ASSESSMENTS = sa.table(
    "assessments",
    *(sa.column(c) for c in ["client_id", "client_version", "lang", "pack_id", "pack_version"]),
    *(sa.column(c) for c in ["pack_sha256", "eligible", "needs_info", "not_eligible"]),
    *(sa.column(c) for c in ["not_applicable", "created_by"]),
    sa.column("as_of", sa.Date()),
    sa.column("created_at", sa.DateTime()),
    sa.column("verdicts", sa.JSON()),
    sa.column("answer", sa.LargeBinary()),
)


def assessment_row(
    client_id: int, pack: Pack, saved: SavedAnswer, created: datetime, pack_sha256: str
) -> dict[str, Any]:
    """A row of ``ASSESSMENTS``: ``saved`` as an assessment of the client, written directly
    rather than through the service (``created`` is naive UTC, as UtcDateTime stores it)."""
    answer, verdicts, blob = saved
    return {
        "client_id": client_id,
        "client_version": 1,
        "lang": "zh",
        "pack_id": pack.id,
        "pack_version": pack.version,
        "pack_sha256": pack_sha256,
        **answer["summary"],
        "created_by": "bench",
        "as_of": AS_OF,
        "created_at": created,
        "verdicts": verdicts,
        "answer": blob,
    }


def timed(label: str, run: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - start
    print(f"  {label}: {seconds:.1f} s", flush=True)
    return result, seconds


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "n": len(ordered),
        "p50": statistics.median(ordered),
        "p95": ordered[int(0.95 * (len(ordered) - 1))],
        "max": ordered[-1],
    }


def build(service: ClientService, folder: Path, args: argparse.Namespace) -> list[Any]:
    rng = random.Random(args.seed)
    source = write_profiles(folder / "roster.jsonl", rng, args.clients)
    roster, seconds = timed(
        f"import {args.clients} clients (one transaction)", lambda: import_roster(service, source)
    )
    print(f"    {args.clients / seconds:.0f} clients/s", flush=True)

    pack = service.pack
    blobs = real_answers(pack, rng.sample(roster, args.distinct))
    print(f"    answer size: {statistics.mean(len(b[2]) for b in blobs) / 1024:.1f} kB compressed")

    def insert_assessments() -> None:
        per_client = max(1, args.assessments // len(roster))
        batch: list[dict[str, Any]] = []
        created = datetime.now(UTC).replace(tzinfo=None)  # stored naive UTC, as UtcDateTime does
        for client in roster:
            for _ in range(per_client):
                batch.append(
                    assessment_row(client.id, pack, rng.choice(blobs), created, pack.sha256)
                )
                if len(batch) == 2000:
                    with service.database.write() as session:
                        session.execute(ASSESSMENTS.insert(), batch)
                    batch = []
        if batch:
            with service.database.write() as session:
                session.execute(ASSESSMENTS.insert(), batch)

    timed(f"insert {args.assessments} assessments (2,000 a transaction)", insert_assessments)
    return roster


def measure(service: ClientService, roster: list[Any], args: argparse.Namespace) -> dict[str, Any]:
    rng = random.Random(args.seed + 1)
    named = list(roster)
    coded = [c for c in roster if c.credit_code]

    def name_piece() -> str:
        name = rng.choice(named).name
        start = rng.randrange(0, max(1, len(name) - 3))
        return str(name[start : start + 2])

    kinds: dict[str, Callable[[], Any]] = {
        "name contains (2 characters)": lambda: service.search(name_piece(), limit=50),
        "credit code prefix (10)": lambda: service.search(
            rng.choice(coded).credit_code[:10], limit=50
        ),
        "whole credit code": lambda: service.search(rng.choice(coded).credit_code, limit=50),
        "zone": lambda: service.search(zone=rng.choice(list(ZONES)), limit=50),
        "name + zone": lambda: service.search(name_piece(), zone=rng.choice(list(ZONES)), limit=50),
        "count by zone": lambda: service.count(zone=rng.choice(list(ZONES))),
        "open latest assessment": lambda: assessment_latest(service, rng.choice(roster).id),
    }
    results: dict[str, Any] = {}
    for label, query in kinds.items():
        query()  # warm the cache once, as a desk that has the roster open has
        samples = []
        for _ in range(args.queries):
            start = time.perf_counter()
            query()
            samples.append((time.perf_counter() - start) * 1000)
        results[label] = percentiles(samples)
    sample = [c.id for c in rng.sample(roster, args.reassess)]
    start = time.perf_counter()
    service.assess_clients(sample, AS_OF)  # the full path: an answer saved for each
    per_client = (time.perf_counter() - start) / len(sample)
    results["reassess"] = {"per_client_ms": per_client * 1000, "all_s": per_client * len(roster)}
    return results


def assessment_latest(service: ClientService, client_id: int) -> Any:
    with service.database.read() as session:
        return assessment_rows.latest(session, client_id)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an empty database (default: a temporary SQLite file)")
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--assessments", type=int, default=100_000)
    parser.add_argument("--distinct", type=int, default=300, help="engine runs behind the rows")
    parser.add_argument("--queries", type=int, default=200, help="timed queries of each kind")
    parser.add_argument("--reassess", type=int, default=200, help="clients re-assessed, timed")
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-roster-") as tmp:
        folder = Path(tmp)
        url = args.db or f"sqlite:///{folder / 'roster.sqlite3'}"
        service = ClientService(open_database(url), load_pack(), actor="bench")
        try:
            print(f"database: {service.database.display_url}", flush=True)
            roster = build(service, folder, args)
            size = ""
            if service.database.backend == "sqlite":
                size = f"{(folder / 'roster.sqlite3').stat().st_size / 2**30:.2f} GiB"
            else:
                with service.database.read() as session:
                    raw = session.scalar(sa.text("SELECT pg_database_size(current_database())"))
                size = f"{int(raw or 0) / 2**30:.2f} GiB"
            print(f"  database size: {size}")
            results = measure(service, roster, args)
        finally:
            service.close()

    print(f"\nPython {platform.python_version()}, {service.database.backend}")
    print("| query | p50 ms | p95 ms | max ms | ≤ 50 ms |")
    print("|---|---:|---:|---:|---|")
    for label, timing in results.items():
        if label == "reassess":
            continue
        verdict = "yes" if timing["p95"] <= TARGET_MS else "NO"
        cells = [f"{timing[k]:.1f}" for k in ("p50", "p95", "max")]
        print(f"| {label} | {' | '.join(cells)} | {verdict} |")
    reassess = results["reassess"]
    print(
        f"\nre-assess: {reassess['per_client_ms']:.1f} ms a client "
        f"(all {len(roster)}: ~{reassess['all_s']:.0f} s)"
    )
    slow = [k for k, t in results.items() if k != "reassess" and t["p95"] > TARGET_MS]
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
