"""A walk-in interview: which question next, which tags still matter, how many questions it takes.

The GUI's interview and ``bench/bench_interview.py`` share this logic. A question answered
"don't know" (or skipped) goes into ``skipped`` and is not asked again; its key stays unknown.

Yes/no keys a company answers from the same papers are asked together as one question (a
group): whichever of them the engine ranks first brings the others that still change an open
verdict onto the same screen, each with its own yes / no / don't know.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Final

from rules.engine import Assessment, NextQuestion, assess, evaluate_measure
from rules.fields import PROFILE_FIELDS
from rules.pack import Pack, iter_conditions
from rules.profile import parse_profile

# The certificates and recognitions a company holds: read off the same wall, asked at once.
QUESTION_GROUPS: Final[tuple[tuple[str, ...], ...]] = (
    ("high_tech_enterprise", "tech_sme", "specialized_sme", "key_enterprise"),
)


def next_question(assessment: Assessment, skipped: set[str]) -> NextQuestion | None:
    """The most decisive open question per effort (the engine's ranking) not yet skipped."""
    return next((q for q in assessment.next_questions if q.field not in skipped), None)


def question_keys(assessment: Assessment, key: str, skipped: set[str]) -> tuple[str, ...]:
    """The keys asked on the screen of ``key``'s question: ``key`` first, then the other keys
    of its group that are still open questions (unanswered, not skipped, and able to change an
    open verdict), in group order."""
    group = next((g for g in QUESTION_GROUPS if key in g), (key,))
    open_fields = {q.field for q in assessment.next_questions} - skipped
    return (key, *(k for k in group if k != key and k in open_fields))


def open_tags(assessment: Assessment, key: str) -> list[str]:
    """The tags of a list key (``sectors``, ``activities``) whose answer still changes an open
    (needs-info) verdict, those that change the most verdicts first, then in vocabulary order.

    A tag counts for a measure when "this tag" and "none of these" give the measure different
    verdicts, the other answers as they are.
    """
    vocabulary = PROFILE_FIELDS[key].vocabulary or {}
    facts = assessment.profile.facts()
    pack, as_of = assessment.pack, assessment.as_of
    counts: dict[str, int] = {}
    for result in assessment.results:
        if result.verdict != "needs_info" or key not in result.missing:
            continue
        measure = result.measure
        tags = {
            tag
            for provision in measure.provisions
            for condition in iter_conditions(provision.criteria)
            if condition.field == key
            for tag in condition.values()
        }
        none = evaluate_measure(pack, {**facts, key: []}, measure, as_of).verdict
        for tag in tags:
            if evaluate_measure(pack, {**facts, key: [tag]}, measure, as_of).verdict != none:
                counts[tag] = counts.get(tag, 0) + 1
    order = {tag: index for index, tag in enumerate(vocabulary)}
    return sorted(counts, key=lambda tag: (-counts[tag], order.get(tag, len(order))))


def count_questions(
    pack: Pack, full_profile: Mapping[str, Any], as_of: date
) -> tuple[int, list[str]]:
    """Questions asked after the identity step until no measure is open, answering from
    ``full_profile`` (a profile as its JSON holds it); a key it lacks is answered "don't know",
    which still counts as a question asked. Returns the count of questions (a group counts
    once) and the keys asked, in order."""
    count = 0
    # The identity step comes first, as in the GUI: the name and the credit code (or "don't
    # know"); it is not one of the questions counted.
    answers: dict[str, Any] = {"name": full_profile["name"]}
    skipped: set[str] = set()
    if "credit_code" in full_profile:
        answers["credit_code"] = full_profile["credit_code"]
    else:
        skipped.add("credit_code")
    asked: list[str] = []
    while True:
        assessment = assess(pack, parse_profile(answers), as_of)
        if not any(r.verdict == "needs_info" for r in assessment.results):
            break
        question = next_question(assessment, skipped)
        if question is None:
            break
        count += 1
        for key in question_keys(assessment, question.field, skipped):
            asked.append(key)
            if key in full_profile:
                answers[key] = full_profile[key]
            else:
                skipped.add(key)
    return count, asked
