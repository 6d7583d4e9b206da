"""Interview mode: the controller without widgets, then the view driven as a desk clerk would."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.ui.interview.controller import InterviewController, Stage
from app.ui.interview.view import InterviewView
from app.ui.session import ClientSession
from app.ui.widgets.base import UNKNOWN, InvalidInput
from app.ui.widgets.bool_group import BoolGroupEditor
from rules.engine import assess
from rules.fields import PROFILE_FIELDS
from rules.profile import parse_profile

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
LOGISTICS: dict[str, Any] = json.loads((EXAMPLES / "logistics_xiangyang.json").read_text("utf-8"))


@pytest.fixture
def interview(session: ClientSession, context) -> InterviewController:
    session.start_walk_in()
    controller = InterviewController(session, context)
    controller.start()
    return controller


def identify(controller: InterviewController, wait_tasks, code: Any = UNKNOWN) -> None:
    controller.submit_identity(LOGISTICS["name"], code)
    wait_tasks()


def answer_from(
    controller: InterviewController, profile: dict[str, Any], steps: list[Any] | None = None
) -> list[str]:
    """Answer every question from ``profile`` ("don't know" where it has no answer); return
    the keys asked, and append each screen's keys to ``steps``."""
    asked: list[str] = []
    while controller.stage == Stage.QUESTION:
        question = controller.question
        assert question is not None
        keys = question.keys if question.grouped else (question.key,)
        assert not set(keys) & set(asked), f"{keys} asked twice"
        asked += keys
        if steps is not None:
            steps.append(keys)
        if question.grouped:
            controller.answer({k: profile.get(k, UNKNOWN) for k in keys})
        else:
            controller.answer(profile.get(question.key, UNKNOWN))
        assert len(asked) < 40
    return asked


# -- the controller, without widgets ----------------------------------------------------------


def test_a_walk_in_runs_to_the_end_and_the_session_keeps_the_answers(
    interview: InterviewController, session: ClientSession, wait_tasks
) -> None:
    assert interview.stage == Stage.IDENTITY
    finished = []
    interview.finished.connect(lambda: finished.append(True))
    identify(interview, wait_tasks, LOGISTICS["credit_code"])
    assert interview.stage == Stage.QUESTION
    first = interview.question
    assert first is not None and first.key == session.assessment.next_questions[0].field
    assert interview.question_text()
    steps: list[Any] = []
    asked = answer_from(interview, LOGISTICS, steps)
    assert interview.stage == Stage.FINISHED and finished
    assert any(len(keys) > 1 for keys in steps)  # the certificates came as one question
    left = [q for q in session.assessment.next_questions if q.field not in interview.excluded]
    assert interview.open_count == 0 or not left
    for key in asked:
        if key in LOGISTICS:
            assert session.answers[key] == LOGISTICS[key]
        else:
            assert key not in session.answers and key in session.skipped
    assert session.answers["name"] == LOGISTICS["name"]
    assert interview.asked_count == len(steps)
    assert interview.eligible_count > 0
    assert interview.summary_text().startswith(
        f"Interview complete: {interview.eligible_count} eligible"
    )


def test_dont_know_keeps_the_key_unknown_and_it_is_not_asked_again(
    interview: InterviewController, session: ClientSession, wait_tasks
) -> None:
    identify(interview, wait_tasks)
    question = interview.question
    assert question is not None
    interview.answer(UNKNOWN)
    assert question.key not in session.answers
    assert question.key in session.skipped
    assert interview.question is not None and interview.question.key != question.key
    asked = answer_from(interview, {})
    assert question.key not in asked
    assert interview.stage == Stage.FINISHED


def test_back_shows_the_answer_given_and_a_new_answer_replaces_it(
    interview: InterviewController, session: ClientSession, wait_tasks
) -> None:
    identify(interview, wait_tasks)
    first = interview.question
    assert first is not None and first.key == "zone"
    interview.answer("ftz_wuhan")
    assert interview.question is not None and interview.question.number == 2
    interview.back()
    again = interview.question
    assert again is not None and again.key == "zone" and again.answer == "ftz_wuhan"
    assert again.number == 1
    interview.answer("outside_hubei")
    assert session.answers["zone"] == "outside_hubei"
    assert interview.asked_count == 1
    assert interview.question is not None and interview.question.key != "zone"


