"""Pack files: a pack folder as one zip with a manifest, built and checked before any use.

A pack file is a zip holding the pack folder's files at its root (``pack.yaml``, ``notice.txt``,
``measures/*.yaml``, ``cases/*.yaml``, ``*.md``) and ``manifest.json``::

    {"format": 1, "id": "hubei_ftz_2021", "version": "0.4.0",
     "sha256": "<rules.pack.content_hash of the folder>", "created_at": "2026-11-30T08:00:00Z"}

``build_pack_file`` writes one from a folder whose lint is clean and whose cases pass.
``unpack_checked`` takes one apart into an empty folder and refuses it whole, with one line that
says why, unless every check passes: a well-formed zip within size and count limits (a zip bomb
is refused before it is inflated, and inflated bytes are counted as they come), every member a
plain file or folder inside the pack's layout (no absolute path, no ``..``, no link), a manifest
of a known format, no YAML bomb, the content hash recomputed equal to the manifest's, id and
version matching ``pack.yaml``, lint clean and the pack's own cases passing. Nothing in a pack
file is ever executed: its YAML goes through the safe loader and becomes typed data.
"""

from __future__ import annotations

import json
import logging
import os
import re
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any, Final, Literal

import yaml

from rules.cases import run_cases
from rules.lint import lint_loaded
from rules.pack import Pack, PackError, content_hash, load_pack
from rules.pack_folder import MAX_FILE_BYTES as MAX_PACK_FOLDER_FILE_BYTES
from rules.yaml_loader import YamlBombError, check_aliases

log = logging.getLogger(__name__)

FORMAT_VERSION: Final = 1
MANIFEST_NAME: Final = "manifest.json"
SUFFIX: Final = ".pcpack"

# Limits: the bundled pack is ~1 MB in ~140 files; these leave room for larger notices.
MAX_FILE_BYTES: Final = 32 * 1024 * 1024  # the pack file itself
MAX_MEMBERS: Final = 2_000
MAX_MEMBER_BYTES: Final = MAX_PACK_FOLDER_FILE_BYTES  # one file, inflated: as a pack folder allows
MAX_TOTAL_BYTES: Final = 64 * 1024 * 1024  # all files, inflated
MAX_RATIO: Final = 100  # inflated : compressed, for members above RATIO_FROM bytes
RATIO_FROM: Final = 1024 * 1024
_CHUNK: Final = 64 * 1024

PACK_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
PACK_VERSION = re.compile(r"[0-9][0-9A-Za-z.+-]{0,31}")
# The members a pack file may hold: the pack's data and its docs, nothing else.
_LAYOUT = re.compile(
    r"(pack\.yaml|notice\.txt|manifest\.json|[A-Za-z0-9_.-]+\.md"
    r"|(measures|cases)/[A-Za-z0-9_.-]+\.yaml|(measures|cases)/)"
)
_ALLOWED_TYPES: Final = (0, stat.S_IFREG, stat.S_IFDIR)  # 0: made where modes are not kept


#: Why a pack file is refused, for a user interface to say in its own words.
RefusalKind = Literal[
    "unreadable",  # the file cannot be read
    "not_zip",  # not a zip archive, or a damaged one
    "unsafe",  # a member outside the pack's folder, or a link
    "too_big",  # over the size or count limits (a zip bomb)
    "not_pack",  # members that are no part of a pack
    "manifest",  # manifest.json missing or malformed, or naming another pack
    "format",  # a manifest format this version does not know
    "yaml_bomb",  # YAML whose aliases expand without bound
    "hash",  # the content hash differs from the manifest's
    "invalid",  # the pack does not load, its lint is not clean or its cases fail
    "exists",  # this id and version are installed with other content
    "io",  # the packs folder cannot be written
]


