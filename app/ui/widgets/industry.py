"""The industry picker: search GB/T 4754-2017 by code or by words, pick from the list.

A code is never typed blind: the user searches ("超市", "supermarket", "C39", "3976") and picks
one entry of the bundled table (sections, divisions, groups and classes alike).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QWidget,
)

from app.ui.context import AppContext
from app.ui.widgets.base import UNKNOWN
from app.ui.widgets.common import AnswerEditor
from rules.industry import Industry, industry_table

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


@cache
def industry_entries() -> tuple[Industry, ...]:
    """Every entry of the table with its full code (section letter and digits), in code order."""
    table = industry_table()
    entries: list[Industry] = []
    for letter, section in table.sections.items():
        entries.append(section)
        for digits, (owner, division) in table.divisions.items():
            if owner != letter:
                continue
            entries.append(Industry(letter + digits, division.zh, division.en))
            for detail_code, detail in table.details.items():
                if detail_code[:2] == digits:
                    entries.append(Industry(letter + detail_code, detail.zh, detail.en))
    return tuple(sorted(entries, key=lambda e: (e.code[0], e.code[1:].ljust(4, " "))))


def entry_for(code: str) -> Industry | None:
    return next((e for e in industry_entries() if e.code == code), None)


def entry_text(entry: Industry, lang: str) -> str:
    return f"{entry.code} — {entry.name(lang)}"


_CODE_QUERY = re.compile(r"^([A-Ta-t])?(\d{1,4})?$")


def matches(entry: Industry, query: str) -> bool:
    """Whether ``entry`` is found by ``query``: a code prefix (with or without its section
    letter) or words that all occur in its Chinese or English name."""
    text = query.strip()
    if not text:
        return True
    code_match = _CODE_QUERY.match(text.replace(" ", ""))
    if code_match and (code_match.group(1) or code_match.group(2)):
        letter, digits = code_match.group(1), code_match.group(2) or ""
        if letter:
            return entry.code.startswith(letter.upper() + digits)
        return entry.code[1:].startswith(digits) and digits != ""
    words = text.lower().split()
    zh, en = entry.zh, entry.en.lower()
    return all(word in en or _in_chinese(word, zh) for word in words)


def _in_chinese(word: str, name: str) -> bool:
    """``word`` in ``name``, or its characters in order, as people abbreviate Chinese names
    (超市 for 超级市场)."""
    if word in name:
        return True
    if len(word) < 2 or word.isascii():
        return False
    rest = iter(name)
    return all(char in rest for char in word)


class IndustryModel(QAbstractListModel):
    """All GB/T 4754-2017 entries, shown as "code — name" in the interface language."""

    def __init__(self, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries = industry_entries()
        self.lang = lang

    def set_lang(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            if self.entries:
                self.dataChanged.emit(self.index(0), self.index(len(self.entries) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry_text(entry, self.lang)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{entry.code} — {entry.zh} / {entry.en}"
        if role == CODE_ROLE:
            return entry.code
        return None


class IndustryFilter(QSortFilterProxyModel):
    """Keeps the entries that the search text finds."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.query = ""

    def set_query(self, query: str) -> None:
        self.beginFilterChange()
        self.query = query
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, IndustryModel)
        return matches(model.entries[source_row], self.query)


