"""The report's view model: plain values (str, int, float, bool, None, lists, dicts) only.

Built from the JSON answer (``rules.answer.assessment_json``) so the report shows exactly what
``policy-check assess --format json`` says, plus the policy's identity and the adviser's
branding. Templates never see engine, pack or ORM objects.

Keys of the answer that the engine may add later are read with ``.get`` so the report works with
and without them: ``results[].what_would_apply`` (a list of ``{"text": ...}`` suggestions) and
``results[].explanation`` (a text, or a list of texts) are printed when present.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final

from app.report.labels import LABELS, STATUS_LABELS, VERDICT_COLOURS, VERDICT_LABELS, measure_ref
from app.report.settings import Branding
from rules.explain import question_text, value_text
from rules.pack import Pack

VERDICT_ORDER: Final = ("eligible", "needs_info", "not_eligible", "not_applicable")
_REASON_PREFIXES: Final = ("不适用：", "Does not apply: ")
_EN_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class PolicyInfo:
    """What the report says about the policy itself, in one language."""

    number: str
    title: str
    deadline: str | None
    disclaimer: str

    @classmethod
    def from_pack(cls, pack: Pack, lang: str) -> PolicyInfo:
        document = pack.manifest.document
        return cls(
            number=document.number,
            title=document.title.get(lang),
            deadline=document.deadline.isoformat() if document.deadline else None,
            disclaimer=pack.manifest.disclaimer.get(lang),
        )


def format_date(value: date | str, lang: str) -> str:
    day = value if isinstance(value, date) else date.fromisoformat(value)
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"


def format_datetime(moment: datetime, lang: str) -> str:
    return f"{format_date(moment.date(), lang)} {moment:%H:%M}"


def texts(value: Any) -> list[str]:
    """Texts from a string, a ``{"text": ...}`` dict, or a list of either; others are skipped."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, Mapping):
        return texts(value.get("text"))
    if isinstance(value, list | tuple):
        return [text for item in value for text in texts(item)]
    return []


def _safe_value_text(field: str, value: Any, lang: str) -> str:
    try:
        return value_text(field, value, lang)
    except KeyError:  # a field this version does not know: show the raw value
        return str(value)


def _safe_question(field: str, lang: str) -> str:
    try:
        return question_text(field, lang)
    except KeyError:
        return field


def _ref(result: Mapping[str, Any], lang: str) -> dict[str, Any]:
    return {
        "id": str(result["measure"]),
        "ref": measure_ref(int(result["number"]), lang),
        "title": str(result["title"]),
    }


# Caveats about the as-of date, the same for every measure: said once, not on each measure.
DOCUMENT_CAVEATS = ("past_deadline", "before_issue")


def _caveat_texts(result: Mapping[str, Any], skip: Iterable[str] = ()) -> list[str]:
    skipped = set(skip)
    return [str(c["text"]) for c in result.get("caveats", []) if c.get("code") not in skipped]


def _eligible(result: Mapping[str, Any], lang: str) -> dict[str, Any]:
    status = str(result.get("status", ""))
    return {
        **_ref(result, lang),
        "status": status,
        "status_label": STATUS_LABELS[lang].get(status, status),
        "gains": str(result.get("gains", "")),
        "next_step": str(result.get("next_step", "")),
        "documents": [str(d) for d in result.get("documents", [])],
        "office": str(result.get("office", "")),
        "caveats": _caveat_texts(result, skip=DOCUMENT_CAVEATS),
    }


def _criteria(result: Mapping[str, Any], lang: str) -> dict[str, Any]:
    labels = LABELS[lang]
    provision = result.get("provision")
    rows = []
    for criterion in result.get("criteria", []):
        if provision is not None and criterion.get("provision") not in (None, provision):
            continue
        outcome = str(criterion.get("result", "unknown"))
        if outcome == "unknown":
            shown = labels["unknown"]
        else:
            shown = _safe_value_text(str(criterion.get("field")), criterion.get("value"), lang)
        rows.append(
            {
                "text": str(criterion.get("text", "")),
                "value": shown,
                "basis": str(criterion.get("basis", "")),
                "result": outcome,
                "result_label": labels.get(outcome, outcome),
                "citation": str(criterion.get("citation", "")),
            }
        )
    return {**_ref(result, lang), "rows": rows}


