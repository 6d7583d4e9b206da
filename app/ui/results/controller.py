"""What the results screen shows: one row per measure, grouped and filtered.

Plain logic over the session's JSON answer (no widgets): the view and the tests drive it alike.
Rows are rebuilt from ``ClientSession.answer`` on every change; with 68 measures that costs well
under a millisecond on top of the assessment itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication

from app.ui.badges import VERDICT_ORDER, verdict_text
from rules.pack import Pack

GroupBy = Literal["verdict", "chapter", "none"]
GROUPINGS: tuple[GroupBy, ...] = ("verdict", "chapter", "none")

# Caveats worth a marker in each row; the end-2023 one concerns every measure of the notice at
# once, so the screen states it once above the list instead of on all 68 rows.
ROW_CAVEATS = ("pending_national_approval", "pilot")
# Caveats about the as-of date (the same for every measure): one note above the list.
DOCUMENT_CAVEATS = ("past_deadline", "before_issue")


translate = QCoreApplication.translate


@dataclass(frozen=True)
class ResultRow:
    """One measure as the list shows it."""

    measure_id: str
    number: int
    chapter: int
    title: str
    verdict: str
    status: str
    reason: str
    caveats: tuple[str, ...]  # caveat codes (rules.engine.Caveat)
    caveat_notes: tuple[str, ...] = ()  # the caveats in sentences, in the answer's language

    @property
    def row_caveats(self) -> tuple[str, ...]:
        return tuple(c for c in self.caveats if c in ROW_CAVEATS)


@dataclass(frozen=True)
class ResultGroup:
    key: str  # a verdict, or "chapter-N"
    title: str
    verdict: str | None  # the group's verdict when grouped by verdict (for its badge)
    rows: tuple[ResultRow, ...]
    total: int  # measures in the group before filtering


def rows_from_answer(answer: dict[str, Any]) -> list[ResultRow]:
    """The rows of a JSON answer (rules.answer), in the notice's order."""
    return [
        ResultRow(
            measure_id=result["measure"],
            number=int(result["number"]),
            chapter=int(result.get("chapter") or 0),
            title=str(result["title"]),
            verdict=str(result["verdict"]),
            status=str(result["status"]),
            reason=str(result.get("reason") or ""),
            caveats=tuple(c["code"] for c in result.get("caveats", ())),
            caveat_notes=tuple(c["text"] for c in result.get("caveats", ())),
        )
        for result in answer["results"]
    ]


def counts(rows: Iterable[ResultRow]) -> dict[str, int]:
    found = dict.fromkeys(VERDICT_ORDER, 0)
    for row in rows:
        found[row.verdict] = found.get(row.verdict, 0) + 1
    return found


class ResultsController:
    """The grouping and the filters the user chose, and the groups they give."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.group_by: GroupBy = "verdict"
        self.verdicts: set[str] = set(VERDICT_ORDER)
        self.text = ""

    # -- filters -----------------------------------------------------------------------------

    def set_group_by(self, group_by: GroupBy) -> None:
        if group_by not in GROUPINGS:
            raise ValueError(f"group_by: {group_by!r}")
        self.group_by = group_by

    def show_verdict(self, verdict: str, shown: bool) -> None:
        if shown:
            self.verdicts.add(verdict)
        else:
            self.verdicts.discard(verdict)

    def set_text(self, text: str) -> None:
        self.text = text.strip()

    @property
    def filtered(self) -> bool:
        return bool(self.text) or set(VERDICT_ORDER) - self.verdicts != set()

    def matches(self, row: ResultRow) -> bool:
        if row.verdict not in self.verdicts:
            return False
        return self.matches_text(row)

    def matches_text(self, row: ResultRow) -> bool:
        """The text filter: a measure number ("7", "m07", "第7条") or words of the title."""
        needle = self.text.casefold()
        if not needle:
            return True
        digits = needle.removeprefix("m").removeprefix("第").removesuffix("条").strip()
        if digits.isdigit() and int(digits) == row.number:
            return True
        return needle in row.title.casefold() or needle == row.measure_id

    # -- grouping ----------------------------------------------------------------------------

    def chapter_title(self, number: int, lang: str) -> str:
        for chapter in self.pack.manifest.chapters:
            if chapter.number == number:
                return translate("ResultsController", "{number}. {title}").format(
                    number=number, title=chapter.title.get(lang)
                )
        return translate("ResultsController", "Chapter {number}").format(number=number)

    def groups(self, rows: Sequence[ResultRow], lang: str) -> list[ResultGroup]:
        """The shown groups, each with its shown rows; groups left empty by the filters are
        dropped. With ``group_by == "none"`` one untitled group holds every shown row."""
        shown = [row for row in rows if self.matches(row)]
        if self.group_by == "none":
            return [ResultGroup("all", "", None, tuple(shown), len(rows))]
        if self.group_by == "verdict":
            keys: list[tuple[str, str, str | None]] = [
                (v, verdict_text(v), v) for v in VERDICT_ORDER
            ]

            def key_of(row: ResultRow) -> str:
                return row.verdict
        else:
            numbers = sorted(
                {c.number for c in self.pack.manifest.chapters} | {r.chapter for r in rows}
            )
            keys = [(f"chapter-{n}", self.chapter_title(n, lang), None) for n in numbers]

            def key_of(row: ResultRow) -> str:
                return f"chapter-{row.chapter}"

        groups = []
        for key, title, verdict in keys:
            members = tuple(row for row in shown if key_of(row) == key)
            if members:
                total = sum(1 for row in rows if key_of(row) == key)
                groups.append(ResultGroup(key, title, verdict, members, total))
        return groups

    @staticmethod
    def document_caveat(rows: Iterable[ResultRow]) -> str | None:
        """The as-of date's caveat (past the 2023 targets, or before the notice), if any."""
        found = {c for row in rows for c in row.caveats}
        return next((c for c in DOCUMENT_CAVEATS if c in found), None)
