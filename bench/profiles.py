"""Realistic synthetic company profiles for benchmarks (seeded, so runs are comparable)."""

from __future__ import annotations

import csv
import json
import random
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from rules.profile import PROFILE_KEYS
from rules.vocabulary import ACTIVITIES, SECTORS

ZONES = ["ftz_wuhan", "ftz_xiangyang", "ftz_yichang", "national_dev_zone", "hubei_other"]
INDUSTRIES = ["C3976", "C2720", "C3670", "I6513", "I6520", "G5810", "F5191", "L7212", "M7320"]


def company(rng: random.Random, index: int) -> dict[str, Any]:
    """One company; about a third of the keys are left unanswered, as in a first interview."""
    profile: dict[str, Any] = {
        "name": f"基准企业{index:06d}有限公司",
        "zone": rng.choice(ZONES),
        "industry_code": rng.choice(INDUSTRIES),
        "sectors": rng.sample(sorted(SECTORS), rng.randint(0, 3)),
        "activities": rng.sample(sorted(ACTIVITIES), rng.randint(0, 4)),
        "employees": rng.randint(3, 1500),
        "annual_revenue": round(rng.uniform(50, 60000), 1),
        "total_assets": round(rng.uniform(50, 90000), 1),
        "established": f"{rng.randint(2000, 2025)}-{rng.randint(1, 12):02d}-15",
        "first_profit_year": rng.choice([None, *range(2015, 2026)]),
        "rd_expense_ratio": round(rng.uniform(0, 15), 1),
        "high_tech_enterprise": rng.random() < 0.4,
        "tech_sme": rng.random() < 0.3,
        "core_link_rnd_production": rng.random() < 0.3,
        "software_enterprise": rng.random() < 0.2,
        "medical_institution": False,
        "research_institution": False,
        "financial_institution": rng.random() < 0.05,
    }
    for key in rng.sample(sorted(profile)[1:], k=len(profile) // 3):
        if key != "name":
            del profile[key]
    return profile


def companies(count: int, seed: int = 2026) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [company(rng, i) for i in range(count)]


def write_jsonl(path: Path, count: int, seed: int = 2026) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for profile in companies(count, seed):
            out.write(json.dumps(profile, ensure_ascii=False) + "\n")
    return path


TABLE_SLICE = 100_000  # companies generated and written at once


def table_cell(value: Any) -> str:
    """A profile value as a spreadsheet cell holds it (``rules.tabular`` reads it back)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(value) if value else ";"  # a cell of separators only: none of these
    if value is None:  # first_profit_year answered null: not yet profitable
        return "尚未获利"
    return str(value)


def write_table(path: Path, count: int, seed: int = 2026) -> Path:
    """The same companies as ``write_jsonl``, one row each, as ``.csv`` or ``.parquet``.

    Written in slices, so millions of rows never sit in memory at once. In the Parquet file,
    numbers, years and yes/no are typed columns and the lists are list columns, as a register
    exported from a database holds them; an unanswered key is a null cell (so is "not yet
    profitable", which a typed year column cannot hold: in Parquet that year is unknown).
    """
    rng = random.Random(seed)
    slices = [(start, min(count, start + TABLE_SLICE)) for start in range(0, count, TABLE_SLICE)]
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(PROFILE_KEYS)
            for start, end in slices:
                for index in range(start, end):
                    profile = company(rng, index)
                    writer.writerow(
                        [table_cell(profile[k]) if k in profile else "" for k in PROFILE_KEYS]
                    )
        return path
    import polars as pl

    from rules.columnar.frame import KEY_DTYPES

    with tempfile.TemporaryDirectory(dir=path.parent) as parts:
        for number, (start, end) in enumerate(slices):
            profiles = [company(rng, index) for index in range(start, end)]
            columns = {key: [p.get(key) for p in profiles] for key in PROFILE_KEYS}
            columns["established"] = [
                date.fromisoformat(d) if d else None for d in columns["established"]
            ]
            frame = pl.DataFrame(columns, schema=KEY_DTYPES)
            frame.write_parquet(Path(parts) / f"{number:05d}.parquet")
        pl.scan_parquet(Path(parts) / "*.parquet").sink_parquet(path)
    return path
