"""Hostile inputs for ``assess``, ``batch`` and ``clients import``: does any crash or lose rows?

    .venv/bin/python -m bench.fuzz_inputs --profiles 12000 --files 200 --imports 150 \\
        --seed 1 --out report.md              # minimal repros go to /tmp/fuzz-repros/

Every input is generated from a seeded ``random.Random``, so a run is repeated exactly by its
seed. Each case knows what it must give: a good profile is assessed (exit 0); a profile broken
for certain is refused (exit 2); a row generated good must reach the verdict matrix or the
database whatever other rows and cells of its file hold, unless the file as a whole is
unreadable (garbage, a truncated Parquet file). The real commands run in this process
(``app.cli.main``), one fresh SQLite database per import. A failure is:

- ``exit1``: ``policy-check: unexpected error`` (a bug; the log's traceback says where);
- ``escaped``: an exception got past ``main``, or a traceback was printed;
- ``lost_good_rows``: a good row missing from the matrix or the database (or one JSONL line
  that makes ``batch`` or ``clients import`` refuse the whole file);
- ``bad_accepted``: a row or profile that is certainly invalid was accepted;
- ``long_line`` / ``split_line`` / ``control_char``: a problem line over 300 characters, a value
  printed with a raw line break (the marker after the break starts a line of its own), or a raw
  control character in a message;
- ``disagree``: ``assess`` and ``batch`` or ``clients import`` judge the same profile
  differently (every single-line UTF-8 profile is also fed to both, as a line of a JSONL file);
- ``hostile_accepted`` / ``xxe_expanded``: an XXE workbook read without refusal, or its
  entity's file content found in the output;
- ``warning``: a Python warning raised while a command ran (it would print on the terminal);
- ``bad_output`` / ``list_failed``: a batch output that cannot be read back, or a database
  that ``clients list`` cannot list after an import.

Failures are grouped by a signature (command, kind, and where the exception was raised or the
first problem line, digits and quoted values blanked); one case per group is shrunk (rows,
keys and long values dropped or halved while the signature stays) and written with its command
to ``--repros``.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import math
import os
import random
import re
import shutil
import sys
import tempfile
import time
import warnings
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stdnum.cn import uscc

from app.cli import main
from rules.profile import PROFILE_KEYS
from rules.vocabulary import ACTIVITIES, FTZ_AREA_CITY, IC_ROLES, SECTORS, ZONES

AS_OF: Final = "2026-11-26"
MAX_LINE: Final = 300
NL_MARK: Final = "¤NL¤"  # follows every line break put in a value: a line starting so was split
REPROS: Final = Path("/tmp/fuzz-repros")
XXE_SECRET: Final = "XXE-SECRET-7f3a"
INDUSTRIES: Final = ("C3976", "C2720", "C3670", "I6513", "I6520", "G5810", "L7212", "M7320")
CSV_FIELD_LIMIT: Final = 131072
#: Control characters and separators that must never reach a message raw (tab excepted).
_RAW_CONTROLS: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029\r]")
_TRACEBACK: Final = "Traceback (most recent call last)"


# --- running a command in this process -------------------------------------------------------


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str
    traceback: str = ""  # from the log, for exit 1; from the harness, for an escaped exception
    warnings: tuple[str, ...] = ()
    seconds: float = 0.0

    @property
    def where(self) -> str:
        """The innermost project frame of the traceback and the exception's type."""
        return raised_at(self.traceback)


def raised_at(traceback: str) -> str:
    frames = re.findall(r'File "([^"]+)", line (\d+), in (\S+)', traceback)
    root = str(Path(__file__).resolve().parents[1]) + "/"
    ours = [f for f in frames if f[0].startswith(root) and "/.venv/" not in f[0]]
    lines = traceback.strip().splitlines()
    last_frame = max((i for i, line in enumerate(lines) if line.startswith('  File "')), default=-1)
    after = [line for line in lines[last_frame + 1 :] if line and not line.startswith(" ")]
    error = after[0].split(":", 1)[0] if after else "?"
    if not ours:
        return error
    path, line, function = ours[-1]
    return f"{error} at {path.removeprefix(root)}:{line} {function}"


