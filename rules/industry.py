"""GB/T 4754-2017 industry classification, bundled as reference data.

Codes are a section letter followed by 0, 2, 3 or 4 digits (``C``, ``C39``, ``C397``, ``C3976``).
A code is accepted when its section exists, its division (first two digits) belongs to that
section, and its group (3 digits) or class (4 digits) is in the bundled table, which holds all
20 sections, 97 divisions, 473 groups and 1381 classes of the 2017 edition (see the file's header
for its source and what it leaves out).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from resources import read_text
from rules.json_input import quoted
from rules.yaml_loader import load_yaml

_CODE = re.compile(r"^([A-T])(\d{2}|\d{3}|\d{4})?$")


class IndustryCodeError(ValueError):
    """The code is not a GB/T 4754-2017 code; the message says why."""


@dataclass(frozen=True)
class Industry:
    code: str
    zh: str
    en: str

    def name(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class IndustryTable:
    sections: dict[str, Industry]
    divisions: dict[str, tuple[str, Industry]]  # "39" -> ("C", industry)
    details: dict[str, Industry]  # "397", "3976" -> industry

    def check(self, raw: str) -> str:
        """Return the canonical code, or raise IndustryCodeError naming what is wrong."""
        code = raw.strip().upper()
        if code.isdigit():
            raise IndustryCodeError(
                f"{quoted(raw)} lacks its section letter: write it as in GB/T 4754-2017, e.g. C3976"
            )
        match = _CODE.match(code)
        if not match:
            raise IndustryCodeError(
                f"{quoted(raw)} is not a GB/T 4754-2017 code (a section letter A-T and 0, 2, 3 "
                "or 4 digits, e.g. C, C39, C3976)"
            )
        section, digits = match.group(1), match.group(2)
        if digits:
            division = self.divisions.get(digits[:2])
            if division is None:
                raise IndustryCodeError(f"{quoted(raw)}: there is no division {digits[:2]}")
            if division[0] != section:
                raise IndustryCodeError(
                    f"{quoted(raw)}: division {digits[:2]} belongs to section {division[0]}, "
                    f"not {section}"
                )
            if len(digits) > 2 and digits not in self.details:
                level = "group" if len(digits) == 3 else "class"
                raise IndustryCodeError(
                    f"{quoted(raw)}: there is no {level} {digits} in division {digits[:2]}"
                )
        return code

    def lookup(self, code: str) -> Industry | None:
        """The most specific entry the table has for a valid code."""
        digits = code[1:]
        for length in (4, 3):
            if len(digits) >= length and digits[:length] in self.details:
                return self.details[digits[:length]]
        if len(digits) >= 2 and digits[:2] in self.divisions:
            return self.divisions[digits[:2]][1]
        return self.sections.get(code[:1])


def _entry(node: dict[str, Any]) -> Industry:
    return Industry(code=str(node["code"]), zh=str(node["zh"]), en=str(node["en"]))


@cache
def industry_table() -> IndustryTable:
    data = load_yaml(read_text("reference", "gbt4754_2017.yaml"))
    sections: dict[str, Industry] = {}
    divisions: dict[str, tuple[str, Industry]] = {}
    details: dict[str, Industry] = {}
    for section in data["sections"]:
        sections[section["code"]] = _entry(section)
        for division in section.get("divisions") or []:
            divisions[str(division["code"])] = (section["code"], _entry(division))
            for group in division.get("groups") or []:
                details[str(group["code"])] = _entry(group)
                for klass in group.get("classes") or []:
                    details[str(klass["code"])] = _entry(klass)
    return IndustryTable(sections=sections, divisions=divisions, details=details)
