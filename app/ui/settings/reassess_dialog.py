"""The "Re-assess all clients" dialog: what it will do, progress, then who gained or lost what."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import AppContext
from app.ui.settings.reassess import ReassessController


class ReassessDialog(QDialog):
    """Start, watch the progress, read the list of clients whose measures changed."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reassessDialog")
        self.context = context
        self.controller = ReassessController(context, self)

        self.intro = QLabel()
        self.intro.setObjectName("reassessIntro")
        self.intro.setWordWrap(True)
        self.start_button = QPushButton()
        self.start_button.setObjectName("reassessStart")
        self.start_button.setDefault(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("reassessProgress")
        self.progress.setVisible(False)
        self.summary = QLabel()
        self.summary.setObjectName("reassessSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = self.summary.font()
        bold.setBold(True)
        self.summary.setFont(bold)
        self.table_label = QLabel()
        self.table = QTableView()
        self.table.setObjectName("reassessChanges")
        self.table.setModel(self.controller.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table_label.setBuddy(self.table)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.setObjectName("reassessButtons")
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        start_row = QHBoxLayout()
        start_row.addWidget(self.progress, 1)
        start_row.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(start_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

        self.start_button.clicked.connect(self.start)
        self.controller.progress.connect(self._progress)
        self.controller.finished.connect(self._finished)
        self.controller.failed.connect(self._failed)
        char = self.fontMetrics().averageCharWidth()
        header.resizeSection(0, char * 32)
        header.resizeSection(1, char * 40)
        self.resize(char * 110, self.fontMetrics().height() * 28)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Re-assess all clients"))
        self.intro.setText(self.controller.intro())
        self.start_button.setText(self.tr("&Start"))
        self.start_button.setAccessibleName(self.tr("Start re-assessing every client"))
        self.table_label.setText(self.tr("Clients who &gained or lost measures:"))
        self.table.setAccessibleName(self.tr("Clients who gained or lost measures"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.summary.setText(self.controller.summary())
        model = self.controller.model
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def start(self) -> None:
        if self.controller.running:
            return
        self.summary.setText(self.tr("Re-assessing…"))
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.controller.start()
        self._update_buttons()

    def reject(self) -> None:
        if not self.controller.running:  # the work cannot be stopped half-way: wait for it
            super().reject()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        self.summary.setText(
            self.tr("{done} of {total} clients checked…").format(done=done, total=total)
        )

    def _finished(self) -> None:
        self.progress.setVisible(False)
        self.summary.setText(self.controller.summary())
        self.table.resizeRowsToContents()
        self._update_buttons()

    def _failed(self, message: str) -> None:
        self.progress.setVisible(False)
        self.summary.setText(message)
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.controller.running
        self.start_button.setEnabled(not running and self.controller.report is None)
        self.close_button.setEnabled(not running)
        self.table.setEnabled(self.controller.model.rowCount() > 0)
