"""The dialogs of export and import: Qt's file, message and progress dialogs, and ImportDialog."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.clients import ImportReport
from app.ui.context import AppContext
from app.ui.export.controller import ImportController, documents_folder, write_refused_csv

log = logging.getLogger(__name__)


class ProgressDialog(QProgressDialog):
    """A window-modal progress dialog without a Cancel button (the work cannot be stopped
    half-way: a file is written whole or not at all)."""

    def __init__(self, text: str, parent: QWidget | None) -> None:
        super().__init__(text, "", 0, 0, parent)
        self.setCancelButton(None)  # no button: the work cannot be stopped
        self.setWindowTitle(self.tr("Please wait"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setAccessibleName(text)
        self.setObjectName("exportProgress")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 45)
        self.show()

    def set_progress(self, done: int, total: int) -> None:
        self.setRange(0, max(total, 0))
        self.setValue(min(done, total) if total > 0 else 0)

    def finish(self) -> None:
        self.hide()
        self.deleteLater()


class DialogPrompts:
    """What ExportController asks, asked with Qt's dialogs over ``parent``."""

    def __init__(self, parent: QObject | None) -> None:
        self.parent = parent if isinstance(parent, QWidget) else None

    def ask_name(self, message: str) -> str | None:
        text, accepted = QInputDialog.getText(
            self.parent,
            QCoreApplication.translate("Export", "Company name"),
            message,
        )
        return text if accepted else None

    def save_path(self, title: str, suggested: Path, file_filter: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self.parent, title, str(suggested), file_filter)
        return Path(chosen) if chosen else None

    def progress(self, text: str) -> ProgressDialog:
        return ProgressDialog(text, self.parent)

    def error(self, text: str) -> None:
        QMessageBox.warning(self.parent, QCoreApplication.translate("Export", "Export"), text)

    def open_file(self, path: Path) -> bool:
        return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


