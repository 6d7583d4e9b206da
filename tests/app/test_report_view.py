"""The report's view model: plain values only, every section's content, with and without the
answer keys the engine added later (``what_would_apply``, ``explanation``)."""

from __future__ import annotations

import copy
import re
from datetime import datetime
from typing import Any

import pytest
from jinja2 import UndefinedError

from app.report.pdf import environment, render_html
from app.report.settings import Branding, Logo
from app.report.view import PolicyInfo, format_date, report_view, texts
from resources import read_text
from rules.answer import assessment_json
from rules.pack import Pack
from tests.conftest import AI_STARTUP as BASE_STARTUP
from tests.conftest import assess_dict

GENERATED = datetime(2026, 11, 26, 9, 30)
AI_STARTUP = {**BASE_STARTUP, "activities": ["foreign_debt_financing"]}
PLAIN = (str, int, float, bool, type(None))


def answer_for(pack: Pack, lang: str, profile: dict[str, Any] | None = None) -> dict[str, Any]:
    return assessment_json(assess_dict(pack, profile or AI_STARTUP), lang)


def view_for(pack: Pack, lang: str = "zh", **kwargs: Any) -> dict[str, Any]:
    return report_view(
        answer_for(pack, lang), PolicyInfo.from_pack(pack, lang), generated=GENERATED, **kwargs
    )


