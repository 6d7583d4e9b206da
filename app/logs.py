"""Logging to a rotating file in the user's log directory; ``--verbose`` adds the terminal.

Every line is redacted as it is formatted (``db.redact``), tracebacks included: a database
password never reaches a log file or the terminal, whatever a driver put in its message.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

import platformdirs

from app import APP_NAME
from db.redact import redact

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFormatter(logging.Formatter):
    """A formatter whose output, message and traceback alike, has passwords masked."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def log_dir() -> Path:
    override = os.environ.get("POLICY_CHECKER_LOG_DIR")
    return (
        Path(override) if override else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    )


def setup_logging(verbose: bool = False) -> Path | None:
    """Send log records to ``policy-checker.log`` (1 MB x 5 files); return its path.

    When the log folder cannot be written, logging goes on to stderr only and None is returned.
    """
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    path: Path | None = log_dir() / f"{APP_NAME}.log"
    try:
        assert path is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
        file_handler.setFormatter(RedactingFormatter(_FORMAT))
        root.addHandler(file_handler)
    except OSError:
        path = None
    if verbose or path is None:
        stream = logging.StreamHandler(sys.stderr)
        stream.setLevel(logging.DEBUG if verbose else logging.WARNING)
        stream.setFormatter(RedactingFormatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(stream)
    return path
