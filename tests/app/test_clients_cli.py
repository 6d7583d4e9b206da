"""``policy-check clients`` and ``policy-check db`` as an administrator runs them: real processes,
real databases (SQLite and PostgreSQL), exit codes and one line per problem."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import AI_STARTUP
from tests.db.backends import BACKENDS, fresh_database_url

ROOT = Path(__file__).resolve().parents[2]
# policy-check as installed: ``app.cli.main`` imported, not run as ``__main__``, so that the
# InputError the command modules raise is the class main() catches.
POLICY_CHECK = [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main())"]


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with fresh_database_url(request.param, tmp_path) as url:
        yield url


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*POLICY_CHECK, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=180,
        env={**os.environ, **(env or {})},
    )


def write_csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def test_import_reports_bad_rows_and_keeps_the_good_ones(db_url: str, tmp_path: Path) -> None:
    source = write_csv(
        tmp_path / "clients.csv",
        [
            "企业名称,统一社会信用代码,从业人员,所在区域,重点产业领域",
            "光谷智算科技有限公司,91420100MA4KX8N35J,45,ftz_wuhan,artificial_intelligence",
            "坏行业,,-1,ftz_wuhan,",
            "错区域,,3,wuhan,",
            "重复,91420100MA4KX8N35J,3,,",
            "襄阳轴承,,300,ftz_xiangyang,[]",
        ],
    )
    done = run("clients", "import", str(source), "--db", db_url)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "row 3: employees: -1 is out of range (input should be greater than or equal to 0)",
        "row 4: zone: 'wuhan' is not one of the allowed values (ftz_wuhan, ftz_xiangyang, "
        "ftz_yichang, ftz_linkage, national_dev_zone, hubei_other, outside_hubei)",
        "row 5: the same company as row 2",
    ]
    assert "imported 2 new" in done.stdout and "Traceback" not in done.stderr

    listed = run("clients", "list", "--format", "json", "--db", db_url)
    assert listed.returncode == 0, listed.stderr
    clients = json.loads(listed.stdout)
    assert [c["name"] for c in clients] == ["光谷智算科技有限公司", "襄阳轴承"]
    assert clients[1] == {
        "id": clients[1]["id"],
        "name": "襄阳轴承",
        "employees": 300,
        "zone": "ftz_xiangyang",
        "sectors": [],
    }

    again = run("clients", "import", str(source), "--db", db_url)
    assert "row 2: already in the roster as client #" in again.stderr
    assert "(--update saves the file's answers over it)" in again.stderr


def test_an_export_imports_into_another_database_unchanged(db_url: str, tmp_path: Path) -> None:
    profiles = [
        AI_STARTUP,
        {"name": "待访企业", "sectors": [], "first_profit_year": None},
        {"name": "只知名称"},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in profiles), "utf-8")
    assert run("clients", "import", str(source), "--db", db_url).returncode == 0
    for suffix in (".json", ".jsonl", ".csv", ".xlsx"):
        exported = tmp_path / f"out{suffix}"
        done = run("clients", "export", str(exported), "--db", db_url)
        assert done.returncode == 0, done.stderr
        target = f"sqlite:///{tmp_path / f'copy{suffix[1:]}.sqlite3'}"
        assert run("clients", "import", str(exported), "--db", target).returncode == 0
        listed = json.loads(run("clients", "list", "--format", "json", "--db", target).stdout)
        by_name = sorted((strip_id(c) for c in listed), key=lambda c: str(c["name"]))
        assert by_name == sorted(normalised(profiles), key=lambda c: str(c["name"]))


def strip_id(client: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in client.items() if k != "id"}


def normalised(profiles: list[dict[str, object]]) -> list[dict[str, object]]:
    from rules.profile import parse_profile

    return [parse_profile(p).to_json_dict() for p in profiles]


def test_assess_saves_and_lists_changes(db_url: str, tmp_path: Path) -> None:
    source = tmp_path / "one.json"
    source.write_text(json.dumps(AI_STARTUP, ensure_ascii=False), "utf-8")
    run("clients", "import", str(source), "--db", db_url)
    first = run("clients", "assess", "--all", "--as-of", "2026-11-26", "--db", db_url)
    assert first.returncode == 0, first.stderr
    assert "1 assessed; verdicts changed for 0" in first.stdout
    one = run(
        "clients", "assess", "光谷智算", "--as-of", "2026-11-26", "--format", "json", "--db", db_url
    )
    assert one.returncode == 0, one.stderr
    listing = json.loads(one.stdout)
    assert listing["pack"]["id"] == "hubei-ftz-2021" and listing["changed"] == []
    [assessed] = listing["assessed"]
    assert assessed["previous_assessment"] is not None and assessed["summary"]["eligible"] > 0
    missing = run("clients", "assess", "没有这家", "--db", db_url)
    assert (missing.returncode, missing.stderr) == (2, "no client matches '没有这家'\n")


def test_assess_all_after_a_pack_update_lists_who_gained_or_lost(
    db_url: str, tmp_path: Path
) -> None:
    from db.migrate import open_database
    from db.repositories import clients
    from rules.pack import DEFAULT_PACK_DIR
    from tests.app.test_clients_service import changed_pack

    new_pack = changed_pack(tmp_path)  # m38's high-tech condition inverted, in tmp_path/pack
    twin = {k: v for k, v in AI_STARTUP.items() if k != "credit_code"}
    roster = [
        AI_STARTUP,  # loses m38
        {**twin, "name": "华星芯微电子有限公司", "high_tech_enterprise": False},  # gains m38
        {"name": "长江精工有限公司", "zone": "outside_hubei"},  # unchanged
    ]
    source = tmp_path / "roster.jsonl"
    source.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in roster), "utf-8")
    assert run("clients", "import", str(source), "--db", db_url).returncode == 0
    database = open_database(db_url)
    try:  # a stored profile that today's checks refuse
        with database.write() as session:
            refused = clients.add(session, {"name": "旧数据企业", "employees": -1}, "old")
    finally:
        database.dispose()
    refusal = (
        f"client #{refused.id} 旧数据企业: stored profile refused: employees: -1 is out of range "
        "(input should be greater than or equal to 0)\n"
    )
    first = run("clients", "assess", "--all", "--as-of", "2026-11-26", "--db", db_url)
    assert (first.returncode, first.stderr) == (2, refusal)
    assert "3 assessed; verdicts changed for 0, unchanged for 0, first assessment for 3" in (
        first.stdout
    )

    impact = run(
        "rules", "diff", str(DEFAULT_PACK_DIR), str(tmp_path / "pack"), "--impact",
        "--as-of", "2026-12-01", "--format", "json", "--db", db_url,
    )  # fmt: skip
    assert (impact.returncode, impact.stderr) == (2, refusal)
    counted = json.loads(impact.stdout)["impact"]
    assert (counted["clients"], counted["changed_clients"], counted["refused"]) == (3, 2, 1)
    assert counted["measures"] == [
        {
            "measure": "m38",
            "changed": 2,
            "gained": 1,
            "lost": 1,
            "moves": [
                {"before": "eligible", "after": "needs_info", "clients": 1},
                {"before": "needs_info", "after": "eligible", "clients": 1},
            ],
        }
    ]
    table = run(
        "rules", "diff", str(DEFAULT_PACK_DIR), str(tmp_path / "pack"), "--impact", "--db", db_url
    )
    assert "2 of 3 client(s) would see a verdict change" in table.stdout
    assert "eligible→needs_info 1" in table.stdout

    updated = run(
        "clients", "assess", "--all", "--as-of", "2026-12-01", "--pack", str(tmp_path / "pack"),
        "--db", db_url,
    )  # fmt: skip
    assert (updated.returncode, updated.stderr) == (2, refusal)
    lines = updated.stdout.splitlines()
    assert lines[0].split() == ["id", "name", "gained", "lost", "other", "changes"]
    assert [line.split()[1:] for line in lines[2:4]] == [
        ["光谷智算科技有限公司", "m38"],
        ["华星芯微电子有限公司", "m38"],
    ]
    assert lines[2].index("m38") > lines[3].index("m38")  # lost, then gained
    assert "3 assessed; verdicts changed for 2, unchanged for 1, first assessment for 0" in (
        updated.stdout
    )
    assert f"2 new assessment(s) saved with hubei-ftz-2021 {new_pack.version}" in updated.stdout

    again = run(
        "clients", "assess", "--all", "--as-of", "2026-12-01", "--pack", str(tmp_path / "pack"),
        "--format", "json", "--db", db_url,
    )  # fmt: skip
    listing = json.loads(again.stdout)
    assert listing["pack"]["sha256"] == new_pack.sha256
    assert listing["counts"] == {
        "assessed": 3,
        "changed": 0,
        "unchanged": 3,
        "first": 0,
        "saved": 0,
        "refused": 1,
    }
    assert (listing["assessed"], listing["changed"]) == ([], [])
    misused = run("rules", "diff", str(DEFAULT_PACK_DIR), str(DEFAULT_PACK_DIR), "--db", db_url)
    assert (misused.returncode, misused.stderr) == (
        2,
        "--db and --as-of are used with --impact only\n",
    )


def test_backup_check_and_restore(db_url: str, tmp_path: Path) -> None:
    source = tmp_path / "one.json"
    source.write_text(json.dumps(AI_STARTUP, ensure_ascii=False), "utf-8")
    run("clients", "import", str(source), "--db", db_url)
    upgraded = run("db", "upgrade", "--db", db_url)
    assert upgraded.returncode == 0 and "schema is up to date" in upgraded.stdout
    checked = run("db", "check", "--db", db_url)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.splitlines()[-1] == "ok"
    backup = tmp_path / "roster.pcbackup.gz"
    done = run("db", "backup", str(backup), "--db", db_url)
    assert done.returncode == 0, done.stderr
    assert backup.is_file() and "clients 1" in done.stdout

    target = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    restored = run("db", "restore", str(backup), "--db", target)
    assert restored.returncode == 0, restored.stderr
    listed = json.loads(run("clients", "list", "--format", "json", "--db", target).stdout)
    assert [strip_id(c) for c in listed] == normalised([AI_STARTUP])
    refused = run("db", "restore", str(backup), "--db", target)
    assert refused.returncode == 2 and "already holds" in refused.stderr
    assert run("db", "restore", str(backup), "--replace", "--db", target).returncode == 0


def test_the_database_comes_from_the_environment_or_the_data_folder(tmp_path: Path) -> None:
    env_db = tmp_path / "from-env.sqlite3"
    done = run("db", "upgrade", env={"POLICY_CHECKER_DB_URL": f"sqlite:///{env_db}"})
    assert done.returncode == 0, done.stderr
    assert env_db.is_file()
    data_home = tmp_path / "data"
    env = {"POLICY_CHECKER_DB_URL": "", "XDG_DATA_HOME": str(data_home)}
    done = run("clients", "list", env=env)
    assert done.returncode == 0, done.stderr
    assert (data_home / "policy-checker" / "policy-checker.sqlite3").is_file()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["clients", "list", "--db", "nonsense"], "'nonsense' is not a database URL"),
        (["db", "check", "--db", "oracle://x/y"], "oracle: not supported"),
        (["clients", "import", "missing.csv"], "file: no such file"),
        (["clients", "export", "out.pdf"], "unknown format '.pdf'"),
        (["clients", "list", "--zone", "wuhan"], "--zone: 'wuhan' is not one of"),
        (["clients", "assess", "--all", "--as-of", "26/11/2026"], "--as-of: '26/11/2026'"),
        (["db", "restore", "missing.gz"], "FILE: no such file"),
        (["db", "backup", "no-such-folder/b.gz"], "FILE: no such folder: no-such-folder"),
        (["clients", "list", "--limit", "0"], "--limit: 0: must be 1 or more"),
    ],
)
def test_refusals_are_one_line_and_exit_2(tmp_path: Path, args: list[str], says: str) -> None:
    env = {"POLICY_CHECKER_DB_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    done = subprocess.run(
        [*POLICY_CHECK, *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=180,
        env={**os.environ, **env, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 2, done.stderr
    assert says in done.stderr and len(done.stderr.splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_assess_all_draws_its_progress_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    from app.cli import build_parser

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    db_url = f"sqlite:///{tmp_path / 'roster.db'}"
    source = write_csv(
        tmp_path / "roster.csv",
        ["name,zone,employees", *(f"企业{i},ftz_wuhan,{i}" for i in range(40))],
    )
    assert run("clients", "import", str(source), "--db", db_url).returncode == 0
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    parsed = build_parser().parse_args(
        ["clients", "assess", "--all", "--as-of", "2026-11-26", "--db", db_url]
    )
    assert parsed.handler(parsed) == 0
    assert "40/40 clients 100%" in screen.getvalue()
    assert screen.getvalue().endswith("\r")  # the line is cleared before the report
    assert "40 assessed" in capsys.readouterr().out