def assert_plain(value: Any, where: str = "view") -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, str), where
            assert_plain(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            assert_plain(item, f"{where}[{index}]")
    else:
        assert isinstance(value, PLAIN), f"{where} is a {type(value).__name__}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_view_holds_plain_values_only(pack: Pack, lang: str) -> None:
    logo = Logo(b"\x89PNG\r\n\x1a\n", "image/png")
    view = view_for(pack, lang, branding=Branding("王晓明", "楚天咨询", "027\nmail", logo))
    assert_plain(view)
    assert view["adviser"] == {
        "name": "王晓明",
        "organisation": "楚天咨询",
        "contact": ["027", "mail"],
        "has_logo": True,
    }


def test_every_measure_is_in_exactly_one_section(pack: Pack) -> None:
    view = view_for(pack)
    shown = (
        [m["id"] for m in view["eligible"]]
        + [m["id"] for m in view["waiting"]]
        + [m["id"] for m in view["not_eligible"]]
        + [m["id"] for m in view["government_tasks"]]
    )
    assert sorted(shown) == sorted(m.id for m in pack.measures)
    assert view["total"] == len(pack.measures) == sum(row["count"] for row in view["summary"])
    assert [m["id"] for m in view["criteria"]] == [m["id"] for m in view["eligible"]]


def test_applicable_measures_carry_gains_next_step_documents_office(pack: Pack) -> None:
    view = view_for(pack)
    m02 = next(m for m in view["eligible"] if m["id"] == "m02")
    assert m02["ref"] == "第2条" and m02["status"] == "pending_national_approval"
    assert "15%" in m02["gains"] and m02["next_step"] and m02["office"]
    assert m02["documents"]
    # Each measure's caveats, but the end-2023 deadline only once, in the summary and caveats.
    assert any("国家" in caveat for caveat in m02["caveats"])
    assert not any("2023" in caveat for caveat in m02["caveats"])
    assert view["caveats"]["deadline_text"] and "2023" in view["caveats"]["deadline_text"]


def test_criteria_show_the_answer_and_the_verbatim_citation(pack: Pack) -> None:
    view = view_for(pack)
    m02 = next(m for m in view["criteria"] if m["id"] == "m02")
    sectors = next(row for row in m02["rows"] if "关键领域" in row["text"])
    assert sectors["value"] == "人工智能" and sectors["result"] == "met"
    for row in m02["rows"]:
        assert row["citation"] in pack.by_id["m02"].clause
    window = next(row for row in m02["rows"] if row["basis"])
    assert "2024" in window["basis"]


def test_questions_keep_the_engines_order_and_name_what_they_settle(pack: Pack) -> None:
    answer = answer_for(pack, "zh")
    view = report_view(answer, PolicyInfo.from_pack(pack, "zh"), generated=GENERATED)
    assert [q["field"] for q in view["questions"]] == [q["field"] for q in answer["next_questions"]]
    assert [q["rank"] for q in view["questions"]] == list(range(1, len(view["questions"]) + 1))
    first = view["questions"][0]
    assert first["question"] and first["question"] != first["field"]
    assert len(first["resolves"]) == len(answer["next_questions"][0]["resolves"])
    assert first["settles"].startswith(first["resolves"][0]["ref"])


def test_reasons_for_not_applying_fit_one_line(pack: Pack) -> None:
    view = view_for(pack)
    answer = answer_for(pack, "zh")
    by_id = {r["measure"]: r for r in answer["results"]}
    for row in view["not_eligible"]:
        explanation = by_id[row["id"]]["explanation"]
        assert row["reason"] == explanation[0]
        if len(explanation) > 1:
            assert row["more"] == f"（另有{len(explanation) - 1}项不满足）"
        else:
            assert row["more"] == ""
        assert "\n" not in row["reason"]


def test_what_would_apply_is_listed_when_the_answer_has_it(pack: Pack) -> None:
    view = view_for(pack)
    assert view["show_what_would_apply"]
    assert "what-would-apply" in [s["anchor"] for s in view["sections"]]
    answer = answer_for(pack, "zh")
    expected = {
        r["measure"]
        for r in answer["results"]
        if r.get("what_would_apply") and r["verdict"] != "eligible"
    }
    assert {m["id"] for m in view["what_would_apply"]} == expected
    assert all(m["suggestions"] for m in view["what_would_apply"])


def test_an_answer_without_the_newer_keys_still_makes_a_report(pack: Pack) -> None:
    """Answers saved before the engine added what_would_apply and explanation."""
    answer = answer_for(pack, "en")
    for result in answer["results"]:
        result.pop("what_would_apply", None)
        result.pop("explanation", None)
    view = report_view(answer, PolicyInfo.from_pack(pack, "en"), generated=GENERATED)
    assert not view["show_what_would_apply"]
    assert "what-would-apply" not in [s["anchor"] for s in view["sections"]]
    for row in view["not_eligible"]:
        assert row["reason"] and not row["reason"].startswith("Does not apply")
    html = render_html(view)
    assert 'id="what-would-apply"' not in html


def test_suggestion_and_explanation_shapes_are_read_leniently() -> None:
    assert texts([{"text": "a"}, {"text": ""}, "b", {"other": 1}, None, 3]) == ["a", "b"]
    assert texts({"text": "c"}) == ["c"]
    assert texts(None) == []


@pytest.mark.parametrize(("lang", "expected"), [("zh", "2026年3月5日"), ("en", "5 March 2026")])
def test_dates_read_naturally(lang: str, expected: str) -> None:
    assert format_date("2026-03-05", lang) == expected


def test_the_template_is_strict_and_never_unescapes() -> None:
    source = read_text("templates", "report.html")
    for marker in ("|safe", "| safe", "Markup", "autoescape false", "{% raw"):
        assert marker not in source
    environment_ = environment()
    assert environment_.autoescape is True
    with pytest.raises(UndefinedError):
        environment_.get_template("report.html").render({})


def test_answers_list_only_what_was_answered(pack: Pack) -> None:
    view = report_view(
        answer_for(pack, "en", {"name": "Tiny Co", "employees": 3}),
        PolicyInfo.from_pack(pack, "en"),
        generated=GENERATED,
    )
    assert view["answers"] == [{"label": "Number of employees", "value": "3 people"}]
    assert view["company"] == {"name": "Tiny Co", "credit_code": None}


def test_the_view_does_not_change_the_answer(pack: Pack) -> None:
    answer = answer_for(pack, "zh")
    before = copy.deepcopy(answer)
    report_view(answer, PolicyInfo.from_pack(pack, "zh"), generated=GENERATED)
    assert answer == before


def test_every_element_of_the_template_has_user_agent_defaults() -> None:
    """report_ua.css replaces WeasyPrint's HTML5 sheet: it must know every element used."""
    source = read_text("templates", "report.html")
    user_agent = read_text("templates", "report_ua.css")
    svg_inside = {"rect", "text"}  # drawn by the SVG renderer, not laid out by CSS
    tags = set(re.findall(r"<([a-z][a-z0-9]*)", source)) - svg_inside | {"tbody"}
    for tag in sorted(tags):
        assert re.search(rf"(^|[\s,]){tag}([\s,{{]|$)", user_agent, re.M), tag
