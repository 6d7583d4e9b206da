"""The Settings dialog's "Rule packs" page as an administrator uses it: install a pack file,
read what changed, put it in use; bad pack files refused in plain words, nothing installed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.services.clients import ClientService
from app.ui.context import AppContext
from app.ui.settings.dialog import PACKS, SettingsDialog
from app.ui.settings.packs_page import PacksPage
from rules.pack_file import build_pack_file
from rules.profile import parse_profile
from tests.app.test_rules_install import BIG_DATA, updated_pack
from tests.conftest import AI_STARTUP, AS_OF
from tests.rules.test_pack_file import BAD_PACKS


@pytest.fixture(scope="session")
def update_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """hubei-ftz-2021 0.5.0: the built-in pack with big data taken off m05's key industries."""
    work = tmp_path_factory.mktemp("update")
    path = work / "update.pcpack"
    build_pack_file(updated_pack(work / "src"), path)
    return path


@pytest.fixture
def user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's settings and packs in a temporary folder; the settings file's path."""
    monkeypatch.setenv("POLICY_CHECKER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("POLICY_CHECKER_PACKS_DIR", str(tmp_path / "packs"))
    return tmp_path / "config" / "settings.json"


@pytest.fixture
def roster(service: ClientService) -> ClientService:
    """Two clients assessed with the built-in pack: one loses m05 under the update."""
    for data in (BIG_DATA, AI_STARTUP):
        service.add_client(parse_profile(data))
    service.reassess(None, AS_OF)
    return service


@pytest.fixture
def page(
    qtbot, context: AppContext, roster: ClientService, user: Path, wait_tasks
) -> Iterator[PacksPage]:
    widget = PacksPage(context, user)
    qtbot.addWidget(widget)
    widget.show()
    wait_tasks()
    yield widget
    wait_tasks()


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))


def shown_rows(page: PacksPage) -> list[list[str]]:
    model = page.controller.model
    return [
        [model.index(row, column).data() or "" for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_the_built_in_pack_is_listed_in_use(page: PacksPage) -> None:
    rows = shown_rows(page)
    assert len(rows) == 1
    assert rows[0][:3] == ["✔", "hubei-ftz-2021", "0.4.0 (built in)"]
    assert "鄂政办发〔2021〕7号" in rows[0][3]
    assert not page.changes_box.isVisible()
    assert page.install_button.isEnabled()


def test_installing_an_update_shows_what_changed_and_who_would_change(
    qtbot, page: PacksPage, update_file: Path, context: AppContext, user: Path, wait_tasks,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    choose_file(monkeypatch, update_file)
    qtbot.mouseClick(page.install_button, Qt.MouseButton.LeftButton)
    wait_tasks()
    assert page.message.text() == (
        'hubei-ftz-2021 0.5.0 was installed. Choose "Use this pack" to assess with it.'
    )
    rows = shown_rows(page)
    assert [row[:3] for row in rows] == [
        ["✔", "hubei-ftz-2021", "0.4.0 (built in)"],
        ["", "hubei-ftz-2021", "0.5.0"],
    ]
    assert page.changes_box.isVisible()
    assert page.changes_title.text() == (
        "1 measures differ between hubei-ftz-2021 0.4.0 and hubei-ftz-2021 0.5.0:"
    )
    [line] = page.changes_model.stringList()
    assert line.startswith("m05 ")
    assert line.endswith(": the criteria of cross_border_data changed")
    assert page.impact.text() == "1 of 2 clients would see a verdict change."
    assert page.reassess_button.text().replace("&", "") == "Use it and re-assess all clients…"
    assert context.pack.version == "0.4.0"  # installed, not yet in use
    assert not user.exists()

    # the new version is selected: put it in use
    assert page.selected_ref() == "hubei-ftz-2021@0.5.0"
    assert page.use_button.isEnabled()
    qtbot.mouseClick(page.use_button, Qt.MouseButton.LeftButton)
    wait_tasks()
    assert context.pack.version == "0.5.0"
    assert context.service.pack.version == "0.5.0"
    assert json.loads(user.read_text(encoding="utf-8")) == {"rule_pack": "hubei-ftz-2021@0.5.0"}
    assert page.message.text() == "Now assessing with hubei-ftz-2021 0.5.0."
    assert [row[0] for row in shown_rows(page)] == ["", "✔"]
    assert not page.use_button.isEnabled()
    assert page.reassess_button.text().replace("&", "") == "Re-assess all clients…"

    # and back to the built-in pack, which is always there
    page.table.selectRow(0)
    qtbot.mouseClick(page.use_button, Qt.MouseButton.LeftButton)
    wait_tasks()
    assert context.pack.sha256 == context.service.pack.sha256
    assert context.pack.version == "0.4.0"
    assert json.loads(user.read_text(encoding="utf-8")) == {}
    assert page.changes_title.text() == (
        "1 measures differ between hubei-ftz-2021 0.5.0 and hubei-ftz-2021 0.4.0:"
    )


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("bad hash", "its content hash does not match"),
        ("zip slip ..", "a file outside its own folder, or a link"),
        ("symlink member", "a file outside its own folder, or a link"),
        ("YAML bomb", "(a YAML bomb)"),
        ("unknown format", "made for a newer version of Policy Checker"),
        ("not a zip", "This file is not a rule pack file"),
        ("lint failure", "The pack's rules did not pass their checks (lint: 1 problem(s)"),
    ],
)
def test_a_bad_pack_file_is_refused_in_plain_words(
    qtbot, page: PacksPage, case: str, words: str, update_file: Path, tmp_path: Path, wait_tasks,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    maker = BAD_PACKS[case][0]
    choose_file(monkeypatch, maker(update_file, tmp_path))
    qtbot.mouseClick(page.install_button, Qt.MouseButton.LeftButton)
    wait_tasks()
    assert page.message.text().startswith("✖ ")
    assert words in page.message.text()
    assert page.message.text().endswith("Nothing was installed.")
    assert len(shown_rows(page)) == 1
    assert not page.changes_box.isVisible()
    assert [p.name for p in (tmp_path / "packs").iterdir()] == []


def test_a_refusal_is_said_in_chinese(
    qtbot, chinese, page: PacksPage, tmp_path: Path, update_file: Path, wait_tasks,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    choose_file(monkeypatch, BAD_PACKS["zip slip absolute"][0](update_file, tmp_path))
    qtbot.mouseClick(page.install_button, Qt.MouseButton.LeftButton)
    wait_tasks()
    assert (
        page.message.text()
        == "✖ 规则包文件中含有指向其文件夹之外的文件或链接，为安全起见已拒绝。未安装任何内容。"
    )
    assert page.install_button.text() == "从文件安装(&I)…"


def test_the_settings_dialog_has_the_rule_packs_page(
    qtbot, context: AppContext, roster: ClientService, user: Path, wait_tasks
) -> None:
    dialog = SettingsDialog(context, settings_file=user, report_file=user.parent / "report.json")
    qtbot.addWidget(dialog)
    wait_tasks()
    assert dialog.tabs.tabText(PACKS) == "Rule packs"
    assert dialog.tabs.widget(PACKS) is dialog.packs_page
    assert dialog.packs_page.controller.model.rowCount() == 1


def test_ok_in_the_settings_dialog_keeps_the_pack_chosen(
    qtbot, context: AppContext, roster: ClientService, user: Path, update_file: Path, wait_tasks,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    dialog = SettingsDialog(context, settings_file=user, report_file=user.parent / "report.json")
    qtbot.addWidget(dialog)
    wait_tasks()
    page = dialog.packs_page
    choose_file(monkeypatch, update_file)
    page.choose_and_install()
    wait_tasks()
    page.controller.use("hubei-ftz-2021@0.5.0")
    wait_tasks()
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    dialog.accept()
    wait_tasks()
    stored = json.loads(user.read_text(encoding="utf-8"))
    assert stored == {
        "language": "zh",
        "as_of": AS_OF.isoformat(),
        "rule_pack": "hubei-ftz-2021@0.5.0",
    }