def test_back_from_the_first_question_returns_to_the_identity_step(
    interview: InterviewController, wait_tasks
) -> None:
    identify(interview, wait_tasks)
    assert interview.can_go_back
    interview.back()
    assert interview.stage == Stage.IDENTITY
    assert not interview.can_go_back


def test_skip_moves_on_leaves_the_key_unknown_and_records_it_as_skipped(
    interview: InterviewController, session: ClientSession, wait_tasks
) -> None:
    identify(interview, wait_tasks)
    question = interview.question
    assert question is not None
    interview.skip()
    assert question.key not in session.answers
    assert question.key in interview.skipped
    assert question.key not in session.skipped
    assert interview.question is not None and interview.question.key != question.key
    assert interview.asked_count == 1


def test_stop_keeps_the_profile_so_far_and_the_interview_can_resume(
    interview: InterviewController, session: ClientSession, wait_tasks
) -> None:
    identify(interview, wait_tasks)
    interview.answer("ftz_xiangyang")
    finished = []
    interview.finished.connect(lambda: finished.append(True))
    interview.stop()
    assert finished and interview.stage == Stage.FINISHED and interview.stopped
    assert session.answers == {"name": LOGISTICS["name"], "zone": "ftz_xiangyang"}
    assert interview.summary_text().startswith("Interview stopped")
    assert interview.can_resume
    interview.resume()
    assert interview.stage == Stage.QUESTION and interview.question is not None


def test_a_refused_answer_changes_nothing_and_says_why(
    interview: InterviewController, session: ClientSession, wait_tasks
) -> None:
    identify(interview, wait_tasks)
    question = interview.question
    assert question is not None
    with pytest.raises(InvalidInput):
        interview.answer("no such zone")
    assert interview.question == question
    assert "zone" not in session.answers
    with pytest.raises(InvalidInput, match="name"):
        InterviewController(session, interview.context).submit_identity("  ")


def test_the_duplicate_check_finds_a_saved_client_with_the_same_credit_code(
    interview: InterviewController, service, wait_tasks, qtbot
) -> None:
    saved = service.add_client(
        parse_profile({"name": "襄阳汉江物流", "credit_code": LOGISTICS["credit_code"]})
    )
    found: list[list[Any]] = []
    interview.duplicate_found.connect(found.append)
    identify(interview, wait_tasks, LOGISTICS["credit_code"])
    assert interview.stage == Stage.DUPLICATE
    assert [r.id for r in found[0]] == [saved.id]
    assert interview.duplicates.rowCount() == 1
    assert "襄阳汉江物流" in interview.duplicates.data(interview.duplicates.index(0))
    with qtbot.waitSignal(interview.open_existing) as opened:
        interview.choose_existing(saved.id)
    assert opened.args == [saved.id]


def test_a_different_company_goes_on_to_the_questions(
    interview: InterviewController, service, wait_tasks
) -> None:
    service.add_client(parse_profile({"name": LOGISTICS["name"]}))
    identify(interview, wait_tasks)
    assert interview.stage == Stage.DUPLICATE
    interview.continue_as_new()
    assert interview.confirmed_different
    assert interview.stage == Stage.QUESTION


def _verdicts(session: ClientSession, key: str, tags: list[str]) -> dict[str, str]:
    profile = parse_profile({**session.answers, key: tags})
    found = assess(session.context.pack, profile, session.context.as_of)
    return {r.measure.id: r.verdict for r in found.results}


