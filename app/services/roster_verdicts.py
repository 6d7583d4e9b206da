"""The roster's verdicts, many clients at once, with the compiled plan (issue 11).

``verdict_rows`` gives each profile's verdict for every measure of a pack from one call of the
compiled, columnar evaluator (``rules.columnar``), which agrees with the explaining engine verdict
for verdict; re-assessing the roster uses it to find whose verdicts changed, and the explaining
engine then writes the frozen answer of those clients only. When the plan cannot be compiled for
a pack, or a chunk's profiles cannot be put in columns, the engine's batch assessor gives the same
verdicts, more slowly.

``roster_impact`` counts, measure by measure, the clients whose verdict would change if the roster
were assessed with another pack: read in chunks, nothing saved.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from db.engine import Database
from db.records import ClientRecord
from db.repositories import clients
from rules.assessor import Assessor
from rules.pack import Pack
from rules.profile import Profile, ProfileError, parse_profile

log = logging.getLogger(__name__)

Verdicts = dict[str, str]  # measure id -> verdict

#: Clients read and evaluated at once: one compiled evaluation costs ~0.1 s of fixed overhead and
#: ~60 µs a profile, so 1,000 a chunk keeps the overhead small and memory bounded.
COMPILED_CHUNK = 1000


def verdict_rows(pack: Pack, profiles: Sequence[Profile], as_of: date) -> list[Verdicts]:
    """Each profile's verdict for every measure of ``pack`` as of ``as_of``, in order."""
    return verdicts_by_pack([pack], profiles, as_of)[0]


def verdicts_by_pack(
    packs: Sequence[Pack], profiles: Sequence[Profile], as_of: date
) -> list[list[Verdicts]]:
    """``verdict_rows`` for each of ``packs``, the profiles put in columns once."""
    if not profiles:
        return [[] for _ in packs]
    # imported here: polars takes a tenth of a second to import, which the desktop app's start-up
    # (it imports this module through ClientService) need not pay
    from rules.columnar import FrameError, PlanError, assess_frame, profile_frame, verdict_column

    try:
        frame = profile_frame(profiles)
    except FrameError as error:
        log.warning("profiles not put in columns (%s): verdicts from the engine instead", error)
        return [_engine_rows(pack, profiles, as_of) for pack in packs]
    rows = []
    for pack in packs:
        try:
            result = assess_frame(pack, frame, as_of)
        except (PlanError, FrameError) as error:
            log.warning("compiled plan not usable (%s): verdicts from the engine instead", error)
            rows.append(_engine_rows(pack, profiles, as_of))
            continue
        columns = [(m.id, result.get_column(verdict_column(m.id)).to_list()) for m in pack.measures]
        rows.append([{mid: column[row] for mid, column in columns} for row in range(result.height)])
    return rows


def _engine_rows(pack: Pack, profiles: Sequence[Profile], as_of: date) -> list[Verdicts]:
    assessor = Assessor(pack, as_of, questions=False)
    return [
        {r.measure.id: r.verdict for r in assessor.assess(profile).results} for profile in profiles
    ]


def refusal_lines(record: ClientRecord, error: ProfileError) -> list[str]:
    label = f"client #{record.id} {record.name}"
    return [f"{label}: stored profile refused: {problem}" for problem in error.problems]


def parse_records(
    records: Sequence[ClientRecord], refused: list[str]
) -> list[tuple[ClientRecord, Profile]]:
    """The records whose stored profile is valid, with it; a line per problem to ``refused``."""
    parsed = []
    for record in records:
        try:
            parsed.append((record, parse_profile(record.profile)))
        except ProfileError as error:
            refused += refusal_lines(record, error)
    return parsed


def roster_pages(database: Database, size: int = COMPILED_CHUNK) -> Iterator[list[ClientRecord]]:
    """Every client, by id, ``size`` at a time, each page read in its own short transaction."""
    last = 0
    while True:
        with database.read() as session:
            page = clients.page(session, last, size)
        if not page:
            return
        yield page
        last = page[-1].id


Move = tuple[str | None, str | None]  # (verdict with the old pack, with the new); None: no measure


@dataclass
class MeasureImpact:
    """How many clients' verdict on one measure would change, and from what to what."""

    measure: str
    moves: Counter[Move] = field(default_factory=Counter)

    @property
    def changed(self) -> int:
        return sum(self.moves.values())

    @property
    def gained(self) -> int:
        """Clients for whom the measure would apply and does not now."""
        return sum(n for (_, after), n in self.moves.items() if after == "eligible")

    @property
    def lost(self) -> int:
        """Clients for whom the measure applies now and would not."""
        return sum(n for (before, _), n in self.moves.items() if before == "eligible")


@dataclass
class ImpactReport:
    """What assessing the roster with ``new`` instead of ``old`` would change."""

    as_of: date
    clients: int = 0  # clients evaluated (refused ones aside)
    changed_clients: int = 0  # clients with at least one verdict changed
    measures: dict[str, MeasureImpact] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)  # one line per problem, naming the client

    @property
    def changed_measures(self) -> list[MeasureImpact]:
        """The measures on which some client's verdict changes, in measure order."""
        return [m for m in self.measures.values() if m.changed]


def _measure_order(old: Pack, new: Pack) -> list[str]:
    """The new pack's measures, then those only the old one has."""
    ids = [m.id for m in new.measures]
    return ids + [m.id for m in old.measures if m.id not in set(ids)]


def roster_impact(
    database: Database,
    old: Pack,
    new: Pack,
    as_of: date,
    progress: Callable[[int], None] | None = None,
) -> ImpactReport:
    """Evaluate every stored client with both packs (the compiled plan) and count, per measure,
    the clients whose verdict differs. Reads the roster in chunks; saves nothing."""
    report = ImpactReport(as_of)
    report.measures = {mid: MeasureImpact(mid) for mid in _measure_order(old, new)}
    for page in roster_pages(database):
        parsed = parse_records(page, report.refused)
        profiles = [profile for _, profile in parsed]
        before_rows, after_rows = verdicts_by_pack([old, new], profiles, as_of)
        for before, after in zip(before_rows, after_rows, strict=True):
            report.clients += 1
            changed = False
            for mid, impact in report.measures.items():
                move = (before.get(mid), after.get(mid))
                if move[0] != move[1]:
                    impact.moves[move] += 1
                    changed = True
            report.changed_clients += changed
        if progress is not None:
            progress(report.clients)
    return report
