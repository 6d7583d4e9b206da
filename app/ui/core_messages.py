"""The core's refusals (profile validation, import checks, the database) in the interface language.

``rules/``, ``db/`` and ``app/services`` word their refusals in English for the command line and
logs, one line per problem naming the field, the file or the client. The window shows the same
refusals in Chinese too: each known wording is matched here and said again through ``tr()``; an
unknown one is shown as it is, so nothing is ever hidden. ``error_text`` is the way a screen shows
a refusal it caught.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _bound(words: str) -> str:
    return {
        "greater than or equal to": translate("CoreMessages", "at least"),
        "less than or equal to": translate("CoreMessages", "at most"),
        "greater than": translate("CoreMessages", "more than"),
        "less than": translate("CoreMessages", "less than"),
    }[words]


def _kind(words: str) -> str:
    return {
        "a whole number": translate("CoreMessages", "a whole number"),
        "a number": translate("CoreMessages", "a number"),
        "true or false": translate("CoreMessages", "yes or no"),
        "text": translate("CoreMessages", "text"),
        "a list": translate("CoreMessages", "a list"),
    }[words]


_RULES: list[_Rule] = [
    (
        re.compile(
            r"^(?P<value>(?:(?!: ).)+) is out of range \(input should be "
            r"(?P<bound>greater than or equal to|less than or equal to|greater than|less than) "
            r"(?P<limit>[-\d.]+)\)$"
        ),
        lambda m: translate(
            "CoreMessages", "{value} is out of range: it must be {bound} {limit}."
        ).format(value=m["value"], bound=_bound(m["bound"]), limit=m["limit"]),
    ),
    (
        re.compile(
            r"^expected (?P<kind>a whole number|a number|true or false|text|a list), "
            r"got (?P<value>.+)$"
        ),
        lambda m: translate("CoreMessages", "Expected {kind}, got {value}.").format(
            kind=_kind(m["kind"]), value=m["value"]
        ),
    ),
    (
        re.compile(r"^'(?P<value>.*)' is not one of the allowed values \(.*\)$"),
        lambda m: translate("CoreMessages", "“{value}” is not one of the allowed answers.").format(
            value=m["value"]
        ),
    ),
    (
        re.compile(r"^check character is wrong \(expected (?P<char>.)\)$"),
        lambda m: translate(
            "CoreMessages",
            "The last character should be {char}: check the code for a typo.",
        ).format(char=m["char"]),
    ),
    (
        re.compile(r"^must be 18 characters, got (?P<count>\d+)$"),
        lambda m: translate(
            "CoreMessages", "A credit code has 18 characters; this one has {count}."
        ).format(count=m["count"]),
    ),
    (
        re.compile(r"^may use only digits and capital letters other than I, O, S, V, Z$"),
        lambda m: translate(
            "CoreMessages",
            "A credit code uses only digits and capital letters other than I, O, S, V and Z.",
        ),
    ),
    (
        re.compile(r"^must be a date written YYYY-MM-DD$"),
        lambda m: translate("CoreMessages", "Write the date as YYYY-MM-DD, e.g. 2019-06-18."),
    ),
    (
        re.compile(r"^'(?P<value>.*)' is not a real date$"),
        lambda m: translate("CoreMessages", "{value} is not a real date.").format(value=m["value"]),
    ),
    (
        re.compile(r"^'(?P<value>.*)' is listed twice$"),
        lambda m: translate("CoreMessages", "“{value}” is listed twice.").format(value=m["value"]),
    ),
    (
        re.compile(r"^unknown key \(not a profile field; check the spelling\)$"),
        lambda m: translate(
            "CoreMessages", "This is not a question of the profile: check the column's name."
        ),
    ),
    (
        re.compile(r"^required$"),
        lambda m: translate("CoreMessages", "This answer is required."),
    ),
    (
        re.compile(r"^null is not an answer here; leave the key out if it is unknown$"),
        lambda m: translate(
            "CoreMessages", "An empty answer is not allowed here; leave it out if unknown."
        ),
    ),
    (
        re.compile(r"^'(?P<value>.*)' is not a GB/T 4754-2017 code.*$"),
        lambda m: translate(
            "CoreMessages",
            "“{value}” is not a GB/T 4754-2017 industry code (a letter A–T and 0, 2, 3 or 4 "
            "digits, e.g. C3976).",
        ).format(value=m["value"]),
    ),
    (
        re.compile(r"^'(?P<value>.*)' lacks its section letter.*$"),
        lambda m: translate(
            "CoreMessages",
            "“{value}” lacks its section letter: write it as in GB/T 4754-2017, e.g. C3976.",
        ).format(value=m["value"]),
    ),
    (
        re.compile(r"^'(?P<value>.*)': there is no (?P<what>division|group|class) .*$"),
        lambda m: translate(
            "CoreMessages", "“{value}” is not in the GB/T 4754-2017 classification."
        ).format(value=m["value"]),
    ),
    (
        re.compile(r"^the same company as (?P<row>.+)$"),
        lambda m: translate("CoreMessages", "The same company as {row} of this file.").format(
            row=_place(m["row"])
        ),
    ),
    (
        re.compile(
            r"^already in the roster as client #(?P<id>\d+) (?P<name>.+?)(?P<more> and \d+ more)? "
            r"\((?P<why>same credit code \S+|same name once normalised)\)"
            r"(?P<hint> \(--update saves the file's answers over it\))?$"
        ),
        lambda m: (
            translate("CoreMessages", "Already in the roster as client #{id} {name}.").format(
                id=m["id"], name=m["name"]
            )
            + (
                translate(
                    "CoreMessages",
                    " Tick “update clients already in the roster” to save the file's answers.",
                )
                if m["hint"]
                else ""
            )
        ),
    ),
    (
        re.compile(r"^(?P<count>\d+) cell\(s\) beyond the last column$"),
        lambda m: translate("CoreMessages", "{count} cells beyond the last column.").format(
            count=m["count"]
        ),
    ),
]


def _not_a_file(what: str) -> str:
    return {
        "a folder": translate("CoreMessages", "a folder"),
        "a FIFO (named pipe)": translate("CoreMessages", "a named pipe (FIFO)"),
        "a device": translate("CoreMessages", "a device"),
        "a socket": translate("CoreMessages", "a socket"),
    }[what]


def _named(name: str | None, text: str) -> str:
    """``text`` about a file, led by its name when the refusal gave one."""
    if not name:
        return text
    return translate("CoreMessages", "{name}: {text}").format(name=name, text=text)


# Profiles and the files they come in (rules/json_input.py, rules/profile.py,
# rules/bounded_file.py, app/services/text_files.py, app/services/clients.py).
_INPUT_RULES: list[_Rule] = [
    (
        re.compile(r"^(?:(?P<key>.+): )?given twice; keep one of the two$"),
        lambda m: (
            translate("CoreMessages", "“{key}” is given twice; keep one of the two.").format(
                key=m["key"]
            )
            if m["key"]
            else translate("CoreMessages", "This answer is given twice; keep one of the two.")
        ),
    ),
    (
        re.compile(r"^(?P<key>a key )?holds a lone surrogate \((?P<code>\\u[0-9a-f]{4})\), .*$"),
        lambda m: translate(
            "CoreMessages",
            "The text is damaged: it holds {code}, half of a character that cannot be stored.",
        ).format(code=m["code"]),
    ),
    (
        re.compile(r"^nested deeper than any profile(?: \((?P<levels>\d+) levels\))?$"),
        lambda m: translate(
            "CoreMessages", "Lists or objects are nested deeper than any profile's answers."
        ),
    ),
    (
        re.compile(r"^a whole number of (?P<digits>\d+) digits is longer than any answer$"),
        lambda m: translate(
            "CoreMessages", "A whole number of {digits} digits is longer than any answer."
        ).format(digits=m["digits"]),
    ),
    (
        re.compile(r"^contains a NUL character \(\\x00\), which no database stores as text$"),
        lambda m: translate(
            "CoreMessages",
            "The text holds a NUL character (\\x00), which no database can store: retype it.",
        ),
    ),
    (
        re.compile(r"^(?:(?P<name>.+) is )?neither UTF-8 nor GB18030 text; save it as UTF-8 .*$"),
        lambda m: _named(
            m["name"],
            translate(
                "CoreMessages",
                "The file is neither UTF-8 nor GB18030 text: save it as UTF-8 "
                "(in Excel: “CSV UTF-8”).",
            ),
        ),
    ),
    (
        re.compile(
            r"^(?:(?P<name>.+?):? )?is (?P<what>a folder|a FIFO \(named pipe\)|a device|a socket), "
            r"not a file$"
        ),
        lambda m: _named(
            m["name"],
            translate("CoreMessages", "This is {what}, not a file.").format(
                what=_not_a_file(m["what"])
            ),
        ),
    ),
    (
        re.compile(r"^(?:(?P<name>.+?):? )?is larger than (?P<size>\d+ (?:GB|MB|KB|bytes))$"),
        lambda m: _named(
            m["name"],
            translate("CoreMessages", "The file is larger than {size}.").format(size=m["size"]),
        ),
    ),
    (
        re.compile(
            r"^(?:(?P<row>row \d+): )?field larger than field limit \((?P<limit>\d+)\); "
            r"this row and the rows after it were not read$"
        ),
        lambda m: _named(
            _place(m["row"]) if m["row"] else None,
            translate(
                "CoreMessages",
                "A cell is longer than {limit} characters; this row and the rows after it were "
                "not read.",
            ).format(limit=m["limit"]),
        ),
    ),
    (
        re.compile(r"^the database refused this row: (?P<why>.+)$"),
        lambda m: translate("CoreMessages", "The database refused this row: {why}").format(
            why=plain_reason(m["why"])
        ),
    ),
]

# The database's refusals (db/errors.py, db/repositories/clients.py); ``where`` is a file or a
# server, without the password.
_DATABASE_RULES: list[_Rule] = [
    (
        re.compile(r"^(?P<where>.+) is not a SQLite database, or its header is damaged$"),
        lambda m: translate(
            "CoreMessages", "{where} is not a roster database, or its beginning is damaged."
        ).format(where=m["where"]),
    ),
    (
        re.compile(r"^(?P<where>.+) is damaged: restore a backup \(policy-check db restore\)$"),
        lambda m: translate(
            "CoreMessages", "{where} is damaged: restore a backup (policy-check db restore)."
        ).format(where=m["where"]),
    ),
    (
        re.compile(
            r"^cannot open (?P<where>.+): the file or its folder cannot be read or written$"
        ),
        lambda m: translate(
            "CoreMessages",
            "{where} cannot be opened: the file or its folder cannot be read or written.",
        ).format(where=m["where"]),
    ),
    (
        re.compile(r"^(?P<where>.+) is read-only(?: \(file or folder\))?: nothing was saved$"),
        lambda m: translate(
            "CoreMessages", "{where} is read-only (the file or its folder): nothing was saved."
        ).format(where=m["where"]),
    ),
    (
        re.compile(r"^(?P<where>.+): permission denied: nothing was saved$"),
        lambda m: translate(
            "CoreMessages", "{where}: permission denied: nothing was saved."
        ).format(where=m["where"]),
    ),
    (
        re.compile(r"^(?P<where>.+): the (?P<server>server's )?disk is full: nothing was saved$"),
        lambda m: (
            translate("CoreMessages", "{where}: the server's disk is full: nothing was saved.")
            if m["server"]
            else translate("CoreMessages", "{where}: the disk is full: nothing was saved.")
        ).format(where=m["where"]),
    ),
    (
        re.compile(r"^(?P<where>.+): the disk failed to read or write \(full\?\)$"),
        lambda m: translate(
            "CoreMessages", "{where}: the disk failed to read or write (is it full?)."
        ).format(where=m["where"]),
    ),
    (
        re.compile(
            r"^(?P<where>.+) is busy: another program has held it locked too long; try again$"
        ),
        lambda m: translate(
            "CoreMessages",
            "{where} is busy: another program has kept it locked too long. Try again.",
        ).format(where=m["where"]),
    ),
    (
        re.compile(r"^another desk saved the same company at the same moment; nothing was saved$"),
        lambda m: translate(
            "CoreMessages",
            "Another desk saved the same company at the same moment; nothing was saved.",
        ),
    ),
    (
        re.compile(r"^client #(?P<id>\d+) does not exist \(deleted\?\)$"),
        lambda m: translate(
            "CoreMessages", "Client #{id} does not exist (deleted at another desk?)."
        ).format(id=m["id"]),
    ),
    (
        re.compile(
            r"^(?P<label>.+) was changed by (?:someone else while you were saving it|"
            r"(?P<user>.+) at (?P<when>.+) \(now version \d+, you opened version \d+\)); "
            r"nothing was saved: reopen it and apply your changes again$"
        ),
        lambda m: (
            translate(
                "CoreMessages",
                "{user} changed this client at {when}; nothing was saved: reopen it and apply "
                "your changes again.",
            ).format(user=m["user"], when=m["when"])
            if m["user"]
            else translate(
                "CoreMessages",
                "Someone else changed this client while you were saving it; nothing was saved: "
                "reopen it and apply your changes again.",
            )
        ),
    ),
    (
        re.compile(r"^cannot open (?P<where>.+?): (?P<why>.+)$"),
        lambda m: translate("CoreMessages", "{where} cannot be opened: {why}").format(
            where=m["where"], why=m["why"]
        ),
    ),
]


def _backup_why(why: str) -> str:
    fixed = {
        "the file is empty": translate("CoreMessages", "the file is empty"),
        "not a policy-checker backup": translate("CoreMessages", "it is not a backup of this app"),
        "the backup is incomplete (truncated?) or its row counts differ": translate(
            "CoreMessages", "the backup is incomplete (cut short?)"
        ),
        "the checksum line is missing (cut short?)": translate(
            "CoreMessages", "its checksum is missing (cut short?)"
        ),
        "the checksum does not match: the file was altered or damaged": translate(
            "CoreMessages", "its checksum does not match: the file was altered or damaged"
        ),
        "the file changed while it was being restored": translate(
            "CoreMessages", "the file changed while it was being restored"
        ),
    }
    if why in fixed:
        return fixed[why]
    if why.startswith("damaged or cut short"):
        return translate("CoreMessages", "the file is damaged or cut short")
    line = re.match(r"^line (?P<number>\d+)\b", why)
    if line is not None:
        return translate("CoreMessages", "line {number} of the file is damaged").format(
            number=line["number"]
        )
    return why


# Backups and restores (db/backup.py).
_BACKUP_RULES: list[_Rule] = [
    (
        re.compile(r"^(?P<path>.+?): (?P<why>.+); nothing was restored$"),
        lambda m: translate(
            "CoreMessages", "{path} cannot be restored: {why}. Nothing was restored."
        ).format(path=m["path"], why=_backup_why(m["why"])),
    ),
    (
        re.compile(r"^the database is empty: there is nothing to back up$"),
        lambda m: translate("CoreMessages", "The database is empty: there is nothing to back up."),
    ),
    (
        re.compile(r"^cannot write (?P<path>.+?): (?P<why>.+)$"),
        lambda m: translate("CoreMessages", "{path} cannot be written: {why}").format(
            path=m["path"], why=m["why"]
        ),
    ),
    (
        re.compile(r"^the backup's schema revision \S+ is newer than this version .*$"),
        lambda m: translate(
            "CoreMessages", "The backup was made by a newer version of the app: update the app."
        ),
    ),
    (
        re.compile(r"^the database already holds (?P<rows>\d+) rows: restore into an empty .*$"),
        lambda m: translate(
            "CoreMessages",
            "The database already holds {rows} records: restore into an empty database, or "
            "replace its contents.",
        ).format(rows=m["rows"]),
    ),
]


_ALL_RULES = _RULES + _INPUT_RULES + _DATABASE_RULES + _BACKUP_RULES

_FIELD = re.compile(r"^(?P<field>[a-z_]+)(?:\[\d+\]|\.\w+)*: (?P<rest>.+)$")
_PLACE = re.compile(r"^(?P<kind>row|line|item) (?P<number>\d+)$")


def _place(label: str) -> str:
    match = _PLACE.match(label)
    if match is None:
        return label
    return translate("CoreMessages", "row {number}").format(number=match["number"])


def plain_reason(text: str) -> str:
    """``text`` (one refusal, with or without a leading ``field:``) said again through tr();
    unchanged when its wording is not a known one."""
    for pattern, say in _ALL_RULES:
        match = pattern.match(text)
        if match:
            return say(match)
    field = _FIELD.match(text)
    if field is not None:
        said = plain_reason(field["rest"])
        if said != field["rest"]:
            return said
    return text


def error_text(error: BaseException) -> str:
    """A refusal the core raised (its message written for a user), in the interface language."""
    problems = getattr(error, "problems", None)
    if isinstance(problems, list) and problems:
        return "; ".join(plain_reason(str(problem)) for problem in problems)
    return plain_reason(str(error))