class ImportDialog(QDialog):
    """Import a spreadsheet of clients: choose the file, import with progress, see the outcome
    (added, updated, unchanged) and the refused rows in a table that can be copied or saved."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.context = context
        self.controller = ImportController(context, self)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.file_label = QLabel()
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("importFile")
        self.file_label.setBuddy(self.file_edit)
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("importChoose")
        self.update_box = QCheckBox()
        self.update_box.setObjectName("importUpdate")
        self.import_button = QPushButton()
        self.import_button.setObjectName("importStart")
        self.import_button.setDefault(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setVisible(False)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refused_label = QLabel()
        self.table = QTableView()
        self.table.setObjectName("importRefused")
        self.table.setModel(self.controller.refused)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.refused_label.setBuddy(self.table)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("importCopy")
        self.save_button = QPushButton()
        self.save_button.setObjectName("importSaveList")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        action_row = QHBoxLayout()
        action_row.addWidget(self.update_box, 1)
        action_row.addWidget(self.import_button)
        list_row = QHBoxLayout()
        list_row.addStretch(1)
        list_row.addWidget(self.copy_button)
        list_row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(file_row)
        layout.addLayout(action_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.refused_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(list_row)
        layout.addWidget(self.buttons)
        for widget in (
            self.file_edit,
            self.choose_button,
            self.update_box,
            self.import_button,
            self.table,
            self.copy_button,
            self.save_button,
        ):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        QWidget.setTabOrder(self.file_edit, self.choose_button)
        QWidget.setTabOrder(self.choose_button, self.update_box)
        QWidget.setTabOrder(self.update_box, self.import_button)
        QWidget.setTabOrder(self.import_button, self.table)
        QWidget.setTabOrder(self.table, self.copy_button)
        QWidget.setTabOrder(self.copy_button, self.save_button)

        self.choose_button.clicked.connect(self.choose_file)
        self.import_button.clicked.connect(self.start_import)
        self.file_edit.textChanged.connect(self._update_buttons)
        self.copy_button.clicked.connect(self.copy_list)
        self.save_button.clicked.connect(self.save_list)
        self.copy_button.setShortcut(QKeySequence.StandardKey.Copy)
        self.controller.progress.connect(self._progress)
        self.controller.finished.connect(self._finished)
        self.controller.failed.connect(self._failed)
        char = self.fontMetrics().averageCharWidth()
        header.resizeSection(1, char * 30)
        bold = self.summary.font()
        bold.setBold(True)
        self.summary.setFont(bold)
        self.resize(char * 90, self.fontMetrics().height() * 30)
        self.retranslate()
        self._update_buttons()

    # -- wording --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import clients"))
        self.intro.setText(
            self.tr(
                "Import clients from an Excel (.xlsx), CSV or JSON file: one client a row, the "
                "first row naming the columns (企业名称, 统一社会信用代码, …). Rows that cannot be "
                "read are listed below with the reason; the others are imported."
            )
        )
        self.file_label.setText(self.tr("&File:"))
        self.file_edit.setPlaceholderText(self.tr("Choose a file of clients"))
        self.file_edit.setAccessibleName(self.tr("File to import"))
        self.choose_button.setText(self.tr("&Choose…"))
        self.choose_button.setAccessibleName(self.tr("Choose the file to import"))
        self.update_box.setText(self.tr("&Update clients already in the roster"))
        self.update_box.setAccessibleName(self.tr("Update clients already in the roster"))
        self.update_box.setToolTip(
            self.tr(
                "A row for a company already in the roster saves its answers over the stored "
                "ones; without this, such rows are refused."
            )
        )
        self.import_button.setText(self.tr("&Import"))
        self.import_button.setAccessibleName(self.tr("Import the file"))
        self.refused_label.setText(self.tr("&Refused rows:"))
        self.table.setAccessibleName(self.tr("Refused rows"))
        self.copy_button.setText(self.tr("Cop&y list"))
        self.copy_button.setAccessibleName(self.tr("Copy the refused rows"))
        self.save_button.setText(self.tr("&Save list…"))
        self.save_button.setAccessibleName(self.tr("Save the refused rows as a CSV file"))
        self.summary.setText(self.controller.summary())
        self.controller.refused.set_language(self.context.lang)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- actions --------------------------------------------------------------------------------

    def choose_file(self) -> None:
        start = self.file_edit.text().strip() or str(documents_folder())
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a file of clients"),
            start,
            self.tr("Client files (*.xlsx *.csv *.json *.jsonl);;All files (*)"),
        )
        if chosen:
            self.file_edit.setText(chosen)

    def start_import(self) -> None:
        text = self.file_edit.text().strip()
        if not text or self.controller.running:
            return
        self.summary.setText(self.tr("Importing…"))
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._update_buttons()
        self.controller.start(Path(text), update=self.update_box.isChecked())
        self._update_buttons()

    def copy_list(self) -> None:
        if self.controller.refused.rowCount():
            QGuiApplication.clipboard().setText(self.controller.refused.as_text())

    def save_list(self) -> None:
        folder = Path(self.file_edit.text().strip() or documents_folder()).parent
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the refused rows"),
            str(folder / self.tr("refused-rows.csv")),
            self.tr("CSV files (*.csv)"),
        )
        if not chosen:
            return
        try:
            write_refused_csv(self.controller.refused, Path(chosen))
        except OSError as error:
            log.error("saving the refused rows failed: %s", error)
            QMessageBox.warning(
                self,
                self.tr("Import clients"),
                self.tr("The list could not be saved: {reason}.").format(
                    reason=error.strerror or str(error)
                ),
            )

    # -- outcome --------------------------------------------------------------------------------

    def _progress(self, done: int, total: int) -> None:
        # total 0: not known while the file is read (a moving bar), then done, done at the end
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(min(done, total))

    def _finished(self, report: ImportReport) -> None:
        self.progress.setVisible(False)
        self.summary.setText(self.controller.summary())
        self.table.resizeRowsToContents()
        self._update_buttons()

    def _failed(self, message: str) -> None:
        self.progress.setVisible(False)
        self.summary.setText(message)
        self._update_buttons()
        QMessageBox.warning(self, self.tr("Import clients"), message)

    def _update_buttons(self) -> None:
        running = self.controller.running
        has_rows = self.controller.refused.rowCount() > 0
        self.import_button.setEnabled(bool(self.file_edit.text().strip()) and not running)
        self.choose_button.setEnabled(not running)
        self.update_box.setEnabled(not running)
        self.copy_button.setEnabled(has_rows)
        self.save_button.setEnabled(has_rows)
        self.table.setEnabled(has_rows)
