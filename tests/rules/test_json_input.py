"""Hostile JSON profiles are refused with one short line naming the key (rules.json_input)."""

from __future__ import annotations

import pytest

from rules.json_input import SHOWN_CHARS, decode_json, quoted, shown
from rules.profile import ProfileError, load_profile_json


def refusal(text: str) -> list[str]:
    with pytest.raises(ProfileError) as caught:
        load_profile_json(text)
    return caught.value.problems


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('{"name": "a", "employees": ' + "9" * 5000 + "}",
         "employees: a whole number of 5000 digits is longer than any answer"),
        ('{"name": "a", "employees": -' + "9" * 41 + "}",
         "employees: a whole number of 41 digits is longer than any answer"),
        ('{"name": ' + "[" * 100_000 + "]" * 100_000 + "}",
         "profile: nested deeper than any profile"),
        ('{"name": "a", "sectors": ' + "[" * 12 + "]" * 12 + "}",
         "sectors[0][0][0][0][0][0][0][0]: nested deeper than any profile (8 levels)"),
        ('{"name": "\\ud800"}',
         "name: holds a lone surrogate (\\ud800), not a character: the text is damaged"),
        ('{"name": "a", "sectors": ["big_data", "\\udfff"]}',
         "sectors[1]: holds a lone surrogate (\\udfff), not a character: the text is damaged"),
        ('{"name": "a", "\\ud800": 1}',
         "profile: a key holds a lone surrogate (\\ud800), not a character: the text is damaged"),
        ('{"name": "a", "name": "b"}', "name: given twice; keep one of the two"),
        ('{"name": "a", "x": {"k": 1, "k": 2}}', "x.k: given twice; keep one of the two"),
        ('{"name": "a",', "profile: malformed JSON at line 1, column 14: Expecting property name"),
    ],
)  # fmt: skip
def test_hostile_json_is_refused_by_name(text: str, says: str) -> None:
    assert refusal(text)[0].startswith(says.split(": Expecting")[0])
    assert says in refusal(text) or says.startswith("profile: malformed")


def test_the_first_of_two_values_never_vanishes_silently() -> None:
    with pytest.raises(ProfileError):
        load_profile_json('{"name": "甲公司", "zone": "ftz_wuhan", "zone": "outside_hubei"}')


def test_a_bad_value_is_quoted_short_and_on_one_line() -> None:
    huge = "=" * 1_000_000
    for problem in refusal('{"name": "a", "zone": "' + huge + '", "employees": "x\\ny"}'):
        assert "\n" not in problem and len(problem) < 200, problem
    [zone] = [p for p in refusal('{"name": "a", "zone": "wu\\nhan"}') if p.startswith("zone")]
    assert zone.startswith("zone: 'wu\\nhan' is not one of the allowed values")
    [code] = refusal('{"name": "a", "industry_code": "C39\\n' + "9" * 500 + '"}')
    assert "\n" not in code and len(code) < 200


def test_quoting_helpers() -> None:
    assert shown("a\nb") == '"a\\nb"'
    assert quoted("wu\u2028han") == "'wu\\u2028han'"
    assert len(shown("x" * 1000)) == SHOWN_CHARS and shown("x" * 1000).endswith("…")
    assert decode_json("[1, 2]", where="file") == [1, 2]
