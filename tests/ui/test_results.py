"""The results screen: every measure with its verdict, grouped, filtered, following each edit."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTranslator

from app.ui.badges import verdict_text
from app.ui.context import AppContext
from app.ui.results.controller import ResultRow, ResultsController, rows_from_answer
from app.ui.results.model import CAVEATS, MEASURE_ID_ROLE, NUMBER, TITLE, VERDICT, ResultsModel
from app.ui.results.view import ResultsView
from app.ui.session import ClientSession
from tests.conftest import AI_STARTUP


def fill(session: ClientSession, answers: dict[str, object]) -> None:
    for key, value in answers.items():
        session.set_answer(key, value)


def measure_rows(model: ResultsModel) -> dict[str, dict[str, str]]:
    """Every shown measure row: id -> the texts of its cells."""
    found: dict[str, dict[str, str]] = {}

    def visit(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            measure_id = model.data(index, MEASURE_ID_ROLE)
            if measure_id is None:
                visit(index)
                continue
            found[measure_id] = {
                "number": model.data(model.index(row, NUMBER, parent)),
                "title": model.data(model.index(row, TITLE, parent)),
                "verdict": model.data(model.index(row, VERDICT, parent)),
                "caveats": model.data(model.index(row, CAVEATS, parent)),
            }

    visit(QModelIndex())
    return found


def group_titles(model: ResultsModel) -> list[str]:
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


@pytest.fixture
def view(qtbot, session: ClientSession, context: AppContext) -> ResultsView:
    fill(session, AI_STARTUP)
    widget = ResultsView(session, context)
    qtbot.addWidget(widget)
    widget.resize(1000, 500)
    widget.show()
    return widget


def test_every_measure_is_listed_with_its_verdict_in_words(view: ResultsView, session) -> None:
    rows = measure_rows(view.model)
    assert len(rows) == 68
    expected = {r.measure.id: r.verdict for r in session.assessment.results}
    assert {m: row["verdict"] for m, row in rows.items()} == {
        m: verdict_text(v) for m, v in expected.items()
    }
    assert rows["m02"]["title"] == "15% corporate income tax for key-industry enterprises"
    summary = session.assessment.summary()
    assert view.chips["eligible"].text() == f"Eligible: {summary['eligible']}"
    assert view.chips["needs_info"].text() == f"Needs information: {summary['needs_info']}"


def test_grouped_by_verdict_eligible_come_first(view: ResultsView) -> None:
    titles = group_titles(view.model)
    assert titles[0].startswith("Eligible (10")
    assert [t.split(" (")[0] for t in titles] == [
        "Eligible",
        "Needs information",
        "Not eligible",
        "Government task",
    ]
    first_group = view.model.index(0, 0)
    verdicts = {
        view.model.data(view.model.index(r, VERDICT, first_group))
        for r in range(view.model.rowCount(first_group))
    }
    assert verdicts == {"Eligible"}


def test_grouped_by_chapter_uses_the_notice_chapters(qtbot, view: ResultsView) -> None:
    view.group_combo.setFocus()
    view.group_combo.setCurrentIndex(view.group_combo.findData("chapter"))
    titles = group_titles(view.model)
    assert len(titles) == 9
    assert titles[0].startswith("1. Developing high-end industries")
    assert len(measure_rows(view.model)) == 68
    first = view.model.index(0, 0)
    assert view.model.data(view.model.index(0, NUMBER, first)) == "1"

    view.next_grouping()  # to "no groups": measures are top-level rows in the notice's order
    assert view.model.flat
    assert view.model.data(view.model.index(0, NUMBER)) == "1"
    assert view.model.rowCount() == 68


def test_filter_by_verdict_and_by_text(qtbot, view: ResultsView, session) -> None:
    needs_info = session.assessment.summary()["needs_info"]
    qtbot.mouseClick(view.chips["needs_info"], Qt.MouseButton.LeftButton)
    rows = measure_rows(view.model)
    assert len(rows) == 68 - needs_info
    assert "Needs information" not in {row["verdict"] for row in rows.values()}

    qtbot.keyClicks(view.filter_edit, "tax")
    rows = measure_rows(view.model)
    assert rows and all("tax" in row["title"].lower() for row in rows.values())
    assert "m02" in rows

    view.filter_edit.clear()
    qtbot.keyClicks(view.filter_edit, "38")
    assert list(measure_rows(view.model)) == ["m38"]

    view.filter_edit.clear()
    qtbot.keyClicks(view.filter_edit, "no such measure")
    assert measure_rows(view.model) == {}
    assert view.empty_note.isVisible()


def test_an_edit_updates_the_rows_and_keeps_the_selection(qtbot, session, context) -> None:
    session.set_answer("name", "Walk-in Ltd")
    widget = ResultsView(session, context)
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(widget.measure_selected) as picked:
        widget.select_measure("m09")
    assert picked.args == ["m09"]
    assert measure_rows(widget.model)["m09"]["verdict"] == "Needs information"

    with qtbot.assertNotEmitted(widget.measure_selected):
        session.set_answer("zone", "outside_hubei")

    assert measure_rows(widget.model)["m09"]["verdict"] == "Not eligible"
    current = widget.tree.currentIndex()
    assert widget.model.data(current, MEASURE_ID_ROLE) == "m09"
    assert widget.tree.selectionModel().isRowSelected(current.row(), current.parent())
    assert widget.current_measure == "m09"


def test_an_edit_keeps_the_scroll_position(qtbot, session, context) -> None:
    session.set_answer("name", "Walk-in Ltd")
    widget = ResultsView(session, context)
    qtbot.addWidget(widget)
    widget.resize(900, 320)
    widget.show()
    bar = widget.tree.verticalScrollBar()
    assert bar.maximum() > 20
    bar.setValue(20)
    session.set_answer("zone", "outside_hubei")  # verdicts move between groups
    assert bar.value() == 20
    session.set_answer("employees", 12)  # only reasons change
    assert bar.value() == 20


def test_clicking_a_row_selects_the_measure(qtbot, view: ResultsView) -> None:
    index = view.model.index_of("m38", TITLE)
    view.tree.scrollTo(index)
    rect = view.tree.visualRect(index)
    with qtbot.waitSignal(view.measure_selected) as picked:
        qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert picked.args == ["m38"]


def test_select_measure_clears_a_filter_that_hides_it(qtbot, view: ResultsView) -> None:
    qtbot.keyClicks(view.filter_edit, "38")
    view.chips["eligible"].setChecked(False)
    with qtbot.waitSignal(view.measure_selected):
        view.select_measure("m02")
    assert view.filter_edit.text() == ""
    assert view.model.data(view.tree.currentIndex(), MEASURE_ID_ROLE) == "m02"


def test_caveats_are_written_in_the_row(view: ResultsView) -> None:
    rows = measure_rows(view.model)
    assert rows["m02"]["caveats"] == "Awaiting national approval"  # pending national approval
    assert rows["m05"]["caveats"] == "Pilot"
    assert rows["m03"]["caveats"] == ""  # in force
    # As of 2026 every measure is past the notice's end-2023 targets: said once, above the list.
    assert view.deadline_note.isVisible()
    assert "end of 2023" in view.deadline_note.text()


def test_no_deadline_note_before_the_deadline(qtbot, session, context) -> None:
    from datetime import date

    context.set_as_of(date(2022, 6, 1))
    widget = ResultsView(session, context)
    qtbot.addWidget(widget)
    widget.show()
    assert not widget.deadline_note.isVisible()


def test_language_switch_redraws_titles(qtbot, view: ResultsView, context) -> None:
    context.set_language("zh")
    assert measure_rows(view.model)["m02"]["title"] == "重点产业企业所得税减按15%征收"
    assert group_titles(view.model)[0].startswith("Eligible")  # UI words come from tr()


def test_keyboard_shortcuts(qtbot, view: ResultsView) -> None:
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.filter_edit.hasFocus()
    qtbot.keyClicks(view.filter_edit, "38")
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_Escape)
    assert view.filter_edit.text() == ""
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert not view.chips["needs_info"].isChecked()
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert view.group_combo.currentData() == "chapter"


def test_reassessment_and_update_stay_under_50_ms(qtbot, view: ResultsView, session) -> None:
    timings = []
    for round_ in range(30):
        start = time.perf_counter()
        session.set_answer("employees", 40 + round_)
        timings.append(time.perf_counter() - start)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    assert p95 < 0.050, f"p95 {p95 * 1000:.1f} ms"


# -- the controller, without widgets ---------------------------------------------------------------


def _row(number: int, verdict: str, title: str = "Title") -> ResultRow:
    return ResultRow(f"m{number:02d}", number, 1, title, verdict, "in_force", "", ())


def test_text_filter_reads_numbers_in_several_forms(pack) -> None:
    controller = ResultsController(pack)
    row = _row(7, "eligible", "AI demonstration zone")
    for text in ("7", "m07", "M07", "第7条", "demonstration", "AI DEMO"):
        controller.set_text(text)
        assert controller.matches(row), text
    for text in ("17", "8", "tax"):
        controller.set_text(text)
        assert not controller.matches(row), text


def test_groups_drop_empty_ones_and_count_totals(pack, session) -> None:
    fill(session, AI_STARTUP)
    rows = rows_from_answer(session.answer)
    controller = ResultsController(pack)
    controller.show_verdict("not_eligible", False)
    controller.set_text("tax")
    groups = controller.groups(rows, "en")
    assert "not_eligible" not in {g.key for g in groups}
    assert all(len(g.rows) <= g.total for g in groups)
    assert sum(g.total for g in controller.groups(rows, "en")) < 68
    with pytest.raises(ValueError):
        controller.set_group_by("colour")  # type: ignore[arg-type]


class _Pirate(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[override]
        return {"Eligible": "ELIGIBLE", "Measure": "MEASURE"}.get(source)

    def isEmpty(self) -> bool:  # an empty translator is never asked
        return False


def test_relabels_itself_when_the_interface_language_changes(qtbot, view: ResultsView) -> None:
    translator = _Pirate()
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: view.chips["eligible"].text().startswith("ELIGIBLE"))
        assert measure_rows(view.model)["m02"]["verdict"] == "ELIGIBLE"
        assert view.model.headerData(TITLE, Qt.Orientation.Horizontal) == "MEASURE"
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: view.chips["eligible"].text().startswith("Eligible"))
