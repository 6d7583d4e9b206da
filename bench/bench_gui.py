"""GUI benchmark: cold start to an interactive main window, and results after an edit.

    .venv/bin/python -m bench.bench_gui                  # offscreen
    xvfb-run -a .venv/bin/python -m bench.bench_gui      # on a virtual X screen (closer to a desk)

Cold start: a fresh Python process from launch until its main window is shown and the event loop
has run once, for the app (roster home page, pack loaded, database opened, translations
installed) and for a bare PySide6 window in the same run; best and median of ``--runs``.
Results after an edit: in the client workspace with the results list and the detail pane
showing, each edit goes through the session (re-assessment) and the views repaint; p50/p95
over ``--edits`` edits. Goals (issue 9): at most 1 s more than the bare window; p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 820)
window.show()
app.processEvents()
print("ready", flush=True)
"""

APP = """
import sys
from app.ui.application import build_window
window = build_window(sys.argv, db_url=sys.argv[1])
from PySide6.QtWidgets import QApplication
QApplication.processEvents()
print("ready", flush=True)
if len(sys.argv) > 2:  # then the first walk-in of the day, which builds the client workspace
    import time
    start = time.perf_counter()
    window.new_walk_in()
    QApplication.processEvents()
    print(f"{time.perf_counter() - start:.4f}", flush=True)
    window.session.dirty = False
"""


def first_walk_in(db_url: str, runs: int) -> list[float]:
    """Seconds from Ctrl+N to the interview shown, the first time after start (one process each)."""
    times = []
    for _ in range(runs):
        output = subprocess.run(
            [sys.executable, "-c", APP, db_url, "walk-in"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        times.append(float(output[1]))
    return times


def cold_start(code: str, args: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True
        )
        assert process.stdout is not None
        line = process.stdout.readline()
        elapsed = time.perf_counter() - start
        process.kill()
        process.wait()
        if line.strip() != "ready":
            raise SystemExit(f"the window did not start: {line!r}")
        times.append(elapsed)
    return times


def edit_latency(edits: int, db_url: str) -> list[float]:
    from PySide6.QtWidgets import QApplication

    from app.self_test import EXAMPLE
    from app.ui.application import build_window

    window = build_window([sys.argv[0]], db_url=db_url)
    window.new_walk_in()
    for key, value in EXAMPLE.items():
        window.session.set_answer(key, value)
    window.results.select_measure("m02")
    QApplication.processEvents()
    values = [("employees", n) for n in (80, 250, 1200, 40)] + [
        ("zone", z) for z in ("ftz_wuhan", "hubei_other", "outside_hubei", "ftz_yichang")
    ]
    times = []
    for index in range(edits):
        key, value = values[index % len(values)]
        start = time.perf_counter()
        window.session.set_answer(key, value)
        window.results.repaint()
        window.detail.repaint()
        QApplication.processEvents()
        times.append(time.perf_counter() - start)
    window.session.dirty = False
    window.close()
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--edits", type=int, default=300)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if "DISPLAY" not in os.environ else "")
    if not os.environ["QT_QPA_PLATFORM"]:
        del os.environ["QT_QPA_PLATFORM"]
    with tempfile.TemporaryDirectory() as folder:
        os.environ["POLICY_CHECKER_CONFIG_DIR"] = folder
        db_url = f"sqlite:///{Path(folder) / 'bench.db'}"
        cold_start(APP, [db_url], 1)  # creates and migrates the database; not timed
        bare = cold_start(BARE, [], args.runs)
        ours = cold_start(APP, [db_url], args.runs)
        first = first_walk_in(db_url, args.runs)
        edits = edit_latency(args.edits, db_url)
    print(f"platform: {os.environ.get('QT_QPA_PLATFORM', 'xcb')}, {platform.processor() or ''}")
    print(f"python {platform.python_version()}, {os.cpu_count()} cpus")
    print(
        f"cold start, bare PySide6 window: best {min(bare):.3f} s, "
        f"median {statistics.median(bare):.3f} s"
    )
    print(
        f"cold start, policy-checker main window: best {min(ours):.3f} s, "
        f"median {statistics.median(ours):.3f} s"
    )
    print(f"difference of medians: {statistics.median(ours) - statistics.median(bare):.3f} s")
    print(
        f"first walk-in after start (builds the workspace): median "
        f"{statistics.median(first) * 1000:.0f} ms, max {max(first) * 1000:.0f} ms"
    )
    print(
        f"results after an edit ({len(edits)} edits): p50 {percentile(edits, 0.5) * 1000:.1f} ms, "
        f"p95 {percentile(edits, 0.95) * 1000:.1f} ms, max {max(edits) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
