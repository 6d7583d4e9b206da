"""The core's refusals shown in the interface language, never hidden."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from app.services.clients import ClientService
from app.services.clients_files import ClientFileError, iter_rows
from app.services.text_files import CSV_FIELD_LIMIT, CsvRowError, csv_rows
from app.ui.core_messages import error_text, plain_reason
from db.backup import BackupError, verify_backup
from db.errors import _POSTGRES_REFUSALS, _SQLITE_REFUSALS, DatabaseError, StorageError
from rules.bounded_file import FileRefused, check_bounded
from rules.profile import ProfileError, load_profile_json, parse_profile

CJK = re.compile(r"[\u4e00-\u9fff]")

WRONG = {
    "employees": -1,
    "annual_revenue": "lots",
    "zone": "wuhan",
    "credit_code": "91420100MA4KX8N35A",
    "industry_code": "5211",
    "established": "2019/6/18",
    "rd_expense_ratio": 150,
    "high_tech_enterprise": "maybe",
}


def refusal(key: str, value: object) -> str:
    with pytest.raises(ProfileError) as refused:
        parse_profile({"name": "x", key: value})
    (line,) = refused.value.problems
    return line


@pytest.mark.parametrize("key", sorted(WRONG))
def test_each_refusal_of_a_wrong_answer_is_said_in_chinese(chinese, key) -> None:
    line = refusal(key, WRONG[key])
    said = plain_reason(line)
    assert CJK.search(said), f"{line!r} -> {said!r}"
    assert not said.startswith(f"{key}:")


def test_english_keeps_the_meaning(qtbot) -> None:
    said = plain_reason(refusal("employees", -1))
    assert said == "-1 is out of range: it must be at least 0."
    assert plain_reason(refusal("credit_code", "91420100MA4KX8N35A")) == (
        "The last character should be J: check the code for a typo."
    )


def test_import_refusals_are_said_too(chinese) -> None:
    line = (
        "already in the roster as client #7 光谷智算科技有限公司 (same credit code "
        "91420100MA4KX8N35J) (--update saves the file's answers over it)"
    )
    said = plain_reason(line)
    assert "#7" in said and "光谷智算科技有限公司" in said and CJK.search(said)
    assert plain_reason("the same company as row 3") == "与本文件第 3 行是同一家企业。"


def test_an_unknown_wording_is_shown_as_it_is(chinese) -> None:
    assert plain_reason("something the core never said before") == (
        "something the core never said before"
    )


def test_the_refused_rows_table_speaks_chinese(chinese) -> None:
    from app.ui.export.controller import RefusedRowsModel, refused_rows

    model = RefusedRowsModel("zh")
    model.set_rows(
        refused_rows(
            [
                "row 3: credit_code: check character is wrong (expected J)",
                "row 4: employees: -3 is out of range (input should be greater than or equal to 0)",
            ]
        )
    )
    reasons = [model.index(row, RefusedRowsModel.REASON).data() for row in range(2)]
    assert reasons == ["最后一位应为 J：请检查代码是否有误。", "-3 超出范围：应不小于 0。"]
    assert model.index(1, RefusedRowsModel.FIELD).data() == "从业人员数"


# -- the refusals added with the hardening of inputs and of the database ------------------------


def said_in_chinese(line: str) -> str:
    said = plain_reason(line)
    assert CJK.search(said), f"{line!r} -> {said!r}"
    return said


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ('{"name": "a", "name": "b"}', "name"),
        ('{"name": "\\ud800"}', "\\ud800"),
        ('{"name": "x", "employees": ' + "1" * 5000 + "}", "5000"),
        ("[" * 5000 + "]" * 5000, ""),
        ('{"name": "x", "tags": ' + "[" * 12 + "]" * 12 + "}", ""),
        ('{"name": "x\\u0000y"}', "\\x00"),
    ],
    ids=["twice", "surrogate", "long-number", "deep", "deep-list", "nul"],
)
def test_each_refusal_of_a_damaged_profile_is_said_in_chinese(chinese, text, kept) -> None:
    with pytest.raises(ProfileError) as refused:
        load_profile_json(text)
    said = error_text(refused.value)
    assert CJK.search(said), f"{refused.value.problems!r} -> {said!r}"
    assert kept in said


def test_a_file_that_is_not_text_or_not_a_file_is_refused_in_chinese(
    chinese, tmp_path: Path
) -> None:
    latin = tmp_path / "clients.csv"
    latin.write_bytes(b"name\n\xff\xfe\xfa\n")
    with pytest.raises(ClientFileError) as refused:
        list(iter_rows(latin))
    said = error_text(refused.value)
    assert CJK.search(said) and "clients.csv" in said and "UTF-8" in said

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(FileRefused) as not_a_file:
        check_bounded(fifo, 1024)
    assert "命名管道" in said_in_chinese(f"pack.yaml: {not_a_file.value}")
    with pytest.raises(FileRefused) as device:
        check_bounded(Path("/dev/null"), 1024)
    assert said_in_chinese(str(device.value))
    big = tmp_path / "big"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(FileRefused) as larger:
        check_bounded(big, 1024)
    assert "1 KB" in said_in_chinese(f"pack.yaml: {larger.value}")


def test_a_csv_cell_over_the_limit_names_its_row_in_chinese(chinese) -> None:
    lines = ["name\n", "a\n", '"' + "x" * (CSV_FIELD_LIMIT + 1) + '"\n']
    with pytest.raises(CsvRowError) as refused:
        list(csv_rows(lines))
    said = said_in_chinese(str(refused.value))
    assert "第 3 行" in said and str(CSV_FIELD_LIMIT) in said


@pytest.mark.parametrize(
    "template",
    [text for _kind, text in (*_SQLITE_REFUSALS.values(), *_POSTGRES_REFUSALS.values())],
)
def test_every_refusal_of_the_database_is_said_in_chinese(chinese, template: str) -> None:
    where = "D:/desk/roster.db"
    said = said_in_chinese(template.format(where=where))
    assert where in said


def test_a_file_that_is_not_a_database_is_refused_in_chinese(chinese, tmp_path: Path) -> None:
    file = tmp_path / "roster.db"
    file.write_bytes(b"not a database at all, just some text" * 100)
    with pytest.raises(DatabaseError) as refused:
        ClientService.open(f"sqlite:///{file}")
    said = said_in_chinese(str(refused.value))
    assert str(file) in said


@pytest.mark.parametrize(
    "line",
    [
        "already in the roster as client #7 光谷智算 and 2 more (same name once normalised)",
        "another desk saved the same company at the same moment; nothing was saved",
        "client #12 does not exist (deleted?)",
        "client #3 (光谷智算) was changed by desk-2 at 2026-11-29 10:02 UTC (now version 4, you "
        "opened version 3); nothing was saved: reopen it and apply your changes again",
        "the database refused this row: D:/roster.db: the disk is full: nothing was saved",
    ],
)
def test_the_roster_refusals_are_said_in_chinese(chinese, line: str) -> None:
    said_in_chinese(line)


def test_a_damaged_backup_is_refused_in_chinese(chinese, tmp_path: Path) -> None:
    backup = tmp_path / "roster.pcbackup"
    backup.write_bytes(b"\x1f\x8b this is no gzip stream")
    with pytest.raises(BackupError) as refused:
        verify_backup(backup)
    said = said_in_chinese(str(refused.value))
    assert str(backup) in said


def test_the_window_shows_a_database_refusal_in_chinese(chinese, qtbot) -> None:
    from app.ui.profile_editor.controller import save_error_text

    said = save_error_text(
        StorageError("D:/roster.db is read-only (file or folder): nothing was saved")
    )
    assert said.startswith("D:/roster.db") and CJK.search(said)
    unknown = StorageError("D:/roster.db: something new went wrong")
    assert save_error_text(unknown) == "D:/roster.db: something new went wrong"
