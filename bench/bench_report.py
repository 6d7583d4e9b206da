"""Report speed and size: the wall time of the real ``policy-check report`` command, start-up
included, for a full 68-measure report in Chinese and English; the PDF's size and fonts; and
where the time goes.

Run: .venv/bin/python -m bench.bench_report [--runs 10]
Prints Markdown for docs/benchmarks.md. Uses hyperfine when it is installed (apt-get install
hyperfine), else times the runs itself. Targets (issue 6): ≤ 1.5 s wall, ≤ 400 KB.

Python runs with its bytecode cache, as on a user's machine: PYTHONDONTWRITEBYTECODE is removed
from the environment, so the warm-up runs write the project's ``__pycache__`` (gitignored).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from app.self_test import EXAMPLE

ROOT = Path(__file__).resolve().parents[1]
POLICY_CHECK = Path(sys.executable).with_name("policy-check")
AS_OF = "2026-11-26"
TARGET_SECONDS = 1.5
TARGET_BYTES = 400 * 1024

#: The committed example (every question answered) and a first interview (keys left unknown,
#: so the report has open questions as well).
FIRST_INTERVIEW = {**EXAMPLE, "activities": ["foreign_debt_financing"]}

#: Run in a fresh process: the same steps as ``policy-check report``, timed one by one.
PHASES = r"""
import gc, json, sys, time
marks = [("start", time.perf_counter())]
def mark(name): marks.append((name, time.perf_counter()))
from app.cli import build_parser
mark("import app.cli")
build_parser()
mark("build the parser (imports every command)")
gc.freeze()  # as cmd_report does
from datetime import date
from pathlib import Path
from rules.pack import load_pack
from rules.profile import load_profile_json
pack = load_pack()
mark("load the pack")
profile = load_profile_json(Path(sys.argv[1]).read_text("utf-8"))
mark("read and check the profile")
from rules.engine import assess
from rules.answer import assessment_json
assessment = assess(pack, profile, date.fromisoformat(sys.argv[3]))
answer = assessment_json(assessment, "zh")
mark("assess, JSON answer (with what-would-apply)")
from app.report.weasy import load_weasyprint
load_weasyprint()
import app.report.fetcher, app.report.pdf
mark("import WeasyPrint")
from datetime import datetime
from app.report.fetcher import BundledOnlyFetcher
from app.report.pdf import render_document, render_html, stylesheet
from app.report.view import PolicyInfo, report_view
html = render_html(report_view(answer, PolicyInfo.from_pack(pack, "zh"), generated=datetime.now()))
mark("view model and HTML (Jinja)")
gc.disable()  # as render_report does
document = render_document(html, stylesheet(), BundledOnlyFetcher())
mark("WeasyPrint: style and layout")
data = document.write_pdf()
gc.enable()
mark("WeasyPrint: draw, subset fonts, write PDF")
from app.report.files import atomic_write
atomic_write(Path(sys.argv[2]), data)
mark("write the file (temporary file, fsync, rename)")
steps = [(name, t - marks[0][1]) for name, t in marks[1:]]
print(json.dumps(steps + [("pages", len(document.pages))]))
"""


def environment(config: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["POLICY_CHECKER_CONFIG_DIR"] = str(config)  # no user settings file
    env["POLICY_CHECKER_LOG_DIR"] = str(config / "log")
    return env


def report_command(profile: Path, out: Path, lang: str) -> list[str]:
    return [
        str(POLICY_CHECK),
        "report",
        str(profile),
        "-o",
        str(out),
        "--as-of",
        AS_OF,
        "--lang",
        lang,
    ]


def time_runs(command: list[str], env: dict[str, str], runs: int, warmup: int) -> list[float]:
    """Wall times of ``command``: hyperfine's when installed, else our own."""
    if shutil.which("hyperfine"):
        with tempfile.TemporaryDirectory() as folder:
            export = Path(folder) / "times.json"
            subprocess.run(
                [
                    "hyperfine", "--style", "none", "--warmup", str(warmup), "--runs", str(runs),
                    "--export-json", str(export), "--", " ".join(_quote(c) for c in command),
                ],
                env=env, check=True, capture_output=True,
            )  # fmt: skip
            return list(json.loads(export.read_text())["results"][0]["times"])
    for _ in range(warmup):
        subprocess.run(command, env=env, check=True, capture_output=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def _quote(word: str) -> str:
    return word if re.fullmatch(r"[\w./:=@%+-]+", word) else "'" + word.replace("'", "'\\''") + "'"


def pdf_facts(path: Path) -> dict[str, Any]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    fonts: dict[str, int] = {}
    for page in reader.pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            program = descriptor.get("/FontFile3") or descriptor.get("/FontFile2")
            fonts[str(font["/BaseFont"]).lstrip("/")] = len(program.get_object()._data)
    return {"bytes": path.stat().st_size, "pages": len(reader.pages), "fonts": fonts}


def phases(profile: Path, out: Path, env: dict[str, str], runs: int) -> list[tuple[str, float]]:
    samples: list[list[tuple[str, float]]] = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", PHASES, str(profile), str(out), AS_OF],
            env=env, cwd=ROOT, check=True, capture_output=True, text=True,
        )  # fmt: skip
        samples.append([tuple(item) for item in json.loads(done.stdout)])  # type: ignore[misc]
    names = [name for name, _ in samples[0]]
    medians = [statistics.median(sample[i][1] for sample in samples) for i in range(len(names))]
    return list(zip(names, medians, strict=True))


