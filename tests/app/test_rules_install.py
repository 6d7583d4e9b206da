"""``policy-check rules pack|install|installed|use`` as an administrator runs them: real
processes, a real roster, pack files good and bad, the user's folders in a temporary place."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.services.clients import ClientService
from rules.pack import DEFAULT_PACK_DIR, load_pack
from tests.conftest import AI_STARTUP
from tests.rules.test_pack_file import BAD_PACKS, copy_pack

ROOT = Path(__file__).resolve().parents[2]
POLICY_CHECK = [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main())"]
# A Wuhan big-data firm sending data abroad: m05 applies while its list of key industries
# names big data, and no longer once the updated pack drops it.
BIG_DATA = {
    "name": "武汉数联科技有限公司",
    "zone": "ftz_wuhan",
    "sectors": ["big_data"],
    "activities": ["cross_border_data_transfer"],
}


@pytest.fixture
def user(tmp_path: Path) -> dict[str, str]:
    """The user's settings, packs and roster, in a temporary folder."""
    return {
        "POLICY_CHECKER_CONFIG_DIR": str(tmp_path / "config"),
        "POLICY_CHECKER_PACKS_DIR": str(tmp_path / "packs"),
        "POLICY_CHECKER_DB_URL": f"sqlite:///{tmp_path / 'roster.sqlite3'}",
    }


def run(user: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*POLICY_CHECK, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env={**os.environ, **user},
    )


def updated_pack(folder: Path, version: str = "0.5.0", change_m05: bool = True) -> Path:
    """The built-in pack with its version bumped and, when ``change_m05``, big data taken off
    m05's key industries."""
    copy_pack(folder, version)
    if change_m05:
        measure = folder / "measures" / "m05.yaml"
        text = measure.read_text(encoding="utf-8")
        assert "software, big_data, cloud_computing" in text
        measure.write_text(
            text.replace("software, big_data, cloud_computing", "software, cloud_computing")
        )
    return folder


def installed_folders(user: dict[str, str]) -> list[str]:
    packs = Path(user["POLICY_CHECKER_PACKS_DIR"])
    return sorted(p.name for p in packs.iterdir()) if packs.exists() else []


def test_a_good_pack_is_built_installed_listed_and_chosen(
    user: dict[str, str], tmp_path: Path
) -> None:
    folder = updated_pack(tmp_path / "src", "0.4.1", change_m05=False)
    built = run(user, "rules", "pack", str(folder), "-o", str(tmp_path))
    assert built.returncode == 0, built.stderr
    pack_file = tmp_path / "hubei-ftz-2021-0.4.1.pcpack"
    assert built.stdout.startswith(f"wrote {pack_file}: hubei-ftz-2021@0.4.1")

    installed = run(user, "rules", "install", str(pack_file), "--no-impact")
    assert installed.returncode == 0, installed.stderr
    assert installed.stdout.splitlines()[0].startswith("installed hubei-ftz-2021@0.4.1")
    assert "changes from hubei-ftz-2021@0.4.0:" in installed.stdout
    assert "0 measure(s) differ" in installed.stdout
    assert "policy-check rules use hubei-ftz-2021@0.4.1 && policy-check clients assess --all" in (
        installed.stdout
    )
    assert installed_folders(user) == ["hubei-ftz-2021-0.4.1"]

    listing = json.loads(run(user, "rules", "installed", "--format", "json").stdout)
    assert [(p["version"], p["builtin"], p["active"]) for p in listing] == [
        ("0.4.0", True, True),
        ("0.4.1", False, False),
    ]
    chosen = run(user, "rules", "use", "hubei-ftz-2021@0.4.1")
    assert (chosen.returncode, chosen.stdout) == (0, "in use now: hubei-ftz-2021@0.4.1\n")
    settings = json.loads((Path(user["POLICY_CHECKER_CONFIG_DIR"]) / "settings.json").read_text())
    assert settings == {"rule_pack": "hubei-ftz-2021@0.4.1"}
    table = run(user, "rules", "installed").stdout.splitlines()
    assert table[2].split()[:2] == ["hubei-ftz-2021", "0.4.0"]
    assert table[3].split()[:3] == ["*", "hubei-ftz-2021", "0.4.1"]

    # what every command assesses with now, and what an assessment keeps
    assert "hubei-ftz-2021 0.4.1" in run(user, "rules", "list").stdout
    client = tmp_path / "client.json"
    client.write_text(json.dumps(AI_STARTUP, ensure_ascii=False), encoding="utf-8")
    assert run(user, "clients", "import", str(client)).returncode == 0
    assessed = run(user, "clients", "assess", "--all", "--format", "json")
    new_sha = load_pack(folder).sha256
    assert json.loads(assessed.stdout)["pack"] == {
        "id": "hubei-ftz-2021",
        "version": "0.4.1",
        "sha256": new_sha,
    }
    service = ClientService.open(user["POLICY_CHECKER_DB_URL"])
    try:
        summary = service.assessments(service.find(AI_STARTUP["name"]).id)[0]  # newest first
        stored = service.assessment(summary.id)
    finally:
        service.close()
    assert (summary.pack.id, summary.pack.version, summary.pack.sha256) == (
        "hubei-ftz-2021",
        "0.4.1",
        new_sha,
    )
    assert stored.answer["pack"]["sha256"] == new_sha

    # the built-in pack is always there to go back to; installing again changes nothing
    assert run(user, "rules", "use", "hubei-ftz-2021@0.4.0").returncode == 0
    assert "rule_pack" not in json.loads(
        (Path(user["POLICY_CHECKER_CONFIG_DIR"]) / "settings.json").read_text()
    )
    again = run(user, "rules", "install", str(pack_file), "--no-impact")
    assert again.stdout.splitlines()[0] == (
        f"hubei-ftz-2021@0.4.1 ({new_sha[:12]}) is already installed; nothing changed"
    )
    unknown = run(user, "rules", "use", "shanghai-ftz")
    assert unknown.returncode == 2
    assert unknown.stderr.startswith("pack not chosen: no installed rule pack 'shanghai-ftz'")


