"""Settings files and logos that are a device, a FIFO or a huge file are refused at once.

``report.json`` (``--settings``), the logo it names (or ``--logo``), ``settings.json`` and the
logo chosen in the Settings dialog: each is looked at before it is read, and anything but a
regular file within its limit is refused in one line naming the field and the path (CLI: exit
2; the dialog: its message for a bad value). Read by mistake, /dev/zero and a 1 GB sparse file
would fill memory and a FIFO would wait for ever, so the CLI runs in a process with its memory
capped and a timeout; in this process a FIFO is given a writer (an end) after a few seconds
and a device is read only under a memory cap: a regression fails instead of hanging the suite
or filling the machine's memory.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from PySide6.QtWidgets import QFileDialog

from app.report.settings import MAX_LOGO_BYTES, SettingsError, load_settings, read_logo
from app.services.clients import ClientService
from app.settings import MAX_SETTINGS_BYTES, AppSettingsError, load_app_settings
from app.ui.context import AppContext
from app.ui.settings import SettingsController, SettingsDialog
from rules.pack import Pack
from tests.app.test_secrets import MemoryKeyring
from tests.conftest import AS_OF
from tests.rules.test_lint_hostile import fifo_writer_after, make_device, memory_capped, run_cli

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and devices: POSIX")

PROFILE = "examples/ai_startup_wuhan.json"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def fifo(tmp_path: Path, name: str) -> Path:
    os.mkfifo(tmp_path / name)
    return tmp_path / name


def sparse_gigabyte(tmp_path: Path, name: str) -> Path:
    with (tmp_path / name).open("wb") as file:
        file.truncate(1 << 30)
    return tmp_path / name


def link_to(device: str) -> Callable[[Path, str], Path]:
    def make(tmp_path: Path, name: str) -> Path:
        (tmp_path / name).symlink_to(device)
        return tmp_path / name

    return make


HOSTILE: dict[str, tuple[Callable[[Path, str], Path], str]] = {
    "fifo": (fifo, "is a FIFO (named pipe), not a file"),
    "/dev/zero": (link_to("/dev/zero"), "is a device, not a file"),
    "/dev/urandom": (link_to("/dev/urandom"), "is a device, not a file"),
    "sparse 1 GB": (sparse_gigabyte, "is larger than"),
}


def test_the_limits_are_what_the_messages_say() -> None:
    assert MAX_SETTINGS_BYTES == 1024 * 1024
    assert MAX_LOGO_BYTES == 2 * 1024 * 1024


# -- the command line: one line, exit 2, within the timeout ------------------------------------


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_report_settings_file_refused(tmp_path: Path, kind: str) -> None:
    make, words = HOSTILE[kind]
    settings = make(tmp_path, "report.json")
    done = run_cli("report", PROFILE, "-o", str(tmp_path / "r.pdf"), "--settings", str(settings))
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [f"settings ({settings}): {words}" + _limit(kind, "1 MB")]
    assert not (tmp_path / "r.pdf").exists()


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_a_logo_named_in_the_settings_file_refused(tmp_path: Path, kind: str) -> None:
    make, words = HOSTILE[kind]
    logo = make(tmp_path, "logo.png")
    settings = tmp_path / "report.json"
    settings.write_text(json.dumps({"adviser": "王晓明", "logo": str(logo)}), "utf-8")
    done = run_cli("report", PROFILE, "-o", str(tmp_path / "r.pdf"), "--settings", str(settings))
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [f"logo: {logo} {words}" + _limit(kind, "2 MB")]


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
def test_a_logo_option_refused(tmp_path: Path, kind: str) -> None:
    make, words = HOSTILE[kind]
    logo = make(tmp_path, "logo.png")
    done = run_cli("report", PROFILE, "--handout", str(tmp_path / "h.pdf"), "--logo", str(logo))
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [f"logo: {logo} {words}"]


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_app_settings_file_refused(tmp_path: Path, kind: str) -> None:
    make, words = HOSTILE[kind]
    settings = make(tmp_path, "settings.json")
    env = {"POLICY_CHECKER_CONFIG_DIR": str(tmp_path), "POLICY_CHECKER_DB_URL": ""}
    done = run_cli("clients", "list", env=env)
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [f"settings ({settings}): {words}" + _limit(kind, "1 MB")]


def _limit(kind: str, size: str) -> str:
    return f" {size}" if kind == "sparse 1 GB" else ""


# -- the same checks in this process -----------------------------------------------------------


def test_loading_report_settings_from_a_fifo_is_refused_unread(tmp_path: Path) -> None:
    path = fifo(tmp_path, "report.json")
    with fifo_writer_after(path) as unblocked, pytest.raises(SettingsError) as refused:
        load_settings(path)
    assert not unblocked.is_set()
    assert refused.value.problems == [f"settings ({path}): is a FIFO (named pipe), not a file"]


def test_reading_a_logo_from_a_fifo_is_refused_unread(tmp_path: Path) -> None:
    path = fifo(tmp_path, "logo.png")
    with fifo_writer_after(path) as unblocked, pytest.raises(SettingsError) as refused:
        read_logo(path)
    assert not unblocked.is_set()
    assert refused.value.problems == [f"logo: {path} is a FIFO (named pipe), not a file"]


def test_loading_app_settings_from_a_fifo_is_refused_unread(tmp_path: Path) -> None:
    path = fifo(tmp_path, "settings.json")
    with fifo_writer_after(path) as unblocked, pytest.raises(AppSettingsError) as refused:
        load_app_settings(path)
    assert not unblocked.is_set()
    assert refused.value.problems == [f"settings ({path}): is a FIFO (named pipe), not a file"]


def test_a_settings_file_just_over_the_limit_is_refused_and_one_at_it_is_read(
    tmp_path: Path,
) -> None:
    """Valid JSON padded with spaces: only the size refuses it."""
    path = tmp_path / "settings.json"
    body = '{"language": "en"}'
    path.write_text(body + " " * (MAX_SETTINGS_BYTES - len(body)), "utf-8")
    assert load_app_settings(path).language == "en"
    path.write_text(body + " " * (MAX_SETTINGS_BYTES - len(body) + 1), "utf-8")
    with pytest.raises(AppSettingsError, match="is larger than 1 MB"):
        load_app_settings(path)
    report = tmp_path / "report.json"
    report.write_text('{"adviser": "王"}' + " " * MAX_SETTINGS_BYTES, "utf-8")
    with pytest.raises(SettingsError, match="is larger than 1 MB"):
        load_settings(report)


# -- the Settings dialog: the logo check, the file dialog and the preview ---------------------


@pytest.fixture
def context(
    qapp, tmp_path: Path, pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> Iterator[AppContext]:
    monkeypatch.setenv("POLICY_CHECKER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("POLICY_CHECKER_DB_URL", raising=False)
    before = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    service = ClientService.open(f"sqlite:///{tmp_path / 'roster.db'}", pack=pack, actor="desk")
    yield AppContext(pack, service, lang="en", as_of=AS_OF)
    service.close()
    keyring.set_keyring(before)


@pytest.fixture
def device(tmp_path: Path) -> Path:
    """A device like /dev/zero, made in the test's folder (where it may be made at all)."""
    make_device(tmp_path / "logo.png")
    return tmp_path / "logo.png"


