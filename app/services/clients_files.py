"""Client files: JSON, JSON lines, CSV and Excel, one client a row, the profile keys as columns.

Reading is lenient about form and strict about meaning: Chinese headers (企业名称, 从业人员 ...),
Excel's own numbers, booleans and dates, ``是/否``, ``2019/5/1``, tags separated by ``;`` ``、``
or ``,`` and vocabulary labels (自贸试验区武汉片区) are all understood; whatever is still not a
valid answer reaches ``parse_profile`` as written and is refused there, naming the field.

An empty cell means "not yet asked" (the key is left out); ``[]`` is an empty list and ``null``
(or 尚未获利) a ``first_profit_year`` of "not yet profitable": a round trip keeps the three apart.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.services.cells import formula_safe, unquote, xlsx_safe
from app.services.text_files import CsvRowError, NotText, csv_rows, decode_text, file_encoding
from db.redact import one_line
from rules.fields import PROFILE_FIELDS
from rules.json_input import MAX_DIGITS, JsonInputError, decode_json, decode_json_items
from rules.profile import PROFILE_KEYS

ID_COLUMN = "id"
COLUMNS: tuple[str, ...] = (ID_COLUMN, *PROFILE_KEYS)
FORMATS = (".json", ".jsonl", ".csv", ".xlsx")
MAX_JSON_BYTES = 64 * 2**20  # a JSON array is read whole; a longer list comes as a stream

ZH_HEADERS: dict[str, str] = {
    "id": "编号",
    "name": "企业名称",
    "credit_code": "统一社会信用代码",
    "zone": "所在区域",
    "city": "所在市州",
    "industry_code": "行业代码",
    "sectors": "重点产业领域",
    "activities": "业务活动",
    "core_link_rnd_production": "关键领域核心环节生产研发",
    "employees": "从业人员",
    "annual_revenue": "营业收入(万元)",
    "total_assets": "资产总额(万元)",
    "established": "成立日期",
    "first_profit_year": "首个获利年度",
    "rd_expense_ratio": "研发费用占比(%)",
    "high_tech_enterprise": "高新技术企业",
    "tech_sme": "科技型中小企业",
    "specialized_sme": "专精特新企业",
    "ic_enterprise": "集成电路企业",
    "ic_role": "集成电路企业类别",
    "ic_line_width_nm": "集成电路线宽(nm)",
    "software_enterprise": "软件企业",
    "foreign_invested": "外商投资企业",
    "medical_institution": "医疗机构",
    "research_institution": "高校或科研机构",
    "financial_institution": "金融机构",
    "key_field_in_catalogue": "列入省级关键领域目录",
    "in_east_lake": "注册在东湖高新区",
    "key_enterprise": "重点企业",
    "in_han_river_basin": "汉江流域",
    "imports_via_yichang": "经宜昌口岸进口",
}
_MORE_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("ID", "序号"),
    "name": ("名称", "公司名称", "企业"),
    "credit_code": ("信用代码", "社会信用代码"),
    "zone": ("区域", "片区"),
    "city": ("城市", "所在城市", "所在市", "市州"),
    "industry_code": ("行业", "行业分类代码", "国民经济行业代码"),
    "sectors": ("产业领域", "重点产业"),
    "activities": ("业务", "开展业务"),
    "employees": ("从业人员数", "员工人数", "职工人数"),
    "annual_revenue": ("营业收入", "上年营业收入"),
    "total_assets": ("资产总额",),
    "established": ("注册日期", "成立时间"),
    "first_profit_year": ("首次获利年度", "首个盈利年度"),
    "rd_expense_ratio": ("研发费用占比", "研发投入占比"),
    "specialized_sme": ("专精特新",),
    "ic_line_width_nm": ("线宽", "集成电路线宽"),
    "foreign_invested": ("外资企业",),
    "research_institution": ("科研机构",),
}

_TRUE = frozenset({"true", "yes", "y", "t", "1", "是", "有", "√", "✓"})
_FALSE = frozenset({"false", "no", "n", "f", "0", "否", "无", "没有", "×", "✗"})
_NULL = frozenset({"null"})
_NOT_YET_PROFITABLE = frozenset({"null", "none", "无", "尚未获利", "未获利", "尚未盈利", "未盈利"})
_EMPTY_LIST = frozenset({"[]", "none", "无"})
_TAG_SEPARATORS = re.compile(r"[;,|、\n]+")
_CHINESE_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


class ClientFileError(Exception):
    """The file as a whole cannot be read; nothing in it was imported."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Row:
    """One client as read: where it is in the file, its keys, and what could not be read."""

    label: str  # "row 3" (spreadsheet row), "line 3" (JSON lines) or "item 3" (JSON array)
    data: dict[str, Any]
    problems: tuple[str, ...] = ()


