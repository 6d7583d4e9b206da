"""The roster, the home screen: every client with its counts and follow-ups, searched, filtered
and sorted; a new walk-in, opening a client, deleting one with undo.

``RosterView(context)`` emits ``open_client(client_id)`` and ``new_walk_in()``; the main window
switches to the client workspace on them. Call ``finish_pending_delete()`` before the window
closes (the application's ``aboutToQuit`` does it too).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import AppContext
from app.ui.roster.controller import NO_ZONE, RosterController
from app.ui.roster.model import COLUMNS, zone_label
from rules.vocabulary import ZONES

TABLE_PAGE, EMPTY_PAGE = 0, 1


class RosterView(QWidget):
    """The client roster (objectName ``roster``)."""

    open_client = Signal(int)  # client id
    new_walk_in = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roster")
        self.context = context
        self.controller = RosterController(context, self)
        self.model = self.controller.model
        self._selected_before_reset: list[int] = []
        self._build()
        self._connect()
        self.retranslate()
        self._fill_zone_combo()
        self._update_state()
        self.controller.reload()

    # -- layout ---------------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.new_button = QPushButton()
        self.new_button.setObjectName("rosterNewWalkIn")
        self.new_button.setDefault(False)
        self.new_button.setAutoDefault(False)

        self.search = QLineEdit()
        self.search.setObjectName("rosterSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.zone_label = QLabel()
        self.zone_combo = QComboBox()
        self.zone_combo.setObjectName("rosterZone")
        self.zone_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.zone_combo.setMinimumContentsLength(16)
        self.zone_label.setBuddy(self.zone_combo)
        self.verdict_label = QLabel()
        self.verdict_combo = QComboBox()
        self.verdict_combo.setObjectName("rosterVerdict")
        self.verdict_label.setBuddy(self.verdict_combo)
        self.due_check = QCheckBox()
        self.due_check.setObjectName("rosterDue")

        self.table = QTableView()
        self.table.setObjectName("rosterTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(int(self.fontMetrics().height() * 1.7))
        header = self.table.horizontalHeader()
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setSectionsMovable(False)
        header.setHighlightSections(False)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("rosterEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_button = QPushButton()
        self.empty_button.setObjectName("rosterEmptyAction")
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(empty)

        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("rosterUndoBar")
        self.undo_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.undo_bar.setStyleSheet(
            "#rosterUndoBar { background: palette(tool-tip-base); border-radius: 4px; }"
        )
        self.undo_label = QLabel()
        self.undo_label.setObjectName("rosterUndoText")
        self.undo_label.setWordWrap(True)
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("rosterUndo")
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(self.undo_button)
        self.undo_bar.hide()

        self.count_label = QLabel()
        self.count_label.setObjectName("rosterCount")
        self.open_button = QPushButton()
        self.open_button.setObjectName("rosterOpen")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("rosterDelete")

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.new_button)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addSpacing(self.fontMetrics().horizontalAdvance("M"))
        filters.addWidget(self.zone_label)
        filters.addWidget(self.zone_combo)
        filters.addWidget(self.verdict_label)
        filters.addWidget(self.verdict_combo)
        filters.addWidget(self.due_check)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.undo_bar)
        layout.addLayout(bottom)

        for first, second in (
            (self.new_button, self.search),
            (self.search, self.zone_combo),
            (self.zone_combo, self.verdict_combo),
            (self.verdict_combo, self.due_check),
            (self.due_check, self.table),
            (self.table, self.undo_button),
            (self.undo_button, self.open_button),
            (self.open_button, self.delete_button),
        ):
            QWidget.setTabOrder(first, second)

        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.new_shortcut = QShortcut(QKeySequence.StandardKey.New, self, self._new_walk_in)
        self.new_shortcut.setContext(scope)
        self.find_shortcut = QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        self.find_shortcut.setContext(scope)
        self.undo_shortcut = QShortcut(QKeySequence.StandardKey.Undo, self, self._undo)
        self.undo_shortcut.setContext(scope)
        # on the table only, so Del and Enter keep their meaning in the search box
        self.delete_shortcut = QShortcut(
            QKeySequence(Qt.Key.Key_Delete), self.table, self.delete_selected
        )
        self.delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_shortcuts = [
            QShortcut(QKeySequence(key), self.table, self.open_selected)
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ]
        for shortcut in self.open_shortcuts:
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    def _size_columns(self) -> None:
        """Widths from the font and the header words, never fixed pixels; the name takes what
        is left."""
        header = self.table.horizontalHeader()
        metrics = self.fontMetrics()
        em = metrics.horizontalAdvance("M")
        content = {
            "credit_code": metrics.horizontalAdvance("91420100MA4K00000X") + 2 * em,
            "zone": 14 * em,
            "assessed": metrics.horizontalAdvance("29 Nov 2026 (older rules)"),
            "eligible": 5 * em,
            "needs_info": 5 * em,
            "follow_ups": 5 * em,
        }
        for section, column in enumerate(COLUMNS):
            if column == "name":
                header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)
                continue
            title = str(self.model.headerData(section, Qt.Orientation.Horizontal))
            needed = max(content[column], metrics.horizontalAdvance(title) + 3 * em)
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(section, needed)

    def _connect(self) -> None:
        controller = self.controller
        controller.shown_changed.connect(self._update_state)
        controller.loading_changed.connect(lambda _loading: self._update_state())
        controller.pending_changed.connect(self._update_undo_bar)
        controller.failed.connect(self._show_failure)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.context.language_changed.connect(self._language_changed)
        self.search.textChanged.connect(controller.set_search)
        self.search.returnPressed.connect(self._search_entered)
        self.zone_combo.currentIndexChanged.connect(
            lambda _index: controller.set_zone(self.zone_combo.currentData())
        )
        self.verdict_combo.currentIndexChanged.connect(
            lambda _index: controller.set_verdict(self.verdict_combo.currentData())
        )
        self.due_check.toggled.connect(controller.set_due_only)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.new_button.clicked.connect(self._new_walk_in)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self._undo)
        self.empty_button.clicked.connect(self._empty_action)

    # -- words ----------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Clients"))
        self.new_button.setText(self.tr("New walk-in"))
        self.new_button.setToolTip(self.tr("Start a new client from an empty profile (Ctrl+N)"))
        self.new_button.setAccessibleName(self.tr("New walk-in"))
        self.search.setPlaceholderText(self.tr("Search by name or credit code (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search clients"))
        self.zone_label.setText(self.tr("&Zone:"))
        self.zone_combo.setAccessibleName(self.tr("Zone filter"))
        self.verdict_label.setText(self.tr("&Show:"))
        self.verdict_combo.setAccessibleName(self.tr("Assessment filter"))
        self.due_check.setText(self.tr("Follow-up &due"))
        self.due_check.setAccessibleName(self.tr("Only clients with a follow-up due"))
        self.due_check.setToolTip(
            self.tr("Only clients with an open follow-up due on or before the assessment date")
        )
        self.table.setAccessibleName(self.tr("Clients"))
        self.open_button.setText(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("Open the selected client (Enter)"))
        self.open_button.setAccessibleName(self.tr("Open client"))
        self.delete_button.setText(self.tr("Delete…"))
        self.delete_button.setToolTip(self.tr("Delete the selected client (Del)"))
        self.delete_button.setAccessibleName(self.tr("Delete client"))
        self.undo_button.setText(self.tr("&Undo"))
        self.undo_button.setToolTip(self.tr("Put the client back (Ctrl+Z)"))
        self.undo_button.setAccessibleName(self.tr("Undo delete"))
        self._fill_verdict_combo()
        self.model.retranslate()
        self._size_columns()
        self._update_state()
        self._update_undo_bar()

    def _fill_verdict_combo(self) -> None:
        items = [
            ("all", self.tr("All clients")),
            ("eligible", self.tr("With eligible measures")),
            ("needs_info", self.tr("With open questions")),
            ("never_assessed", self.tr("Never assessed")),
            ("older_rules", self.tr("Assessed with older rules")),
        ]
        self._refill(self.verdict_combo, items)

    def _fill_zone_combo(self) -> None:
        lang = self.context.lang
        items: list[tuple[str | None, str]] = [(None, self.tr("All zones"))]
        items += [(zone, zone_label(zone, lang)) for zone in ZONES]
        items.append((NO_ZONE, self.tr("Zone not given")))
        self._refill(self.zone_combo, items)

    @staticmethod
    def _refill(combo: QComboBox, items: Sequence[tuple[str | None, str]]) -> None:
        """Replace the items, keeping the choice and sending no change signal."""
        current = combo.currentData() if combo.count() else items[0][0]
        combo.blockSignals(True)
        combo.clear()
        for value, text in items:
            combo.addItem(text, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _language_changed(self, _lang: str) -> None:
        self._fill_zone_combo()

    # -- state ----------------------------------------------------------------------------------

    def _update_state(self) -> None:
        controller = self.controller
        total, shown = controller.total, controller.shown
        if controller.loading and not controller.loaded:
            self.count_label.setText(self.tr("Loading clients…"))
        else:
            self.count_label.setText(
                self.tr("{shown} of {total} clients").format(shown=shown, total=total)
            )
        due = controller.due_total
        self.due_check.setText(
            self.tr("Follow-up &due ({count})").format(count=due)
            if due
            else self.tr("Follow-up &due")
        )
        if controller.loaded and total == 0:
            self.empty_label.setText(
                self.tr("No clients yet: start a walk-in with Ctrl+N or import a spreadsheet.")
            )
            self.empty_button.setText(self.tr("New walk-in"))
            self.empty_button.setAccessibleName(self.tr("New walk-in"))
            self.pages.setCurrentIndex(EMPTY_PAGE)
        elif controller.loaded and shown == 0:
            self.empty_label.setText(self.tr("No clients match the search and filters."))
            self.empty_button.setText(self.tr("Clear search and filters"))
            self.empty_button.setAccessibleName(self.tr("Clear search and filters"))
            self.pages.setCurrentIndex(EMPTY_PAGE)
        else:
            self.pages.setCurrentIndex(TABLE_PAGE)
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.selected_client_id() is not None
        self.open_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def _update_undo_bar(self) -> None:
        name = self.controller.pending_name
        if name is None:
            self.undo_bar.hide()
            return
        self.undo_label.setText(
            self.tr("{name} will be deleted. Undo within {seconds} seconds to keep it.").format(
                name=name, seconds=self.controller.undo_seconds
            )
        )
        self.undo_bar.show()

    def _show_failure(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Clients"), message)

    # -- selection ------------------------------------------------------------------------------

    def selected_client_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.line(rows[0].row()).client_id

    def select_client(self, client_id: int) -> bool:
        row = self.model.row_of(client_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.NoUpdate
        )
        self.table.scrollTo(index)
        return True

    def _remember_selection(self) -> None:
        selected = self.selected_client_id()
        self._selected_before_reset = [] if selected is None else [selected]

    def _restore_selection(self) -> None:
        for client_id in self._selected_before_reset:
            self.select_client(client_id)
        self._update_buttons()

    # -- actions --------------------------------------------------------------------------------

    def reload(self) -> None:
        self.controller.reload()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_entered(self) -> None:
        if self.model.rowCount() == 0:
            return
        if self.selected_client_id() is None:
            self.select_client(self.model.line(0).client_id)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _new_walk_in(self) -> None:
        self.new_walk_in.emit()

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_client.emit(self.model.line(index.row()).client_id)

    def open_selected(self) -> None:
        client_id = self.selected_client_id()
        if client_id is not None:
            self.open_client.emit(client_id)

    def delete_selected(self) -> None:
        """Ask, then delete the selected client (undoable until the undo bar closes)."""
        client_id = self.selected_client_id()
        if client_id is None:
            return
        line = self.controller.line_of(client_id)
        if line is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete client"),
            self.tr(
                "Delete {name} with its history, assessments, notes and checklist?\n\n"
                "You can undo for {seconds} seconds. The deletion is made when the undo bar "
                "closes, when you delete another client, or when you leave the list."
            ).format(name=line.row.name, seconds=self.controller.undo_seconds),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        row = self.model.row_of(client_id) or 0
        self.controller.delete(client_id)
        if self.model.rowCount():  # keep the keyboard where it was: select the next line
            next_row = min(row, self.model.rowCount() - 1)
            self.select_client(self.model.line(next_row).client_id)
        self.undo_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _undo(self) -> None:
        client_id = self.controller.pending_id
        if self.controller.undo() and client_id is not None:
            self.select_client(client_id)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _empty_action(self) -> None:
        if self.controller.total == 0:
            self._new_walk_in()
            return
        self.search.clear()
        self.zone_combo.setCurrentIndex(0)
        self.verdict_combo.setCurrentIndex(0)
        self.due_check.setChecked(False)
        self.controller.clear_filter()

    def finish_pending_delete(self) -> None:
        """Make a waiting delete now (call before the window closes)."""
        self.controller.finish()

    def hideEvent(self, event: QHideEvent) -> None:
        # Leaving the list (opening a client) closes the undo window; minimising does not.
        if not event.spontaneous():
            self.controller.commit_pending()
        super().hideEvent(event)