class _SearchLine(QLineEdit):
    """The search box: Down moves into the results, Enter picks the highlighted one."""

    def __init__(self, editor: IndustryEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Down and self.editor.results.isVisible():
            self.editor.results.setFocus()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.editor.results.isVisible():
            self.editor.pick_current()
            return
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()
            self.editor.search("")
            return
        super().keyPressEvent(event)


class IndustryEditor(AnswerEditor):
    """Search box, results list, the chosen entry, and "Don't know"."""

    def __init__(self, key: str, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(key, context, parent)
        self._code: str | None = None
        self.chosen = QLabel(self)
        self.chosen.setObjectName("industryChosen")
        self.chosen.setWordWrap(True)
        self.chosen.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.row.addWidget(self.chosen, 1)
        self.dont_know_button = QPushButton(self)
        self.dont_know_button.clicked.connect(self._dont_know_clicked)
        self.row.addWidget(self.dont_know_button)

        search_row = QHBoxLayout()
        self.search_line = _SearchLine(self)
        self.search_line.setObjectName("industrySearch")
        self.search_line.setClearButtonEnabled(True)
        self.search_line.textChanged.connect(self.search)
        search_row.addWidget(self.search_line, 1)
        self.count_label = QLabel(self)
        search_row.addWidget(self.count_label)
        self.body.addLayout(search_row)

        self.model = IndustryModel(context.lang, self)
        self.proxy = IndustryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.results = QListView(self)
        self.results.setObjectName("industryResults")
        self.results.setModel(self.proxy)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setUniformItemSizes(True)
        self.results.activated.connect(self._activated)
        self.results.clicked.connect(self._activated)
        self.results.hide()
        # About ten rows: enough to choose from without pushing the form far down.
        self.results.setMaximumHeight(self.results.fontMetrics().lineSpacing() * 12)
        self.body.addWidget(self.results)
        self.setFocusProxy(self.search_line)
        self.setTabOrder(self.search_line, self.results)
        self.setTabOrder(self.results, self.dont_know_button)
        self.retranslate()
        self._show_chosen()

    def retranslate(self) -> None:
        self.search_line.setPlaceholderText(
            self.tr("Search by code or words, e.g. C39, 3976, supermarket, 超市")
        )
        self.search_line.setAccessibleName(self.tr("Search the industry classification"))
        self.results.setAccessibleName(self.tr("Industries found"))
        self.dont_know_button.setText(self.tr("Don't know"))
        self.dont_know_button.setAccessibleName(self.tr("Don't know the industry"))
        self._show_count()
        self._show_chosen()

    def relabel_pack(self) -> None:
        self.model.set_lang(self.context.lang)
        self._show_chosen()

    # -- searching ----------------------------------------------------------------------------

    def search(self, query: str) -> None:
        if self.search_line.text() != query:
            self.search_line.setText(query)
            return
        self.proxy.set_query(query)
        self.results.setVisible(bool(query.strip()))
        if self.proxy.rowCount():
            self.results.setCurrentIndex(self.proxy.index(0, 0))
        self._show_count()

    def found(self) -> list[str]:
        """The codes the current search shows, in order."""
        return [
            str(self.proxy.index(row, 0).data(CODE_ROLE)) for row in range(self.proxy.rowCount())
        ]

    def _show_count(self) -> None:
        if not self.search_line.text().strip():
            self.count_label.clear()
        elif self.proxy.rowCount() == 0:
            self.count_label.setText(self.tr("Nothing found"))
        else:
            self.count_label.setText(self.tr("{count} found").format(count=self.proxy.rowCount()))

    # -- picking ------------------------------------------------------------------------------

    def pick(self, code: str) -> None:
        """Choose ``code`` (a table entry) as the user would."""
        if entry_for(code) is None:
            raise ValueError(f"{code} is not in the GB/T 4754-2017 table")
        self._code = code
        self._dont_know = False
        self.search_line.clear()
        self._show_chosen()
        self.user_edited()

    def pick_current(self) -> None:
        index = self.results.currentIndex()
        if not index.isValid() and self.proxy.rowCount():
            index = self.proxy.index(0, 0)
        if index.isValid():
            self._activated(index)

    def _activated(self, index: QModelIndex) -> None:
        self.pick(str(index.data(CODE_ROLE)))
        self.search_line.setFocus()

    def _dont_know_clicked(self) -> None:
        self._code = None
        self._dont_know = True
        self.search_line.clear()
        self._show_chosen()
        self.user_edited()

    def _show_chosen(self) -> None:
        entry = entry_for(self._code) if self._code else None
        if entry is not None:
            self.chosen.setText(entry_text(entry, self.context.lang))
        elif self._dont_know:
            self.chosen.setText(self.tr("Don't know"))
        else:
            self.chosen.setText(self.tr("Not chosen yet: search below"))
        self.chosen.setAccessibleName(self.chosen.text())

    # -- FieldEditor --------------------------------------------------------------------------

    def read(self) -> Any:
        return self._code if self._code else UNKNOWN

    def write(self, value: Any) -> None:
        self._dont_know = False
        self._code = value if isinstance(value, str) and entry_for(value) else None
        self._show_chosen()
