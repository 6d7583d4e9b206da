"""The whole roster re-assessed after a pack update, on SQLite and PostgreSQL: the compiled plan
finds whose verdicts changed, only they get a new frozen assessment, the others are recorded as
checked (no longer "assessed with older rules"); and the impact of a pack change, counted."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.services.clients import ClientService
from db.migrate import open_database
from db.records import ClientRecord
from db.repositories import assessments, audit, clients
from rules.pack import Pack, load_pack
from tests.app.test_clients_service import changed_pack, profile
from tests.db.backends import BACKENDS, fresh_database_url

AS_OF = date(2026, 11, 26)
LATER = date(2026, 12, 1)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with fresh_database_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def service(db_url: str) -> Iterator[ClientService]:
    roster = ClientService(open_database(db_url), load_pack(), actor="desk-1")
    yield roster
    roster.close()


@pytest.fixture
def new_pack(tmp_path: Path) -> Pack:
    """m38's high-tech condition inverted: the AI start-up loses m38, a non-HTE twin gains it."""
    return changed_pack(tmp_path)


@pytest.fixture
def updated(db_url: str, new_pack: Pack) -> Iterator[ClientService]:
    """The same database, seen by a desk with the updated pack."""
    desk = ClientService(open_database(db_url), new_pack, actor="desk-2")
    yield desk
    desk.close()


def fill(service: ClientService) -> dict[str, ClientRecord]:
    """Four clients, all assessed with the bundled pack."""
    roster = {
        "loser": service.add_client(profile()),
        "gainer": service.add_client(
            profile(name="华星芯微电子有限公司", credit_code=None, high_tech_enterprise=False)
        ),
        "unknown": service.add_client(
            profile(name="楚天数据有限公司", credit_code=None, high_tech_enterprise=None)
        ),
        "outside": service.add_client(
            profile(name="长江精工有限公司", credit_code=None, zone="outside_hubei")
        ),
    }
    first = service.reassess(as_of=AS_OF)
    assert len(first.first) == len(roster) and first.unchanged == []
    return roster


def test_only_clients_whose_verdicts_changed_get_a_new_assessment(
    service: ClientService, updated: ClientService
) -> None:
    roster = fill(service)
    ids = {name: c.id for name, c in roster.items()}
    before = {name: service.assessments(i)[0].id for name, i in ids.items()}
    assert updated.stale_clients() == sorted(ids.values())

    report = updated.reassess(as_of=LATER)

    assert (report.failed, report.refused, report.first) == ([], 0, [])
    assert report.assessed == 4
    by_client = {o.client.id: o for o in report.outcomes}
    assert sorted(by_client) == sorted([ids["loser"], ids["gainer"]])
    assert sorted(report.unchanged) == sorted([ids["unknown"], ids["outside"]])
    loser, gainer = by_client[ids["loser"]].diff, by_client[ids["gainer"]].diff
    assert loser is not None and (loser.gained, loser.lost) == ([], ["m38"])
    assert gainer is not None and (gainer.gained, gainer.lost) == (["m38"], [])
    assert [(c.before, c.after) for c in loser.changes] == [("eligible", "needs_info")]
    assert [(c.before, c.after) for c in gainer.changes] == [("needs_info", "eligible")]
    # the changed ones have a new frozen answer made with the new pack; the others none
    for name in ("loser", "gainer"):
        newest, previous = updated.assessments(ids[name])
        assert previous.id == before[name] and newest.pack.sha256 == updated.pack.sha256
        assert updated.assessment(newest.id).answer["as_of"] == LATER.isoformat()
    for name in ("unknown", "outside"):
        assert [a.id for a in updated.assessments(ids[name])] == [before[name]]

    # nobody is left marked as made with older rules, by the service or on the roster
    assert updated.stale_clients() == []
    lines = {row.client_id: row for row in updated.roster(LATER)}
    assert not any(row.made_with_other_rules(updated.pack.sha256) for row in lines.values())
    assert lines[ids["unknown"]].checked_sha256 == updated.pack.sha256
    assert lines[ids["unknown"]].pack_sha256 == service.pack.sha256  # the answer is unchanged
    with updated.database.read() as session:
        checks = assessments.checks_of(session, ids.values())
        trail = audit.entries(session)
    assert sorted(checks) == sorted([ids["unknown"], ids["outside"]])
    check = checks[ids["unknown"]]
    assert (check.assessment_id, check.pack.sha256, check.as_of, check.checked_by) == (
        before["unknown"],
        updated.pack.sha256,
        LATER,
        "desk-2",
    )
    [checked] = [e for e in trail if e.action == "assessments.checked"]
    assert sorted(checked.detail["clients"]) == sorted(report.unchanged)

    # a desk still on the old pack sees the two new assessments as made with other rules
    assert service.stale_clients() == sorted([ids["loser"], ids["gainer"]])

    # run again with the new pack: everyone unchanged, nothing saved
    again = updated.reassess(as_of=LATER)
    assert (again.outcomes, sorted(again.unchanged)) == ([], sorted(ids.values()))


