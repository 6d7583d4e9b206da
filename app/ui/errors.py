"""Errors shown to a user: one plain sentence, the cause beneath it, the details in the log."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from app.ui.core_messages import error_text
from db.errors import DatabaseError
from rules.profile import ProfileError

log = logging.getLogger(__name__)

# Errors whose message was written for a user (they name the field, the file or the client).
_PLAIN = (DatabaseError, ProfileError, OSError, ValueError)


def show_error(parent: QWidget | None, message: str, error: BaseException | None = None) -> None:
    """Log ``error`` and show ``message`` with the error's own words when they are meant for a
    user; an unexpected error shows only where its details were logged."""
    if error is None:
        log.warning("%s", message)
    else:
        log.error("%s: %r", message, error, exc_info=error)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(message)
    box.setText(message)
    if isinstance(error, _PLAIN):
        box.setInformativeText(error_text(error))
    elif error is not None:
        box.setInformativeText(
            box.tr("Something unexpected went wrong. The details are in the log file.")
        )
    box.exec()