class PackFileError(ValueError):
    """The pack file was refused; the message is one line saying why, ``kind`` the sort of
    refusal. ``details`` holds every problem where there were several (lint, failing cases)."""

    def __init__(self, kind: RefusalKind, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.kind: RefusalKind = kind
        self.details = details or [message]


@dataclass(frozen=True)
class PackFileManifest:
    format: int
    id: str
    version: str
    sha256: str
    created_at: str

    @property
    def ref(self) -> str:
        """``id@version``, as ``policy-check rules use`` takes it."""
        return f"{self.id}@{self.version}"


def check_id_and_version(pack_id: str, version: str) -> None:
    """Refuse an id or version that cannot name a folder (``<id>-<version>``) safely."""
    if not PACK_ID.fullmatch(pack_id):
        raise PackFileError(
            "invalid",
            f"pack id '{pack_id}' is not allowed (lower-case letters, digits, '_' and '-')",
        )
    if not PACK_VERSION.fullmatch(version):
        raise PackFileError(
            "invalid",
            f"pack version '{version}' is not allowed (a digit first, then letters, digits, "
            "'.', '+' and '-')",
        )


# ----------------------------------------------------------------------------- building


def _pack_members(folder: Path) -> list[Path]:
    """The files a pack file holds: what load_pack and run_cases read, and the docs."""
    return sorted(
        [
            folder / "pack.yaml",
            folder / "notice.txt",
            *folder.glob("measures/*.yaml"),
            *folder.glob("cases/*.yaml"),
            *folder.glob("*.md"),
        ]
    )


def check_folder(folder: Path) -> Pack:
    """The pack in ``folder`` when it loads, its lint is clean and its cases pass; else
    PackFileError."""
    try:
        pack = load_pack(folder)
    except PackError as error:
        raise _problems_error("the pack does not load", error.problems) from None
    problems = lint_loaded(pack)
    if problems:
        raise _problems_error("lint", problems)
    try:
        outcomes = run_cases(folder)
    except (ValueError, yaml.YAMLError, OSError) as error:
        raise PackFileError("invalid", f"its cases cannot be read: {_first_line(error)}") from None
    failures = [
        f"{o.file}: {o.case.name}: {failure}"
        for o in outcomes
        if not o.passed
        for failure in o.failures
    ]
    if failures:
        raise _problems_error("its cases", failures)
    check_id_and_version(pack.id, pack.version)
    return pack


def build_pack_file(folder: Path, out: Path, now: datetime | None = None) -> PackFileManifest:
    """Write the pack in ``folder`` to the pack file ``out`` (written aside, then renamed)."""
    pack = check_folder(folder)
    created = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    manifest = PackFileManifest(FORMAT_VERSION, pack.id, pack.version, pack.sha256, created)
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(handle)
    try:
        os.chmod(temporary, 0o644)  # a file to hand on, not mkstemp's private one
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            _add(archive, MANIFEST_NAME, _manifest_json(manifest))
            for path in _pack_members(folder):
                _add(archive, path.relative_to(folder).as_posix(), path.read_bytes())
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return manifest


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    # A fixed date and mode: the same folder gives the same members, whoever builds it.
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


def _manifest_json(manifest: PackFileManifest) -> bytes:
    data = {
        "format": manifest.format,
        "id": manifest.id,
        "version": manifest.version,
        "sha256": manifest.sha256,
        "created_at": manifest.created_at,
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()


# ----------------------------------------------------------------------------- checking


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _problems_error(what: str, problems: list[str]) -> PackFileError:
    first = problems[0].strip().splitlines()[0]
    return PackFileError(
        "invalid", f"{what}: {len(problems)} problem(s), the first: {first}", problems
    )


def _open_archive(path: Path) -> zipfile.ZipFile:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise PackFileError("unreadable", f"no such file: {path}") from None
    except OSError as error:
        raise PackFileError("unreadable", f"cannot read {path}: {error.strerror}") from None
    if not path.is_file():
        raise PackFileError("unreadable", f"{path} is not a file")
    if size > MAX_FILE_BYTES:
        raise PackFileError("too_big", f"{path.name} is larger than {MAX_FILE_BYTES // 2**20} MB")
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise PackFileError(
            "not_zip", f"{path.name} is not a pack file (not a zip archive)"
        ) from None
    except OSError as error:
        raise PackFileError(
            "unreadable", f"cannot read {path}: {error.strerror or error}"
        ) from None


def _member_problem(info: zipfile.ZipInfo) -> tuple[RefusalKind, str] | None:
    """Why a member may not be unpacked, or None."""
    name = info.filename
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "unsafe", f"member '{name}' is a symbolic link"
    if stat.S_IFMT(mode) not in _ALLOWED_TYPES:
        return "unsafe", f"member '{name}' is not a plain file"
    if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name):
        return "unsafe", f"member '{name}' has an absolute path"
    if "\\" in name or "\0" in name:
        return "unsafe", f"member '{name}' has a name no pack file uses"
    if ".." in PurePosixPath(name).parts:
        return "unsafe", f"member '{name}' points outside the pack folder"
    if not _LAYOUT.fullmatch(name):
        return (
            "not_pack",
            f"member '{name}' is not part of a pack (pack.yaml, notice.txt, measures/*.yaml, "
            "cases/*.yaml, *.md, manifest.json)",
        )
    if info.flag_bits & 0x1:
        return "not_pack", f"member '{name}' is encrypted"
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return "not_pack", f"member '{name}' is compressed in a way pack files do not use"
    if info.file_size > MAX_MEMBER_BYTES:
        return "too_big", f"member '{name}' is larger than {MAX_MEMBER_BYTES // 2**20} MB"
    if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        return "too_big", f"member '{name}' inflates more than {MAX_RATIO} times (a zip bomb?)"
    return None


def _check_members(members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise PackFileError("too_big", f"it holds more than {MAX_MEMBERS} files")
    seen: set[str] = set()
    for info in members:
        problem = _member_problem(info)
        if problem:
            raise PackFileError(*problem)
        key = info.filename.casefold()
        if key in seen:
            raise PackFileError("not_pack", f"member '{info.filename}' is there twice")
        seen.add(key)
    if sum(info.file_size for info in members) > MAX_TOTAL_BYTES:
        raise PackFileError(
            "too_big", f"its files inflate to more than {MAX_TOTAL_BYTES // 2**20} MB"
        )
    names = {info.filename for info in members}
    for required in (MANIFEST_NAME, "pack.yaml", "notice.txt"):
        if required not in names:
            raise PackFileError(
                "manifest" if required == MANIFEST_NAME else "not_pack", f"it has no {required}"
            )


def _read_manifest(archive: zipfile.ZipFile) -> PackFileManifest:
    try:
        raw: Any = json.loads(archive.read(MANIFEST_NAME).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PackFileError("manifest", f"{MANIFEST_NAME} is not JSON") from None
    if not isinstance(raw, dict):
        raise PackFileError("manifest", f"{MANIFEST_NAME} is not a JSON object")
    form = raw.get("format")
    if form != FORMAT_VERSION:
        raise PackFileError(
            "format",
            f"{MANIFEST_NAME}: format {form!r} is not known to this version of policy-checker "
            f"(it reads format {FORMAT_VERSION}); update the app to install this pack",
        )
    fields = {}
    for key in ("id", "version", "sha256", "created_at"):
        value = raw.get(key)
        if not isinstance(value, str) or not value:
            raise PackFileError("manifest", f"{MANIFEST_NAME}: '{key}' is missing")
        fields[key] = value
    if not re.fullmatch(r"[0-9a-f]{64}", fields["sha256"]):
        raise PackFileError("manifest", f"{MANIFEST_NAME}: 'sha256' is not a SHA-256 in hex")
    check_id_and_version(fields["id"], fields["version"])
    return PackFileManifest(FORMAT_VERSION, **fields)


def _extract(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], into: Path) -> None:
    """Inflate the members into ``into``, counting bytes as they come: a member that inflates
    beyond what it declared, or the whole beyond the limit, stops it."""
    total = 0
    root = into.resolve()
    for info in members:
        target = into / info.filename
        if not target.resolve().is_relative_to(root):  # the names were checked; this is a net
            raise PackFileError(
                "unsafe", f"member '{info.filename}' points outside the pack folder"
            )
        if info.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        written = 0
        with archive.open(info) as source, target.open("xb") as sink:
            while chunk := source.read(_CHUNK):
                written += len(chunk)
                total += len(chunk)
                if written > info.file_size or total > MAX_TOTAL_BYTES:
                    raise PackFileError(
                        "too_big", f"member '{info.filename}' inflates beyond its size"
                    )
                sink.write(chunk)


def _check_yaml(folder: Path) -> None:
    """Refuse a YAML bomb before any file is loaded (loading would refuse it too, as one
    problem among others; here it is named for what it is)."""
    for path in sorted(folder.rglob("*.yaml")):
        name = path.relative_to(folder).as_posix()
        try:
            check_aliases(path.read_text(encoding="utf-8"))
        except YamlBombError as error:
            raise PackFileError("yaml_bomb", f"{name}: {error}") from None
        except (UnicodeDecodeError, yaml.YAMLError) as error:
            raise PackFileError("invalid", f"{name}: {_first_line(error)}") from None


@dataclass(frozen=True)
class CheckedPack:
    manifest: PackFileManifest
    pack: Pack


def unpack_checked(path: Path, into: Path) -> CheckedPack:
    """Take the pack file ``path`` apart into the empty folder ``into`` and check it whole;
    PackFileError (one line) at the first check that fails. The caller removes ``into`` then."""
    with _open_archive(path) as archive:
        try:
            members = archive.infolist()
            _check_members(members)
            manifest = _read_manifest(archive)
            _extract(archive, members, into)
        except zipfile.BadZipFile as error:
            raise PackFileError(
                "not_zip", f"{path.name} is damaged: {_first_line(error)}"
            ) from None
        except (OSError, EOFError, NotImplementedError, RuntimeError) as error:
            raise PackFileError(
                "not_zip", f"{path.name} cannot be unpacked: {_first_line(error)}"
            ) from None
    found = content_hash(into)
    if found != manifest.sha256:
        raise PackFileError(
            "hash",
            f"its content hash {found[:12]}… differs from the manifest's {manifest.sha256[:12]}… "
            "(the files were changed after the pack was made)",
        )
    _check_yaml(into)
    pack = check_folder(into)
    if (pack.id, pack.version) != (manifest.id, manifest.version):
        raise PackFileError(
            "manifest",
            f"{MANIFEST_NAME} names {manifest.ref} but pack.yaml is {pack.id}@{pack.version}",
        )
    return CheckedPack(manifest, pack)


def read_manifest_file(path: Path) -> PackFileManifest | None:
    """The manifest kept beside an installed pack, or None when it is missing or unreadable."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return PackFileManifest(
            int(raw["format"]), raw["id"], raw["version"], raw["sha256"], raw["created_at"]
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