def test_a_tags_question_offers_only_the_tags_that_change_an_open_verdict(
    interview: InterviewController, session: ClientSession, wait_tasks
) -> None:
    identify(interview, wait_tasks)
    while interview.question is not None and interview.question.kind != "tags":
        interview.answer(LOGISTICS.get(interview.question.key, UNKNOWN))
    question = interview.question
    assert question is not None and question.tags
    key = question.key
    vocabulary = PROFILE_FIELDS[key].vocabulary or {}
    hidden = [tag for tag in vocabulary if tag not in question.tags]
    assert hidden
    none_of_them = _verdicts(session, key, [])
    assert any(_verdicts(session, key, [tag]) != none_of_them for tag in question.tags)
    for tag in hidden:
        assert _verdicts(session, key, [tag]) == none_of_them, f"{tag} should be shown"


# -- the view, driven as a desk clerk would ---------------------------------------------------


@pytest.fixture
def view(qtbot, session: ClientSession, context) -> InterviewView:
    session.start_walk_in()
    shown = InterviewView(session, context)
    qtbot.addWidget(shown)
    shown.resize(900, 640)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    return shown


def question_key(view: InterviewView) -> str | None:
    question = view.controller.question
    return None if question is None else question.key


def press_enter(qtbot, view: InterviewView) -> None:
    target = QApplication.focusWidget() or view
    qtbot.keyClick(target, Qt.Key.Key_Return)


def answer_from_profile(qtbot, view: InterviewView, profile: dict[str, Any]) -> None:
    """Answer the question on screen from ``profile`` as a user would ("don't know" where the
    profile has no answer; on the certificates screen, a row per key it has)."""
    question = view.controller.question
    assert question is not None
    keys = question.keys if question.grouped else (question.key,)
    known = {k: profile[k] for k in keys if k in profile}
    if not known:
        qtbot.mouseClick(view.dont_know_button, Qt.MouseButton.LeftButton)
        return
    give_answer(qtbot, view, known if question.grouped else known[question.key])
    press_enter(qtbot, view)


