"""The main window: the roster as the home page, and the workspace of one client.

The workspace shows the interview, the profile editor and the history on the left, and the live
results with the selected measure's detail on the right. Everything the window does to a client
goes through the shared ``ClientSession``; the window itself holds menus, shortcuts, the
unsaved-changes guard and the layout it remembers between runs.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import AppContext
from app.ui.detail.view import DetailView
from app.ui.errors import show_error
from app.ui.export.controller import ExportController
from app.ui.history.conflict import resolve_save_conflict
from app.ui.history.view import HistoryView
from app.ui.interview.view import InterviewView
from app.ui.profile_editor.view import ProfileEditorView
from app.ui.results.view import ResultsView
from app.ui.roster.view import RosterView
from app.ui.session import ClientSession
from app.ui.shortcuts import ShortcutsDialog
from app.ui.tasks import wait_until_idle

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """``MainWindow(context)``: the roster first; a client opens in the workspace."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.context = context
        self.session = ClientSession(context, self)
        self.session.start_walk_in()

        self.roster = RosterView(context)
        self.interview = InterviewView(self.session, context)
        self.editor = ProfileEditorView(self.session, context)
        self.history = HistoryView(self.session, context)
        self.results = ResultsView(self.session, context)
        self.detail = DetailView(self.session, context)
        self.exports = ExportController(self.session, context, self)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("clientTabs")
        self.tabs.addTab(self.interview, "")
        self.tabs.addTab(self.editor, "")
        self.tabs.addTab(self.history, "")

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
        self.workspace = QWidget()
        self.workspace.setObjectName("workspace")
        workspace_layout = QVBoxLayout(self.workspace)
        workspace_layout.addLayout(header)
        workspace_layout.addWidget(self.split, 1)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.roster)
        self.pages.addWidget(self.workspace)
        self.setCentralWidget(self.pages)

        # One header for the client: the editor's own title and Save button would repeat it.
        self.editor.title.hide()
        self.editor.save_button.hide()
        # The window's New action (Ctrl+N, everywhere) replaces the roster's own shortcut: two
        # claims on one key would make Qt ignore both.
        self.roster.new_shortcut.setEnabled(False)

        self._make_actions()
        self._connect()
        self.retranslate()
        self.resize(1280, 820)
        self._restore_layout()
        self.show_roster()

    # -- actions and menus ------------------------------------------------------------------

    def _action(self, name: str, shortcut: Any, slot: Any) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.act_new = self._action("actionNewWalkIn", keys.New, self.new_walk_in)
        self.act_roster = self._action("actionRoster", "Ctrl+L", self.show_roster)
        self.act_save = self._action("actionSave", keys.Save, self.save)
        self.act_import = self._action("actionImport", "Ctrl+I", self.import_clients)
        self.act_pdf = self._action("actionExportPdf", keys.Print, self.exports.export_pdf)
        self.act_xlsx = self._action("actionExportXlsx", "Ctrl+E", self.exports.export_xlsx)
        self.act_handout = self._action("actionHandout", "Ctrl+Shift+P", self.exports.print_handout)
        self.act_settings = self._action("actionSettings", "Ctrl+,", self.open_settings)
        self.act_quit = self._action("actionQuit", keys.Quit, self.close)
        self.act_interview = self._action("actionInterview", "Ctrl+1", lambda: self.show_tab(0))
        self.act_profile = self._action("actionProfile", "Ctrl+2", lambda: self.show_tab(1))
        self.act_history = self._action("actionHistory", "Ctrl+3", lambda: self.show_tab(2))
        self.act_language = self._action("actionLanguage", "Ctrl+Shift+L", self.toggle_language)
        self.act_shortcuts = self._action("actionShortcuts", keys.HelpContents, self.show_shortcuts)
        self.act_about = self._action("actionAbout", None, self.show_about)

        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        for action in (self.act_new, self.act_roster, self.act_save):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        for action in (self.act_import, self.act_pdf, self.act_xlsx, self.act_handout):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_settings)
        self.file_menu.addAction(self.act_quit)
        self.view_menu = bar.addMenu("")
        for action in (self.act_interview, self.act_profile, self.act_history):
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.act_language)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.act_shortcuts)
        self.help_menu.addAction(self.act_about)

    def _connect(self) -> None:
        self.roster.open_client.connect(self.open_client)
        self.roster.new_walk_in.connect(self.new_walk_in)
        self.interview.open_existing.connect(self._open_existing)
        self.results.measure_selected.connect(self.detail.show_measure)
        self.detail.answer_requested.connect(self.answer_question)
        self.interview.finished.connect(self._interview_finished)
        self.editor.save_conflict.connect(self._save_conflict)
        self.back_button.clicked.connect(self.show_roster)
        self.save_button.clicked.connect(self.save)
        self.session.changed.connect(self._update_header)
        self.context.language_changed.connect(lambda _lang: self._update_header())

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        texts = {
            self.act_new: self.tr("New walk-in"),
            self.act_roster: self.tr("Client roster"),
            self.act_save: self.tr("Save client"),
            self.act_import: self.tr("Import clients…"),
            self.act_pdf: self.tr("Export PDF report…"),
            self.act_xlsx: self.tr("Export Excel workbook…"),
            self.act_handout: self.tr("Print walk-in handout…"),
            self.act_settings: self.tr("Settings…"),
            self.act_quit: self.tr("Quit"),
            self.act_interview: self.tr("Interview"),
            self.act_profile: self.tr("Profile"),
            self.act_history: self.tr("History and notes"),
            self.act_language: self.tr("Switch to English"),
            self.act_shortcuts: self.tr("Keyboard shortcuts"),
            self.act_about: self.tr("About Policy Checker"),
        }
        for action, text in texts.items():
            action.setText(text)
        if self.context.lang == "en":
            self.act_language.setText(self.tr("Switch to Chinese"))
        self.tabs.setTabText(0, self.tr("Interview"))
        self.tabs.setTabText(1, self.tr("Profile"))
        self.tabs.setTabText(2, self.tr("History and notes"))
        self.back_button.setText(self.tr("← Roster"))
        self.back_button.setAccessibleName(self.tr("Back to the client roster"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setAccessibleName(self.tr("Save client"))
        self._update_header()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_header(self) -> None:
        pack = self.context.pack
        policy = f"{pack.manifest.document.number} · {pack.id} {pack.version}"
        name = self.session.name or self.tr("New walk-in (not saved)")
        self.client_title.setText(name)
        self.unsaved_label.setText(self.tr("Unsaved changes") if self.session.dirty else "")
        on_roster = self.pages.currentWidget() is self.roster
        title = self.tr("Policy Checker") if on_roster else f"{name} — {self.tr('Policy Checker')}"
        self.setWindowTitle(f"{title} — {policy}")
        for action in (self.act_save, self.act_pdf, self.act_xlsx, self.act_handout):
            action.setEnabled(not on_roster)

    # -- navigation ---------------------------------------------------------------------------

    def show_roster(self) -> None:
        if not self._may_leave_client():
            return
        self.pages.setCurrentWidget(self.roster)
        self._update_header()

    def show_tab(self, index: int) -> None:
        if self.pages.currentWidget() is self.workspace:
            self.tabs.setCurrentIndex(index)

    def _show_workspace(self, tab: int) -> None:
        self.pages.setCurrentWidget(self.workspace)
        self.tabs.setCurrentIndex(tab)
        self._update_header()

    def new_walk_in(self) -> None:
        """Always an empty profile: nothing of the previous visitor stays on screen."""
        if not self._may_leave_client():
            return
        self.session.start_walk_in()
        self.interview.start()
        self._show_workspace(0)

    def open_client(self, client_id: int) -> None:
        if self.session.record is not None and self.session.record.id == client_id:
            self._show_workspace(1)
            return
        if not self._may_leave_client():
            return
        try:
            record = self.context.service.client(client_id)
        except Exception as error:
            show_error(self, self.tr("The client could not be opened."), error)
            return
        self.session.open(record)
        self.interview.start()
        self._show_workspace(1)

    def answer_question(self, key: str) -> None:
        """An open question picked in the detail pane: its field in the profile editor."""
        self.show_tab(1)
        if key in self.editor.rows:
            self.editor.focus_key(key)

    def _interview_finished(self) -> None:
        if self.tabs.currentWidget() is not self.interview:
            return  # a client opened with nothing left to ask: no interview took place
        counts = self.session.assessment.summary()
        self.statusBar().showMessage(
            self.tr(
                "Interview ended: {eligible} measures apply, {open} still need information."
            ).format(eligible=counts["eligible"], open=counts["needs_info"])
        )

    def _open_existing(self, client_id: int) -> None:
        """The walk-in is a client already in the roster: drop the new record, open that one."""
        self.session.dirty = False
        self.open_client(client_id)

    def _may_leave_client(self) -> bool:
        """Ask before unsaved answers would be dropped; True when it is fine to go on."""
        if not self.session.dirty:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The answers for {name} are not saved. Save them now?").format(
                name=self.session.name or self.tr("this walk-in")
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Save:
            self.editor.save()
            wait_until_idle()
            return not self.session.dirty
        self.session.dirty = False
        return True

    # -- saving ---------------------------------------------------------------------------------

    def save(self) -> None:
        """Save the open client (Ctrl+S): the profile editor's save, the one save path, takes
        what is still being typed and says in plain words why a save was refused."""
        if self.pages.currentWidget() is not self.workspace:
            return
        if not self.session.name:
            self.show_tab(1)
        self.editor.save()

    def _save_conflict(self, _error: object) -> None:
        """Another desk saved this client since it was opened: reload, keep mine, or cancel."""
        resolve_save_conflict(self.session, self)

    # -- dialogs --------------------------------------------------------------------------------

    def import_clients(self) -> None:
        from app.ui.export.dialogs import ImportDialog

        ImportDialog(self.context, self).exec()

    def open_settings(self) -> None:
        from app.ui.settings.dialog import SettingsDialog

        SettingsDialog(self.context, self).exec()

    def toggle_language(self) -> None:
        self.context.set_language("en" if self.context.lang == "zh" else "zh")

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self).exec()

    def show_about(self) -> None:
        pack = self.context.pack
        QMessageBox.about(
            self,
            self.tr("About Policy Checker"),
            self.tr(
                "Policy Checker tells a company which measures of a policy apply to it, why, "
                "what is still unknown and what to do next.\n\nRule pack: {pack} {version} "
                "({sha})\nPolicy: {policy}"
            ).format(
                pack=pack.id,
                version=pack.version,
                sha=pack.sha256[:12],
                policy=pack.manifest.document.number,
            ),
        )

    # -- layout remembered between runs -----------------------------------------------------

    def _restore_layout(self) -> None:
        settings = QSettings()
        for key, restore in (
            ("window/geometry", self.restoreGeometry),
            ("window/state", self.restoreState),
            ("window/workspace", self.split.restoreState),
            ("window/results", self.right.restoreState),
        ):
            value = settings.value(key)
            if isinstance(value, QByteArray):
                restore(value)

    def _save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/workspace", self.split.saveState())
        settings.setValue("window/results", self.right.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_leave_client():
            event.ignore()
            return
        self.roster.finish_pending_delete()
        self._save_layout()
        event.accept()
