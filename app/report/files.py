"""Writing report files safely: names made from company names, and atomic replacement.

A file is written to a temporary file in the target folder, flushed to disk, and renamed over
the target (``os.replace`` is atomic on POSIX and Windows), so a reader sees the old file or the
new one, never half of one, and a failure leaves nothing behind.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Final

#: Characters no file name may hold on Windows, macOS or Linux, and the C0/C1 controls.
_UNSAFE: Final = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f]')
_SPACES: Final = re.compile(r"\s+")
_WINDOWS_RESERVED: Final = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"COM{i}" for i in range(10)] + [f"LPT{i}" for i in range(10)]
)
#: Most file systems allow 255 bytes per name; leave room for a suffix and a temporary prefix.
MAX_STEM_BYTES: Final = 150


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_DEFAULT_MODE: Final = 0o666 & ~_umask()  # read once at import, before any thread starts


def safe_stem(text: str, fallback: str = "report") -> str:
    """A file-name stem made from free text (a company name) that names a file in one folder.

    Path separators, characters Windows forbids, controls, invisible format characters,
    leading dots and Windows device names are removed, so the result can never climb out of
    the folder or name a device. Chinese and other letters are kept: 光谷智算科技有限公司 stays
    readable.
    """
    stem = unicodedata.normalize("NFC", text)
    # Format characters (category Cf) include the bidi overrides that make "abc\u202efdp.exe"
    # display as "abcexe.pdf".
    stem = "".join(c for c in stem if unicodedata.category(c) != "Cf")
    stem = _SPACES.sub(" ", stem)
    stem = _UNSAFE.sub("_", stem).strip(" ._")
    while len(stem.encode("utf-8")) > MAX_STEM_BYTES:
        stem = stem[:-1]
    stem = stem.rstrip(" .")
    if stem.split(".")[0].upper() in _WINDOWS_RESERVED:
        stem = f"_{stem}"
    return stem or fallback


def report_file_name(company: str, as_of: str, suffix: str) -> str:
    """E.g. ``光谷智算科技有限公司_2026-11-26.pdf``."""
    return f"{safe_stem(company)}_{safe_stem(as_of, 'undated')}{suffix}"


def inside(folder: Path, name: str) -> Path:
    """``folder / name``, checked to be a file directly inside ``folder``."""
    target = folder / name
    if target.parent.resolve() != folder.resolve() or target.name != name:
        raise ValueError(f"{name!r} does not name a file inside {folder}")
    return target


def atomic_write(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file renamed into place."""
    target = Path(target)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name[:60]}.", suffix=".part"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            mode = target.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = _DEFAULT_MODE
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
