"""The Settings dialog's "Rule packs" page: widgets and layout only; PacksController decides."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QStringListModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import AppContext
from app.ui.export.controller import documents_folder
from app.ui.settings.packs import PackChanges, PacksController
from app.ui.settings.reassess_dialog import ReassessDialog


class PacksPage(QWidget):
    """The installed packs, "Install from file…", "Use this pack", and after either what changed
    with "Re-assess all clients…"."""

    def __init__(
        self, context: AppContext, settings_file: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("packsPage")
        self.context = context
        self.controller = PacksController(context, settings_file, self)
        self._reassess_after_switch = False

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("packsTable")
        self.table.setModel(self.controller.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.install_button = QPushButton()
        self.install_button.setObjectName("packsInstall")
        self.use_button = QPushButton()
        self.use_button.setObjectName("packsUse")
        self.message = QLabel()
        self.message.setObjectName("packsMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.changes_box = QGroupBox()
        self.changes_box.setObjectName("packsChangesBox")
        self.changes_title = QLabel()
        self.changes_title.setObjectName("packsChangesTitle")
        self.changes_title.setWordWrap(True)
        self.changes_model = QStringListModel(self)
        self.changes = QListView()
        self.changes.setObjectName("packsChanges")
        self.changes.setModel(self.changes_model)
        self.changes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes.setWordWrap(True)
        self.impact = QLabel()
        self.impact.setObjectName("packsImpact")
        self.impact.setWordWrap(True)
        self.reassess_button = QPushButton()
        self.reassess_button.setObjectName("packsReassess")
        changes_layout = QVBoxLayout(self.changes_box)
        changes_layout.addWidget(self.changes_title)
        changes_layout.addWidget(self.changes, 1)
        impact_row = QHBoxLayout()
        impact_row.addWidget(self.impact, 1)
        impact_row.addWidget(self.reassess_button)
        changes_layout.addLayout(impact_row)
        self.changes_box.setVisible(False)

        buttons = QHBoxLayout()
        buttons.addWidget(self.install_button)
        buttons.addWidget(self.use_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.changes_box, 1)

        self.install_button.clicked.connect(self.choose_and_install)
        self.use_button.clicked.connect(self.use_selected)
        self.reassess_button.clicked.connect(self.reassess)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.controller.lines_changed.connect(self._lines_changed)
        self.controller.busy_changed.connect(lambda _busy: self._update_buttons())
        self.controller.message.connect(self._show_message)
        self.controller.changes_shown.connect(self._show_changes)
        self.controller.impact_counted.connect(self.impact.setText)
        self.controller.switched.connect(self._switched)
        self.retranslate()
        self._update_buttons()
        self.controller.reload()

    # -- texts

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "A rule pack holds the measures of a notice. When the province publishes a new "
                "or amended notice, install its pack file here and put it in use: every client "
                "is then assessed with it. Installing and choosing take effect at once."
            )
        )
        self.table.setAccessibleName(self.tr("Installed rule packs"))
        self.install_button.setText(self.tr("&Install from file…"))
        self.install_button.setAccessibleName(self.tr("Install a rule pack from a file"))
        self.use_button.setText(self.tr("&Use this pack"))
        self.use_button.setAccessibleName(self.tr("Assess with the selected rule pack"))
        self.changes_box.setTitle(self.tr("What changed"))
        self.changes.setAccessibleName(self.tr("Measures that changed"))
        if self.controller.shown_changes is not None:
            self._show_changes(self.controller.shown_changes)
        self._update_buttons()
        model = self.controller.model
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)

    # -- actions

    def choose_and_install(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Install a rule pack"),
            str(documents_folder()),
            self.tr("Rule pack files (*.pcpack *.zip);;All files (*)"),
        )
        if chosen:
            self.controller.install(Path(chosen))

    def selected_ref(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.controller.model.line(rows[0].row()).entry.ref if rows else None

    def use_selected(self) -> None:
        ref = self.selected_ref()
        if ref is not None:
            self.controller.use(ref)

    def reassess(self) -> None:
        """Re-assess with the pack whose changes are shown; put it in use first if need be."""
        shown = self.controller.shown_changes
        if shown is None:
            return
        if not self.controller.new_in_use():
            self._reassess_after_switch = True
            self.controller.use(f"{shown.new.id}@{shown.new.version}")
            return
        ReassessDialog(self.context, self).exec()

    # -- what the controller says

    def _lines_changed(self) -> None:
        shown = self.controller.shown_changes
        ref = f"{shown.new.id}@{shown.new.version}" if shown is not None else None
        row = self.controller.model.row_of(ref) if ref is not None else None
        if row is not None:
            self.table.selectRow(row)
        self._update_buttons()

    def _show_message(self, text: str, error: bool) -> None:
        self.message.setText(("✖ " if error else "") + text)
        self.message.setProperty("error", error)
        if error:
            self._reassess_after_switch = False

    def _show_changes(self, changes: PackChanges) -> None:
        self.changes_title.setText(self.controller.changes_title(changes))
        self.changes_model.setStringList(self.controller.change_lines(changes))
        self.changes.setVisible(bool(changes.changes))
        if changes.old is None:
            self.impact.clear()
        self.changes_box.setVisible(True)
        self._update_buttons()

    def _switched(self) -> None:
        self._update_buttons()
        if self._reassess_after_switch:
            self._reassess_after_switch = False
            ReassessDialog(self.context, self).exec()

    def _update_buttons(self) -> None:
        busy = self.controller.busy
        ref = self.selected_ref()
        in_use = f"{self.context.pack.id}@{self.context.pack.version}"
        self.install_button.setEnabled(not busy)
        self.use_button.setEnabled(not busy and ref is not None and ref != in_use)
        self.reassess_button.setEnabled(not busy and self.controller.shown_changes is not None)
        if self.controller.new_in_use() or self.controller.shown_changes is None:
            self.reassess_button.setText(self.tr("&Re-assess all clients…"))
        else:
            self.reassess_button.setText(self.tr("Use it and &re-assess all clients…"))
        self.reassess_button.setAccessibleName(self.reassess_button.text().replace("&", ""))
