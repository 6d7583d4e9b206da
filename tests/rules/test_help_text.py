"""Help texts: every profile key and every tag explained in plain Chinese and English."""

from __future__ import annotations

import re

import pytest

from rules.help_text import FIELD_HELP, TAG_HELP, field_help, tag_help
from rules.profile import PROFILE_KEYS
from rules.vocabulary import ACTIVITIES, SECTORS

CJK = re.compile(r"[\u4e00-\u9fff]")
# CJK ideographs, CJK punctuation, full-width forms and curly quotes have no place in English.
NOT_ENGLISH = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u201c\u201d]")

TAGS = [*SECTORS, *ACTIVITIES]
ZH_TAG_LIMIT = 30
EN_TAG_LIMIT = 90


def test_help_covers_exactly_the_contract_keys_and_tags() -> None:
    assert set(FIELD_HELP) == set(PROFILE_KEYS)
    assert not set(SECTORS) & set(ACTIVITIES)
    assert set(TAG_HELP) == set(TAGS)


@pytest.mark.parametrize("key", PROFILE_KEYS)
def test_field_help_in_both_languages(key: str) -> None:
    zh, en = field_help(key, "zh"), field_help(key, "en")
    assert zh.strip() and en.strip()
    assert CJK.search(zh), zh
    assert not NOT_ENGLISH.search(en), en
    assert 1 <= zh.count("。") <= 3, zh  # one to three short sentences
    assert zh.endswith("。") and en.endswith("."), (zh, en)


@pytest.mark.parametrize("tag", TAGS)
def test_tag_help_is_one_short_line_in_both_languages(tag: str) -> None:
    zh, en = tag_help(tag, "zh"), tag_help(tag, "en")
    assert zh.strip() and en.strip()
    assert CJK.search(zh), zh
    assert not NOT_ENGLISH.search(en), en
    assert "\n" not in zh and "\n" not in en
    assert len(zh) <= ZH_TAG_LIMIT, zh
    assert len(en) <= EN_TAG_LIMIT, en


def test_terms_of_art_are_named() -> None:
    assert "专精特新" in field_help("specialized_sme", "zh")
    assert "高新技术企业" in field_help("high_tech_enterprise", "zh")
    assert "关键领域核心环节" in field_help("core_link_rnd_production", "zh")
    assert "18" in field_help("credit_code", "zh")
    assert "工信部联企业〔2011〕300号" in field_help("employees", "zh")
    assert "国科发火〔2016〕32号" in field_help("high_tech_enterprise", "zh")


def test_language_choice_defaults_to_chinese() -> None:
    assert field_help("zone", "en") == FIELD_HELP["zone"][1]
    for lang in ("zh", "", "fr", "EN"):
        assert field_help("zone", lang) == FIELD_HELP["zone"][0]
    assert tag_help("cross_border_ecommerce", "en") == (
        "Sells to or buys from abroad through cross-border e-commerce platforms"
    )
    assert tag_help("cross_border_ecommerce", "de") == "通过跨境电商平台向境外销售或从境外采购商品"


def test_unknown_names_have_no_help() -> None:
    assert field_help("no_such_key", "zh") == ""
    assert tag_help("no_such_tag", "en") == ""
