"""Passwords are taken out of every message: URLs, mistyped URLs, options, remembered ones."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from app.logs import setup_logging
from db.engine import parse_url
from db.errors import DatabaseUnavailableError
from db.redact import one_line, redact, remember


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("postgresql://desk:pw@centre/db", "postgresql://desk:***@centre/db"),
        ("postgresql://desk:p@ss/w0rd@centre/db", "postgresql://desk:***@centre/db"),
        ("'postgresql//desk:pw@centre/db' is not", "'postgresql//desk:***@centre/db' is not"),
        ("desk:pw@centre", "desk:***@centre"),
        ("host=centre password=pw user=desk", "host=centre password=*** user=desk"),
        ('{"password": "pw"}', '{"password": "***"}'),
        ("PGPASSWORD=pw psql", "PGPASSWORD=*** psql"),
        # what must stay: no password in it
        ("postgresql://desk@centre:5432/db", "postgresql://desk@centre:5432/db"),
        ("sqlite:////srv/a:b@c.sqlite3", "sqlite:////srv/a:b@c.sqlite3"),
        ('password authentication failed for user "desk"', None),
        ("at 12:30 the desk saved", None),
    ],
)
def test_passwords_are_masked_and_nothing_else(text: str, shown: str | None) -> None:
    assert redact(text) == (text if shown is None else shown)


def test_a_password_once_connected_with_is_masked_anywhere(tmp_path: Path) -> None:
    parse_url("postgresql://desk:Remembered%2Fpw@centre/db")
    assert redact("the driver said: Remembered/pw is wrong") == "the driver said: *** is wrong"
    remember("another")
    assert one_line("a\n another\tline") == "a *** line"


def test_a_malformed_url_is_quoted_without_its_password() -> None:
    with pytest.raises(DatabaseUnavailableError) as refused:
        parse_url("postgresql//desk:Unparsed-pw@centre/db")
    assert "Unparsed-pw" not in str(refused.value) and "desk:***@centre" in str(refused.value)


def test_log_files_are_redacted_tracebacks_included(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICY_CHECKER_LOG_DIR", str(tmp_path))
    path = setup_logging()
    assert path is not None
    try:
        raise RuntimeError("connect to postgresql://desk:Logged-pw@centre/db failed")
    except RuntimeError:
        logging.getLogger("test").exception("password=Logged-pw while opening")
    root = logging.getLogger()
    for handler in list(root.handlers):
        handler.close()
        root.removeHandler(handler)
    logged = path.read_text("utf-8")
    assert "Logged-pw" not in logged
    assert "desk:***@centre" in logged and "password=***" in logged
