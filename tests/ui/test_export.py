"""Export and print from the window: the PDF report, the Excel workbook and the one-page handout
are written off the GUI thread, named after the company, and opened with the system viewer;
failures are told in plain words."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from app.report.labels import VERDICT_LABELS
from app.ui.context import AppContext
from app.ui.export import ExportController, write_handout, write_report, write_workbook
from app.ui.export.controller import failure_text, suggested_file_name
from app.ui.session import ClientSession
from rules.profile import parse_profile
from tests.conftest import AI_STARTUP


class Calls:
    """What the patched dialogs were asked and answered."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder  # where the patched file dialog saves
        self.saved: list[tuple[str, str]] = []  # (title, suggested path)
        self.opened: list[Path] = []
        self.warnings: list[str] = []
        self.names: list[str] = []


@pytest.fixture(autouse=True)
def own_settings_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The user's own report settings never reach a test."""
    monkeypatch.setenv("POLICY_CHECKER_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Calls:
    calls = Calls(tmp_path / "out")
    calls.folder.mkdir()

    def save(parent: Any, title: str, suggested: str, file_filter: str) -> tuple[str, str]:
        calls.saved.append((title, suggested))
        return str(calls.folder / Path(suggested).name), file_filter

    def open_url(url: QUrl) -> bool:
        calls.opened.append(Path(url.toLocalFile()))
        return True

    def warning(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        calls.warnings.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    return calls


@pytest.fixture
def client(session: ClientSession, context: AppContext) -> ClientSession:
    record = context.service.add_client(parse_profile(AI_STARTUP))
    session.open(record)
    return session


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def eligible_title(session: ClientSession) -> str:
    return next(r["title"] for r in session.answer["results"] if r["verdict"] == "eligible")


def test_pdf_report_is_written_named_after_the_company_and_opened(
    qtbot, client: ClientSession, context: AppContext, calls: Calls, wait_tasks, tmp_path: Path
) -> None:
    controller = ExportController(client, context, settings_path=tmp_path / "none.json")
    with qtbot.waitSignal(controller.exported, timeout=30_000) as exported:
        controller.export_pdf()
    wait_tasks()
    expected = calls.folder / f"{AI_STARTUP['name']}_2026-11-26.pdf"
    assert Path(calls.saved[0][1]).name == expected.name
    assert exported.args == ["pdf", expected]
    assert calls.opened == [expected]
    text = pdf_text(expected)
    assert AI_STARTUP["name"] in text
    assert re.sub(r"\s+", "", eligible_title(client)) in text
    assert re.sub(r"\s+", "", VERDICT_LABELS["en"]["eligible"]) in text
    assert calls.warnings == []


def test_excel_workbook_holds_the_company_and_its_verdicts(
    qtbot, client: ClientSession, context: AppContext, calls: Calls, wait_tasks
) -> None:
    controller = ExportController(client, context)
    with qtbot.waitSignal(controller.exported, timeout=30_000):
        controller.export_xlsx()
    wait_tasks()
    path = calls.opened[0]
    assert path.suffix == ".xlsx" and path.name.startswith(AI_STARTUP["name"])
    workbook = openpyxl.load_workbook(path, read_only=True)
    cells = {
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    }
    workbook.close()
    assert any(AI_STARTUP["name"] in cell for cell in cells)
    assert eligible_title(client) in cells


def test_print_handout_opens_a_one_page_pdf_with_the_desk_name(
    qtbot, client: ClientSession, context: AppContext, calls: Calls, wait_tasks, tmp_path: Path
) -> None:
    settings = tmp_path / "report.json"
    settings.write_text(json.dumps({"organisation": "东湖高新区企业服务中心"}), encoding="utf-8")
    controller = ExportController(client, context, settings_path=settings)
    controller.handout_folder = tmp_path / "handouts"
    with qtbot.waitSignal(controller.exported, timeout=30_000):
        controller.print_handout()
    wait_tasks()
    assert calls.saved == []  # printed at once: no file dialog at the desk
    (path,) = calls.opened
    assert path.parent == tmp_path / "handouts"
    assert len(PdfReader(path).pages) == 1
    text = pdf_text(path)
    assert "东湖高新区企业服务中心" in text
    assert AI_STARTUP["name"] in text


def test_walk_in_without_a_name_is_asked_for_it_first(
    qtbot,
    session: ClientSession,
    context: AppContext,
    calls: Calls,
    wait_tasks,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session.start_walk_in()
    asked: list[str] = []

    def get_text(parent: Any, title: str, label: str, *args: Any) -> tuple[str, bool]:
        asked.append(label)
        return "  汉阳小微贸易商行 ", True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    controller = ExportController(session, context)
    with qtbot.waitSignal(controller.exported, timeout=30_000):
        controller.export_xlsx()
    wait_tasks()
    assert asked == ["Give the company's name before exporting"]
    assert session.name == "汉阳小微贸易商行"
    assert calls.opened[0].name == "汉阳小微贸易商行_2026-11-26.xlsx"


def test_walk_in_who_gives_no_name_exports_nothing(
    session: ClientSession, context: AppContext, calls: Calls, monkeypatch: pytest.MonkeyPatch
) -> None:
    session.start_walk_in()
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: ("", False))
    controller = ExportController(session, context)
    controller.export_pdf()
    controller.print_handout()
    assert calls.saved == [] and calls.opened == []
    assert not controller.running


def test_a_file_that_cannot_be_written_is_reported_in_plain_words(
    qtbot,
    client: ClientSession,
    context: AppContext,
    calls: Calls,
    wait_tasks,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    missing = tmp_path / "no such folder" / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(missing), ""))
    controller = ExportController(client, context, settings_path=tmp_path / "none.json")
    with qtbot.waitSignal(controller.failed, timeout=30_000) as failed:
        controller.export_pdf()
    wait_tasks()
    (message,) = calls.warnings
    assert message == failed.args[0]
    assert message == (f"report.pdf cannot be written: the folder {missing.parent} does not exist.")
    assert calls.opened == [] and not missing.exists()
    assert not controller.running


def test_refused_report_settings_are_named(
    qtbot, client: ClientSession, context: AppContext, calls: Calls, wait_tasks, tmp_path: Path
) -> None:
    settings = tmp_path / "report.json"
    settings.write_text(json.dumps({"accent": "red"}), encoding="utf-8")
    controller = ExportController(client, context, settings_path=settings)
    with qtbot.waitSignal(controller.failed, timeout=30_000):
        controller.export_pdf()
    wait_tasks()
    (message,) = calls.warnings
    assert message.startswith("The report settings are not valid")
    assert "accent" in message
    assert calls.opened == []


def test_cancelled_file_dialog_writes_nothing(
    client: ClientSession, context: AppContext, calls: Calls, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    controller = ExportController(client, context)
    controller.export_pdf()
    assert not controller.running and calls.opened == []


def test_work_functions_write_files_without_any_dialog(
    client: ClientSession, tmp_path: Path
) -> None:
    assessment = client.assessment
    pdf = write_report(assessment, tmp_path / "r.pdf", "zh")
    xlsx = write_workbook(assessment, tmp_path / "r.xlsx", "zh")
    handout = write_handout(assessment, tmp_path, "zh")
    assert AI_STARTUP["name"] in pdf_text(pdf)
    assert xlsx.stat().st_size > 0
    assert handout.name == suggested_file_name(
        "handout", AI_STARTUP["name"], assessment.as_of, "zh"
    )
    assert len(PdfReader(handout).pages) == 1


def test_failure_text_never_shows_a_traceback() -> None:
    text = failure_text(RuntimeError("boom at line 3"))
    assert "boom" not in text and "log" in text
