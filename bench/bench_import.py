"""``policy-check clients import`` at growing sizes: time and peak memory (issue 12, item 3).

Run: .venv/bin/python -m bench.bench_import [--rows 20000 100000] [--dir /tmp]

For each size, the generated companies of ``bench.profiles`` as a CSV file (names in Chinese,
a third of the answers blank), imported by the real command into a fresh SQLite database in
its own process; wall time and peak resident memory from ``/usr/bin/time``. The import reads
its file as a stream and saves 500 rows a transaction, so memory should not grow with the file.
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.profiles import write_table


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()))
    options = parser.parse_args()
    print(f"Machine: {platform.machine()}, Python {platform.python_version()}\n")
    print("| rows | file | time | rows/s | peak memory |\n|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(dir=options.dir) as tmp:
        for rows in options.rows:
            source = write_table(Path(tmp) / f"clients{rows}.csv", rows, seed=4)
            database = Path(tmp) / f"roster{rows}.sqlite3"
            done = subprocess.run(
                ["/usr/bin/time", "-f", "%e %M", sys.executable, "-m", "app.cli", "clients",
                 "import", str(source), "--db", f"sqlite:///{database}"],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
            if done.returncode != 0:
                raise SystemExit(done.stderr[-2000:])
            seconds, kib = done.stderr.strip().splitlines()[-1].split()
            size = source.stat().st_size / 2**20
            print(
                f"| {rows:,} | {size:,.0f} MiB | {float(seconds):,.1f} s "
                f"| {rows / float(seconds):,.0f} | {int(kib) / 1024:,.0f} MiB |",
                flush=True,
            )


if __name__ == "__main__":
    main()
