"""Notes and follow-ups of the open client: read them, add one, mark a follow-up done."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QItemSelection, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import AppContext
from app.ui.history.controller import HistoryController, default_due, follow_up_state
from app.ui.history.models import OVERDUE_COLOUR, FollowUpModel, NotesModel
from app.ui.history.widgets import read_only_table
from db.records import NoteRecord

ADD_NOTE_KEYS = "Ctrl+Return"
ADD_FOLLOW_UP_KEYS = "Ctrl+Shift+Return"
MARK_DONE_KEYS = "Ctrl+D"


class NotesPanel(QWidget):
    """``NotesPanel(controller, context, parent=None)``; objectName ``notesPanel``.

    Follow-ups (``followUpTable``: due date, state in words, overdue also in colour) with "Mark
    done" (``markDone``); notes (``notesTable``); a multi-line text (``noteBody``), a due date
    (``followUpDue``, a week after the as-of date by default) and "Add note" (``addNote``) /
    "Add follow-up" (``addFollowUp``). A refusal is shown in plain words in ``notesMessage``.
    """

    def __init__(
        self, controller: HistoryController, context: AppContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self.controller = controller
        self.context = context

        self.follow_ups = FollowUpModel(context.as_of, self)
        self.follow_up_table = read_only_table(
            "followUpTable", self.follow_ups, QAbstractItemView.SelectionMode.SingleSelection
        )
        header = self.follow_up_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.follow_ups_label = QLabel()
        self.follow_ups_label.setBuddy(self.follow_up_table)
        self.due_summary = QLabel()
        self.due_summary.setObjectName("followUpSummary")
        self.due_summary.setWordWrap(True)
        self.mark_done = QPushButton()
        self.mark_done.setObjectName("markDone")
        self.mark_done.setEnabled(False)

        self.notes = NotesModel(self)
        self.notes_table = read_only_table(
            "notesTable", self.notes, QAbstractItemView.SelectionMode.SingleSelection
        )
        header = self.notes_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.notes_label = QLabel()
        self.notes_label.setBuddy(self.notes_table)

        self.body = QPlainTextEdit()
        self.body.setObjectName("noteBody")
        self.body.setTabChangesFocus(True)
        lines = self.body.fontMetrics().lineSpacing()
        self.body.setMinimumHeight(lines * 3 + 12)
        self.body.setMaximumHeight(lines * 6 + 12)
        self.body_label = QLabel()
        self.body_label.setBuddy(self.body)
        self.due = QDateEdit()
        self.due.setObjectName("followUpDue")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due_label = QLabel()
        self.due_label.setBuddy(self.due)
        self.add_note = QPushButton()
        self.add_note.setObjectName("addNote")
        self.add_follow_up = QPushButton()
        self.add_follow_up.setObjectName("addFollowUp")
        self.message = QLabel()
        self.message.setObjectName("notesMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {OVERDUE_COLOUR}")

        done_row = QHBoxLayout()
        done_row.addWidget(self.due_summary, 1)
        done_row.addWidget(self.mark_done)
        editor = QGridLayout()
        editor.addWidget(self.body_label, 0, 0, 1, 4)
        editor.addWidget(self.body, 1, 0, 1, 4)
        editor.addWidget(self.add_note, 2, 0)
        editor.addWidget(self.due_label, 2, 1, Qt.AlignmentFlag.AlignRight)
        editor.addWidget(self.due, 2, 2)
        editor.addWidget(self.add_follow_up, 2, 3)
        editor.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.follow_ups_label)
        layout.addWidget(self.follow_up_table, 2)
        layout.addLayout(done_row)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes_table, 2)
        layout.addLayout(editor)
        layout.addWidget(self.message)

        self.setTabOrder(self.follow_up_table, self.mark_done)
        self.setTabOrder(self.mark_done, self.notes_table)
        self.setTabOrder(self.notes_table, self.body)
        self.setTabOrder(self.body, self.add_note)
        self.setTabOrder(self.add_note, self.due)
        self.setTabOrder(self.due, self.add_follow_up)

        self.add_note_action = self._action(ADD_NOTE_KEYS, self._add_note)
        self.add_follow_up_action = self._action(ADD_FOLLOW_UP_KEYS, self._add_follow_up)
        self.mark_done_action = self._action(MARK_DONE_KEYS, self._mark_done)

        self.add_note.clicked.connect(self._add_note)
        self.add_follow_up.clicked.connect(self._add_follow_up)
        self.mark_done.clicked.connect(self._mark_done)
        self.follow_up_table.selectionModel().selectionChanged.connect(self._selection_changed)
        controller.notes_loaded.connect(self.show_notes)
        controller.note_saved.connect(self._saved)
        context.as_of_changed.connect(self._as_of_changed)
        self.reset_due()
        self.retranslate()

    def _action(self, keys: str, slot: object) -> QAction:
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -- text --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.follow_ups_label.setText(self.tr("Follow-ups"))
        self.notes_label.setText(self.tr("Notes"))
        self.body_label.setText(self.tr("New note or follow-up"))
        self.due_label.setText(self.tr("Due on"))
        self.mark_done.setText(self.tr("Mark done"))
        self.add_note.setText(self.tr("Add note"))
        self.add_follow_up.setText(self.tr("Add follow-up"))
        self.body.setPlaceholderText(self.tr("What was discussed, or what is to be done"))
        for widget, name, keys in (
            (self.mark_done, self.tr("Mark the selected follow-up done"), MARK_DONE_KEYS),
            (self.add_note, self.tr("Add the text as a note"), ADD_NOTE_KEYS),
            (self.add_follow_up, self.tr("Add the text as a follow-up"), ADD_FOLLOW_UP_KEYS),
        ):
            widget.setAccessibleName(name)
            shortcut = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
            widget.setToolTip(f"{name} ({shortcut})")
        self.follow_up_table.setAccessibleName(self.tr("Follow-ups"))
        self.notes_table.setAccessibleName(self.tr("Notes"))
        self.body.setAccessibleName(self.tr("Text of the new note or follow-up"))
        self.due.setAccessibleName(self.tr("Date the follow-up is due"))
        self.follow_ups.retranslate()
        self.notes.retranslate()
        self._summarise()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- showing -----------------------------------------------------------------------------

    def show_notes(self, records: list[NoteRecord]) -> None:
        follow_ups = [n for n in records if n.kind == "follow_up"]
        # what is still to do first, the earliest due at the top; done ones after
        follow_ups.sort(key=lambda n: (n.done_at is not None, n.due_on or date.max, n.id))
        self.follow_ups.set_rows(follow_ups)
        self.notes.set_rows([n for n in records if n.kind != "follow_up"])
        self._selection_changed()
        self._summarise()

    def _summarise(self) -> None:
        today = self.follow_ups.today
        states = [follow_up_state(n, today) for n in self.follow_ups.rows]
        overdue = states.count("overdue")
        due = states.count("due_today")
        pending = len(states) - states.count("done")
        if overdue:
            text = self.tr("{overdue} overdue, {open} open in all").format(
                overdue=overdue, open=pending
            )
        elif due:
            text = self.tr("{due} due today, {open} open in all").format(due=due, open=pending)
        elif pending:
            text = self.tr("{open} open, none overdue").format(open=pending)
        else:
            text = self.tr("Nothing to follow up")
        self.due_summary.setText(text)
        self.due_summary.setStyleSheet(f"color: {OVERDUE_COLOUR}" if overdue else "")

    def reset_due(self) -> None:
        self.due.setDate(_qdate(default_due(self.context.as_of)))

    def _as_of_changed(self) -> None:
        self.follow_ups.set_today(self.context.as_of)
        self.reset_due()
        self._summarise()

    def selected_follow_up(self) -> NoteRecord | None:
        rows = self.follow_up_table.selectionModel().selectedRows()
        return self.follow_ups.row(rows[0].row()) if rows else None

    def _selection_changed(self, *_args: QItemSelection) -> None:
        chosen = self.selected_follow_up()
        self.mark_done.setEnabled(chosen is not None and chosen.done_at is None)

    # -- actions -----------------------------------------------------------------------------

    def _add_note(self) -> None:
        self.message.setText(self.controller.add_note(self.body.toPlainText()))

    def _add_follow_up(self) -> None:
        due = self.due.date().toPython()
        assert isinstance(due, date)
        self.message.setText(self.controller.add_follow_up(self.body.toPlainText(), due))

    def _mark_done(self) -> None:
        chosen = self.selected_follow_up()
        if chosen is None or chosen.done_at is not None:
            return
        self.mark_done.setEnabled(False)
        self.controller.complete_follow_up(chosen.id)

    def _saved(self, note: NoteRecord) -> None:
        if note.done_at is None:  # a new note or follow-up: clear the editor for the next one
            self.body.clear()
            self.reset_due()
        self.message.clear()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
