"""The profile editor: every profile key in a scrollable form, grouped in sections.

Each row holds the question, its answer widget (with its own plain-words message), a help
button, and what the app inferred while the key is unanswered. A valid edit goes into the
session at once, so the results follow each edit; an invalid one stays in the widget.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import AppContext
from app.ui.core_messages import error_text
from app.ui.errors import show_error
from app.ui.profile_editor.controller import (
    SECTIONS,
    ProfileEditorController,
    section_title,
)
from app.ui.session import ClientSession
from app.ui.widgets.base import FieldEditor, InvalidInput
from app.ui.widgets.common import AnswerEditor
from app.ui.widgets.editors import make_editor
from db.errors import ConcurrentEditError, DuplicateClientError

_UNREADABLE = object()  # what the widget holds is not an answer (it shows why)


@dataclass
class _Row:
    question: QLabel
    editor: FieldEditor
    help_button: QToolButton
    help_label: QLabel
    inferred: QLabel


def _muted(label: QLabel) -> None:
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    palette = label.palette()
    palette.setColor(label.foregroundRole(), palette.color(palette.ColorRole.PlaceholderText))
    label.setPalette(palette)


class ProfileEditorView(QWidget):
    """The whole profile of ``session``'s client, editable.

    Signals: ``save_conflict(ConcurrentEditError)`` when a save found that someone else saved
    the client since it was opened (offer reload or compare). The session's ``dirty`` flag says
    whether there are unsaved changes; ``save()`` saves them (the main window's Save action,
    Ctrl+S, calls it, so there is one save path).
    """

    save_conflict = Signal(object)
    open_existing = Signal(int)  # a duplicate found on saving: the user opens the saved client

    def __init__(
        self, session: ClientSession, context: AppContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("profileEditor")
        self.session = session
        self.context = context
        self.controller = ProfileEditorController(session, context, self)
        self.controller.save_conflict.connect(self.save_conflict)
        self.rows: dict[str, _Row] = {}
        self.sections: dict[str, QGroupBox] = {}
        self._synced: dict[str, Any] = {}

        self.title = QLabel(self)
        self.title.setObjectName("profileTitle")
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        self.status = QLabel(self)
        self.status.setObjectName("profileStatus")
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("profileSave")
        self.save_button.clicked.connect(self.save)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.status, 1)
        header.addWidget(self.save_button)

        content = QWidget()
        content.setObjectName("profileForm")
        form = QVBoxLayout(content)
        for section, keys in SECTIONS:
            box = QGroupBox(content)
            box.setObjectName(f"section_{section}")
            grid = QGridLayout(box)
            # The same proportions in every section, so the answers line up down the form.
            grid.setColumnStretch(0, 2)
            grid.setColumnStretch(1, 5)
            for index, key in enumerate(keys):
                self._add_row(box, grid, index, key)
            self.sections[section] = box
            form.addWidget(box)
        form.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(content)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.scroll_area, 1)
        self._set_tab_order()

        session.changed.connect(self._session_changed)
        self.controller.state_changed.connect(self._show_state)
        context.language_changed.connect(self._relabel_pack)
        self.retranslate()
        self._relabel_pack()
        self._session_changed()

    # -- building -----------------------------------------------------------------------------

    def _add_row(self, box: QGroupBox, grid: QGridLayout, index: int, key: str) -> None:
        question = QLabel(box)
        question.setObjectName(f"question_{key}")
        question.setWordWrap(True)
        question.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        question.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        question.setMinimumWidth(question.fontMetrics().averageCharWidth() * 16)
        editor = make_editor(key, self.context, box)
        assert isinstance(editor, AnswerEditor)
        editor.setObjectName(f"editor_{key}")
        # Take the answer when the edit is finished (a choice, a field left, Enter), so that
        # typing "150" does not pass through the answers 1 and 15.
        editor.committed.connect(lambda key=key: self._edited(key))
        question.setBuddy(editor)
        help_button = QToolButton(box)
        help_button.setObjectName(f"help_{key}")
        help_button.setText("?")
        help_button.setCheckable(True)
        help_label = QLabel(box)
        help_label.setObjectName(f"helpText_{key}")
        _muted(help_label)
        help_label.hide()
        help_button.toggled.connect(help_label.setVisible)
        inferred = QLabel(box)
        inferred.setObjectName(f"inferred_{key}")
        _muted(inferred)
        inferred.hide()
        below = QVBoxLayout()
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(editor)
        below.addWidget(inferred)
        below.addWidget(help_label)
        row = index
        grid.addWidget(question, row, 0)
        grid.addLayout(below, row, 1)
        grid.addWidget(help_button, row, 2, Qt.AlignmentFlag.AlignTop)
        self.rows[key] = _Row(question, editor, help_button, help_label, inferred)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [self.save_button]
        for row in self.rows.values():
            chain += [row.editor, row.help_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- public -------------------------------------------------------------------------------

    def editor(self, key: str) -> FieldEditor:
        return self.rows[key].editor

    def focus_key(self, key: str) -> None:
        """Scroll to ``key``'s row and put the cursor in its answer (e.g. from "answer this")."""
        row = self.rows[key]
        self.scroll_area.ensureWidgetVisible(row.editor)
        row.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self, allow_same_name: bool = False) -> None:
        """Save the client (Ctrl+S); refusals are shown in plain words. ``allow_same_name``:
        the user already confirmed that a client of the same name is another company."""
        self._take_focused_edit()
        if not self.session.name:
            name = self.rows["name"].editor
            name.show_error(self.tr("Enter the company's name before saving."))
            self.focus_key("name")
            return
        message = self.controller.save(allow_same_name=allow_same_name, on_failed=self._save_failed)
        if message:
            show_error(self, self.tr("The client was not saved."))

    # -- edits and the session ----------------------------------------------------------------

    def _take_focused_edit(self) -> None:
        """Take what is being typed (Ctrl+S while the cursor is still in a field)."""
        focus = QApplication.focusWidget()
        for key, row in self.rows.items():
            if focus is not None and row.editor.isAncestorOf(focus):
                self._edited(key)

    def _edited(self, key: str) -> None:
        editor = self.rows[key].editor
        try:
            value = editor.value()
        except InvalidInput:
            return  # the widget shows why; the session keeps its answer
        dont_know = bool(getattr(editor, "is_dont_know", lambda: False)())
        message = self.controller.apply(key, value, dont_know=dont_know)
        if message:
            editor.show_error(message)

    def _session_changed(self) -> None:
        """Bring the editors in line with the session, without clobbering typing: a key is
        rewritten only when its answer changed elsewhere, and not while its editor has focus."""
        focus = QApplication.focusWidget()
        for key, row in self.rows.items():
            current = self.controller.current(key)
            if key in self._synced and self._synced[key] == current:
                continue
            editor = row.editor
            typing = focus is not None and (focus is editor or editor.isAncestorOf(focus))
            shown = self._shown(editor)
            if shown != current and typing and key in self._synced:
                continue
            if shown != current or shown is _UNREADABLE:
                editor.set_value(current)
            self._synced[key] = current
        self._show_inferences()
        self._show_state()

    @staticmethod
    def _shown(editor: FieldEditor) -> Any:
        try:
            return editor.value()
        except InvalidInput:
            return _UNREADABLE

    def _show_inferences(self) -> None:
        for key, row in self.rows.items():
            text = self.controller.inference(key)
            row.inferred.setText(text)
            row.inferred.setVisible(bool(text))

    def _show_state(self) -> None:
        name = self.session.name
        self.title.setText(name or self.tr("New client"))
        text = self.controller.status_text()
        if self.controller.dirty and not self.controller.saving:
            text = "● " + text  # a mark besides the words and the bold, never colour alone
        self.status.setText(text)
        font = self.status.font()
        font.setBold(self.controller.dirty or bool(self.controller.save_error))
        self.status.setFont(font)
        self.status.setAccessibleName(text)
        self.save_button.setEnabled(not self.controller.saving)

    def _save_failed(self, error: Exception) -> None:
        if isinstance(error, DuplicateClientError):
            self._duplicate(error)
        elif not isinstance(error, ConcurrentEditError):  # a conflict goes to save_conflict
            show_error(self, self.tr("The client was not saved."), error)

    def _duplicate(self, error: DuplicateClientError) -> None:
        """The company is in the roster already: open that client, or (a same name without a
        credit code) save this one as a different company, or go back to editing."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Already in the roster"))
        box.setText(self.tr("This company seems to be in the roster already."))
        box.setInformativeText(error_text(error))
        open_button = None
        if error.existing_ids:
            open_button = box.addButton(
                self.tr("Open the existing client"), QMessageBox.ButtonRole.AcceptRole
            )
        different = None
        if self.session.record is None and not self.session.answers.get("credit_code"):
            different = box.addButton(
                self.tr("Save as a different company"), QMessageBox.ButtonRole.ActionRole
            )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if open_button is not None and clicked is open_button:
            self.open_existing.emit(error.existing_ids[0])
        elif different is not None and clicked is different:
            self.controller.save(allow_same_name=True, on_failed=self._save_failed)

    # -- language -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        for section, box in self.sections.items():
            box.setTitle(section_title(section))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the client (Ctrl+S)"))
        self.save_button.setAccessibleName(self.tr("Save the client"))
        for row in self.rows.values():
            row.help_button.setToolTip(self.tr("Show or hide help for this question"))
            row.help_button.setAccessibleName(self.tr("Help"))
        self._show_state()

    def _relabel_pack(self, _lang: str = "") -> None:
        for key, row in self.rows.items():
            question = self.controller.question(key)
            row.question.setText(question.replace("&", "&&"))  # a buddy label reads & as a mnemonic
            row.editor.setAccessibleName(question)
            help_text = self.controller.help(key)
            row.help_label.setText(help_text)
            row.help_button.setVisible(bool(help_text))
            row.question.setToolTip(help_text)
        self._show_inferences()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
