"""The JSON answer of CONTRACT.md ("The answer"), built from an assessment."""

from __future__ import annotations

from datetime import date
from typing import Any

from rules.engine import Assessment, ConditionTrace, MeasureResult
from rules.explain import caveat_text, explanation_lines, fill_parameters, reason
from rules.whatif import describe, what_would_apply


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_json_value(v) for v in value]
    return value


def criterion_json(trace: ConditionTrace, lang: str) -> dict[str, Any]:
    condition = trace.condition
    entry: dict[str, Any] = {
        "id": condition.id,
        "provision": trace.provision_id,
        "field": condition.field,
        "text": condition.text.get(lang),
        "result": trace.result,
        "value": _json_value(trace.value) if trace.known else None,
        "op": condition.op,
        "threshold": _json_value(trace.threshold),
        "citation": condition.citation,
    }
    if trace.inference is not None:
        entry["basis"] = trace.inference.basis(lang)
        entry["inferred"] = True
    elif trace.basis:
        entry["basis"] = trace.basis
    return entry


def result_json(result: MeasureResult, assessment: Assessment, lang: str) -> dict[str, Any]:
    measure = result.measure
    best = result.best
    entry: dict[str, Any] = {
        "measure": measure.id,
        "number": measure.number,
        "title": measure.title.get(lang),
        "chapter": measure.chapter,
        "kind": measure.kind,
        "verdict": result.verdict,
        "status": measure.status,
        "reason": reason(result, lang),
        "explanation": explanation_lines(result, lang),
        "criteria": [criterion_json(c, lang) for c in result.conditions],
        "missing": list(result.missing),
        "caveats": [{"code": c, "text": caveat_text(c, lang)} for c in result.caveats],
    }
    if result.verdict == "not_eligible":
        facts = assessment.profile.facts()
        entry["what_would_apply"] = [
            {
                "text": describe(s, facts, lang),
                "changes": {key: _json_value(value) for key, value in s.changes},
                "verdict": s.verdict,
                "provision": s.provision_id,
            }
            for s in what_would_apply(assessment.pack, assessment.profile, result, assessment.as_of)
        ]
    if result.verdict == "eligible" and best is not None:
        provision = best.provision

        def fill(text: str) -> str:
            return fill_parameters(text, assessment.pack, assessment.as_of, lang)

        entry["provision"] = provision.id
        entry["provision_status"] = provision.status or measure.status
        entry["gains"] = fill(provision.gains.get(lang))
        entry["next_step"] = fill(provision.next_step.get(lang))
        entry["documents"] = [d.get(lang) for d in provision.documents]
        entry["office"] = provision.office.get(lang)
    return entry


def assessment_json(assessment: Assessment, lang: str = "zh") -> dict[str, Any]:
    """The answer for one profile, exactly as CONTRACT.md names its keys (plus added ones:
    among them ``inferred``, the values inferred for unanswered keys, each with its basis)."""
    return {
        "pack": assessment.pack.reference(),
        "as_of": assessment.as_of.isoformat(),
        "lang": lang,
        "profile": assessment.profile.to_json_dict(),
        "summary": assessment.summary(),
        "results": [result_json(r, assessment, lang) for r in assessment.results],
        "derived": {
            name: {"value": _json_value(fact.value), "known": fact.known, "basis": fact.basis}
            for name, fact in sorted(assessment.derived.items())
        },
        "inferred": {
            key: {"value": inference.value, "basis": inference.basis(lang)}
            for key, inference in sorted(assessment.inferred.items())
        },
        "next_questions": [
            {"field": q.field, "resolves": list(q.resolves), "settles": list(q.settles)}
            for q in assessment.next_questions
        ],
    }