def _fold_header(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).strip().casefold()
    folded = re.sub(r"\([^)]*\)$", "", folded)  # a unit in brackets: 营业收入(万元)
    return re.sub(r"[\s?:：]+", "", folded)


def _header_aliases() -> dict[str, str]:
    aliases: dict[str, str] = {}
    for key in COLUMNS:
        names = [key, ZH_HEADERS[key], *_MORE_ALIASES.get(key, ())]
        if key in PROFILE_FIELDS:
            names += [PROFILE_FIELDS[key].zh, PROFILE_FIELDS[key].en]
        for name in names:
            aliases.setdefault(_fold_header(name), key)
    return aliases


_HEADERS = _header_aliases()


def _vocabulary_lookup(key: str) -> dict[str, str]:
    labels = PROFILE_FIELDS[key].vocabulary or {}
    lookup = {}
    for value, (zh, en) in labels.items():
        for name in (value, zh, en):
            lookup[_fold_header(name)] = value
    return lookup


_VOCABULARIES = {
    key: _vocabulary_lookup(key) for key, info in PROFILE_FIELDS.items() if info.vocabulary
}


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _token(value: Any) -> str:
    return unicodedata.normalize("NFKC", _text(value)).casefold()


def _number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, str):
        return value
    cleaned = value.strip().replace(",", "").replace("，", "").removesuffix("%").strip()
    if _INTEGER.match(cleaned):
        # int() refuses beyond 4,300 digits; beyond any answer the text is refused by name
        return int(cleaned) if len(cleaned.lstrip("+-")) <= MAX_DIGITS else value
    if _DECIMAL.match(cleaned):
        return float(cleaned)
    return value


