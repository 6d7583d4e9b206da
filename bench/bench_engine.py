"""Engine speed: batch throughput with full traces, interactive latency with explanations,
GoRules ZEN side by side, and ``policy-check batch`` end to end (time and peak memory).

Run: .venv/bin/python -m bench.bench_engine [--profiles 2000]
     .venv/bin/python -m bench.bench_engine --rows 30000 300000 3000000 [--dir /tmp]
Prints a Markdown table for docs/benchmarks.md. Needs zen-engine (the ``bench`` extra).

With ``--rows``, the scale benchmark of issue 11: for each size, the same generated companies
as ``.jsonl``, ``.csv`` and ``.parquet``; then, each in a process of its own, file in and
matrix out: GoRules ZEN and the explaining engine (``bench.matrix_baselines``, from the
``.jsonl``), and the compiled path (``policy-check batch`` from the ``.csv`` to a ``.csv``
and from the ``.parquet`` to a ``.parquet``). Wall time, companies per second and peak
resident memory (``/usr/bin/time``) for each; up to 300,000 rows the compiled matrix is
compared with the engine's cell by cell.
"""

from __future__ import annotations

import argparse
import json
import os
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


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of a command (which must succeed)."""
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%e %M", *command], capture_output=True, text=True, check=False
    )
    if done.returncode not in (0, 2):
        raise SystemExit(f"{command}: {done.stderr[-2000:]}")
    seconds, kib = done.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kib) / 1024


def same_verdicts(engine_csv: Path, compiled_csv: Path) -> bool:
    import polars as pl

    def verdicts(path: Path) -> pl.DataFrame:
        return pl.read_csv(path, infer_schema=False).drop("row")

    return verdicts(engine_csv).equals(verdicts(compiled_csv))


def scale(sizes: list[int], folder: Path) -> None:
    """The scale benchmark (see the module's docstring)."""
    from bench.profiles import write_table

    python = sys.executable
    as_of = AS_OF.isoformat()
    print(
        f"Machine: {platform.processor() or platform.machine()}, Python "
        f"{platform.python_version()}, {os.cpu_count()} cores, as of {as_of}\n"
    )
    print("| rows | path, file in → matrix out | time | companies/s | peak memory | × ZEN |")
    print("|---:|---|---:|---:|---:|---:|")
    for size in sizes:
        jsonl = write_jsonl(folder / f"in{size}.jsonl", size, seed=3)
        table_csv = write_table(folder / f"in{size}.csv", size, seed=3)
        parquet = write_table(folder / f"in{size}.parquet", size, seed=3)
        runs = [
            ("GoRules ZEN, .jsonl → .csv", "zen", jsonl, ".csv"),
            ("explaining engine, .jsonl → .csv", "engine", jsonl, ".csv"),
            ("compiled path, .csv → .csv", "batch", table_csv, ".csv"),
            ("compiled path, .parquet → .parquet", "batch", parquet, ".parquet"),
        ]
        zen_rate = 0.0
        for label, which, source, suffix in runs:
            out = folder / f"out_{which}{size}{source.suffix}{suffix}"
            if which == "batch":
                command = [python, "-m", "app.cli", "batch", str(source), "--out", str(out)]
                command += ["--as-of", as_of, "--quiet"]
            else:
                command = [python, "-m", "bench.matrix_baselines", which, str(source), str(out)]
                command.append(as_of)
            seconds, mib = timed(command)
            rate_now = size / seconds
            zen_rate = zen_rate or rate_now
            print(
                f"| {size:,} | {label} | {seconds:,.1f} s | {rate_now:,.0f} | {mib:,.0f} MiB "
                f"| {rate_now / zen_rate:,.1f}× |",
                flush=True,
            )
        engine_out = folder / f"out_engine{size}.jsonl.csv"
        compiled_out = folder / f"out_batch{size}.csv.csv"
        if size <= 300_000:
            agree = same_verdicts(engine_out, compiled_out)
            print(f"| {size:,} | compiled matrix = engine matrix, cell by cell | {agree} | | | |")
        for path in folder.glob(f"*{size}*"):
            path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profiles", type=int, default=2000)
    parser.add_argument("--rows", type=int, nargs="+", help="the scale benchmark at these sizes")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()))
    options = parser.parse_args()
    if options.rows:
        with tempfile.TemporaryDirectory(dir=options.dir) as tmp:
            scale(options.rows, Path(tmp))
        return
    count = options.profiles
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
