"""Bulk reports: ``policy-check batch --pdf-dir DIR --jobs 2`` over generated companies.

Measures the real command, start-up included: wall time, and memory of every process of the
run (the command and its worker processes), sampled from /proc every 0.2 s (Linux only; psutil
is not needed): the highest total resident memory seen at one moment, and each process's own
peak (VmHWM); the workers are renewed every few hundred reports, so more than ``--jobs`` of them
are counted over a run, at most ``--jobs`` at a time. Then runs the same command again (every
report is already there, so all are skipped), deletes a tenth of the reports and runs it a third
time (only those are written).
Every PDF is checked to be whole (header and %%EOF), and a sample is opened with pypdf when it
is installed (the ``test`` extra).

Run: .venv/bin/python -m bench.bench_pdf_dir [--companies 1000] [--jobs 2]
Prints Markdown for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.cli.batch import REPORTS_PER_WORKER_SET
from bench.profiles import write_jsonl

POLICY_CHECK = Path(sys.executable).with_name("policy-check")
AS_OF = "2026-11-26"
SAMPLE_SECONDS = 0.2


def _status(pid: int) -> dict[str, str]:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return {}
    return dict(line.split(":", 1) for line in text.splitlines() if ":" in line)


def _kib(value: str) -> int:
    return int(value.split()[0]) if value else 0


def _tree(root: int) -> list[int]:
    """``root`` and its descendants, from /proc's parent links."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            parent = _status(int(entry)).get("PPid", "").strip()
            if parent.isdigit():
                children.setdefault(int(parent), []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


@dataclass
class Run:
    seconds: float = 0.0
    returncode: int = 0
    stderr: str = ""
    peak_total_kib: int = 0  # the most resident memory of all processes at one sample
    peaks_kib: dict[int, int] = field(default_factory=dict)  # each process's own peak (VmHWM)
    names: dict[int, str] = field(default_factory=dict)


def run_measured(command: list[str]) -> Run:
    run = Run()
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    finished = threading.Event()

    def sample() -> None:
        while not finished.is_set():
            total = 0
            for pid in _tree(process.pid):
                status = _status(pid)
                if not status or "multiprocessing.resource_tracker" in _cmdline(pid):
                    continue
                total += _kib(status.get("VmRSS", ""))
                run.peaks_kib[pid] = max(run.peaks_kib.get(pid, 0), _kib(status.get("VmHWM", "")))
                run.names.setdefault(pid, "worker" if pid != process.pid else "command")
            run.peak_total_kib = max(run.peak_total_kib, total)
            finished.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, run.stderr = process.communicate()
    run.seconds = time.perf_counter() - started
    finished.set()
    sampler.join()
    run.returncode = process.returncode
    return run


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _whole(path: Path) -> bool:
    data = path.read_bytes()
    return data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--companies", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--lang", default="zh")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it")
    options = parser.parse_args()
    work = Path(options.keep or tempfile.mkdtemp(prefix="bench-pdf-dir-"))
    work.mkdir(parents=True, exist_ok=True)
    source = write_jsonl(work / "companies.jsonl", options.companies)
    pdf_dir = work / "reports"
    shutil.rmtree(pdf_dir, ignore_errors=True)
    command = [
        str(POLICY_CHECK), "batch", str(source), "--pdf-dir", str(pdf_dir),
        "--jobs", str(options.jobs), "--as-of", AS_OF, "--lang", options.lang, "--quiet",
    ]  # fmt: skip
    try:
        load = [os.getloadavg()[0]]
        first = run_measured(command)
        load.append(os.getloadavg()[0])
        if first.returncode != 0:
            sys.exit(f"the run failed ({first.returncode}):\n{first.stderr}")
        pdfs = sorted(pdf_dir.glob("*.pdf"))
        whole = sum(_whole(p) for p in pdfs)
        sizes = sorted(p.stat().st_size for p in pdfs)
        pages = _pages(pdfs[:: max(1, len(pdfs) // 20)])
        again = run_measured(command)
        removed = pdfs[::10]
        for path in removed:
            path.unlink()
        third = run_measured(command)
        rewritten = sum(1 for p in removed if p.exists())
    finally:
        if not options.keep:
            shutil.rmtree(work, ignore_errors=True)

    workers = [k for pid, k in first.peaks_kib.items() if first.names[pid] == "worker"]
    command_peak = next(k for pid, k in first.peaks_kib.items() if first.names[pid] == "command")
    machine = f"{os.cpu_count()} CPUs, {platform.platform()}, Python {platform.python_version()}"
    per_report = first.seconds / max(1, len(pdfs))
    rows = [
        ("companies, reports written", f"{options.companies:,}, {len(pdfs):,} ({whole:,} whole)"),
        (
            "wall time, first run",
            f"{first.seconds:.1f} s ({1 / per_report:.2f} reports/s, {per_report:.2f} s a report)",
        ),
        (
            f"peak memory, all processes at once (sampled every {SAMPLE_SECONDS} s)",
            f"{first.peak_total_kib / 1024:.0f} MiB",
        ),
        ("peak memory, the command's own process", f"{command_peak / 1024:.0f} MiB"),
        (
            f"worker processes over the run (renewed every {REPORTS_PER_WORKER_SET} reports), "
            "peak of each",
            f"{len(workers)}: {min(workers) / 1024:.0f}–{max(workers) / 1024:.0f} MiB",
        ),
        (
            "report size, median (min–max)",
            f"{sizes[len(sizes) // 2] // 1024} KB ({sizes[0] // 1024}–{sizes[-1] // 1024})",
        ),
    ]
    if pages:
        rows.append(
            (f"pages, {len(pages)} reports opened with pypdf", f"{min(pages)}–{max(pages)}")
        )
    rows += [
        ("second run, every report already there", f"{again.seconds:.1f} s"),
        (
            f"third run, after deleting {len(removed)} of the reports",
            f"{third.seconds:.1f} s, {rewritten} written again",
        ),
    ]
    print(f"- **Date**: {date.today().isoformat()}")
    print(f"- **Machine**: {machine}; load average {load[0]:.2f} before, {load[1]:.2f} after")
    print(f"- **Command**: `{' '.join(['policy-check', *command[1:]])}`")
    print()
    print("| measurement | result |")
    print("|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


def _pages(paths: list[Path]) -> list[int]:
    try:
        from pypdf import PdfReader
    except ImportError:
        return []
    return [len(PdfReader(p).pages) for p in paths]


if __name__ == "__main__":
    main()
