"""The profile editor: edits go into the session at once, wrong ones change nothing, saving."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from stdnum.cn import uscc

from app.ui.profile_editor import ProfileEditorController, ProfileEditorView
from app.ui.profile_editor import view as view_module
from app.ui.session import ClientSession
from app.ui.widgets.base import UNKNOWN
from rules.profile import parse_profile


def valid_code(body: str = "91420100MA4KX8J83") -> str:
    return body + uscc.calc_check_digit(body)


@pytest.fixture
def editor(qtbot, session, context):
    view = ProfileEditorView(session, context)
    qtbot.addWidget(view)
    view.resize(1000, 800)
    view.show()
    return view


@pytest.fixture
def shown_errors(monkeypatch):
    """The plain-word error dialogs the editor would have shown, as (message, error)."""
    shown: list[tuple[str, object]] = []
    monkeypatch.setattr(
        view_module,
        "show_error",
        lambda parent, message, error=None: shown.append((message, error)),
    )
    return shown


def type_into(qtbot, view, key: str, text: str) -> None:
    editor = view.editor(key)
    editor.edit.clear()
    qtbot.keyClicks(editor.edit, text)
    editor.edit.editingFinished.emit()


def message(view, key: str) -> str:
    line = view.editor(key).error_line
    return line.text.text() if line.isVisibleTo(view) else ""


# -- wrong values change nothing ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "typed", "words"),
    [
        ("credit_code", valid_code()[:17], "17 characters"),
        ("credit_code", valid_code()[:6] + "O" + valid_code()[7:], "Character 7, 'O'"),
        ("credit_code", valid_code()[:17] + "#", "Character 18, '#'"),
        ("annual_revenue", "abc", "not a number"),
        ("employees", "-3", "below zero"),
        ("rd_expense_ratio", "150", "more than 100"),
        ("first_profit_year", "1800", "1949"),
        ("established", (date.today() + timedelta(days=30)).isoformat(), "in the future"),
    ],
)
def test_wrong_value_shows_plain_words_and_leaves_session(
    qtbot, editor, session, key, typed, words
):
    session.set_answer("name", "Hubei Optics")
    before = dict(session.answers)
    type_into(qtbot, editor, key, typed)
    assert words in message(editor, key)
    assert session.answers == before


def test_wrong_check_character_names_the_right_one(qtbot, editor, session):
    code = valid_code()
    wrong = code[:17] + ("0" if code[17] != "0" else "1")
    type_into(qtbot, editor, "credit_code", wrong)
    assert f"The last character should be {code[17]}" in message(editor, "credit_code")
    assert "credit_code" not in session.answers
    type_into(qtbot, editor, "credit_code", code)
    assert message(editor, "credit_code") == ""
    assert session.answers["credit_code"] == code


def test_empty_name_is_refused_and_the_old_name_kept(qtbot, editor, session):
    session.set_answer("name", "Hubei Optics")
    name = editor.editor("name")
    assert name.edit.text() == "Hubei Optics"
    name.edit.selectAll()
    qtbot.keyClick(name.edit, Qt.Key.Key_Delete)
    assert "required" in message(editor, "name")
    assert session.answers["name"] == "Hubei Optics"


# -- valid edits go into the session and the assessment -------------------------------------


def test_zone_outside_hubei_makes_a_hubei_measure_not_eligible(qtbot, editor, session):
    combo = editor.editor("zone").combo
    row = combo.findData("ftz_wuhan")
    combo.setCurrentIndex(row)
    combo.activated.emit(row)
    assert session.answers["zone"] == "ftz_wuhan"
    assert session.result_json("m02")["verdict"] == "needs_info"
    row = combo.findData("outside_hubei")
    combo.setCurrentIndex(row)
    combo.activated.emit(row)
    assert session.answers["zone"] == "outside_hubei"
    assert session.result_json("m02")["verdict"] == "not_eligible"
    assert session.dirty
    assert "Unsaved changes" in editor.status.text()


def test_numbers_and_yes_no_edits_are_taken(qtbot, editor, session):
    type_into(qtbot, editor, "employees", "40")
    type_into(qtbot, editor, "rd_expense_ratio", "6.5 %")
    qtbot.mouseClick(editor.editor("tech_sme").yes, Qt.MouseButton.LeftButton)
    editor.editor("first_profit_year").not_yet.click()
    assert session.answers["employees"] == 40
    assert session.answers["rd_expense_ratio"] == 6.5
    assert session.answers["tech_sme"] is True
    assert session.answers["first_profit_year"] is None  # answered: not yet profitable


def test_dont_know_keeps_the_key_unknown(qtbot, editor, session):
    type_into(qtbot, editor, "employees", "40")
    assert session.answers["employees"] == 40
    editor.editor("employees").dont_know_box.click()
    assert "employees" not in session.answers
    assert "employees" in session.skipped
    qtbot.mouseClick(editor.editor("ic_enterprise").dont_know, Qt.MouseButton.LeftButton)
    assert "ic_enterprise" not in session.answers
    assert "ic_enterprise" in session.skipped


def test_industry_pick_sets_code_and_shows_inference_until_answered(qtbot, editor, session):
    industry = editor.editor("industry_code")
    qtbot.keyClicks(industry.search_line, "supermarket")
    assert industry.found() == ["F5212"]
    qtbot.keyClick(industry.search_line, Qt.Key.Key_Return)
    assert session.answers["industry_code"] == "F5212"
    inferred = editor.rows["medical_institution"].inferred
    assert inferred.isVisibleTo(editor)
    assert "F5212" in inferred.text() and "medical institution" in inferred.text()
    qtbot.mouseClick(editor.editor("medical_institution").yes, Qt.MouseButton.LeftButton)
    assert session.answers["medical_institution"] is True  # the user's answer wins
    assert not inferred.isVisibleTo(editor)


def test_help_button_shows_the_fields_help(qtbot, editor):
    row = editor.rows["credit_code"]
    assert not row.help_label.isVisibleTo(editor)
    qtbot.mouseClick(row.help_button, Qt.MouseButton.LeftButton)
    assert row.help_label.isVisibleTo(editor)
    assert "18-character" in row.help_label.text()


def test_tags_ticked_in_the_editor_are_taken(qtbot, editor, session):
    tags = editor.editor("sectors")
    tags.set_ticked("software", True)
    assert session.answers["sectors"] == ["software"]
    tags.none_of_these()
    assert session.answers["sectors"] == []


# -- the session changed elsewhere ------------------------------------------------------------


def test_changes_from_elsewhere_show_without_clobbering_typing(qtbot, editor, session):
    type_into(qtbot, editor, "annual_revenue", "12x")  # not an answer yet: stays as typed
    session.set_answer("employees", 12)  # e.g. answered in the interview
    assert editor.editor("employees").edit.text() == "12"
    assert editor.editor("annual_revenue").edit.text() == "12x"
    assert "not a number" in message(editor, "annual_revenue")
    session.set_answer("zone", "ftz_yichang")
    assert editor.editor("zone").combo.currentData() == "ftz_yichang"
    session.forget("employees")
    assert editor.editor("employees").edit.text() == ""


def test_opening_another_client_replaces_everything(qtbot, editor, session, service):
    record = service.add_client(
        parse_profile({"name": "Wuhan Chips", "employees": 300, "sectors": ["integrated_circuits"]})
    )
    type_into(qtbot, editor, "employees", "40")
    session.open(record)
    assert editor.title.text() == "Wuhan Chips"
    assert editor.editor("employees").edit.text() == "300"
    assert editor.editor("sectors").value() == ["integrated_circuits"]
    assert editor.editor("zone").value() is UNKNOWN
    assert "All changes saved" in editor.status.text()


# -- saving -------------------------------------------------------------------------------------


def test_save_without_name_asks_for_it(qtbot, editor, session, service, shown_errors):
    type_into(qtbot, editor, "employees", "40")
    editor.save_button.click()
    assert "name before saving" in message(editor, "name")
    assert session.record is None
    assert service.count() == 0


def answer_box_with(monkeypatch, button_text: str, seen: list[str]) -> None:
    """Answer the next message boxes by clicking the button with ``button_text``."""

    def click(box: QMessageBox) -> int:
        seen.append(f"{box.text()} {box.informativeText()}")
        for button in box.buttons():
            if button.text() == button_text:
                button.click()
                return 0
        raise AssertionError(f"no button {button_text!r} in {[b.text() for b in box.buttons()]}")

    monkeypatch.setattr(QMessageBox, "exec", click)


def test_a_taken_credit_code_offers_the_saved_client(
    qtbot, editor, session, service, wait_tasks, monkeypatch
):
    other = service.add_client(parse_profile({"name": "Other Co", "credit_code": valid_code()}))
    type_into(qtbot, editor, "name", "Hubei Optics")
    type_into(qtbot, editor, "credit_code", valid_code())
    seen: list[str] = []
    answer_box_with(monkeypatch, "Open the existing client", seen)
    with qtbot.waitSignal(editor.open_existing, timeout=10_000) as opened:
        editor.save()
        wait_tasks()
    assert opened.args == [other.id]
    assert "Already in the roster as client #1" in seen[0]
    assert "Not saved" in editor.status.text()
    assert session.dirty and session.record is None
    assert service.count() == 1


def test_a_duplicate_can_be_left_unsaved(qtbot, editor, session, service, wait_tasks, monkeypatch):
    service.add_client(parse_profile({"name": "Other Co", "credit_code": valid_code()}))
    type_into(qtbot, editor, "name", "Hubei Optics")
    type_into(qtbot, editor, "credit_code", valid_code())
    seen: list[str] = []
    answer_box_with(monkeypatch, "Cancel", seen)
    editor.save()
    wait_tasks()
    assert seen and session.dirty and session.record is None
    assert service.count() == 1


def test_same_name_can_be_saved_as_another_company(
    qtbot, editor, session, service, wait_tasks, monkeypatch
):
    service.add_client(parse_profile({"name": "Hubei Optics"}))
    seen: list[str] = []
    answer_box_with(monkeypatch, "Save as a different company", seen)
    type_into(qtbot, editor, "name", "Hubei Optics")
    editor.save()
    wait_tasks()
    assert session.record is not None
    assert service.count() == 2


def test_conflict_emits_save_conflict(qtbot, editor, session, context, service, wait_tasks):
    record = service.add_client(parse_profile({"name": "Hubei Optics"}))
    other = ClientSession(context)
    other.open(record)
    other.set_answer("employees", 5)
    other.save()
    wait_tasks()
    session.open(record)  # the old version
    type_into(qtbot, editor, "employees", "40")
    with qtbot.waitSignal(editor.save_conflict, timeout=10_000) as blocker:
        editor.save()
    wait_tasks()
    assert type(blocker.args[0]).__name__ == "ConcurrentEditError"
    assert "someone else saved" in editor.status.text()
    assert session.dirty


# -- language -----------------------------------------------------------------------------------


def test_language_switch_relabels_pack_content(editor, context, session):
    session.set_answer("industry_code", "F5212")
    assert editor.rows["zone"].question.text() == "Where is the company registered and operating?"
    context.set_language("zh")
    assert editor.rows["zone"].question.text() == "企业注册并经营在哪个区域?"
    assert editor.editor("industry_code").chosen.text() == "F5212 — 超级市场零售"
    assert "推断" in editor.rows["medical_institution"].inferred.text()


# -- the controller without widgets -------------------------------------------------------------


def test_controller_apply_and_status(session, context):
    controller = ProfileEditorController(session, context)
    assert controller.status_text() == "New client, not saved yet"
    assert controller.apply("employees", 10) == ""
    assert session.answers["employees"] == 10
    assert "cannot be taken" in controller.apply("employees", -1)
    assert session.answers["employees"] == 10
    assert controller.apply("employees", UNKNOWN, dont_know=True) == ""
    assert "employees" not in session.answers and "employees" in session.skipped
    assert "required" in controller.apply("name", UNKNOWN)
    assert controller.status_text() == "Unsaved changes"
    assert "name before saving" in controller.save()
