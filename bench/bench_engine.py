"""Engine speed: batch throughput with full traces, interactive latency with explanations,
GoRules ZEN side by side, and ``policy-check batch`` end to end (time and peak memory).

Run: .venv/bin/python -m bench.bench_engine [--profiles 2000]
Prints a Markdown table for docs/benchmarks.md. Needs zen-engine (the ``bench`` extra).
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from bench.profiles import companies, write_jsonl
from bench.zen_table import decision_table
from rules.answer import assessment_json
from rules.assessor import Assessor
from rules.derived import DERIVATIONS, derive
from rules.engine import assess
from rules.pack import load_pack
from rules.profile import parse_profile

AS_OF = date(2026, 11, 26)


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f} profiles/s ({seconds / count * 1e6:,.0f} µs each)"


def best_of(runs: int, work: Any) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def zen_inputs(profiles: list[Any]) -> list[dict[str, Any]]:
    """The same profiles for ZEN, with our derived facts given as inputs (ZEN cannot derive)."""
    inputs = []
    for profile in profiles:
        data = profile.model_dump(mode="json", include=profile.model_fields_set)
        for name in DERIVATIONS:
            fact = derive(name, profile.facts(), AS_OF)
            if fact.known:
                data[name] = fact.value
        inputs.append(data)
    return inputs


def batch_command(source: Path, out: Path, jobs: int) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of the real command."""
    start = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "app.cli",
            "batch",
            str(source),
            "--out",
            str(out),
            "--as-of",
            AS_OF.isoformat(),
            "--jobs",
            str(jobs),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profiles", type=int, default=2000)
    count = parser.parse_args().profiles
    pack = load_pack()
    profiles = [parse_profile(p) for p in companies(count)]
    rows: list[tuple[str, str]] = []

    def batch_pass(questions: bool) -> None:
        assessor = Assessor(pack, AS_OF, questions)  # a fresh memo each pass
        for profile in profiles:
            assessor.assess(profile)

    # ZEN evaluates its rules and keeps a trace; the like-for-like run of ours does the same
    # (verdicts, traces, missing keys), without trying answers to rank the next questions.
    engine = best_of(3, lambda: batch_pass(False))
    rows.append(
        ("engine, batch (rules.assessor, traces on demand), one process", rate(count, engine))
    )
    with_questions = best_of(3, lambda: batch_pass(True))
    rows.append(
        (
            "engine, batch, also trying answers to rank next questions",
            rate(count, with_questions),
        )
    )
    plain = best_of(1, lambda: [assess(pack, p, AS_OF) for p in profiles])
    rows.append(("engine, one profile at a time (rules.engine), one process", rate(count, plain)))

    import zen

    decision = zen.ZenEngine().create_decision(json.dumps(decision_table(pack)))
    inputs = zen_inputs(profiles)
    zen_time = best_of(3, lambda: [decision.evaluate(i, {"trace": True}) for i in inputs])
    rows.append(("GoRules ZEN 68-rule table, trace on", rate(count, zen_time)))
    rows.append(("ratio, engine batch / ZEN (one process each)", f"{zen_time / engine:.1f}×"))
    rows.append(
        ("ratio, engine batch with next-question trials / ZEN", f"{zen_time / with_questions:.1f}×")
    )

    latencies = []
    for profile in profiles[:300]:
        start = time.perf_counter()
        assessment_json(assess(pack, profile, AS_OF), "zh")
        latencies.append((time.perf_counter() - start) * 1000)
    latencies.sort()
    rows.append(
        (
            "one interactive assessment with explanations and what-if",
            f"median {statistics.median(latencies):.2f} ms, "
            f"p95 {latencies[int(len(latencies) * 0.95)]:.2f} ms",
        )
    )

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = write_jsonl(folder / "in.jsonl", count)
        for out_name, jobs in (("out.csv", 1), ("out.csv", 2), ("out.jsonl", 1), ("out.jsonl", 2)):
            seconds, _ = batch_command(source, folder / out_name, jobs)
            rows.append(
                (f"`policy-check batch` → {out_name[4:]}, --jobs {jobs}", rate(count, seconds))
            )
        small = write_jsonl(folder / "small.jsonl", count // 4, seed=7)
        large = write_jsonl(folder / "large.jsonl", count * 4, seed=7)
        for source_file in (small, large):
            peak = (
                subprocess.run(
                    [
                        "/usr/bin/time",
                        "-f",
                        "%M",
                        sys.executable,
                        "-m",
                        "app.cli",
                        "batch",
                        str(source_file),
                        "--out",
                        str(folder / "m.csv"),
                        "--as-of",
                        AS_OF.isoformat(),
                    ],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                .stderr.strip()
                .splitlines()[-1]
            )
            lines = sum(1 for _ in source_file.open())
            rows.append(
                (f"peak memory, batch of {lines:,} rows → csv", f"{int(peak) / 1024:.0f} MiB")
            )

    print(
        f"Machine: {platform.processor() or platform.machine()}, {platform.python_version()}, "
        f"{count} profiles, as of {AS_OF}"
    )
    print("\n| measurement | result |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
