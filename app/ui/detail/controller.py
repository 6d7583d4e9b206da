"""What the detail pane shows for one measure, and the client's document checklist.

``build_detail`` reads the session's assessment (the trace, with inferences and derived facts)
and JSON answer into a plain ``DetailContent``; the view only lays it out. The checklist
functions run in a worker (``app.ui.tasks.run_task``): they read and write the roster.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.services.clients import ClientService
from app.ui.badges import caveat_short
from app.ui.session import ClientSession
from db.records import ChecklistRecord
from rules.derived import DERIVATIONS
from rules.engine import ConditionTrace, MeasureResult
from rules.explain import caveat_text, question_text, value_text
from rules.fields import field_info
from rules.pack import Measure, Prerequisite, Provision, Text

_ORDERING = {"gte": "≥", "gt": ">", "lte": "≤", "lt": "<"}


translate = QCoreApplication.translate


@dataclass(frozen=True)
class Mark:
    """How cited words are highlighted: background and text colour (CSS colours)."""

    background: str
    foreground: str

    def wrap(self, escaped: str) -> str:
        return (
            f'<span style="background-color:{self.background}; color:{self.foreground};">'
            f"{escaped}</span>"
        )


LIGHT_MARK = Mark("#fde68a", "#1f1f1f")
DARK_MARK = Mark("#7a5a00", "#ffffff")


@dataclass(frozen=True)
class CriterionLine:
    id: str
    result: str  # met / not_met / unknown
    text: str
    reading: str  # what was read: "Answered: …", "Inferred: … (basis)", "Unknown: …"
    citation: str


@dataclass(frozen=True)
class ProvisionBlock:
    id: str
    title: str
    result: str
    applies: bool  # the provision the measure's verdict comes from
    criteria: tuple[CriterionLine, ...]


@dataclass(frozen=True)
class PrerequisiteLine:
    text: str
    how: str
    result: str  # met / not_met / unknown, read from the company's answer


@dataclass(frozen=True)
class DocumentLine:
    index: int
    text: str  # in the shown language
    variants: tuple[str, ...]  # the same document in every language (checklist rows match any)


@dataclass(frozen=True)
class DetailContent:
    measure_id: str
    number: int
    title: str
    chapter: str
    verdict: str
    status: str
    reason: str
    caveats: tuple[tuple[str, str], ...]  # (short words, sentence)
    clause_html: str  # the clause in the shown language, cited words marked where they appear
    cited_html: tuple[str, ...]  # English: the cited Chinese words, each marked
    context: str  # the measure's plain-words context (government tasks)
    provisions: tuple[ProvisionBlock, ...]
    gains: str = ""
    next_step: str = ""
    office: str = ""
    documents: tuple[DocumentLine, ...] = ()
    what_would_apply: tuple[str, ...] = ()
    questions: tuple[tuple[str, str], ...] = ()  # (profile key, question) still to answer
    prerequisites: tuple[PrerequisiteLine, ...] = ()
    notes: tuple[str, ...] = ()


def highlight(text: str, phrases: Iterable[str], mark: Mark) -> str:
    """``text`` HTML-escaped, with every occurrence of each phrase wrapped in ``mark``.

    Overlapping or touching citations merge into one marked stretch.
    """
    spans: list[tuple[int, int]] = []
    for phrase in phrases:
        if not phrase:
            continue
        start = text.find(phrase)
        while start >= 0:
            spans.append((start, start + len(phrase)))
            start = text.find(phrase, start + 1)
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[str] = []
    position = 0
    for start, end in merged:
        out.append(html.escape(text[position:start]))
        out.append(mark.wrap(html.escape(text[start:end])))
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out).replace("\n", "<br>")


def reading(trace: ConditionTrace, lang: str) -> str:
    """What the engine read for a criterion, and what it rests on."""
    condition = trace.condition
    if not trace.known:
        if trace.derived and trace.needs:
            asked = "; ".join(question_text(key, lang) for key in trace.needs)
            return translate("DetailController", "Unknown: depends on {questions}").format(
                questions=asked
            )
        return translate("DetailController", "Unknown: not yet answered")
    value = value_text(condition.field, trace.value, lang)
    symbol = _ORDERING.get(condition.op)
    if symbol is not None and trace.threshold is not None:
        value = translate("DetailController", "{value} (required {symbol} {threshold})").format(
            value=value,
            symbol=symbol,
            threshold=value_text(condition.field, trace.threshold, lang),
        )
    if trace.inference is not None:
        return translate("DetailController", "Inferred: {value} ({basis})").format(
            value=value, basis=trace.inference.basis(lang)
        )
    if trace.derived:
        derivation = DERIVATIONS[condition.field]
        what = derivation.zh if lang == "zh" else derivation.en
        asked = ", ".join(field_info(key).question(lang) for key in derivation.inputs)
        if trace.basis:
            return translate(
                "DetailController", "Derived: {what}: {value} ({basis}; from: {inputs})"
            ).format(what=what, value=value, basis=trace.basis_in(lang), inputs=asked)
        return translate("DetailController", "Derived: {what}: {value} (from: {inputs})").format(
            what=what, value=value, inputs=asked
        )
    if trace.basis:
        return translate("DetailController", "Answered: {value} ({basis})").format(
            value=value, basis=trace.basis_in(lang)
        )
    return translate("DetailController", "Answered: {value}").format(value=value)


def _provision_blocks(result: MeasureResult, lang: str) -> tuple[ProvisionBlock, ...]:
    best = result.best
    blocks = []
    for provision in result.provisions:
        blocks.append(
            ProvisionBlock(
                id=provision.provision.id,
                title=provision.provision.title.get(lang),
                result=provision.result,
                applies=best is not None
                and provision is best
                and result.verdict in ("eligible", "needs_info"),
                criteria=tuple(
                    CriterionLine(
                        id=trace.condition.id,
                        result=trace.result,
                        text=trace.condition.text.get(lang),
                        reading=reading(trace, lang),
                        citation=trace.condition.citation,
                    )
                    for trace in provision.conditions
                ),
            )
        )
    return tuple(blocks)


def _prerequisites(
    provisions: Sequence[Provision], facts: dict[str, Any], lang: str
) -> tuple[PrerequisiteLine, ...]:
    seen: set[str] = set()
    lines = []
    for provision in provisions:
        for prerequisite in provision.prerequisites:
            if prerequisite.field in seen:
                continue
            seen.add(prerequisite.field)
            lines.append(_prerequisite_line(prerequisite, facts, lang))
    return tuple(lines)


def _prerequisite_line(
    prerequisite: Prerequisite, facts: dict[str, Any], lang: str
) -> PrerequisiteLine:
    value = facts.get(prerequisite.field, ...)
    result = "unknown" if value is ... else ("met" if value else "not_met")
    return PrerequisiteLine(prerequisite.text.get(lang), prerequisite.how.get(lang), result)


def _documents(documents: Sequence[Text], lang: str) -> tuple[DocumentLine, ...]:
    return tuple(
        DocumentLine(index, text.get(lang), tuple(dict.fromkeys((text.zh, text.en))))
        for index, text in enumerate(documents)
    )


def build_detail(
    session: ClientSession, measure_id: str, lang: str, mark: Mark = LIGHT_MARK
) -> DetailContent:
    """Everything the pane shows for ``measure_id``, in ``lang``."""
    assessment = session.assessment
    result = assessment.result(measure_id)
    answer = session.result_json(measure_id)
    measure: Measure = result.measure
    citations = [trace.condition.citation for trace in result.conditions]
    if lang == "zh":
        clause_html = highlight(measure.clause, citations, mark)
        cited: tuple[str, ...] = ()
    else:
        clause_html = highlight(measure.clause_en, (), mark)
        cited = tuple(
            mark.wrap(html.escape(c)) for c in dict.fromkeys(citations) if c in measure.clause
        )
    chapter = next(
        (
            c.title.get(lang)
            for c in assessment.pack.manifest.chapters
            if c.number == measure.chapter
        ),
        "",
    )
    best = result.best
    content: dict[str, Any] = {}
    if result.verdict == "eligible" and best is not None:
        content = {
            "gains": str(answer.get("gains") or ""),
            "next_step": str(answer.get("next_step") or ""),
            "office": str(answer.get("office") or ""),
            "documents": _documents(best.provision.documents, lang),
        }
    elif result.verdict == "not_eligible":
        content = {
            "what_would_apply": tuple(
                str(s["text"]) for s in answer.get("what_would_apply", ()) if s.get("text")
            )
        }
    elif result.verdict == "needs_info":
        content = {"questions": tuple((key, question_text(key, lang)) for key in result.missing)}
    relevant = (
        [best.provision]
        if result.verdict == "eligible" and best is not None
        else list(measure.provisions)
    )
    return DetailContent(
        measure_id=measure.id,
        number=measure.number,
        title=measure.title.get(lang),
        chapter=chapter,
        verdict=result.verdict,
        status=measure.status,
        reason=str(answer.get("reason") or ""),
        caveats=tuple((caveat_short(c), caveat_text(c, lang)) for c in result.caveats),
        clause_html=clause_html,
        cited_html=cited,
        context=(
            measure.context.get(lang)
            if measure.context is not None and result.verdict == "not_applicable"
            else ""
        ),
        provisions=_provision_blocks(result, lang),
        prerequisites=_prerequisites(relevant, assessment.profile.facts(), lang),
        notes=tuple(
            (
                translate("DetailController", "{text} (unverified; {reference})")
                if note.unverified
                else translate("DetailController", "{text} ({reference})")
            ).format(text=note.text.get(lang), reference=note.reference)
            for note in measure.notes
        ),
        **content,
    )


# -- the document checklist (worker side) -------------------------------------------------------


@dataclass(frozen=True)
class ChecklistState:
    """The saved ticks of one measure's documents for one client.

    ``items[i]`` lists the checklist rows of document ``i`` (one per language it was saved in);
    ``saved`` is False when the client's last saved assessment did not find the measure
    eligible (its documents are not on the list until the client is saved again).
    """

    measure_id: str
    items: tuple[tuple[int, ...], ...]
    statuses: tuple[str, ...]
    saved: bool


def _match(
    records: Sequence[ChecklistRecord], measure_id: str, documents: Sequence[DocumentLine]
) -> tuple[list[list[ChecklistRecord]], bool]:
    found: list[list[ChecklistRecord]] = [[] for _ in documents]
    for record in records:
        if record.measure_id != measure_id:
            continue
        for document in documents:
            if record.document in document.variants:
                found[document.index].append(record)
    return found, all(found)


def load_checklist(
    service: ClientService,
    client_id: int,
    measure_id: str,
    documents: Sequence[DocumentLine],
) -> ChecklistState:
    """The client's ticks for a measure's documents; the documents of its latest saved
    assessment are added to the list first when they are not on it yet."""
    found, complete = _match(service.checklist(client_id), measure_id, documents)
    if not complete:
        latest = service.assessments(client_id)
        if latest:
            found, complete = _match(service.extend_checklist(latest[0].id), measure_id, documents)
    statuses = []
    for records in found:
        newest = max(records, key=lambda r: (r.updated_at, r.id), default=None)
        statuses.append(newest.status if newest is not None else "needed")
    return ChecklistState(
        measure_id,
        tuple(tuple(r.id for r in records) for records in found),
        tuple(statuses),
        complete,
    )


def save_status(service: ClientService, item_ids: Sequence[int], status: str) -> str:
    for item_id in item_ids:
        service.set_checklist_status(item_id, status)
    return status
