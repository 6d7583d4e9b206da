"""Putting another rule pack in use from Settings: the open client's results, their chapters and
the window's title follow at once, without a restart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.ui.context import AppContext
from app.ui.main_window import MainWindow
from app.ui.results.view import ResultsView
from app.ui.settings.packs_page import PacksPage
from rules.pack_file import build_pack_file
from tests.conftest import AI_STARTUP
from tests.rules.test_pack_file import copy_pack
from tests.ui.test_results import fill, group_titles, measure_rows

OLD_TITLE = "Whole-chain innovation and world-class clusters in the FTZ's key industries"
NEW_TITLE = "Whole-chain innovation in the key industries (as revised)"
OLD_CHAPTER = "Developing high-end industries and clusters of strategic emerging and high-tech"
NEW_CHAPTER = "High-end industries (chapter renamed)"


@pytest.fixture
def renamed_pack_file(tmp_path: Path) -> Path:
    """hubei-ftz-2021 0.4.1: the built-in pack with m01 and chapter 1 given new English titles."""
    folder = copy_pack(tmp_path / "src", "0.4.1")
    for name, old, new in (
        ("measures/m01.yaml", OLD_TITLE, NEW_TITLE),
        ("pack.yaml", OLD_CHAPTER, NEW_CHAPTER),
    ):
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    path = tmp_path / "renamed.pcpack"
    build_pack_file(folder, path)
    return path


@pytest.fixture
def user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("POLICY_CHECKER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("POLICY_CHECKER_PACKS_DIR", str(tmp_path / "packs"))
    return tmp_path / "config" / "settings.json"


@pytest.fixture
def window(qapp, context: AppContext) -> Iterator[MainWindow]:
    """The main window with a walk-in's answers, closed without asking to save them."""
    shown = MainWindow(context)
    fill(shown.session, AI_STARTUP)
    yield shown
    shown.session.dirty = False
    shown.close()
    shown.deleteLater()


def switch_to(
    qtbot, page: PacksPage, pack_file: Path, monkeypatch: pytest.MonkeyPatch, wait_tasks
) -> None:
    """Install ``pack_file`` and put it in use, as an administrator does on the page."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(pack_file), ""))
    qtbot.mouseClick(page.install_button, Qt.MouseButton.LeftButton)
    wait_tasks()
    assert page.selected_ref() == "hubei-ftz-2021@0.4.1"
    qtbot.mouseClick(page.use_button, Qt.MouseButton.LeftButton)
    wait_tasks()


def test_the_results_screen_shows_the_new_pack_without_a_restart(
    qtbot, window: MainWindow, context: AppContext, user: Path, renamed_pack_file: Path,
    monkeypatch: pytest.MonkeyPatch, wait_tasks,
) -> None:  # fmt: skip
    results = ResultsView(window.session, context)
    qtbot.addWidget(results)
    results.controller.set_group_by("chapter")
    results.reload()
    assert measure_rows(results.model)["m01"]["title"] == OLD_TITLE
    assert any(OLD_CHAPTER in title for title in group_titles(results.model))
    assert "0.4.0" in window.windowTitle()
    heard: list[str] = []
    context.pack_changed.connect(lambda: heard.append(context.pack.version))

    page = PacksPage(context, user)
    qtbot.addWidget(page)
    wait_tasks()
    switch_to(qtbot, page, renamed_pack_file, monkeypatch, wait_tasks)

    assert heard == ["0.4.1"]
    assert context.service.pack.version == "0.4.1"
    assert measure_rows(results.model)["m01"]["title"] == NEW_TITLE
    titles = group_titles(results.model)
    assert any(NEW_CHAPTER in title for title in titles), titles
    assert not any(OLD_CHAPTER in title for title in titles), titles
    assert "hubei-ftz-2021 0.4.1" in window.windowTitle()
    wait_tasks()
