"""The JSON answer of CONTRACT.md ("The answer"), built from an assessment."""

from __future__ import annotations

from datetime import date
from typing import Any

from rules.engine import Assessment, ConditionTrace, MeasureResult
from rules.explain import (
    Rename,
    caveat_text,
    current_names,
    explanation_lines,
    fill_parameters,
    reason,
)
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
        entry["basis"] = trace.basis_in(lang)
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
        renames: list[Rename] = []

        def today(text: str, annotate: bool = False) -> str:
            """Advice names a renamed body as it is called on the as-of date."""
            text, found = current_names(
                text, assessment.pack, assessment.as_of, lang, annotate=annotate
            )
            renames.extend(found)
            return text

        def fill(text: str) -> str:
            return today(fill_parameters(text, assessment.pack, assessment.as_of, lang))

        entry["provision"] = provision.id
        entry["provision_status"] = provision.status or measure.status
        entry["gains"] = fill(provision.gains.get(lang))
        entry["next_step"] = fill(provision.next_step.get(lang))
        entry["documents"] = [today(d.get(lang)) for d in provision.documents]
        entry["office"] = today(provision.office.get(lang), annotate=True)
        if renames:  # added key: which former names the advice replaced, and on what grounds
            entry["renamed_bodies"] = renamed_json(renames, lang)
    return entry


def renamed_json(renames: list[Rename], lang: str) -> list[dict[str, Any]]:
    """Each rename made in a result's advice, once, in the order first made."""
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for old, body in renames:
        new = body.new.get(lang)
        seen.setdefault(
            (old, new),
            {
                "old": old,
                "new": new,
                "from": body.valid_from.isoformat(),
                "reference": body.reference,
                "unverified": body.unverified,
            },
        )
    return list(seen.values())


def assessment_json(assessment: Assessment, lang: str = "zh") -> dict[str, Any]:
    """The answer for one profile, exactly as CONTRACT.md names its keys (plus added ones:
    among them ``inferred``, the values inferred for unanswered keys, each with its basis, and a
    result's ``renamed_bodies``, the former names its advice replaced by today's)."""
    return {
        "pack": assessment.pack.reference(),
        "as_of": assessment.as_of.isoformat(),
        "lang": lang,
        "profile": assessment.profile.to_json_dict(),
        "summary": assessment.summary(),
        "results": [result_json(r, assessment, lang) for r in assessment.results],
        "derived": {
            name: {
                "value": _json_value(fact.value),
                "known": fact.known,
                "basis": fact.basis_in(lang),
            }
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
