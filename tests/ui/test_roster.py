"""The roster, the home screen: listing, searching, filtering, sorting, follow-ups, opening,
a new walk-in, and deleting with undo."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.services.clients import ClientService
from app.ui.context import AppContext
from app.ui.roster import RosterController, RosterView
from app.ui.roster.model import COLUMNS, SORT_ROLE
from db.errors import NotFoundError
from db.repositories import assessments
from rules.answer import assessment_json
from rules.engine import assess
from rules.profile import parse_profile
from tests.conftest import AI_STARTUP, AS_OF

COL = {name: index for index, name in enumerate(COLUMNS)}
CODE = "91420100MA4K3XXX04"


def add(service: ClientService, **data: Any) -> int:
    return service.add_client(parse_profile(data)).id


@pytest.fixture
def roster(qtbot, context: AppContext, wait_tasks) -> RosterView:
    def make() -> RosterView:
        view = RosterView(context)
        qtbot.addWidget(view)
        view.resize(1200, 700)
        view.show()
        wait_tasks()
        return view

    return make  # type: ignore[return-value]


@pytest.fixture
def three(service: ClientService) -> dict[str, int]:
    """An assessed AI start-up with a credit code, an assessed logistics firm, one never
    assessed."""
    ids = {
        "ai": add(service, **{**AI_STARTUP, "name": "光谷智算科技有限公司", "credit_code": CODE}),
        "logistics": add(service, name="襄阳物流有限公司", zone="ftz_xiangyang"),
        "new": add(service, name="Northwind Trading Co., Ltd.", zone="outside_hubei"),
    }
    service.assess_client(ids["ai"], AS_OF)
    service.assess_client(ids["logistics"], AS_OF)
    return ids


def type_into(qtbot, widget: QWidget, text: str) -> None:
    """Type as a user would: Latin keys, Chinese through the input method (QTest has no keys
    for Chinese characters)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def names(view: RosterView) -> list[str]:
    model = view.table.model()
    return [model.index(row, COL["name"]).data() for row in range(model.rowCount())]


def cell(view: RosterView, name: str, column: str, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    model = view.table.model()
    row = names(view).index(name)
    return model.index(row, COL[column]).data(role)


def click_row(qtbot, view: RosterView, name: str, double: bool = False) -> None:
    index = view.table.model().index(names(view).index(name), COL["name"])
    view.table.scrollTo(index)
    point: QPoint = view.table.visualRect(index).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    if double:  # QTest's double click is the second click of a pair
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=point)


def answer_delete(monkeypatch, answer: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent, _title, text, *_args):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


# -- listing -------------------------------------------------------------------------------------


def test_lists_saved_clients_with_their_counts(roster, service, three) -> None:
    view = roster()
    assert sorted(names(view)) == sorted(
        ["光谷智算科技有限公司", "襄阳物流有限公司", "Northwind Trading Co., Ltd."]
    )
    latest = service.assessments(three["ai"])[0]
    assert cell(view, "光谷智算科技有限公司", "eligible") == str(latest.counts["eligible"])
    assert cell(view, "光谷智算科技有限公司", "needs_info") == str(latest.counts["needs_info"])
    assert cell(view, "光谷智算科技有限公司", "credit_code") == CODE
    assert cell(view, "襄阳物流有限公司", "zone") == "FTZ Xiangyang area"
    # never assessed: the counts are unknown, not zero
    assert cell(view, "Northwind Trading Co., Ltd.", "eligible") == "—"
    assert cell(view, "Northwind Trading Co., Ltd.", "assessed") == "Never"
    assert view.count_label.text() == "3 of 3 clients"
    assert view.pages.currentWidget() is view.table


def test_search_by_name_and_by_credit_code_prefix(qtbot, roster, three) -> None:
    view = roster()
    type_into(qtbot, view.search, "物流")
    assert names(view) == ["襄阳物流有限公司"]
    assert view.count_label.text() == "1 of 3 clients"
    view.search.clear()
    qtbot.keyClicks(view.search, "91420100ma4k")  # lower case, as typed in a hurry
    assert names(view) == ["光谷智算科技有限公司"]
    view.search.clear()
    qtbot.keyClicks(view.search, "northwind trading")
    assert names(view) == ["Northwind Trading Co., Ltd."]