def test_new_and_edited_clients_and_refused_profiles(
    service: ClientService, updated: ClientService
) -> None:
    roster = fill(service)
    unknown = roster["unknown"]
    # edited after its assessment, in a way that keeps its verdicts: saved anew all the same,
    # so that its frozen answer holds the profile it has now
    edited = service.update_client(unknown.id, profile(**_unknown(employees=46)), unknown.version)
    newcomer = service.add_client(profile(name="新来企业有限公司", credit_code=None))
    with service.database.write() as session:  # a profile today's checks refuse
        bad = clients.add(session, {"name": "旧数据企业", "employees": -1}, "old-desk")
    done: list[int] = []

    report = updated.reassess(as_of=LATER, progress=done.append)

    assert report.refused == 1 and done[-1] == 6
    assert report.failed == [
        f"client #{bad.id} 旧数据企业: stored profile refused: employees: -1 is out of range "
        "(input should be greater than or equal to 0)"
    ]
    by_client = {o.client.id: o for o in report.outcomes}
    assert by_client[newcomer.id].previous is None and report.first == [by_client[newcomer.id]]
    refreshed = by_client[edited.id]
    assert refreshed.diff is not None and not refreshed.changed
    assert refreshed.saved.client_version == edited.version
    assert report.unchanged == [roster["outside"].id]
    assert updated.stale_clients() == [bad.id]  # never assessed


def _unknown(**changes: object) -> dict[str, object]:
    return {
        "name": "楚天数据有限公司",
        "credit_code": None,
        "high_tech_enterprise": None,
        **changes,
    }


def test_reassessing_some_clients_checks_only_them(
    service: ClientService, updated: ClientService
) -> None:
    roster = fill(service)
    report = updated.reassess([roster["loser"].id, roster["outside"].id], LATER)
    assert [o.client.id for o in report.changed] == [roster["loser"].id]
    assert report.unchanged == [roster["outside"].id]
    assert updated.stale_clients() == sorted([roster["gainer"].id, roster["unknown"].id])


def test_a_newer_assessment_makes_a_check_moot(
    service: ClientService, updated: ClientService
) -> None:
    roster = fill(service)
    outside = roster["outside"].id
    updated.reassess([outside], LATER)
    assert updated.stale_clients() == sorted(
        [roster["loser"].id, roster["gainer"].id, roster["unknown"].id]
    )
    service.assess_client(outside, LATER)  # a desk on the old pack saves a newer answer
    assert outside in updated.stale_clients()
    [line] = [r for r in updated.roster(LATER) if r.client_id == outside]
    assert line.checked_sha256 is None and line.made_with_other_rules(updated.pack.sha256)


def test_impact_counts_clients_measure_by_measure_and_saves_nothing(
    service: ClientService, new_pack: Pack
) -> None:
    roster = fill(service)
    twin = service.add_client(profile(name="光谷二号有限公司", credit_code=None))  # never assessed
    counts = {c.id: len(service.assessments(c.id)) for c in [*roster.values(), twin]}

    impact = service.impact(service.pack, new_pack, AS_OF)

    assert (impact.clients, impact.changed_clients, impact.refused) == (5, 3, [])
    [m38] = impact.changed_measures
    assert m38.measure == "m38" and (m38.changed, m38.gained, m38.lost) == (3, 1, 2)
    assert dict(m38.moves) == {("eligible", "needs_info"): 2, ("needs_info", "eligible"): 1}
    assert {c: len(service.assessments(c)) for c in counts} == counts
    with service.database.read() as session:
        assert assessments.checks_of(session, counts) == {}
    # the other way round, the moves are reversed
    back = service.impact(new_pack, service.pack, AS_OF)
    assert dict(back.measures["m38"].moves) == {
        ("needs_info", "eligible"): 2,
        ("eligible", "needs_info"): 1,
    }
    assert service.impact(new_pack, new_pack, AS_OF).changed_measures == []


def test_without_a_compiled_plan_the_engine_gives_the_same_verdicts(
    monkeypatch: pytest.MonkeyPatch, new_pack: Pack
) -> None:
    import rules.columnar
    from app.services.roster_verdicts import verdicts_by_pack
    from rules.columnar import PlanError
    from rules.profile import parse_profile

    profiles = [profile(), profile(high_tech_enterprise=False), parse_profile({"name": "只知名称"})]
    packs = [load_pack(), new_pack]
    compiled = verdicts_by_pack(packs, profiles, AS_OF)
    assert compiled[0][0]["m38"] == "eligible" and compiled[1][0]["m38"] == "needs_info"

    def refuse(*_: object) -> None:
        raise PlanError("m38/p1: cannot be compiled")

    monkeypatch.setattr(rules.columnar, "assess_frame", refuse)
    assert verdicts_by_pack(packs, profiles, AS_OF) == compiled
    assert verdicts_by_pack(packs, [], AS_OF) == [[], []]
