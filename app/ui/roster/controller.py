"""The roster's logic, testable without a window: loading, searching, filtering, sorting, and
deleting with undo.

Loading reads every client as one light line (no profile, no answer) in a worker; searching and
filtering then run in memory on the GUI thread (a few milliseconds for 10,000 lines), so a
keystroke never waits on the database.

Deleting is deferred so that it can be undone: the line disappears at once, and the database
delete (which takes the client's history, assessments and notes with it) is made when the undo
window closes, when another client is deleted, or when the roster is closed or hidden. Undo
before then puts the line back; nothing was touched in the database.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QCollator, QCoreApplication, QLocale, QObject, Qt, QTimer, Signal

from app.services.clients import ClientService
from app.ui.context import AppContext
from app.ui.core_messages import error_text
from app.ui.roster.model import COLUMNS, RosterLine, RosterModel, sort_key
from app.ui.tasks import run_task
from db.errors import ConcurrentEditError, DatabaseError, NotFoundError
from db.names import normalise_search
from db.records import RosterRow

log = logging.getLogger(__name__)

ANY_ZONE: str | None = None
NO_ZONE = ""  # the zone filter value for "zone not given"
VERDICT_FILTERS = ("all", "eligible", "needs_info", "never_assessed", "older_rules")
UNDO_SECONDS = 10


@dataclass(frozen=True)
class RosterFilter:
    """What the user asked to see. ``zone`` None: any zone; ``NO_ZONE``: zone not given."""

    text: str = ""
    zone: str | None = ANY_ZONE
    verdict: str = "all"
    due_only: bool = False

    @property
    def active(self) -> bool:
        return self != RosterFilter()

    def accepts(self, line: RosterLine) -> bool:
        row = line.row
        if self.zone is not None and (row.zone or NO_ZONE) != self.zone:
            return False
        if self.due_only and row.follow_ups_due == 0:
            return False
        if not _verdict_accepts(self.verdict, line):
            return False
        return self._text_accepts(line)

    def _text_accepts(self, line: RosterLine) -> bool:
        """Like the database search: the folded name contains the text, or the credit code
        starts with it."""
        if not self.text.strip():
            return True
        key = normalise_search(self.text)
        code = self.text.strip().upper().replace(" ", "")
        return key in line.search_key or (bool(line.code) and line.code.startswith(code))


def _verdict_accepts(verdict: str, line: RosterLine) -> bool:
    row = line.row
    if verdict == "eligible":
        return bool(row.eligible)
    if verdict == "needs_info":
        return bool(row.needs_info)
    if verdict == "never_assessed":
        return line.never_assessed
    if verdict == "older_rules":
        return line.stale
    return True


def filter_lines(lines: list[RosterLine], wanted: RosterFilter) -> list[RosterLine]:
    if not wanted.active:
        return list(lines)
    if wanted.text.strip():  # fold the text once, not once a line
        key = normalise_search(wanted.text)
        code = wanted.text.strip().upper().replace(" ", "")
        rest = replace(wanted, text="")
        return [
            line
            for line in lines
            if (key in line.search_key or (line.code and line.code.startswith(code)))
            and rest.accepts(line)
        ]
    return [line for line in lines if wanted.accepts(line)]


def sort_lines(
    lines: list[RosterLine], column: int, order: Qt.SortOrder, lang: str
) -> list[RosterLine]:
    name = COLUMNS[column]
    descending = order == Qt.SortOrder.DescendingOrder
    if name == "name":
        return sorted(lines, key=lambda line: line.name_rank, reverse=descending)
    # ties keep name order in both directions
    by_name = sorted(lines, key=lambda line: line.name_rank)
    return sorted(by_name, key=lambda line: sort_key(line, name, lang), reverse=descending)


def make_lines(rows: list[RosterRow], pack_sha256: str) -> list[RosterLine]:
    """Work out the search keys and the name order of the rows (in the loader's worker)."""
    collator = QCollator(QLocale("zh_CN"))  # pinyin order for Chinese names, then Latin
    collator.setNumericMode(True)  # 公司2 before 公司10
    keys = [collator.sortKey(row.name) for row in rows]

    def compare(a: int, b: int) -> int:
        return keys[a].compare(keys[b])

    order = sorted(range(len(rows)), key=functools.cmp_to_key(compare))
    rank = [0] * len(rows)
    for position, index in enumerate(order):
        rank[index] = position
    return [
        RosterLine(
            client_id=row.client_id,
            row=row,
            search_key=normalise_search(row.name),
            code=(row.credit_code or "").upper(),
            name_rank=rank[index],
            stale=row.made_with_other_rules(pack_sha256),
        )
        for index, row in enumerate(rows)
    ]


def load_lines(service: ClientService, as_of: date, pack_sha256: str) -> list[RosterLine]:
    """The worker's part of a reload."""
    return make_lines(service.roster(as_of), pack_sha256)


@dataclass(frozen=True)
class PendingDelete:
    line: RosterLine
    service: ClientService  # the database it was deleted from, even if another is opened since


class RosterController(QObject):
    """Holds the loaded lines, the filter and the sort, and feeds ``model`` what is shown."""

    loading_changed = Signal(bool)
    shown_changed = Signal()  # lines or filter changed: counts, empty state
    pending_changed = Signal()  # a delete started waiting for undo, or stopped waiting
    failed = Signal(str)  # plain words for the user (a load or a delete failed)
    deleted = Signal(int)  # a client was deleted from the database

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = RosterModel(context.lang, self)
        self.model.sort_requested.connect(self.sort)
        self.filter = RosterFilter()
        self.sort_column = 0
        self.sort_order = Qt.SortOrder.AscendingOrder
        self.loaded = False
        self._lines: list[RosterLine] = []
        self._load_serial = 0
        self._loading = False
        self._pending: PendingDelete | None = None
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_SECONDS * 1000)
        self._undo_timer.timeout.connect(self.commit_pending)
        context.roster_changed.connect(self.reload)
        context.service_changed.connect(self.reload)
        context.as_of_changed.connect(self.reload)
        context.pack_changed.connect(self.reload)
        context.language_changed.connect(self._language_changed)
        app = QCoreApplication.instance()
        if app is not None:  # the last chance for a pending delete
            app.aboutToQuit.connect(self.finish)

    # -- loading --------------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._loading

    def reload(self) -> None:
        """Read the roster again in a worker; a newer reload supersedes an older one."""
        self._load_serial += 1
        serial = self._load_serial
        self._set_loading(True)
        run_task(
            load_lines,
            self.context.service,
            self.context.as_of,
            self.context.pack.sha256,
            on_done=lambda lines: self._loaded(serial, lines),
            on_failed=lambda error: self._load_failed(serial, error),
        )

    def _loaded(self, serial: int, lines: list[RosterLine]) -> None:
        if serial != self._load_serial:
            return
        self._lines = lines
        self.loaded = True
        self._set_loading(False)
        self.refresh()

    def _load_failed(self, serial: int, error: Exception) -> None:
        if serial != self._load_serial:
            return
        log.error("loading the roster failed: %r", error)
        self._set_loading(False)
        self.failed.emit(self.tr("The client list could not be read from the database."))

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # -- what is shown --------------------------------------------------------------------------

    @property
    def total(self) -> int:
        """Clients in the roster, less one waiting to be deleted."""
        return len(self._lines) - (1 if self._pending is not None else 0)

    @property
    def shown(self) -> int:
        return self.model.rowCount()

    @property
    def due_total(self) -> int:
        """Clients with a follow-up due."""
        pending = self.pending_id
        return sum(
            1 for line in self._lines if line.row.follow_ups_due and line.client_id != pending
        )

    def line_of(self, client_id: int) -> RosterLine | None:
        return next((line for line in self._lines if line.client_id == client_id), None)

    def set_filter(self, wanted: RosterFilter) -> None:
        if wanted != self.filter:
            self.filter = wanted
            self.refresh()

    def set_search(self, text: str) -> None:
        self.set_filter(replace(self.filter, text=text))

    def set_zone(self, zone: str | None) -> None:
        self.set_filter(replace(self.filter, zone=zone))

    def set_verdict(self, verdict: str) -> None:
        if verdict not in VERDICT_FILTERS:
            raise ValueError(f"verdict filter: {verdict!r}")
        self.set_filter(replace(self.filter, verdict=verdict))

    def set_due_only(self, due_only: bool) -> None:
        self.set_filter(replace(self.filter, due_only=due_only))

    def clear_filter(self) -> None:
        self.set_filter(RosterFilter())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.sort_column, self.sort_order = column, order
        self.refresh()

    def refresh(self) -> None:
        """Filter and sort the loaded lines again and show the result."""
        pending = self.pending_id
        lines = self._lines
        if pending is not None:
            lines = [line for line in lines if line.client_id != pending]
        shown = filter_lines(lines, self.filter)
        self.model.show_lines(
            sort_lines(shown, self.sort_column, self.sort_order, self.context.lang)
        )
        self.shown_changed.emit()

    def _language_changed(self, lang: str) -> None:
        self.model.set_lang(lang)
        if COLUMNS[self.sort_column] == "zone":  # zone labels sort differently in each language
            self.refresh()

    # -- deleting with undo ---------------------------------------------------------------------

    @property
    def undo_seconds(self) -> int:
        return self._undo_timer.interval() // 1000

    def set_undo_window(self, milliseconds: int) -> None:
        """How long a delete can be undone (tests shorten it)."""
        self._undo_timer.setInterval(milliseconds)

    @property
    def pending_id(self) -> int | None:
        return None if self._pending is None else self._pending.line.client_id

    @property
    def pending_name(self) -> str | None:
        return None if self._pending is None else self._pending.line.row.name

    def delete(self, client_id: int) -> None:
        """Hide the client at once; delete it from the database when the undo window closes (or
        on the next delete, or when the roster closes)."""
        line = self.line_of(client_id)
        if line is None or client_id == self.pending_id:
            return
        self.commit_pending()
        self._pending = PendingDelete(line, self.context.service)
        self._undo_timer.start()
        self.refresh()
        self.pending_changed.emit()

    def undo(self) -> bool:
        """Put back the client waiting to be deleted; False when there is none."""
        if self._pending is None:
            return False
        self._pending = None
        self._undo_timer.stop()
        self.refresh()
        self.pending_changed.emit()
        return True

    def commit_pending(self) -> None:
        """Delete the waiting client from the database now, in a worker."""
        pending = self._take_pending()
        if pending is not None:
            run_task(
                pending.service.delete_client,
                pending.line.client_id,
                pending.line.row.version,
                on_done=lambda _none: self._deleted(pending),
                on_failed=lambda error: self._delete_failed(pending, error),
            )

    def finish(self) -> None:
        """Delete the waiting client now, on this thread: for closing the application, when a
        worker might not be waited for. A few milliseconds."""
        pending = self._take_pending()
        if pending is None:
            return
        try:
            pending.service.delete_client(pending.line.client_id, pending.line.row.version)
        except Exception as error:  # logged; the application is closing
            log.error("deleting client #%s on closing failed: %r", pending.line.client_id, error)

    def _take_pending(self) -> PendingDelete | None:
        pending, self._pending = self._pending, None
        self._undo_timer.stop()
        if pending is not None:
            self.pending_changed.emit()
        return pending

    def _deleted(self, pending: PendingDelete) -> None:
        client_id = pending.line.client_id
        self._lines = [line for line in self._lines if line.client_id != client_id]
        self.deleted.emit(client_id)
        self.shown_changed.emit()
        if pending.service is self.context.service:
            self.context.roster_changed.emit()

    def _delete_failed(self, pending: PendingDelete, error: Exception) -> None:
        name = pending.line.row.name
        if isinstance(error, NotFoundError):  # deleted at another desk meanwhile: done anyway
            self._deleted(pending)
            return
        log.error("deleting client #%s failed: %r", pending.line.client_id, error)
        if isinstance(error, ConcurrentEditError):
            message = self.tr(
                "{name} was changed at another desk, so it was not deleted. "
                "Look at it again and delete it if it should go."
            ).format(name=name)
        elif isinstance(error, DatabaseError):
            message = self.tr("{name} could not be deleted: {reason}").format(
                name=name, reason=error_text(error)
            )
        else:
            message = self.tr("{name} could not be deleted: the database refused.").format(
                name=name
            )
        self.refresh()
        self.failed.emit(message)
        self.reload()
