"""Interview mode: the question in large text, its answer widget, and the buttons to move on.

Layout only; what is asked and what an action does is in ``InterviewController``. Keys: Enter
answers and goes on, Alt+Left goes back, Ctrl+J skips, Ctrl+K is "don't know", Esc stops.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import AppContext
from app.ui.interview.controller import InterviewController, Stage
from app.ui.session import ClientSession
from app.ui.widgets.base import UNKNOWN, FieldEditor, InvalidInput
from app.ui.widgets.bool_group import BoolGroupEditor
from app.ui.widgets.editors import make_editor
from rules.fields import PROFILE_FIELDS

QUESTION_SCALE = 1.6  # the question's text, relative to the application font
TITLE_SCALE = 1.3

BACK_KEYS = (QKeySequence("Alt+Left"),)
SKIP_KEYS = (QKeySequence("Ctrl+J"),)
DONT_KNOW_KEYS = (QKeySequence("Ctrl+K"),)


def _scaled(widget: QWidget, scale: float, bold: bool = True) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    widget.setFont(font)


def _wrapping_label(parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    if name:
        label.setObjectName(name)
    return label


class InterviewView(QWidget):
    """The walk-in interview over ``session``.

    Call ``start()`` to begin again (after ``session.start_walk_in()`` or opening a client);
    the constructor starts at once. Signals: ``open_existing(int)`` when the user picks a client
    the roster already holds (the shell opens it); ``finished()`` when the interview ends
    (complete or stopped; the answers stay in the session).
    """

    open_existing = Signal(int)
    finished = Signal()

    def __init__(
        self, session: ClientSession, context: AppContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("interview")
        self.session = session
        self.context = context
        self.controller = InterviewController(session, context, self)
        self.editor: FieldEditor | None = None

        self.progress = _wrapping_label(self, "interviewProgress")
        self.notice = _wrapping_label(self, "interviewNotice")
        self.notice.hide()
        self._notice_fresh = False
        self.pages = QStackedWidget(self)
        self._build_identity_page()
        self._build_duplicate_page()
        self._build_question_page()
        self._build_summary_page()
        self._build_buttons()
        self.hint = _wrapping_label(self, "interviewKeys")
        self.hint.setEnabled(False)  # drawn in the disabled (grey) text colour: a quiet hint

        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        layout.addWidget(self.notice)
        layout.addWidget(self.pages, 1)
        layout.addLayout(self.button_row)
        layout.addWidget(self.hint)

        self._shortcuts()
        self.controller.question_changed.connect(self._show_stage)
        self.controller.progress_changed.connect(self._show_progress)
        self.controller.open_existing.connect(self.open_existing)
        self.controller.finished.connect(self.finished)
        self.controller.check_failed.connect(self._check_failed)
        context.language_changed.connect(self._language_changed)
        self.retranslate()
        self.start()

    # -- building -----------------------------------------------------------------------------

    def _build_identity_page(self) -> None:
        page = QWidget(self)
        self.identity_title = _wrapping_label(page, "interviewIdentityTitle")
        _scaled(self.identity_title, QUESTION_SCALE)
        self.name_label = QLabel(page)
        self.name_editor = make_editor("name", self.context, page)
        self.name_editor.setObjectName("interviewName")
        self.name_label.setBuddy(self.name_editor)
        self.code_label = QLabel(page)
        self.code_editor = make_editor("credit_code", self.context, page)
        self.code_editor.setObjectName("interviewCreditCode")
        self.code_label.setBuddy(self.code_editor)
        self.code_hint = _wrapping_label(page)
        self.checking = _wrapping_label(page, "interviewChecking")
        layout = QVBoxLayout(page)
        layout.addWidget(self.identity_title)
        layout.addSpacing(self.fontMetrics().lineSpacing())
        layout.addWidget(self.name_label)
        layout.addWidget(self.name_editor)
        layout.addWidget(self.code_label)
        layout.addWidget(self.code_editor)
        layout.addWidget(self.code_hint)
        layout.addWidget(self.checking)
        layout.addStretch(1)
        self.identity_page = page
        self.pages.addWidget(page)

    def _build_duplicate_page(self) -> None:
        page = QWidget(self)
        self.duplicate_title = _wrapping_label(page, "interviewDuplicateTitle")
        _scaled(self.duplicate_title, TITLE_SCALE)
        self.duplicate_text = _wrapping_label(page)
        self.duplicate_list = QListView(page)
        self.duplicate_list.setObjectName("interviewDuplicates")
        self.duplicate_list.setModel(self.controller.duplicates)
        self.duplicate_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.duplicate_list.activated.connect(self._open_existing)
        self.open_button = QPushButton(page)
        self.open_button.setObjectName("interviewOpenExisting")
        self.open_button.clicked.connect(lambda: self._open_existing(None))
        self.different_button = QPushButton(page)
        self.different_button.setObjectName("interviewDifferent")
        self.different_button.clicked.connect(self.controller.continue_as_new)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.different_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.duplicate_title)
        layout.addWidget(self.duplicate_text)
        # A few rows: there is rarely more than one match.
        self.duplicate_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 8)
        layout.addWidget(self.duplicate_list)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.duplicate_page = page
        self.pages.addWidget(page)

    def _build_question_page(self) -> None:
        page = QWidget(self)
        self.question_label = _wrapping_label(page, "interviewQuestion")
        _scaled(self.question_label, QUESTION_SCALE)
        self.impact_label = _wrapping_label(page, "interviewImpact")
        _scaled(self.impact_label, 1.0)
        self.why_label = _wrapping_label(page, "interviewWhy")
        self.answer_area = QVBoxLayout()
        layout = QVBoxLayout(page)
        layout.addWidget(self.question_label)
        layout.addWidget(self.impact_label)
        layout.addWidget(self.why_label)
        layout.addSpacing(self.fontMetrics().lineSpacing() // 2)
        layout.addLayout(self.answer_area, 1)
        self.question_page = page
        self.pages.addWidget(page)

    def _build_summary_page(self) -> None:
        page = QWidget(self)
        self.summary_label = _wrapping_label(page, "interviewSummary")
        _scaled(self.summary_label, TITLE_SCALE)
        self.summary_next = _wrapping_label(page, "interviewSummaryNext")
        self.resume_button = QPushButton(page)
        self.resume_button.setObjectName("interviewResume")
        self.resume_button.clicked.connect(self.controller.resume)
        self.last_button = QPushButton(page)
        self.last_button.setObjectName("interviewLastQuestion")
        self.last_button.clicked.connect(self.controller.back)
        buttons = QHBoxLayout()
        buttons.addWidget(self.last_button)
        buttons.addWidget(self.resume_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.summary_next)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.summary_page = page
        self.pages.addWidget(page)

    def _build_buttons(self) -> None:
        def button(name: str, slot: Any) -> QPushButton:
            made = QPushButton(self)
            made.setObjectName(name)
            made.setAutoDefault(True)  # Enter on a focused button presses it
            made.clicked.connect(slot)
            return made

        self.back_button = button("interviewBack", self.controller.back)
        self.skip_button = button("interviewSkip", self.controller.skip)
        self.dont_know_button = button("interviewDontKnow", self.controller.dont_know)
        self.stop_button = button("interviewStop", self.controller.stop)
        self.next_button = button("interviewNext", self.next)
        self.next_button.setDefault(True)
        _scaled(self.next_button, 1.0)
        self.button_row = QHBoxLayout()
        for made in (self.back_button, self.skip_button, self.dont_know_button):
            self.button_row.addWidget(made)
        self.button_row.addStretch(1)
        self.button_row.addWidget(self.stop_button)
        self.button_row.addWidget(self.next_button)

    def _shortcuts(self) -> None:
        for keys, slot in (
            (BACK_KEYS, self.controller.back),
            (SKIP_KEYS, self.controller.skip),
            (DONT_KNOW_KEYS, self.controller.dont_know),
        ):
            for key in keys:
                shortcut = QShortcut(key, self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)

    # -- labels -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.identity_title.setText(self.tr("New client: which company is it?"))
        self.name_label.setText(self.tr("Company &name (required)"))
        self.name_editor.setAccessibleName(self.tr("Company name"))
        self.code_label.setText(self.tr("Unified social &credit code (optional)"))
        self.code_editor.setAccessibleName(self.tr("Unified social credit code"))
        self.code_hint.setText(
            self.tr("Leave it empty if the visitor does not know it; it is asked again later.")
        )
        self.duplicate_title.setText(self.tr("This company may already be in the roster"))
        self.duplicate_text.setText(
            self.tr("Open the existing client to continue its file, or go on if it is another one.")
        )
        self.duplicate_list.setAccessibleName(self.tr("Clients already in the roster"))
        self.open_button.setText(self.tr("&Open the existing client"))
        self.open_button.setAccessibleName(self.tr("Open the existing client"))
        self.different_button.setText(self.tr("It is a &different company, continue"))
        self.different_button.setAccessibleName(self.tr("It is a different company, continue"))
        self.summary_next.setText(
            self.tr(
                "Review the results on the right, save the client (Ctrl+S) or print the handout."
            )
        )
        self.resume_button.setText(self.tr("Continue the interview"))
        self.resume_button.setAccessibleName(self.tr("Continue the interview"))
        self.last_button.setText(self.tr("Back to the last question"))
        self.last_button.setAccessibleName(self.tr("Back to the last question"))
        for made, text, keys in (
            (self.back_button, self.tr("Back"), BACK_KEYS[0]),
            (self.skip_button, self.tr("Skip"), SKIP_KEYS[0]),
            (self.dont_know_button, self.tr("Don't know"), DONT_KNOW_KEYS[0]),
            (self.stop_button, self.tr("Stop interview"), QKeySequence("Esc")),
            (self.next_button, self.tr("Next"), QKeySequence("Return")),
        ):
            made.setText(text)
            made.setAccessibleName(text)
            made.setToolTip(
                self.tr("{action} ({keys})").format(
                    action=text, keys=keys.toString(QKeySequence.SequenceFormat.NativeText)
                )
            )
        self.hint.setText(
            self.tr("Keys: Enter next · Alt+Left back · Ctrl+J skip · Ctrl+K don't know · Esc stop")
        )
        self._show_texts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_changed(self, _lang: str) -> None:
        self._show_texts()

    def _show_texts(self) -> None:
        """The texts drawn from the controller: the question, why, progress, summary."""
        self._show_progress()
        controller = self.controller
        self.question_label.setText(controller.question_text())
        self.impact_label.setText(controller.impact_text())
        self.why_label.setText(controller.why_text())
        self.summary_label.setText(controller.summary_text())
        if self.editor is not None:
            self.editor.setAccessibleName(controller.question_text())
            self.editor.setAccessibleDescription(controller.impact_text())

    def _show_progress(self) -> None:
        self.progress.setText(self.controller.progress_text())
        if self.controller.stage == Stage.FINISHED:
            self.summary_label.setText(self.controller.summary_text())
            self.resume_button.setVisible(self.controller.can_resume)
            self.last_button.setEnabled(self.controller.can_go_back)

    # -- what the user does -------------------------------------------------------------------

    def start(self) -> None:
        """Begin the interview (again) with the session as it is."""
        self.name_editor.set_value(self.session.answers.get("name", UNKNOWN))
        self.code_editor.set_value(self.session.answers.get("credit_code", UNKNOWN))
        self.controller.start()

    def next(self) -> None:
        """Enter / Next: take the answer on screen and go on."""
        stage = self.controller.stage
        if stage == Stage.IDENTITY:
            self._submit_identity()
        elif stage == Stage.DUPLICATE:
            self._open_existing(None)
        elif stage == Stage.QUESTION:
            self._submit_answer()

    def _submit_identity(self) -> None:
        try:
            name = self.name_editor.value()
        except InvalidInput:
            self.name_editor.setFocus()
            return
        try:
            code = self.code_editor.value()
        except InvalidInput:
            self.code_editor.setFocus()
            return
        try:
            self.controller.submit_identity(name if isinstance(name, str) else "", code)
        except InvalidInput as error:
            self.name_editor.show_error(str(error))
            self.name_editor.setFocus()

    def _submit_answer(self) -> None:
        editor = self.editor
        if editor is None:
            return
        try:
            value = editor.value()
        except InvalidInput:
            editor.setFocus()
            return
        if value is UNKNOWN:
            if getattr(editor, "is_dont_know", lambda: False)():
                self.controller.dont_know()
            else:
                editor.show_error(
                    self.tr("Give an answer, or press Don't know (Ctrl+K) or Skip (Ctrl+J).")
                )
                editor.setFocus()
            return
        try:
            self.controller.answer(value)
        except InvalidInput as error:
            editor.show_error(str(error))
            editor.setFocus()

    def _open_existing(self, index: QModelIndex | None) -> None:
        if index is None or not index.isValid():
            index = self.duplicate_list.currentIndex()
        if not index.isValid():
            index = self.controller.duplicates.index(0, 0)
        client_id = index.data(Qt.ItemDataRole.UserRole)
        if client_id is not None:
            self.controller.choose_existing(int(client_id))

    def _check_failed(self, message: str) -> None:
        """Shown above the next question (the stage changes right after)."""
        self.notice.setText(message)
        self.notice.show()
        self._notice_fresh = True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter reaches here when the focused input does not use it (a line edit, a choice,
        # a yes/no); an open list or popup keeps its own Enter and Escape.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
            ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.next()
            return
        if event.key() == Qt.Key.Key_Escape and self.controller.stage != Stage.FINISHED:
            self.controller.stop()
            return
        super().keyPressEvent(event)

    # -- showing a stage ----------------------------------------------------------------------

    def _show_stage(self) -> None:
        stage = self.controller.stage
        self._drop_editor()
        if self._notice_fresh:
            self._notice_fresh = False
        else:
            self.notice.hide()
        in_identity = stage in (Stage.IDENTITY, Stage.CHECKING)
        self.checking.setText(self.tr("Checking the roster…") if stage == Stage.CHECKING else "")
        if in_identity:
            self.pages.setCurrentWidget(self.identity_page)
            self.name_editor.set_value(self.session.answers.get("name", UNKNOWN))
            self.code_editor.set_value(self.session.answers.get("credit_code", UNKNOWN))
            self.name_editor.setFocus()
        elif stage == Stage.DUPLICATE:
            self.pages.setCurrentWidget(self.duplicate_page)
            self.duplicate_list.setCurrentIndex(self.controller.duplicates.index(0, 0))
            self.duplicate_list.setFocus()
        elif stage == Stage.QUESTION:
            self.pages.setCurrentWidget(self.question_page)
            self._show_editor()
        else:
            self.pages.setCurrentWidget(self.summary_page)
            self.resume_button.setVisible(self.controller.can_resume)
            self.last_button.setEnabled(self.controller.can_go_back)
            (self.resume_button if self.controller.can_resume else self.last_button).setFocus()
        asking = stage in (Stage.IDENTITY, Stage.QUESTION)
        self.back_button.setEnabled(self.controller.can_go_back and stage == Stage.QUESTION)
        self.skip_button.setVisible(stage == Stage.QUESTION)
        self.dont_know_button.setVisible(stage == Stage.QUESTION)
        self.next_button.setEnabled(asking)
        self.next_button.setVisible(stage != Stage.FINISHED)
        self.stop_button.setVisible(stage != Stage.FINISHED)
        self.back_button.setVisible(stage != Stage.FINISHED)
        self.hint.setVisible(stage != Stage.FINISHED)
        self.name_editor.setEnabled(stage == Stage.IDENTITY)
        self.code_editor.setEnabled(stage == Stage.IDENTITY)
        self._show_texts()

    def _show_editor(self) -> None:
        question = self.controller.question
        if question is None:
            return
        editor: FieldEditor
        if question.grouped:
            editor = BoolGroupEditor(question.keys, self.context, self.question_page)
        else:
            editor = make_editor(question.key, self.context, self.question_page)
        editor.setObjectName("interviewAnswer")
        if question.answer is not UNKNOWN:
            editor.set_value(question.answer)
        tags = question.tags
        if tags is not None and PROFILE_FIELDS[question.key].kind == "tags":
            editor.set_visible_tags(tags)  # type: ignore[attr-defined]
        if question.kind == "tags":
            self.answer_area.addWidget(editor, 1)  # a long checklist: it takes the room there is
        else:  # the industry picker's list has a height of its own: keep it under the question
            self.answer_area.addWidget(editor, 1, Qt.AlignmentFlag.AlignTop)
        editor.show()  # now, not when the event loop comes round: Enter may follow at once
        QWidget.setTabOrder(editor, self.back_button)  # reading order: the answer, then buttons
        self.editor = editor
        editor.setFocus()

    def _drop_editor(self) -> None:
        if self.editor is not None:
            self.answer_area.removeWidget(self.editor)
            self.editor.hide()
            self.editor.deleteLater()
            self.editor = None