def test_an_updated_pack_shows_its_diff_and_who_gains_or_loses(
    user: dict[str, str], tmp_path: Path
) -> None:
    clients = tmp_path / "clients.json"
    clients.write_text(json.dumps([BIG_DATA, AI_STARTUP], ensure_ascii=False), encoding="utf-8")
    assert run(user, "clients", "import", str(clients)).returncode == 0
    first = run(user, "clients", "assess", "--all", "--as-of", "2026-11-26")
    assert "2 new assessment(s) saved with hubei-ftz-2021 0.4.0" in first.stdout
    pack_file = tmp_path / "update.pcpack"
    assert (
        run(
            user, "rules", "pack", str(updated_pack(tmp_path / "src")), "-o", str(pack_file)
        ).returncode
        == 0
    )

    installed = run(user, "rules", "install", str(pack_file), "--as-of", "2026-11-26", "--reassess")
    assert installed.returncode == 0, installed.stderr
    out = installed.stdout
    assert (
        "changes from hubei-ftz-2021@0.4.0:\nm05 changed: criteria of cross_border_data changed\n"
        in out
    )
    assert "1 measure(s) differ" in out
    assert "1 of 2 client(s) would see a verdict change" in out
    assert "eligible→not_eligible 1" in out
    assert "in use now: hubei-ftz-2021@0.5.0" in out
    reassessed = out.split("re-assessing the roster:\n", 1)[1].splitlines()
    assert reassessed[0].split() == ["id", "name", "gained", "lost", "other", "changes"]
    assert reassessed[2].split()[1:] == [BIG_DATA["name"], "m05"]
    assert "verdicts changed for 1, unchanged for 1" in out
    assert "1 new assessment(s) saved with hubei-ftz-2021 0.5.0" in out

    service = ClientService.open(user["POLICY_CHECKER_DB_URL"])
    try:
        latest = service.assessments(service.find(BIG_DATA["name"]).id)[0]
        record = service.assessment(latest.id)
    finally:
        service.close()
    assert latest.pack.version == "0.5.0"
    assert record.verdicts["m05"] == "not_eligible"


@pytest.mark.parametrize("case", list(BAD_PACKS))
def test_a_bad_pack_is_refused_whole_in_one_line(
    case: str, user: dict[str, str], tmp_path: Path
) -> None:
    maker, _kind, words = BAD_PACKS[case]
    good = tmp_path / "good.pcpack"
    if case in ("bad hash", "zip bomb"):  # these spoil a well-made file
        assert run(user, "rules", "pack", str(DEFAULT_PACK_DIR), "-o", str(good)).returncode == 0
    bad = maker(good, tmp_path)
    refused = run(user, "rules", "install", str(bad))
    assert refused.returncode == 2
    assert refused.stdout == ""
    lines = refused.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("pack refused: ")
    assert words in lines[0]
    assert installed_folders(user) == []  # not even the folder it was unpacked in
    assert not (Path(user["POLICY_CHECKER_CONFIG_DIR"]) / "settings.json").exists()
