"""A pack folder read whole, and refused whole, before any of it is used.

A pack folder may come from someone else (a colleague's share, a pack file unpacked). Every file
the pack is made of (``pack.yaml``, ``notice.txt``, ``measures/*.yaml``, ``cases/*.yaml``) is read
here first, and each hostile one is named on a line of its own:

- a link, or a file in a linked folder, that leads outside the pack folder;
- anything but a regular file: a FIFO would hang the read, a device would never end;
- a file larger than ``MAX_FILE_BYTES``, more than ``MAX_FILES`` files or ``MAX_TOTAL_BYTES``
  in all;
- a file that is not UTF-8 text;
- YAML whose aliases expand past ``rules.yaml_loader.MAX_ALIAS_NODES`` (a "billion laughs"
  bomb), or with a tag that is not plain data (``!!python/object``...).

YAML that is merely malformed is not hostile: the loader stops at the same place without
building anything, and whoever loads the file (``load_pack``, ``load_cases``) says where.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

import yaml

from rules.bounded_file import FileRefused, describe_size, read_bounded
from rules.yaml_loader import ForeignTagError, YamlBombError, check_aliases, check_tags

# The bundled pack's largest files are 42 KB (measures/m03.yaml) and 32 KB (notice.txt): 2 MB
# leaves room for a notice fifty times as long while keeping the parse of any one file, which
# holds the whole text in memory several times over, short.
MAX_FILE_BYTES: Final = 2 * 1024 * 1024
# The bundled pack is ~1 MB in ~140 files; these bound a folder as pack files are bounded.
MAX_FILES: Final = 2_000
MAX_TOTAL_BYTES: Final = 32 * 1024 * 1024

RULE_FILES: Final = ("pack.yaml", "notice.txt")


@dataclass(frozen=True)
class PackTexts:
    """The text of every file of a pack, by its path inside the folder ("measures/m01.yaml")."""

    texts: dict[str, str]

    def rule_files(self) -> list[str]:
        """The files the rules are made of, in hash order: pack.yaml, notice.txt, measures."""
        return [*RULE_FILES, *(name for name in self.texts if name.startswith("measures/"))]


def pack_file_names(folder: Path, part: str | None = None) -> list[str]:
    """The pack's files, by their path inside ``folder``: the rule files, then the measures and
    the cases in name order; with ``part`` ("measures" or "cases"), only those."""
    parts = (part,) if part else ("measures", "cases")
    names = [] if part else list(RULE_FILES)
    for sub in parts:
        found = folder.glob(f"{sub}/*.yaml")
        names += sorted(path.relative_to(folder).as_posix() for path in found)
    return names


def read_pack_bytes(
    folder: Path, name: str, max_bytes: int = MAX_FILE_BYTES, root: Path | None = None
) -> bytes:
    """The bytes of file ``name`` of the pack in ``folder``: a regular file inside the folder
    of at most ``max_bytes``; else ValueError with one line naming the file. ``root`` is
    ``folder.resolve()``, when the caller reading many files has it already."""
    path = folder / name
    try:
        resolved = path.resolve()
        if not resolved.is_relative_to(root or folder.resolve()):
            raise ValueError(f"{name}: is a link to a file outside the pack folder")
        return read_bounded(resolved, max_bytes)
    except FileRefused as refusal:
        raise ValueError(f"{name}: {refusal}") from None
    except RuntimeError:  # Path.resolve on Python 3.11: a link loop
        raise ValueError(f"{name}: is a link in a loop") from None
    except OSError as error:
        raise ValueError(f"{name}: cannot be read: {error.strerror or error}") from None


def read_pack_file(folder: Path, name: str, root: Path | None = None) -> str:
    """The text of file ``name`` of the pack in ``folder``; ValueError with one line, naming
    the file, when it is hostile (see the module's docstring) or cannot be read."""
    data = read_pack_bytes(folder, name, root=root)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(
            f"{name}: is not UTF-8 text (byte {data[error.start]:#04x} at offset {error.start})"
        ) from None
    if name.endswith(".yaml"):
        try:
            check_aliases(text)
            check_tags(text)
        except (YamlBombError, ForeignTagError) as error:
            raise ValueError(f"{name}: {error}") from None
        except yaml.YAMLError:
            pass  # malformed, not hostile: the loader says where
    return text


def read_pack_folder(folder: Path) -> tuple[PackTexts, list[str]]:
    """Every file of the pack in ``folder`` read and checked: its texts, and one line per
    hostile or unreadable file (empty when none is; the pack is then usable as far as its
    files go)."""
    names = pack_file_names(folder)
    if len(names) > MAX_FILES:
        return PackTexts({}), [f"{folder}: more than {MAX_FILES} files"]
    texts: dict[str, str] = {}
    problems: list[str] = []
    total = 0
    root = folder.resolve()
    for name in names:
        try:
            text = read_pack_file(folder, name, root)
        except ValueError as error:
            problems.append(str(error))
            continue
        texts[name] = text
        total += len(text.encode("utf-8"))
        if total > MAX_TOTAL_BYTES:
            problems.append(f"{folder}: its files hold more than {describe_size(MAX_TOTAL_BYTES)}")
            break
    return PackTexts(texts), problems