class Harness:
    """Runs ``policy-check`` in this process with its own log, settings and packs folders."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.log_dir = work / "log"
        self._saved: dict[str, str | None] = {}

    def __enter__(self) -> Harness:
        folders = {
            "POLICY_CHECKER_LOG_DIR": self.log_dir,
            "POLICY_CHECKER_CONFIG_DIR": self.work / "config",
            "POLICY_CHECKER_PACKS_DIR": self.work / "packs",
        }
        for name, folder in folders.items():
            folder.mkdir(parents=True, exist_ok=True)
            self._saved[name] = os.environ.get(name)
            os.environ[name] = str(folder)
        self._saved["POLICY_CHECKER_DB_URL"] = os.environ.pop("POLICY_CHECKER_DB_URL", None)
        return self

    def __exit__(self, *exc: object) -> None:
        for name, value in self._saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value

    def _log_size(self) -> int:
        try:
            return (self.log_dir / "policy-checker.log").stat().st_size
        except FileNotFoundError:
            return 0

    def run(self, argv: list[str]) -> Run:
        out, err = io.StringIO(), io.StringIO()
        before = self._log_size()
        started = time.perf_counter()
        escaped = ""
        with (
            warnings.catch_warnings(record=True) as caught,
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
        ):
            warnings.simplefilter("always")
            try:
                code = main(argv)
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 2
            except BaseException as error:  # what would reach the user as a traceback
                import traceback

                code = -1
                escaped = "".join(traceback.format_exception(error))
        seconds = time.perf_counter() - started
        trace = escaped
        if code == 1:
            trace = self._new_log(before)
        seen = tuple(sorted({f"{w.category.__name__}: {w.message}"[:200] for w in caught}))
        return Run(code, out.getvalue(), err.getvalue(), trace, seen, seconds)

    def _new_log(self, before: int) -> str:
        path = self.log_dir / "policy-checker.log"
        try:
            with path.open("rb") as handle:
                if handle.seek(0, 2) >= before:
                    handle.seek(before)
                else:
                    handle.seek(0)  # rotated meanwhile
                text = handle.read().decode("utf-8", "replace")
        except FileNotFoundError:
            return ""
        start = text.rfind(_TRACEBACK)
        return text[start:] if start >= 0 else text[-2000:]


def message_problems(text: str) -> list[tuple[str, str]]:
    """(kind, line) for each message line that breaks the one-short-line rule."""
    found = []
    for line in text.split("\n"):
        if len(line) > MAX_LINE:
            found.append(("long_line", line))
        if line.startswith(NL_MARK):
            found.append(("split_line", line))
        if _RAW_CONTROLS.search(line):
            found.append(("control_char", line))
        if _TRACEBACK in line:
            found.append(("escaped", line))
    return found


# --- values ----------------------------------------------------------------------------------


def credit_code(rng: random.Random) -> str:
    body = "9142" + "".join(rng.choice("0123456789") for _ in range(4)) + "MA"
    body += "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(7))
    return body + uscc.calc_check_digit(body)


def _date(rng: random.Random) -> str:
    return f"{rng.randint(1990, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def good_profile(rng: random.Random, name: str) -> dict[str, Any]:
    """A valid profile: ``name`` and a random part of the other keys."""
    zone = rng.choice(list(ZONES))
    full: dict[str, Any] = {
        "credit_code": credit_code(rng),
        "zone": zone,
        "industry_code": rng.choice(INDUSTRIES),
        "sectors": rng.sample(sorted(SECTORS), rng.randint(0, 3)),
        "activities": rng.sample(sorted(ACTIVITIES), rng.randint(0, 3)),
        "employees": rng.randint(0, 3000),
        "annual_revenue": rng.choice([rng.randint(0, 90000), round(rng.uniform(0, 9e4), 2)]),
        "total_assets": round(rng.uniform(0, 9e4), 1),
        "established": _date(rng),
        "first_profit_year": rng.choice([None, *range(2010, 2026)]),
        "rd_expense_ratio": round(rng.uniform(0, 30), 1),
        "high_tech_enterprise": rng.random() < 0.5,
        "tech_sme": rng.random() < 0.5,
        "software_enterprise": rng.random() < 0.3,
        "foreign_invested": rng.random() < 0.2,
        "ic_role": rng.choice(list(IC_ROLES)),
        "in_east_lake": rng.random() < 0.3,
    }
    if zone in FTZ_AREA_CITY:
        full["city"] = FTZ_AREA_CITY[zone]
    keys = rng.sample(sorted(full), rng.randint(0, len(full)))
    return {"name": name, **{key: full[key] for key in sorted(keys)}}


def company_name(rng: random.Random, tag: str) -> str:
    """A unique, plainly valid name (1-200 characters, no surrounding blanks)."""
    return (
        rng.choice(["光谷", "楚天", "荆楚", "汉江", "Fuzz "])
        + tag
        + rng.choice(["科技有限公司", "有限公司", " Ltd."])
    )


NUMERIC_KEYS: Final = ("employees", "annual_revenue", "total_assets", "rd_expense_ratio")
WRONG_VALUES: Final = (
    "123",
    "-1",
    "1.5",
    '"text"',
    "true",
    "false",
    "null",
    "[]",
    "{}",
    "[1, 2]",
    '{"a": 1}',
    '""',
    '"是"',
    '"2020-02-30"',
    '"ftz_wuhan"',
    '["software", "software"]',
    "0",
    '"  "',
)
FLOATS: Final = ("1e400", "-1e400", "NaN", "Infinity", "-Infinity", "-0.0", "1e-400", "1e308")
LONG_STRING: Final = 1_000_000


def long_text(rng: random.Random, size: int) -> str:
    return rng.choice("xa模") * size


def control_text(rng: random.Random) -> str:
    """Text with line breaks and control characters; each line break followed by the marker."""
    pieces = [
        "甲",
        "\n" + NL_MARK,
        "\r" + NL_MARK,
        "\t",
        "\x1b[31m",
        "\x00",
        "\x0b",
        "\u2028" + NL_MARK,
    ]
    return "".join(rng.choice(pieces) for _ in range(rng.randint(2, 5)))


def js(value: Any, rng: random.Random | None = None) -> str:
    ascii_ = bool(rng and rng.random() < 0.5)
    return json.dumps(value, ensure_ascii=ascii_)


# --- profiles --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProfileCase:
    """One profile file: JSON pairs (key text, value text) or a whole raw text, then bytes
    operations. ``good`` True: must be assessed; False: must be refused; None: either."""

    ident: str
    pairs: tuple[tuple[str, str], ...]
    labels: tuple[str, ...]
    good: bool | None
    whole: str | None = None  # raw JSON text instead of an object of pairs
    encoding: str = "utf-8"
    prefix: bytes = b""
    cut: float | None = None  # truncate the bytes at this fraction
    insert: tuple[float, bytes] | None = None  # bytes put in at this fraction

    def text(self) -> str:
        if self.whole is not None:
            return self.whole
        return "{" + ", ".join(f"{k}: {v}" for k, v in self.pairs) + "}"

    def data(self) -> bytes:
        errors = "surrogatepass" if self.encoding == "utf-8" else "strict"
        raw = self.prefix + self.text().encode(self.encoding, errors)
        if self.insert is not None:
            at = int(len(raw) * self.insert[0])
            raw = raw[:at] + self.insert[1] + raw[at:]
        if self.cut is not None:
            raw = raw[: max(0, min(len(raw) - 1, int(len(raw) * self.cut)))]
        return raw


def _mutate_pairs(
    rng: random.Random, pairs: list[tuple[str, str]]
) -> tuple[list[tuple[str, str]], str]:
    """One hostile change to the pairs, and its label (``_invalid`` then judges the result)."""
    keys = ["name", *NUMERIC_KEYS, "credit_code", "zone", "sectors", "established"]
    key = rng.choice(keys)
    kind = rng.choice(
        [
            "wrong_type",
            "huge_int",
            "float",
            "deep",
            "surrogate",
            "duplicate",
            "long_string",
            "control",
            "unknown_key",
            "null",
            "raw_separator",
            "nul_escape",
            "long_key",
        ]
    )
    out = [p for p in pairs if p[0] != js(key)]
    if kind == "wrong_type":
        out.append((js(key), rng.choice(WRONG_VALUES)))
    elif kind == "huge_int":
        digits = rng.choice([30, 41, 4300, 4301, 5000, 100_000])
        out.append((js(rng.choice(NUMERIC_KEYS)), "9" * digits))
    elif kind == "float":
        text = rng.choice(FLOATS)
        out.append((js(rng.choice(NUMERIC_KEYS[1:])), text))
    elif kind == "deep":
        depth = rng.choice([9, 50, 1000, 100_000])
        out.append((js("sectors"), "[" * depth + "]" * depth))
    elif kind == "surrogate":
        text = rng.choice(['"\\ud800"', '"a\\udfffb"', '"\\udc00\\ud800x"'])
        if rng.random() < 0.5:
            out.append((js(key), text))
        else:
            out.append((text, "1"))
    elif kind == "duplicate" and out:
        first = rng.choice(out)
        out.append((first[0], rng.choice([first[1], *WRONG_VALUES])))
    elif kind == "long_string":
        out.append((js(key), js(long_text(rng, rng.choice([201, 70_000, LONG_STRING])), rng)))
    elif kind == "control":
        out.append(
            (
                js(rng.choice(["name", "zone", "credit_code", "industry_code"])),
                js(control_text(rng), rng),
            )
        )
    elif kind == "unknown_key":
        out.append((js(rng.choice(["employes", "Name", "名称", "", " name", "x" * 500])), "1"))
    elif kind == "null":
        out.append((js(key), "null"))
    elif kind == "raw_separator":  # valid JSON: U+2028, U+0085 raw inside a string
        out = [p for p in out if p[0] != js("name")]
        out.append((js("name"), '"甲\u2028' + NL_MARK + "乙\x85" + NL_MARK + '丙"'))
    elif kind == "nul_escape":
        out = [p for p in out if p[0] != js("name")]
        out.append((js("name"), '"甲\\u0000乙"'))
    elif kind == "long_key":
        out.append((js(long_text(rng, rng.choice([300, LONG_STRING]))), "1"))
    rng.shuffle(out)
    return out, kind


_FLOAT_WORDS: Final = re.compile(r"^-?(NaN|Infinity|1e400)$")
_SURROGATE: Final = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _invalid(pairs: list[tuple[str, str]]) -> bool:
    """Whether a profile of these (key, value) JSON texts is certainly refused, whatever the
    mutations did one after another: a key twice or unknown, no name, a damaged or too long
    value, a null where only first_profit_year may be null."""
    if any(_SURROGATE.search(key + value) for key, value in pairs):
        return True
    try:
        keys = [json.loads(key) for key, _ in pairs]
    except ValueError:
        return True
    if len(set(keys)) < len(keys) or "name" not in keys or set(keys) - set(PROFILE_KEYS):
        return True
    for key, (_, value) in zip(keys, pairs, strict=True):
        if value == "null" and key != "first_profit_year":
            return True
        if _FLOAT_WORDS.match(value) or value.startswith("[" * 9):
            return True
        if re.fullmatch(r"-?\d{41,}", value):
            return True
        if value.startswith('"') and len(value) > 202 and len(json.loads(value)) > 200:
            return True
    return False


def make_profile_case(rng: random.Random, number: int) -> ProfileCase:
    ident = f"p{number:05d}"
    profile = good_profile(rng, company_name(rng, ident))
    pairs = [(js(k, rng), js(v, rng)) for k, v in profile.items()]
    roll = rng.random()
    if roll < 0.15:
        return ProfileCase(ident, tuple(pairs), ("good",), True)
    if roll < 0.22:  # a whole that is no profile
        whole, label = rng.choice(
            [
                ("{}", "empty_object"),
                ("[]", "array"),
                ('"公司"', "string"),
                ("1", "number"),
                ("null", "null_json"),
                ("true", "bool_json"),
                ("", "empty_file"),
                ("[" * 100_000 + "]" * 100_000, "deep_array"),
                ("[" + ",".join(js(profile) for _ in range(3)) + "]", "array_of_profiles"),
            ]
        )
        return ProfileCase(ident, (), (label,), False, whole=whole)
    labels: list[str] = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        pairs, label = _mutate_pairs(rng, pairs)
        labels.append(label)
    case = ProfileCase(ident, tuple(pairs), tuple(labels), False if _invalid(pairs) else None)
    roll = rng.random()
    if roll < 0.05:
        return replace(case, cut=rng.random(), labels=(*case.labels, "truncated"), good=False)
    if roll < 0.09:
        return replace(case, encoding="gb18030", labels=(*case.labels, "gb18030"))
    if roll < 0.13:
        prefix = rng.choice([b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe"])
        good_bom = prefix == b"\xef\xbb\xbf"
        return replace(
            case, prefix=prefix, labels=(*case.labels, "bom"), good=case.good if good_bom else False
        )
    if roll < 0.18:
        raw = rng.choice([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\x00", b"\x81\x30"])
        return replace(
            case, insert=(rng.random(), raw), labels=(*case.labels, "bad_bytes"), good=False
        )
    return case


# --- batch and import files ------------------------------------------------------------------


@dataclass(frozen=True)
class FileRow:
    """One row of a file. JSON formats use ``line`` (the item's JSON text); tables use
    ``cells`` (key -> value) unless ``csv_line`` gives the row's raw text."""

    label: str
    good: bool | None
    name: str = ""  # what a good row's name must arrive as ("" when it has none to check)
    cells: dict[str, Any] = field(default_factory=dict)
    line: str = ""
    csv_line: str | None = None


@dataclass(frozen=True)
class FileCase:
    ident: str
    command: str  # "batch" or "import"
    suffix: str
    rows: tuple[FileRow, ...]
    labels: tuple[str, ...]
    headers: tuple[str, ...] = ()
    form: str = "rows"  # or: garbage, not_zip, xxe, truncated, empty
    encoding: str = "utf-8"
    newline: str = "\n"
    out: str = ".csv"  # batch's --out suffix
    parquet_kinds: tuple[tuple[str, str], ...] = ()  # (key, struct|binary|decimal)
    garbage: bytes = b""
    cut: float = 0.5
    insert: bytes = b""  # bytes put in the middle of a text file

    def data(self) -> bytes:
        if self.form == "garbage":
            return self.garbage
        if self.form == "empty":
            return b""
        raw = _RENDER[self.suffix](self)
        if self.form == "xxe":
            raw = _with_xxe(raw)
        if self.insert:
            middle = len(raw) // 2
            raw = raw[:middle] + self.insert + raw[middle:]
        if self.form == "truncated":
            raw = raw[: int(len(raw) * self.cut)]
        return raw


def _encode(case: FileCase, text: str) -> bytes:
    if case.encoding == "utf-8-sig":
        return b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    if case.encoding == "gb18030":
        return text.encode("gb18030")
    return text.encode("utf-8", "surrogatepass")


def _render_jsonl(case: FileCase) -> bytes:
    return _encode(case, "".join(row.line + case.newline for row in case.rows))


def _render_json(case: FileCase) -> bytes:
    return _encode(case, "[" + ",\n".join(row.line for row in case.rows) + "]\n")


def table_cell(value: Any) -> str:
    """A value as a CSV cell holds it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(value) if value else ";"
    if value is None:
        return "尚未获利"
    return str(value)


def _headers(case: FileCase) -> list[str]:
    if case.headers:
        return list(case.headers)
    keys: list[str] = ["name"]
    for row in case.rows:
        keys += [key for key in row.cells if key not in keys]
    return keys


def _render_csv(case: FileCase) -> bytes:
    headers = _headers(case)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=case.newline)
    writer.writerow(headers)
    for row in case.rows:
        if row.csv_line is not None:
            buffer.write(row.csv_line + case.newline)
            continue
        keys = [_KEY_OF.get(h, h) for h in headers]
        writer.writerow(["" if k not in row.cells else table_cell(row.cells[k]) for k in keys])
    return _encode(case, buffer.getvalue())


def _xlsx_value(value: Any) -> Any:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, list):
        return ";".join(value) if value else ";"
    if value is None:
        return "尚未获利"
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _render_xlsx(case: FileCase) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    headers = _headers(case)
    sheet.append(headers)
    keys = [_KEY_OF.get(h, h) for h in headers]
    for number, row in enumerate(case.rows, start=2):
        for column, key in enumerate(keys, start=1):
            if key in row.cells:
                cell = sheet.cell(number, column, _xlsx_value(row.cells[key]))
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text, as typed: "=1+1..." is a name, not a formula
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _with_xxe(xlsx: bytes) -> bytes:
    """The workbook with a DOCTYPE declaring an external entity (a local file holding
    ``XXE_SECRET``) in its shared strings and sheet, the first string being the entity."""
    REPROS.mkdir(parents=True, exist_ok=True)
    secret = REPROS / "xxe-secret.txt"
    secret.write_text(XXE_SECRET)
    doctype = (
        f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret}">'
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    )
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename in ("xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"):
                text = data.decode("utf-8")
                head, sep, rest = text.partition("?>")
                text = head + sep + doctype + rest if sep else doctype + text
                if item.filename == "xl/sharedStrings.xml":
                    text = re.sub(r"<t>[^<]*</t>", "<t>&xxe;&b;</t>", text, count=2)
                data = text.encode("utf-8")
            target.writestr(item, data)
    return buffer.getvalue()


def _parquet_column(key: str, values: list[Any], kind: str | None) -> Any:
    import polars as pl

    if kind == "struct":
        return pl.Series(key, [None if v is None else {"v": str(v)} for v in values])
    if kind == "binary":
        encoded = [
            None if v is None else table_cell(v).encode("utf-8", "surrogatepass") for v in values
        ]
        return pl.Series(key, encoded, dtype=pl.Binary)
    if kind == "decimal":
        decimals = [None if v is None else _decimal(v) for v in values]
        return pl.Series(key, decimals, dtype=pl.Decimal(38, 4))
    present = [v for v in values if v is not None]
    types = {type(v) for v in present}
    if types == {list}:
        return pl.Series(key, values, dtype=pl.List(pl.String))
    if (len(types) == 1 and types <= {str, bool, float}) or types == {int}:
        if types == {int} and any(abs(v) >= 2**63 for v in present):
            return pl.Series(key, [None if v is None else str(v) for v in values])
        return pl.Series(key, values)
    if types == {int, float}:
        return pl.Series(key, [None if v is None else float(v) for v in values])
    return pl.Series(key, [None if v is None else table_cell(v) for v in values])


def _render_parquet(case: FileCase) -> bytes:
    import polars as pl

    kinds = dict(case.parquet_kinds)
    keys = _headers(case)
    columns = [
        _parquet_column(key, [row.cells.get(key) for row in case.rows], kinds.get(key))
        for key in keys
    ]
    buffer = io.BytesIO()
    pl.DataFrame(columns).write_parquet(buffer)
    return buffer.getvalue()


_RENDER: Final[dict[str, Callable[[FileCase], bytes]]] = {
    ".jsonl": _render_jsonl,
    ".json": _render_json,
    ".csv": _render_csv,
    ".xlsx": _render_xlsx,
    ".parquet": _render_parquet,
}
#: Chinese headers both readers (batch's rules.tabular, import's clients_files) understand.
ZH_HEADERS: Final = {
    "name": "企业名称",
    "employees": "从业人员",
    "zone": "所在区域",
    "credit_code": "统一社会信用代码",
    "established": "成立日期",
}
_KEY_OF: Final = {zh: key for key, zh in ZH_HEADERS.items()}


def _table_value(rng: random.Random, key: str, value: Any) -> Any:
    """How a table might hold a good value: 是/否 for yes/no, 、 between tags."""
    if isinstance(value, bool) and rng.random() < 0.3:
        return "是" if value else "否"
    if isinstance(value, list) and value and rng.random() < 0.3:
        return "、".join(value)
    return value


def _good_row(rng: random.Random, tag: str, json_format: bool) -> FileRow:
    name = company_name(rng, tag)
    if rng.random() < 0.1:
        name = rng.choice(["=1+1", "@SUM(A1)", "-2", "+", "＝"]) + name
    profile = good_profile(rng, name)
    if json_format:
        return FileRow(
            "good", True, name, line=json.dumps(profile, ensure_ascii=rng.random() < 0.5)
        )
    cells = {key: _table_value(rng, key, value) for key, value in profile.items()}
    return FileRow("good", True, name, cells=cells)


def _bad_json_line(rng: random.Random, tag: str) -> FileRow:
    """A hostile JSONL line: a profile mutation that stays on one line of UTF-8 text."""
    case = make_profile_case(rng, 0)
    text = case.text()
    if "\n" in text or "\r" in text or case.encoding != "utf-8" or case.insert or case.prefix:
        return FileRow("negative", False, tag, line=json.dumps({"name": tag, "employees": -1}))
    if case.cut is not None:
        text = text[: int(len(text) * case.cut)]
    return FileRow("+".join(case.labels), case.good, "", line=text)


def _bad_table_row(rng: random.Random, tag: str, suffix: str) -> tuple[FileRow, bool]:
    """A hostile table row, and whether it swallows the rows after it (an open quote)."""
    name = f"坏行{tag}"
    kind = rng.choice(
        [
            "over_limit",
            "huge_int",
            "float",
            "negative",
            "long_name",
            "control",
            "nul",
            "open_quote",
            "ragged",
            "short",
            "bad_values",
            "bare_cr",
        ]
    )
    if suffix != ".csv" and kind in ("nul", "open_quote", "ragged", "bare_cr"):
        kind = "huge_int"
    if kind == "over_limit":
        key = rng.choice(["name", "industry_code", "zone", "credit_code"])
        cells: dict[str, Any] = {"name": name, key: long_text(rng, CSV_FIELD_LIMIT + 1000)}
        return FileRow(kind, False, "" if key == "name" else name, cells=cells), False
    if kind == "huge_int":
        digits = rng.choice([41, 4301, 5000, 20_000])
        cells = {"name": name, rng.choice(NUMERIC_KEYS): "9" * digits}
        if suffix in (".xlsx", ".parquet") and rng.random() < 0.5:  # a typed number cell
            cells = {"name": name, "employees": 10 ** min(digits, 300) - 1}
        return FileRow(kind, False, name, cells=cells), False
    if kind == "float":
        text = rng.choice(["1e400", "-1e400", "NaN", "inf", "-inf", "Infinity"])
        return FileRow(kind, False, name, cells={"name": name, "annual_revenue": text}), False
    if kind == "negative":
        return FileRow(kind, False, name, cells={"name": name, "employees": -1}), False
    if kind == "long_name":
        return FileRow(
            kind, False, "", cells={"name": long_text(rng, rng.choice([201, LONG_STRING]))}
        ), False
    if kind == "control":
        return FileRow(kind, None, "", cells={"name": name + control_text(rng)}), False
    if kind == "nul":
        return FileRow(kind, None, "", csv_line=f"{name}\x00x,5"), False
    if kind == "open_quote":
        return FileRow(kind, None, "", csv_line=f'"{name},5'), True
    if kind == "ragged":
        return FileRow(
            kind,
            False,
            name,
            csv_line=f"{name},1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25",
        ), False
    if kind == "short":
        return FileRow(kind, True, name, csv_line=name), False
    if kind == "bare_cr":
        return FileRow(kind, None, "", csv_line=f'"{name}\r{NL_MARK}x",5'), False
    wrong = rng.choice(
        [
            {"zone": "wuhan"},
            {"credit_code": "123"},
            {"established": "2020-13-45"},
            {"sectors": "not_a_sector"},
            {"high_tech_enterprise": "maybe"},
            {"employees": "many"},
            {"first_profit_year": "1800"},
        ]
    )
    return FileRow("bad_value", False, name, cells={"name": name, **wrong}), False


def make_file_case(rng: random.Random, number: int, command: str) -> FileCase:
    """A batch (``command`` "batch") or import ("import") file of good and hostile rows."""
    ident = f"{command[0]}{number:04d}"
    suffixes = (
        (".jsonl", ".csv", ".xlsx", ".parquet")
        if command == "batch"
        else (".jsonl", ".json", ".csv", ".xlsx")
    )
    suffix = rng.choice(suffixes)
    out = rng.choice([".csv", ".jsonl", ".xlsx", ".parquet"])
    json_format = suffix in (".jsonl", ".json")
    rows: list[FileRow] = []
    swallowed = False
    for index in range(rng.randint(1, 12)):
        tag = f"{ident}-{index:02d}"
        swallows = False
        if rng.random() < 0.55:
            row = _good_row(rng, tag, json_format)
        elif json_format:
            row = _bad_json_line(rng, tag)
        else:
            row, swallows = _bad_table_row(rng, tag, suffix)
            if row.csv_line is not None and suffix != ".csv":
                continue
        rows.append(replace(row, good=None) if swallowed else row)
        swallowed = swallowed or swallows
    case = FileCase(ident, command, suffix, tuple(rows), ("rows",), out=out)
    if suffix == ".json" and any(_broken_json(row.line) for row in rows):
        return _unsure(case, "broken_json_item")
    return _file_form(rng, case)


def _broken_json(text: str) -> bool:
    try:
        json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return True
    except ValueError:  # a number Python will not convert: the syntax is fine
        return False
    return False


def _unsure(case: FileCase, label: str, **changes: Any) -> FileCase:
    """``case`` changed so that the file as a whole may be refused: no row is owed."""
    rows = tuple(replace(row, good=None) for row in case.rows)
    return replace(case, rows=rows, labels=(label,), **changes)


def _typed_row(row: FileRow, key: str, kind: str) -> FileRow:
    """The row as owed when ``key`` is a Parquet column of ``kind``: binary text reads as the
    text, a finite decimal revenue as the number; anything else may be refused."""
    value = row.cells.get(key)
    if key not in row.cells or kind == "binary":
        return row
    if kind == "decimal" and key == "annual_revenue" and _finite_number(value):
        return row
    return replace(row, good=None)


def _finite_number(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value)


def _decimal(value: Any) -> Decimal | None:
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        return None
    return number if number.is_finite() and abs(number) < 10**30 else None  # Decimal(38, 4)


def _file_form(rng: random.Random, case: FileCase) -> FileCase:
    roll = rng.random()
    suffix = case.suffix
    if roll < 0.04:
        return _unsure(case, "empty", form="empty")
    if roll < 0.08:
        return replace(case, rows=(), headers=tuple(_headers(case)), labels=("header_only",))
    if roll < 0.13:
        garbage = bytes(rng.getrandbits(8) for _ in range(rng.choice([1, 64, 4096])))
        if suffix == ".xlsx" and rng.random() < 0.5:
            garbage = b"name,employees\nx,1\n"
        return _unsure(
            case, "garbage" if suffix != ".xlsx" else "not_zip", form="garbage", garbage=garbage
        )
    if roll < 0.18 and suffix in (".xlsx", ".parquet", ".json"):
        return _unsure(case, "truncated", form="truncated", cut=rng.random())
    if roll < 0.24 and suffix == ".xlsx":
        return _unsure(case, "xxe", form="xxe")
    if roll < 0.30 and suffix == ".parquet":
        key = rng.choice(["name", "sectors", "annual_revenue", "employees", "credit_code"])
        kind = rng.choice(["struct", "binary", "decimal"])
        rows = tuple(_typed_row(row, key, kind) for row in case.rows)
        return replace(case, rows=rows, parquet_kinds=((key, kind),), labels=(f"{kind}_{key}",))
    if roll < 0.40 and suffix in (".csv", ".jsonl", ".json"):
        encoding = rng.choice(["gb18030", "utf-8-sig"])
        return replace(case, encoding=encoding, labels=(encoding,))
    if roll < 0.45 and suffix in (".csv", ".jsonl", ".json"):
        raw = rng.choice([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\x81\x30"])
        return _unsure(case, "bad_bytes", insert=raw)
    if roll < 0.50 and suffix in (".csv", ".xlsx"):
        headers = _headers(case)
        extra = rng.choice(["name", "企业名称", "employees", "colour", ""])
        headers.insert(rng.randint(1, len(headers)), extra)
        label = (
            "unknown_header"
            if extra == "colour"
            else "blank_header"
            if not extra
            else "duplicate_header"
        )
        if not extra:
            return replace(case, headers=tuple(headers), labels=(label,))
        return _unsure(case, label, headers=tuple(headers))
    if roll < 0.55 and suffix in (".csv", ".xlsx"):
        headers = [ZH_HEADERS.get(h, h) for h in _headers(case)]
        return replace(case, headers=tuple(headers), labels=("chinese_headers",))
    if roll < 0.60:
        return replace(case, newline="\r\n", labels=("crlf",))
    return case


# --- running cases and judging them --------------------------------------------------------


@dataclass(frozen=True)
class Failure:
    command: str
    kind: str
    signature: str  # what groups failures of one cause
    detail: str
    run: Run
    case: ProfileCase | FileCase


def _blank(text: str) -> str:
    """A message with its particulars blanked, to group failures of one cause."""
    text = re.sub(r"(.)\1{9,}", "…", text)
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", text)
    text = re.sub(r"\d+", "N", text)
    return text[:100]


def _exit_failures(command: str, run: Run, case: Any) -> list[Failure]:
    found = []
    if run.code == 1:
        found.append(
            Failure(command, "exit1", f"{command} exit1 {run.where}", run.stderr, run, case)
        )
    elif run.code not in (0, 2):
        found.append(
            Failure(command, "escaped", f"{command} escaped {run.where}", run.traceback, run, case)
        )
    for kind, line in message_problems(run.stderr):
        found.append(
            Failure(command, kind, f"{command} {kind} {_blank(line)}", line[:400], run, case)
        )
    for warning in run.warnings:
        found.append(
            Failure(command, "warning", f"{command} warning {_blank(warning)}", warning, run, case)
        )
    return found


def run_profile(harness: Harness, case: ProfileCase, folder: Path) -> tuple[Run, list[Failure]]:
    path = folder / f"{case.ident}.json"
    path.write_bytes(case.data())
    number = int(case.ident[1:]) if case.ident[1:].isdigit() else 0
    lang, form = ("zh", "table") if number % 2 else ("en", "json")
    run = harness.run(["assess", str(path), "--as-of", AS_OF, "--lang", lang, "--format", form])
    failures = _exit_failures("assess", run, case)
    if case.good is True and run.code != 0:
        failures.append(
            Failure(
                "assess",
                "good_refused",
                f"assess good_refused {_blank(run.stderr)}",
                run.stderr[:300],
                run,
                case,
            )
        )
    if case.good is False and run.code == 0:
        failures.append(
            Failure(
                "assess",
                "bad_accepted",
                f"assess bad_accepted {'+'.join(sorted(set(case.labels)))}",
                "",
                run,
                case,
            )
        )
    return run, failures


def _unquote(name: Any) -> str:
    text = "" if name is None else str(name)
    return text[1:] if text.startswith("'") else text


def output_names(path: Path) -> list[str]:
    """The company names in a batch output file (answers or matrix)."""
    if not path.exists():
        return []
    suffix = path.suffix
    if suffix == ".jsonl":
        lines = path.read_text(encoding="utf-8").split("\n")  # not splitlines: U+2028 is text
        return [json.loads(line)["profile"]["name"] for line in lines if line.strip()]
    if suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return [_unquote(row["name"]) for row in csv.DictReader(handle)]
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True)
        try:
            rows = list(workbook.worksheets[0].iter_rows(values_only=True))
        finally:
            workbook.close()
        index = list(rows[0]).index("name") if rows else 0
        return [_unquote(row[index]) for row in rows[1:]]
    import polars as pl

    return [str(n) for n in pl.read_parquet(path).get_column("name").to_list()]


def _loss_cause(run: Run) -> str:
    """Why good rows are missing: the exception, the file-level refusal, or row problems."""
    if run.code == 1:
        return run.where
    lines = [
        line
        for line in run.stderr.splitlines()
        if line and not re.match(r"(row|line|item) \d+: ", line) and "assessed," not in line
    ]
    return _blank(lines[0]) if lines else "rows missing, no file-level message"


def _row_failures(command: str, case: FileCase, run: Run, names: list[str]) -> list[Failure]:
    found = []
    arrived = set(names)
    lost = [row for row in case.rows if row.good is True and row.name and row.name not in arrived]
    if lost:
        why = _loss_cause(run)
        found.append(
            Failure(
                command,
                "lost_good_rows",
                f"{command} lost_good_rows exit{run.code} {case.suffix} {why}",
                f"{len(lost)} of {sum(r.good is True for r in case.rows)} good rows missing, "
                f"e.g. {lost[0].name[:40]!r}",
                run,
                case,
            )
        )
    taken = [row for row in case.rows if row.good is False and row.name and row.name in arrived]
    if taken:
        found.append(
            Failure(
                command,
                "bad_accepted",
                f"{command} bad_accepted {case.suffix} {taken[0].label}",
                f"{taken[0].label}: {taken[0].name[:40]!r}",
                run,
                case,
            )
        )
    if case.form == "xxe":
        if run.code == 0:
            found.append(
                Failure(
                    command,
                    "hostile_accepted",
                    f"{command} hostile_accepted xxe",
                    "an XXE workbook was read without refusal",
                    run,
                    case,
                )
            )
        if any(XXE_SECRET in n for n in names) or XXE_SECRET in run.stdout + run.stderr:
            found.append(
                Failure(
                    command,
                    "xxe_expanded",
                    f"{command} xxe_expanded",
                    "the entity's file was read",
                    run,
                    case,
                )
            )
    return found


def run_batch(harness: Harness, case: FileCase, folder: Path) -> tuple[Run, list[Failure]]:
    source = folder / f"{case.ident}{case.suffix}"
    source.write_bytes(case.data())
    out = folder / f"{case.ident}.out{case.out}"
    out.unlink(missing_ok=True)
    run = harness.run(["batch", str(source), "--out", str(out), "--as-of", AS_OF, "--quiet"])
    failures = _exit_failures("batch", run, case)
    try:
        names = output_names(out)
    except Exception as error:  # an output file that cannot be read back is itself a failure
        names = []
        failures.append(
            Failure(
                "batch",
                "bad_output",
                f"batch bad_output {type(error).__name__}",
                str(error)[:200],
                run,
                case,
            )
        )
    return run, failures + _row_failures("batch", case, run, names)


def _drop_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _database_names(harness: Harness, url: str) -> tuple[list[str], Run]:
    listed = harness.run(["clients", "list", "--format", "json", "--db", url])
    if listed.code != 0:
        return [], listed
    return [client["name"] for client in json.loads(listed.stdout)], listed


def run_import(harness: Harness, case: FileCase, folder: Path) -> tuple[Run, list[Failure]]:
    source = folder / f"{case.ident}{case.suffix}"
    source.write_bytes(case.data())
    database = folder / f"{case.ident}.sqlite3"
    _drop_database(database)
    url = f"sqlite:///{database}"
    run = harness.run(["clients", "import", str(source), "--db", url])
    failures = _exit_failures("import", run, case)
    names, listed = _database_names(harness, url)
    if listed.code != 0:
        failures.append(
            Failure(
                "import",
                "list_failed",
                f"import list_failed {listed.where}",
                listed.stderr[:200],
                listed,
                case,
            )
        )
    _drop_database(database)
    return run, failures + _row_failures("import", case, run, names)


# --- the same profiles through batch and import ----------------------------------------------


def _one_line(data: bytes) -> str | None:
    """The profile as one line of a UTF-8 JSONL file, when it can be one."""
    if b"\n" in data or b"\r" in data or data.startswith(b"\xef\xbb\xbf"):
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if text.strip() else None


def _accepted_by_batch(
    harness: Harness, lines: list[str], folder: Path
) -> tuple[Run, set[int] | None]:
    source = folder / "same.jsonl"
    source.write_text(
        "".join(line + "\n" for line in lines), encoding="utf-8", errors="surrogatepass"
    )
    out = folder / "same.out.csv"
    out.unlink(missing_ok=True)
    run = harness.run(["batch", str(source), "--out", str(out), "--as-of", AS_OF, "--quiet"])
    if not out.exists():
        return run, None
    with out.open(encoding="utf-8-sig", newline="") as handle:
        return run, {int(row["row"]) for row in csv.DictReader(handle)}


_DUPLICATE: Final = re.compile(r"the same company as|already in the roster")


def _accepted_by_import(
    harness: Harness, lines: list[str], folder: Path
) -> tuple[Run, set[int] | None]:
    source = folder / "same.jsonl"
    source.write_text(
        "".join(line + "\n" for line in lines), encoding="utf-8", errors="surrogatepass"
    )
    database = folder / "same.sqlite3"
    _drop_database(database)
    run = harness.run(["clients", "import", str(source), "--db", f"sqlite:///{database}"])
    _drop_database(database)
    refused = {
        int(m.group(1))
        for line in run.stderr.splitlines()
        if (m := re.match(r"line (\d+): ", line)) and not _DUPLICATE.search(line)
    }
    if "imported" not in run.stdout:
        return run, None
    return run, set(range(1, len(lines) + 1)) - refused


def same_judgement(
    harness: Harness, judged: list[tuple[ProfileCase, int]], folder: Path, chunk: int = 400
) -> tuple[list[Failure], Counter[str]]:
    """Every single-line profile also as a line of a JSONL file for ``batch`` and ``clients
    import``: each must accept exactly what ``assess`` accepted."""
    failures: list[Failure] = []
    counts: Counter[str] = Counter()
    lines = [(case, code, line) for case, code in judged if (line := _one_line(case.data()))]
    for start in range(0, len(lines), chunk):
        part = lines[start : start + chunk]
        for command, accepted_by in (
            ("batch", _accepted_by_batch),
            ("import", _accepted_by_import),
        ):
            failures += _compare(harness, command, accepted_by, part, folder, counts)
    return failures, counts


def _broken_run(
    harness: Harness,
    command: str,
    accepted_by: Callable[[Harness, list[str], Path], tuple[Run, set[int] | None]],
    part: list[tuple[ProfileCase, int, str]],
    folder: Path,
    counts: Counter[str],
    run: Run,
) -> list[Failure]:
    """A run that crashed or refused the whole file: halve the lines until the one to blame
    is found, unless both halves fail the same way (then the command is to blame)."""
    if len(part) == 1:
        counts[f"{command} lines"] += 1
        if run.code != 2:
            return _exit_failures(command, run, part[0][0])
        said = _blank(run.stderr.strip().splitlines()[0]) if run.stderr.strip() else "(silent)"
        signature = f"{command} lost_good_rows one JSONL line refuses the whole file: {said}"
        detail = "one line makes the command refuse the file whole: every good line is lost"
        return [Failure(command, "lost_good_rows", signature, detail, run, part[0][0])]
    middle = len(part) // 2
    halves = [part[:middle], part[middle:]]
    tried = [accepted_by(harness, [line for _, _, line in half], folder) for half in halves]
    same = all(a is None and r.code == run.code and r.where == run.where for r, a in tried)
    if run.code != 2 and same:
        counts[f"{command} lines"] += len(part)
        return _exit_failures(command, run, part[0][0])
    return [
        failure
        for half in halves
        for failure in _compare(harness, command, accepted_by, half, folder, counts)
    ]


def _compare(
    harness: Harness,
    command: str,
    accepted_by: Callable[[Harness, list[str], Path], tuple[Run, set[int] | None]],
    part: list[tuple[ProfileCase, int, str]],
    folder: Path,
    counts: Counter[str],
) -> list[Failure]:
    run, accepted = accepted_by(harness, [line for _, _, line in part], folder)
    if accepted is None:
        return _broken_run(harness, command, accepted_by, part, folder, counts, run)
    failures: list[Failure] = []
    for kind, line in message_problems(run.stderr):
        found = re.match(r"(row|line) (\d+): ", line)
        case = part[int(found.group(2)) - 1][0] if found else part[0][0]
        failures.append(
            Failure(command, kind, f"{command} {kind} {_blank(line)}", line[:400], run, case)
        )
    counts[f"{command} lines"] += len(part)
    for number, (case, code, _) in enumerate(part, start=1):
        if (code == 0) == (number in accepted) or code not in (0, 2):
            continue
        verdict = "accepted" if number in accepted else "refused"
        said = [
            line for line in run.stderr.splitlines() if re.match(rf"(row|line) {number}: ", line)
        ]
        why = _blank(said[0].split(": ", 1)[1]) if said else "(no problem line)"
        failures.append(
            Failure(
                command,
                "disagree",
                f"{command} disagree assess exit{code}, {command} {verdict}: {why}",
                f"labels {'+'.join(case.labels)}; {said[:1]}",
                run,
                case,
            )
        )
    return failures


# --- shrinking and reporting -----------------------------------------------------------------

AnyCase = ProfileCase | FileCase


def check(harness: Harness, command: str, case: AnyCase, folder: Path) -> list[Failure]:
    """Every failure the case gives now, for ``command``."""
    if isinstance(case, ProfileCase):
        run, failures = run_profile(harness, case, folder)
        if command == "assess":
            return failures
        return same_judgement(harness, [(case, run.code)], folder)[0]
    if command == "batch":
        return run_batch(harness, case, folder)[1]
    return run_import(harness, case, folder)[1]


def _halve_text(text: str) -> str:
    return text[: len(text) // 2]


def _with_units(case: AnyCase, units: tuple[Any, ...]) -> AnyCase:
    if isinstance(case, ProfileCase):
        return replace(case, pairs=units)
    return replace(case, rows=units)


def _smaller(case: AnyCase) -> Iterator[AnyCase]:
    """Simpler versions of ``case``: fewer units (pairs or rows) first, then shorter values."""
    units: tuple[Any, ...] = case.pairs if isinstance(case, ProfileCase) else case.rows
    size = len(units)
    parts = 2
    while size > 1 and parts <= size:
        step = -(-size // parts)
        for start in range(0, size, step):
            yield _with_units(case, units[:start] + units[start + step :])
        parts *= 2
    for index in range(size):
        yield _with_units(case, units[:index] + units[index + 1 :])
    if isinstance(case, ProfileCase):
        if case.prefix:
            yield replace(case, prefix=b"")
        if case.insert:
            yield replace(case, insert=None)
        if case.encoding != "utf-8":
            yield replace(case, encoding="utf-8")
    for index, unit in enumerate(units):
        for halved in _halved(unit):
            yield _with_units(case, (*units[:index], halved, *units[index + 1 :]))


def _halved(unit: Any) -> Iterator[Any]:
    """Shorter forms of a unit; a changed row is no longer known to be bad (or good)."""
    if isinstance(unit, FileRow):
        for row in _halved_row(unit):
            yield replace(row, good=None) if row.good is False else row
        return
    if isinstance(unit, tuple):  # a profile's (key, value) texts
        key, value = unit
        if len(value) > 256 and value.startswith('"') and value.endswith('"'):
            yield key, '"' + _halve_text(value[1:-1]) + '"'
        if len(key) > 256 and key.startswith('"'):
            yield '"' + _halve_text(key[1:-1]) + '"', value
        return


def _halved_row(unit: FileRow) -> Iterator[FileRow]:
    if len(unit.line) > 256 and unit.line.count('"') <= 2_000:
        yield replace(
            unit,
            line=re.sub(
                r'"([^"]{256,})"', lambda m: '"' + _halve_text(m.group(1)) + '"', unit.line, count=1
            ),
        )
    if unit.csv_line and len(unit.csv_line) > 256:
        yield replace(unit, csv_line=_halve_text(unit.csv_line))
    for key, value in unit.cells.items():
        if isinstance(value, str) and len(value) > 256:
            yield replace(unit, cells={**unit.cells, key: _halve_text(value)})
        elif isinstance(value, dict | list) and key not in ("sectors", "activities"):
            continue
    extra = [k for k in unit.cells if k != "name"]
    if extra:
        yield replace(unit, cells={k: v for k, v in unit.cells.items() if k not in extra[:1]})


def shrink(harness: Harness, failure: Failure, folder: Path, budget: int = 120) -> AnyCase:
    """The smallest case found, within ``budget`` runs, that still gives the failure."""
    case = failure.case
    runs = 0
    improved = True
    while improved and runs < budget:
        improved = False
        for smaller in _smaller(case):
            runs += 1
            try:
                signatures = {f.signature for f in check(harness, failure.command, smaller, folder)}
            except Exception:  # a generator-side error (e.g. an unrenderable table): skip it
                signatures = set()
            if failure.signature in signatures:
                case, improved = smaller, True
                break
            if runs >= budget:
                break
    return case


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:48]


def write_repro(number: int, failure: Failure, case: AnyCase, root: Path) -> tuple[Path, str]:
    """The case's input under ``root`` and the command that replays the failure."""
    folder = root / f"{number:02d}-{_slug(failure.command + ' ' + failure.kind)}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    tool = ".venv/bin/policy-check"
    if isinstance(case, ProfileCase):
        path = folder / "profile.json"
        path.write_bytes(case.data())
        command = f"{tool} assess {path} --as-of {AS_OF}"
        if failure.command != "assess":
            lines = folder / "profile.jsonl"
            lines.write_bytes(case.data() + b"\n")
            other = (
                f"{tool} batch {lines} --out {folder}/out.csv --as-of {AS_OF}"
                if failure.command == "batch"
                else f"{tool} clients import {lines} --db sqlite:///{folder}/roster.sqlite3"
            )
            command += f"; {other}"
    else:
        path = folder / f"input{case.suffix}"
        path.write_bytes(case.data())
        if failure.command == "batch":
            command = f"{tool} batch {path} --out {folder}/out{case.out} --as-of {AS_OF} --quiet"
        else:
            command = f"rm -f {folder}/roster.sqlite3; {tool} clients import {path} --db sqlite:///{folder}/roster.sqlite3"
    (folder / "command.txt").write_text(command + "\n", encoding="utf-8")
    return path, command


@dataclass
class Outcome:
    """What a fuzz run found."""

    counts: Counter[str] = field(default_factory=Counter)
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    failures: list[Failure] = field(default_factory=list)

    def of_kind(self, *kinds: str) -> list[Failure]:
        return [f for f in self.failures if f.kind in kinds]

    def groups(self) -> dict[str, list[Failure]]:
        grouped: dict[str, list[Failure]] = {}
        for failure in self.failures:
            grouped.setdefault(failure.signature, []).append(failure)
        return dict(
            sorted(grouped.items(), key=lambda item: (_RANK.get(item[1][0].kind, 9), -len(item[1])))
        )


_RANK: Final = {
    "exit1": 0,
    "escaped": 0,
    "lost_good_rows": 1,
    "xxe_expanded": 1,
    "disagree": 2,
    "bad_accepted": 3,
}


def fuzz(
    profiles: int,
    files: int,
    imports: int,
    seed: int,
    work: Path,
    progress: Callable[[str], None] = lambda line: None,
) -> Outcome:
    """Generate and run every case; nothing is shrunk here."""
    outcome = Outcome()
    rng = random.Random(seed)
    folder = work / "cases"
    folder.mkdir(parents=True, exist_ok=True)
    with Harness(work) as harness:
        judged: list[tuple[ProfileCase, int]] = []
        for number in range(profiles):
            case = make_profile_case(rng, number)
            run, failures = run_profile(harness, case, folder)
            (folder / f"{case.ident}.json").unlink()
            _count(outcome, "assess", run, failures)
            judged.append((case, run.code))
            if number % 1000 == 999:
                progress(f"assess: {number + 1} profiles")
        started = time.perf_counter()
        failures, counts = same_judgement(harness, judged, folder)
        outcome.failures += failures
        outcome.counts.update(counts)
        outcome.seconds["same profiles via batch and import"] += time.perf_counter() - started
        progress("same profiles through batch and import: done")
        for command, total, runner in (
            ("batch", files, run_batch),
            ("import", imports, run_import),
        ):
            for number in range(total):
                file_case = make_file_case(rng, number, command)
                run, failures = runner(harness, file_case, folder)
                _count(outcome, command, run, failures)
                outcome.counts[f"{command} good rows"] += sum(
                    r.good is True for r in file_case.rows
                )
            progress(f"{command}: {total} files")
        outcome.failures += same_encoding(harness, rng, folder)
    return outcome


def same_encoding(harness: Harness, rng: random.Random, folder: Path) -> list[Failure]:
    """A good profile saved as GB18030 must be accepted by every command or refused by every
    one: ``assess`` (a .json file), ``batch`` and ``clients import`` (.jsonl and .csv)."""
    name = company_name(rng, "gb18030")
    profile = good_profile(rng, name)
    case = ProfileCase(
        "gb18030",
        tuple((js(k), js(v)) for k, v in profile.items()),
        ("gb18030",),
        None,
        encoding="gb18030",
    )
    verdicts = {"assess": run_profile(harness, case, folder)[0].code}
    row = FileRow("good", True, name, cells=profile, line=json.dumps(profile, ensure_ascii=False))
    for suffix in (".jsonl", ".csv"):
        file_case = FileCase(
            f"gb{suffix[1:]}", "batch", suffix, (row,), ("gb18030",), encoding="gb18030"
        )
        verdicts[f"batch {suffix}"] = run_batch(harness, file_case, folder)[0].code
        verdicts[f"import {suffix}"] = run_import(
            harness, replace(file_case, command="import"), folder
        )[0].code
    if len(set(verdicts.values())) == 1:
        return []
    said = ", ".join(f"{command} exit {code}" for command, code in verdicts.items())
    run = Run(verdicts["assess"], "", said)
    return [Failure("assess", "disagree", f"gb18030 {said}", said, run, case)]


def _count(outcome: Outcome, command: str, run: Run, failures: list[Failure]) -> None:
    outcome.counts[f"{command} cases"] += 1
    outcome.counts[f"{command} exit {run.code}"] += 1
    outcome.seconds[command] += run.seconds
    outcome.failures += failures


def _first_last(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    if not lines:
        return "(nothing on stderr)"
    clip = [line if len(line) <= 160 else line[:157] + "..." for line in (lines[0], lines[-1])]
    return f"`{clip[0]}`" if len(lines) == 1 else f"`{clip[0]}` … `{clip[1]}`"


def report(outcome: Outcome, seed: int, harness_work: Path, root: Path, shrink_budget: int) -> str:
    """The Markdown report; one shrunk repro per failure group is written under ``root``."""
    lines = [f"# Fuzz of hostile inputs (seed {seed})", ""]
    lines += [
        "| command | cases | exit 0 | exit 2 | exit 1 | other exit | seconds |",
        "|---|---|---|---|---|---|---|",
    ]
    for command in ("assess", "batch", "import"):
        c = outcome.counts
        total = c[f"{command} cases"]
        known = c[f"{command} exit 0"] + c[f"{command} exit 2"] + c[f"{command} exit 1"]
        lines.append(
            f"| {command} | {total} | {c[f'{command} exit 0']} | {c[f'{command} exit 2']} "
            f"| {c[f'{command} exit 1']} | {total - known} | {outcome.seconds[command]:.0f} |"
        )
    lines += [
        "",
        f"Good rows owed in batch files: {outcome.counts['batch good rows']}, in import files: "
        f"{outcome.counts['import good rows']}. Profiles also fed as JSONL lines: "
        f"{outcome.counts['batch lines']} to batch, {outcome.counts['import lines']} to import.",
        "",
        "| kind | failing cases |",
        "|---|---|",
    ]
    for kind, count in Counter(f.kind for f in outcome.failures).most_common():
        lines.append(f"| {kind} | {count} |")
    lines += ["", "## Failures by cause", ""]
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    folder = harness_work / "shrink"
    folder.mkdir(parents=True, exist_ok=True)
    with Harness(harness_work) as harness:
        for number, (signature, group) in enumerate(outcome.groups().items(), start=1):
            first = group[0]
            small = shrink(harness, first, folder, shrink_budget) if shrink_budget else first.case
            replay = [
                f for f in check(harness, first.command, small, folder) if f.signature == signature
            ]
            shown = replay[0] if replay else first
            path, command = write_repro(number, first, small, root)
            size = path.stat().st_size
            lines += [
                f"### {number}. {signature} ({len(group)} case(s))",
                "",
                f"- repro: `{path}` ({size} bytes); labels: {'+'.join(small.labels)}",
                f"- command: `{command}`",
                f"- exit {shown.run.code}: {_first_last(shown.run.stderr)}",
                f"- detail: {shown.detail[:160]!r}",
            ]
            if shown.run.traceback:
                lines.append(f"- raised at: {shown.run.where}")
            lines.append("")
    return "\n".join(lines)


def main_cli(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--profiles", type=int, default=12_000)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--imports", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("fuzz-report.md"))
    parser.add_argument("--repros", type=Path, default=REPROS)
    parser.add_argument("--shrink-budget", type=int, default=120, help="runs per group; 0: none")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="policy-checker-fuzz-"))
    started = time.perf_counter()
    try:
        outcome = fuzz(
            args.profiles,
            args.files,
            args.imports,
            args.seed,
            work,
            progress=lambda line: print(line, file=sys.stderr, flush=True),
        )
        text = report(outcome, args.seed, work, args.repros, args.shrink_budget)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text += f"\nTotal time {time.perf_counter() - started:.0f} s.\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    bugs = outcome.of_kind("exit1", "escaped", "lost_good_rows")
    return 1 if bugs else 0


if __name__ == "__main__":
    sys.exit(main_cli())
