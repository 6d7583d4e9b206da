"""Two visits side by side: measures gained and lost, other verdict moves, answers changed, and
whether the rules changed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.ui.badges import VERDICT_ORDER, verdict_icon, verdict_text
from app.ui.context import AppContext
from app.ui.history.controller import Comparison, MeasureChange, build_comparison, local_time
from app.ui.history.models import AnswerChangesModel
from app.ui.history.widgets import lay_out_viewer, read_only_table

GROUPS = ("gained", "lost", "other")


class CompareDialog(QDialog):
    """What changed between two saved visits of a client.

    ``CompareDialog(comparison, context, parent=None)``; objectName ``compareVisits``. The tree
    ``compareVerdicts`` groups the measures gained, lost and otherwise changed (verdict before and
    after, each with its icon and words); the table ``compareAnswers`` lists the answers that
    changed ("not answered" for a question left unknown); ``compareRules`` says whether the
    rule pack changed.
    """

    def __init__(
        self, comparison: Comparison, context: AppContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareVisits")
        self.comparison = comparison
        self.context = context

        self.heading = QLabel()
        self.heading.setObjectName("compareHeading")
        self.heading.setWordWrap(True)
        self.rules = QLabel()
        self.rules.setObjectName("compareRules")
        self.rules.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("compareSummary")
        self.summary.setWordWrap(True)

        self.verdicts = QStandardItemModel(self)
        self.verdict_tree = QTreeView()
        self.verdict_tree.setObjectName("compareVerdicts")
        self.verdict_tree.setModel(self.verdicts)
        self.verdict_tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verdict_tree.setAlternatingRowColors(True)
        self.verdict_tree.setUniformRowHeights(True)
        self.verdicts_label = QLabel()
        self.verdicts_label.setBuddy(self.verdict_tree)

        self.answers = AnswerChangesModel(parent=self)
        self.answer_table = read_only_table("compareAnswers", self.answers, word_wrap=True)
        self.answer_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.answers_label = QLabel()
        self.answers_label.setBuddy(self.answer_table)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.verdicts_label)
        top_layout.addWidget(self.verdict_tree)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.answers_label)
        bottom_layout.addWidget(self.answer_table)
        self.buttons = lay_out_viewer(
            self, [self.heading, self.rules, self.summary], top, bottom, Qt.Orientation.Vertical
        )

        context.language_changed.connect(self._rebuild)
        self.resize(1000, 680)
        self.retranslate()
        self.verdict_tree.setFocus()

    # -- text ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        c = self.comparison
        self.setWindowTitle(self.tr("Compare visits"))
        self.heading.setText(
            self.tr(
                "Visit of {later} (as of {later_as_of}) compared with "
                "{earlier} (as of {earlier_as_of})"
            ).format(
                later=local_time(c.later.created_at),
                later_as_of=c.later.as_of.isoformat(),
                earlier=local_time(c.earlier.created_at),
                earlier_as_of=c.earlier.as_of.isoformat(),
            )
        )
        self.rules.setText(c.rules_text)
        self.summary.setText(
            self.tr("No verdict and no answer changed.")
            if c.unchanged
            else self.tr(
                "{gained} measures gained, {lost} lost, {other} other verdict changes, "
                "{answers} answers changed."
            ).format(
                gained=len(c.gained), lost=len(c.lost), other=len(c.other), answers=len(c.answers)
            )
        )
        self.verdicts_label.setText(self.tr("Verdicts that changed"))
        self.answers_label.setText(self.tr("Answers that changed"))
        self.verdict_tree.setAccessibleName(self.tr("Verdicts that changed"))
        self.answer_table.setAccessibleName(self.tr("Answers that changed"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(
            self.tr("Close")
        )
        self.answers.set_headers(self.tr("Earlier visit"), self.tr("Later visit"))
        self.answers.set_rows(c.answers)
        self.answer_table.resizeRowsToContents()
        self._fill_verdicts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _rebuild(self, lang: str) -> None:
        """Measure titles and questions in the new language, from the same two visits."""
        if self.comparison.source is not None:
            earlier, later, diff = self.comparison.source
            self.comparison = build_comparison(earlier, later, diff, self.context.pack, lang)
        self.retranslate()

    def _group_title(self, group: str, count: int) -> str:
        return {
            "gained": self.tr("Gained: now eligible ({count})"),
            "lost": self.tr("Lost: no longer eligible ({count})"),
            "other": self.tr("Other verdict changes ({count})"),
        }[group].format(count=count)

    def _verdict_item(self, verdict: str | None, missing: str) -> QStandardItem:
        if verdict is None:
            return QStandardItem(missing)
        if verdict not in VERDICT_ORDER:
            return QStandardItem(verdict)
        item = QStandardItem(verdict_icon(verdict), verdict_text(verdict))
        return item

    def _fill_verdicts(self) -> None:
        self.verdicts.clear()
        self.verdicts.setHorizontalHeaderLabels(
            [self.tr("Measure"), self.tr("Earlier visit"), self.tr("Later visit")]
        )
        bold = QFont()
        bold.setBold(True)
        for group in GROUPS:
            changes: list[MeasureChange] = getattr(self.comparison, group)
            parent = QStandardItem(self._group_title(group, len(changes)))
            parent.setFont(bold)
            parent.setData(group, Qt.ItemDataRole.UserRole)
            row = [parent, QStandardItem(), QStandardItem()]
            self.verdicts.appendRow(row)
            if not changes:
                parent.appendRow([QStandardItem(self.tr("None")), QStandardItem(), QStandardItem()])
            for change in changes:
                number = f"{change.number}. " if change.number is not None else ""
                title = QStandardItem(f"{number}{change.title}")
                title.setData(change.measure, Qt.ItemDataRole.UserRole)
                title.setToolTip(f"{change.measure}: {change.title}")
                parent.appendRow(
                    [
                        title,
                        self._verdict_item(change.before, self.tr("not in the rules then")),
                        self._verdict_item(change.after, self.tr("not in the rules now")),
                    ]
                )
        self.verdict_tree.expandAll()
        header = self.verdict_tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)

    # -- for tests and callers ------------------------------------------------------------------

    def measures_in(self, group: str) -> list[str]:
        """The measure ids listed under ``group`` (gained, lost or other)."""
        parent = self.verdicts.item(GROUPS.index(group), 0)
        found = []
        for row in range(parent.rowCount()):
            measure = parent.child(row, 0).data(Qt.ItemDataRole.UserRole)
            if measure:
                found.append(str(measure))
        return found
