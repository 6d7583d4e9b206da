"""Importing a spreadsheet of clients: the good rows land in the roster, the refused rows are
listed with their row numbers and reasons, and a file that is no spreadsheet is refused in plain
words."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.services.clients import IMPORT_CHUNK, ImportReport
from app.ui.context import AppContext
from app.ui.export.controller import ImportController, RefusedRowsModel, refused_rows
from app.ui.export.dialogs import ImportDialog
from rules.profile import parse_profile

GOOD_AND_BAD = (
    "企业名称,统一社会信用代码,从业人员,所在区域\n"
    "光谷好公司有限公司,,10,ftz_wuhan\n"  # row 2: good
    "错码公司有限公司,91420100MA4K0000XX,5,ftz_wuhan\n"  # row 3: bad check character
    "负人数公司有限公司,,-3,ftz_wuhan\n"  # row 4: negative employees
    "火星公司有限公司,,4,mars\n"  # row 5: unknown zone
    "襄阳好物流有限公司,,20,自贸试验区襄阳片区\n"  # row 6: good, zone by its Chinese label
)


@pytest.fixture
def clients_csv(tmp_path: Path) -> Path:
    path = tmp_path / "clients.csv"
    path.write_text(GOOD_AND_BAD, encoding="utf-8")
    return path


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def warning(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


def table_rows(model: RefusedRowsModel) -> list[list[str]]:
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def names_in_roster(context: AppContext) -> set[str]:
    return {summary.client.name for summary in context.service.search()}


def test_good_rows_are_imported_and_bad_rows_listed_with_row_numbers_and_reasons(
    qtbot, context: AppContext, clients_csv: Path, warnings: list[str], monkeypatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(clients_csv), ""))
    dialog = ImportDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.file_edit.text() == str(clients_csv)
    with (
        qtbot.waitSignal(context.roster_changed, timeout=15_000),
        qtbot.waitSignal(dialog.controller.finished, timeout=15_000),
    ):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert names_in_roster(context) == {"光谷好公司有限公司", "襄阳好物流有限公司"}
    rows = table_rows(dialog.table.model())
    assert [row[0] for row in rows] == ["Row 3", "Row 4", "Row 5"]
    assert rows[0][2] == "The last character should be J: check the code for a typo."
    assert rows[1][1] == "Number of employees" or "employees" in rows[1][1].lower()
    assert "-3" in rows[1][2]
    assert "mars" in rows[2][2]
    assert dialog.summary.text() == "2 added, 0 updated, 0 unchanged, 3 refused"
    assert dialog.copy_button.isEnabled() and dialog.save_button.isEnabled()
    assert warnings == []


def test_copy_and_save_the_refused_rows(
    qtbot, context: AppContext, clients_csv: Path, tmp_path: Path, monkeypatch
) -> None:
    dialog = ImportDialog(context)
    qtbot.addWidget(dialog)
    dialog.file_edit.setText(str(clients_csv))
    with qtbot.waitSignal(dialog.controller.finished, timeout=15_000):
        dialog.start_import()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[0].split("\t") == ["Row", "Answer", "Reason"]
    assert [line.split("\t")[0] for line in copied[1:]] == ["Row 3", "Row 4", "Row 5"]

    target = tmp_path / "refused.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with target.open(encoding="utf-8-sig", newline="") as stream:
        saved = list(csv.reader(stream))
    assert [row[0] for row in saved] == ["Row", "Row 3", "Row 4", "Row 5"]
    assert "mars" in saved[3][2]


def test_update_checkbox_saves_the_file_over_existing_clients(
    qtbot, context: AppContext, tmp_path: Path
) -> None:
    context.service.add_client(parse_profile({"name": "光谷好公司有限公司", "employees": 3}))
    path = tmp_path / "update.csv"
    path.write_text("企业名称,从业人员\n光谷好公司有限公司,10\n", encoding="utf-8")

    dialog = ImportDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.file_edit.setText(str(path))
    with qtbot.waitSignal(dialog.controller.finished, timeout=15_000):
        dialog.start_import()
    assert dialog.summary.text() == "0 added, 0 updated, 0 unchanged, 1 refused"
    assert "already in the roster" in table_rows(dialog.table.model())[0][2]

    dialog.update_box.setFocus()
    qtbot.keyClick(dialog.update_box, Qt.Key.Key_Space)
    assert dialog.update_box.isChecked()
    with qtbot.waitSignal(dialog.controller.finished, timeout=15_000) as finished:
        dialog.start_import()
    report: ImportReport = finished.args[0]
    service = dialog.controller.context.service
    assert [service.client(i).profile["employees"] for i in report.updated] == [10]
    assert dialog.table.model().rowCount() == 0
    assert not dialog.copy_button.isEnabled()


def test_a_picture_renamed_xlsx_is_refused_in_plain_words(
    qtbot, context: AppContext, tmp_path: Path, warnings: list[str]
) -> None:
    picture = tmp_path / "clients.xlsx"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    dialog = ImportDialog(context)
    qtbot.addWidget(dialog)
    dialog.file_edit.setText(str(picture))
    with qtbot.waitSignal(dialog.controller.failed, timeout=15_000):
        dialog.start_import()
    (message,) = warnings
    assert message.startswith("This file cannot be imported")
    assert "not an Excel .xlsx workbook" in message
    assert "Traceback" not in message and "BadZipFile" not in message
    assert dialog.summary.text() == message
    assert names_in_roster(context) == set()
    assert dialog.import_button.isEnabled()


def test_import_reports_progress_while_saving_rows(
    qtbot, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "many.csv"
    rows = IMPORT_CHUNK + 30
    path.write_text("name\n" + "".join(f"Company {n} Ltd\n" for n in range(rows)), "utf-8")
    controller = ImportController(context)
    seen: list[tuple[int, int]] = []
    controller.progress.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(controller.finished, timeout=60_000):
        controller.start(path)
    # The file is read as a stream: its length is known only at the end.
    assert seen == [(IMPORT_CHUNK, 0), (rows, rows)]
    assert controller.summary() == f"{rows} added, 0 updated, 0 unchanged, 0 refused"


def test_refused_lines_are_split_into_row_answer_and_reason() -> None:
    rows = refused_rows(
        [
            "row 3: credit_code: check character is wrong (expected J)",
            "line 2: malformed JSON at column 5: Expecting value",
            "item 4: the same company as item 1",
        ]
    )
    assert [(r.label, r.number, r.field) for r in rows] == [
        ("row 3", 3, "credit_code"),
        ("line 2", 2, None),
        ("item 4", 4, None),
    ]
    assert rows[0].reason == "check character is wrong (expected J)"
    model = RefusedRowsModel("zh")
    model.set_rows(rows)
    assert model.index(0, 1).data() == "统一社会信用代码"
    assert model.index(1, 0).data() == "Line 2"
