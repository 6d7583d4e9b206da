"""What every concrete answer widget shares: the error line, "don't know", re-labelling."""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import AppContext
from app.ui.widgets.base import FieldEditor, InvalidInput
from rules.fields import PROFILE_FIELDS, FieldInfo


class ErrorLine(QWidget):
    """A warning icon and a plain-words message under an input; hidden when there is none.

    The icon carries the meaning with the words, so it is never colour alone.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.icon.setPixmap(warning.pixmap(size, size))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(self)
        self.text.setObjectName("fieldError")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setStyleSheet("color: #b3261e;")
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        self.hide()

    def set_message(self, message: str) -> None:
        self.text.setText(message)
        self.setVisible(bool(message))


class AnswerEditor(FieldEditor):
    """A field editor with an error line under its inputs.

    ``edited`` comes with every change, keystrokes included (to check as the user types);
    ``committed`` when the edit is finished: take the answer then, so that typing "150" does
    not pass through the answers 1 and 15.

    Subclasses build their inputs into ``self.row`` (or ``self.body``), implement ``read()``
    (the answer, UNKNOWN, or raise InvalidInput), ``write(value)``, and re-label their own
    strings in ``retranslate()`` and pack content in ``relabel_pack()``.
    """

    committed = Signal()  # the user finished an edit: the answer is ready to be taken

    def __init__(self, key: str, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        self.context = context
        self.info: FieldInfo = PROFILE_FIELDS[key]
        self._setting = False  # True while set_value writes: no "edited", no message
        self._dont_know = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.body = QVBoxLayout()
        self.row = QHBoxLayout()
        self.body.addLayout(self.row)
        outer.addLayout(self.body)
        self.error_line = ErrorLine(self)
        outer.addWidget(self.error_line)
        context.language_changed.connect(self._language_changed)

    # -- FieldEditor --------------------------------------------------------------------------

    def value(self) -> Any:
        try:
            answer = self.read()
        except InvalidInput as error:
            self.show_error(str(error))
            raise
        self.show_error("")
        return answer

    def set_value(self, value: Any) -> None:
        self._setting = True
        try:
            self.write(value)
        finally:
            self._setting = False
        self.show_error("")

    def show_error(self, message: str) -> None:
        self.error_line.set_message(message)

    def is_dont_know(self) -> bool:
        """Whether the user chose "Don't know" (as against leaving the field blank)."""
        return self._dont_know

    def error_message(self) -> str:
        return self.error_line.text.text() if self.error_line.isVisibleTo(self) else ""

    # -- for subclasses -----------------------------------------------------------------------

    def read(self) -> Any:
        raise NotImplementedError

    def write(self, value: Any) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Re-label the widget's own (tr) strings."""

    def relabel_pack(self) -> None:
        """Redraw pack content (vocabulary labels, units) in ``context.lang``."""

    def user_edited(self, finished: bool = True) -> None:
        """Call on every change the user makes: check it, show or clear the message, emit
        ``edited``; and ``committed`` when the edit is finished (a choice made, a typed field
        left or confirmed with Enter), not for each key typed."""
        if self._setting:
            return
        with contextlib.suppress(InvalidInput):
            self.value()  # shows or clears the message
        self.edited.emit()
        if finished:
            self.committed.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_changed(self, _lang: str) -> None:
        self._setting = True
        try:
            self.relabel_pack()
        finally:
            self._setting = False
