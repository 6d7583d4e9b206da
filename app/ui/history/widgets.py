"""Widgets the history screen and its dialogs build alike."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QTableView

SelectionMode = QAbstractItemView.SelectionMode


def read_only_table(
    name: str,
    model: QAbstractItemModel,
    selection: SelectionMode = SelectionMode.ExtendedSelection,
    word_wrap: bool = False,
) -> QTableView:
    """A table of ``model`` that selects whole rows, is never edited and has no row numbers."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setWordWrap(word_wrap)
    return table


def close_buttons(dialog: QDialog) -> QDialogButtonBox:
    """A Close button (also the platform's Close shortcut) that rejects ``dialog``."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    buttons.button(QDialogButtonBox.StandardButton.Close).setShortcut(
        QKeySequence(QKeySequence.StandardKey.Close)
    )
    return buttons
