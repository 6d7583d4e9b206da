"""Realistic synthetic company profiles for benchmarks (seeded, so runs are comparable)."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

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