def give_answer(qtbot, view: InterviewView, value: Any) -> None:
    """Enter ``value`` in the answer widget on screen as a user would (for the certificates
    screen, ``{key: True | False}``)."""
    editor = view.editor
    assert editor is not None and editor.objectName() == "interviewAnswer"
    if isinstance(editor, BoolGroupEditor):
        for key, given in value.items():
            qtbot.keyClick(editor.editors[key], Qt.Key.Key_Y if given else Qt.Key.Key_N)
        return
    kind = PROFILE_FIELDS[editor.key].kind
    if editor.key == "industry_code":
        qtbot.keyClicks(editor.search_line, value)
        qtbot.keyClick(editor.search_line, Qt.Key.Key_Return)  # picks the first found
    elif kind == "bool":
        qtbot.keyClick(editor, Qt.Key.Key_Y if value else Qt.Key.Key_N)
    elif kind == "enum":
        index = editor.combo.findData(value)
        editor.combo.setCurrentIndex(index)
        editor.combo.activated.emit(index)
    elif kind == "tags":
        for tag in value:
            editor.set_ticked(tag, True)
        if not value:
            qtbot.mouseClick(editor.none_button, Qt.MouseButton.LeftButton)
    elif kind == "year" and value is None:
        qtbot.mouseClick(editor.not_yet, Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClicks(editor.edit, str(value))


def type_identity(qtbot, view: InterviewView, name: str, code: str = "") -> None:
    view.name_editor.edit.setFocus()
    view.name_editor.edit.insert(name)  # as an input method commits Chinese text
    if code:
        qtbot.keyClicks(view.code_editor.edit, code)


def test_a_walk_in_at_the_desk_runs_to_the_end_on_the_keyboard(
    qtbot, view: InterviewView, session: ClientSession, wait_tasks
) -> None:
    assert view.pages.currentWidget() is view.identity_page
    type_identity(qtbot, view, LOGISTICS["name"], LOGISTICS["credit_code"])
    press_enter(qtbot, view)
    wait_tasks()
    assert view.pages.currentWidget() is view.question_page
    question = view.findChild(QLabel, "interviewQuestion")
    asked: list[str] = []
    steps = 0
    while view.controller.stage == Stage.QUESTION:
        key = question_key(view)
        assert key is not None and key not in asked
        steps += 1
        assert view.progress.text().startswith(f"Question {steps} · ")
        current = view.controller.question
        assert current is not None
        if current.grouped:
            assert question.text().startswith("Which of these certificates")
            asked += current.keys
            for k in current.keys:
                if k in LOGISTICS:
                    editor = view.editor.editors[k]  # type: ignore[union-attr]
                    qtbot.keyClick(editor, Qt.Key.Key_Y if LOGISTICS[k] else Qt.Key.Key_N)
            if any(k in LOGISTICS for k in current.keys):
                press_enter(qtbot, view)
            else:
                qtbot.mouseClick(view.dont_know_button, Qt.MouseButton.LeftButton)
            continue
        asked.append(key)
        assert question.text() == PROFILE_FIELDS[key].en
        if key in LOGISTICS:
            give_answer(qtbot, view, LOGISTICS[key])
            press_enter(qtbot, view)
        else:
            qtbot.mouseClick(view.dont_know_button, Qt.MouseButton.LeftButton)
        assert len(asked) < 40
    assert view.pages.currentWidget() is view.summary_page
    for key in asked:
        if isinstance(LOGISTICS.get(key), list):
            assert sorted(session.answers[key]) == sorted(LOGISTICS[key]), key
        elif key in LOGISTICS:
            assert session.answers[key] == LOGISTICS[key], key
    assert "industry_code" in asked and session.answers["industry_code"] == "G5810"
    summary = view.findChild(QLabel, "interviewSummary").text()
    eligible = session.assessment.summary()["eligible"]
    assert summary.startswith(f"Interview complete: {eligible} eligible")


def test_dont_know_by_key_keeps_it_unknown_and_moves_on(
    qtbot, view: InterviewView, session: ClientSession, wait_tasks
) -> None:
    type_identity(qtbot, view, "某某贸易公司")
    press_enter(qtbot, view)
    wait_tasks()
    first = question_key(view)
    assert first == "zone"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert question_key(view) not in (None, "zone")
    assert "zone" not in session.answers and "zone" in session.skipped
    assert "credit_code" in session.skipped  # left empty at the identity step


def test_back_shows_the_answer_and_a_changed_answer_replaces_it(
    qtbot, view: InterviewView, session: ClientSession, wait_tasks
) -> None:
    type_identity(qtbot, view, "某某贸易公司")
    press_enter(qtbot, view)
    wait_tasks()
    give_answer(qtbot, view, "ftz_wuhan")
    press_enter(qtbot, view)
    assert question_key(view) != "zone"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert question_key(view) == "zone"
    assert view.editor is not None and view.editor.value() == "ftz_wuhan"
    assert view.progress.text().startswith("Question 1 · ")
    give_answer(qtbot, view, "outside_hubei")
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert session.answers["zone"] == "outside_hubei"
    assert view.progress.text().startswith("Question 2 · ")


def test_skip_and_stop_keep_what_was_answered(
    qtbot, view: InterviewView, session: ClientSession, wait_tasks
) -> None:
    type_identity(qtbot, view, "某某贸易公司")
    press_enter(qtbot, view)
    wait_tasks()
    give_answer(qtbot, view, "ftz_yichang")
    press_enter(qtbot, view)
    skipped = question_key(view)
    qtbot.mouseClick(view.skip_button, Qt.MouseButton.LeftButton)
    assert question_key(view) != skipped
    with qtbot.waitSignal(view.finished):
        qtbot.mouseClick(view.stop_button, Qt.MouseButton.LeftButton)
    assert session.answers == {"name": "某某贸易公司", "zone": "ftz_yichang"}
    assert view.pages.currentWidget() is view.summary_page
    assert view.summary_label.text().startswith("Interview stopped")
    assert view.resume_button.isVisible()
    qtbot.mouseClick(view.resume_button, Qt.MouseButton.LeftButton)
    assert view.pages.currentWidget() is view.question_page
    assert question_key(view) not in (skipped, "zone")


def test_a_wrong_number_shows_the_message_and_does_not_advance(
    qtbot, view: InterviewView, session: ClientSession
) -> None:
    for key in ("name", "zone", "industry_code", "activities", "sectors"):
        session.set_answer(key, LOGISTICS[key])
    view.start()
    while question_key(view) not in (None, "employees"):
        qtbot.mouseClick(view.skip_button, Qt.MouseButton.LeftButton)
    assert question_key(view) == "employees"
    assert view.editor is not None
    give_answer(qtbot, view, "abc")
    press_enter(qtbot, view)
    assert question_key(view) == "employees"
    message = view.editor.findChild(QLabel, "fieldError")
    assert message is not None and message.isVisible() and message.text()
    assert "employees" not in session.answers


def test_enter_on_an_empty_answer_asks_for_one(qtbot, view: InterviewView, wait_tasks) -> None:
    type_identity(qtbot, view, "某某贸易公司")
    press_enter(qtbot, view)
    wait_tasks()
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert question_key(view) == "zone"
    assert view.editor is not None
    message = view.editor.findChild(QLabel, "fieldError")
    assert message is not None and "Don't know" in message.text()


def test_the_name_is_required(qtbot, view: InterviewView) -> None:
    press_enter(qtbot, view)
    assert view.controller.stage == Stage.IDENTITY
    message = view.name_editor.findChild(QLabel, "fieldError")
    assert message is not None and message.isVisible() and message.text()


def test_a_client_already_saved_is_offered_and_opened(
    qtbot, view: InterviewView, service, wait_tasks
) -> None:
    saved = service.add_client(
        parse_profile({"name": "襄阳汉江物流", "credit_code": LOGISTICS["credit_code"]})
    )
    type_identity(qtbot, view, LOGISTICS["name"], LOGISTICS["credit_code"])
    press_enter(qtbot, view)
    wait_tasks()
    assert view.pages.currentWidget() is view.duplicate_page
    assert view.duplicate_list.model().rowCount() == 1
    with qtbot.waitSignal(view.open_existing) as opened:
        qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [saved.id]


def test_a_different_company_with_the_same_name_goes_on(
    qtbot, view: InterviewView, service, wait_tasks
) -> None:
    service.add_client(parse_profile({"name": "某某贸易公司"}))
    type_identity(qtbot, view, "某某贸易公司")
    press_enter(qtbot, view)
    wait_tasks()
    assert view.pages.currentWidget() is view.duplicate_page
    qtbot.mouseClick(view.different_button, Qt.MouseButton.LeftButton)
    assert view.pages.currentWidget() is view.question_page
    assert view.controller.confirmed_different


def test_the_tags_checklist_shows_only_open_tags(
    qtbot, view: InterviewView, session: ClientSession
) -> None:
    for key in ("name", "zone", "industry_code"):
        session.set_answer(key, LOGISTICS[key])
    view.start()
    while view.controller.question is not None and view.controller.question.kind != "tags":
        qtbot.mouseClick(view.skip_button, Qt.MouseButton.LeftButton)
    question = view.controller.question
    assert question is not None and view.editor is not None
    shown = view.editor.visible_tags()
    assert set(shown) == set(question.tags or [])
    assert 0 < len(shown) < len(PROFILE_FIELDS[question.key].vocabulary or {})


def test_the_question_follows_the_language(qtbot, view: InterviewView, context, wait_tasks) -> None:
    type_identity(qtbot, view, "某某贸易公司")
    press_enter(qtbot, view)
    wait_tasks()
    context.set_language("zh")
    assert view.question_label.text() == PROFILE_FIELDS["zone"].zh
    first = view.controller.question
    assert first is not None
    title = next(m for m in context.pack.measures if m.id == first.impact[0]).title
    assert title.zh in view.why_label.text()
    context.set_language("en")
    assert view.question_label.text() == PROFILE_FIELDS["zone"].en
    assert title.en in view.why_label.text()


def test_escape_stops_and_the_answers_stay(
    qtbot, view: InterviewView, session: ClientSession, wait_tasks
) -> None:
    type_identity(qtbot, view, "某某贸易公司")
    press_enter(qtbot, view)
    wait_tasks()
    give_answer(qtbot, view, "ftz_wuhan")
    press_enter(qtbot, view)
    with qtbot.waitSignal(view.finished):
        qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_Escape)
    assert view.pages.currentWidget() is view.summary_page
    assert session.answers["zone"] == "ftz_wuhan"


