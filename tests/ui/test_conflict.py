"""A save refused because another desk saved the client first: compare, then choose; nothing is
lost. Two desks are two ClientService objects on the same SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from app.services.clients import ClientService
from app.ui.history.conflict import (
    ConflictChoice,
    SaveConflictDialog,
    apply_conflict_choice,
    resolve_save_conflict,
)
from app.ui.history.controller import profile_changes
from app.ui.session import ClientSession
from db.errors import ConcurrentEditError
from db.records import ClientRecord
from rules.pack import Pack
from rules.profile import parse_profile
from tests.conftest import AI_STARTUP


@pytest.fixture
def desk_2(tmp_path: Path, pack: Pack, service: ClientService) -> Iterator[ClientService]:
    """Another desk on the roster the ``service`` fixture (desk 1) opened."""
    other = ClientService.open(f"sqlite:///{tmp_path / 'roster.db'}", pack=pack, actor="desk-2")
    yield other
    other.close()


@pytest.fixture
def conflict(session: ClientSession, service: ClientService, desk_2: ClientService) -> ClientRecord:
    """Desk 1 opens the client and edits; desk 2 saves the same client first. Returns the
    client as desk 2 saved it."""
    record = service.add_client(parse_profile(AI_STARTUP))
    session.open(record)
    session.set_answer("employees", 80)
    session.forget("high_tech_enterprise")
    theirs = desk_2.update_client(
        record.id, parse_profile({**AI_STARTUP, "city": "wuhan"}), record.version
    )
    assert theirs.version == record.version + 1
    return theirs


def _button(dialog: SaveConflictDialog, name: str) -> QPushButton:
    button = dialog.findChild(QPushButton, name)
    assert button is not None, name
    return button


def test_desk_1_is_refused_and_the_rows_show_both_answers(
    session: ClientSession, service: ClientService, conflict: ClientRecord
) -> None:
    assert session.record is not None
    with pytest.raises(ConcurrentEditError):
        service.update_client(
            session.record.id, parse_profile(session.answers), session.record.version
        )
    theirs = service.client(session.record.id)
    assert theirs.updated_by == "desk-2"
    changes = profile_changes(session.answers, theirs.profile, "en")
    rows = {c.key: (c.before, c.after) for c in changes}
    assert rows == {
        "city": ("not answered", "Wuhan"),
        "employees": ("80 people", "45 people"),
        "high_tech_enterprise": ("not answered", "yes"),
    }


def test_the_dialog_shows_who_saved_and_both_values(
    qtbot, session: ClientSession, context, conflict: ClientRecord
) -> None:
    dialog = SaveConflictDialog(session.answers, conflict, context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "desk-2" in dialog.heading.text()
    model = dialog.model
    assert model.headerData(1, Qt.Orientation.Horizontal) == "My answer"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Saved by desk-2"
    shown = {
        model.index(r, 0).data(): (model.index(r, 1).data(), model.index(r, 2).data())
        for r in range(model.rowCount())
    }
    assert shown["Number of employees"] == ("80 people", "45 people")
    assert shown["Which city (prefecture)?"] == ("not answered", "Wuhan")
    assert dialog.choice is ConflictChoice.CANCEL


def test_keep_mine_saves_my_answers_over_the_new_version(
    qtbot, session: ClientSession, context, service, conflict: ClientRecord, wait_tasks
) -> None:
    dialog = SaveConflictDialog(session.answers, conflict, context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(_button(dialog, "keepMine"), Qt.MouseButton.LeftButton)
    assert dialog.choice is ConflictChoice.KEEP_MINE
    assert apply_conflict_choice(session, dialog.choice, conflict)
    saved: list[ClientRecord] = []
    session.save(on_done=saved.append)
    wait_tasks()
    assert saved and saved[0].version == conflict.version + 1
    stored = service.client(conflict.id)
    assert stored.profile["employees"] == 80
    assert "high_tech_enterprise" not in stored.profile
    assert not session.dirty
    # theirs is not lost: it stays in the client's history
    assert any(r.changed_by == "desk-2" for r in service.history(conflict.id))


def test_take_theirs_reloads_and_cancel_keeps_my_edits(
    qtbot, session: ClientSession, context, conflict: ClientRecord
) -> None:
    mine = dict(session.answers)
    dialog = SaveConflictDialog(session.answers, conflict, context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.choice is ConflictChoice.CANCEL
    assert not apply_conflict_choice(session, dialog.choice, conflict)
    assert session.answers == mine and session.dirty

    dialog = SaveConflictDialog(session.answers, conflict, context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(_button(dialog, "takeTheirs"), Qt.MouseButton.LeftButton)
    assert dialog.choice is ConflictChoice.TAKE_THEIRS
    assert not apply_conflict_choice(session, dialog.choice, conflict)
    assert session.answers == conflict.profile
    assert session.record == conflict and not session.dirty


def test_a_refused_save_opens_the_dialog_and_keep_mine_saves(
    qtbot, session: ClientSession, service, conflict: ClientRecord, wait_tasks
) -> None:
    """The whole path a view wires: save refused → resolve_save_conflict → dialog → saved."""
    failures: list[Exception] = []
    saved: list[ClientRecord] = []

    def failed(error: Exception) -> None:
        failures.append(error)
        resolve_save_conflict(session, None, on_saved=saved.append)

    session.save(on_failed=failed)
    wait_tasks()
    assert isinstance(failures[0], ConcurrentEditError)
    assert session.answers["employees"] == 80  # nothing lost while the user decides

    def dialog_shown() -> SaveConflictDialog:
        found = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, SaveConflictDialog) and w.isVisible()
        ]
        assert found
        return found[0]

    qtbot.waitUntil(lambda: bool(dialog_shown()))
    dialog = dialog_shown()
    qtbot.mouseClick(_button(dialog, "keepMine"), Qt.MouseButton.LeftButton)
    wait_tasks()
    assert saved and saved[0].profile["employees"] == 80
    assert service.client(conflict.id).version == conflict.version + 1
