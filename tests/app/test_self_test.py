"""``policy-checker --self-test``: one line per check, exit status 0 only when all pass."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from rules.pack import PackError


def test_self_test_passes_on_this_installation() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run(
        [sys.executable, "-m", "app", "--self-test"],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.strip().splitlines()
    assert [line.split(":")[0] for line in lines[:4]] == [
        "ok   pack", "ok   assess", "ok   report", "ok   window",
    ]  # fmt: skip
    assert "68 measures" in lines[0] and lines[-1] == "self-test passed"


def test_a_failing_check_is_reported_and_the_exit_status_is_1(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app import self_test

    def broken_pack() -> None:
        raise PackError(["m02.yaml: cannot be read"])

    monkeypatch.setattr(self_test, "load_pack", broken_pack)
    out = io.StringIO()
    assert self_test.run_self_test(out) == 1
    text = out.getvalue()
    assert "FAIL pack: PackError: m02.yaml: cannot be read" in text
    assert text.strip().endswith("self-test FAILED (1)")
