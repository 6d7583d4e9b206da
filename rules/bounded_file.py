"""Reading a file a user or a stranger named: a regular file within a size limit, or a refusal.

``Path.read_bytes`` on a device (``/dev/zero``, ``/dev/urandom``) reads until memory runs out,
on a FIFO it waits for a writer that may never come, and on a sparse file it allocates whatever
size the file claims. So ``read_bounded`` looks first (``os.stat``, which follows links: a
regular file no larger than the limit), opens without blocking (``O_NONBLOCK``: a FIFO put in
its place after the look cannot hold the open), looks again at what it opened, and reads no
more than the limit (a file that grows meanwhile is refused, not read on).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Final

# O_NONBLOCK and O_NOCTTY do not exist on Windows, which has no FIFOs or terminals to open.
_OPEN_FLAGS: Final = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)
_CHUNK: Final = 64 * 1024


class FileRefused(ValueError):
    """The path is not a regular file or is larger than the limit; the message says which,
    without the path (the caller names the file or field)."""


def describe_size(size: int) -> str:
    """``size`` in the unit a person reads: "2 MB", "512 KB", "100 bytes"."""
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale and size % scale == 0:
            return f"{size // scale} {unit}"
    return f"{size} bytes"


def _refusal(mode: int) -> str | None:
    """Why a file of this mode is not read, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a FIFO (named pipe), not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file"
    return "is not a regular file"


def _check(found: os.stat_result, max_bytes: int) -> None:
    refusal = _refusal(found.st_mode)
    if refusal is not None:
        raise FileRefused(refusal)
    if found.st_size > max_bytes:
        raise FileRefused(f"is larger than {describe_size(max_bytes)}")


def check_bounded(path: Path, max_bytes: int) -> None:
    """Raise FileRefused unless ``path`` is a regular file of at most ``max_bytes``; OSError
    (FileNotFoundError, PermissionError, ...) when it cannot be looked at."""
    _check(os.stat(path), max_bytes)


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, a regular file of at most ``max_bytes``.

    Raises FileRefused for anything else (a folder, a FIFO, a device, a socket, a larger
    file) before reading a byte of it, and OSError when it cannot be looked at or opened.
    """
    check_bounded(path, max_bytes)
    descriptor = os.open(path, _OPEN_FLAGS)
    with os.fdopen(descriptor, "rb", buffering=0) as file:
        _check(os.fstat(descriptor), max_bytes)
        chunks: list[bytes] = []
        size = 0
        while chunk := file.read(min(_CHUNK, max_bytes + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                raise FileRefused(f"is larger than {describe_size(max_bytes)}")
    return b"".join(chunks)
