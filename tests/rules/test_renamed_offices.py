"""Offices as they are today: advice names the body doing the work on the as-of date.

The 2023–2024 reforms renamed or replaced Hubei's financial regulators. The notice's words
(clause, citations, lead and responsible units) keep the 2021 names; office, next step,
documents and gains name today's body, chosen by the as-of date from pack.yaml's table.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from rules.answer import assessment_json
from rules.explain import current_names
from rules.lint import lint_pack
from rules.pack import DEFAULT_PACK_DIR, Pack, PackError, load_pack
from tests.conftest import assess_dict

BEFORE = date(2022, 6, 1)
TODAY = date(2026, 11, 1)

NFRA_HUBEI = "国家金融监督管理总局湖北监管局"
PBOC_HUBEI = "中国人民银行湖北省分行"
LOCAL_FINANCE = "湖北省地方金融管理局"

# m40 life_cycle_finance: office 湖北银保监局；省科技厅 — a Huangshi high-tech materials maker.
HTE_MAKER = {
    "name": "黄石新芯材料科技有限公司",
    "zone": "hubei_other",
    "city": "huangshi",
    "industry_code": "C39",
    "sectors": ["new_materials"],
    "high_tech_enterprise": True,
}
# m42 green_finance_users: office 人行武汉分行 — a Yichang solar developer borrowing green.
SOLAR = {
    "name": "宜昌三峡绿能光伏科技有限公司",
    "zone": "ftz_yichang",
    "city": "yichang",
    "industry_code": "D44",
    "activities": ["green_finance"],
    "financial_institution": False,
}
# m38 leasing_factoring_guarantee: office 省地方金融监管局 — a Wuhan financial-leasing firm.
LESSOR = {
    "name": "武汉楚江融资租赁有限公司",
    "zone": "hubei_other",
    "city": "wuhan",
    "industry_code": "J66",
    "sectors": ["leasing"],
    "activities": ["leasing_business"],
    "high_tech_enterprise": False,
}


def _result(pack: Pack, profile: dict[str, Any], measure: str, as_of: date, lang: str) -> dict:
    answer = assessment_json(assess_dict(pack, profile, as_of), lang)
    return next(r for r in answer["results"] if r["measure"] == measure)


def test_before_the_reform_the_office_keeps_the_old_name(pack: Pack) -> None:
    m40 = _result(pack, HTE_MAKER, "m40", BEFORE, "zh")
    assert m40["verdict"] == "eligible" and m40["provision"] == "life_cycle_finance"
    assert m40["office"] == "湖北银保监局；省科技厅"
    assert "湖北银保监局" in m40["next_step"] and NFRA_HUBEI not in m40["next_step"]
    assert "renamed_bodies" not in m40
    en = _result(pack, HTE_MAKER, "m40", BEFORE, "en")
    assert en["office"].startswith("Hubei Banking and Insurance Regulatory Bureau;")


def test_today_the_office_names_the_new_body_and_the_clause_keeps_the_old(pack: Pack) -> None:
    m40 = _result(pack, HTE_MAKER, "m40", TODAY, "zh")
    assert m40["verdict"] == "eligible"
    assert m40["office"] == f"{NFRA_HUBEI}（原湖北银保监局）；省科技厅"
    assert NFRA_HUBEI in m40["next_step"] and "湖北银保监局" not in m40["next_step"]
    assert m40["renamed_bodies"] == [
        {
            "old": "湖北银保监局",
            "new": NFRA_HUBEI,
            "from": "2023-07-20",
            "reference": pack.manifest.renamed_bodies[0].reference,
            "unverified": False,
        }
    ]
    # The notice's words are quotations: the clause, the units and the citations are untouched.
    measure = pack.by_id["m40"]
    assert "牵头单位:湖北银保监局" in measure.clause
    assert measure.lead_units == ["湖北银保监局"]
    assert "Hubei Banking and Insurance Regulatory Bureau" in measure.clause_en
    assert all(c["citation"] in measure.clause for c in m40["criteria"])
    en = _result(pack, HTE_MAKER, "m40", TODAY, "en")
    assert en["office"].startswith(
        "Hubei Regulatory Bureau of the National Financial Regulatory Administration "
        "(formerly the Hubei Banking and Insurance Regulatory Bureau);"
    )
    assert "Banking and Insurance" not in en["next_step"]


def test_the_as_of_date_decides_from_the_day_the_new_body_was_unveiled(pack: Pack) -> None:
    day_before = _result(pack, SOLAR, "m42", date(2023, 8, 17), "zh")
    assert day_before["verdict"] == "eligible" and day_before["office"] == "人行武汉分行"
    unveiled = _result(pack, SOLAR, "m42", date(2023, 8, 18), "zh")
    assert unveiled["office"] == f"{PBOC_HUBEI}（原人行武汉分行）"
    assert unveiled["next_step"].endswith(f"可向{PBOC_HUBEI}了解相关政策。")
    assert "牵头单位:人行武汉分行" in pack.by_id["m42"].clause


def test_an_unverified_date_is_said_where_the_office_is_shown(pack: Pack) -> None:
    mid_2024 = _result(pack, LESSOR, "m38", date(2024, 6, 1), "zh")
    assert mid_2024["provision"] == "leasing_factoring_guarantee"
    assert mid_2024["office"] == "省地方金融监管局"
    m38 = _result(pack, LESSOR, "m38", TODAY, "zh")
    assert m38["office"] == f"{LOCAL_FINANCE}（原省地方金融监管局；新名称启用日期未经核实）"
    assert m38["next_step"].startswith(f"向{LOCAL_FINANCE}咨询")
    assert [r["unverified"] for r in m38["renamed_bodies"]] == [True]
    en = _result(pack, LESSOR, "m38", TODAY, "en")
    assert "the date the new name took effect is unverified" in en["office"]


def test_the_answer_keeps_its_field_names_and_only_adds_one(pack: Pack) -> None:
    before = _result(pack, HTE_MAKER, "m40", BEFORE, "zh")
    today = _result(pack, HTE_MAKER, "m40", TODAY, "zh")
    assert set(today) - set(before) == {"renamed_bodies"}
    assert set(before) <= set(today)


def test_the_longest_spelling_is_replaced_whole_and_only_once(pack: Pack) -> None:
    text = "向湖北省地方金融监管局、省地方金融监管局和中国人民银行武汉分行咨询"
    renamed, found = current_names(text, pack, TODAY, "zh")
    assert renamed == f"向{LOCAL_FINANCE}、{LOCAL_FINANCE}和{PBOC_HUBEI}咨询"
    assert [old for old, _ in found] == [
        "湖北省地方金融监管局",
        "省地方金融监管局",
        "中国人民银行武汉分行",
    ]
    again, found_again = current_names(renamed, pack, TODAY, "zh")
    assert again == renamed and found_again == []
    # SAFE's Hubei branch kept its name; so did the securities regulator.
    untouched = "国家外汇管理局湖北省分局；湖北证监局"
    assert current_names(untouched, pack, TODAY, "zh") == (untouched, [])


def _copy_with_table(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(DEFAULT_PACK_DIR, folder)
    manifest = folder / "pack.yaml"
    text = manifest.read_text("utf-8")
    assert old in text
    manifest.write_text(text.replace(old, new, 1), "utf-8")
    return folder


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "    valid_from: 2023-07-20\n",
            "",
            "pack.yaml: renamed_bodies.0.valid_from: Field required",
        ),
        (
            "valid_from: 2023-07-20",
            "valid_from: 2023年7月",
            "pack.yaml: renamed_bodies.0.valid_from: Input should be a valid date",
        ),
        (
            "valid_from: 2023-07-20",
            "from: 2023-07-20",
            "pack.yaml: renamed_bodies.0.from: Extra inputs are not permitted",
        ),
        (
            "zh: [中国人民银行武汉分行, 人民银行武汉分行, 人行武汉分行]",
            "zh: [中国人民银行武汉分行, 人民银行武汉分行, 湖北银保监局]",
            "pack.yaml: renamed_bodies.1: former name '湖北银保监局' is listed twice "
            "(also in renamed_bodies.0)",
        ),
        (
            "zh: [中国人民银行武汉分行, 人民银行武汉分行, 人行武汉分行]",
            "zh: [中国人民银行武汉分行, 人民银行武汉分行, 湖北省分行]",
            "pack.yaml: renamed_bodies.1: former name '湖北省分行' is part of the new name "
            "'中国人民银行湖北省分行' (renamed_bodies.1)",
        ),
        (
            "      zh: 国家金融监督管理总局湖北监管局\n",
            "",
            "pack.yaml: renamed_bodies.0.new.zh: Field required",
        ),
    ],
)
def test_a_bad_table_entry_is_refused_at_load(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    folder = _copy_with_table(tmp_path, old, new)
    with pytest.raises(PackError) as error:
        load_pack(folder)
    assert any(p.startswith(message) for p in error.value.problems), error.value.problems


def test_lint_checks_the_languages_of_the_table(tmp_path: Path) -> None:
    folder = _copy_with_table(
        tmp_path,
        "en: [Hubei Banking and Insurance Regulatory Bureau, CBIRC Hubei Bureau]",
        "en: [Hubei Banking and Insurance Regulatory Bureau, 湖北银保监局英文名]",
    )
    problems = lint_pack(folder)
    assert "pack.yaml: renamed_bodies.0.old.en: '湖北银保监局英文名' looks untranslated" in problems