def _one_line_reason(result: Mapping[str, Any], lang: str) -> dict[str, str]:
    """The first failed condition, and how many more there are: one line per measure.

    The full list is in ``explanation`` / ``reason`` of the answer and in the Excel export.
    """
    lines = texts(result.get("explanation"))
    if not lines:
        reason = str(result.get("reason", ""))
        for prefix in _REASON_PREFIXES:
            reason = reason.removeprefix(prefix)
        lines = [line for line in reason.split("; ") if line]
    more = len(lines) - 1
    if more <= 0:
        return {"reason": lines[0] if lines else "", "more": ""}
    return {
        "reason": lines[0],
        "more": f"（另有{more}项不满足）" if lang == "zh" else f"(and {more} more)",
    }


def _chart(summary: list[dict[str, Any]]) -> dict[str, Any]:
    """Geometry of the horizontal bar chart, in SVG user units."""
    label_width, bar_span, row_height, bar_height = 150, 330, 34, 22
    largest = max((row["count"] for row in summary), default=0) or 1
    bars = []
    for index, row in enumerate(summary):
        width = round(bar_span * row["count"] / largest, 1)
        y = index * row_height + 6
        bars.append(
            {
                **row,
                "x": label_width,
                "y": y,
                "width": max(width, 1.5) if row["count"] else 0,
                "height": bar_height,
                "text_y": y + bar_height / 2 + 5,
                "count_x": label_width + width + 8,
            }
        )
    return {
        "width": label_width + bar_span + 50,
        "height": len(summary) * row_height + 8,
        "label_x": label_width - 10,
        "bars": bars,
    }


def _adviser(branding: Branding | None) -> dict[str, Any] | None:
    if branding is None or branding.empty:
        return None
    return {
        "name": branding.adviser,
        "organisation": branding.organisation,
        "contact": branding.contact.splitlines() if branding.contact else [],
        "has_logo": branding.logo is not None,
    }


def _answers(profile: Mapping[str, Any], lang: str) -> list[dict[str, str]]:
    return [
        {"label": _safe_question(key, lang), "value": _safe_value_text(key, value, lang)}
        for key, value in profile.items()
        if key not in ("name", "credit_code")
    ]


