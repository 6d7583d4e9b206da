"""A past visit, read-only and exactly as it was saved: never recomputed."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from app.ui.badges import RESULT_VERDICT, VERDICT_COLOURS, VERDICT_ORDER, result_text, verdict_text
from app.ui.context import AppContext
from app.ui.history.controller import answer_text, local_time, question
from app.ui.history.models import FrozenResultsModel, ProfileModel
from app.ui.history.widgets import lay_out_viewer, read_only_table
from db.records import AssessmentRecord
from rules.fields import PROFILE_FIELDS

translate = QCoreApplication.translate
RESULT_MARKS = {"met": "✓", "not_met": "✗", "unknown": "?"}


def frozen_profile_rows(profile: dict[str, Any], lang: str) -> list[tuple[str, str, str]]:
    """The saved answers in the interview's order: (key, question, answer in words)."""
    order = list(PROFILE_FIELDS)
    keys = sorted(profile, key=lambda k: (order.index(k) if k in order else len(order), k))
    return [(k, question(k, lang), answer_text(k, profile[k], lang)) for k in keys]


def frozen_heading(record: AssessmentRecord) -> str:
    summary = record.summary
    pack = record.answer.get("pack", {})
    return translate(
        "History",
        "Saved on {saved} by {by}, as of {as_of}, with rule pack {pack} version {version} "
        "({sha256}); shown exactly as it was, not recomputed.",
    ).format(
        saved=local_time(summary.created_at),
        by=summary.created_by,
        as_of=record.answer.get("as_of", summary.as_of.isoformat()),
        pack=pack.get("id", summary.pack.id),
        version=pack.get("version", summary.pack.version),
        sha256=str(pack.get("sha256", summary.pack.sha256))[:12],
    )


def _section(title: str, body: str) -> str:
    return f"<h4>{escape(title)}</h4>{body}" if body else ""


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>" if items else ""


def measure_detail_html(result: dict[str, Any], lang: str) -> str:
    """One measure of a frozen answer as HTML: verdict, reason, criteria with their results,
    answers read and the notice's words, and for an eligible one what it brings and the next
    step. Every text comes from the saved answer; ``lang`` is the language it was saved in,
    used only to word the answers read."""
    verdict = str(result.get("verdict", ""))
    colour = VERDICT_COLOURS.get(verdict, "#000000")
    words = verdict_text(verdict) if verdict in VERDICT_ORDER else verdict
    parts = [
        f"<h3>{escape(str(result.get('number', '')))}. {escape(str(result.get('title', '')))}</h3>",
        f"<p><b style='color:{colour}'>{escape(words)}</b></p>",
        f"<p>{escape(str(result.get('reason') or ''))}</p>",
    ]
    rows = []
    for criterion in result.get("criteria", []):
        outcome = str(criterion.get("result", "unknown"))
        mark = RESULT_MARKS.get(outcome, "")
        label = result_text(outcome) if outcome in RESULT_MARKS else outcome
        shade = VERDICT_COLOURS.get(RESULT_VERDICT.get(outcome, ""), "#000000")
        value = criterion.get("value")
        field = str(criterion.get("field", ""))
        if value is None and outcome == "unknown":
            answered = translate("History", "not answered")
        else:
            answered = answer_text(field, value, lang)
        if criterion.get("basis"):
            answered += f" ({criterion['basis']})"
        rows.append(
            "<tr>"
            f"<td style='color:{shade}'><b>{escape(mark)} {escape(label)}</b></td>"
            f"<td>{escape(str(criterion.get('text') or criterion.get('id', '')))}</td>"
            f"<td>{escape(answered)}</td>"
            f"<td><i>“{escape(str(criterion.get('citation') or ''))}”</i></td>"
            "</tr>"
        )
    if rows:
        titles = (
            translate("History", "Result"),
            translate("History", "Condition"),
            translate("History", "Answer read"),
            translate("History", "The notice says"),
        )
        head = "".join(f"<th align='left'>{escape(h)}</th>" for h in titles)
        table = f"<table cellspacing='0' cellpadding='4'><tr>{head}</tr>{''.join(rows)}</table>"
        parts.append(_section(translate("History", "Conditions"), table))
    texts = (
        (translate("History", "What it brings"), result.get("gains")),
        (translate("History", "Next step"), result.get("next_step")),
        (translate("History", "Where to apply"), result.get("office")),
    )
    for title, text in texts:
        if text:
            parts.append(_section(title, f"<p>{escape(str(text))}</p>"))
    lists = (
        (translate("History", "Documents"), result.get("documents", [])),
        (
            translate("History", "Answers that could change this verdict"),
            [question(str(k), lang) for k in result.get("missing", [])],
        ),
        (
            translate("History", "What would make it apply"),
            [s.get("text", "") for s in result.get("what_would_apply", [])],
        ),
        (translate("History", "Caveats"), [c.get("text", "") for c in result.get("caveats", [])]),
    )
    for title, items in lists:
        parts.append(_section(title, _list([str(i) for i in items])))
    return "".join(parts)


