"""Table models of the history screen: visits, notes, follow-ups, frozen results, changes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from app.ui.badges import VERDICT_ORDER, verdict_colour, verdict_icon, verdict_text
from app.ui.history.controller import (
    AnswerChange,
    follow_up_state,
    follow_up_state_text,
    local_time,
    pack_label,
)
from db.records import AssessmentSummary, NoteRecord

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex

OVERDUE_COLOUR = "#b3261e"
DONE_COLOUR = "#6b6b6b"


class RowsModel(QAbstractTableModel, Generic[Row]):
    """A read-only table over a list of plain records; subclasses name the columns and say what
    each cell shows. Header words are translated each time they are asked for, so
    ``retranslate()`` only has to tell the views."""

    COLUMNS: ClassVar[tuple[str, ...]] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Row:
        return self.rows[index]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def retranslate(self) -> None:
        if self.COLUMNS:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self.COLUMNS) - 1)
            )

    def header(self, column: str) -> str:
        return column

    def cell(self, row: Row, column: str, role: int) -> Any:
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        column = self.COLUMNS[index.column()]
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            role = Qt.ItemDataRole.ToolTipRole
            value = self.cell(row, column, role)
            return (
                value if value is not None else self.cell(row, column, Qt.ItemDataRole.DisplayRole)
            )
        return self.cell(row, column, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.header(self.COLUMNS[section])


class AssessmentListModel(RowsModel[AssessmentSummary]):
    """A client's visits: when, as of, by whom, with which rules, and the count per verdict."""

    COLUMNS = ("made", "as_of", "by", "pack", *VERDICT_ORDER)

    def header(self, column: str) -> str:
        if column in VERDICT_ORDER:
            return verdict_text(column)
        return {
            "made": self.tr("Saved on"),
            "as_of": self.tr("As of"),
            "by": self.tr("By"),
            "pack": self.tr("Rule pack"),
        }[column]

    def cell(self, row: AssessmentSummary, column: str, role: int) -> Any:
        if column in VERDICT_ORDER:
            count = row.counts.get(column, 0)
            if role == Qt.ItemDataRole.DisplayRole:
                return str(count)
            if role == Qt.ItemDataRole.DecorationRole:
                return verdict_icon(column)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("{verdict}: {count} measures").format(
                    verdict=verdict_text(column), count=count
                )
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column == "pack":
            return self.tr("Rule pack {id}, version {version}, content hash {sha256}").format(
                id=row.pack.id, version=row.pack.version, sha256=row.pack.sha256
            )
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "made":
            return local_time(row.created_at)
        if column == "as_of":
            return row.as_of.isoformat()
        if column == "by":
            return row.created_by
        return pack_label(row.pack)


class NotesModel(RowsModel[NoteRecord]):
    """Plain notes: when, by whom, what."""

    COLUMNS = ("date", "by", "body")

    def header(self, column: str) -> str:
        return {"date": self.tr("Date"), "by": self.tr("By"), "body": self.tr("Note")}[column]

    def cell(self, row: NoteRecord, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == "body":
            return row.body
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "date":
            return local_time(row.created_at)
        if column == "by":
            return row.created_by
        return _one_line(row.body)


class FollowUpModel(RowsModel[NoteRecord]):
    """Follow-ups: due date, state in words (overdue also in colour), what, by whom."""

    COLUMNS = ("due", "state", "body", "by")

    def __init__(self, today: date, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = today

    def set_today(self, today: date) -> None:
        self.today = today
        self.retranslate()

    def header(self, column: str) -> str:
        return {
            "due": self.tr("Due"),
            "state": self.tr("State"),
            "body": self.tr("Follow-up"),
            "by": self.tr("By"),
        }[column]

    def cell(self, row: NoteRecord, column: str, role: int) -> Any:
        state = follow_up_state(row, self.today)
        if role == Qt.ItemDataRole.ForegroundRole:
            if state == "overdue":
                return QColor(OVERDUE_COLOUR)
            if state == "done":
                return QColor(DONE_COLOUR)
            return None
        if role == Qt.ItemDataRole.FontRole and state in ("overdue", "due_today"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == "body":
            return row.body
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "due":
            return row.due_on.isoformat() if row.due_on else "—"
        if column == "state":
            if state == "done" and row.done_at is not None:
                return self.tr("Done {when}").format(when=local_time(row.done_at))
            return follow_up_state_text(state)
        if column == "body":
            return _one_line(row.body)
        return row.created_by


class AnswerChangesModel(RowsModel[AnswerChange]):
    """Answers that differ between two visits (or two desks): question, before, after."""

    COLUMNS = ("question", "before", "after")

    def __init__(
        self, before_header: str = "", after_header: str = "", parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._before_header = before_header
        self._after_header = after_header

    def set_headers(self, before: str, after: str) -> None:
        self._before_header, self._after_header = before, after
        self.retranslate()

    def header(self, column: str) -> str:
        if column == "before":
            return self._before_header or self.tr("Before")
        if column == "after":
            return self._after_header or self.tr("After")
        return self.tr("Question")

    def cell(self, row: AnswerChange, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == "question":
            return f"{row.question} ({row.key})"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {"question": row.question, "before": row.before, "after": row.after}[column]


class FrozenResultsModel(RowsModel[dict[str, Any]]):
    """The measures of a frozen answer, exactly as saved: number, title, verdict (the reason as
    the tooltip; the detail pane shows it in full)."""

    COLUMNS = ("number", "title", "verdict")

    def header(self, column: str) -> str:
        return {
            "number": self.tr("No."),
            "title": self.tr("Measure"),
            "verdict": self.tr("Verdict"),
        }[column]

    def cell(self, row: dict[str, Any], column: str, role: int) -> Any:
        verdict = str(row.get("verdict", ""))
        known = verdict in VERDICT_ORDER
        if column == "verdict":
            if role == Qt.ItemDataRole.DecorationRole and known:
                return verdict_icon(verdict)
            if role == Qt.ItemDataRole.ForegroundRole and known:
                return verdict_colour(verdict)
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return f"{row.get('title') or ''}\n{row.get('reason') or ''}".strip()
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "number":
            return row.get("number")
        if column == "verdict":
            return verdict_text(verdict) if known else verdict
        return str(row.get("title") or row.get("measure") or "")


def _one_line(text: str, limit: int = 160) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class ProfileModel(RowsModel[tuple[str, str, str]]):
    """A frozen profile: rows of (key, question, answer in words)."""

    COLUMNS = ("question", "answer")

    def header(self, column: str) -> str:
        return self.tr("Question") if column == "question" else self.tr("Answer")

    def cell(self, row: tuple[str, str, str], column: str, role: int) -> Any:
        key, question, answer = row
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{question} ({key})" if column == "question" else answer
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return question if column == "question" else answer
