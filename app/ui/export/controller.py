"""Export and print: the PDF report, the Excel workbook, the one-page handout, and client imports.

The work itself is done by plain functions (``write_report``, ``write_workbook``,
``write_handout``, ``import_clients``) that tests call without any dialog. ``ExportController``
and ``ImportController`` run them in a worker (``app.ui.tasks.run_task``) and talk to the user
through a ``Prompts`` object: ``app.ui.export.dialogs.DialogPrompts`` asks with Qt's dialogs,
tests pass their own answers.
"""

from __future__ import annotations

import logging
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
    Signal,
)

from app.report.files import report_file_name
from app.report.handout import build_handout, handout_file_name
from app.report.settings import Branding, SettingsError, branding, load_settings
from app.services.clients import ClientService, ImportReport
from app.services.clients_files import ClientFileError
from app.ui.context import AppContext
from app.ui.core_messages import error_text, plain_reason
from app.ui.session import ClientSession
from app.ui.tasks import run_task
from db.errors import DatabaseError
from rules.engine import Assessment
from rules.fields import PROFILE_FIELDS
from rules.profile import ProfileError

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex


# -- the work, without dialogs ------------------------------------------------------------------


def report_branding(settings_path: Path | None = None) -> Branding | None:
    """The desk's branding from the report settings file (None when nothing is set).

    Raises SettingsError when the file or its logo is refused.
    """
    if settings_path is not None and not settings_path.exists():
        settings_path = None  # not written yet: the default file, which may be absent too
    found = branding(load_settings(settings_path))
    return None if found.empty and found.accent is None else found


def write_report(
    assessment: Assessment, path: Path, lang: str, brand: Branding | None = None
) -> Path:
    """Write the PDF report to ``path`` and return where it is."""
    from app.report.service import build_report

    return build_report(assessment, path, lang=lang, branding=brand).path


def write_workbook(assessment: Assessment, path: Path, lang: str) -> Path:
    """Write the Excel workbook of the results to ``path`` and return where it is."""
    from app.report.service import build_xlsx

    return build_xlsx(assessment, path, lang=lang)


def write_handout(
    assessment: Assessment, path: Path, lang: str, brand: Branding | None = None
) -> Path:
    """Write the one-page handout to ``path`` (a file, or a folder to name it in)."""
    return build_handout(assessment, path, lang=lang, branding=brand).path


