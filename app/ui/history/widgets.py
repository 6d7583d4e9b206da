"""Widgets the history screen and its dialogs build alike."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

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


def lay_out_viewer(
    dialog: QDialog,
    labels: Sequence[QLabel],
    first: QWidget,
    second: QWidget,
    orientation: Qt.Orientation,
) -> QDialogButtonBox:
    """Lay out a dialog that only shows things: ``labels`` on top, then ``first`` and ``second``
    in a splitter sharing the room 3:2, then a Close button (also the platform's Close shortcut)
    that rejects ``dialog``. Returns the button box."""
    splitter = QSplitter(orientation)
    splitter.addWidget(first)
    splitter.addWidget(second)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 2)

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    buttons.button(QDialogButtonBox.StandardButton.Close).setShortcut(
        QKeySequence(QKeySequence.StandardKey.Close)
    )

    layout = QVBoxLayout(dialog)
    for label in labels:
        layout.addWidget(label)
    layout.addWidget(splitter, 1)
    layout.addWidget(buttons)
    return buttons