def test_a_roster_that_cannot_be_searched_does_not_stop_the_interview(
    qtbot, view: InterviewView, service, wait_tasks, monkeypatch, caplog
) -> None:
    def broken(*_args: Any) -> list[Any]:
        raise OSError("database is locked")

    monkeypatch.setattr(service, "duplicates", broken)
    type_identity(qtbot, view, "某某贸易公司")
    press_enter(qtbot, view)
    wait_tasks()
    assert view.pages.currentWidget() is view.question_page
    assert view.notice.isVisible() and "could not be searched" in view.notice.text()
    assert "database is locked" not in view.notice.text()


# -- the certificates asked as one question ---------------------------------------------------


def _to_certificates(interview: InterviewController) -> None:
    """Answer "don't know" until the certificates question is on screen."""
    while interview.question is not None and not interview.question.grouped:
        interview.answer(UNKNOWN)
    assert interview.question is not None, "the certificates were never asked"


def test_certificates_come_as_one_question_and_a_blank_row_stays_unknown(
    interview: InterviewController, session: ClientSession, wait_tasks
) -> None:
    identify(interview, wait_tasks)
    interview.answer("ftz_wuhan")
    _to_certificates(interview)
    question = interview.question
    assert question is not None and question.keys[0] == question.key
    assert set(question.keys) <= {
        "high_tech_enterprise",
        "tech_sme",
        "specialized_sme",
        "key_enterprise",
    }
    assert len(question.keys) > 1
    first, *others = question.keys
    number = question.number
    interview.answer({first: True})  # the others left blank: not known, so not "no"
    assert session.answers[first] is True
    for key in others:
        assert key not in session.answers and key in session.skipped
    assert interview.question is None or not set(question.keys) & set(
        interview.question.keys or (interview.question.key,)
    )
    # Back shows the answers given on that screen, and a new answer replaces them.
    interview.back()
    again = interview.question
    assert again is not None and again.keys == question.keys and again.number == number
    assert again.answer == {first: True}
    interview.answer({first: False, others[0]: True})
    assert session.answers[first] is False and session.answers[others[0]] is True