def _whole_number(value: Any) -> Any:
    value = _number(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _boolean(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    token = _token(value)
    if token in _TRUE:
        return True
    if token in _FALSE:
        return False
    return value


def _date(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    match = _CHINESE_DATE.match(_text(value))
    if match:
        year, month, day = (int(part) for part in match.groups())
        return f"{year:04d}-{month:02d}-{day:02d}"
    return _text(value)


def _year(value: Any) -> Any:
    if _token(value) in _NOT_YET_PROFITABLE:
        return None
    if isinstance(value, str):
        value = value.strip().removesuffix("年")
    return _whole_number(value)


def _enum(key: str, value: Any) -> Any:
    text = _text(value)
    return _VOCABULARIES[key].get(_fold_header(text), text)


def _tags(key: str, value: Any) -> Any:
    if isinstance(value, list):
        return value
    if _token(value) in _EMPTY_LIST:
        return []
    items = [item.strip() for item in _TAG_SEPARATORS.split(_text(value)) if item.strip()]
    return [_VOCABULARIES[key].get(_fold_header(item), item) for item in items]


def cell_to_answer(key: str, value: Any) -> Any:
    """The profile answer a cell holds, as well as it can be read; validation comes later."""
    if key == ID_COLUMN:
        return _whole_number(value)
    kind = PROFILE_FIELDS[key].kind
    if kind not in ("year", "text", "code") and isinstance(value, str) and _token(value) in _NULL:
        return None  # refused by parse_profile, which names the field: only a year may be null
    converters = {
        "bool": _boolean,
        "int": _whole_number,
        "number": _number,
        "date": _date,
        "year": _year,
    }
    if kind in converters:
        return converters[kind](value)
    if kind == "enum":
        return _enum(key, value)
    if kind == "tags":
        return _tags(key, value)
    return _text(value)


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _columns(header: list[Any]) -> list[str | None]:
    """The key of each header cell (None for blank, unlabelled columns); refuses unknown ones."""
    keys: list[str | None] = []
    problems = []
    seen: dict[str, int] = {}
    for number, cell in enumerate(header, start=1):
        if _is_blank(cell):
            keys.append(None)
            continue
        key = _HEADERS.get(_fold_header(str(cell)))
        if key is None:
            problems.append(
                f"column {number} '{cell}': unknown column (not a profile key; check the spelling)"
            )
        elif key in seen:
            problems.append(f"column {number} '{cell}': same field as column {seen[key]} ({key})")
        else:
            seen[key] = number
        keys.append(key)
    if "name" not in seen and not problems:
        problems.append("header: no 'name' (企业名称) column")
    if problems:
        raise ClientFileError(problems)
    return keys


def _table_rows(cells: Iterator[list[Any]]) -> Iterator[Row]:
    """Rows of a spreadsheet-like table whose first row is the header; numbered as in Excel.
    A header that cannot be read raises ClientFileError before the first row is given."""
    header = next(cells, None)
    if header is None:
        raise ClientFileError(["file: empty (no header row)"])
    keys = _columns(header)
    for number, values in enumerate(cells, start=2):
        if all(_is_blank(v) for v in values):
            continue
        data: dict[str, Any] = {}
        problems = []
        extra = [v for v in values[len(keys) :] if not _is_blank(v)]
        if extra:
            problems.append(f"row {number}: {len(extra)} cell(s) beyond the last column")
        for key, value in zip(keys, values, strict=False):
            if key is None or _is_blank(value):
                continue
            if (
                key == "credit_code"
                and isinstance(value, int | float)
                and not isinstance(value, bool)
            ):
                problems.append(
                    f"row {number}: credit_code: stored as a number, which loses digits; "
                    "format the column as text"
                )
                continue
            data[key] = cell_to_answer(key, value)
        yield Row(f"row {number}", data, tuple(problems))


def _decode(raw: bytes, path: Path) -> str:
    try:
        return decode_text(raw)  # Excel in China saves CSV as GB18030 (GBK)
    except NotText as error:
        raise ClientFileError([f"file: {path.name} is {error}"]) from None


def _encoding(path: Path) -> str:
    try:
        return file_encoding(path)
    except NotText as error:
        raise ClientFileError([f"file: {path.name} is {error}"]) from None


def _read_csv(path: Path) -> Iterator[Row]:
    with path.open(encoding=_encoding(path), newline="") as handle:
        first_line = handle.readline()
        handle.seek(0)
        delimiter = max(",;\t", key=first_line.count)
        # The header row, then each cell as written before formula_safe quoted it.
        yield from _table_rows(
            [unquote(cell) if number else cell for cell in cells]
            for number, cells in enumerate(csv_rows(handle, delimiter=delimiter))
        )


def _read_xlsx(path: Path) -> Iterator[Row]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ClientFileError(
            [f"file: {path.name} is not an Excel .xlsx workbook ({one_line(str(error))})"]
        ) from None
    try:
        sheet = workbook.worksheets[0]
        yield from _table_rows(list(row) for row in sheet.iter_rows(values_only=True))
    finally:
        workbook.close()


def _object_row(label: str, item: Any) -> Row:
    if not isinstance(item, dict):
        return Row(label, {}, (f"{label}: expected a JSON object with the company's answers",))
    return Row(label, dict(item))


def _read_jsonl(path: Path) -> Iterator[Row]:
    with path.open(encoding=_encoding(path), newline="") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            label = f"line {number}"
            try:
                yield _object_row(label, decode_json(line.rstrip("\r\n"), line=True))
            except JsonInputError as error:
                yield Row(label, {}, tuple(f"{label}: {p}" for p in error.problems))


def _read_json(path: Path) -> Iterator[Row]:
    """A JSON array is one document: read whole (its size is checked first)."""
    if path.stat().st_size > MAX_JSON_BYTES:
        raise ClientFileError(
            [f"file: {path.name} is larger than {MAX_JSON_BYTES // 2**20} MiB; "
             "for more clients use JSON lines (.jsonl), CSV or Excel, which are read as a stream"]
        )  # fmt: skip
    try:
        items = decode_json_items(_decode(path.read_bytes(), path), where="file")
    except JsonInputError as error:
        raise ClientFileError(error.problems) from None
    for number, (item, problems) in enumerate(items, start=1):
        label = f"item {number}"
        if problems:
            yield Row(label, {}, tuple(f"{label}: {p}" for p in problems))
        else:
            yield _object_row(label, item)


def file_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ClientFileError(
            [f"file: {path.name}: unknown format '{suffix}' (use {', '.join(FORMATS)})"]
        )
    return suffix


def iter_rows(path: Path) -> Iterator[Row]:
    """Every client row of the file, each with its place in the file, read as a stream.

    File-level problems (no header, unknown columns, not a workbook, neither UTF-8 nor GB18030)
    raise ClientFileError before the first row is given: nothing should be imported from a file
    whose columns are wrong. A file that cannot be read past some row (a CSV cell over
    ``app.services.text_files.CSV_FIELD_LIMIT``) raises ClientFileError naming the row there;
    the rows before it have been given.
    """
    readers = {".json": _read_json, ".jsonl": _read_jsonl, ".csv": _read_csv, ".xlsx": _read_xlsx}
    reader = readers[file_format(path)]
    try:
        yield from reader(path)
    except FileNotFoundError:
        raise ClientFileError([f"file: no such file: {path}"]) from None
    except IsADirectoryError:
        raise ClientFileError([f"file: {path} is a folder, not a file"]) from None
    except CsvRowError as error:
        raise ClientFileError([str(error)]) from None


def answer_to_cell(key: str, value: Any, spreadsheet: bool) -> Any:
    """An answer as a CSV (text) or Excel (typed) cell holds it; ``cell_to_answer`` reverses it."""
    if value is None:
        return "null"
    if isinstance(value, list):
        return ";".join(value) if value else "[]"
    if isinstance(value, bool):
        return value if spreadsheet else ("true" if value else "false")
    if isinstance(value, int | float) and not spreadsheet:
        return json.dumps(value)
    return value


def _headers(style: str) -> list[str]:
    return [ZH_HEADERS[key] for key in COLUMNS] if style == "zh" else list(COLUMNS)


def _write_csv(out: Path, rows: list[dict[str, Any]], style: str) -> None:
    with out.open("w", encoding="utf-8-sig", newline="") as handle:  # the BOM tells Excel: UTF-8
        writer = csv.writer(handle)
        writer.writerow(_headers(style))
        for row in rows:
            writer.writerow(
                [
                    "" if key not in row else formula_safe(answer_to_cell(key, row[key], False))
                    for key in COLUMNS
                ]
            )


#: Excel keeps numbers as doubles: whole numbers beyond 2**53 lose digits there.
EXCEL_EXACT = 2**53
BEYOND_EXCEL_NOTE = (
    "Written as text: this number has more digits than Excel keeps; the import reads it back "
    "exactly. / 此数位数超出 Excel 的精度，以文本保存，导入时按原值读取。"
)


def _beyond_excel(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) >= EXCEL_EXACT


def _write_xlsx(out: Path, rows: list[dict[str, Any]], style: str) -> None:
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "clients"
    sheet.append(_headers(style))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "B2"
    for number, row in enumerate(rows, start=2):
        for column, key in enumerate(COLUMNS, start=1):
            if key not in row:
                continue
            value = answer_to_cell(key, row[key], True)
            exact = _beyond_excel(value)
            cell = sheet.cell(number, column, str(value) if exact else xlsx_safe(value))
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text stays text: never a formula, never a number
            if exact:
                cell.comment = Comment(BEYOND_EXCEL_NOTE, "policy-checker")
    workbook.save(out)


def _write_json_lines(out: Path, rows: list[dict[str, Any]], lines: bool) -> None:
    if lines:
        text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    else:
        text = json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    out.write_text(text, encoding="utf-8")


def write_rows(path: Path, rows: Iterable[dict[str, Any]], headers: str = "key") -> int:
    """Write clients (``{"id": ..., **profile}``) to ``path`` in its format; return how many.

    ``headers="zh"`` labels CSV and Excel columns in Chinese; values stay as the contract has them.
    The file is written aside and moved into place, so a failure never leaves half a file.
    """
    suffix = file_format(path)
    items = [{key: row[key] for key in COLUMNS if key in row} for row in rows]
    partial = path.with_name(path.name + ".partial" + suffix)
    try:
        if suffix == ".csv":
            _write_csv(partial, items, headers)
        elif suffix == ".xlsx":
            _write_xlsx(partial, items, headers)
        else:
            _write_json_lines(partial, items, lines=suffix == ".jsonl")
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise ClientFileError([f"file: cannot write {path}: {error.strerror or error}"]) from None
    return len(items)
