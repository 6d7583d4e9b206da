"""The common face of every answer widget: the interview and the profile editor use the same.

A field editor shows one profile key's answer and lets the user change it. ``value()`` returns
the answer in the profile file's JSON form, ``UNKNOWN`` when the user left it unknown or said
"don't know", or raises ``InvalidInput`` with a plain-words, translated message (the widget
shows the message itself too). Nothing is ever read as no, zero or empty by default.
"""

from __future__ import annotations

from typing import Any, Final

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class _Unknown:
    """The answer "unknown / don't know": the key stays out of the profile."""

    _instance: _Unknown | None = None

    def __new__(cls) -> _Unknown:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __bool__(self) -> bool:
        return False


UNKNOWN: Final = _Unknown()


class InvalidInput(ValueError):
    """What the user typed is not an answer; ``str(error)`` says why in plain, translated words."""


class FieldEditor(QWidget):
    """Base of the answer widgets. Subclasses implement ``value`` and ``set_value``."""

    edited = Signal()  # the user changed the answer (not emitted by set_value)

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        """Show (or with "" clear) a validation message next to the input."""
        raise NotImplementedError