def test_dont_know_on_the_certificates_leaves_all_of_them_unknown(
    interview: InterviewController, session: ClientSession, wait_tasks
) -> None:
    identify(interview, wait_tasks)
    interview.answer("ftz_wuhan")
    _to_certificates(interview)
    question = interview.question
    assert question is not None
    interview.dont_know()
    for key in question.keys:
        assert key not in session.answers and key in session.skipped


def test_the_certificates_screen_has_a_row_per_certificate(
    qtbot, view: InterviewView, session: ClientSession, wait_tasks
) -> None:
    type_identity(qtbot, view, "某某科技公司")
    press_enter(qtbot, view)
    wait_tasks()
    give_answer(qtbot, view, "ftz_wuhan")
    press_enter(qtbot, view)
    _to_certificates(view.controller)
    question = view.controller.question
    assert question is not None
    editor = view.editor
    assert isinstance(editor, BoolGroupEditor) and editor.keys == question.keys
    for key in question.keys:
        assert editor.labels[key].text() == PROFILE_FIELDS[key].en
    # Nothing chosen and Enter: asked to answer, nothing taken.
    press_enter(qtbot, view)
    assert view.controller.question is question
    assert editor.error_line.text.text()
    qtbot.keyClick(editor.editors[question.keys[0]], Qt.Key.Key_Y)
    press_enter(qtbot, view)
    assert session.answers[question.keys[0]] is True
    assert all(k not in session.answers for k in question.keys[1:])
