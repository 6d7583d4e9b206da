"""The "Rule packs" page's logic: the installed packs, installing one, choosing the one in use.

Installing and choosing take effect at once (not on the Settings dialog's OK): the pack file is
checked whole and installed in a worker (app.services.packs); choosing a pack opens the roster
again with it in a worker and only then changes the context (its pack and service), so every
screen assesses with it. After either, the measures that changed are shown with how many
clients would see a verdict change, and re-assessing the roster is offered. No widgets here.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.services.clients import ClientService
from app.services.packs import (
    InstalledPack,
    InstallOutcome,
    active_entry,
    find_pack,
    install_pack_file,
    installed_packs,
    use_pack,
)
from app.services.roster_verdicts import ImpactReport
from app.settings import settings_path
from app.ui.context import AppContext
from app.ui.tasks import run_task
from rules.diff import MeasureChange, diff_packs
from rules.pack import Pack, load_pack
from rules.pack_file import PackFileError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PackLine:
    entry: InstalledPack
    pack: Pack
    in_use: bool


@dataclass(frozen=True)
class PackChanges:
    """What moving from ``old`` to ``new`` changes; ``old`` None: nothing to compare with."""

    old: Pack | None
    new: Pack
    changes: list[MeasureChange]
    installed: bool  # True: ``new`` was just installed; False: it was just chosen


@dataclass(frozen=True)
class Switched:
    entry: InstalledPack
    pack: Pack
    service: ClientService


# ----------------------------------------------------------------------------- workers


def pack_lines(settings_file: Path) -> list[PackLine]:
    """Every pack, loaded (its title is shown), the one in use marked (worker)."""
    active = active_entry(settings_file)
    return [PackLine(p, load_pack(p.folder), p == active) for p in installed_packs()]


def install_and_compare(path: Path) -> tuple[InstallOutcome, PackChanges]:
    """Install the pack file and compare it with the previous version of the pack (worker)."""
    outcome = install_pack_file(path)
    new = load_pack(outcome.installed.folder)
    old = load_pack(outcome.previous.folder) if outcome.previous is not None else None
    changes = diff_packs(old, new) if old is not None else []
    return outcome, PackChanges(old, new, changes, installed=True)


def open_with_pack(
    ref: str, settings_file: Path, url: str, lang: str, actor: str | None
) -> Switched:
    """The roster opened again with the pack ``ref``, then the choice saved (worker); nothing is
    saved when the roster cannot be opened."""
    entry = find_pack(ref)
    pack = load_pack(entry.folder)
    service = ClientService.open(url, pack=pack, lang=lang, actor=actor)
    try:
        use_pack(ref, settings_file)
    except BaseException:
        service.close()
        raise
    return Switched(entry, pack, service)


def count_impact(service: ClientService, old: Pack, new: Pack, as_of: date) -> ImpactReport:
    return service.impact(old, new, as_of)


# ----------------------------------------------------------------------------- the list


class PacksModel(QAbstractTableModel):
    """In use, pack id, version, title, SHA-256 (12 characters)."""

    COLUMNS = ("in_use", "id", "version", "title", "sha256")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[PackLine] = []
        self._lang = "zh"

    def show_lines(self, lines: list[PackLine], lang: str) -> None:
        self.beginResetModel()
        self._lines, self._lang = lines, lang
        self.endResetModel()

    def line(self, row: int) -> PackLine:
        return self._lines[row]

    def row_of(self, ref: str) -> int | None:
        return next((i for i, line in enumerate(self._lines) if line.entry.ref == ref), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("In use"),
            self.tr("Pack"),
            self.tr("Version"),
            self.tr("Policy"),
            self.tr("SHA-256"),
        )[section]

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "sha256":
                return line.entry.sha256
            if column == "id":
                return self.tr("Built in") if line.entry.builtin else str(line.entry.folder)
            return self._display(line, column) or None
        if role == Qt.ItemDataRole.AccessibleTextRole and column == "in_use":
            return self.tr("In use") if line.in_use else self.tr("Not in use")
        return None

    def _display(self, line: PackLine, column: str) -> str:
        if column == "in_use":
            return "✔" if line.in_use else ""
        if column == "id":
            return line.entry.id
        if column == "version":
            suffix = self.tr(" (built in)") if line.entry.builtin else ""
            return line.entry.version + suffix
        if column == "title":
            document = line.pack.manifest.document.number
            return f"{line.pack.manifest.title.get(self._lang)} ({document})"
        return line.entry.sha256[:12]


# ----------------------------------------------------------------------------- controller


class PacksController(QObject):
    """The packs page's logic, testable without a window."""

    busy_changed = Signal(bool)
    lines_changed = Signal()
    message = Signal(str, bool)  # text, is an error
    changes_shown = Signal(object)  # PackChanges
    impact_counted = Signal(str)  # the count, in plain words
    switched = Signal()  # the pack in use changed

    def __init__(
        self, context: AppContext, settings_file: Path | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.settings_file = settings_file or settings_path()
        self.model = PacksModel(self)
        self.shown_changes: PackChanges | None = None
        self._busy = False
        self._serial = 0  # a newer impact count supersedes an older one
        context.language_changed.connect(self._language_changed)

    @property
    def busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def _language_changed(self, lang: str) -> None:
        self.model.show_lines([self.model.line(i) for i in range(self.model.rowCount())], lang)

    def reload(self) -> None:
        run_task(pack_lines, self.settings_file, on_done=self._loaded, on_failed=self._load_failed)

    def _loaded(self, lines: list[PackLine]) -> None:
        self.model.show_lines(lines, self.context.lang)
        self.lines_changed.emit()

    def _load_failed(self, error: Exception) -> None:
        log.error("listing the rule packs failed: %r", error)
        self.message.emit(self.tr("The installed rule packs could not be read."), True)

    # -- installing

    def install(self, path: Path) -> None:
        if self._busy:
            return
        self._set_busy(True)
        self.message.emit(self.tr("Checking and installing {name}…").format(name=path.name), False)
        run_task(install_and_compare, path, on_done=self._installed, on_failed=self._install_failed)

    def _installed(self, result: tuple[InstallOutcome, PackChanges]) -> None:
        self._set_busy(False)
        outcome, changes = result
        entry = outcome.installed
        if outcome.already:
            text = self.tr("{pack} {version} is already installed; nothing changed.")
        else:
            text = self.tr(
                '{pack} {version} was installed. Choose "Use this pack" to assess with it.'
            )
        self.message.emit(text.format(pack=entry.id, version=entry.version), False)
        self.reload()
        self._show_changes(changes)

    def _install_failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, PackFileError):
            log.warning("pack file refused (%s): %s", error.kind, error)
            text = self.refusal_text(error)
        else:
            log.error("installing a pack failed: %r", error)
            text = self.tr("The rule pack could not be installed.")
        self.message.emit(self.tr("{reason} Nothing was installed.").format(reason=text), True)

    def refusal_text(self, error: PackFileError) -> str:
        """Why a pack file was refused, in plain words."""
        texts = {
            "unreadable": self.tr("The file could not be read."),
            "not_zip": self.tr("This file is not a rule pack file, or it is damaged."),
            "unsafe": self.tr(
                "The pack file holds a file outside its own folder, or a link; it was refused "
                "for safety."
            ),
            "too_big": self.tr(
                "The pack file is too large, or unpacks to far more data than it holds (a zip "
                "bomb); it was refused."
            ),
            "not_pack": self.tr("The pack file holds files that are no part of a rule pack."),
            "manifest": self.tr("The pack file's manifest is missing or damaged."),
            "format": self.tr(
                "This pack file was made for a newer version of Policy Checker. Update the app "
                "to install it."
            ),
            "yaml_bomb": self.tr(
                "The pack's data would expand without limit (a YAML bomb); it was refused."
            ),
            "hash": self.tr(
                "The pack's files were changed after it was made: its content hash does not match."
            ),
            "invalid": self.tr("The pack's rules did not pass their checks ({detail}).").format(
                detail=str(error)
            ),
            "exists": self.tr(
                "This version of the pack is already installed with different content. A "
                "changed pack needs a new version number."
            ),
            "io": self.tr("The pack could not be saved in the folder of installed packs."),
        }
        return texts[error.kind]

    # -- choosing

    def use(self, ref: str) -> None:
        """Make the pack ``ref`` the one in use: the roster is opened again with it."""
        if self._busy or ref == f"{self.context.pack.id}@{self.context.pack.version}":
            return
        self._set_busy(True)
        old = self.context.pack
        service = self.context.service
        url = service.database.url.render_as_string(hide_password=False)
        run_task(
            open_with_pack,
            ref,
            self.settings_file,
            url,
            self.context.lang,
            service.actor,
            on_done=lambda switched: self._switched(old, switched),
            on_failed=self._switch_failed,
        )

    def _switched(self, old: Pack, switched: Switched) -> None:
        self._set_busy(False)
        self.context.set_pack(switched.pack, switched.service)
        log.info("rule pack in use: %s", switched.entry.ref)
        self.message.emit(
            self.tr("Now assessing with {pack} {version}.").format(
                pack=switched.pack.id, version=switched.pack.version
            ),
            False,
        )
        self.reload()
        changes = diff_packs(old, switched.pack)
        self._show_changes(PackChanges(old, switched.pack, changes, installed=False))
        self.switched.emit()

    def _switch_failed(self, error: Exception) -> None:
        self._set_busy(False)
        log.error("choosing a rule pack failed: %r", error)
        self.message.emit(
            self.tr(
                "The rule pack could not be put in use: the roster could not be opened with "
                "it. The pack in use is unchanged."
            ),
            True,
        )

    # -- what changed

    def _show_changes(self, changes: PackChanges) -> None:
        self.shown_changes = changes
        self.changes_shown.emit(changes)
        if changes.old is None:
            return
        self._serial += 1
        serial = self._serial
        self.impact_counted.emit(self.tr("Counting the clients whose verdicts would change…"))
        run_task(
            count_impact,
            self.context.service,
            changes.old,
            changes.new,
            self.context.as_of,
            on_done=lambda impact: self._counted(serial, impact),
            on_failed=lambda error: self._count_failed(serial, error),
        )

    def _counted(self, serial: int, impact: ImpactReport) -> None:
        if serial != self._serial:
            return
        self.impact_counted.emit(
            self.tr("{changed} of {clients} clients would see a verdict change.").format(
                changed=impact.changed_clients, clients=impact.clients
            )
        )

    def _count_failed(self, serial: int, error: Exception) -> None:
        if serial != self._serial:
            return
        log.error("counting the impact failed: %r", error)
        self.impact_counted.emit(self.tr("The roster could not be read to count who changes."))

    def change_lines(self, changes: PackChanges) -> list[str]:
        """One line per measure that changed: its id, title and what changed, in plain words."""
        lines = []
        for change in changes.changes:
            measure = changes.new.by_id.get(change.measure) or (
                changes.old.by_id.get(change.measure) if changes.old else None
            )
            title = measure.title.get(self.context.lang) if measure is not None else ""
            if change.change == "added":
                what = self.tr("added")
            elif change.change == "removed":
                what = self.tr("removed")
            else:
                what = "; ".join(self._detail(d) for d in change.details)
            lines.append(f"{change.measure} {title}: {what}")
        return lines

    def _detail(self, detail: str) -> str:
        texts = {
            "status changed": self.tr("its status changed"),
            "kind changed": self.tr("its kind changed"),
            "clause changed": self.tr("its clause changed"),
        }
        if detail in texts:
            return texts[detail]
        found = re.fullmatch(
            r"(provision (\S+) (added|removed))|(criteria of (\S+) changed)", detail
        )
        if found is None:
            return detail
        if found.group(5):
            return self.tr("the criteria of {part} changed").format(part=found.group(5))
        if found.group(3) == "added":
            return self.tr("part {part} added").format(part=found.group(2))
        return self.tr("part {part} removed").format(part=found.group(2))

    def changes_title(self, changes: PackChanges) -> str:
        new = changes.new
        if changes.old is None:
            return self.tr("{pack} {version} is the first version of this pack here.").format(
                pack=new.id, version=new.version
            )
        if not changes.changes:
            return self.tr(
                "No measure differs between {old} {old_version} and {pack} {version}."
            ).format(
                old=changes.old.id,
                old_version=changes.old.version,
                pack=new.id,
                version=new.version,
            )
        return self.tr(
            "{count} measures differ between {old} {old_version} and {pack} {version}:"
        ).format(
            count=len(changes.changes),
            old=changes.old.id,
            old_version=changes.old.version,
            pack=new.id,
            version=new.version,
        )

    def new_in_use(self) -> bool:
        """Whether the pack whose changes are shown is the one in use."""
        shown = self.shown_changes
        return shown is not None and shown.new.sha256 == self.context.pack.sha256
