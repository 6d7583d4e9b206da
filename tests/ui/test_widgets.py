"""The answer widgets, driven as a user would: what they return, what message they show."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.validation import credit_code_problem, parse_date, parse_number
from app.ui.widgets.base import UNKNOWN, InvalidInput
from app.ui.widgets.editors import (
    BoolEditor,
    CreditCodeEditor,
    DateEditor,
    EnumEditor,
    NameEditor,
    NumberEditor,
    YearEditor,
    make_editor,
)
from app.ui.widgets.industry import IndustryEditor
from app.ui.widgets.tags import TagsEditor
from rules.profile import PROFILE_KEYS


def _valid_code() -> str:
    from stdnum.cn import uscc

    body = "91420100MA4KX8J83"
    return body + uscc.calc_check_digit(body)


def ime_commit(widget: QWidget, text: str) -> None:
    """Type ``text`` as a Chinese input method does: one committed string."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def editor_for(qtbot, context):
    def make(key: str):
        editor = make_editor(key, context)
        qtbot.addWidget(editor)
        editor.show()
        return editor

    return make


def test_every_profile_key_has_an_editor_that_starts_unknown(editor_for):
    for key in PROFILE_KEYS:
        editor = editor_for(key)
        if key == "name":
            with pytest.raises(InvalidInput):
                editor.value()
        else:
            assert editor.value() is UNKNOWN, key


# -- yes / no ---------------------------------------------------------------------------------


def test_bool_yes_no_dont_know_by_click_and_keys(qtbot, editor_for):
    editor = editor_for("tech_sme")
    assert isinstance(editor, BoolEditor)
    with qtbot.waitSignal(editor.edited):
        qtbot.mouseClick(editor.yes, Qt.MouseButton.LeftButton)
    assert editor.value() is True
    editor.setFocus()
    qtbot.keyClick(editor.yes, Qt.Key.Key_N)
    assert editor.value() is False
    qtbot.keyClick(editor.no, Qt.Key.Key_D)
    assert editor.value() is UNKNOWN
    assert editor.is_dont_know()
    editor.set_value(True)
    assert editor.yes.isChecked() and not editor.is_dont_know()
    editor.set_value(UNKNOWN)
    assert not any(b.isChecked() for b in (editor.yes, editor.no, editor.dont_know))


# -- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "typed", "words"),
    [
        ("annual_revenue", "abc", "not a number"),
        ("employees", "-3", "below zero"),
        ("employees", "12.5", "whole number"),
        ("rd_expense_ratio", "150", "more than 100"),
        ("rd_expense_ratio", "120 %", "more than 100"),
        ("ic_line_width_nm", "0", "more than zero"),
    ],
)
def test_number_refuses_with_plain_words(qtbot, editor_for, key, typed, words):
    editor = editor_for(key)
    assert isinstance(editor, NumberEditor)
    qtbot.keyClicks(editor.edit, typed)
    with pytest.raises(InvalidInput, match=words):
        editor.value()
    assert editor.error_line.isVisible()
    assert words in editor.error_line.text.text()


def test_number_reads_units_commas_and_full_width_digits(qtbot, editor_for):
    editor = editor_for("rd_expense_ratio")
    assert editor.unit.text() == "%"
    qtbot.keyClicks(editor.edit, "35.5 %")
    assert editor.value() == 35.5
    assert not editor.error_line.isVisible()
    revenue = editor_for("annual_revenue")
    assert revenue.unit.text() == "10k CNY"
    qtbot.keyClicks(revenue.edit, "1,200")
    assert revenue.value() == 1200
    assert parse_number("１２") == 12


def test_number_empty_and_dont_know_are_unknown_never_zero(qtbot, editor_for):
    editor = editor_for("employees")
    qtbot.keyClicks(editor.edit, "40")
    assert editor.value() == 40
    editor.edit.clear()
    assert editor.value() is UNKNOWN
    qtbot.keyClicks(editor.edit, "40")
    editor.dont_know_box.click()
    assert editor.value() is UNKNOWN and editor.is_dont_know()
    assert not editor.edit.isEnabled()


def test_unit_follows_the_language(editor_for, context):
    editor = editor_for("employees")
    assert editor.unit.text() == "people"
    context.set_language("zh")
    assert editor.unit.text() == "人"


# -- year -------------------------------------------------------------------------------------


