"""The roster's use cases on a real database (SQLite and PostgreSQL): save, assess, re-assess."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.services.clients import AmbiguousClientError, ClientService
from db.errors import ConcurrentEditError, DuplicateClientError, NotFoundError
from db.migrate import open_database
from rules.pack import DEFAULT_PACK_DIR, Pack, load_pack
from rules.profile import Profile, parse_profile
from tests.conftest import AI_STARTUP
from tests.db.backends import BACKENDS, fresh_database_url

AS_OF = date(2026, 11, 26)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with fresh_database_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def service(db_url: str) -> Iterator[ClientService]:
    roster = ClientService(open_database(db_url), load_pack(), actor="desk-1")
    yield roster
    roster.close()


def profile(**changes: object) -> Profile:
    """The AI start-up with ``changes``; a change to None leaves the key out (unknown)."""
    data = {**AI_STARTUP, **changes}
    return parse_profile({k: v for k, v in data.items() if v is not None})


def changed_pack(tmp_path: Path) -> Pack:
    """The bundled pack with m38's high-tech condition inverted and a new version."""
    folder = tmp_path / "pack"
    shutil.copytree(DEFAULT_PACK_DIR, folder)
    m38 = folder / "measures" / "m38.yaml"
    hte = re.compile(r"(field: high_tech_enterprise\n\s+op: eq\n\s+value:) true")
    text, count = hte.subn(r"\1 false", m38.read_text("utf-8"))
    assert count
    m38.write_text(text, "utf-8")
    manifest = folder / "pack.yaml"
    manifest.write_text(manifest.read_text("utf-8").replace("version: ", "version: 9", 1), "utf-8")
    return load_pack(folder)


def test_a_saved_profile_reads_back_with_unknowns_kept(service: ClientService) -> None:
    data = {"name": "待访企业", "sectors": [], "first_profit_year": None}
    saved = service.add_client(parse_profile(data))
    again = service.profile_of(service.client(saved.id))
    assert again.to_json_dict() == data
    assert "employees" not in again.model_fields_set


def test_duplicates_are_refused_by_credit_code_and_by_name(service: ClientService) -> None:
    first = service.add_client(profile())
    with pytest.raises(DuplicateClientError, match="same credit code") as same_code:
        service.add_client(
            parse_profile({"name": "别名", "credit_code": AI_STARTUP["credit_code"]})
        )
    assert same_code.value.existing_ids == [first.id]
    with pytest.raises(DuplicateClientError, match="same name once normalised"):
        service.add_client(parse_profile({"name": "光谷智算科技"}))
    # the user confirms a namesake without a credit code is another company
    namesake = service.add_client(parse_profile({"name": "光谷智算科技"}), allow_same_name=True)
    assert service.duplicates(parse_profile({"name": "光谷 智算科技 有限公司"})) == [
        service.client(first.id),
        service.client(namesake.id),
    ]
    # the same name with another credit code is another company, but a namesake without a
    # code may still be it
    other = parse_profile({"name": AI_STARTUP["name"], "credit_code": "91420100MA49JH4B6R"})
    assert service.duplicates(other) == [service.client(namesake.id)]


def test_edits_keep_history_and_a_stale_edit_is_refused(db_url: str) -> None:
    desk_1 = ClientService(open_database(db_url), load_pack(), actor="desk-1")
    desk_2 = ClientService(open_database(db_url), load_pack(), actor="desk-2")
    try:
        saved = desk_1.add_client(profile())
        opened = desk_2.client(saved.id)
        desk_1.update_client(saved.id, profile(employees=60), saved.version)
        with pytest.raises(ConcurrentEditError, match="changed by desk-1"):
            desk_2.update_client(saved.id, profile(employees=70), opened.version)
        history = desk_2.history(saved.id)
        assert [(r.version, r.changed_by) for r in history] == [(1, "desk-1"), (2, "desk-1")]
        assert desk_2.client(saved.id).profile["employees"] == 60
        taken = desk_1.add_client(
            parse_profile({"name": "其他企业", "credit_code": "91420100MA49JH4B6R"})
        )
        with pytest.raises(DuplicateClientError):
            desk_1.update_client(taken.id, profile(name="其他企业"), taken.version)
    finally:
        desk_1.close()
        desk_2.close()


