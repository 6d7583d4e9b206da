"""Interview mode: the controller without widgets, then the view driven as a desk clerk would."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.ui.interview.controller import InterviewController, Stage
from app.ui.session import ClientSession
from app.ui.widgets.base import UNKNOWN, InvalidInput
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


def answer_from(controller: InterviewController, profile: dict[str, Any]) -> list[str]:
    """Answer every question from ``profile`` ("don't know" where it has no answer)."""
    asked = []
    while controller.stage == Stage.QUESTION:
        question = controller.question
        assert question is not None
        assert question.key not in asked, f"{question.key} asked twice"
        asked.append(question.key)
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
    asked = answer_from(interview, LOGISTICS)
    assert interview.stage == Stage.FINISHED and finished
    left = [q for q in session.assessment.next_questions if q.field not in interview.excluded]
    assert interview.open_count == 0 or not left
    for key in asked:
        if key in LOGISTICS:
            assert session.answers[key] == LOGISTICS[key]
        else:
            assert key not in session.answers and key in session.skipped
    assert session.answers["name"] == LOGISTICS["name"]
    assert interview.asked_count == len(asked)
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
