"""The roster's lines as a Qt table model: what each cell shows, and the keys it sorts by.

The model shows the lines it is given, in the order given; the controller filters and sorts them
(in plain Python, a few milliseconds for 10,000 lines) and hands the result over. Sorting from the
view (a header click) reaches ``sort``, which only asks the controller through ``sort_requested``.
``SORT_ROLE`` gives each cell's sort key (numbers for the numeric columns), the same key the
controller sorts with.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap, QPolygonF

from app.ui.badges import verdict_icon
from db.records import RosterRow
from rules.vocabulary import ZONES

COLUMNS = ("name", "credit_code", "zone", "assessed", "eligible", "needs_info", "follow_ups")
NUMERIC_COLUMNS = frozenset({"eligible", "needs_info", "follow_ups"})
SORT_ROLE = Qt.ItemDataRole.UserRole
CLIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DUE_BACKGROUND = "#fff1d6"  # with bold text and a flag icon: never colour alone
DUE_COLOUR = "#8a4b00"
NOT_GIVEN = "—"
_LOCALES = {"zh": "zh_CN", "en": "en_GB"}
_DATE_FORMATS = {"zh": "yyyy-MM-dd", "en": "d MMM yyyy"}


@dataclass(frozen=True, slots=True)
class RosterLine:
    """A roster row with what searching and sorting need worked out once, in the loader."""

    client_id: int
    row: RosterRow
    search_key: str  # the name folded like the database search folds it
    code: str  # the credit code, upper case, "" when not given
    name_rank: int  # position of the name in the collation order (pinyin for Chinese)
    stale: bool  # assessed with another pack, and not checked against the current one since

    @property
    def never_assessed(self) -> bool:
        return self.row.assessed_at is None

    @property
    def assessed_on(self) -> date | None:
        """The local day the latest assessment was made."""
        at = self.row.assessed_at
        return None if at is None else at.astimezone().date()


def zone_label(zone: str | None, lang: str) -> str:
    if zone is None:
        return NOT_GIVEN
    labels = ZONES.get(zone)
    if labels is None:
        return zone
    return labels[0] if lang == "zh" else labels[1]


def format_date(day: date, lang: str) -> str:
    locale = QLocale(_LOCALES.get(lang, "en_GB"))
    return locale.toString(
        QDate(day.year, day.month, day.day), _DATE_FORMATS.get(lang, "yyyy-MM-dd")
    )


def sort_key(line: RosterLine, column: str, lang: str) -> Any:
    """The key a column sorts by; unknowns (never assessed, not given) sort before any value."""
    row = line.row
    if column == "name":
        return line.name_rank
    if column == "credit_code":
        return (line.code != "", line.code, line.name_rank)
    if column == "zone":
        return (row.zone is not None, zone_label(row.zone, lang), line.name_rank)
    if column == "assessed":
        return (row.assessed_at is not None, row.assessed_at.timestamp() if row.assessed_at else 0)
    if column == "eligible":
        return -1 if row.eligible is None else row.eligible
    if column == "needs_info":
        return -1 if row.needs_info is None else row.needs_info
    if column == "follow_ups":
        upcoming = row.next_follow_up.toordinal() if row.next_follow_up else 0
        return (row.follow_ups_due, row.next_follow_up is not None, -upcoming)
    raise KeyError(column)


@cache
def due_icon(size: int = 32) -> QIcon:
    """A flag on a pole: marks a follow-up that is due (beside bold words and a number)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(DUE_COLOUR)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    s = size
    painter.drawRect(QRectF(s * 0.2, s * 0.1, s * 0.1, s * 0.82))
    painter.drawPolygon(
        QPolygonF(
            [QPointF(s * 0.3, s * 0.1), QPointF(s * 0.85, s * 0.3), QPointF(s * 0.3, s * 0.52)]
        )
    )
    painter.end()
    return QIcon(pixmap)


