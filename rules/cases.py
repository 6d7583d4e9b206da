"""Policy test cases kept beside a pack: a profile, an as-of date and the verdicts expected.

``cases/*.yaml`` hold a list of cases::

    - name: AI start-up in the Wuhan area, core R&D, first profit 2024
      as_of: 2026-11-26
      profile: {name: 光谷智算, zone: ftz_wuhan, sectors: [artificial_intelligence]}
      expect: {m02: eligible, m38: needs_info}

The same cases run from ``policy-check rules test`` and from pytest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from rules.engine import Result, Verdict, assess
from rules.pack import Pack, load_pack
from rules.pack_folder import pack_file_names, read_pack_file
from rules.profile import ProfileError, parse_profile
from rules.yaml_loader import describe_error, load_yaml


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    as_of: date
    profile: dict[str, Any]
    expect: dict[str, Verdict] = Field(min_length=1)


@dataclass(frozen=True)
class CaseOutcome:
    file: str
    case: Case
    failures: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.failures


class CasesError(ValueError):
    """The cases cannot be read; ``problems`` holds one line per problem, naming the file."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _case_problems(name: str, index: int, error: ValidationError) -> list[str]:
    return [
        f"{name} case {index}: {'.'.join(str(p) for p in e['loc']) or '(top)'}: {e['msg']}"
        for e in error.errors()
    ]


def load_cases(folder: Path) -> list[tuple[str, Case]]:
    """Every case of the pack in ``folder``, with the file it came from (``m02.yaml``).

    The files are read as the pack's own are (rules.pack_folder: a hostile file is refused
    unparsed); CasesError lists every file or case that cannot be read."""
    cases: list[tuple[str, Case]] = []
    problems: list[str] = []
    root = folder.resolve()
    for name in pack_file_names(folder, "cases"):
        file_name = name.removeprefix("cases/")
        try:
            raw = load_yaml(read_pack_file(folder, name, root)) or []
        except yaml.YAMLError as error:
            problems.append(f"{name}: cannot be read: {describe_error(error)}")
            continue
        except ValueError as error:
            problems.append(str(error))
            continue
        if not isinstance(raw, list):
            problems.append(f"{name}: expected a list of cases")
            continue
        for index, item in enumerate(raw, start=1):
            try:
                cases.append((file_name, Case.model_validate(item)))
            except ValidationError as error:
                problems += _case_problems(name, index, error)
    if problems:
        raise CasesError(problems)
    return cases


def run_case(pack: Pack, file: str, case: Case) -> CaseOutcome:
    try:
        profile = parse_profile(case.profile)
    except ProfileError as error:
        return CaseOutcome(file, case, tuple(f"profile refused: {p}" for p in error.problems))
    assessment = assess(pack, profile, case.as_of)
    failures = []
    for measure_id, expected in case.expect.items():
        if measure_id not in pack.by_id:
            failures.append(f"{measure_id}: no such measure in the pack")
            continue
        got = assessment.result(measure_id).verdict
        if got != expected:
            failures.append(f"{measure_id}: expected {expected}, got {got}")
    return CaseOutcome(file, case, tuple(failures))


def run_cases(folder: Path) -> list[CaseOutcome]:
    pack = load_pack(folder)
    return [run_case(pack, file, case) for file, case in load_cases(folder)]


OUTCOMES: tuple[Result, ...] = ("met", "not_met", "unknown")


@dataclass(frozen=True)
class ProvisionCoverage:
    """How many cases show a provision met, not met and unknown."""

    measure_id: str
    provision_id: str
    counts: dict[Result, int]

    @property
    def missing(self) -> tuple[Result, ...]:
        return tuple(outcome for outcome in OUTCOMES if not self.counts[outcome])


def provision_coverage(pack: Pack, cases: list[tuple[str, Case]]) -> list[ProvisionCoverage]:
    """For every provision of the pack, the outcomes the cases show it in.

    A case counts for the measures it expects a verdict of: those are the ones it was written
    about. A provision's outcome is its own result in that case (met, not met or unknown),
    whatever the measure's verdict, which takes the most favourable provision.
    """
    counts = {(m.id, p.id): dict.fromkeys(OUTCOMES, 0) for m in pack.measures for p in m.provisions}
    for _file, case in cases:
        try:
            profile = parse_profile(case.profile)
        except ProfileError:
            continue  # a refused profile is a failing case, reported by run_case
        assessment = assess(pack, profile, case.as_of)
        for measure_id in case.expect:
            if measure_id not in pack.by_id:
                continue
            for provision in assessment.result(measure_id).provisions:
                counts[(measure_id, provision.provision.id)][provision.result] += 1
    return [ProvisionCoverage(m, p, c) for (m, p), c in counts.items()]
