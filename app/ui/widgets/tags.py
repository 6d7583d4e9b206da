"""The tag checklist (sectors, activities): each tag's label and a one-line explanation.

The answer is the list of ticked tags (possibly ``[]``, "none of these"), or UNKNOWN while the
user has not answered or chose "Don't know". ``set_visible_tags`` shows only some tags (the
interview shows those that still change an open verdict); the hidden ones keep their state, so
ticking from a filtered list merges into the answer and drops nothing silently.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QWidget,
)

from app.ui.context import AppContext
from app.ui.widgets.base import UNKNOWN
from app.ui.widgets.common import AnswerEditor
from rules.help_text import tag_help
from rules.vocabulary import Labels, label

TAG_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class TagModel(QAbstractListModel):
    """Every tag of a vocabulary, checkable, with its label and help in the interface language."""

    toggled = Signal(str, bool)  # tag, ticked: by the user (setData), not by set_ticked

    def __init__(self, vocabulary: Labels, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tags = tuple(vocabulary)
        self.vocabulary = vocabulary
        self.lang = lang
        self.ticked: set[str] = set()

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self._all_changed()

    def set_ticked(self, tags: set[str]) -> None:
        self.ticked = set(tags) & set(self.tags)
        self._all_changed()

    def ticked_in_order(self) -> list[str]:
        return [tag for tag in self.tags if tag in self.ticked]

    def _all_changed(self) -> None:
        if self.tags:
            self.dataChanged.emit(self.index(0), self.index(len(self.tags) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.tags)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        tag = self.tags[index.row()]
        name = label(self.vocabulary, tag, self.lang)
        help_line = tag_help(tag, self.lang)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{name}\n{help_line}" if help_line else name
        if role == Qt.ItemDataRole.ToolTipRole:
            return help_line or name
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return name
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return help_line
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if tag in self.ticked else Qt.CheckState.Unchecked
        if role == TAG_ROLE:
            return tag
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        tag = self.tags[index.row()]
        ticked = _is_checked(value)
        if ticked:
            self.ticked.add(tag)
        else:
            self.ticked.discard(tag)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.toggled.emit(tag, ticked)
        return True


def _is_checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return int(value) == Qt.CheckState.Checked.value


class TagFilter(QSortFilterProxyModel):
    """Shows the visible tags (None = all) whose label or help contains the filter text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.visible: frozenset[str] | None = None
        self.text = ""

    def set_visible(self, tags: list[str] | None) -> None:
        self.beginFilterChange()
        self.visible = None if tags is None else frozenset(tags)
        self.endFilterChange()

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.text = text.strip().lower()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, TagModel)
        tag = model.tags[source_row]
        if self.visible is not None and tag not in self.visible:
            return False
        if not self.text:
            return True
        shown = str(model.data(model.index(source_row), Qt.ItemDataRole.DisplayRole)).lower()
        return self.text in shown or self.text in tag


class TagsEditor(AnswerEditor):
    """A filter box, the checklist, "None of these" and "Don't know"."""

    def __init__(self, key: str, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(key, context, parent)
        assert self.info.vocabulary is not None
        self._answered = False
        self.filter_line = QLineEdit(self)
        self.filter_line.setClearButtonEnabled(True)
        self.filter_line.textChanged.connect(self._filter)
        self.row.addWidget(self.filter_line, 1)
        self.summary = QLabel(self)
        self.summary.setObjectName("tagsSummary")
        self.row.addWidget(self.summary)

        self.model = TagModel(self.info.vocabulary, context.lang, self)
        self.model.toggled.connect(self._toggled)
        self.proxy = TagFilter(self)
        self.proxy.setSourceModel(self.model)
        self.list = QListView(self)
        self.list.setObjectName(f"tags_{key}")
        self.list.setModel(self.proxy)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.body.addWidget(self.list)

        self.none_button = QPushButton(self)
        self.none_button.clicked.connect(self.none_of_these)
        self.dont_know_box = QCheckBox(self)
        self.dont_know_box.toggled.connect(self._dont_know_toggled)
        self.row.addWidget(self.none_button)
        self.row.addWidget(self.dont_know_box)
        self.setFocusProxy(self.list)
        self.setTabOrder(self.filter_line, self.none_button)
        self.setTabOrder(self.none_button, self.dont_know_box)
        self.setTabOrder(self.dont_know_box, self.list)
        self.retranslate()

    def retranslate(self) -> None:
        self.filter_line.setPlaceholderText(self.tr("Filter the list"))
        self.filter_line.setAccessibleName(self.tr("Filter the list"))
        self.list.setAccessibleName(self.info.question(self.context.lang))
        self.none_button.setText(self.tr("None of these"))
        self.none_button.setAccessibleName(self.tr("None of these"))
        self.none_button.setToolTip(
            self.tr("Untick every tag shown: the company does none of them")
        )
        self.dont_know_box.setText(self.tr("Don't know"))
        self.dont_know_box.setAccessibleName(self.tr("Don't know"))
        self._show_summary()

    def relabel_pack(self) -> None:
        self.model.set_lang(self.context.lang)
        self.list.setAccessibleName(self.info.question(self.context.lang))

    # -- the interview's filter ---------------------------------------------------------------

    def set_visible_tags(self, tags: list[str] | None) -> None:
        """Show only ``tags`` (None = all); hidden tags keep their ticked state."""
        self.proxy.set_visible(tags)

    def visible_tags(self) -> list[str]:
        return [
            str(self.proxy.index(row, 0).data(TAG_ROLE)) for row in range(self.proxy.rowCount())
        ]

    # -- what the user does -------------------------------------------------------------------

    def set_ticked(self, tag: str, ticked: bool) -> None:
        """Tick or untick ``tag`` as the user would (it need not be visible)."""
        row = self.model.tags.index(tag)
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        self.model.setData(self.model.index(row), state, Qt.ItemDataRole.CheckStateRole)

    def none_of_these(self) -> None:
        """Untick every tag shown and answer: the hidden ones keep their state."""
        shown = set(self.visible_tags())
        self.model.set_ticked(self.model.ticked - shown)
        self._answered = True
        self._set_dont_know(False)
        self._show_summary()
        self.user_edited()

    def _toggled(self, _tag: str, _ticked: bool) -> None:
        self._answered = True
        self._set_dont_know(False)
        self._show_summary()
        self.user_edited()

    def _dont_know_toggled(self, checked: bool) -> None:
        self._dont_know = checked
        if checked:
            self._answered = False
        self.list.setEnabled(not checked)
        self._show_summary()
        self.user_edited()

    def _set_dont_know(self, value: bool) -> None:
        self._dont_know = value
        self.dont_know_box.blockSignals(True)
        self.dont_know_box.setChecked(value)
        self.dont_know_box.blockSignals(False)
        self.list.setEnabled(not value)

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)

    def _show_summary(self) -> None:
        if self._dont_know:
            text = self.tr("Don't know")
        elif not self._answered:
            text = self.tr("Not answered")
        elif not self.model.ticked:
            text = self.tr("None")
        else:
            text = self.tr("{count} ticked").format(count=len(self.model.ticked))
        self.summary.setText(text)

    # -- FieldEditor --------------------------------------------------------------------------

    def read(self) -> Any:
        if self._dont_know or not self._answered:
            return UNKNOWN
        return self.model.ticked_in_order()

    def write(self, value: Any) -> None:
        self._answered = isinstance(value, list)
        self.model.set_ticked(set(value) if isinstance(value, list) else set())
        self._set_dont_know(False)
        self._show_summary()