def test_year_range_not_yet_profitable_and_dont_know(qtbot, editor_for):
    editor = editor_for("first_profit_year")
    assert isinstance(editor, YearEditor)
    qtbot.keyClicks(editor.edit, "1800")
    with pytest.raises(InvalidInput, match="1949"):
        editor.value()
    editor.edit.clear()
    qtbot.keyClicks(editor.edit, "2019")
    assert editor.value() == 2019
    editor.not_yet.click()
    assert editor.value() is None  # an answer: not yet profitable
    assert editor.edit.text() == ""
    editor.dont_know_box.click()
    assert editor.value() is UNKNOWN
    assert not editor.not_yet.isChecked()
    editor.set_value(None)
    assert editor.not_yet.isChecked() and editor.edit.text() == ""
    editor.set_value(2020)
    assert editor.edit.text() == "2020" and not editor.not_yet.isChecked()


# -- date -------------------------------------------------------------------------------------


def test_date_accepts_usual_forms_and_refuses_future(qtbot, editor_for):
    editor = editor_for("established")
    assert isinstance(editor, DateEditor)
    qtbot.keyClicks(editor.edit, "2019/3/5")
    assert editor.value() == "2019-03-05"
    editor.edit.clear()
    future = date.today() + timedelta(days=400)
    qtbot.keyClicks(editor.edit, future.isoformat())
    with pytest.raises(InvalidInput, match="future"):
        editor.value()
    assert "future" in editor.error_line.text.text()
    with pytest.raises(InvalidInput, match="no such day"):
        parse_date("2021-02-30", date.today())
    assert parse_date("2019年3月5日", date.today()) == date(2019, 3, 5)


def test_date_picked_on_the_calendar(qtbot, editor_for):
    editor = editor_for("established")
    editor.dont_know_box.click()
    with qtbot.waitSignal(editor.edited):
        editor.calendar.clicked.emit(QDate(2019, 3, 5))
    assert editor.value() == "2019-03-05"
    assert not editor.dont_know_box.isChecked()


# -- enum -------------------------------------------------------------------------------------


def test_enum_labels_in_the_ui_language_and_dont_know(qtbot, editor_for, context):
    editor = editor_for("zone")
    assert isinstance(editor, EnumEditor)
    texts = [editor.combo.itemText(i) for i in range(editor.combo.count())]
    assert "FTZ Wuhan area" in texts and "Don't know" in texts
    editor.combo.setCurrentIndex(0)
    editor.combo.activated.emit(0)
    assert editor.value() == "ftz_wuhan"
    last = editor.combo.count() - 1
    editor.combo.setCurrentIndex(last)
    editor.combo.activated.emit(last)
    assert editor.value() is UNKNOWN and editor.is_dont_know()
    context.set_language("zh")
    assert editor.combo.itemText(0) == "自贸试验区武汉片区"


# -- text -------------------------------------------------------------------------------------


def test_name_required_and_limited(qtbot, editor_for):
    editor = editor_for("name")
    assert isinstance(editor, NameEditor)
    qtbot.keyClicks(editor.edit, "x")
    editor.edit.clear()
    with pytest.raises(InvalidInput, match="required"):
        editor.value()
    ime_commit(editor.edit, "  湖北光谷科技有限公司 ")
    assert editor.value() == "湖北光谷科技有限公司"
    editor.set_value("a" * 201)
    with pytest.raises(InvalidInput, match="201 characters"):
        editor.value()


# -- credit code ------------------------------------------------------------------------------


def test_credit_code_messages_name_the_wrong_character():
    code = _valid_code()
    assert credit_code_problem(code) == ""
    assert "17 characters" in credit_code_problem(code[:17])
    with_o = code[:6] + "O" + code[7:]
    message = credit_code_problem(with_o)
    assert "Character 7, 'O'" in message and "did you mean 0" in message
    wrong_check = code[:17] + ("0" if code[17] != "0" else "1")
    assert f"should be {code[17]}" in credit_code_problem(wrong_check)
    assert "Character 3, '#'" in credit_code_problem("91#20100MA4KX8J83X")


