"""The one-page handout for a walk-in: what applies, what is still open, what to bring next time.

Built, like the full report, from the JSON answer into plain values only, and rendered from
``resources/templates/handout.html`` with the report's Jinja environment (autoescape,
``StrictUndefined``), its bundled-only fetcher and its bundled font.

The handout must fit on one A4 page whatever the company: it lists the first measures that apply
in full and ends with "and M more measures: see the full report". How many fit depends on the
lengths of the texts, so the page is laid out, and when it runs over, laid out again with fewer
measures (then fewer questions and documents) until it fits. Layout is cheap for one page.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from app.report.files import atomic_write, safe_stem
from app.report.labels import STATUS_LABELS, VERDICT_COLOURS, VERDICT_LABELS, measure_ref
from app.report.settings import Branding
from app.report.view import VERDICT_ORDER, PolicyInfo, format_date, format_datetime
from rules.answer import assessment_json
from rules.engine import Assessment
from rules.explain import question_text

log = logging.getLogger(__name__)

TEMPLATE: Final = "handout.html"
STYLESHEET: Final = "handout.css"

#: Upper limits of what a handout lists; fewer are listed when the page would run over.
MAX_MEASURES: Final = 12
MAX_QUESTIONS: Final = 5
MAX_DOCUMENTS: Final = 8
#: A one-line benefit is cut to about this many characters (CJK characters count double).
GAINS_WIDTH: Final = 150

HANDOUT_LABELS: Final[dict[str, dict[str, str]]] = {
    "zh": {
        "title": "政策适用速览",
        "as_of": "评估基准日",
        "pack": "规则包",
        "generated": "打印时间",
        "eligible_section": "适用于贵企业的措施",
        "eligible_none": "按目前的回答，暂无完全适用的措施。回答下面的问题后可再次评估。",
        "measure": "措施",
        "gains": "可获得",
        "office": "办理部门",
        "more": "另有 {count} 条适用措施，详见完整评估报告。",
        "questions_section": "尚待回答的问题",
        "questions_lead": "回答这些问题能确定更多措施是否适用：",
        "questions_none": "没有待回答的问题：每条措施都已得出结论。",
        "documents_section": "下次来访请携带",
        "documents_none": "暂无需要准备的材料。",
        "desk": "服务窗口",
        "footer": "本页为速览，完整的判定依据和原文见评估报告。{disclaimer}",
    },
    "en": {
        "title": "Your policy check at a glance",
        "as_of": "Assessed as of",
        "pack": "Rule pack",
        "generated": "Printed",
        "eligible_section": "Measures that apply to your company",
        "eligible_none": (
            "On the answers so far, no measure applies in full. Answer the questions below "
            "and ask us again."
        ),
        "measure": "Measure",
        "gains": "What you gain",
        "office": "Office",
        "more": "And {count} more measures: see the full report.",
        "questions_section": "Questions still open",
        "questions_lead": "Answering these settles whether more measures apply:",
        "questions_none": "No open questions: every measure has a verdict.",
        "documents_section": "What to bring next time",
        "documents_none": "Nothing to prepare yet.",
        "desk": "Service desk",
        "footer": (
            "A summary on one page; the full report gives the reasons and the notice's words. "
            "{disclaimer}"
        ),
    },
}

_SENTENCE_END: Final = re.compile(r"(?<=[。；;!?！？])\s*|(?<=\.)\s+")


@dataclass(frozen=True)
class HandoutLimits:
    """How many measures, questions and documents the handout lists at most."""

    measures: int = MAX_MEASURES
    questions: int = MAX_QUESTIONS
    documents: int = MAX_DOCUMENTS

    def smaller(self) -> HandoutLimits | None:
        """The next, smaller limits to try when the page runs over; None when nothing is left."""
        if self.measures > 0:
            return replace(self, measures=self.measures - 1)
        if self.documents > 0:
            return replace(self, documents=self.documents - 2 if self.documents > 1 else 0)
        if self.questions > 0:
            return replace(self, questions=self.questions - 1)
        return None


@dataclass(frozen=True)
class RenderedHandout:
    pdf: bytes
    pages: int
    shown: int  # measures listed in full
    more: int  # measures that apply but are only counted
    fetched: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class HandoutResult:
    path: Path
    size: int
    pages: int
    shown: int
    more: int
    seconds: float


def _width(text: str) -> int:
    """Display width: CJK (wide) characters count two, others one."""
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in text)


def one_line(text: str, width: int = GAINS_WIDTH) -> str:
    """The first sentence of ``text``, cut with an ellipsis to about ``width`` columns."""
    text = " ".join(str(text).split())
    first = _SENTENCE_END.split(text, maxsplit=1)[0].rstrip("；;，, ")
    if _width(first) <= width:
        return first
    cut, used = [], 0
    for char in first:
        used += _width(char)
        if used > width - 1:
            break
        cut.append(char)
    return "".join(cut).rstrip("，,；; ") + "…"


def _measure(result: Mapping[str, Any], lang: str) -> dict[str, Any]:
    status = str(result.get("status", ""))
    return {
        "id": str(result["measure"]),
        "ref": measure_ref(int(result["number"]), lang),
        "title": str(result["title"]),
        "gains": one_line(str(result.get("gains", ""))),
        "office": str(result.get("office", "")),
        "status_label": "" if status == "in_force" else STATUS_LABELS[lang].get(status, ""),
    }


def _question(field_name: str, lang: str) -> str:
    try:
        return question_text(field_name, lang)
    except KeyError:  # a field this version does not know
        return field_name


def _documents(eligible: list[Mapping[str, Any]]) -> list[str]:
    """The documents of the measures that apply, each once, in the order they first appear."""
    seen: dict[str, str] = {}
    for result in eligible:
        for document in result.get("documents", []):
            text = " ".join(str(document).split())
            seen.setdefault(text.casefold(), text)
    return list(seen.values())


def _desk(branding: Branding | None) -> dict[str, Any] | None:
    if branding is None or branding.empty:
        return None
    return {
        "organisation": branding.organisation,
        "name": branding.adviser,
        "contact": branding.contact.splitlines() if branding.contact else [],
        "has_logo": branding.logo is not None,
    }


def handout_view(
    answer: Mapping[str, Any],
    policy: PolicyInfo,
    *,
    branding: Branding | None = None,
    generated: datetime,
    limits: HandoutLimits = HandoutLimits(),
) -> dict[str, Any]:
    """Everything the handout prints, as plain values."""
    lang = str(answer.get("lang", "zh"))
    if lang not in HANDOUT_LABELS:
        raise ValueError(f"no handout wording for language {lang!r}")
    labels = HANDOUT_LABELS[lang]
    results: list[Mapping[str, Any]] = list(answer["results"])
    eligible = [r for r in results if r["verdict"] == "eligible"]
    shown = eligible[: limits.measures]
    more = len(eligible) - len(shown)
    counts = dict(answer.get("summary", {}))
    questions = [
        _question(str(q["field"]), lang)
        for q in list(answer.get("next_questions", []))[: limits.questions]
    ]
    documents = _documents(eligible)
    pack = dict(answer["pack"])
    profile = dict(answer.get("profile", {}))
    return {
        "lang": lang,
        "html_lang": "zh-CN" if lang == "zh" else "en",
        "labels": labels,
        "policy": {"number": policy.number, "title": policy.title},
        "company": str(profile.get("name", "")),
        "as_of": format_date(str(answer["as_of"]), lang),
        "generated": format_datetime(generated, lang),
        "pack": {"id": str(pack.get("id", "")), "version": str(pack.get("version", ""))},
        "desk": _desk(branding),
        "summary": [
            {
                "verdict": verdict,
                "label": VERDICT_LABELS[lang][verdict],
                "count": int(counts.get(verdict, 0)),
                "colour": VERDICT_COLOURS[verdict],
            }
            for verdict in VERDICT_ORDER
            if verdict != "not_applicable"
        ],
        "measures": [_measure(r, lang) for r in shown],
        "eligible_count": len(eligible),
        "more": labels["more"].format(count=more) if more else "",
        "questions": questions,
        "documents": documents[: limits.documents],
        "footer": labels["footer"].format(disclaimer=policy.disclaimer),
    }


def render_handout(
    answer: Mapping[str, Any],
    policy: PolicyInfo,
    *,
    branding: Branding | None = None,
    generated: datetime | None = None,
    limits: HandoutLimits = HandoutLimits(),
) -> RenderedHandout:
    """The one-page PDF of one answer, in the answer's language, in memory.

    Laid out with ``limits`` first, then with smaller limits until it fits on one page.
    """
    from app.report.fetcher import LOGO_URL, BundledOnlyFetcher
    from app.report.pdf import environment, render_document, stylesheet

    moment = generated or datetime.now().astimezone()
    extra = {}
    if branding is not None and branding.logo is not None:
        extra[LOGO_URL] = (branding.logo.data, branding.logo.media_type)
    css = stylesheet(branding.accent if branding else None, STYLESHEET)
    template = environment().get_template(TEMPLATE)

    def lay_out(candidate: HandoutLimits) -> tuple[Any, dict[str, Any], BundledOnlyFetcher]:
        view = handout_view(answer, policy, branding=branding, generated=moment, limits=candidate)
        fetcher = BundledOnlyFetcher(extra)
        return render_document(template.render(view), css, fetcher), view, fetcher

    eligible = sum(1 for r in answer["results"] if r["verdict"] == "eligible")
    current = replace(limits, measures=min(limits.measures, eligible))
    best = lay_out(current)
    if len(best[0].pages) > 1:
        # Fewer measures is shorter: find the most that fit by bisection (a few layouts).
        low, high = 0, current.measures - 1
        fitting = None
        while low <= high:
            middle = (low + high) // 2
            trial = lay_out(replace(current, measures=middle))
            if len(trial[0].pages) == 1:
                fitting, low = trial, middle + 1
            else:
                high = middle - 1
        if fitting is not None:
            best = fitting
        else:  # not even without measures: drop documents, then questions
            smaller = replace(current, measures=0).smaller()
            while smaller is not None and len(best[0].pages) > 1:
                best = lay_out(smaller)
                smaller = smaller.smaller()
    document, view, fetcher = best
    pages = len(document.pages)
    if pages > 1:
        log.warning("handout for %.80s does not fit on one page", view["company"])
    shown = len(view["measures"])
    return RenderedHandout(
        document.write_pdf(), pages, shown, eligible - shown, fetcher.served, fetcher.refused
    )


def handout_file_name(company: str, as_of: str, lang: str) -> str:
    """E.g. ``光谷智算科技有限公司_2026-11-26_速览.pdf``."""
    tag = "速览" if lang == "zh" else "handout"
    return f"{safe_stem(company)}_{safe_stem(as_of, 'undated')}_{tag}.pdf"


def build_handout(
    assessment: Assessment,
    output: Path,
    *,
    lang: str = "zh",
    branding: Branding | None = None,
    generated: datetime | None = None,
) -> HandoutResult:
    """Write the one-page handout of ``assessment`` to ``output`` (a file, or a folder)."""
    from app.report.files import inside

    started = time.perf_counter()
    answer = assessment_json(assessment, lang)
    target = Path(output)
    if target.is_dir():
        name = handout_file_name(assessment.profile.name, assessment.as_of.isoformat(), lang)
        target = inside(target, name)
    rendered = render_handout(
        answer, PolicyInfo.from_pack(assessment.pack, lang), branding=branding, generated=generated
    )
    atomic_write(target, rendered.pdf)
    seconds = time.perf_counter() - started
    log.info(
        "handout for %s written to %s: %d measures listed, %d more, %.2f s",
        assessment.profile.name,
        target,
        rendered.shown,
        rendered.more,
        seconds,
    )
    return HandoutResult(
        target, len(rendered.pdf), rendered.pages, rendered.shown, rendered.more, seconds
    )