def test_a_search_matching_nothing_says_so_and_can_be_cleared(qtbot, roster, three) -> None:
    view = roster()
    type_into(qtbot, view.search, "不存在的公司")
    assert names(view) == []
    assert view.pages.currentIndex() == 1
    assert view.empty_label.text() == "No clients match the search and filters."
    assert view.count_label.text() == "0 of 3 clients"
    qtbot.mouseClick(view.empty_button, Qt.MouseButton.LeftButton)
    assert view.search.text() == ""
    assert len(names(view)) == 3


def test_zone_filter(roster, three) -> None:
    view = roster()
    view.zone_combo.setCurrentIndex(view.zone_combo.findData("ftz_xiangyang"))
    assert names(view) == ["襄阳物流有限公司"]
    view.zone_combo.setCurrentIndex(view.zone_combo.findData("ftz_wuhan"))
    assert names(view) == ["光谷智算科技有限公司"]
    view.zone_combo.setCurrentIndex(0)
    assert len(names(view)) == 3


def test_verdict_filters(roster, service, three) -> None:
    view = roster()
    view.verdict_combo.setCurrentIndex(view.verdict_combo.findData("never_assessed"))
    assert names(view) == ["Northwind Trading Co., Ltd."]
    view.verdict_combo.setCurrentIndex(view.verdict_combo.findData("eligible"))
    assert "Northwind Trading Co., Ltd." not in names(view)
    assert "光谷智算科技有限公司" in names(view)


def test_assessed_with_an_older_pack_is_marked_and_filtered(
    roster, service, context, three
) -> None:
    profile = parse_profile({"name": "襄阳物流有限公司", "zone": "ftz_xiangyang"})
    old = assessment_json(assess(context.pack, profile, AS_OF), "en")
    old["pack"] = {**old["pack"], "sha256": "0" * 64}
    with service.database.write() as session:
        assessments.save(session, three["logistics"], 1, old, "desk-1")
    view = roster()
    assert "(older rules)" in cell(view, "襄阳物流有限公司", "assessed")
    view.verdict_combo.setCurrentIndex(view.verdict_combo.findData("older_rules"))
    assert names(view) == ["襄阳物流有限公司"]
    # the same clients as the service's own list, less those never assessed
    assert set(service.stale_clients()) == {three["logistics"], three["new"]}


def test_sort_by_eligible_count_is_numeric(roster, service) -> None:
    counts = {}
    for name, data in (
        ("甲公司", {"zone": "outside_hubei"}),
        ("乙公司", {**AI_STARTUP}),
        ("丙公司", {"zone": "ftz_wuhan"}),
    ):
        client = add(service, **{**data, "name": name})
        counts[name] = service.assess_client(client, AS_OF).saved.counts["eligible"]
    assert len(set(counts.values())) == 3, counts
    view = roster()
    view.table.sortByColumn(COL["eligible"], Qt.SortOrder.DescendingOrder)
    assert names(view) == sorted(counts, key=counts.__getitem__, reverse=True)
    keys = [cell(view, name, "eligible", SORT_ROLE) for name in names(view)]
    assert all(isinstance(key, int) for key in keys)
    view.table.sortByColumn(COL["eligible"], Qt.SortOrder.AscendingOrder)
    assert names(view) == sorted(counts, key=counts.__getitem__)


def test_names_sort_in_pinyin_order(roster, service) -> None:
    for name in ("张三公司", "阿里公司", "武汉公司"):
        add(service, name=name)
    view = roster()
    assert names(view) == ["阿里公司", "武汉公司", "张三公司"]


# -- follow-ups ----------------------------------------------------------------------------------


def test_follow_ups_due_are_shown_highlighted_and_filtered(qtbot, roster, service, three) -> None:
    service.add_note(three["ai"], "Call back", kind="follow_up", due_on=AS_OF - timedelta(days=3))
    service.add_note(three["ai"], "Bring documents", kind="follow_up", due_on=AS_OF)
    service.add_note(three["logistics"], "Later", kind="follow_up", due_on=AS_OF + timedelta(5))
    done = service.add_note(three["new"], "Done", kind="follow_up", due_on=AS_OF)
    service.complete_follow_up(done.id)
    service.add_note(three["new"], "A plain note", kind="note")
    view = roster()
    assert cell(view, "光谷智算科技有限公司", "follow_ups") == "2"
    assert cell(view, "光谷智算科技有限公司", "follow_ups", Qt.ItemDataRole.BackgroundRole)
    assert cell(view, "光谷智算科技有限公司", "follow_ups", Qt.ItemDataRole.DecorationRole)
    assert cell(view, "襄阳物流有限公司", "follow_ups") == ""
    assert "next on" in cell(view, "襄阳物流有限公司", "follow_ups", Qt.ItemDataRole.ToolTipRole)
    assert cell(view, "襄阳物流有限公司", "follow_ups", Qt.ItemDataRole.BackgroundRole) is None
    assert cell(view, "Northwind Trading Co., Ltd.", "follow_ups") == ""
    assert view.due_check.text() == "Follow-up &due (1)"
    qtbot.mouseClick(view.due_check, Qt.MouseButton.LeftButton)
    assert names(view) == ["光谷智算科技有限公司"]


