"""What every ``policy-check`` command shares: refusing input, dates, files, the pack, handlers."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from datetime import date
from importlib import import_module
from pathlib import Path
from typing import Any

from app.services.packs import PackChoiceError, active_pack_dir, find_pack
from app.services.text_files import NotText, decode_text
from rules.bounded_file import FileRefused, read_bounded
from rules.engine import Verdict
from rules.pack import Pack, PackError, load_pack
from rules.profile import Profile, ProfileError, load_profile_json

#: What a command runs: the parsed arguments in, the exit status out.
Handler = Callable[[argparse.Namespace], int]

VERDICT_LABELS: dict[Verdict, tuple[str, str]] = {
    "eligible": ("适用", "eligible"),
    "needs_info": ("待补充", "needs info"),
    "not_eligible": ("不适用", "not eligible"),
    "not_applicable": ("政府任务", "not applicable"),
}


class InputError(Exception):
    """Input was refused (exit 2); each line names the field, row or file and the reason."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


def parse_as_of(raw: str | None) -> date:
    """``--as-of``: a YYYY-MM-DD date, today when not given."""
    if raw is None:
        return date.today()
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InputError([f"--as-of: '{raw}' is not a date written YYYY-MM-DD"]) from None


#: The largest profile file read (a real one is a few kilobytes).
MAX_PROFILE_BYTES = 4 * 2**20


def read_text_file(path: Path, what: str, max_bytes: int = MAX_PROFILE_BYTES) -> str:
    """A UTF-8 (a BOM allowed) or GB18030 text file of at most ``max_bytes``, or InputError
    saying why it cannot be read: never a hang on a FIFO, never a device read into memory."""
    try:
        return decode_text(read_bounded(path, max_bytes))
    except FileNotFoundError:
        raise InputError([f"{what}: no such file: {path}"]) from None
    except IsADirectoryError:
        raise InputError([f"{what}: {path} is a folder, not a file"]) from None
    except FileRefused as error:
        raise InputError([f"{what}: {path} {error}"]) from None
    except NotText as error:
        raise InputError([f"{what}: {path} is {error}"]) from None
    except OSError as error:
        raise InputError([f"{what}: cannot read {path}: {error.strerror}"]) from None


def read_profile(raw: str) -> Profile:
    """The profile in JSON file ``raw``, or InputError with one line per problem."""
    try:
        return load_profile_json(read_text_file(Path(raw), "PROFILE"))
    except ProfileError as error:
        raise InputError(error.problems) from None


def pack_dir(raw: str | None) -> Path:
    """``--pack``: a pack folder, or an installed pack's ``id[@version]``; the pack in use
    (``policy-check rules use``) when None."""
    if not raw:
        return active_pack_dir()
    folder = Path(raw).expanduser()
    if folder.exists() or "/" in raw or "\\" in raw:
        return folder
    try:
        return find_pack(raw).folder
    except PackChoiceError as error:
        raise InputError([f"pack: {error}"]) from None


def load_pack_checked(raw: str | None) -> Pack:
    """The pack named by ``raw`` (see ``pack_dir``), or InputError listing its problems."""
    try:
        return load_pack(pack_dir(raw))
    except PackError as error:
        raise InputError([f"pack: {p}" for p in error.problems]) from None


def lazy_handler(module: str, name: str) -> Handler:
    """The handler ``name`` of ``module``, which is imported only when the command runs."""

    def run(args: argparse.Namespace) -> int:
        handler: Handler = getattr(import_module(module), name)
        return handler(args)

    return run


def add_action(
    sub: Any, name: str, handler: Handler, text: str, parent: argparse.ArgumentParser
) -> argparse.ArgumentParser:
    """Register the action ``name`` of a command group, with the options of ``parent``."""
    command: argparse.ArgumentParser = sub.add_parser(name, help=text, parents=[parent])
    command.set_defaults(handler=handler)
    return command
