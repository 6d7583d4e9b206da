"""The one-page walk-in handout: one A4 page for every realistic company, in Chinese and English,
with the company, a measure that applies, the open questions and what to bring."""

from __future__ import annotations

import io
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.report.handout import (
    HANDOUT_LABELS,
    HandoutLimits,
    build_handout,
    handout_file_name,
    handout_view,
    one_line,
    render_handout,
)
from app.report.settings import Branding
from app.report.view import PolicyInfo
from rules.answer import assessment_json
from rules.explain import question_text
from rules.pack import Pack
from tests.conftest import AI_STARTUP, assess_dict

EXAMPLES = sorted(Path(__file__).parents[2].joinpath("examples").glob("*.json"))
GENERATED = datetime(2026, 11, 26, 9, 30)
DESK = Branding(
    organisation="武汉东湖高新区政务服务中心", adviser="王晓明", contact="027-8765 4321"
)


def answer_of(pack: Pack, data: dict[str, Any], lang: str) -> dict[str, Any]:
    return assessment_json(assess_dict(pack, data), lang)


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def pages_of(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


PROFILES = [pytest.param(AI_STARTUP, id="ai-startup")] + [
    pytest.param(json.loads(path.read_text(encoding="utf-8")), id=path.stem) for path in EXAMPLES
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("profile", PROFILES)
def test_handout_is_one_page_with_the_company_and_a_measure_that_applies(
    pack: Pack, profile: dict[str, Any], lang: str
) -> None:
    answer = answer_of(pack, profile, lang)
    eligible = [r for r in answer["results"] if r["verdict"] == "eligible"]
    assert eligible, "each example has a measure that applies"
    rendered = render_handout(
        answer, PolicyInfo.from_pack(pack, lang), branding=DESK, generated=GENERATED
    )
    assert rendered.pages == 1
    assert pages_of(rendered.pdf) == 1
    text = pdf_text(rendered.pdf)
    assert squeeze(profile["name"]) in text
    assert squeeze(eligible[0]["title"]) in text
    assert squeeze(DESK.organisation or "") in text
    assert rendered.shown + rendered.more == len(eligible)
    if rendered.more:
        more = HANDOUT_LABELS[lang]["more"].format(count=rendered.more)
        assert squeeze(more) in text
    assert rendered.refused == []


def test_many_measures_are_counted_not_listed(pack: Pack) -> None:
    answer = answer_of(pack, AI_STARTUP, "en")
    eligible = [r for r in answer["results"] if r["verdict"] == "eligible"]
    rendered = render_handout(answer, PolicyInfo.from_pack(pack, "en"), generated=GENERATED)
    assert len(eligible) > rendered.shown > 0
    text = pdf_text(rendered.pdf)
    assert f"And{len(eligible) - rendered.shown}moremeasures" in text
    assert squeeze(eligible[-1]["title"]) not in text


def test_walk_in_handout_lists_at_most_five_open_questions(pack: Pack) -> None:
    answer = answer_of(pack, {"name": "汉阳小微贸易商行", "city": "wuhan"}, "zh")
    assert len(answer["next_questions"]) > 5
    rendered = render_handout(answer, PolicyInfo.from_pack(pack, "zh"), generated=GENERATED)
    text = pdf_text(rendered.pdf)
    assert rendered.pages == 1
    asked = [q["field"] for q in answer["next_questions"]]
    for field in asked[:5]:
        assert squeeze(question_text(field, "zh")) in text
    assert squeeze(question_text(asked[5], "zh")) not in text
    assert squeeze(HANDOUT_LABELS["zh"]["eligible_none"]) in text


def test_documents_to_bring_are_deduplicated_and_capped(pack: Pack) -> None:
    answer = answer_of(pack, AI_STARTUP, "en")
    view = handout_view(answer, PolicyInfo.from_pack(pack, "en"), generated=GENERATED)
    documents = view["documents"]
    assert 0 < len(documents) <= 8
    assert len({d.casefold() for d in documents}) == len(documents)
    all_documents = [
        d for r in answer["results"] if r["verdict"] == "eligible" for d in r["documents"]
    ]
    assert documents[0] == all_documents[0]


@pytest.mark.parametrize(
    "name",
    [
        '<script>alert("x")</script> & <b>Bold</b> 有限公司',
        "超长名称" * 50,  # 200 characters, the longest name a profile takes
        "W" * 200,  # no break opportunity at all
    ],
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hostile_names_print_literally_and_still_fit(pack: Pack, name: str, lang: str) -> None:
    answer = answer_of(pack, {**AI_STARTUP, "name": name}, lang)
    rendered = render_handout(answer, PolicyInfo.from_pack(pack, lang), generated=GENERATED)
    assert rendered.pages == 1
    text = pdf_text(rendered.pdf)
    assert squeeze(name) in text
    assert rendered.refused == []


def test_build_handout_writes_the_file_named_after_the_company(pack: Pack, tmp_path: Path) -> None:
    assessment = assess_dict(pack, AI_STARTUP)
    result = build_handout(assessment, tmp_path, lang="zh", branding=DESK, generated=GENERATED)
    assert result.path == tmp_path / handout_file_name(AI_STARTUP["name"], "2026-11-26", "zh")
    assert result.path.name.endswith("_速览.pdf")
    assert pages_of(result.path.read_bytes()) == 1
    assert list(tmp_path.iterdir()) == [result.path]  # no temporary file left behind


def test_one_line_keeps_the_first_sentence_and_cuts_long_text() -> None:
    assert one_line("Pay 15% tax. For five years.") == "Pay 15% tax."
    assert one_line("企业所得税减按15%征收；期限五年。") == "企业所得税减按15%征收"
    cut = one_line("长" * 200, width=40)
    assert cut.endswith("…") and len(cut) <= 20


def test_limits_shrink_measures_first_then_documents_then_questions() -> None:
    limits: HandoutLimits | None = HandoutLimits(measures=1, questions=1, documents=2)
    seen = []
    while limits is not None:
        seen.append((limits.measures, limits.documents, limits.questions))
        limits = limits.smaller()
    assert seen == [(1, 2, 1), (0, 2, 1), (0, 0, 1), (0, 0, 0)]


def test_report_command_writes_the_handout(tmp_path: Path) -> None:
    from tests.app.test_cli import write_profile
    from tests.app.test_report_cli import run

    profile = write_profile(tmp_path, AI_STARTUP)
    done = run(
        tmp_path,
        "report",
        str(profile),
        "--handout",
        str(tmp_path),
        "--as-of",
        "2026-11-26",
        "--lang",
        "en",
    )
    assert done.returncode == 0, done.stderr
    path = tmp_path / handout_file_name(AI_STARTUP["name"], "2026-11-26", "en")
    assert pages_of(path.read_bytes()) == 1
    assert squeeze(AI_STARTUP["name"]) in pdf_text(path.read_bytes())
