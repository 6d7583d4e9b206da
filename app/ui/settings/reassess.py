"""Re-assessing the whole roster with the pack in use: the logic and the list of who changed.

The roster is checked in a worker with the compiled plan (``ClientService.reassess``): a new
frozen assessment is saved only for clients whose verdicts changed, and those are listed with
the measures they gained and lost. No widgets here; ``ReassessDialog`` shows it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.services.clients import ClientService, ReassessReport
from app.ui.context import AppContext
from app.ui.tasks import Progress, run_task
from rules.pack import Pack

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ClientChange:
    """A client whose verdicts changed: the measures it gained and lost."""

    client_id: int
    name: str
    gained: tuple[str, ...]
    lost: tuple[str, ...]


def reassess_roster(service: ClientService, as_of: date, progress: Progress) -> ReassessReport:
    """Every client checked against the service's pack (worker); progress as (done, total)."""
    total = service.count()
    progress(0, total)
    return service.reassess(None, as_of, progress=lambda done: progress(done, total))


def client_changes(report: ReassessReport) -> list[ClientChange]:
    """The clients who gained or lost measures, in the roster's order."""
    changes = []
    for outcome in report.changed:
        assert outcome.diff is not None
        gained, lost = tuple(outcome.diff.gained), tuple(outcome.diff.lost)
        if gained or lost:
            changes.append(ClientChange(outcome.client.id, outcome.client.name, gained, lost))
    return changes


class ChangesModel(QAbstractTableModel):
    """Client, measures gained, measures lost; a measure shown as its id and title."""

    COLUMNS = ("client", "gained", "lost")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ClientChange] = []
        self._pack: Pack | None = None
        self._lang = "zh"

    def show_changes(self, rows: list[ClientChange], pack: Pack, lang: str) -> None:
        self.beginResetModel()
        self._rows, self._pack, self._lang = rows, pack, lang
        self.endResetModel()

    def row(self, index: int) -> ClientChange:
        return self._rows[index]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Client"), self.tr("Measures gained"), self.tr("Measures lost"))[section]

    def _measures(self, ids: tuple[str, ...]) -> str:
        by_id = self._pack.by_id if self._pack is not None else {}
        return "; ".join(f"{m} {by_id[m].title.get(self._lang)}" if m in by_id else m for m in ids)

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        change = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "client":
            return change.name
        return self._measures(change.gained if column == "gained" else change.lost)


class ReassessController(QObject):
    """Runs the re-assessment in a worker and holds its outcome."""

    progress = Signal(int, int)  # clients checked, clients in all
    finished = Signal()
    failed = Signal(str)  # why, in plain words

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = ChangesModel(self)
        self.report: ReassessReport | None = None
        self._running = False

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        if self._running:
            return
        self._running = True
        self.report = None
        run_task(
            reassess_roster,
            self.context.service,
            self.context.as_of,
            on_done=self._done,
            on_failed=self._failed,
            on_progress=self.progress.emit,
        )

    def _done(self, report: ReassessReport) -> None:
        self._running = False
        self.report = report
        self.model.show_changes(client_changes(report), self.context.pack, self.context.lang)
        self.context.roster_changed.emit()  # new assessments: the roster's columns change
        log.info(
            "roster re-assessed with %s %s: %d checked, %d changed",
            self.context.pack.id,
            self.context.pack.version,
            report.assessed,
            len(report.changed),
        )
        self.finished.emit()

    def _failed(self, error: Exception) -> None:
        self._running = False
        log.error("re-assessing the roster failed: %r", error)
        self.failed.emit(
            self.tr(
                "The roster could not be re-assessed: the database did not answer. Clients "
                "re-assessed before the failure keep their new assessment."
            )
        )

    def intro(self) -> str:
        pack = self.context.pack
        return self.tr(
            "Every client in the roster is checked against the rule pack in use, {pack} "
            "{version}, as of {day}. A new assessment is saved only for the clients whose "
            "verdicts changed; the others keep theirs."
        ).format(pack=pack.id, version=pack.version, day=self.context.as_of.isoformat())

    def summary(self) -> str:
        report = self.report
        if report is None:
            return ""
        changed, first = len(report.changed), len(report.first)
        text = self.tr(
            "{checked} clients checked: verdicts changed for {changed}, {first} assessed for "
            "the first time, {unchanged} unchanged."
        ).format(
            checked=report.assessed,
            changed=changed,
            first=first,
            unchanged=report.assessed - changed - first,
        )
        if report.refused:
            text += " " + self.tr(
                "{count} clients could not be assessed: their saved answers are no longer valid."
            ).format(count=report.refused)
        return text
