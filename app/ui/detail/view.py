"""The detail pane: one measure for the session's client, and why.

``DetailView(session, context)``; ``show_measure(measure_id)`` shows a measure. It follows
``session.changed`` (the shown measure is drawn again) and the language. Sections: the verdict
and its reason, the caveats, the criteria as a checklist (met / not met / unknown, with the
value read), the notice's words with the cited ones marked, then by verdict: what the company
gains, the next step, the office and the documents as a tick-off list saved per client; what
would make it apply; the questions still open; the prerequisites.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.ui.badges import result_icon, result_text, status_text, verdict_icon, verdict_text
from app.ui.context import AppContext
from app.ui.detail.controller import (
    DARK_MARK,
    LIGHT_MARK,
    ChecklistState,
    DetailContent,
    Mark,
    build_detail,
    load_checklist,
    save_status,
)
from app.ui.session import ClientSession
from app.ui.tasks import run_task

log = logging.getLogger(__name__)

STATUS_ROLE = Qt.ItemDataRole.UserRole + 1


def _escape(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _bullets(lines: list[str]) -> str:
    """Escaped lines as an HTML list."""
    return (
        "<ul style='margin-left:0; -qt-list-indent:1;'>"
        + "".join(f"<li style='margin-bottom:4px;'>{line}</li>" for line in lines)
        + "</ul>"
    )


class ClauseBrowser(QTextBrowser):
    """A text browser as tall as its text, so the pane scrolls as one page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)

    def _fit(self, *_args: object) -> None:
        height = int(self.document().size().height()) + 2 * self.frameWidth() + 4
        if height != self.height():
            self.setFixedHeight(height)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.height())


