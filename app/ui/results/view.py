"""The results screen: every measure with its verdict badge, grouped and filtered.

``ResultsView(session, context)`` follows ``session.changed``: the rows are rebuilt from the
session's JSON answer and the tree keeps its selection, its scroll position and the groups the
user folded. Picking a measure emits ``measure_selected(measure_id)``.
"""

from __future__ import annotations

import itertools
import logging

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.ui.badges import VERDICT_ORDER, caveat_short, verdict_icon, verdict_text
from app.ui.context import AppContext
from app.ui.results.controller import (
    GROUPINGS,
    ROW_CAVEATS,
    ResultRow,
    ResultsController,
    counts,
    rows_from_answer,
)
from app.ui.results.model import (
    CAVEATS,
    NUMBER,
    REASON,
    TITLE,
    VERDICT,
    ResultsModel,
)
from app.ui.session import ClientSession

log = logging.getLogger(__name__)


class ResultsView(QWidget):
    """Every measure of the pack for the session's client.

    Signals: ``measure_selected(str)`` with the measure id when the user (or
    ``select_measure``) picks a measure.

    Shortcuts (while focus is in the screen): Ctrl+F filter, Esc in the filter clears it,
    Ctrl+G next grouping, Alt+1…Alt+4 show/hide eligible, needs information, not eligible,
    government tasks.
    """

    measure_selected = Signal(str)

    def __init__(
        self, session: ClientSession, context: AppContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("results")
        self.session = session
        self.context = context
        self.controller = ResultsController(context.pack)
        self.model = ResultsModel(self)
        self._rows: list[ResultRow] = []
        self._current_id: str | None = None
        self._restoring = False
        self._collapsed: set[str] = set()

        self._build()
        self.retranslate()
        self.session.changed.connect(self.reload)
        self.context.language_changed.connect(self.reload)
        self.context.pack_changed.connect(self.reload)
        self.reload()

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.chips: dict[str, QToolButton] = {}
        chips_row = QHBoxLayout()
        chips_row.setSpacing(6)
        for verdict in VERDICT_ORDER:
            chip = QToolButton()
            chip.setObjectName(f"resultsShow_{verdict}")
            chip.setCheckable(True)
            chip.setChecked(True)
            chip.setAutoRaise(True)
            chip.setIcon(verdict_icon(verdict))
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            chip.toggled.connect(lambda shown, v=verdict: self._show_verdict(v, shown))
            chips_row.addWidget(chip)
            self.chips[verdict] = chip
        chips_row.addStretch(1)

        self.group_label = QLabel()
        self.group_combo = QComboBox()
        self.group_combo.setObjectName("resultsGroupBy")
        self.group_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for grouping in GROUPINGS:
            self.group_combo.addItem("", grouping)
        self.group_label.setBuddy(self.group_combo)
        self.group_combo.currentIndexChanged.connect(self._group_changed)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("resultsFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.filter_edit.textChanged.connect(self._text_changed)

        tools = QHBoxLayout()
        tools.addWidget(self.group_label)
        tools.addWidget(self.group_combo)
        tools.addSpacing(12)
        tools.addWidget(self.filter_edit, 1)

        self.deadline_note = QLabel()
        self.deadline_note.setObjectName("resultsDeadline")
        self.deadline_note.setWordWrap(True)
        self.deadline_note.setFrameShape(QFrame.Shape.StyledPanel)
        self.deadline_note.setMargin(6)
        self.deadline_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.tree = QTreeView()
        self.tree.setObjectName("resultsView")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setExpandsOnDoubleClick(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        # Widths are worked out from the words (_fit_columns), not measured on every update:
        # re-measuring 68 rows on each edit would cost more than the assessment itself.
        for column in (NUMBER, TITLE, VERDICT, CAVEATS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        self.tree.viewport().installEventFilter(self)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.collapsed.connect(self._folded)
        self.tree.expanded.connect(self._unfolded)

        self.empty_note = QLabel()
        self.empty_note.setObjectName("resultsEmpty")
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_note.setWordWrap(True)
        self.empty_note.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(chips_row)
        layout.addLayout(tools)
        layout.addWidget(self.deadline_note)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_note)

        order = [*self.chips.values(), self.group_combo, self.filter_edit, self.tree]
        for before, after in itertools.pairwise(order):
            self.setTabOrder(before, after)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        find = QShortcut(QKeySequence.StandardKey.Find, self, context=context)
        find.activated.connect(self.focus_filter)
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.filter_edit)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)
        clear.activated.connect(self.filter_edit.clear)
        cycle = QShortcut(QKeySequence("Ctrl+G"), self, context=context)
        cycle.activated.connect(self.next_grouping)
        for number, verdict in enumerate(VERDICT_ORDER, start=1):
            toggle = QShortcut(QKeySequence(f"Alt+{number}"), self, context=context)
            toggle.activated.connect(self.chips[verdict].toggle)

    def retranslate(self) -> None:
        self.group_label.setText(self.tr("&Group by:"))
        labels = {
            "verdict": self.tr("Verdict"),
            "chapter": self.tr("Chapter of the notice"),
            "none": self.tr("Number (no groups)"),
        }
        for row in range(self.group_combo.count()):
            self.group_combo.setItemText(row, labels[self.group_combo.itemData(row)])
        self.group_combo.setAccessibleName(self.tr("Group the measures by"))
        self.filter_edit.setPlaceholderText(self.tr("Filter by number or title (Ctrl+F)"))
        self.filter_edit.setAccessibleName(self.tr("Filter measures by number or title"))
        self.tree.setAccessibleName(self.tr("Measures and verdicts"))
        self._show_document_caveat()
        self.empty_note.setText(self.tr("No measure matches the filters."))
        self._update_chips()
        self.model.refresh()
        self._fit_columns()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- public ------------------------------------------------------------------------------

    @property
    def current_measure(self) -> str | None:
        return self._current_id

    def select_measure(self, measure_id: str) -> None:
        """Select and show a measure; filters that hide it are cleared."""
        index = self.model.index_of(measure_id)
        if not index.isValid():
            row = next((r for r in self._rows if r.measure_id == measure_id), None)
            if row is None:
                log.warning("no measure %s in the results", measure_id)
                return
            self.filter_edit.clear()
            self.chips[row.verdict].setChecked(True)
            index = self.model.index_of(measure_id)
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.tree.scrollTo(index)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def next_grouping(self) -> None:
        self.group_combo.setCurrentIndex((self.group_combo.currentIndex() + 1) % len(GROUPINGS))

    def reload(self, *_args: object) -> None:
        """Rebuild the rows from the session's assessment (and the chapters from the pack in
        use: the session may re-assess with a new pack before this screen hears of it)."""
        self.controller.pack = self.context.pack
        self._rows = rows_from_answer(self.session.answer)
        self._apply()

    # -- internals -----------------------------------------------------------------------------

    def _apply(self) -> None:
        groups = self.controller.groups(self._rows, self.context.lang)
        flat = self.controller.group_by == "none"
        scroll = self.tree.verticalScrollBar().value()
        if not self.model.set_groups(groups, flat):
            self._restore(scroll)
        self._update_chips()
        self._show_document_caveat()
        empty = self.model.measure_count() == 0
        self.empty_note.setVisible(empty)

    def _restore(self, scroll: int) -> None:
        """After a reset: fold state, group titles across the row, selection and scroll."""
        self._restoring = True
        try:
            self.tree.setRootIsDecorated(not self.model.flat)
            if not self.model.flat:
                root = QModelIndex()
                for row, group in enumerate(self.model.groups):
                    self.tree.setFirstColumnSpanned(row, root, True)
                    self.tree.setExpanded(
                        self.model.index(row, 0), group.key not in self._collapsed
                    )
            index = self.model.index_of(self._current_id) if self._current_id else QModelIndex()
            if index.isValid():
                self.tree.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            self.tree.verticalScrollBar().setValue(scroll)
        finally:
            self._restoring = False

    def _fit_columns(self) -> None:
        """Column widths from the words; the title takes half of what is left, the reason
        the rest, so the caveats stay in sight on a narrow pane."""
        metrics = self.tree.fontMetrics()
        header = self.tree.header()
        # A Latin letter, not averageCharWidth(): the CJK font's average is a full-width glyph.
        unit = metrics.horizontalAdvance("n")
        pad = unit * 3
        icon = self.tree.iconSize().width() if self.tree.iconSize().isValid() else 16
        # Grouped rows sit one level deep, below the root decoration: two indentations.
        number = 2 * self.tree.indentation() + metrics.horizontalAdvance("00") + pad
        verdicts = max(metrics.horizontalAdvance(verdict_text(v)) for v in VERDICT_ORDER)
        caveats = max(metrics.horizontalAdvance(caveat_short(c)) for c in ROW_CAVEATS)
        fixed = number + verdicts + icon + pad + caveats + pad
        left = self.tree.viewport().width() - fixed
        title = max(unit * 16, min(left // 2, unit * 48))
        header.resizeSection(NUMBER, number)
        header.resizeSection(TITLE, title)
        header.resizeSection(VERDICT, verdicts + icon + pad)
        header.resizeSection(CAVEATS, caveats + pad)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The tree's viewport learns its width from the layout, sometimes well after this
        # view was resized (e.g. when the workspace is first shown): fit the columns then.
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _show_document_caveat(self) -> None:
        caveat = self.controller.document_caveat(self._rows)
        if caveat == "past_deadline":
            self.deadline_note.setText(
                self.tr(
                    "The notice set the end of 2023 for its targets. That date has passed: "
                    "check the current practice with the office before relying on a measure."
                )
            )
        elif caveat == "before_issue":
            self.deadline_note.setText(
                self.tr(
                    "The as-of date is before the notice was issued ({issued}): it was not "
                    "yet in force then, so these verdicts are for reference only."
                ).format(issued=self.context.pack.manifest.document.issued.isoformat())
            )
        self.deadline_note.setVisible(caveat is not None)

    def _update_chips(self) -> None:
        found = counts(self._rows)
        for verdict, chip in self.chips.items():
            words = verdict_text(verdict)
            chip.setText(self.tr("{verdict}: {count}").format(verdict=words, count=found[verdict]))
            chip.setAccessibleName(
                self.tr("Show {verdict} measures ({count})").format(
                    verdict=words, count=found[verdict]
                )
            )
            chip.setToolTip(self.tr("Show or hide these measures"))

    def _show_verdict(self, verdict: str, shown: bool) -> None:
        self.controller.show_verdict(verdict, shown)
        self._apply()

    def _group_changed(self, row: int) -> None:
        self.controller.set_group_by(self.group_combo.itemData(row))
        self._apply()

    def _text_changed(self, text: str) -> None:
        self.controller.set_text(text)
        self._apply()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_of(current)
        if row is None or self._restoring or row.measure_id == self._current_id:
            return
        self._current_id = row.measure_id
        self.measure_selected.emit(row.measure_id)

    def _folded(self, index: QModelIndex) -> None:
        group = self.model.group_of(index)
        if group is not None and not self._restoring:
            self._collapsed.add(group.key)

    def _unfolded(self, index: QModelIndex) -> None:
        group = self.model.group_of(index)
        if group is not None and not self._restoring:
            self._collapsed.discard(group.key)