class FrozenAssessmentDialog(QDialog):
    """A saved assessment shown read-only from its frozen answer JSON.

    ``FrozenAssessmentDialog(record, context, parent=None)``; objectName ``frozenAssessment``.
    The heading says when and with which rule pack it was saved; the measures tab lists every
    measure with its verdict (icon and words) and reason; the profile tab the answers as they
    were; the pane on the right the selected measure's conditions, gains and next step.
    """

    def __init__(
        self, record: AssessmentRecord, context: AppContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("frozenAssessment")
        self.record = record
        self.context = context
        self.saved_lang = str(record.answer.get("lang") or record.summary.lang or context.lang)

        self.heading = QLabel()
        self.heading.setObjectName("frozenHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts = QLabel()
        self.counts.setObjectName("frozenCounts")
        self.counts.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("frozenNote")
        self.note.setWordWrap(True)

        self.results = FrozenResultsModel(self)
        self.results.set_rows(list(record.answer.get("results", [])))
        self.table = read_only_table(
            "frozenResults", self.results, QAbstractItemView.SelectionMode.SingleSelection
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)

        self.profile = ProfileModel(self)
        self.profile_table = QTableView()
        self.profile_table.setObjectName("frozenProfile")
        self.profile_table.setModel(self.profile)
        self.profile_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.profile_table.verticalHeader().hide()
        self.profile_table.setAlternatingRowColors(True)
        self.profile_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.profile_table.horizontalHeader().setStretchLastSection(True)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, "")
        self.tabs.addTab(self.profile_table, "")

        self.detail = QTextBrowser()
        self.detail.setObjectName("frozenDetail")
        self.detail.setOpenLinks(False)

        self.buttons = lay_out_viewer(
            self,
            [self.heading, self.counts, self.note],
            self.tabs,
            self.detail,
            Qt.Orientation.Horizontal,
        )

        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        context.language_changed.connect(self._language_changed)
        self.setModal(False)
        self.resize(1100, 700)
        self.retranslate()
        self._redraw_profile()
        if self.results.rowCount():
            self.table.selectRow(0)
        self.table.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("Saved assessment of {name}").format(
                name=self.record.answer.get("profile", {}).get("name", "")
            )
        )
        self.heading.setText(frozen_heading(self.record))
        summary = self.record.answer.get("summary", self.record.summary.counts)
        counts = " · ".join(
            self.tr("{verdict}: {count}").format(verdict=verdict_text(v), count=summary.get(v, 0))
            for v in VERDICT_ORDER
        )
        self.counts.setText(counts)
        notes = [self.tr("Questions not listed under the profile were not answered (unknown).")]
        if self.saved_lang != self.context.lang:
            notes.append(
                self.tr("Texts from the rules are shown in the language they were saved in.")
            )
        self.note.setText(" ".join(notes))
        self.tabs.setTabText(0, self.tr("Measures"))
        self.tabs.setTabText(1, self.tr("Profile as it was"))
        self.table.setAccessibleName(self.tr("Measures as saved"))
        self.profile_table.setAccessibleName(self.tr("Profile as it was"))
        self.detail.setAccessibleName(self.tr("The selected measure, as saved"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(
            self.tr("Close")
        )
        self.results.retranslate()
        self.profile.retranslate()
        self._show_current()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_changed(self, _lang: str) -> None:
        self._redraw_profile()
        self.retranslate()

    def _redraw_profile(self) -> None:
        frozen = self.record.answer.get("profile", {})
        self.profile.set_rows(frozen_profile_rows(frozen, self.context.lang))

    def _show_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_current()

    def _show_current(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.detail.clear()
            return
        result = self.results.row(rows[0].row())
        self.detail.setHtml(measure_detail_html(result, self.saved_lang))

    def select_measure(self, measure_id: str) -> None:
        for row, result in enumerate(self.results.rows):
            if result.get("measure") == measure_id:
                self.table.selectRow(row)
                return
