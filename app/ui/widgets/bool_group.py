"""Several yes/no questions on one screen (rules.interview.QUESTION_GROUPS): a row per key with
its question and Yes / No / Don't know. A row left blank stays unknown, never no."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from app.ui.context import AppContext
from app.ui.widgets.base import UNKNOWN, FieldEditor
from app.ui.widgets.common import ErrorLine
from app.ui.widgets.editors import BoolEditor
from rules.fields import PROFILE_FIELDS


class BoolGroupEditor(FieldEditor):
    """The answer to a group of yes/no keys: ``{key: True | False | UNKNOWN}``, or UNKNOWN
    when no row was answered."""

    def __init__(
        self, keys: tuple[str, ...], context: AppContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(keys[0], parent)
        self.keys = keys
        self.context = context
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.labels: dict[str, QLabel] = {}
        self.editors: dict[str, BoolEditor] = {}
        for key in keys:
            editor = BoolEditor(key, context, self)
            editor.setObjectName(f"groupAnswer_{key}")
            label = QLabel(self)
            label.setWordWrap(True)
            label.setBuddy(editor)
            layout.addRow(label, editor)
            editor.edited.connect(self.edited)
            self.labels[key] = label
            self.editors[key] = editor
        self.error_line = ErrorLine(self)
        layout.addRow(self.error_line)
        for before, after in itertools.pairwise(keys):
            QWidget.setTabOrder(self.editors[before], self.editors[after])
        self.setFocusProxy(self.editors[keys[0]])
        context.language_changed.connect(self._relabel)
        self._relabel()

    def _relabel(self, _lang: str = "") -> None:
        for key, label in self.labels.items():
            question = PROFILE_FIELDS[key].question(self.context.lang)
            label.setText(question)
            self.editors[key].setAccessibleName(question)

    def value(self) -> Any:
        answers = {key: editor.value() for key, editor in self.editors.items()}
        if all(answer is UNKNOWN for answer in answers.values()):
            return UNKNOWN
        return answers

    def set_value(self, value: Any) -> None:
        given = value if isinstance(value, dict) else {}
        for key, editor in self.editors.items():
            editor.set_value(given.get(key, UNKNOWN))
        self.show_error("")

    def show_error(self, message: str) -> None:
        self.error_line.set_message(message)

    def is_dont_know(self) -> bool:
        """Whether every row was answered "Don't know"."""
        return all(editor.is_dont_know() for editor in self.editors.values())
