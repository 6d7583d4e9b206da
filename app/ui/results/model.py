"""The results as a two-level item model: groups (by verdict or chapter) holding measures.

A group row has internal id 0; a measure row's internal id is its group's row + 1. When the
grouping is "none" the measures are top-level rows of a single, hidden group.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from app.ui.badges import caveat_short, verdict_icon, verdict_text
from app.ui.results.controller import ResultGroup, ResultRow

AnyIndex = QModelIndex | QPersistentModelIndex

MEASURE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
VERDICT_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS = ("number", "title", "verdict", "caveats", "reason")
NUMBER, TITLE, VERDICT, CAVEATS, REASON = range(len(COLUMNS))


translate = QCoreApplication.translate


def _header(column: str) -> str:
    return {
        "number": translate("ResultsModel", "No."),
        "title": translate("ResultsModel", "Measure"),
        "verdict": translate("ResultsModel", "Verdict"),
        "caveats": translate("ResultsModel", "Standing"),
        "reason": translate("ResultsModel", "Why"),
    }[column]


class ResultsModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[ResultGroup] = []
        self._flat = False
        self._bold: QFont | None = None

    # -- content -----------------------------------------------------------------------------

    @property
    def groups(self) -> list[ResultGroup]:
        return self._groups

    @property
    def flat(self) -> bool:
        return self._flat

    def structure(self) -> list[tuple[str, tuple[str, ...]]]:
        return [(g.key, tuple(r.measure_id for r in g.rows)) for g in self._groups]

    def set_groups(self, groups: list[ResultGroup], flat: bool) -> bool:
        """Show ``groups``. Returns True when only the rows' contents changed (the view's
        selection and scroll stay as they are), False when the model was reset."""
        new_structure = [(g.key, tuple(r.measure_id for r in g.rows)) for g in groups]
        if flat == self._flat and new_structure == self.structure():
            old, self._groups = self._groups, groups
            self._emit_changed(old)
            return True
        self.beginResetModel()
        self._groups = groups
        self._flat = flat
        self.endResetModel()
        return False

    def refresh(self) -> None:
        """Words changed (language): redraw every cell and the headers."""
        self._emit_changed(None)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def _emit_changed(self, old: list[ResultGroup] | None) -> None:
        """dataChanged for the groups and rows that differ from ``old`` (all when None): an
        edit usually changes a few reasons, and views redraw only those rows."""
        last = len(COLUMNS) - 1
        for group_row, group in enumerate(self._groups):
            before = old[group_row] if old is not None else None
            if self._flat:
                parent = QModelIndex()
            else:
                parent = self.index(group_row, 0)
                if before is None or (before.title, before.total) != (group.title, group.total):
                    self.dataChanged.emit(parent, self.index(group_row, last))
            for row, result in enumerate(group.rows):
                if before is None or before.rows[row] != result:
                    self.dataChanged.emit(self.index(row, 0, parent), self.index(row, last, parent))

    def row_of(self, index: AnyIndex) -> ResultRow | None:
        """The measure at ``index``, None for a group row."""
        if not index.isValid():
            return None
        if self._flat:
            return self._groups[0].rows[index.row()] if self._groups else None
        group_id = index.internalId()
        if group_id == 0:
            return None
        return self._groups[group_id - 1].rows[index.row()]

    def group_of(self, index: AnyIndex) -> ResultGroup | None:
        if not index.isValid() or self._flat or index.internalId() != 0:
            return None
        return self._groups[index.row()]

    def index_of(self, measure_id: str, column: int = 0) -> QModelIndex:
        """The index of a measure's row, invalid when it is filtered out."""
        for group_row, group in enumerate(self._groups):
            for row, result in enumerate(group.rows):
                if result.measure_id == measure_id:
                    if self._flat:
                        return self.index(row, column)
                    return self.index(row, column, self.index(group_row, 0))
        return QModelIndex()

    def measure_count(self) -> int:
        return sum(len(g.rows) for g in self._groups)

    # -- QAbstractItemModel --------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or self._flat or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if self._flat:
            if parent.isValid():
                return 0
            return len(self._groups[0].rows) if self._groups else 0
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()].rows)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.row_of(index) is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _header(COLUMNS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_of(index)
        if row is None:
            group = self.group_of(index)
            return None if group is None else self._group_data(group, index.column(), role)
        return self._row_data(row, index.column(), role)

    def _group_data(self, group: ResultGroup, column: int, role: int) -> Any:
        if column != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("ResultsModel", "{title} ({shown} of {total})").format(
                title=group.title, shown=len(group.rows), total=group.total
            )
        if role == Qt.ItemDataRole.DecorationRole and group.verdict is not None:
            return verdict_icon(group.verdict)
        if role == Qt.ItemDataRole.FontRole:
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        if role == VERDICT_ROLE:
            return group.verdict
        return None

    def _row_data(self, row: ResultRow, column: int, role: int) -> Any:
        if role == MEASURE_ID_ROLE:
            return row.measure_id
        if role == VERDICT_ROLE:
            return row.verdict
        name = COLUMNS[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if name == "number":
                return str(row.number)
            if name == "title":
                return row.title
            if name == "verdict":
                return verdict_text(row.verdict)
            if name == "caveats":
                return " · ".join(caveat_short(c) for c in row.row_caveats)
            return row.reason
        if role == Qt.ItemDataRole.DecorationRole and name == "verdict":
            return verdict_icon(row.verdict)
        if role == Qt.ItemDataRole.ToolTipRole:
            if name == "caveats":
                return "\n".join(row.caveat_notes) or None
            if name in ("reason", "title"):
                return row.reason if name == "reason" else row.title
        if role == Qt.ItemDataRole.TextAlignmentRole and name == "number":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole and name == "verdict":
            return verdict_text(row.verdict)
        return None
