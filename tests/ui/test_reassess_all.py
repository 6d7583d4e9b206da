"""Re-assessing the whole roster from the window: after a pack update, in the background with
progress, then the clients who gained or lost which measures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.services.clients import ClientService
from app.ui.context import AppContext
from app.ui.main_window import MainWindow
from app.ui.settings.packs_page import PacksPage
from app.ui.settings.reassess_dialog import ReassessDialog
from tests.app.test_rules_install import BIG_DATA
from tests.conftest import AS_OF
from tests.ui.test_main_window import close_for_good
from tests.ui.test_packs_page import roster, update_file, user

__all__ = ["roster", "update_file", "user"]


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[ReassessDialog]:
    """Re-assess dialogs shown without blocking, to be driven by the test."""
    dialogs: list[ReassessDialog] = []

    def show(dialog: ReassessDialog) -> int:
        dialogs.append(dialog)
        dialog.show()
        return 0

    monkeypatch.setattr(ReassessDialog, "exec", show)
    return dialogs


@pytest.fixture
def window(qtbot, context: AppContext, roster: ClientService) -> Iterator[MainWindow]:
    main = MainWindow(context)
    main.show()
    qtbot.waitExposed(main)
    yield main
    close_for_good(main)


def table_rows(dialog: ReassessDialog) -> list[list[str]]:
    model = dialog.controller.model
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_the_roster_menu_re_assesses_every_client(
    qtbot, window: MainWindow, opened: list[ReassessDialog], wait_tasks
) -> None:
    action = window.act_reassess
    assert action in window.file_menu.actions()
    assert action.text() == "Re-assess all clients…"
    action.trigger()
    [dialog] = opened
    assert "rule pack in use, hubei-ftz-2021 0.4.0, as of 2026-11-26" in dialog.intro.text()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    wait_tasks()
    assert dialog.summary.text() == (
        "2 clients checked: verdicts changed for 0, 0 assessed for the first time, 2 unchanged."
    )
    assert table_rows(dialog) == []
    assert not dialog.start_button.isEnabled()
    assert dialog.close_button.isEnabled()
    dialog.close()


def test_after_an_update_the_clients_who_lost_a_measure_are_listed(
    qtbot, context: AppContext, window: MainWindow, update_file: Path, user: Path,
    opened: list[ReassessDialog], wait_tasks, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    page = PacksPage(context, user)
    qtbot.addWidget(page)
    wait_tasks()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(update_file), ""))
    qtbot.mouseClick(page.install_button, Qt.MouseButton.LeftButton)
    wait_tasks()
    assert page.impact.text() == "1 of 2 clients would see a verdict change."

    # "Use it and re-assess all clients…": the pack is put in use, then the dialog opens
    qtbot.mouseClick(page.reassess_button, Qt.MouseButton.LeftButton)
    wait_tasks()
    assert context.pack.version == "0.5.0"
    assert "0.5.0" in window.windowTitle()
    [dialog] = opened
    assert "hubei-ftz-2021 0.5.0" in dialog.intro.text()
    progress: list[tuple[int, int]] = []
    dialog.controller.progress.connect(lambda done, total: progress.append((done, total)))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert not dialog.close_button.isEnabled()  # running: it cannot be closed half-way
    wait_tasks()
    assert progress[0] == (0, 2) and progress[-1] == (2, 2)
    assert dialog.summary.text() == (
        "2 clients checked: verdicts changed for 1, 0 assessed for the first time, 1 unchanged."
    )
    title = context.pack.by_id["m05"].title.en
    assert table_rows(dialog) == [[BIG_DATA["name"], "", f"m05 {title}"]]

    service = context.service
    latest = service.assessments(service.find(BIG_DATA["name"]).id)[0]  # newest first
    assert (latest.pack.version, latest.pack.sha256) == ("0.5.0", context.pack.sha256)
    assert service.assessment(latest.id).verdicts["m05"] == "not_eligible"
    assert latest.as_of == AS_OF
    dialog.close()
