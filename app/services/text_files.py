"""Which encoding a user's text file is in: UTF-8 (with or without a BOM) or GB18030.

Excel in China saves "CSV" as GB18030 (GBK), and a company list typed on a Chinese Windows
desktop often is; so every command that reads text accepts both, and refuses anything else with
one line. UTF-8 is tried first: GB18030 decodes most byte sequences, so a file that is valid
UTF-8 is read as UTF-8.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Final

ENCODINGS: Final = ("utf-8-sig", "gb18030")
NOT_TEXT: Final = "neither UTF-8 nor GB18030 text; save it as UTF-8 (in Excel: 'CSV UTF-8')"
_BLOCK: Final = 1 << 24


class NotText(ValueError):
    """The bytes are in neither encoding (the message is ``NOT_TEXT``)."""

    def __init__(self) -> None:
        super().__init__(NOT_TEXT)


def decode_text(raw: bytes) -> str:
    """The text of ``raw`` in the first encoding that reads it whole."""
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise NotText()


def _reads_whole(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with path.open("rb") as handle:
            while block := handle.read(_BLOCK):
                decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def file_encoding(path: Path) -> str:
    """The encoding a file is read with, found by reading it through (in blocks, so a file of
    any size costs no memory); NotText when neither reads it whole."""
    for encoding in ENCODINGS:
        if _reads_whole(path, encoding):
            return encoding
    raise NotText()


#: The longest CSV cell read (Python's default is 128 KiB). A longer cell is never a valid
#: answer, but read whole it is refused with the rest of its row by validation instead of
#: stopping the file; beyond this, reading stops with a message naming the row.
CSV_FIELD_LIMIT: Final = 16 * 2**20


class CsvRowError(ValueError):
    """A CSV record the reader cannot take (a cell over ``CSV_FIELD_LIMIT``); the message
    names its record: ``row N`` counting the header as row 1, blank lines included."""


def csv_rows(handle: Iterable[str], delimiter: str = ",") -> Iterator[list[str]]:
    """The records of a CSV text stream, as ``csv.reader`` reads them with the field limit
    above; CsvRowError, naming the record, where one cannot be read."""
    if csv.field_size_limit() != CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    reader = csv.reader(handle, delimiter=delimiter)
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise CsvRowError(
                f"row {number + 1}: {error}; this row and the rows after it were not read"
            ) from None
        number += 1
        yield row
