"""A save refused because another desk saved the client first: compare, then keep mine, take
theirs or go on editing. Nothing is lost: "Keep mine" saves my answers as a new version (theirs
stays in the client's history), "Cancel" keeps my unsaved answers in the form."""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import AppContext
from app.ui.history.controller import error_message, local_time, profile_changes
from app.ui.history.models import AnswerChangesModel
from app.ui.history.widgets import read_only_table
from app.ui.session import ClientSession
from app.ui.tasks import run_task
from db.errors import ConcurrentEditError
from db.records import ClientRecord

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class ConflictChoice(enum.Enum):
    KEEP_MINE = "keep_mine"  # save my answers over the new version (the caller retries)
    TAKE_THEIRS = "take_theirs"  # reload the client as the other desk saved it
    CANCEL = "cancel"  # keep editing; nothing saved, nothing lost


def apply_conflict_choice(
    session: ClientSession, choice: ConflictChoice, theirs: ClientRecord
) -> bool:
    """Act on the user's choice; True when the caller should save again (Keep mine).

    Keep mine: the session now stands on the other desk's version, so the retried save is
    checked against it (and refused again if a third save came in meanwhile). Take theirs: the
    session reloads their record. Cancel: nothing changes.
    """
    if choice is ConflictChoice.KEEP_MINE:
        session.record = theirs
        session.dirty = True
        return True
    if choice is ConflictChoice.TAKE_THEIRS:
        session.open(theirs)
    return False


class SaveConflictDialog(QDialog):
    """``SaveConflictDialog(mine, theirs, context, parent=None)``; objectName ``saveConflict``.

    ``mine`` is my unsaved answers (profile-file JSON form), ``theirs`` the client as now saved
    by the other desk. The table ``conflictRows`` shows each differing answer, mine beside
    theirs. Buttons ``keepMine``, ``takeTheirs``, ``cancelConflict``; ``choice`` holds the
    ``ConflictChoice`` once the dialog is finished (CANCEL when closed otherwise).
    """

    def __init__(
        self,
        mine: dict[str, Any],
        theirs: ClientRecord,
        context: AppContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("saveConflict")
        self.mine = dict(mine)
        self.theirs = theirs
        self.context = context
        self.choice = ConflictChoice.CANCEL

        self.heading = QLabel()
        self.heading.setObjectName("conflictHeading")
        self.heading.setWordWrap(True)
        self.model = AnswerChangesModel(parent=self)
        self.table = read_only_table("conflictRows", self.model, word_wrap=True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.explain = QLabel()
        self.explain.setObjectName("conflictHelp")
        self.explain.setWordWrap(True)

        self.keep_mine = QPushButton()
        self.keep_mine.setObjectName("keepMine")
        self.take_theirs = QPushButton()
        self.take_theirs.setObjectName("takeTheirs")
        self.cancel = QPushButton()
        self.cancel.setObjectName("cancelConflict")
        self.cancel.setDefault(True)  # Enter never overwrites anyone by accident
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.keep_mine, self.take_theirs, self.cancel):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.explain)
        layout.addLayout(buttons)

        self.keep_mine.clicked.connect(lambda: self.choose(ConflictChoice.KEEP_MINE))
        self.take_theirs.clicked.connect(lambda: self.choose(ConflictChoice.TAKE_THEIRS))
        self.cancel.clicked.connect(lambda: self.choose(ConflictChoice.CANCEL))
        context.language_changed.connect(lambda _lang: self._fill())
        self.setTabOrder(self.table, self.keep_mine)
        self.setTabOrder(self.keep_mine, self.take_theirs)
        self.setTabOrder(self.take_theirs, self.cancel)
        self.resize(820, 480)
        self.retranslate()

    def choose(self, choice: ConflictChoice) -> None:
        self.choice = choice
        if choice is ConflictChoice.CANCEL:
            self.reject()
        else:
            self.accept()

    def reject(self) -> None:  # Esc and the window's close button mean "Cancel"
        self.choice = ConflictChoice.CANCEL
        super().reject()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Someone else saved this client"))
        self.heading.setText(
            self.tr(
                "{who} saved {name} on {when}, after you opened it. Your changes are not lost: "
                "compare the answers below and choose."
            ).format(
                who=self.theirs.updated_by,
                name=self.theirs.name,
                when=local_time(self.theirs.updated_at),
            )
        )
        self.explain.setText(
            self.tr(
                "Keep mine: save your answers as the newest version (theirs stays in the "
                "history). Take theirs: reload the client as they saved it; your unsaved "
                "changes are dropped. Cancel: go on editing; nothing is saved."
            )
        )
        self.keep_mine.setText(self.tr("Keep mine"))
        self.take_theirs.setText(self.tr("Take theirs"))
        self.cancel.setText(self.tr("Cancel"))
        self.keep_mine.setAccessibleName(self.tr("Keep mine: save my answers over theirs"))
        self.take_theirs.setAccessibleName(self.tr("Take theirs: reload the saved client"))
        self.cancel.setAccessibleName(self.tr("Cancel: keep editing, nothing is saved"))
        self.table.setAccessibleName(self.tr("Answers that differ: mine and theirs"))
        self._fill()

    def _fill(self) -> None:
        self.model.set_headers(
            self.tr("My answer"),
            self.tr("Saved by {who}").format(who=self.theirs.updated_by),
        )
        self.model.set_rows(profile_changes(self.mine, self.theirs.profile, self.context.lang))
        self.table.resizeRowsToContents()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def resolve_save_conflict(
    session: ClientSession,
    parent: QWidget | None = None,
    on_saved: Callable[[ClientRecord], None] | None = None,
    on_failed: Callable[[Exception], None] | None = None,
) -> None:
    """After ``session.save`` failed with ConcurrentEditError: fetch the client as now saved (in
    a worker), ask the user in a ``SaveConflictDialog`` (without blocking), and act on the
    choice; "Keep mine" saves again, and a new conflict asks again. ``on_failed`` gets any other
    refusal of the retried save (e.g. a duplicate credit code)."""
    record = session.record
    if record is None:
        return
    context = session.context
    service = context.service

    def show(theirs: ClientRecord) -> None:
        dialog = SaveConflictDialog(session.answers, theirs, context, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(_code: int) -> None:
            if apply_conflict_choice(session, dialog.choice, theirs):
                session.save(on_done=on_saved, on_failed=retry_failed)

        dialog.finished.connect(finished)
        dialog.open()

    def retry_failed(error: Exception) -> None:
        if isinstance(error, ConcurrentEditError):
            resolve_save_conflict(session, parent, on_saved, on_failed)
        elif on_failed is not None:
            on_failed(error)

    def fetch_failed(error: Exception) -> None:
        message = error_message(translate("History", "Reading the client as now saved"), error)
        QMessageBox.warning(parent, translate("History", "Save refused"), message)

    run_task(service.client, record.id, on_done=show, on_failed=fetch_failed)
