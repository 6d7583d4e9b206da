"""The history screen: saved visits reopen frozen, two visits compare, notes and follow-ups."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import QDate, Qt, QTranslator
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from app.services.clients import ClientService
from app.ui.history import CompareDialog, FrozenAssessmentDialog, HistoryView
from app.ui.history.controller import (
    HistoryController,
    follow_up_problem,
    pick_pair,
    profile_changes,
    rules_change_text,
)
from app.ui.history.models import AssessmentListModel, FollowUpModel
from app.ui.session import ClientSession
from db.records import ClientRecord
from rules.profile import parse_profile
from tests.conftest import AI_STARTUP, AS_OF

MOVED = {**AI_STARTUP, "zone": "outside_hubei", "employees": 50}


def _two_visits(service: ClientService) -> ClientRecord:
    """The AI start-up assessed in the Wuhan area, then again after moving out of Hubei."""
    record = service.add_client(parse_profile(AI_STARTUP))
    service.assess_client(record.id, AS_OF)
    record = service.update_client(record.id, parse_profile(MOVED), record.version)
    service.assess_client(record.id, AS_OF)
    return record


@pytest.fixture
def view(qtbot, session: ClientSession, context, wait_tasks) -> HistoryView:
    widget = HistoryView(session, context)
    qtbot.addWidget(widget)
    widget.show()
    wait_tasks()
    return widget


@pytest.fixture
def opened(view: HistoryView, session, service, wait_tasks) -> HistoryView:
    session.open(_two_visits(service))
    wait_tasks()
    return view


@pytest.fixture(autouse=True)
def no_blocking_boxes(monkeypatch) -> list[tuple[Any, ...]]:
    """A failure would open a modal box; record it instead so a test can assert on it."""
    shown: list[tuple[Any, ...]] = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        lambda *args, **kwargs: shown.append(args) or QMessageBox.StandardButton.Ok,
    )
    return shown


def _button(view, name: str) -> QPushButton:
    button = view.findChild(QPushButton, name)
    assert button is not None, name
    return button


def _dialog(view: HistoryView, kind: type) -> Any:
    dialogs = [d for d in view.dialogs if isinstance(d, kind)]
    assert dialogs, f"no {kind.__name__} open"
    return dialogs[-1]


# -- the list of visits -----------------------------------------------------------------------


def test_an_unsaved_walk_in_is_told_to_save_first(view: HistoryView, session) -> None:
    session.start_walk_in()
    message = view.findChild(QLabel, "historyMessage")
    assert view.pages.currentWidget() is message
    assert message.isVisible()
    assert "Save the client to keep a history" in message.text()


def test_two_saved_visits_are_listed_with_their_rule_pack(
    opened: HistoryView, context, service
) -> None:
    model = opened.model
    assert model.rowCount() == 2
    assert opened.pages.currentIndex() == 1
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert header[:4] == ["Saved on", "As of", "By", "Rule pack"]
    assert "Eligible" in header
    pack_cell = model.index(0, header.index("Rule pack")).data()
    assert context.pack.id in pack_cell
    assert context.pack.version in pack_cell
    assert context.pack.sha256[:8] in pack_cell
    assert model.index(0, header.index("As of")).data() == AS_OF.isoformat()
    assert model.index(0, header.index("By")).data() == "desk-1"
    # newest first: the visit after the move has fewer eligible measures
    client_id = opened.session.record.id
    newest, oldest = service.assessments(client_id)
    eligible = header.index("Eligible")
    assert model.index(0, eligible).data() == str(newest.counts["eligible"])
    assert model.index(1, eligible).data() == str(oldest.counts["eligible"])
    assert newest.counts["eligible"] < oldest.counts["eligible"]
    # a badge: icon and words, never colour alone
    assert model.index(0, eligible).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "Eligible" in model.index(0, eligible).data(Qt.ItemDataRole.ToolTipRole)


def test_saving_the_session_adds_a_visit(opened: HistoryView, session, wait_tasks) -> None:
    session.set_answer("employees", 60)
    session.save()
    wait_tasks()
    assert opened.model.rowCount() == 3


def test_opening_a_visit_shows_it_frozen_after_the_profile_changed(
    qtbot, opened: HistoryView, context
) -> None:
    oldest = opened.model.rowCount() - 1
    opened.table.setFocus()
    opened.table.selectRow(oldest)
    with qtbot.waitSignal(opened.dialog_opened, timeout=10_000):
        qtbot.keyClick(opened.table, Qt.Key.Key_Return)
    dialog: FrozenAssessmentDialog = _dialog(opened, FrozenAssessmentDialog)
    assert dialog.objectName() == "frozenAssessment"
    heading = dialog.heading.text()
    assert "Saved on" in heading and "shown exactly as it was" in heading
    assert context.pack.id in heading and context.pack.version in heading
    assert AS_OF.isoformat() in heading
    verdicts = {r["measure"]: r["verdict"] for r in dialog.results.rows}
    assert len(verdicts) == len(context.pack.measures)
    # in the Wuhan area the 15% tax rate applied; after the move it does not, but the first
    # visit still shows it as it was
    assert verdicts["m02"] == "eligible"
    row = next(i for i, r in enumerate(dialog.results.rows) if r["measure"] == "m02")
    assert dialog.results.index(row, 2).data() == "Eligible"
    assert dialog.results.index(row, 2).data(Qt.ItemDataRole.DecorationRole) is not None
    answers = {q: a for _key, q, a in dialog.profile.rows}
    assert answers["Where is the company registered and operating?"] == "FTZ Wuhan area"
    dialog.select_measure("m02")
    detail = dialog.detail.toPlainText()
    assert "Conditions" in detail and "Met" in detail
    assert "What it brings" in detail and "Next step" in detail
    assert dialog.results.rows[row]["criteria"][0]["citation"] in detail


def test_the_latest_visit_shows_the_new_verdicts(qtbot, opened: HistoryView) -> None:
    opened.table.selectRow(0)
    with qtbot.waitSignal(opened.dialog_opened, timeout=10_000):
        qtbot.mouseClick(_button(opened, "openVisit"), Qt.MouseButton.LeftButton)
    dialog = _dialog(opened, FrozenAssessmentDialog)
    verdicts = {r["measure"]: r["verdict"] for r in dialog.results.rows}
    assert verdicts["m02"] != "eligible"


# -- comparing two visits ----------------------------------------------------------------------


def test_compare_shows_measures_lost_and_the_answers_that_changed(
    qtbot, opened: HistoryView
) -> None:
    opened.table.clearSelection()
    with qtbot.waitSignal(opened.dialog_opened, timeout=10_000):
        qtbot.mouseClick(_button(opened, "compareVisits"), Qt.MouseButton.LeftButton)
    dialog: CompareDialog = _dialog(opened, CompareDialog)
    assert "m02" in dialog.measures_in("lost")
    assert dialog.measures_in("gained") == []
    assert dialog.rules.text().startswith("Same rules")
    rows = {r.key: (r.before, r.after) for r in dialog.answers.rows}
    assert rows["zone"] == ("FTZ Wuhan area", "Outside Hubei")
    assert rows["employees"] == ("45 people", "50 people")
    assert "name" not in rows
    assert dialog.answers.headerData(1, Qt.Orientation.Horizontal) == "Earlier visit"


def test_compare_the_other_way_round_lists_the_measures_as_gained(
    qtbot, opened: HistoryView, service
) -> None:
    """Selecting both visits compares the earlier with the later, whatever the click order."""
    opened.table.selectAll()
    with qtbot.waitSignal(opened.dialog_opened, timeout=10_000):
        qtbot.keyClick(
            opened,
            Qt.Key.Key_C,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    dialog = _dialog(opened, CompareDialog)
    assert "m02" in dialog.measures_in("lost")


def test_compare_needs_two_visits(qtbot, view: HistoryView, session, service, wait_tasks) -> None:
    record = service.add_client(parse_profile(AI_STARTUP))
    service.assess_client(record.id, AS_OF)
    session.open(record)
    wait_tasks()
    assert view.model.rowCount() == 1
    assert not _button(view, "compareVisits").isEnabled()
    view.compare_selected()
    assert "two visits" in view.status.text()
    assert view.dialogs == []


def test_answers_changed_say_not_answered_for_unknown() -> None:
    changes = profile_changes(
        {"name": "A", "high_tech_enterprise": False}, {"name": "A", "employees": 3}, "en"
    )
    by_key = {c.key: (c.before, c.after) for c in changes}
    assert by_key == {
        "employees": ("not answered", "3 people"),
        "high_tech_enterprise": ("no", "not answered"),
    }
    assert [c.key for c in changes] == ["employees", "high_tech_enterprise"]  # interview order


def test_rules_change_is_named() -> None:
    old = {"id": "hubei-ftz-2021", "version": "1", "sha256": "aaaa"}
    assert rules_change_text(old, dict(old)).startswith("Same rules")
    new = {"id": "hubei-ftz-2021", "version": "2", "sha256": "bbbb"}
    assert rules_change_text(old, new) == "The rule pack changed: v1 → v2"
    assert "content changed" in rules_change_text(old, {**old, "sha256": "cccc"})


def test_pick_pair_orders_visits_by_time(opened: HistoryView) -> None:
    newest, oldest = opened.model.rows
    assert pick_pair(opened.model.rows, []) == (oldest.id, newest.id)
    assert pick_pair(opened.model.rows, [newest.id, oldest.id]) == (oldest.id, newest.id)
    assert pick_pair(opened.model.rows, [newest.id]) == (oldest.id, newest.id)
    assert pick_pair(opened.model.rows, [oldest.id]) is None


# -- notes and follow-ups ------------------------------------------------------------------------


def test_adding_a_note_saves_it(qtbot, opened: HistoryView, service, wait_tasks) -> None:
    panel = opened.notes
    qtbot.keyClicks(panel.body, "Asked about the land application.")
    qtbot.mouseClick(_button(opened, "addNote"), Qt.MouseButton.LeftButton)
    wait_tasks()
    saved = service.notes(opened.session.record.id)
    assert [(n.kind, n.body, n.created_by) for n in saved] == [
        ("note", "Asked about the land application.", "desk-1")
    ]
    assert panel.notes.rowCount() == 1
    assert panel.notes.index(0, 2).data() == "Asked about the land application."
    assert panel.body.toPlainText() == ""


def test_an_empty_note_is_refused_in_plain_words(
    qtbot, opened: HistoryView, service, wait_tasks
) -> None:
    panel = opened.notes
    qtbot.keyClicks(panel.body, "   ")
    qtbot.mouseClick(_button(opened, "addNote"), Qt.MouseButton.LeftButton)
    wait_tasks()
    assert "empty note is not saved" in panel.message.text()
    assert service.notes(opened.session.record.id) == []


def test_a_follow_up_is_due_a_week_after_the_as_of_date_by_default(
    qtbot, opened: HistoryView, service, wait_tasks
) -> None:
    panel = opened.notes
    assert panel.due.calendarPopup()
    assert panel.due.date().toPython() == AS_OF + timedelta(days=7)
    panel.body.setFocus()
    qtbot.keyClicks(panel.body, "Send the document checklist")
    qtbot.keyClick(
        panel.body,
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    wait_tasks()
    (saved,) = service.notes(opened.session.record.id)
    assert (saved.kind, saved.body, saved.due_on) == (
        "follow_up",
        "Send the document checklist",
        AS_OF + timedelta(days=7),
    )
    assert panel.follow_ups.rowCount() == 1
    assert panel.follow_ups.index(0, 1).data() == "Not yet due"


def test_a_follow_up_due_in_the_past_is_refused(
    qtbot, opened: HistoryView, service, wait_tasks
) -> None:
    panel = opened.notes
    qtbot.keyClicks(panel.body, "Call back")
    panel.due.setDate(QDate(2026, 11, 1))
    qtbot.mouseClick(_button(opened, "addFollowUp"), Qt.MouseButton.LeftButton)
    wait_tasks()
    assert "already past" in panel.message.text()
    assert "2026-11-01" in panel.message.text()
    assert service.notes(opened.session.record.id) == []
    assert follow_up_problem("Call back", AS_OF, AS_OF) == ""  # due today is fine


def test_marking_a_follow_up_done(qtbot, opened: HistoryView, service, wait_tasks) -> None:
    client_id = opened.session.record.id
    service.add_note(client_id, "Call back", "follow_up", AS_OF - timedelta(days=3))
    opened.controller.reload()
    wait_tasks()
    panel = opened.notes
    assert panel.follow_ups.index(0, 1).data() == "Overdue"
    overdue_colour = panel.follow_ups.index(0, 1).data(Qt.ItemDataRole.ForegroundRole)
    assert overdue_colour is not None
    assert "1 overdue" in panel.due_summary.text()
    mark_done = _button(opened, "markDone")
    assert not mark_done.isEnabled()
    panel.follow_up_table.selectRow(0)
    assert mark_done.isEnabled()
    qtbot.mouseClick(mark_done, Qt.MouseButton.LeftButton)
    wait_tasks()
    (saved,) = service.notes(client_id)
    assert saved.done_at is not None
    assert service.open_follow_ups() == []
    assert panel.follow_ups.index(0, 1).data().startswith("Done")
    assert panel.due_summary.text() == "Nothing to follow up"


def test_follow_up_states_in_words() -> None:
    model = FollowUpModel(AS_OF)
    assert model.header("state") == "State"
    assert isinstance(AssessmentListModel().header("made"), str)


def test_a_failed_load_is_shown_in_plain_words(
    opened: HistoryView, service, wait_tasks, no_blocking_boxes
) -> None:
    """The client was deleted at another desk: the user is told, no traceback."""
    record = opened.session.record
    service.delete_client(record.id, record.version)
    opened.controller.reload()
    wait_tasks()
    assert no_blocking_boxes
    message = no_blocking_boxes[-1][2]
    assert "no longer exists" in message
    assert "Traceback" not in message


def test_the_controller_works_without_widgets(
    qtbot, session: ClientSession, context, service, wait_tasks
) -> None:
    controller = HistoryController(session, context)
    loaded: list[list[Any]] = []
    controller.assessments_loaded.connect(loaded.append)
    session.open(_two_visits(service))
    wait_tasks()
    assert len(loaded[-1]) == 2
    assert controller.add_note("") != ""
    assert controller.add_follow_up("x", date(2000, 1, 1)) != ""
    assert controller.add_follow_up("Ring them", AS_OF) == ""
    wait_tasks()
    assert [n.body for n in controller.notes] == ["Ring them"]


class _Chinese(QTranslator):
    """A stand-in translator: a few of the screen's words in Chinese."""

    WORDS: ClassVar[dict[str, str]] = {"Open": "打开", "Compare": "比较", "Add note": "添加备注"}

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return self.WORDS.get(source, "")

    def isEmpty(self) -> bool:
        return False


def test_the_screen_relabels_itself_when_the_language_changes(
    qtbot, qapp, opened: HistoryView, context
) -> None:
    translator = _Chinese()
    qapp.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: _button(opened, "openVisit").text() == "打开")
        assert _button(opened, "compareVisits").text() == "比较"
        assert _button(opened, "addNote").text() == "添加备注"
    finally:
        qapp.removeTranslator(translator)
    qtbot.waitUntil(lambda: _button(opened, "openVisit").text() == "Open")


def test_pack_content_follows_the_language(qtbot, opened: HistoryView, context) -> None:
    opened.table.selectRow(1)
    with qtbot.waitSignal(opened.dialog_opened, timeout=10_000):
        opened.open_selected()
    dialog = _dialog(opened, FrozenAssessmentDialog)
    questions = [q for _k, q, _a in dialog.profile.rows]
    assert "Number of employees" in questions
    context.set_language("zh")
    questions = [q for _k, q, _a in dialog.profile.rows]
    assert "从业人员数" in questions
