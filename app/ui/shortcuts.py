"""Help › Keyboard shortcuts: every shortcut of the window, read from its actions."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def shortcut_rows(window: QWidget, extra: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(key, what it does) for every action of ``window`` with a shortcut, then ``extra``."""
    rows = [
        (action.shortcut().toString(QKeySequence.SequenceFormat.NativeText), action.text())
        for action in window.findChildren(QAction)
        if not action.shortcut().isEmpty() and action.text()
    ]
    return [*rows, *extra]


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        extra = [
            (self.tr("Ctrl+F"), self.tr("Search the roster")),
            (self.tr("Enter"), self.tr("Open the selected client / answer and go on")),
            (self.tr("Delete"), self.tr("Delete the selected client (with undo)")),
            (self.tr("Ctrl+Z"), self.tr("Undo the last delete")),
            (self.tr("Alt+Left"), self.tr("Interview: previous question")),
            (self.tr("Ctrl+K"), self.tr("Interview: don't know")),
            (self.tr("Ctrl+J"), self.tr("Interview: skip the question")),
            (self.tr("Esc"), self.tr("Interview: stop (it can be resumed)")),
            (self.tr("Ctrl+G"), self.tr("Results: next grouping")),
            (self.tr("Alt+1…Alt+4"), self.tr("Results: show or hide a verdict")),
            (self.tr("Ctrl+Shift+C"), self.tr("History: compare two visits")),
            (self.tr("Ctrl+D"), self.tr("History: mark the follow-up done")),
        ]
        rows = shortcut_rows(window, extra)
        table = QTableWidget(len(rows), 2, self)
        table.setObjectName("shortcutsTable")
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (keys, text) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(text.replace("&", "")))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(560, 520)
