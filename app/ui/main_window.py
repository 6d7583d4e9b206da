"""The main window: the roster as the home page, and the workspace of one client.

Everything the window does to a client goes through the shared ``ClientSession``; the window
holds the pages, menus, shortcuts, the unsaved-changes guard and the layout it remembers between
runs. The client workspace (``app/ui/workspace.py``) is built when it is first needed (the first
walk-in or client of the day, about 0.3 s once), so the roster appears at once.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QWidget

from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.export.controller import ExportController
from app.ui.history.conflict import resolve_save_conflict
from app.ui.roster.view import RosterView
from app.ui.session import ClientSession
from app.ui.shortcuts import ShortcutsDialog
from app.ui.tasks import run_task, wait_until_idle
from app.ui.workspace import HISTORY, INTERVIEW, PROFILE, ClientWorkspace
from db.records import ClientRecord

log = logging.getLogger(__name__)

STATUS_MESSAGE_MS = 15_000


class MainWindow(QMainWindow):
    """``MainWindow(context)``: the roster first; a client opens in the workspace."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.context = context
        self.session = ClientSession(context, self)
        self._workspace: ClientWorkspace | None = None

        self.roster = RosterView(context)
        self.exports = ExportController(self.session, context, self)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.roster)
        self.setCentralWidget(self.pages)
        # The window's New action (Ctrl+N, everywhere) replaces the roster's own shortcut: two
        # claims on one key would make Qt ignore both.
        self.roster.new_shortcut.setEnabled(False)
        self.roster.open_client.connect(self.open_client)
        self.roster.new_walk_in.connect(self.new_walk_in)
        self.session.changed.connect(self._update_title)

        self._make_actions()
        self.retranslate()
        self.resize(1280, 820)
        self._restore_layout()

    # -- the client workspace, built on first use --------------------------------------------

    @property
    def workspace(self) -> ClientWorkspace:
        if self._workspace is None:
            workspace = ClientWorkspace(self.session, self.context)
            workspace.back_requested.connect(self.show_roster)
            workspace.save_requested.connect(self.save)
            workspace.interview.open_existing.connect(self._open_existing)
            workspace.interview.finished.connect(self._interview_finished)
            workspace.editor.save_conflict.connect(self._save_conflict)
            workspace.editor.open_existing.connect(self._open_existing)
            self.pages.addWidget(workspace)
            self._workspace = workspace
        return self._workspace

    @property
    def interview(self) -> Any:
        return self.workspace.interview

    @property
    def editor(self) -> Any:
        return self.workspace.editor

    @property
    def history(self) -> Any:
        return self.workspace.history

    @property
    def results(self) -> Any:
        return self.workspace.results

    @property
    def detail(self) -> Any:
        return self.workspace.detail

    @property
    def on_roster(self) -> bool:
        return self.pages.currentWidget() is self.roster

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
        self.act_reassess = self._action("actionReassessAll", None, self.reassess_all)
        self.act_pdf = self._action("actionExportPdf", keys.Print, self.exports.export_pdf)
        self.act_xlsx = self._action("actionExportXlsx", "Ctrl+E", self.exports.export_xlsx)
        self.act_handout = self._action("actionHandout", "Ctrl+Shift+P", self.exports.print_handout)
        self.act_settings = self._action("actionSettings", "Ctrl+,", self.open_settings)
        self.act_quit = self._action("actionQuit", keys.Quit, self.close)
        self.act_interview = self._action(
            "actionInterview", "Ctrl+1", lambda: self.show_tab(INTERVIEW)
        )
        self.act_profile = self._action("actionProfile", "Ctrl+2", lambda: self.show_tab(PROFILE))
        self.act_history = self._action("actionHistory", "Ctrl+3", lambda: self.show_tab(HISTORY))
        self.act_language = self._action("actionLanguage", "Ctrl+Shift+L", self.toggle_language)
        self.act_shortcuts = self._action("actionShortcuts", keys.HelpContents, self.show_shortcuts)
        self.act_about = self._action("actionAbout", None, self.show_about)

        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        for action in (self.act_new, self.act_roster, self.act_save):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        for action in (self.act_import, self.act_reassess):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        for action in (self.act_pdf, self.act_xlsx, self.act_handout):
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

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        texts = {
            self.act_new: self.tr("New walk-in"),
            self.act_roster: self.tr("Client roster"),
            self.act_save: self.tr("Save client"),
            self.act_import: self.tr("Import clients…"),
            self.act_reassess: self.tr("Re-assess all clients…"),
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
        self._update_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_title(self) -> None:
        pack = self.context.pack
        policy = f"{pack.manifest.document.number} · {pack.id} {pack.version}"
        app_name = self.tr("Policy Checker")
        if self.on_roster or self._workspace is None:
            title = app_name
        else:
            title = f"{self._workspace.display_name()} — {app_name}"
        self.setWindowTitle(f"{title} — {policy}")
        for action in (self.act_save, self.act_pdf, self.act_xlsx, self.act_handout):
            action.setEnabled(not self.on_roster)

    # -- navigation ---------------------------------------------------------------------------

    def show_roster(self) -> None:
        if not self._may_leave_client():
            return
        self.pages.setCurrentWidget(self.roster)
        self._update_title()

    def show_tab(self, index: int) -> None:
        if not self.on_roster:
            self.workspace.show_tab(index)

    def _show_workspace(self, tab: int) -> None:
        self.pages.setCurrentWidget(self.workspace)
        self.workspace.show_tab(tab)
        self._update_title()

    def new_walk_in(self) -> None:
        """Always an empty profile: nothing of the previous visitor stays on screen."""
        if not self._may_leave_client():
            return
        self.session.start_walk_in()
        self._show_workspace(INTERVIEW)
        self.interview.start()

    def open_client(self, client_id: int) -> None:
        """Open a saved client: read in a worker, then shown in the workspace's profile tab."""
        if self.session.record is not None and self.session.record.id == client_id:
            self._show_workspace(PROFILE)
            return
        if not self._may_leave_client():
            return

        def show(record: ClientRecord) -> None:
            self._show_workspace(PROFILE)  # first: the interview is not on screen as it restarts
            refused = self.session.open(record)
            self.interview.start()
            if refused:
                QMessageBox.warning(
                    self,
                    self.tr("Some saved answers were left out"),
                    self.tr(
                        "These saved answers are not valid any more and were left out until "
                        "you answer them again:\n{problems}"
                    ).format(problems="\n".join(refused)),
                )

        def failed(error: Exception) -> None:
            show_error(self, self.tr("The client could not be opened."), error)

        run_task(self.context.service.client, client_id, on_done=show, on_failed=failed)

    def _interview_finished(self) -> None:
        if self.workspace.tabs.currentIndex() != INTERVIEW:
            return  # a client opened with nothing left to ask: no interview took place
        counts = self.session.assessment.summary()
        self.statusBar().showMessage(  # for a while: it is stale once the desk moves on
            self.tr(
                "Interview ended: {eligible} measures apply, {open} still need information."
            ).format(eligible=counts["eligible"], open=counts["needs_info"]),
            STATUS_MESSAGE_MS,
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
        if self.on_roster:
            return
        if not self.session.name:
            self.show_tab(PROFILE)
        self.editor.save(allow_same_name=self.interview.controller.confirmed_different)

    def _save_conflict(self, _error: object) -> None:
        """Another desk saved this client since it was opened: reload, keep mine, or cancel."""
        resolve_save_conflict(self.session, self)

    # -- dialogs --------------------------------------------------------------------------------

    def import_clients(self) -> None:
        from app.ui.export.dialogs import ImportDialog

        ImportDialog(self.context, self).exec()

    def reassess_all(self) -> None:
        """Every client checked against the pack in use; who gained or lost what is listed."""
        from app.ui.settings.reassess_dialog import ReassessDialog

        ReassessDialog(self.context, self).exec()

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
        ):
            value = settings.value(key)
            if isinstance(value, QByteArray):
                restore(value)

    def _save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        if self._workspace is not None:
            self._workspace.save_layout()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_leave_client():
            event.ignore()
            return
        self.roster.finish_pending_delete()
        self._save_layout()
        event.accept()
