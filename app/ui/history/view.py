"""The history screen of the open client: its visits, comparing two, notes and follow-ups."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QItemSelection, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import AppContext
from app.ui.history.compare import CompareDialog
from app.ui.history.controller import Comparison, HistoryController
from app.ui.history.frozen import FrozenAssessmentDialog
from app.ui.history.models import AssessmentListModel
from app.ui.history.notes import NotesPanel
from app.ui.history.widgets import read_only_table
from app.ui.session import ClientSession
from db.records import AssessmentRecord

log = logging.getLogger(__name__)

COMPARE_KEYS = "Ctrl+Shift+C"


class HistoryView(QWidget):
    """``HistoryView(session, context, parent=None)``; objectName ``history``.

    For ``session.record``: the table ``historyTable`` of its saved assessments (newest first:
    saved on, as of, by, rule pack with version and short hash, count per verdict); "Open"
    (``openVisit``; Enter or double-click) shows one frozen in a ``FrozenAssessmentDialog``;
    "Compare" (``compareVisits``; Ctrl+Shift+C) the two selected, or the selected one with the
    visit before it, or the latest two, in a ``CompareDialog``; and the ``NotesPanel``. An
    unsaved walk-in shows ``historyMessage`` instead. Reloads in a worker when the session is
    saved or another client is opened.

    Signals: ``dialog_opened(QDialog)`` when a frozen visit or a comparison is shown.
    """

    dialog_opened = Signal(QDialog)

    def __init__(
        self, session: ClientSession, context: AppContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("history")
        self.session = session
        self.context = context
        self.controller = HistoryController(session, context, self)
        self.dialogs: list[QDialog] = []

        self.message = QLabel()
        self.message.setObjectName("historyMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.title = QLabel()
        self.title.setObjectName("historyTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("historyStatus")
        self.status.setWordWrap(True)

        self.model = AssessmentListModel(self)
        self.table = read_only_table("historyTable", self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.visits_label = QLabel()
        self.visits_label.setBuddy(self.table)

        self.open_button = QPushButton()
        self.open_button.setObjectName("openVisit")
        self.compare_button = QPushButton()
        self.compare_button.setObjectName("compareVisits")
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.compare_button)
        buttons.addStretch(1)

        visits = QWidget()
        visits_layout = QVBoxLayout(visits)
        visits_layout.setContentsMargins(0, 0, 0, 0)
        visits_layout.addWidget(self.visits_label)
        visits_layout.addWidget(self.table, 1)
        visits_layout.addLayout(buttons)
        visits_layout.addWidget(self.status)

        self.notes = NotesPanel(self.controller, context)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(visits)
        splitter.addWidget(self.notes)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([640, 360])
        splitter.setChildrenCollapsible(False)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.title)
        content_layout.addWidget(splitter, 1)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.message)
        self.pages.addWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self.setTabOrder(self.table, self.open_button)
        self.setTabOrder(self.open_button, self.compare_button)
        self.setTabOrder(self.compare_button, self.notes.follow_up_table)

        self.compare_action = QAction(self)
        self.compare_action.setShortcut(QKeySequence(COMPARE_KEYS))
        self.compare_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.compare_action.triggered.connect(self.compare_selected)
        self.addAction(self.compare_action)

        self.open_button.clicked.connect(self.open_selected)
        self.compare_button.clicked.connect(self.compare_selected)
        self.table.activated.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.controller.assessments_loaded.connect(self._show_assessments)
        self.controller.frozen_ready.connect(self.show_frozen)
        self.controller.comparison_ready.connect(self.show_comparison)
        self.controller.failed.connect(self._failed)
        self.controller.busy_changed.connect(self._busy)
        session.changed.connect(self._show_client)
        self.retranslate()
        self._show_client()
        self.controller.reload()

    # -- text --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.message.setText(self.tr("Save the client to keep a history of its visits."))
        self.visits_label.setText(self.tr("Visits (saved assessments)"))
        self.open_button.setText(self.tr("Open"))
        self.compare_button.setText(self.tr("Compare"))
        self.table.setAccessibleName(self.tr("Saved assessments of this client"))
        for button, name, keys in (
            (self.open_button, self.tr("Open the selected visit as it was saved"), "Return"),
            (
                self.compare_button,
                self.tr("Compare the selected visits, or the latest with the one before"),
                COMPARE_KEYS,
            ),
        ):
            button.setAccessibleName(name)
            shortcut = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{name} ({shortcut})")
        self.model.retranslate()
        self._show_client()
        self._selection_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- showing -------------------------------------------------------------------------------

    def _show_client(self) -> None:
        record = self.session.record
        self.pages.setCurrentIndex(0 if record is None else 1)
        if record is not None:
            self.title.setText(self.tr("History of {name}").format(name=record.name))

    def _show_assessments(self, summaries: list[object]) -> None:
        self.model.set_rows(summaries)  # type: ignore[arg-type]
        if summaries:
            self.table.selectRow(0)
        self._selection_changed()

    def _busy(self, busy: bool) -> None:
        if busy:
            self.status.setText(self.tr("Loading…"))
        else:
            self._selection_changed()

    def _failed(self, message: str) -> None:
        self.status.setText(message)
        QMessageBox.warning(self, self.tr("History"), message)

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.row(r).id for r in rows]

    def _selection_changed(self, *_args: QItemSelection) -> None:
        count = self.model.rowCount()
        selected = len(self.selected_ids())
        self.open_button.setEnabled(selected == 1)
        self.compare_button.setEnabled(count >= 2)
        if not count:
            self.status.setText(self.tr("No assessment saved yet."))
        elif selected == 2:
            self.status.setText(self.tr("Two visits selected: Compare shows what changed."))
        else:
            self.status.setText(
                self.tr("{count} visits. Select two to compare them.").format(count=count)
            )

    # -- actions -------------------------------------------------------------------------------

    def open_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.controller.open_assessment(ids[0])

    def compare_selected(self) -> None:
        problem = self.controller.compare(self.selected_ids())
        if problem:
            self.status.setText(problem)

    def show_frozen(self, record: AssessmentRecord) -> FrozenAssessmentDialog:
        dialog = FrozenAssessmentDialog(record, self.context, self)
        self._show_dialog(dialog)
        return dialog

    def show_comparison(self, comparison: Comparison) -> CompareDialog:
        dialog = CompareDialog(comparison, self.context, self)
        self._show_dialog(dialog)
        return dialog

    def _show_dialog(self, dialog: QDialog) -> None:
        """Show without blocking (several visits may be open side by side); forget on close."""
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.show()
        self.dialog_opened.emit(dialog)

    def _forget(self, dialog: QDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()