def test_a_later_as_of_date_makes_more_follow_ups_due(roster, service, context, wait_tasks) -> None:
    client = add(service, name="襄阳物流有限公司")
    service.add_note(client, "Later", kind="follow_up", due_on=AS_OF + timedelta(days=5))
    view = roster()
    assert cell(view, "襄阳物流有限公司", "follow_ups") == ""
    context.set_as_of(AS_OF + timedelta(days=5))
    wait_tasks()
    assert cell(view, "襄阳物流有限公司", "follow_ups") == "1"


# -- actions -------------------------------------------------------------------------------------


def test_new_walk_in_button_and_ctrl_n(qtbot, roster, three) -> None:
    view = roster()
    with qtbot.waitSignal(view.new_walk_in, timeout=1000):
        qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.table.setFocus()
    with qtbot.waitSignal(view.new_walk_in, timeout=1000):
        qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_f_focuses_the_search_and_enter_goes_to_the_list(qtbot, roster, three) -> None:
    view = roster()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search.hasFocus()
    type_into(qtbot, view.search, "物流")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert view.table.hasFocus()
    with qtbot.waitSignal(view.open_client, timeout=1000) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [three["logistics"]]


def test_double_click_opens_the_client(qtbot, roster, three) -> None:
    view = roster()
    with qtbot.waitSignal(view.open_client, timeout=1000) as opened:
        click_row(qtbot, view, "襄阳物流有限公司", double=True)
    assert opened.args == [three["logistics"]]


def test_open_button_needs_a_selection(qtbot, roster, three) -> None:
    view = roster()
    assert not view.open_button.isEnabled()
    click_row(qtbot, view, "光谷智算科技有限公司")
    assert view.open_button.isEnabled()
    with qtbot.waitSignal(view.open_client, timeout=1000) as opened:
        qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [three["ai"]]


def test_a_reload_keeps_the_selection(qtbot, roster, service, context, three, wait_tasks) -> None:
    view = roster()
    click_row(qtbot, view, "襄阳物流有限公司")
    add(service, name="阿里巴巴有限公司")
    context.roster_changed.emit()
    wait_tasks()
    assert "阿里巴巴有限公司" in names(view)
    assert view.selected_client_id() == three["logistics"]


# -- deleting ------------------------------------------------------------------------------------


def test_delete_then_undo_keeps_the_client(qtbot, monkeypatch, roster, service, three) -> None:
    asked = answer_delete(monkeypatch, QMessageBox.StandardButton.Yes)
    view = roster()
    click_row(qtbot, view, "襄阳物流有限公司")
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert "undo" in asked[0].lower()
    assert "襄阳物流有限公司" not in names(view)
    assert view.undo_bar.isVisible()
    assert "襄阳物流有限公司" in view.undo_label.text()
    assert view.count_label.text() == "2 of 2 clients"
    assert service.client(three["logistics"]).name == "襄阳物流有限公司"  # not deleted yet
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert "襄阳物流有限公司" in names(view)
    assert view.selected_client_id() == three["logistics"]
    assert not view.undo_bar.isVisible()
    assert service.client(three["logistics"]).name == "襄阳物流有限公司"
    assert len(service.assessments(three["logistics"])) == 1  # its history too


def test_delete_without_undo_removes_it_from_the_database(
    qtbot, monkeypatch, roster, service, three, wait_tasks
) -> None:
    answer_delete(monkeypatch, QMessageBox.StandardButton.Yes)
    view = roster()
    view.controller.set_undo_window(50)
    click_row(qtbot, view, "襄阳物流有限公司")
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert "襄阳物流有限公司" not in names(view)

    def gone() -> bool:
        try:
            service.client(three["logistics"])
        except NotFoundError:
            return True
        return False

    qtbot.waitUntil(gone, timeout=5000)
    wait_tasks()
    assert not view.undo_bar.isVisible()
    assert "襄阳物流有限公司" not in names(view)
    assert view.count_label.text() == "2 of 2 clients"