def import_clients(
    service: ClientService,
    path: Path,
    update: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import a file of clients into the roster (refused rows are in the report)."""
    return service.import_file(path, update=update, progress=progress)


def suggested_file_name(kind: str, company: str, as_of: date, lang: str) -> str:
    """The file name offered for ``kind`` ("pdf", "xlsx" or "handout")."""
    if kind == "handout":
        return handout_file_name(company, as_of.isoformat(), lang)
    return report_file_name(company, as_of.isoformat(), f".{kind}")


def failure_text(error: BaseException, target: Path | None = None) -> str:
    """What went wrong, in plain words for the user (the traceback is in the log).

    ``target`` is the file being written: the error may name a temporary file beside it.
    """
    if isinstance(error, SettingsError):
        return QCoreApplication.translate(
            "Export", "The report settings are not valid: {problems}. Correct them in the settings."
        ).format(problems="; ".join(error.problems))
    if isinstance(error, ClientFileError):
        return QCoreApplication.translate(
            "Export", "This file cannot be imported: {problems}"
        ).format(problems=error_text(error))
    if isinstance(error, DatabaseError):
        return QCoreApplication.translate("Export", "The database refused: {reason}").format(
            reason=error_text(error)
        )
    if not isinstance(error, OSError):
        return QCoreApplication.translate(
            "Export", "Something went wrong. The details are in the log file."
        )
    name = target.name if target is not None else Path(str(error.filename or "")).name
    if isinstance(error, PermissionError):
        return QCoreApplication.translate(
            "Export", "{name} cannot be written: permission denied. Choose another folder."
        ).format(name=name)
    if isinstance(error, FileNotFoundError) and target is not None:
        return QCoreApplication.translate(
            "Export", "{name} cannot be written: the folder {folder} does not exist."
        ).format(name=name, folder=str(target.parent))
    reason = error.strerror or str(error)
    if name:
        return QCoreApplication.translate(
            "Export", "{name} could not be written: {reason}."
        ).format(name=name, reason=reason)
    return QCoreApplication.translate("Export", "The file could not be written: {reason}.").format(
        reason=reason
    )


# -- refused rows of an import --------------------------------------------------------------------

_LABEL = re.compile(
    r"^(?P<label>(?:row|line|item) (?P<number>\d+)|file|header|column \d+[^:]*):\s*"
)
_FIELD = re.compile(r"^(?P<field>[a-z_]+):\s*")


@dataclass(frozen=True)
class RefusedRow:
    """One problem of an import, split for the table: where, which answer, why."""

    label: str  # "row 3", "line 2", "item 1"
    number: int | None  # the row (or line, item) number, when there is one
    field: str | None  # the profile key, when the problem names one
    reason: str


def refused_rows(lines: list[str]) -> list[RefusedRow]:
    """Split the import report's refused lines ("row 3: employees: ...") for the table."""
    rows = []
    for line in lines:
        label, number, field, rest = "", None, None, line
        match = _LABEL.match(rest)
        if match:
            label = match["label"]
            number = int(match["number"]) if match["number"] else None
            rest = rest[match.end() :]
        match = _FIELD.match(rest)
        if match and match["field"] in PROFILE_FIELDS:
            field = match["field"]
            rest = rest[match.end() :]
        rows.append(RefusedRow(label, number, field, rest))
    return rows


class RefusedRowsModel(QAbstractTableModel):
    """The refused rows of an import: row number, the answer concerned, the reason."""

    ROW, FIELD, REASON = range(3)

    def __init__(self, lang: str = "zh", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._rows: list[RefusedRow] = []

    @property
    def rows(self) -> list[RefusedRow]:
        return list(self._rows)

    def set_rows(self, rows: list[RefusedRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        """Redraw in ``lang``: the answers' names come from the pack, the rest from tr()."""
        self.lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 2))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def field_label(self, row: RefusedRow) -> str:
        if row.field is None:
            return ""
        return PROFILE_FIELDS[row.field].question(self.lang)

    def row_label(self, row: RefusedRow) -> str:
        if row.number is None:
            return row.label
        if row.label.startswith("line"):
            return self.tr("Line {number}").format(number=row.number)
        if row.label.startswith("item"):
            return self.tr("Item {number}").format(number=row.number)
        return self.tr("Row {number}").format(number=row.number)

    def text(self, row: RefusedRow, column: int) -> str:
        if column == self.ROW:
            return self.row_label(row)
        if column == self.FIELD:
            return self.field_label(row)
        return plain_reason(row.reason)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(row, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Row"), self.tr("Answer"), self.tr("Reason"))[section]

    def as_text(self) -> str:
        """The table as tab-separated text with a header line (for the clipboard)."""
        lines = ["\t".join(self.headerData(c, Qt.Orientation.Horizontal) for c in range(3))]
        lines += ["\t".join(self.text(r, c) for c in range(3)) for r in self._rows]
        return "\n".join(lines) + "\n"


def write_refused_csv(model: RefusedRowsModel, path: Path) -> Path:
    """Save the refused rows as a CSV file Excel opens (UTF-8 with BOM)."""
    import csv

    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow([model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)])
        for row in model.rows:
            writer.writerow([model.text(row, c) for c in range(3)])
    return path


# -- talking to the user --------------------------------------------------------------------------


class Progress(Protocol):
    def set_progress(self, done: int, total: int) -> None: ...

    def finish(self) -> None: ...


class Prompts(Protocol):
    """What the controllers ask of the user; ``DialogPrompts`` asks with Qt's dialogs."""

    def ask_name(self, message: str) -> str | None: ...

    def save_path(self, title: str, suggested: Path, file_filter: str) -> Path | None: ...

    def progress(self, text: str) -> Progress: ...

    def error(self, text: str) -> None: ...

    def open_file(self, path: Path) -> bool: ...


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


class ExportController(QObject):
    """Export the session's client as PDF or Excel, and print the walk-in handout.

    Each action asks for the company's name when the walk-in has none yet, asks where to save
    (the handout goes to a temporary folder and opens at once, ready to print), renders in a
    worker behind a progress dialog, then opens the file with the system's viewer.
    """

    exported = Signal(str, object)  # kind ("pdf", "xlsx", "handout"), Path
    failed = Signal(str)  # the message shown to the user

    def __init__(
        self,
        session: ClientSession,
        context: AppContext,
        parent: QObject | None = None,
        prompts: Prompts | None = None,
        settings_path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.context = context
        if prompts is None:
            from app.ui.export.dialogs import DialogPrompts

            prompts = DialogPrompts(parent)
        self.prompts: Prompts = prompts
        self.settings_path = settings_path
        self.folder: Path | None = None  # where the last file was saved
        self.handout_folder = Path(tempfile.gettempdir()) / "policy-checker-handouts"
        self.running = False

    # -- the actions the menu calls --------------------------------------------------------------

    def export_pdf(self) -> None:
        """Ctrl+P: the full PDF report."""
        self._export("pdf", self.tr("Save the PDF report"), self.tr("PDF files (*.pdf)"))

    def export_xlsx(self) -> None:
        """Ctrl+E: the results as an Excel workbook."""
        self._export(
            "xlsx", self.tr("Save the Excel workbook"), self.tr("Excel workbooks (*.xlsx)")
        )

    def save_handout(self) -> None:
        """The one-page handout, saved where the user says."""
        self._export("handout", self.tr("Save the one-page handout"), self.tr("PDF files (*.pdf)"))

    def print_handout(self) -> None:
        """Ctrl+Shift+P: the one-page handout, opened at once in the viewer to print."""
        if self.running or not self._named():
            return
        try:
            self.handout_folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self._fail(error, self.handout_folder)
            return
        name = suggested_file_name(
            "handout", self.session.name, self.context.as_of, self.context.lang
        )
        self._run("handout", self.handout_folder / name)

    # -- steps ----------------------------------------------------------------------------------

    def _named(self) -> bool:
        """Whether the client has a name, asking for it when a walk-in has none yet."""
        if self.session.name:
            return True
        name = self.prompts.ask_name(self.tr("Give the company's name before exporting"))
        if not name or not name.strip():
            return False
        try:
            self.session.set_answer("name", name.strip())
        except ProfileError as error:
            self.prompts.error(
                self.tr("This name cannot be used: {problems}").format(problems=error_text(error))
            )
            return False
        return True

    def _export(self, kind: str, title: str, file_filter: str) -> None:
        if self.running or not self._named():
            return
        name = suggested_file_name(kind, self.session.name, self.context.as_of, self.context.lang)
        path = self.prompts.save_path(
            title, (self.folder or documents_folder()) / name, file_filter
        )
        if path is None:
            return
        suffix = ".xlsx" if kind == "xlsx" else ".pdf"
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        self.folder = path.parent
        self._run(kind, path)

    def _run(self, kind: str, path: Path) -> None:
        assessment, lang, settings = self.session.assessment, self.context.lang, self.settings_path
        texts = {
            "pdf": self.tr("Writing the PDF report…"),
            "xlsx": self.tr("Writing the Excel workbook…"),
            "handout": self.tr("Preparing the handout…"),
        }
        progress = self.prompts.progress(texts[kind])
        self.running = True

        def work() -> Path:
            if kind == "xlsx":
                return write_workbook(assessment, path, lang)
            brand = report_branding(settings)
            if kind == "pdf":
                return write_report(assessment, path, lang, brand)
            return write_handout(assessment, path, lang, brand)

        def done(written: Path) -> None:
            self.running = False
            progress.finish()
            self.exported.emit(kind, written)
            if not self.prompts.open_file(written):
                self.prompts.error(
                    self.tr("The file was saved as {path}, but no program could open it.").format(
                        path=str(written)
                    )
                )

        def failed(error: Exception) -> None:
            self.running = False
            progress.finish()
            self._fail(error, path)

        run_task(work, on_done=done, on_failed=failed)

    def _fail(self, error: BaseException, target: Path | None = None) -> None:
        log.error("export failed: %s", error)
        message = failure_text(error, target)
        self.failed.emit(message)
        self.prompts.error(message)


class ImportController(QObject):
    """Import a file of clients in a worker; the refused rows land in ``refused``.

    Signals: ``progress(done, total)`` while the rows are saved, ``finished(ImportReport)`` when
    the import is done (``context.roster_changed`` is emitted when clients were added or
    updated), ``failed(message)`` in plain words when the file could not be imported at all.
    """

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.refused = RefusedRowsModel(context.lang, self)
        self.report: ImportReport | None = None
        self.running = False
        context.language_changed.connect(self.refused.set_language)

    def start(self, path: Path, update: bool = False) -> None:
        if self.running:
            return
        self.running = True
        self.report = None
        self.refused.set_rows([])
        service = self.context.service

        def work(progress: Callable[[int, int], None]) -> ImportReport:
            return import_clients(service, path, update, progress)

        run_task(work, on_done=self._done, on_failed=self._failed, on_progress=self.progress.emit)

    def _done(self, report: ImportReport) -> None:
        self.running = False
        self.report = report
        self.refused.set_rows(refused_rows(report.refused))
        if report.added or report.updated:
            self.context.roster_changed.emit()
        self.finished.emit(report)

    def _failed(self, error: Exception) -> None:
        self.running = False
        log.error("import failed: %s", error)
        self.failed.emit(failure_text(error))

    def summary(self) -> str:
        """The outcome in one sentence, e.g. "2 added, 0 updated, 0 unchanged, 3 refused"."""
        report = self.report
        if report is None:
            return ""
        return self.tr(
            "{added} added, {updated} updated, {unchanged} unchanged, {refused} refused"
        ).format(
            added=len(report.added),
            updated=len(report.updated),
            unchanged=report.unchanged,
            refused=len({(r.label or r.reason) for r in self.refused.rows}),
        )
