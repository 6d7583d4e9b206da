"""The window starts, lists the pack's measures and renders Chinese with the bundled font."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QFontMetrics

from app.ui.fonts import FAMILY, application_font, load_bundled_fonts
from app.ui.main_window import MainWindow


def test_window_lists_every_measure_of_the_pack(qtbot, pack) -> None:
    window = MainWindow(pack, "zh")
    qtbot.addWidget(window)
    window.show()
    model = window.table.model()
    assert model.rowCount() == len(pack.measures)
    titles = [model.index(row, 1).data() for row in range(model.rowCount())]
    assert "重点产业企业所得税减按15%征收" in titles
    assert "鄂政办发〔2021〕7号" in window.windowTitle()


def test_selecting_a_measure_shows_its_clause(qtbot, pack) -> None:
    window = MainWindow(pack, "zh")
    qtbot.addWidget(window)
    row = [m.id for m in pack.measures].index("m38")
    window.table.selectRow(row)
    assert "外债便利化试点" in window.detail.toPlainText()


def test_english_window(qtbot, pack) -> None:
    window = MainWindow(pack, "en")
    qtbot.addWidget(window)
    model = window.table.model()
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Measure"
    titles = [model.index(row, 1).data() for row in range(model.rowCount())]
    assert "15% corporate income tax for key-industry enterprises" in titles


def test_bundled_font_covers_the_notice(qtbot, pack) -> None:
    assert FAMILY in load_bundled_fonts()
    assert FAMILY in QFontDatabase.families()
    metrics = QFontMetrics(application_font())
    missing = {ch for ch in pack.notice if ch.strip() and not metrics.inFontUcs4(ord(ch))}
    assert missing <= {"\ue010"}  # a private-use character lost in the published text