def test_a_second_delete_makes_the_first(qtbot, monkeypatch, roster, service, three, wait_tasks):
    answer_delete(monkeypatch, QMessageBox.StandardButton.Yes)
    view = roster()
    click_row(qtbot, view, "襄阳物流有限公司")
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    click_row(qtbot, view, "Northwind Trading Co., Ltd.")
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    wait_tasks()
    with pytest.raises(NotFoundError):
        service.client(three["logistics"])
    assert "Northwind" in view.undo_label.text()
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert set(names(view)) == {"Northwind Trading Co., Ltd.", "光谷智算科技有限公司"}
    assert service.client(three["new"]).name == "Northwind Trading Co., Ltd."


def test_cancelled_delete_changes_nothing(qtbot, monkeypatch, roster, service, three) -> None:
    answer_delete(monkeypatch, QMessageBox.StandardButton.Cancel)
    view = roster()
    click_row(qtbot, view, "襄阳物流有限公司")
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert "襄阳物流有限公司" in names(view)
    assert not view.undo_bar.isVisible()


def test_closing_the_roster_makes_a_waiting_delete(qtbot, monkeypatch, roster, service, three):
    answer_delete(monkeypatch, QMessageBox.StandardButton.Yes)
    view = roster()
    click_row(qtbot, view, "襄阳物流有限公司")
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    view.finish_pending_delete()
    with pytest.raises(NotFoundError):
        service.client(three["logistics"])


def test_a_delete_refused_because_someone_edited_puts_the_client_back(
    qtbot, monkeypatch, roster, service, three, wait_tasks
) -> None:
    answer_delete(monkeypatch, QMessageBox.StandardButton.Yes)
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *_a: warnings.append(text))
    )
    view = roster()
    click_row(qtbot, view, "襄阳物流有限公司")
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    record = service.client(three["logistics"])  # another desk saves it meanwhile
    service.update_client(record.id, parse_profile({**record.profile, "employees": 12}), 1)
    view.controller.commit_pending()
    wait_tasks()
    assert warnings and "changed at another desk" in warnings[0]
    assert "襄阳物流有限公司" in names(view)
    assert service.client(three["logistics"]).version == 2


# -- empty state, language -----------------------------------------------------------------------


def test_an_empty_roster_invites_a_walk_in(qtbot, roster) -> None:
    view = roster()
    assert view.pages.currentIndex() == 1
    assert view.empty_label.text().startswith("No clients yet")
    assert "Ctrl+N" in view.empty_label.text()
    with qtbot.waitSignal(view.new_walk_in, timeout=1000):
        qtbot.mouseClick(view.empty_button, Qt.MouseButton.LeftButton)


def test_zone_labels_follow_the_language(roster, context, three) -> None:
    view = roster()
    context.set_language("zh")
    assert cell(view, "襄阳物流有限公司", "zone") == "自贸试验区襄阳片区"
    assert view.zone_combo.itemText(view.zone_combo.findData("ftz_wuhan")) == "自贸试验区武汉片区"


# -- the controller without a window -------------------------------------------------------------


def test_controller_filters_without_a_window(qtbot, context, service, three, wait_tasks) -> None:
    controller = RosterController(context)
    controller.reload()
    wait_tasks()
    assert controller.total == 3
    controller.set_search("光谷")
    controller.set_zone("ftz_wuhan")
    assert controller.shown == 1
    controller.set_zone("")  # zone not given
    assert controller.shown == 0
    controller.clear_filter()
    controller.set_verdict("needs_info")
    assert controller.shown == 2
    with pytest.raises(ValueError):
        controller.set_verdict("maybe")


def test_controller_load_failure_is_reported_in_words(qtbot, context, service, wait_tasks) -> None:
    controller = RosterController(context)

    def broken(_due_by: date) -> list[Any]:
        raise RuntimeError("disk gone")

    service.roster = broken  # type: ignore[method-assign]
    with qtbot.waitSignal(controller.failed, timeout=5000) as failed:
        controller.reload()
    wait_tasks()
    assert "could not be read" in failed.args[0]
    assert "disk gone" not in failed.args[0]