def test_credit_code_checked_as_typed(qtbot, editor_for):
    editor = editor_for("credit_code")
    assert isinstance(editor, CreditCodeEditor)
    code = _valid_code()
    qtbot.keyClicks(editor.edit, "9142o")  # lower case is written as a capital
    assert editor.edit.text() == "9142O"
    assert "Character 5, 'O'" in editor.error_line.text.text()
    editor.edit.clear()
    qtbot.keyClicks(editor.edit, code[:10])
    assert not editor.error_line.isVisible()  # incomplete is not yet wrong
    qtbot.keyClicks(editor.edit, code[10:])
    assert editor.value() == code
    assert not editor.error_line.isVisible()
    editor.edit.clear()
    qtbot.keyClicks(editor.edit, code[:17])
    editor.edit.editingFinished.emit()
    assert "17 characters" in editor.error_line.text.text()
    editor.edit.clear()
    assert editor.value() is UNKNOWN


# -- industry ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [("超市", "F5212"), ("supermarket", "F5212"), ("F5211", "F5211"), ("3976", "C3976")],
)
def test_industry_search_finds_and_picks(qtbot, editor_for, query, expected):
    editor = editor_for("industry_code")
    assert isinstance(editor, IndustryEditor)
    if query.isascii():
        qtbot.keyClicks(editor.search_line, query)
    else:
        ime_commit(editor.search_line, query)
    assert expected in editor.found()
    row = editor.found().index(expected)
    editor.results.setCurrentIndex(editor.proxy.index(row, 0))
    with qtbot.waitSignal(editor.edited):
        qtbot.keyClick(editor.search_line, Qt.Key.Key_Return)
    assert editor.value() == expected
    assert editor.chosen.text().startswith(expected + " — ")
    assert editor.search_line.text() == ""


def test_industry_code_prefix_lists_the_branch(qtbot, editor_for, context):
    editor = editor_for("industry_code")
    qtbot.keyClicks(editor.search_line, "c39")
    found = editor.found()
    assert found[0] == "C39" and all(code.startswith("C39") for code in found)
    assert "C3976" in found
    editor.set_value("F5212")
    assert editor.chosen.text() == "F5212 — Supermarket retail"
    context.set_language("zh")
    assert editor.chosen.text() == "F5212 — 超级市场零售"
    editor.dont_know_button.click()
    assert editor.value() is UNKNOWN and editor.is_dont_know()


# -- tags -------------------------------------------------------------------------------------


def _tick_visible(qtbot, editor: TagsEditor, tag: str) -> None:
    row = editor.visible_tags().index(tag)
    index = editor.proxy.index(row, 0)
    rect = editor.list.visualRect(index)
    editor.list.scrollTo(index)
    rect = editor.list.visualRect(index)
    # the check box sits at the left of the item
    point = rect.topLeft()
    point.setX(
        point.x()
        + editor.list.style().pixelMetric(editor.list.style().PixelMetric.PM_IndicatorWidth) // 2
        + 4
    )
    point.setY(rect.center().y())
    qtbot.mouseClick(editor.list.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_tags_labels_help_and_answer(qtbot, editor_for):
    editor = editor_for("sectors")
    assert isinstance(editor, TagsEditor)
    assert editor.value() is UNKNOWN
    first = editor.proxy.index(0, 0)
    assert str(first.data()).startswith("Optoelectronics\n")  # label and its one-line help
    _tick_visible(qtbot, editor, "software")
    assert editor.value() == ["software"]
    editor.none_of_these()
    assert editor.value() == []  # answered: none of these
    editor.dont_know_box.click()
    assert editor.value() is UNKNOWN and editor.is_dont_know()


def test_tags_filtered_list_keeps_hidden_ticks(qtbot, editor_for):
    editor = editor_for("activities")
    editor.set_value(["import_goods", "patent_application"])
    editor.set_visible_tags(["export_goods", "patent_application", "factoring"])
    assert editor.visible_tags() == ["export_goods", "factoring", "patent_application"] or set(
        editor.visible_tags()
    ) == {"export_goods", "patent_application", "factoring"}
    _tick_visible(qtbot, editor, "export_goods")
    assert editor.value() == ["import_goods", "export_goods", "patent_application"]
    editor.none_of_these()  # unticks the shown tags only
    assert editor.value() == ["import_goods"]
    editor.set_visible_tags(None)
    assert len(editor.visible_tags()) == len(editor.model.tags)


def test_tags_relabel_on_language_change(editor_for, context):
    editor = editor_for("sectors")
    context.set_language("zh")
    assert str(editor.proxy.index(0, 0).data()).startswith("光电子信息")
