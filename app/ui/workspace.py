"""The workspace of one client: the interview, the profile and the history on the left, the live
results and the selected measure's detail on the right, under a header with the client's name."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import AppContext
from app.ui.detail.view import DetailView
from app.ui.history.view import HistoryView
from app.ui.interview.view import InterviewView
from app.ui.profile_editor.view import ProfileEditorView
from app.ui.results.view import ResultsView
from app.ui.session import ClientSession

INTERVIEW, PROFILE, HISTORY = range(3)


class ClientWorkspace(QWidget):
    """Signals: ``back_requested`` (to the roster), ``save_requested``. The screens inside are
    attributes: ``interview``, ``editor``, ``history``, ``results``, ``detail``."""

    back_requested = Signal()
    save_requested = Signal()

    def __init__(
        self, session: ClientSession, context: AppContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.session = session
        self.context = context
        self.interview = InterviewView(session, context)
        self.editor = ProfileEditorView(session, context)
        self.history = HistoryView(session, context)
        self.results = ResultsView(session, context)
        self.detail = DetailView(session, context)
        # One header for the client: the editor's own title and Save button would repeat it.
        self.editor.title.hide()
        self.editor.save_button.hide()

        self.tabs = QTabWidget()
        self.tabs.setObjectName("clientTabs")
        for screen in (self.interview, self.editor, self.history):
            self.tabs.addTab(screen, "")

        self.client_title = QLabel()
        self.client_title.setObjectName("clientTitle")
        title_font = self.client_title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.client_title.setFont(title_font)
        self.unsaved_label = QLabel()
        self.unsaved_label.setObjectName("unsavedLabel")
        self.back_button = QPushButton()
        self.back_button.setObjectName("backToRoster")
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveClient")
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.client_title, 1)
        header.addWidget(self.unsaved_label)
        header.addWidget(self.save_button)

        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.setObjectName("resultsSplitter")
        self.right.addWidget(self.results)
        self.right.addWidget(self.detail)
        self.right.setSizes([420, 380])
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setObjectName("workspaceSplitter")
        self.split.addWidget(self.tabs)
        self.split.addWidget(self.right)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([640, 640])
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.split, 1)

        self.results.measure_selected.connect(self.detail.show_measure)
        self.detail.answer_requested.connect(self.answer_question)
        self.back_button.clicked.connect(self.back_requested)
        self.save_button.clicked.connect(self.save_requested)
        session.changed.connect(self.update_header)
        context.language_changed.connect(lambda _lang: self.update_header())
        self.retranslate()
        self.restore_layout()

    def retranslate(self) -> None:
        self.tabs.setTabText(INTERVIEW, self.tr("Interview"))
        self.tabs.setTabText(PROFILE, self.tr("Profile"))
        self.tabs.setTabText(HISTORY, self.tr("History and notes"))
        self.back_button.setText(self.tr("← Roster"))
        self.back_button.setAccessibleName(self.tr("Back to the client roster"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setAccessibleName(self.tr("Save client"))
        self.update_header()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def display_name(self) -> str:
        return self.session.name or self.tr("New walk-in (not saved)")

    def update_header(self) -> None:
        self.client_title.setText(self.display_name())
        self.unsaved_label.setText(self.tr("Unsaved changes") if self.session.dirty else "")

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    def answer_question(self, key: str) -> None:
        """An open question picked in the detail pane: its field in the profile editor."""
        self.show_tab(PROFILE)
        if key in self.editor.rows:
            self.editor.focus_key(key)

    def restore_layout(self) -> None:
        settings = QSettings()
        for key, splitter in (("window/workspace", self.split), ("window/results", self.right)):
            value = settings.value(key)
            if isinstance(value, QByteArray):
                splitter.restoreState(value)

    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("window/workspace", self.split.saveState())
        settings.setValue("window/results", self.right.saveState())