def stats(times: list[float]) -> str:
    return (
        f"{statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}, "
        f"n={len(times)})"
    )


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        text = Path("/proc/cpuinfo").read_text()
        cpu = re.search(r"model name\s*:\s*(.+)", text).group(1)  # type: ignore[union-attr]
    except (OSError, AttributeError):
        pass
    import weasyprint

    from app.report.weasy import harfbuzz_subset_available

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, WeasyPrint {weasyprint.__version__}, "
        f"HarfBuzz-Subset {'yes' if harfbuzz_subset_available() else 'NO'}, "
        f"load average {load:.2f} when the run started"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-report-") as folder:
        tmp = Path(folder)
        config = tmp / "config"
        config.mkdir()
        env = environment(config)
        profiles = {
            "example (examples/ai_startup_wuhan.json, all answered)": ROOT
            / "examples"
            / "ai_startup_wuhan.json",
            "first interview (11 answers, open questions)": tmp / "first_interview.json",
        }
        (tmp / "first_interview.json").write_text(
            json.dumps(FIRST_INTERVIEW, ensure_ascii=False), "utf-8"
        )
        print(f"## Reports: `policy-check report` ({date.today().isoformat()})\n")
        print(f"Machine: {machine()}.\n")
        print(
            f"Command: `.venv/bin/policy-check report PROFILE -o OUT.pdf --as-of {AS_OF} "
            "--lang zh|en`, wall time including start-up, "
            f"{'hyperfine' if shutil.which('hyperfine') else 'own timer'}, "
            f"{args.warmup} warm-up runs; reproduce with "
            "`.venv/bin/python -m bench.bench_report`.\n"
        )
        print("| profile | lang | wall time (median) | pages | size | target ≤ 1.5 s / 400 KB |")
        print("|---|---|---|---|---|---|")
        for label, profile in profiles.items():
            for lang in ("zh", "en"):
                out = tmp / f"report_{lang}.pdf"
                times = time_runs(report_command(profile, out, lang), env, args.runs, args.warmup)
                facts = pdf_facts(out)
                met = (
                    ("yes" if statistics.median(times) <= TARGET_SECONDS else "**no**")
                    + " / "
                    + ("yes" if facts["bytes"] <= TARGET_BYTES else "**no**")
                )
                print(
                    f"| {label} | {lang} | {stats(times)} | {facts['pages']} | "
                    f"{facts['bytes'] / 1024:.0f} KB | {met} |"
                )
        assess = [
            str(POLICY_CHECK), "assess", str(profiles_first(profiles)), "--format", "json",
            "--as-of", AS_OF,
        ]  # fmt: skip
        baseline = time_runs(assess, env, args.runs, args.warmup)
        print(
            f"\nFor comparison, `policy-check assess EXAMPLE --format json` (start-up, pack, "
            f"assessment, no report): {stats(baseline)}.\n"
        )
        out = tmp / "phases.pdf"
        print("Where the time goes (example, zh; medians of 5 fresh processes, cumulative):\n")
        print("| step | ends at | takes |")
        print("|---|---|---|")
        previous = 0.0
        for name, at in phases(profiles_first(profiles), out, env, 5):
            if name == "pages":
                continue
            print(f"| {name} | {at:.2f} s | {at - previous:.2f} s |")
            previous = at
        facts = pdf_facts(out)
        fonts = ", ".join(f"{name} {size / 1024:.0f} KB" for name, size in facts["fonts"].items())
        print(f"\nEmbedded fonts (subsets, compressed): {fonts}.")
    return 0


def profiles_first(profiles: dict[str, Path]) -> Path:
    return next(iter(profiles.values()))


if __name__ == "__main__":
    sys.exit(main())