def test_the_settings_controller_refuses_a_fifo_logo_in_words(
    context: AppContext, tmp_path: Path
) -> None:
    controller = SettingsController(context)
    path = fifo(tmp_path, "logo.png")
    with fifo_writer_after(path) as unblocked:
        problem = controller.logo_problem(path)
        preview = controller.logo_preview(str(path))
    assert not unblocked.is_set()
    assert problem == f"{path} is a device or a pipe, not a file; choose the logo's image file."
    assert preview is None


def test_a_huge_sparse_logo_is_refused_by_its_size_and_not_previewed(
    context: AppContext, tmp_path: Path
) -> None:
    controller = SettingsController(context)
    path = tmp_path / "logo.png"
    with path.open("wb") as file:
        file.write(PNG)
        file.truncate(1 << 30)
    assert controller.logo_problem(path) == (
        f"The logo {path} is larger than 2 MB; choose a smaller image."
    )
    assert controller.logo_preview(str(path)) is None


def test_a_device_or_a_fifo_picked_in_the_file_dialog_is_refused_at_once(
    qtbot, context: AppContext, tmp_path: Path, device: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "good.png"
    good.write_bytes(PNG)
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.logo.setText(str(good))
    pipe = fifo(tmp_path, "pipe.png")
    for picked in (device, pipe):
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", lambda *_a, p=picked, **_k: (str(p), "")
        )
        with fifo_writer_after(pipe) as unblocked, memory_capped():
            dialog.browse_logo.click()
        assert not unblocked.is_set()
        assert dialog.message.text() == (
            f"{picked} is a device or a pipe, not a file; choose the logo's image file."
        )
        assert dialog.logo.text() == str(good)  # the logo chosen before is kept
        assert dialog.tabs.currentWidget().isAncestorOf(dialog.logo)


def test_typing_a_fifo_as_the_logo_previews_nothing_and_ok_refuses_it(
    qtbot, context: AppContext, tmp_path: Path
) -> None:
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    pipe = fifo(tmp_path, "pipe.png")
    with fifo_writer_after(pipe) as unblocked:
        dialog.logo.setText(str(pipe))
        dialog.ok_button.click()
    assert not unblocked.is_set()
    assert dialog.logo_preview.pixmap().isNull()
    assert "is a device or a pipe" in dialog.message.text()
    assert dialog.isVisible() or not dialog.result()  # not accepted