def test_an_assessment_is_frozen_even_after_the_pack_changes(
    service: ClientService, db_url: str, tmp_path: Path
) -> None:
    client = service.add_client(profile())
    first = service.assess_client(client.id, AS_OF)
    assert first.previous is None and first.diff is None
    stored = service.assessment(first.saved.id)
    assert stored.answer["pack"] == load_pack().reference()
    assert stored.summary.pack.sha256 == load_pack().sha256
    assert stored.verdicts["m38"] == "eligible"
    before = stored.answer

    updated = ClientService(open_database(db_url), changed_pack(tmp_path), actor="desk-2")
    try:
        assert updated.stale_clients() == [client.id]
        report = updated.reassess(as_of=AS_OF)
        assert [o.client.id for o in report.changed] == [client.id]
        diff = report.changed[0].diff
        assert diff is not None and diff.lost == ["m38"] and diff.gained == []
        assert diff.describe() == "-m38"
        assert updated.stale_clients() == []
        # the old assessment reads exactly as it was made
        again = updated.assessment(first.saved.id)
        assert again.answer == before and again.verdicts["m38"] == "eligible"
        assert again.summary.pack.version == load_pack().version
        newest = updated.assessments(client.id)
        assert [a.id for a in newest] == [report.outcomes[0].saved.id, first.saved.id]
        assert updated.compare(first.saved.id, newest[0].id).lost == ["m38"]
    finally:
        updated.close()


def test_reassessing_without_changes_lists_nobody_and_saves_nothing(
    service: ClientService,
) -> None:
    ids = [service.add_client(profile(name=f"企业{n}", credit_code=None)).id for n in range(3)]
    first = service.reassess(as_of=AS_OF)
    assert sorted(o.client.id for o in first.first) == ids
    report = service.reassess(as_of=AS_OF)
    assert (report.outcomes, report.failed, sorted(report.unchanged)) == ([], [], ids)
    assert all(len(service.assessments(i)) == 1 for i in ids)
    # one client, asked for by name, still gets its full answer saved
    again = service.assess_clients([ids[0]], AS_OF)
    assert [o.client.id for o in again.outcomes] == [ids[0]] and again.changed == []
    assert len(service.assessments(ids[0])) == 2


def test_finding_a_client_by_id_code_or_name(service: ClientService) -> None:
    ai = service.add_client(profile())
    service.add_client(parse_profile({"name": "光谷光电"}))
    assert service.find(str(ai.id)).id == ai.id
    assert service.find(AI_STARTUP["credit_code"]).id == ai.id
    assert service.find("光谷智算科技").id == ai.id
    with pytest.raises(AmbiguousClientError, match="matches 2 clients"):
        service.find("光谷")
    with pytest.raises(NotFoundError, match="no client matches"):
        service.find("不存在")


def test_search_lists_each_client_with_its_latest_assessment(service: ClientService) -> None:
    ai = service.add_client(profile())
    service.add_client(parse_profile({"name": "襄阳轴承", "zone": "ftz_xiangyang"}))
    saved = service.assess_client(ai.id, AS_OF)
    rows = service.search("光谷")
    assert [(r.client.id, r.latest) for r in rows] == [(ai.id, saved.saved)]
    assert [r.client.name for r in service.search(zone="ftz_xiangyang")] == ["襄阳轴承"]
    assert service.search(zone="ftz_xiangyang")[0].latest is None
    assert service.count() == 2


def test_notes_follow_ups_and_the_document_checklist(service: ClientService) -> None:
    ai = service.add_client(profile())
    service.add_note(ai.id, "首次来访", kind="visit")
    follow_up = service.add_note(ai.id, "补充研发费用数据", "follow_up", date(2026, 12, 3))
    assert [n.id for n in service.open_follow_ups()] == [follow_up.id]
    service.complete_follow_up(follow_up.id)
    assert service.open_follow_ups() == []
    assert [n.kind for n in service.notes(ai.id)] == ["follow_up", "visit"]

    assessed = service.assess_client(ai.id, AS_OF)
    items = service.extend_checklist(assessed.saved.id)
    answer = service.assessment(assessed.saved.id).answer
    expected = {
        (r["measure"], d)
        for r in answer["results"]
        if r["verdict"] == "eligible"
        for d in r.get("documents", [])
    }
    assert {(i.measure_id, i.document) for i in items} == expected and expected
    received = service.set_checklist_status(items[0].id, "received")
    assert received.status == "received"
    assert service.extend_checklist(assessed.saved.id)[0].status == "received"  # kept
    actions = [e.action for e in service.audit_trail(ai.id)]
    assert {"client.created", "visit.added", "follow_up.done", "assessment.created"} <= set(actions)


def test_deleting_a_client_is_refused_when_it_changed_meanwhile(service: ClientService) -> None:
    ai = service.add_client(profile())
    service.update_client(ai.id, profile(employees=1), ai.version)
    with pytest.raises(ConcurrentEditError):
        service.delete_client(ai.id, ai.version)
    service.delete_client(ai.id, ai.version + 1)
    with pytest.raises(NotFoundError):
        service.client(ai.id)


