"""The detail pane: the clause with cited words marked, the criteria, what to do, the checklist."""

from __future__ import annotations

import html

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QColor, QPalette, QTextDocument
from PySide6.QtWidgets import QLabel

from app.ui.context import AppContext
from app.ui.detail.controller import (
    DARK_MARK,
    LIGHT_MARK,
    Mark,
    build_detail,
    highlight,
)
from app.ui.detail.view import DetailView
from app.ui.session import ClientSession
from tests.conftest import AI_STARTUP


def fill(session: ClientSession, answers: dict[str, object]) -> None:
    for key, value in answers.items():
        session.set_answer(key, value)


@pytest.fixture
def detail(qtbot, session: ClientSession, context: AppContext) -> DetailView:
    fill(session, AI_STARTUP)
    widget = DetailView(session, context)
    qtbot.addWidget(widget)
    widget.resize(700, 900)
    widget.show()
    return widget


def criteria(view: DetailView) -> list[QLabel]:
    return [
        label
        for label in view.criteria_box.findChildren(QLabel, "detailCriterion")
        if label.isVisibleTo(view)
    ]


def marked_background(document: QTextDocument, words: str) -> QColor | None:
    """The background of ``words`` in the document (None when not found)."""
    cursor = document.find(words)
    if cursor.isNull():
        return None
    # The format of the character before the cursor's end: inside the found words.
    probe = document.find(words)
    probe.setPosition(cursor.selectionStart() + 1)
    return probe.charFormat().background().color()


def test_nothing_shown_until_a_measure_is_picked(detail: DetailView) -> None:
    assert detail.empty_label.isVisible()
    assert not detail.title_label.isVisible()


def test_clause_marks_every_citation_in_chinese(detail: DetailView, context) -> None:
    context.set_language("zh")
    detail.show_measure("m02")
    citation = "核心环节生产研发的企业"
    assert citation in context.pack.by_id["m02"].clause
    background = marked_background(detail.clause.document(), citation)
    assert background is not None
    assert background.name() == QColor(LIGHT_MARK.background).name()
    # Words that are not cited are not marked.
    assert marked_background(detail.clause.document(), "企业所得税") != background
    # In the HTML, the cited words sit inside a marked stretch (touching citations merge).
    opening = LIGHT_MARK.wrap("")[: -len("</span>")]
    stretches = [part.split("</span>")[0] for part in detail.content.clause_html.split(opening)]
    assert any(citation in stretch for stretch in stretches[1:])
    assert citation not in stretches[0]


def test_english_shows_the_english_clause_and_the_cited_chinese_words(detail) -> None:
    detail.show_measure("m02")
    text = detail.clause.toPlainText()
    assert "preferential corporate income tax" in text
    assert "Cited words in the Chinese text" in text
    background = marked_background(detail.clause.document(), "自获利年度起5年内")
    assert background is not None and background.name() == QColor("#fde68a").name()


def test_criteria_show_result_and_the_value_read(detail: DetailView) -> None:
    detail.show_measure("m02")
    lines = criteria(detail)
    # m02's open list: the catalogue question, for a field the notice does not name, stays
    # unanswered beside the named field that settles it.
    met = [label for label in lines if label.property("result") == "met"]
    unknown = [label for label in lines if label.property("result") == "unknown"]
    assert len(lines) == 6 and len(met) == 5 and len(unknown) == 1
    assert "catalogue" in unknown[0].text()
    texts = [label.text() for label in met]
    assert all(text.startswith("<b>Met</b>") for text in texts)
    core = next(t for t in texts if "core link" in t)
    assert "Answered: yes" in core
    window = next(t for t in texts if "5 years" in t)
    assert "Derived: still within 5 years" in window and "2024–2028" in window
    assert detail.verdict_label.text() == "Eligible"


def test_unknown_criteria_say_what_is_missing(qtbot, session, context) -> None:
    session.set_answer("name", "Walk-in Ltd")
    view = DetailView(session, context)
    qtbot.addWidget(view)
    view.show_measure("m02")
    texts = [label.text() for label in criteria(view)]
    assert any("Unknown: not yet answered" in t for t in texts)
    assert any("Unknown: depends on" in t for t in texts)  # a derived fact: in the FTZ?
    assert view.verdict_label.text() == "Needs information"
    assert view.questions_section.isVisibleTo(view)
    assert "Where is the company registered" in view.questions_label.text()


def test_eligible_measure_shows_gains_next_step_office_and_documents(detail, session) -> None:
    detail.show_measure("m38")
    answer = session.result_json("m38")
    assert answer["verdict"] == "eligible"
    assert detail.gains_label.text() == answer["gains"]
    assert detail.next_label.text() == answer["next_step"]
    assert detail.office_label.text() == answer["office"]
    shown = [detail.documents.item(r).text() for r in range(detail.documents.count())]
    assert shown == answer["documents"]
    assert detail.prerequisites_section.isVisibleTo(detail)
    assert not detail.whatif_section.isVisibleTo(detail)
    # The caveats are written out in words.
    assert "end of 2023" in detail.caveats_label.text()


def test_not_eligible_measure_shows_what_would_make_it_apply(detail, session) -> None:
    detail.show_measure("m09")
    assert detail.verdict_label.text() == "Not eligible"
    assert detail.whatif_section.isVisibleTo(detail)
    suggestion = session.result_json("m09")["what_would_apply"][0]["text"]
    assert html.escape(suggestion) in detail.whatif_label.text()
    assert not detail.documents_section.isVisibleTo(detail)
    assert "Pilot" in detail.caveats_label.text()