def report_view(
    answer: Mapping[str, Any],
    policy: PolicyInfo,
    *,
    branding: Branding | None = None,
    generated: datetime,
) -> dict[str, Any]:
    """Everything the template prints, as plain values."""
    lang = str(answer.get("lang", "zh"))
    if lang not in LABELS:
        raise ValueError(f"no report wording for language {lang!r}")
    labels = LABELS[lang]
    results: list[Mapping[str, Any]] = list(answer["results"])
    by_id = {str(r["measure"]): r for r in results}
    of = {verdict: [r for r in results if r["verdict"] == verdict] for verdict in VERDICT_ORDER}
    counts = dict(answer.get("summary", {}))
    summary: list[dict[str, Any]] = [
        {
            "verdict": verdict,
            "label": VERDICT_LABELS[lang][verdict],
            "count": int(counts.get(verdict, len(of[verdict]))),
            "colour": VERDICT_COLOURS[verdict],
        }
        for verdict in VERDICT_ORDER
    ]
    total = sum(row["count"] for row in summary)
    questions: list[dict[str, Any]] = [
        {
            "rank": rank,
            "field": str(q["field"]),
            "question": _safe_question(str(q["field"]), lang),
            "resolves": [_ref(by_id[m], lang) for m in q.get("resolves", []) if m in by_id],
        }
        for rank, q in enumerate(answer.get("next_questions", []), start=1)
    ]
    separator = "；" if lang == "zh" else "; "
    for question in questions:
        question["settles"] = separator.join(
            f"{r['ref']} {r['title']}" for r in question["resolves"]
        )
    waiting: list[dict[str, Any]] = [
        {
            **_ref(r, lang),
            "missing": [_safe_question(str(key), lang) for key in r.get("missing", [])],
        }
        for r in of["needs_info"]
    ]
    for measure in waiting:
        measure["missing_text"] = separator.join(measure["missing"])
    suggestions = [
        {
            **_ref(r, lang),
            "verdict_label": VERDICT_LABELS[lang].get(str(r["verdict"]), str(r["verdict"])),
            "suggestions": texts(r.get("what_would_apply")),
        }
        for r in results
        if r["verdict"] != "eligible" and texts(r.get("what_would_apply"))
    ]
    open_measures = of["eligible"] + of["needs_info"]
    caveat_text: dict[str, str] = {}
    for result in results:
        for caveat in result.get("caveats", []):
            caveat_text.setdefault(str(caveat.get("code")), str(caveat.get("text", "")))
    pending = [
        _ref(r, lang) for r in open_measures if r.get("status") == "pending_national_approval"
    ]
    pilots = [_ref(r, lang) for r in open_measures if r.get("status") == "pilot"]
    profile = dict(answer.get("profile", {}))
    pack = dict(answer["pack"])
    sections = [
        ("summary", labels["summary"]),
        ("eligible", labels["eligible_section"]),
        ("questions", labels["questions_section"]),
        ("not-eligible", labels["not_eligible_section"]),
        ("criteria", labels["criteria_section"]),
        ("what-would-apply", labels["what_would_apply_section"]),
        ("answers", labels["answers_section"]),
        ("caveats", labels["caveats_section"]),
    ]
    # The section is printed only when the answer carries suggestions at all (engine ≥ issue 3).
    has_suggestion_field = any("what_would_apply" in r for r in results)
    if not has_suggestion_field:
        sections = [s for s in sections if s[0] != "what-would-apply"]
    return {
        "lang": lang,
        "html_lang": "zh-CN" if lang == "zh" else "en",
        "labels": labels,
        "policy": {
            "number": policy.number,
            "title": policy.title,
            "deadline": format_date(policy.deadline, lang) if policy.deadline else None,
        },
        "company": {
            "name": str(profile.get("name", "")),
            "credit_code": profile.get("credit_code"),
        },
        "as_of": format_date(str(answer["as_of"]), lang),
        "as_of_iso": str(answer["as_of"]),
        "generated": format_datetime(generated, lang),
        "pack": {
            "id": str(pack.get("id", "")),
            "version": str(pack.get("version", "")),
            "sha256": str(pack.get("sha256", "")),
        },
        "adviser": _adviser(branding),
        "sections": [{"anchor": anchor, "title": title} for anchor, title in sections],
        "summary_lead": labels["summary_lead"].format(total=total, policy=policy.number),
        "criteria_lead": labels["criteria_lead"].format(policy=policy.number),
        "summary": summary,
        "total": total,
        "chart": _chart(summary),
        "eligible": [_eligible(r, lang) for r in of["eligible"]],
        "questions": questions,
        "waiting": waiting,
        "not_eligible": [
            {**_ref(r, lang), **_one_line_reason(r, lang)} for r in of["not_eligible"]
        ],
        "government_tasks": [_ref(r, lang) for r in of["not_applicable"]],
        "criteria": [_criteria(r, lang) for r in of["eligible"]],
        "show_what_would_apply": has_suggestion_field,
        "what_would_apply": suggestions,
        "answers": _answers(profile, lang),
        "caveats": {
            "pending": pending,
            "pending_text": caveat_text.get("pending_national_approval"),
            "pilots": pilots,
            "pilot_text": caveat_text.get("pilot"),
            "deadline_text": caveat_text.get("past_deadline"),
            "before_issue_text": caveat_text.get("before_issue"),
        },
        "disclaimer": policy.disclaimer,
    }
