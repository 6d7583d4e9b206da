"""Repositories on a real database: history, optimistic lock, duplicates, search, notes, lists."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from db.engine import Database
from db.errors import ConcurrentEditError, DuplicateClientError, NotFoundError
from db.records import PackRef
from db.repositories import assessments, audit, checklist, clients, notes

AI = {
    "name": "光谷智算科技有限公司",
    "credit_code": "91420100MA4KX8N35J",
    "zone": "ftz_wuhan",
    "sectors": [],
    "first_profit_year": None,
}


def answer(
    verdicts: dict[str, str], sha: str = "b" * 64, as_of: str = "2026-11-26"
) -> dict[str, Any]:
    summary = dict.fromkeys(("eligible", "needs_info", "not_eligible", "not_applicable"), 0)
    for verdict in verdicts.values():
        summary[verdict] += 1
    return {
        "pack": {"id": "hubei-ftz-2021", "version": "1", "sha256": sha},
        "as_of": "2026-11-26",
        "lang": "zh",
        "profile": AI,
        "summary": summary,
        "results": [{"measure": m, "verdict": v, "documents": []} for m, v in verdicts.items()],
        "next_questions": [],
    }


def test_a_profile_keeps_unknown_apart_from_null_and_empty(database: Database) -> None:
    with database.write() as session:
        saved = clients.add(session, AI, "desk-1")
    with database.read() as session:
        stored = clients.get(session, saved.id)
    assert stored.profile == AI
    assert "employees" not in stored.profile  # unknown stays absent
    assert stored.profile["sectors"] == [] and stored.profile["first_profit_year"] is None
    assert (stored.version, stored.created_by, stored.zone) == (1, "desk-1", "ftz_wuhan")
    assert stored.created_at.tzinfo is not None


def test_every_save_is_kept_in_the_history_and_the_audit_log(database: Database) -> None:
    with database.write() as session:
        first = clients.add(session, {"name": "襄阳轴承"}, "desk-1")
    with database.write() as session:
        second = clients.update(
            session, first.id, {"name": "襄阳轴承", "employees": 300}, 1, "desk-2"
        )
    with database.write() as session:
        unchanged = clients.update(session, first.id, dict(second.profile), 2, "desk-2")
    assert (second.version, second.updated_by, unchanged.version) == (2, "desk-2", 2)
    with database.read() as session:
        history = clients.history(session, first.id)
        trail = audit.entries(session, first.id)
    assert [(r.version, r.change, r.changed_by) for r in history] == [
        (1, "created", "desk-1"),
        (2, "edited", "desk-2"),
    ]
    assert history[0].profile == {"name": "襄阳轴承"}
    assert [e.action for e in trail] == ["client.edited", "client.created"]
    assert trail[0].detail == {"version": 2, "keys": ["employees"]}


def test_a_save_based_on_an_old_version_is_refused(database: Database) -> None:
    with database.write() as session:
        record = clients.add(session, {"name": "A"}, "desk-1")
    with database.write() as session:
        clients.update(session, record.id, {"name": "A", "employees": 1}, 1, "desk-1")
    stale = r"changed by desk-1 .*version 2, you opened version 1"
    with pytest.raises(ConcurrentEditError, match=stale), database.write() as session:
        clients.update(session, record.id, {"name": "A", "employees": 2}, 1, "desk-2")
    with database.read() as session:
        assert clients.get(session, record.id).profile == {"name": "A", "employees": 1}


def test_a_credit_code_is_taken_once(database: Database) -> None:
    with database.write() as session:
        clients.add(session, AI, "desk-1")
    same_code = {"name": "Other", "credit_code": AI["credit_code"]}
    with pytest.raises(DuplicateClientError, match=AI["credit_code"]), database.write() as session:
        clients.add(session, same_code, "desk-2")
    with database.read() as session:
        assert clients.count(session) == 1


def test_duplicates_by_credit_code_or_normalised_name(database: Database) -> None:
    with database.write() as session:
        ai = clients.add(session, AI, "t")
        acme = clients.add(session, {"name": "ACME Co., Ltd."}, "t")
    with database.read() as session:
        assert [c.id for c in clients.duplicates(session, None, "光谷智算科技（有限公司）")] == [
            ai.id
        ]
        assert [c.id for c in clients.duplicates(session, None, "ａｃｍｅ")] == [acme.id]
        assert [c.id for c in clients.duplicates(session, AI["credit_code"], "x")] == [ai.id]
        assert clients.duplicates(session, None, "acme", exclude_id=acme.id) == []


def test_search_by_name_credit_code_and_zone(database: Database) -> None:
    with database.write() as session:
        ai = clients.add(session, AI, "t")
        xy = clients.add(session, {"name": "襄阳轴承", "zone": "ftz_xiangyang"}, "t")
        pct = clients.add(session, {"name": "100% Growth_Co"}, "t")
    with database.read() as session:
        assert [c.id for c in clients.search(session, "智算")] == [ai.id]
        assert [c.id for c in clients.search(session, "9142 0100")] == [ai.id]
        assert [c.id for c in clients.search(session, zone="ftz_xiangyang")] == [xy.id]
        assert [c.id for c in clients.search(session, "轴承", zone="ftz_wuhan")] == []
        assert [c.id for c in clients.search(session, "100%")] == [pct.id]
        assert [c.id for c in clients.search(session, "growth_co")] == [pct.id]
        assert clients.count(session) == 3 and clients.count(session, zone="ftz_wuhan") == 1
        assert [c.id for c in clients.by_reference(session, f"#{xy.id}")] == [xy.id]
        assert [c.id for c in clients.by_reference(session, AI["credit_code"].lower())] == [ai.id]
        assert [c.id for c in clients.by_reference(session, "光谷智算科技")] == [ai.id]


def test_deleting_a_client_takes_its_records_but_not_the_audit_trail(database: Database) -> None:
    with database.write() as session:
        record = clients.add(session, AI, "t")
        assessments.save(session, record.id, 1, answer({"m01": "eligible"}), "t")
        notes.add(session, record.id, "walk-in", "t", kind="visit")
        checklist.add_missing(session, record.id, [("m01", "营业执照")], "t")
    with pytest.raises(ConcurrentEditError), database.write() as session:
        clients.delete(session, record.id, 7, "t")
    with database.write() as session:
        clients.delete(session, record.id, 1, "t")
    with database.read() as session:
        with pytest.raises(NotFoundError):
            clients.get(session, record.id)
        assert assessments.latest(session, record.id) is None
        assert notes.of_client(session, record.id) == []
        assert checklist.of_client(session, record.id) == []
        assert audit.entries(session, record.id)[0].action == "client.deleted"


def test_assessments_are_frozen_and_the_latest_is_found(database: Database) -> None:
    with database.write() as session:
        record = clients.add(session, AI, "t")
        first = assessments.save(
            session, record.id, 1, answer({"m01": "needs_info"}, "c" * 64), "t"
        )
        second = assessments.save(session, record.id, 1, answer({"m01": "eligible"}), "desk-2")
        other = clients.add(session, {"name": "never assessed"}, "t")
    with database.read() as session:
        frozen = assessments.get(session, first.id)
        assert frozen.answer == answer({"m01": "needs_info"}, "c" * 64)
        assert frozen.verdicts == {"m01": "needs_info"}
        assert frozen.summary.counts["needs_info"] == 1
        assert frozen.summary.pack.sha256 == "c" * 64 and frozen.summary.as_of == date(2026, 11, 26)
        latest = assessments.latest(session, record.id)
        assert latest is not None and latest.id == second.id
        assert [s.id for s in assessments.of_client(session, record.id)] == [second.id, first.id]
        assert assessments.latest_summaries(session, [record.id, other.id]) == {record.id: second}
        assert assessments.assessed_with_other_pack(session, "b" * 64) == []
        assert assessments.assessed_with_other_pack(session, "d" * 64) == [record.id]
        assert assessments.never_assessed(session) == [other.id]


def test_a_verdict_check_clears_the_older_rules_mark_until_a_newer_assessment(
    database: Database,
) -> None:
    new_pack = PackRef("hubei-ftz-2021", "2", "c" * 64)
    with database.write() as session:
        ai = clients.add(session, AI, "t")
        old = assessments.save(session, ai.id, 1, answer({"m01": "eligible"}), "t")
        other = clients.add(session, {"name": "襄阳轴承"}, "t")
        gone = clients.add(session, {"name": "已删除"}, "t")
        gone_answer = assessments.save(session, gone.id, 1, answer({"m01": "eligible"}), "t")
        clients.delete(session, gone.id, 1, "t")
    with database.read() as session:
        assert assessments.assessed_with_other_pack(session, new_pack.sha256) == [ai.id]
    for day in (date(2026, 12, 1), date(2026, 12, 2)):  # a second check replaces the first
        with database.write() as session:
            recorded = assessments.record_checks(
                session, {ai.id: old.id, gone.id: gone_answer.id}, new_pack, day, "desk-2"
            )
        assert recorded == 1  # the deleted client's assessment is skipped
    with database.read() as session:
        assert assessments.assessed_with_other_pack(session, new_pack.sha256) == []
        assert assessments.assessed_with_other_pack(session, "d" * 64) == [ai.id]
        [check] = assessments.checks_of(session, [ai.id, other.id]).values()
        assert (check.client_id, check.assessment_id, check.pack, check.as_of) == (
            ai.id,
            old.id,
            new_pack,
            date(2026, 12, 2),
        )
        assert check.checked_by == "desk-2" and check.checked_at.tzinfo is not None
        rows = {r.client_id: r for r in clients.roster(session, date(2026, 12, 2))}
        assert (rows[ai.id].pack_sha256, rows[ai.id].checked_sha256) == ("b" * 64, "c" * 64)
        assert not rows[ai.id].made_with_other_rules(new_pack.sha256)
        assert not rows[ai.id].made_with_other_rules("b" * 64)
        assert rows[ai.id].made_with_other_rules("d" * 64)
        assert rows[other.id].checked_sha256 is None
        assert not rows[other.id].made_with_other_rules(new_pack.sha256)  # never assessed
        actions = [e.action for e in audit.entries(session)]
        assert actions.count("assessments.checked") == 2
    with database.write() as session:  # a newer assessment with the old pack: the check is moot
        assessments.save(session, ai.id, 1, answer({"m01": "needs_info"}), "t")
    with database.read() as session:
        assert assessments.assessed_with_other_pack(session, new_pack.sha256) == [ai.id]
        [row] = [r for r in clients.roster(session, date(2026, 12, 2)) if r.client_id == ai.id]
        assert row.checked_sha256 is None and row.made_with_other_rules(new_pack.sha256)
    with database.write() as session:  # the check goes with its client
        clients.delete(session, ai.id, 1, "t")
    with database.read() as session:
        assert assessments.checks_of(session, [ai.id]) == {}


def test_clients_are_read_in_pages_and_by_ids(database: Database) -> None:
    with database.write() as session:
        ids = [clients.add(session, {"name": f"企业{n}"}, "t").id for n in range(5)]
    with database.read() as session:
        assert [c.id for c in clients.page(session, 0, 2)] == ids[:2]
        assert [c.id for c in clients.page(session, ids[1], 10)] == ids[2:]
        assert clients.page(session, ids[-1], 10) == []
        assert [c.id for c in clients.get_many(session, [ids[3], ids[0], 10_000])] == [
            ids[0],
            ids[3],
        ]
        assert clients.get_many(session, []) == []


def test_an_answer_without_its_pack_is_refused(database: Database) -> None:
    with database.write() as session:
        record = clients.add(session, AI, "t")
        broken = answer({"m01": "eligible"})
        del broken["pack"]
        with pytest.raises(ValueError, match="not an assessment answer"):
            assessments.save(session, record.id, 1, broken, "t")


def test_notes_and_follow_ups(database: Database) -> None:
    with database.write() as session:
        record = clients.add(session, AI, "t")
        notes.add(session, record.id, "came in with questions", "t", kind="visit")
        later = notes.add(session, record.id, "call back", "t", "follow_up", date(2026, 12, 1))
        soon = notes.add(session, record.id, "send list", "t", "follow_up", date(2026, 11, 27))
    with database.read() as session:
        assert [n.id for n in notes.open_follow_ups(session)] == [soon.id, later.id]
        assert [n.id for n in notes.open_follow_ups(session, date(2026, 11, 30))] == [soon.id]
    with database.write() as session:
        done = notes.complete(session, soon.id, "t")
        assert done.done_at is not None
        assert notes.complete(session, soon.id, "t").done_at == done.done_at
    with database.read() as session:
        assert [n.id for n in notes.open_follow_ups(session)] == [later.id]
        assert len(notes.of_client(session, record.id)) == 3
    with pytest.raises(ValueError, match="kind"), database.write() as session:
        notes.add(session, record.id, "x", "t", kind="gossip")
    with pytest.raises(NotFoundError), database.write() as session:
        notes.add(session, 999, "x", "t")


def test_checklist_items_are_added_once_and_ticked_off(database: Database) -> None:
    with database.write() as session:
        record = clients.add(session, AI, "t")
        items = checklist.add_missing(
            session, record.id, [("m38", "高新技术企业证书"), ("m02", "营业执照")], "t"
        )
        again = checklist.add_missing(session, record.id, [("m38", "高新技术企业证书")], "t")
    assert [(i.measure_id, i.status) for i in items] == [("m02", "needed"), ("m38", "needed")]
    assert len(again) == 2
    with database.write() as session:
        ticked = checklist.set_status(session, items[0].id, "received", "desk-2")
    assert (ticked.status, ticked.updated_by) == ("received", "desk-2")
    with pytest.raises(ValueError, match="status"), database.write() as session:
        checklist.set_status(session, items[0].id, "lost", "t")
