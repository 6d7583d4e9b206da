"""The main window as a desk uses it: roster first, walk-ins, opening clients, saving, language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView, QTableWidget, QWidget

from app.ui.fonts import FAMILY, application_font, load_bundled_fonts
from app.ui.main_window import MainWindow
from app.ui.shortcuts import ShortcutsDialog, shortcut_rows
from rules.profile import parse_profile

EXAMPLES = Path(__file__).parents[2] / "examples"


@pytest.fixture
def window(qtbot, context):
    main = MainWindow(context)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.session.dirty = False  # a test may leave answers unsaved: close without asking
    close_for_good(main)


def close_for_good(window: QWidget) -> None:
    """Close and delete now: a window left behind would stay active and take the next test's
    window-wide shortcuts."""
    from app.ui.tasks import wait_until_idle

    wait_until_idle()  # no task of this window may still hold the database
    window.close()
    window.deleteLater()


def answer_all(window: MainWindow, example: str) -> dict:
    data = json.loads((EXAMPLES / example).read_text(encoding="utf-8"))
    for key, value in data.items():
        window.session.set_answer(key, value)
    return data


def test_the_roster_is_the_home_page(window) -> None:
    assert window.pages.currentWidget() is window.roster
    assert "鄂政办发〔2021〕7号" in window.windowTitle()
    assert not window.act_save.isEnabled()


def test_ctrl_n_starts_an_empty_walk_in_every_time(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.workspace
    assert window.workspace.tabs.currentWidget() is window.interview
    answer_all(window, "retailer_wuhan.json")
    window.session.dirty = False  # the previous visitor was dealt with
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.session.answers == {}
    assert window.session.record is None
    assert "New walk-in" in window.workspace.client_title.text()


def test_picking_a_result_shows_its_detail_and_both_follow_edits(qtbot, window) -> None:
    window.new_walk_in()
    answer_all(window, "ai_startup_wuhan.json")
    window.results.select_measure("m02")
    assert window.detail.title_label.isVisible()
    assert "15%" in window.detail.title_label.text()
    assert window.session.assessment.result("m02").verdict == "eligible"
    window.session.forget("city")  # a city of Hubei would contradict the new zone
    window.session.set_answer("zone", "outside_hubei")
    assert window.session.assessment.result("m02").verdict == "not_eligible"
    assert window.results.current_measure == "m02"


def test_ctrl_s_saves_what_is_being_typed(qtbot, window, service, wait_tasks) -> None:
    window.new_walk_in()
    window.workspace.tabs.setCurrentWidget(window.editor)
    window.session.set_answer("name", "襄阳汽车零部件有限公司")
    employees = window.editor.editor("employees")
    employees.edit.setFocus()
    qtbot.keyClicks(employees.edit, "120")
    qtbot.keyClick(employees.edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_tasks()
    assert window.session.record is not None
    assert service.client(window.session.record.id).profile["employees"] == 120
    assert not window.session.dirty
    assert window.workspace.unsaved_label.text() == ""


def test_leaving_unsaved_answers_asks_first(qtbot, window, monkeypatch) -> None:
    window.new_walk_in()
    window.session.set_answer("name", "宜昌跨境电商有限公司")
    asked = []

    def cancel(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    window.new_walk_in()
    assert asked and "宜昌跨境电商有限公司" in asked[0]
    assert window.session.name == "宜昌跨境电商有限公司"  # nothing was lost
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    window.show_roster()
    assert window.pages.currentWidget() is window.roster


def test_opening_a_client_from_the_roster(qtbot, window, service, wait_tasks) -> None:
    record = service.add_client(parse_profile({"name": "武汉光谷医疗器械有限公司"}))
    window.context.roster_changed.emit()
    wait_tasks()
    window.roster.open_client.emit(record.id)
    wait_tasks()
    assert window.pages.currentWidget() is window.workspace
    assert window.session.record is not None and window.session.record.id == record.id
    assert window.workspace.client_title.text() == "武汉光谷医疗器械有限公司"


def test_the_language_switches_without_a_restart(qtbot, window, chinese) -> None:
    window.new_walk_in()
    window.context.set_language("zh")
    chinese.apply("zh")
    qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)")
    interview = QApplication.translate("MainWindow", "Interview")
    assert window.workspace.tabs.tabText(0) == interview != "Interview"
    chip = window.results.findChild(QWidget, "resultsShow_eligible")
    qtbot.waitUntil(lambda: "可适用" in chip.text())
    window.context.set_language("en")
    chinese.apply("en")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
    assert window.workspace.tabs.tabText(0) == "Interview"


def test_shortcuts_are_listed(qtbot, window) -> None:
    rows = dict(shortcut_rows(window, []))
    assert rows["Ctrl+N"] == "New walk-in"
    assert rows["Ctrl+S"] == "Save client"
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget, "shortcutsTable")
    assert table is not None and table.rowCount() >= len(rows)


def test_bundled_font_covers_the_notice(qtbot, pack) -> None:
    assert FAMILY in load_bundled_fonts()
    assert FAMILY in QFontDatabase.families()
    metrics = QFontMetrics(application_font())
    missing = {ch for ch in pack.notice if ch.strip() and not metrics.inFontUcs4(ord(ch))}
    assert missing <= {"\ue010"}  # a private-use character lost in the published text


def test_a_walk_in_from_ctrl_n_to_the_roster(qtbot, window, service, wait_tasks) -> None:
    """The desk's whole round: Ctrl+N, the interview on the keyboard, Ctrl+S, back to the
    roster, where the new client is listed with its verdict counts."""
    from tests.ui.test_interview import (
        LOGISTICS,
        answer_from_profile,
        press_enter,
        type_identity,
    )

    wait_tasks()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    interview = window.interview
    type_identity(qtbot, interview, LOGISTICS["name"], LOGISTICS["credit_code"])
    press_enter(qtbot, interview)
    wait_tasks()
    for _ in range(40):
        question = interview.controller.question
        if question is None:
            break
        answer_from_profile(qtbot, interview, LOGISTICS)
    assert interview.controller.stage == "finished"
    assert interview.pages.currentWidget() is interview.summary_page
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_tasks()
    assert window.session.record is not None and not window.session.dirty
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.roster
    wait_tasks()
    table = window.roster.findChild(QTableView, "rosterTable")
    model = table.model()
    names = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert LOGISTICS["name"] in names
    saved = service.assessments(window.session.record.id)
    assert len(saved) == 1 and saved[0].counts["eligible"] > 0


def test_an_unexpected_error_is_shown_in_plain_words_and_logged(qtbot, monkeypatch, caplog) -> None:
    from app.ui.application import report_unexpected

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[1:]))
    try:
        raise RuntimeError("a bug")
    except RuntimeError as error:
        report_unexpected(RuntimeError, error, error.__traceback__)
    _title, text = shown[0]
    assert "unexpected" in text and "log" in text and "Traceback" not in text
    assert "a bug" not in text  # the details go to the log, not to the user
    assert any(record.exc_info and "a bug" in str(record.exc_info[1]) for record in caplog.records)


def test_every_control_has_a_name_a_screen_reader_can_say(qtbot, window, wait_tasks) -> None:
    """Buttons, inputs and lists of the roster and the whole workspace carry an accessible name
    (or, for buttons and check boxes, their own words). Qt's own parts (headers, a line edit's
    clear button, a combo box's popup, the calendar) are Qt's business."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QCalendarWidget,
        QComboBox,
        QHeaderView,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
    )

    def qt_part(widget: QWidget) -> bool:
        if widget.objectName().startswith("qt_") or isinstance(widget, QHeaderView):
            return True
        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QComboBox | QAbstractSpinBox | QCalendarWidget | QLineEdit):
                return True
            parent = parent.parentWidget()
        return False

    window.new_walk_in()
    wait_tasks()
    controls = (
        QAbstractButton,
        QLineEdit,
        QComboBox,
        QAbstractSpinBox,
        QAbstractItemView,
        QPlainTextEdit,
        QTextEdit,
    )
    nameless = []
    for page in (window.roster, window.workspace):
        for widget in page.findChildren(QWidget):
            if not isinstance(widget, controls) or qt_part(widget):
                continue
            words = widget.accessibleName() or (
                widget.text().replace("&", "") if isinstance(widget, QAbstractButton) else ""
            )
            if not words.strip():
                nameless.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert nameless == []


def test_the_window_layout_is_remembered(qtbot, context) -> None:
    from PySide6.QtCore import QSettings

    first = MainWindow(context)
    first.show()
    first.new_walk_in()
    first.workspace.split.setSizes([250, 700])
    remembered = first.workspace.split.sizes()
    first.close()
    assert QSettings().value("window/geometry") == first.saveGeometry()
    close_for_good(first)
    second = MainWindow(context)
    second.show()
    qtbot.waitExposed(second)
    second.new_walk_in()
    assert second.workspace.split.sizes() == remembered
    second.session.dirty = False
    close_for_good(second)