class _Section(QWidget):
    """A heading and a body, hidden when it has nothing to say."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.heading.setFont(font)
        self.heading.setAccessibleName("")
        self.body = QVBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addLayout(self.body)


@dataclass(frozen=True)
class _Line:
    result: str | None  # met / not_met / unknown; None for a heading line
    html: str  # escaped rich text
    accessible: str


def _result_line(result: str, text: str, detail: str, accessible: str) -> _Line:
    """A criterion or prerequisite: its result in words and what it asks, the detail below."""
    html = f"<b>{_escape(result_text(result))}</b> — {_escape(text)}<br>{_escape(detail)}"
    return _Line(result, html, accessible)


class _LineRows(QWidget):
    """Lines with a result icon each (criteria, prerequisites). The rows are kept and
    refilled on each redraw: making and deleting labels on every edit costs a relayout."""

    def __init__(self, name: str, line_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._line_name = line_name
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(8)
        self._grid.setColumnStretch(1, 1)
        self._rows: list[tuple[QLabel, QLabel]] = []
        self._shown: list[_Line] = []

    def show_lines(self, lines: list[_Line]) -> None:
        if lines == self._shown:
            return
        while len(self._rows) < len(lines):
            icon = QLabel()
            icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
            text = _text_label(self._line_name, rich=True)
            row = len(self._rows)
            self._grid.addWidget(icon, row, 0)
            self._grid.addWidget(text, row, 1)
            self._rows.append((icon, text))
        size = self.fontMetrics().height()
        for (icon, text), line in zip(self._rows, lines, strict=False):
            if line.result is None:
                icon.clear()
            else:
                icon.setPixmap(result_icon(line.result).pixmap(size, size))
            text.setText(line.html)
            text.setAccessibleName(line.accessible)
            text.setProperty("result", line.result)
            icon.show()
            text.show()
        for icon, text in self._rows[len(lines) :]:
            icon.hide()
            text.hide()
        self._shown = list(lines)


def _text_label(name: str, rich: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


class DetailView(QWidget):
    """One measure in full for the session's client; call ``show_measure``.

    Signal ``answer_requested(str)``: the user clicked an open question; the profile key to
    ask (the lead can take the user to it in the interview or the profile editor).

    Keyboard: Tab reaches the open questions (Enter follows one); Space ticks the focused
    document of the checklist.
    """

    answer_requested = Signal(str)

    def __init__(
        self, session: ClientSession, context: AppContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("detail")
        self.session = session
        self.context = context
        self.measure_id: str | None = None
        self.content: DetailContent | None = None
        self.checklist: ChecklistState | None = None
        self._checklist_key: tuple[Any, ...] | None = None
        self._filling = False
        self._drawn_for: tuple[Any, ...] | None = None
        self._clause_page = ""
        self._build()
        self.retranslate()
        session.changed.connect(self.refresh)
        context.language_changed.connect(self.refresh)
        context.service_changed.connect(self._forget_checklist)
        self.refresh()

    # -- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.title_label = _text_label("detailTitle")
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.title_label.setFont(font)
        self.meta_label = _text_label("detailMeta")
        self.meta_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.verdict_icon = QLabel()
        self.verdict_label = _text_label("detailVerdict")
        bold = self.verdict_label.font()
        bold.setBold(True)
        self.verdict_label.setFont(bold)
        self.verdict_label.setWordWrap(False)
        badge = QHBoxLayout()
        badge.setSpacing(6)
        badge.addWidget(self.verdict_icon)
        badge.addWidget(self.verdict_label)
        badge.addStretch(1)
        self.reason_label = _text_label("detailReason")
        self.caveats_label = _text_label("detailCaveats", rich=True)
        self.caveats_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.caveats_label.setMargin(8)

        self.criteria_section = _Section("detailCriteriaSection")
        self.criteria_rows = _LineRows("detailCriteria", "detailCriterion")
        self.criteria_box = self.criteria_rows
        self.criteria_section.body.addWidget(self.criteria_rows)

        self.clause_section = _Section("detailClauseSection")
        self.clause = ClauseBrowser()
        self.clause.setObjectName("detailClause")
        self.clause_section.body.addWidget(self.clause)

        self.context_section = _Section("detailContextSection")
        self.context_label = _text_label("detailContext")
        self.context_section.body.addWidget(self.context_label)

        self.gains_section = _Section("detailGainsSection")
        self.gains_label = _text_label("detailGains")
        self.gains_section.body.addWidget(self.gains_label)

        self.next_section = _Section("detailNextSection")
        self.next_label = _text_label("detailNextStep")
        self.next_section.body.addWidget(self.next_label)

        self.office_section = _Section("detailOfficeSection")
        self.office_label = _text_label("detailOffice")
        self.office_section.body.addWidget(self.office_label)

        self.documents_section = _Section("detailDocumentsSection")
        self.documents = QListWidget()
        self.documents.setObjectName("detailDocuments")
        self.documents.setWordWrap(True)
        self.documents.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.documents.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.documents.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.documents.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.documents.itemChanged.connect(self._document_ticked)
        self.documents.installEventFilter(self)
        self.checklist_note = _text_label("detailChecklistNote")
        self.documents_section.body.addWidget(self.documents)
        self.documents_section.body.addWidget(self.checklist_note)

        self.whatif_section = _Section("detailWhatIfSection")
        self.whatif_label = _text_label("detailWhatWouldApply", rich=True)
        self.whatif_section.body.addWidget(self.whatif_label)

        self.questions_section = _Section("detailQuestionsSection")
        self.questions_label = _text_label("detailQuestions", rich=True)
        self.questions_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.questions_label.linkActivated.connect(self._question_clicked)
        self.questions_section.body.addWidget(self.questions_label)

        self.prerequisites_section = _Section("detailPrerequisitesSection")
        self.prerequisite_rows = _LineRows("detailPrerequisites", "detailPrerequisite")
        self.prerequisites_section.body.addWidget(self.prerequisite_rows)

        self.notes_section = _Section("detailNotesSection")
        self.notes_label = _text_label("detailNotes", rich=True)
        self.notes_section.body.addWidget(self.notes_label)

        self.empty_label = _text_label("detailEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        page = QWidget()
        page.setObjectName("detailPage")
        column = QVBoxLayout(page)
        column.setContentsMargins(16, 12, 16, 16)
        column.setSpacing(14)
        column.addWidget(self.empty_label)
        header = QVBoxLayout()
        header.setSpacing(4)
        header.addWidget(self.title_label)
        header.addWidget(self.meta_label)
        header.addLayout(badge)
        header.addWidget(self.reason_label)
        column.addLayout(header)
        column.addWidget(self.caveats_label)
        self.sections = [
            self.context_section,
            self.gains_section,
            self.next_section,
            self.office_section,
            self.documents_section,
            self.whatif_section,
            self.questions_section,
            self.prerequisites_section,
            self.criteria_section,
            self.clause_section,
            self.notes_section,
        ]
        for section in self.sections:
            column.addWidget(section)
        column.addStretch(1)
        self._header_widgets = [
            self.title_label,
            self.meta_label,
            self.verdict_icon,
            self.verdict_label,
            self.reason_label,
        ]

        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("detailScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)

    def retranslate(self) -> None:
        self.criteria_section.heading.setText(self.tr("Conditions"))
        self.clause_section.heading.setText(self.tr("The notice's words"))
        self.context_section.heading.setText(self.tr("What this measure is"))
        self.gains_section.heading.setText(self.tr("What the company gains"))
        self.next_section.heading.setText(self.tr("Next step"))
        self.office_section.heading.setText(self.tr("Office"))
        self.documents_section.heading.setText(self.tr("Documents to prepare"))
        self.whatif_section.heading.setText(self.tr("What would make it apply"))
        self.questions_section.heading.setText(self.tr("Questions still open"))
        self.prerequisites_section.heading.setText(self.tr("Prerequisites"))
        self.notes_section.heading.setText(self.tr("Notes"))
        self.empty_label.setText(
            self.tr("Pick a measure in the results to see whether and why it applies.")
        )
        self.clause.setAccessibleName(self.tr("Text of the measure, cited words highlighted"))
        self.documents.setAccessibleName(self.tr("Documents to prepare: tick when received"))
        self._drawn_for = None  # words of ours changed: draw again even if the content did not
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.refresh()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.documents and event.type() == QEvent.Type.Resize:
            self._fit_documents()
        return super().eventFilter(watched, event)

    # -- public --------------------------------------------------------------------------------

    def show_measure(self, measure_id: str) -> None:
        """Show a measure of the pack (``m01`` …)."""
        if measure_id not in self.context.pack.by_id:
            log.warning("no measure %s in the pack", measure_id)
            return
        if measure_id != self.measure_id:
            self.measure_id = measure_id
            self.scroll_area.verticalScrollBar().setValue(0)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        """Draw the shown measure again from the session (after an edit or a language switch)."""
        if self.measure_id is None:
            self.content = None
            self._show_empty(True)
            return
        content = build_detail(self.session, self.measure_id, self.context.lang, self.mark())
        self._show_empty(False)
        if content == self.content and self._drawn_for == self._draw_key():
            return  # an edit that changed nothing here: no relayout
        self.content = content
        self._render(content)
        self._drawn_for = self._draw_key()

    def _draw_key(self) -> tuple[Any, ...]:
        """What else the drawing depends on: the client and its saved version (checklist)."""
        record = self.session.record
        return (record and (record.id, record.version), id(self.context.service))

    def mark(self) -> Mark:
        """The highlight for cited words, readable on the palette in use."""
        return (
            DARK_MARK
            if self.palette().color(QPalette.ColorRole.Base).lightness() < 128
            else (LIGHT_MARK)
        )

    # -- drawing -------------------------------------------------------------------------------

    def _show_empty(self, empty: bool) -> None:
        self.empty_label.setVisible(empty)
        for widget in self._header_widgets:
            widget.setVisible(not empty)
        if empty:
            self.caveats_label.hide()
            for section in self.sections:
                section.hide()

    def _render(self, content: DetailContent) -> None:
        self.title_label.setText(
            self.tr("Measure {number}: {title}").format(number=content.number, title=content.title)
        )
        self.meta_label.setText(
            self.tr("Chapter: {chapter} · Standing: {status}").format(
                chapter=content.chapter, status=status_text(content.status)
            )
        )
        size = self.fontMetrics().height() + 4
        self.verdict_icon.setPixmap(verdict_icon(content.verdict).pixmap(size, size))
        self.verdict_label.setText(verdict_text(content.verdict))
        self.verdict_label.setAccessibleName(
            self.tr("Verdict: {verdict}").format(verdict=verdict_text(content.verdict))
        )
        self.reason_label.setText(content.reason)

        if content.caveats:
            self.caveats_label.setText(
                _bullets(
                    [
                        f"<b>{_escape(short)}</b>: {_escape(sentence)}"
                        for short, sentence in content.caveats
                    ]
                )
            )
        self.caveats_label.setVisible(bool(content.caveats))

        self._render_criteria(content)
        self._render_clause(content)
        self._set_text(self.context_section, self.context_label, content.context)
        self._set_text(self.gains_section, self.gains_label, content.gains)
        self._set_text(self.next_section, self.next_label, content.next_step)
        self._set_text(self.office_section, self.office_label, content.office)
        self._render_documents(content)
        if content.verdict == "not_eligible":
            lines = [_escape(text) for text in content.what_would_apply]
            self.whatif_label.setText(
                _bullets(lines)
                if lines
                else _escape(self.tr("No single change the company can make would make it apply."))
            )
        self.whatif_section.setVisible(content.verdict == "not_eligible")
        self._set_rich(
            self.questions_section,
            self.questions_label,
            [
                f'<a href="answer:{html.escape(key)}">{_escape(q)}</a>'
                for key, q in content.questions
            ],
        )
        self._render_prerequisites(content)
        self._set_rich(self.notes_section, self.notes_label, [_escape(n) for n in content.notes])

    @staticmethod
    def _set_text(section: _Section, label: QLabel, text: str) -> None:
        label.setText(text)
        section.setVisible(bool(text))

    @staticmethod
    def _set_rich(section: _Section, label: QLabel, lines: list[str]) -> None:
        label.setText(_bullets(lines) if lines else "")
        section.setVisible(bool(lines))

    def _render_criteria(self, content: DetailContent) -> None:
        lines: list[_Line] = []
        several = len(content.provisions) > 1
        for block in content.provisions:
            if several:
                heading = self.tr("Option: {title}").format(title=block.title)
                if block.applies:
                    heading = self.tr("{option} (the verdict comes from this one)").format(
                        option=heading
                    )
                lines.append(_Line(None, f"<i>{_escape(heading)}</i>", heading))
            for criterion in block.criteria:
                spoken = self.tr("{result}: {criterion}. {reading}").format(
                    result=result_text(criterion.result),
                    criterion=criterion.text,
                    reading=criterion.reading,
                )
                lines.append(
                    _result_line(criterion.result, criterion.text, criterion.reading, spoken)
                )
        self.criteria_rows.show_lines(lines)
        self.criteria_section.setVisible(bool(lines))

    def _render_clause(self, content: DetailContent) -> None:
        parts = [f"<p style='line-height:135%;'>{content.clause_html}</p>"]
        if content.cited_html:
            parts.append(f"<p><b>{_escape(self.tr('Cited words in the Chinese text:'))}</b></p>")
            parts.append(_bullets(list(content.cited_html)))
        page = "".join(parts)
        if page != self._clause_page:  # setHtml lays the text out again: only when it changed
            self._clause_page = page
            self.clause.setHtml(page)
        self.clause_section.setVisible(True)

    def _render_prerequisites(self, content: DetailContent) -> None:
        lines = []
        for prerequisite in content.prerequisites:
            spoken = self.tr("{result}: {prerequisite}. {how}").format(
                result=result_text(prerequisite.result),
                prerequisite=prerequisite.text,
                how=prerequisite.how,
            )
            lines.append(
                _result_line(prerequisite.result, prerequisite.text, prerequisite.how, spoken)
            )
        self.prerequisite_rows.show_lines(lines)
        self.prerequisites_section.setVisible(bool(lines))

    # -- the document checklist ------------------------------------------------------------------

    def _render_documents(self, content: DetailContent) -> None:
        self._filling = True
        try:
            self.documents.clear()
            for document in content.documents:
                item = QListWidgetItem(document.text)
                item.setData(STATUS_ROLE, document.index)
                item.setFlags(Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.documents.addItem(item)
        finally:
            self._filling = False
        self.documents_section.setVisible(bool(content.documents))
        self._fit_documents()
        if not content.documents:
            return
        record = self.session.record
        if record is None:
            self.checklist = None
            self.checklist_note.setText(self.tr("Save the client to keep this checklist."))
            return
        key = (
            id(self.context.service),
            record.id,
            record.version,
            content.measure_id,
            tuple(d.variants for d in content.documents),
        )
        if key == self._checklist_key and self.checklist is not None:
            self._apply_checklist(self.checklist)
            return
        self._checklist_key = key
        self.checklist = None
        self.checklist_note.setText(self.tr("Reading the checklist…"))
        documents = content.documents
        service = self.context.service

        def done(state: ChecklistState) -> None:
            if self._checklist_key == key:
                self.checklist = state
                if self.content is not None and self.content.measure_id == state.measure_id:
                    self._apply_checklist(state)

        def failed(error: Exception) -> None:
            if self._checklist_key == key:
                self._checklist_key = None
                log.error("checklist of client #%s could not be read: %s", record.id, error)
                self.checklist_note.setText(
                    self.tr("The checklist could not be read. Try again later.")
                )

        run_task(
            load_checklist,
            service,
            record.id,
            content.measure_id,
            documents,
            on_done=done,
            on_failed=failed,
        )

    def _apply_checklist(self, state: ChecklistState) -> None:
        self._filling = True
        try:
            for row in range(self.documents.count()):
                item = self.documents.item(row)
                index = int(item.data(STATUS_ROLE))
                if index >= len(state.items):
                    continue
                status = state.statuses[index]
                item.setCheckState(
                    Qt.CheckState.Checked
                    if status == "received"
                    else Qt.CheckState.PartiallyChecked
                    if status == "not_needed"
                    else Qt.CheckState.Unchecked
                )
                editable = bool(state.items[index])
                flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
                item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled if editable else flags)
        finally:
            self._filling = False
        if state.saved:
            self.checklist_note.setText(self.tr("Tick a document when the client has brought it."))
        else:
            self.checklist_note.setText(self.tr("Save the client to keep this checklist."))

    def _document_ticked(self, item: QListWidgetItem) -> None:
        state = self.checklist
        if self._filling or state is None:
            return
        index = int(item.data(STATUS_ROLE))
        item_ids = state.items[index]
        status = "received" if item.checkState() == Qt.CheckState.Checked else "needed"
        previous = state.statuses[index]
        statuses = list(state.statuses)
        statuses[index] = status
        self.checklist = ChecklistState(state.measure_id, state.items, tuple(statuses), state.saved)

        def done(_status: str) -> None:
            self.checklist_note.setText(self.tr("Saved."))

        def failed(error: Exception) -> None:
            log.error("checklist item %s could not be saved: %s", item_ids, error)
            current = self.checklist
            if current is not None and current.items == state.items:
                reverted = list(current.statuses)
                reverted[index] = previous
                self.checklist = ChecklistState(
                    current.measure_id, current.items, tuple(reverted), current.saved
                )
                self._apply_checklist(self.checklist)
            self.checklist_note.setText(
                self.tr("The tick could not be saved. Check the database and try again.")
            )

        run_task(
            save_status, self.context.service, item_ids, status, on_done=done, on_failed=failed
        )

    def _question_clicked(self, link: str) -> None:
        if link.startswith("answer:"):
            self.answer_requested.emit(link.removeprefix("answer:"))

    def _forget_checklist(self) -> None:
        self._checklist_key = None
        self.checklist = None
        self._drawn_for = None
        self.refresh()

    def _fit_documents(self) -> None:
        height = 2 * self.documents.frameWidth()
        for row in range(self.documents.count()):
            height += self.documents.visualItemRect(self.documents.item(row)).height() or (
                self.documents.sizeHintForRow(row)
            )
        height = max(height, self.fontMetrics().height()) + 2
        if height != self.documents.height():
            self.documents.setFixedHeight(height)