@pytest.mark.parametrize("suffix", [".json", ".jsonl", ".csv", ".xlsx"])
def test_export_then_import_into_a_new_database_loses_nothing(
    service: ClientService, tmp_path: Path, suffix: str
) -> None:
    originals = [
        profile(),
        parse_profile({"name": "待访企业", "sectors": [], "first_profit_year": None}),
        parse_profile({"name": "只知名称"}),
    ]
    for one in originals:
        service.add_client(one)
    path = tmp_path / f"roster{suffix}"
    assert service.export_file(path) == 3
    copy = ClientService(open_database(f"sqlite:///{tmp_path / 'copy.sqlite3'}"), load_pack())
    try:
        report = copy.import_file(path)
        assert (len(report.added), report.refused) == (3, [])
        imported = {c.client.name: c.client.profile for c in copy.search(limit=None)}
        assert imported == {p.name: p.to_json_dict() for p in originals}
        assert [r.change for r in copy.history(report.added[0])] == ["imported"]
    finally:
        copy.close()


def test_import_with_update_saves_answers_over_known_clients(
    service: ClientService, tmp_path: Path
) -> None:
    known = service.add_client(profile())
    path = tmp_path / "update.jsonl"
    rows = [
        {**AI_STARTUP, "employees": 50},  # known by its credit code
        {"name": "新企业"},
        {"name": "光谷智算科技有限公司", "city": "wuhan"},  # known by name; adds one answer
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    first = service.import_file(path)
    assert [service.client(i).name for i in first.added] == ["新企业"]
    assert [line.split(":")[0] for line in first.refused] == ["line 1", "line 3"]
    assert "--update" in first.refused[0]

    second = service.import_file(path, update=True)
    assert second.updated == [known.id, known.id]
    assert (second.unchanged, second.refused, second.added) == (1, [], [])
    stored = service.client(known.id).profile
    assert stored == {**profile().to_json_dict(), "employees": 50, "city": "wuhan"}
    assert [r.change for r in service.history(known.id)] == ["created", "imported", "imported"]


def _names_csv(path: Path, names: list[str]) -> Path:
    path.write_text("name\n" + "".join(f"{n}\n" for n in names), "utf-8")
    return path


def test_a_row_the_database_refuses_is_reported_and_the_others_go_in(
    service: ClientService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import clients as service_module
    from db.errors import StorageError

    real_add = service_module.clients.add

    def add(session: object, data: dict[str, object], *args: object, **kwargs: object) -> object:
        if data["name"] == "数据库拒收":
            raise StorageError("roster.db: value too long for this column")
        return real_add(session, data, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(service_module.clients, "add", add)
    path = _names_csv(tmp_path / "in.csv", ["甲公司", "数据库拒收", "乙公司"])
    report = service.import_file(path)
    assert [service.client(i).name for i in report.added] == ["甲公司", "乙公司"]
    assert report.refused == [
        "row 3: the database refused this row: roster.db: value too long for this column"
    ]
    assert sorted(c.client.name for c in service.search(limit=None)) == ["乙公司", "甲公司"]


def test_a_database_that_refuses_every_row_stops_the_import_keeping_what_was_saved(
    service: ClientService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import clients as service_module
    from db.errors import StorageError

    real_add = service_module.clients.add
    saved: list[str] = []

    def add(session: object, data: dict[str, object], *args: object, **kwargs: object) -> object:
        if len(saved) >= 2:
            raise StorageError("roster.db: the disk is full: nothing was saved")
        saved.append(str(data["name"]))
        return real_add(session, data, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(service_module.clients, "add", add)
    monkeypatch.setattr(service_module, "IMPORT_CHUNK", 2)
    path = _names_csv(tmp_path / "in.csv", [f"企业{i}" for i in range(6)])
    with pytest.raises(StorageError, match="disk is full"):
        service.import_file(path)
    assert sorted(c.client.name for c in service.search(limit=None)) == ["企业0", "企业1"]


def test_a_csv_cell_too_long_to_read_stops_the_file_there_keeping_the_rows_before(
    service: ClientService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import text_files

    monkeypatch.setattr(text_files, "CSV_FIELD_LIMIT", 1000)
    path = _names_csv(tmp_path / "in.csv", ["甲公司", "乙公司", "x" * 2000, "丙公司"])
    report = service.import_file(path)
    assert [service.client(i).name for i in report.added] == ["甲公司", "乙公司"]
    assert report.refused == [
        "row 4: field larger than field limit (1000); this row and the rows after it were not read"
    ]


def test_a_cell_longer_than_pythons_csv_limit_is_a_refused_row_not_a_lost_file(
    service: ClientService, tmp_path: Path
) -> None:
    path = _names_csv(tmp_path / "in.csv", ["甲公司", "y" * 200_000, "乙公司"])
    report = service.import_file(path)
    assert [service.client(i).name for i in report.added] == ["甲公司", "乙公司"]
    [refusal] = report.refused
    assert refusal.startswith("row 3: name:") and len(refusal) < 200
