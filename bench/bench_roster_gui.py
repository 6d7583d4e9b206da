"""Roster screen benchmark: 10,000 clients in the GUI; does any GUI-thread step take > 100 ms?

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.bench_roster_gui

A temporary SQLite file gets ``--clients`` generated clients (imported through the same use case
as ``policy-check clients import``), ``--assessed`` of them with a latest assessment (real answers
of the engine for ``--distinct`` clients, reused; a tenth made with an older pack) and
``--follow-ups`` open follow-ups. Then, on the offscreen platform, with the roster shown at
1200 × 800:

- loading: the worker's time (the roster query and the lines' search keys and name order), and
  the GUI thread's time to swap the lines into the model and paint;
- a search keystroke (typing name pieces and credit-code prefixes, one character at a time, and
  deleting them again): the time from the key to the painted result;
- a header click (sorting each column) and a filter change (zone, verdict, follow-up due).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.services.clients import ClientService
from app.ui.context import AppContext
from app.ui.fonts import application_font, load_bundled_fonts
from app.ui.roster import RosterView
from app.ui.roster.controller import load_lines
from app.ui.roster.model import COLUMNS
from app.ui.tasks import busy
from bench.bench_roster import (
    AS_OF,
    ASSESSMENTS,
    assessment_row,
    import_roster,
    percentiles,
    real_answers,
    write_profiles,
)
from db.migrate import open_database
from rules.pack import load_pack
from rules.vocabulary import ZONES

TARGET_MS = 100.0


def build(service: ClientService, folder: Path, args: argparse.Namespace) -> list[Any]:
    rng = random.Random(args.seed)
    source = write_profiles(folder / "roster.jsonl", rng, args.clients)
    start = time.perf_counter()
    roster = import_roster(service, source)
    print(f"  import {args.clients} clients: {time.perf_counter() - start:.1f} s", flush=True)
    pack = service.pack
    blobs = real_answers(pack, rng.sample(roster, args.distinct))
    created = datetime.now(UTC).replace(tzinfo=None)
    rows = []
    for client in rng.sample(roster, args.assessed):
        saved = rng.choice(blobs)
        older = rng.random() < 0.1
        when = created - timedelta(days=rng.randint(0, 400))
        rows.append(
            assessment_row(client.id, pack, saved, when, "0" * 64 if older else pack.sha256)
        )
    notes = sa.table(
        "notes",
        *(sa.column(c) for c in ["client_id", "kind", "body", "created_by"]),
        sa.column("due_on", sa.Date()),
        sa.column("created_at", sa.DateTime()),
    )
    note_rows = [
        {
            "client_id": rng.choice(roster).id,
            "kind": "follow_up",
            "body": "回访",
            "created_by": "bench",
            "due_on": AS_OF + timedelta(days=rng.randint(-30, 30)),
            "created_at": created,
        }
        for _ in range(args.follow_ups)
    ]
    start = time.perf_counter()
    with service.database.write() as session:
        for chunk in range(0, len(rows), 1000):
            session.execute(ASSESSMENTS.insert(), rows[chunk : chunk + 1000])
        session.execute(notes.insert(), note_rows)
    print(
        f"  insert {args.assessed} assessments, {args.follow_ups} follow-ups: "
        f"{time.perf_counter() - start:.1f} s",
        flush=True,
    )
    return roster


def settle(app: QApplication) -> None:
    while busy():
        app.processEvents()
    app.processEvents()


def type_char(widget: Any, char: str) -> None:
    if char.isascii():
        QTest.keyClick(widget, char)
    else:
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)


def timed_gui(app: QApplication, view: RosterView, action: Callable[[], None]) -> float:
    """Milliseconds from the action to the painted result, all on the GUI thread."""
    start = time.perf_counter()
    action()
    app.processEvents()
    view.repaint()
    return (time.perf_counter() - start) * 1000


def measure(app: QApplication, service: ClientService, roster: list[Any], args: Any) -> dict:
    rng = random.Random(args.seed + 1)
    pack = service.pack
    context = AppContext(pack, service, lang="zh", as_of=AS_OF)
    results: dict[str, Any] = {}

    worker = []
    for _ in range(args.loads):
        start = time.perf_counter()
        load_lines(service, AS_OF, pack.sha256)
        worker.append((time.perf_counter() - start) * 1000)
    results["load, worker (query + keys + name order)"] = percentiles(worker)

    view = RosterView(context)
    view.resize(1200, 800)
    view.show()
    settle(app)
    controller = view.controller
    swaps = []
    original = controller._loaded

    def timed_loaded(serial: int, lines: list[Any]) -> None:
        start = time.perf_counter()
        original(serial, lines)
        app.processEvents()
        view.repaint()
        swaps.append((time.perf_counter() - start) * 1000)

    controller._loaded = timed_loaded  # type: ignore[method-assign]
    for _ in range(args.loads):
        controller.reload()
        settle(app)
    results["load, GUI thread (swap lines in, paint)"] = percentiles(swaps)
    assert controller.total == len(roster), (controller.total, len(roster))

    keystrokes = []
    coded = [c for c in roster if c.credit_code]
    for _ in range(args.searches):
        if rng.random() < 0.5:
            name = rng.choice(roster).name
            begin = rng.randrange(0, max(1, len(name) - 3))
            text = name[begin : begin + 2]
        else:
            text = rng.choice(coded).credit_code[: rng.randint(4, 10)]
        view.search.setFocus()
        for char in text:
            keystrokes.append(timed_gui(app, view, lambda c=char: type_char(view.search, c)))
        for _ in text:
            keystrokes.append(
                timed_gui(app, view, lambda: QTest.keyClick(view.search, Qt.Key.Key_Backspace))
            )
    results["search keystroke (type or delete a character)"] = percentiles(keystrokes)

    sorts = []
    for _ in range(2):
        for column in range(len(COLUMNS)):
            for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
                sorts.append(
                    timed_gui(app, view, lambda c=column, o=order: view.table.sortByColumn(c, o))
                )
    results["sort by a column (header click)"] = percentiles(sorts)

    filters = []
    for zone in ZONES:
        index = view.zone_combo.findData(zone)
        filters.append(timed_gui(app, view, lambda i=index: view.zone_combo.setCurrentIndex(i)))
    filters.append(timed_gui(app, view, lambda: view.zone_combo.setCurrentIndex(0)))
    for position in range(view.verdict_combo.count()):
        filters.append(
            timed_gui(app, view, lambda p=position: view.verdict_combo.setCurrentIndex(p))
        )
    filters.append(timed_gui(app, view, lambda: view.verdict_combo.setCurrentIndex(0)))
    for checked in (True, False, True, False):
        filters.append(timed_gui(app, view, lambda c=checked: view.due_check.setChecked(c)))
    results["filter change (zone, verdict, follow-up due)"] = percentiles(filters)
    view.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--assessed", type=int, default=4_000)
    parser.add_argument("--follow-ups", type=int, default=1_500)
    parser.add_argument("--distinct", type=int, default=100, help="engine runs behind the rows")
    parser.add_argument("--loads", type=int, default=10, help="timed loads")
    parser.add_argument("--searches", type=int, default=60, help="search texts typed, timed")
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args()

    app = QApplication([])
    load_bundled_fonts()
    app.setFont(application_font())
    with tempfile.TemporaryDirectory(prefix="bench-roster-gui-") as tmp:
        folder = Path(tmp)
        service = ClientService(
            open_database(f"sqlite:///{folder / 'roster.sqlite3'}"), load_pack(), actor="bench"
        )
        try:
            roster = build(service, folder, args)
            results = measure(app, service, roster, args)
        finally:
            service.close()

    print(f"\nPython {platform.python_version()}, Qt platform {app.platformName()}")
    print("| step | runs | p50 ms | p95 ms | max ms |")
    print("|---|---:|---:|---:|---:|")
    for label, timing in results.items():
        cells = [f"{timing[k]:.1f}" for k in ("p50", "p95", "max")]
        print(f"| {label} | {timing['n']} | {' | '.join(cells)} |")
    slow = [
        label
        for label, timing in results.items()
        if "worker" not in label and timing["p95"] > TARGET_MS
    ]
    if slow:
        print(f"over {TARGET_MS:.0f} ms at p95 on the GUI thread: {', '.join(slow)}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