class RosterModel(QAbstractTableModel):
    """The shown roster lines, one per row, in the order the controller chose."""

    sort_requested = Signal(int, Qt.SortOrder)

    def __init__(self, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[RosterLine] = []
        self._rows_by_id: dict[int, int] | None = None
        self._lang = lang

    # -- what the controller does --------------------------------------------------------------

    def show_lines(self, lines: list[RosterLine]) -> None:
        self.beginResetModel()
        self._lines = lines
        self._rows_by_id = None  # worked out when first asked for
        self.endResetModel()

    def set_lang(self, lang: str) -> None:
        self._lang = lang
        self.retranslate()

    def retranslate(self) -> None:
        """Words changed (language switch): redraw every cell and the headers."""
        if self._lines:
            last = self.index(len(self._lines) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def line(self, row: int) -> RosterLine:
        return self._lines[row]

    def row_of(self, client_id: int) -> int | None:
        if self._rows_by_id is None:
            self._rows_by_id = {line.client_id: row for row, line in enumerate(self._lines)}
        return self._rows_by_id.get(client_id)

    def lines(self) -> list[RosterLine]:
        return list(self._lines)

    # -- QAbstractTableModel --------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_requested.emit(column, order)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tip(column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _header(self, column: str) -> str:
        return {
            "name": self.tr("Company"),
            "credit_code": self.tr("Credit code"),
            "zone": self.tr("Zone"),
            "assessed": self.tr("Last assessed"),
            "eligible": self.tr("Eligible"),
            "needs_info": self.tr("Needs info"),
            "follow_ups": self.tr("Follow-ups due"),
        }[column]

    def _header_tip(self, column: str) -> str | None:
        return {
            "eligible": self.tr("Measures the latest assessment found eligible"),
            "needs_info": self.tr("Measures that need more information to decide"),
            "follow_ups": self.tr("Open follow-ups due on or before the assessment date"),
        }.get(column)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == SORT_ROLE:
            return sort_key(line, column, self._lang)
        if role == CLIENT_ID_ROLE:
            return line.client_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._tooltip(line, column) or self._display(line, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(line, column)
        due = column == "follow_ups" and line.row.follow_ups_due > 0
        if due and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(DUE_BACKGROUND))
        if due and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(DUE_COLOUR))
        if role == Qt.ItemDataRole.FontRole and (due or (column == "assessed" and line.stale)):
            font = QFont()
            font.setBold(due)
            font.setItalic(not due)
            return font
        return None

    def _display(self, line: RosterLine, column: str) -> str:
        row = line.row
        if column == "name":
            return row.name
        if column == "credit_code":
            return row.credit_code or NOT_GIVEN
        if column == "zone":
            return zone_label(row.zone, self._lang)
        if column == "assessed":
            day = line.assessed_on
            if day is None:
                return self.tr("Never")
            text = format_date(day, self._lang)
            return self.tr("{date} (older rules)").format(date=text) if line.stale else text
        if column == "eligible":
            return NOT_GIVEN if row.eligible is None else str(row.eligible)
        if column == "needs_info":
            return NOT_GIVEN if row.needs_info is None else str(row.needs_info)
        return str(row.follow_ups_due) if row.follow_ups_due else ""

    def _tooltip(self, line: RosterLine, column: str) -> str | None:
        row = line.row
        if column in ("name", "zone"):
            return self._display(line, column)
        if column == "credit_code" and row.credit_code is None:
            return self.tr("Credit code not given")
        if column == "assessed":
            if line.assessed_on is None or row.assessed_as_of is None:
                return self.tr("Never assessed")
            text = self.tr("Assessed on {date}, as of {as_of}").format(
                date=format_date(line.assessed_on, self._lang),
                as_of=format_date(row.assessed_as_of, self._lang),
            )
            if line.stale:
                text += "\n" + self.tr("Made with an older version of the rules: assess again.")
            return text
        if column in ("eligible", "needs_info") and line.never_assessed:
            return self.tr("Never assessed")
        if column == "follow_ups":
            if row.follow_ups_due:
                return self.tr("Follow-ups due: {count} (the earliest on {date})").format(
                    count=row.follow_ups_due,
                    date=format_date(row.next_follow_up, self._lang) if row.next_follow_up else "",
                )
            if row.next_follow_up:
                return self.tr("No follow-up due; the next on {date}").format(
                    date=format_date(row.next_follow_up, self._lang)
                )
            return self.tr("No follow-up due")
        return None

    def _icon(self, line: RosterLine, column: str) -> QIcon | None:
        row = line.row
        if column == "eligible" and row.eligible:
            return verdict_icon("eligible")
        if column == "needs_info" and row.needs_info:
            return verdict_icon("needs_info")
        if column == "follow_ups" and row.follow_ups_due:
            return due_icon()
        return None