def test_follows_an_edit_in_the_session(detail, session) -> None:
    detail.show_measure("m09")
    session.set_answer("zone", "ftz_xiangyang")
    assert detail.verdict_label.text() == "Eligible"
    assert detail.gains_section.isVisibleTo(detail)
    assert not detail.whatif_section.isVisibleTo(detail)


def test_walk_in_ticks_are_disabled_with_a_note(detail: DetailView) -> None:
    detail.show_measure("m02")
    assert detail.documents.count() == 3
    for row in range(detail.documents.count()):
        assert not detail.documents.item(row).flags() & Qt.ItemFlag.ItemIsEnabled
    assert detail.checklist_note.text() == "Save the client to keep this checklist."


def test_ticking_a_document_saves_it_for_a_saved_client(
    qtbot, detail: DetailView, session, service, wait_tasks
) -> None:
    session.save()
    wait_tasks()
    detail.show_measure("m02")
    wait_tasks()
    item = detail.documents.item(1)
    assert item.flags() & Qt.ItemFlag.ItemIsEnabled
    assert item.checkState() == Qt.CheckState.Unchecked

    detail.documents.setFocus()
    detail.documents.setCurrentRow(1)
    qtbot.keyClick(detail.documents.viewport(), Qt.Key.Key_Space)
    assert item.checkState() == Qt.CheckState.Checked
    wait_tasks()

    saved = [r.status for r in service.checklist(session.record.id) if r.measure_id == "m02"]
    assert saved == ["needed", "received", "needed"]
    assert detail.checklist_note.text() == "Saved."

    # Shown again (another measure, then back): the tick was kept.
    detail.show_measure("m38")
    wait_tasks()
    detail.show_measure("m02")
    wait_tasks()
    assert detail.documents.item(1).checkState() == Qt.CheckState.Checked


def test_ticks_saved_in_chinese_are_shown_in_english(
    qtbot, detail: DetailView, session, context, service, wait_tasks
) -> None:
    context.set_language("zh")
    session.save()
    wait_tasks()
    detail.show_measure("m02")
    wait_tasks()
    detail.documents.item(0).setCheckState(Qt.CheckState.Checked)
    wait_tasks()
    context.set_language("en")
    wait_tasks()
    assert detail.documents.item(0).text().startswith("Business licence")
    assert detail.documents.item(0).checkState() == Qt.CheckState.Checked


def test_a_failed_save_puts_the_tick_back(
    qtbot, detail: DetailView, session, service, wait_tasks, monkeypatch, caplog
) -> None:
    session.save()
    wait_tasks()
    detail.show_measure("m02")
    wait_tasks()

    def refuse(item_id: int, status: str) -> None:
        raise OSError("database is locked")

    monkeypatch.setattr(service, "set_checklist_status", refuse)
    with caplog.at_level("ERROR"):
        detail.documents.item(0).setCheckState(Qt.CheckState.Checked)
        wait_tasks()
    assert detail.documents.item(0).checkState() == Qt.CheckState.Unchecked
    assert "could not be saved" in detail.checklist_note.text()
    assert "Traceback" not in detail.checklist_note.text()


def test_government_task_shows_its_context(detail: DetailView) -> None:
    detail.show_measure("m01")
    assert detail.verdict_label.text() == "Government task"
    assert detail.context_section.isVisibleTo(detail)
    assert detail.context_label.text()
    assert not detail.criteria_section.isVisibleTo(detail)


def test_dark_palette_uses_a_dark_mark(detail: DetailView) -> None:
    palette = detail.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    detail.setPalette(palette)
    detail.show_measure("m02")
    assert detail.mark() == DARK_MARK
    background = marked_background(detail.clause.document(), "自获利年度起5年内")
    assert background is not None and background.name() == QColor(DARK_MARK.background).name()


# -- the controller, without widgets ---------------------------------------------------------------


def test_highlight_escapes_data_and_merges_overlapping_citations() -> None:
    mark = Mark("#ff0", "#000")
    shown = highlight("a <b> & c <b> d", ["<b> &", "& c"], mark)
    assert "<b>" not in shown.replace(mark.wrap(""), "")
    assert shown == "a " + mark.wrap("&lt;b&gt; &amp; c") + " " + "&lt;b&gt; d"


def test_build_detail_reads_inferences_with_their_basis(session) -> None:
    fill(session, {**AI_STARTUP, "industry_code": "I6513"})
    content = build_detail(session, "m21", "en")
    readings = [c.reading for block in content.provisions for c in block.criteria]
    assert any(r.startswith("Inferred: no (") for r in readings)


class _Pirate(QTranslator):
    """A translator that rewrites a few of our words, to see the pane re-label itself."""

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[override]
        return {"Conditions": "CONDITIONS", "Met": "MET"}.get(source)

    def isEmpty(self) -> bool:  # an empty translator is never asked
        return False


def test_relabels_itself_when_the_interface_language_changes(qtbot, detail: DetailView) -> None:
    detail.show_measure("m02")
    translator = _Pirate()
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: detail.criteria_section.heading.text() == "CONDITIONS")
        assert criteria(detail)[0].text().startswith("<b>MET</b>")
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: detail.criteria_section.heading.text() == "Conditions")


def test_clicking_an_open_question_asks_for_that_answer(qtbot, session, context) -> None:
    session.set_answer("name", "Walk-in Ltd")
    view = DetailView(session, context)
    qtbot.addWidget(view)
    view.show_measure("m02")
    assert 'href="answer:zone"' in view.questions_label.text()
    with qtbot.waitSignal(view.answer_requested) as asked:
        view.questions_label.linkActivated.emit("answer:zone")
    assert asked.args == ["zone"]
