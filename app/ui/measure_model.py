"""The pack's measures as a Qt table model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from rules.pack import Measure, Pack

KIND_LABELS = {
    "benefit": ("优惠/便利", "Benefit"),
    "opportunity": ("支持/机会", "Opportunity"),
    "government_task": ("政府工作任务", "Government task"),
}
STATUS_LABELS = {
    "in_force": ("施行", "In force"),
    "pending_national_approval": ("待国家批准", "Awaiting national approval"),
    "pilot": ("探索/试点", "Pilot"),
    "government_task": ("政府任务", "Government task"),
}


class MeasureTableModel(QAbstractTableModel):
    COLUMNS = ("number", "title", "kind", "status", "lead_units")

    def __init__(self, pack: Pack, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._measures: list[Measure] = list(pack.measures)
        self._lang = lang

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._measures)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def measure(self, row: int) -> Measure:
        return self._measures[row]

    def _pick(self, pair: tuple[str, str]) -> str:
        return pair[0] if self._lang == "zh" else pair[1]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        measure = self._measures[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "number":
            return measure.number
        if column == "title":
            return measure.title.get(self._lang)
        if column == "kind":
            return self._pick(KIND_LABELS[measure.kind])
        if column == "status":
            return self._pick(STATUS_LABELS[measure.status])
        return "、".join(measure.lead_units)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = {
            "number": ("编号", "No."),
            "title": ("措施", "Measure"),
            "kind": ("类型", "Kind"),
            "status": ("状态", "Status"),
            "lead_units": ("牵头单位", "Lead units"),
        }
        return self._pick(headers[self.COLUMNS[section]])
