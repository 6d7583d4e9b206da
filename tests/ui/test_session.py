"""The client session: answers are checked before they are taken, and every edit re-assesses."""

from __future__ import annotations

import pytest

from app.ui.session import ClientSession
from rules.profile import ProfileError


def test_walk_in_starts_empty_and_unknown_stays_unknown(session: ClientSession) -> None:
    session.start_walk_in()
    assert session.answers == {}
    summary = session.assessment.summary()
    assert summary["eligible"] == 0
    assert summary["needs_info"] > 0


def test_an_answer_reassesses_and_a_bad_one_changes_nothing(qtbot, session: ClientSession) -> None:
    session.start_walk_in()
    session.set_answer("name", "武汉光谷芯片有限公司")
    with qtbot.waitSignal(session.changed):
        session.set_answer("zone", "outside_hubei")
    assert session.dirty
    assert session.assessment.result("m38").verdict != "eligible"
    with pytest.raises(ProfileError) as refused:
        session.set_answer("employees", -3)
    assert "employees" in str(refused.value)
    assert "employees" not in session.answers


def test_dont_know_keeps_the_key_unknown(session: ClientSession) -> None:
    session.start_walk_in()
    session.set_answer("high_tech_enterprise", True)
    session.forget("high_tech_enterprise", dont_know=True)
    assert "high_tech_enterprise" not in session.answers
    assert "high_tech_enterprise" in session.skipped


def test_save_adds_the_client_with_a_frozen_assessment(session, service, wait_tasks) -> None:
    session.start_walk_in()
    session.set_answer("name", "襄阳物流有限公司")
    session.set_answer("zone", "ftz_xiangyang")
    saved = []
    session.save(on_done=saved.append)
    wait_tasks()
    assert saved and saved[0].name == "襄阳物流有限公司"
    assert not session.dirty
    history = service.assessments(saved[0].id)
    assert len(history) == 1


def test_a_zone_that_contradicts_the_city_is_refused(session: ClientSession) -> None:
    session.start_walk_in()
    session.set_answer("city", "yichang")
    with pytest.raises(ProfileError) as refused:
        session.set_answer("zone", "ftz_wuhan")
    assert "zone, city" in str(refused.value)
    assert "zone" not in session.answers
    session.set_answer("zone", "ftz_yichang")
    assert session.assessment.profile.zone == "ftz_yichang"


def test_a_stored_contradiction_is_left_out_not_lost(session: ClientSession, service) -> None:
    from db.repositories import clients

    with service.database.write() as db:  # as an older version could have saved it
        record = clients.add(
            db, {"name": "矛盾公司", "zone": "outside_hubei", "city": "wuhan", "employees": 9}, "t"
        )
    refused = session.open(record)
    assert refused and "zone, city" in refused[0]
    assert session.answers == {"name": "矛盾公司", "employees": 9}
    assert session.assessment.summary()["needs_info"] > 0
    assert service.client(record.id).profile["zone"] == "outside_hubei"  # nothing lost
