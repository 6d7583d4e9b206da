"""Splitting a notice's text into its numbered measures, for checking packs against the source."""

from __future__ import annotations

import re

# A measure's paragraph starts with its number and a separator; the published text uses "." and,
# for measures 41 and 42, a private-use character where the full stop was lost.
_MEASURE_START = re.compile(r"^(\d{1,3})[.\ue010](?=\D)", re.MULTILINE)


def split_measures(notice: str) -> dict[int, str]:
    """Measure number -> its clause (the paragraph without the leading number)."""
    clauses: dict[int, str] = {}
    for match in _MEASURE_START.finditer(notice):
        end = notice.find("\n", match.end())
        clauses[int(match.group(1))] = notice[match.end() : end if end != -1 else None].strip()
    return clauses
