"""A pack folder with a hostile file in it is refused whole, by every ``rules`` command.

Hostile: a YAML bomb, a Python tag, a file too large, not UTF-8, a link out of the folder, a
FIFO or a device, anywhere in the folder (pack.yaml, measures, cases). A FIFO would hang a
careless reader and a device would fill its memory, so the helpers here bound both: a FIFO is
given a writer (and so an end) after a few seconds, and a process reading a device runs with
its memory capped and a timeout. A regression then fails instead of hanging the suite.
tests/app/test_hostile_paths.py uses them too.
"""

from __future__ import annotations

import contextlib
import os
import re
import resource
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

from rules import yaml_loader
from rules.bounded_file import FileRefused, read_bounded
from rules.cases import CasesError, load_cases
from rules.lint import lint_pack
from rules.pack import DEFAULT_PACK_DIR, PackError, content_hash, load_pack
from rules.pack_folder import MAX_FILE_BYTES
from tests.rules.test_pack_file import YAML_BOMB, copy_pack

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and devices: POSIX")

REPO = Path(__file__).resolve().parents[2]
UNBLOCK_AFTER_S = 5
CLI_TIMEOUT_S = 20
CLI_MEMORY_BYTES = 1 << 30  # the CLI refusing a file needs ~50 MB; reading /dev/zero needs all


@contextlib.contextmanager
def fifo_writer_after(fifo: Path, seconds: float = UNBLOCK_AFTER_S) -> Iterator[threading.Event]:
    """Give ``fifo`` a writer that closes at once (its reader then sees the end) if the block
    is still running after ``seconds``; the event yielded says whether that was needed."""
    fired, done = threading.Event(), threading.Event()

    def unblock() -> None:
        if done.wait(seconds):
            return
        fired.set()
        while not done.is_set():
            try:  # succeeds only once a reader is waiting: without one, ENXIO
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                done.wait(0.05)

    watcher = threading.Thread(target=unblock, daemon=True)
    watcher.start()
    try:
        yield fired
    finally:
        done.set()
        watcher.join()


@contextlib.contextmanager
def memory_capped(extra: int = 512 * 1024 * 1024) -> Iterator[None]:
    """This process may take ``extra`` more bytes of address space, no more: a device read by
    mistake ends in MemoryError instead of filling the machine's memory."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    status = Path("/proc/self/status").read_text(encoding="utf-8")
    size = re.search(r"VmSize:\s+(\d+) kB", status)
    assert size is not None
    in_use = int(size[1]) * 1024
    resource.setrlimit(resource.RLIMIT_AS, (in_use + extra, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CLI_MEMORY_BYTES, CLI_MEMORY_BYTES))


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``policy-check ARGS`` in a process of its own, memory capped, ended after 20 s."""
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_S,
        cwd=REPO,
        env={**os.environ, **(env or {})},
        preexec_fn=_cap_memory,
    )


def make_device(path: Path) -> None:
    """A character device like /dev/zero at ``path``; the test is skipped where one cannot be
    made (mknod needs root or CAP_MKNOD)."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 5))
    except PermissionError:
        pytest.skip("making a device needs CAP_MKNOD")


# -- the hostile files, each as a maker: (pack folder, file inside it) -> the words refusing it

BIG_M05 = (DEFAULT_PACK_DIR / "measures" / "m05.yaml").read_text(encoding="utf-8")


def bomb(folder: Path, name: str) -> str:
    (folder / name).write_text(YAML_BOMB, encoding="utf-8")
    return "aliases expand to more than"


def python_tag(folder: Path, name: str) -> str:
    marker = folder.parent / "ran"
    (folder / name).write_text(
        f'- !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8"
    )
    return "has the Python-specific tag !!python/object/apply:os.system"


def too_large(folder: Path, name: str) -> str:
    """The file as it was, made valid and larger than the limit by a comment: only the limit
    refuses it."""
    text = (folder / name).read_text(encoding="utf-8")
    (folder / name).write_text(text + "\n#" + "x" * MAX_FILE_BYTES + "\n", encoding="utf-8")
    return "is larger than 2 MB"


def sparse_gigabyte(folder: Path, name: str) -> str:
    (folder / name).unlink()
    with (folder / name).open("wb") as file:
        file.truncate(1 << 30)
    return "is larger than 2 MB"


def not_utf8(folder: Path, name: str) -> str:
    text = (folder / name).read_text(encoding="utf-8")
    (folder / name).write_bytes(text.encode("gb18030"))
    return "is not UTF-8 text"


def link_outside(folder: Path, name: str) -> str:
    """A link to a copy of the same, valid file outside the folder: only its place refuses it."""
    outside = folder.parent / f"outside_{name.replace('/', '_')}"
    outside.write_bytes((folder / name).read_bytes())
    (folder / name).unlink()
    (folder / name).symlink_to(outside)
    return "is a link to a file outside the pack folder"


def fifo(folder: Path, name: str) -> str:
    (folder / name).unlink()
    os.mkfifo(folder / name)
    return "is a FIFO (named pipe), not a file"


def device(folder: Path, name: str) -> str:
    (folder / name).unlink()
    make_device(folder / name)
    return "is a device, not a file"


HOSTILE: dict[str, Callable[[Path, str], str]] = {
    "yaml bomb": bomb,
    "python tag": python_tag,
    "too large": too_large,
    "not UTF-8": not_utf8,
    "link outside": link_outside,
    "fifo": fifo,
}
# Read by mistake, these would fill memory: they are tried in a process of their own, capped.
HOSTILE_TO_MEMORY: dict[str, Callable[[Path, str], str]] = {
    "sparse 1 GB": sparse_gigabyte,
    "device": device,
}
PLACES = ("cases/m05.yaml", "measures/m05.yaml", "pack.yaml")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return copy_pack(tmp_path / "pack")


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("kind", list(HOSTILE))
def test_lint_refuses_the_folder_naming_the_hostile_file(
    folder: Path, kind: str, place: str
) -> None:
    words = HOSTILE[kind](folder, place)
    with fifo_writer_after(folder / place) as unblocked:
        problems = lint_pack(folder)
    assert not unblocked.is_set(), "the FIFO was opened and waited on"
    assert problems == [f"{place}: {problems[0].split(': ', 1)[1]}"]  # one line, this file
    assert words in problems[0]
    with pytest.raises(PackError):  # and so does every command loading the pack
        load_pack(folder)
    assert not (folder.parent / "ran").exists()


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("kind", list(HOSTILE_TO_MEMORY))
def test_lint_refuses_a_device_or_a_huge_sparse_file_unread(
    folder: Path, kind: str, place: str
) -> None:
    words = HOSTILE_TO_MEMORY[kind](folder, place)
    done = run_cli("rules", "lint", str(folder))
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [f"{place}: {words}", "1 problem(s)"]


def test_a_hostile_case_file_is_refused_by_load_cases_too(folder: Path) -> None:
    fifo(folder, "cases/m07.yaml")
    python_tag(folder, "cases/m06.yaml")
    fifo_path = folder / "cases" / "m07.yaml"
    with fifo_writer_after(fifo_path) as unblocked, pytest.raises(CasesError) as refused:
        load_cases(folder)
    assert not unblocked.is_set()
    assert [line.split(":")[0] for line in refused.value.problems] == [
        "cases/m06.yaml",
        "cases/m07.yaml",
    ]


def test_lint_reads_the_cases_and_names_a_case_that_does_not_read_as_one(folder: Path) -> None:
    (folder / "cases" / "m05.yaml").write_text("- name: x\n  as_of: never\n", encoding="utf-8")
    problems = lint_pack(folder)
    assert any(p.startswith("cases/m05.yaml case 1: as_of:") for p in problems), problems


def test_links_inside_the_folder_are_read(folder: Path) -> None:
    """A link is refused for where it leads, not for being one."""
    (folder / "cases" / "copy.yaml").symlink_to(folder / "cases" / "m05.yaml")
    assert lint_pack(folder) == []


def test_every_rules_command_refuses_the_folder_whole_one_line_per_hostile_file(
    folder: Path,
) -> None:
    hostile = {
        "cases/m02.yaml": bomb,
        "cases/m03.yaml": python_tag,
        "cases/m04.yaml": fifo,
        "measures/m06.yaml": not_utf8,
        "measures/m07.yaml": link_outside,
        "cases/m08.yaml": too_large,
    }
    expected = {name: maker(folder, name) for name, maker in hostile.items()}
    for command in (
        ["lint", str(folder)],
        ["test", str(folder)],
        ["diff", str(folder), str(DEFAULT_PACK_DIR)],
    ):
        done = run_cli("rules", *command)
        assert done.returncode == 2, (command, done.stderr)
        lines = [line.removeprefix("pack: ") for line in done.stderr.splitlines()]
        named = [line for line in lines if re.match(r"(cases|measures)/m0\d\.yaml: ", line)]
        assert sorted(line.split(":")[0] for line in named) == sorted(hostile), done.stderr
        for line in named:
            assert expected[line.split(":")[0]] in line
        assert "Traceback" not in done.stderr
        assert "passed" not in done.stdout and "clean" not in done.stdout
    assert not (folder.parent / "ran").exists()


def test_a_fifo_in_a_pack_does_not_hang_the_cli(folder: Path) -> None:
    fifo(folder, "measures/m09.yaml")
    done = run_cli("rules", "lint", str(folder))
    assert done.returncode == 2
    assert "measures/m09.yaml: is a FIFO (named pipe), not a file" in done.stderr


def test_content_hash_reads_no_fifo(folder: Path) -> None:
    fifo(folder, "measures/m09.yaml")
    fifo_path = folder / "measures" / "m09.yaml"
    with fifo_writer_after(fifo_path) as unblocked, pytest.raises(PackError, match="is a FIFO"):
        content_hash(folder)
    assert not unblocked.is_set()


# -- the YAML loader --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("a: !!python/object/apply:os.system [true]\n", "Python-specific tag"),
        ("- !!python/name:os.system\n", "Python-specific tag"),
        ("a: !custom 1\n", "the tag !custom"),
    ],
)
def test_tags_that_are_not_plain_data_are_refused_in_one_line(text: str, words: str) -> None:
    with pytest.raises(yaml_loader.ForeignTagError) as refused:
        yaml_loader.load_yaml(text)
    assert words in str(refused.value) and "\n" not in str(refused.value)


def test_plain_data_tags_and_exclamation_marks_in_text_are_read() -> None:
    text = "a: !!str 1\nb: !!int '3'\nc: 'Hi!'\n"
    assert yaml_loader.load_yaml(text) == {"a": "1", "b": 3, "c": "Hi!"}


def test_the_loader_itself_builds_no_python_objects(tmp_path: Path) -> None:
    """Even past check_tags, the loader in use is a safe one: the tag is an error, not a call."""
    marker = tmp_path / "ran"
    with pytest.raises(yaml.constructor.ConstructorError):
        yaml.load(f'!!python/object/apply:os.system ["touch {marker}"]', yaml_loader.SafeLoader)
    assert not marker.exists()


def test_no_code_reads_yaml_with_anything_but_the_safe_loader() -> None:
    unsafe = re.compile(r"unsafe_load|UnsafeLoader|FullLoader|yaml\.Loader\b|yaml\.full_load")
    loads = re.compile(r"yaml\.load\((?![^)]*Loader=SafeLoader)")
    offenders = [
        f"{path.relative_to(REPO)}:{number}"
        for top in ("rules", "app", "db")
        for path in sorted((REPO / top).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if unsafe.search(line) or loads.search(line)
    ]
    assert offenders == []


# -- reading a file whose kind and size are not known ---------------------------------------


def test_read_bounded_refuses_what_is_not_a_small_regular_file(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo")
    with (
        fifo_writer_after(tmp_path / "fifo") as unblocked,
        pytest.raises(FileRefused, match="FIFO"),
    ):
        read_bounded(tmp_path / "fifo", 100)
    assert not unblocked.is_set()
    with pytest.raises(FileRefused, match="is a folder"):
        read_bounded(tmp_path, 100)
    (tmp_path / "big").write_bytes(b"x" * 101)
    with pytest.raises(FileRefused, match="is larger than 100 bytes"):
        read_bounded(tmp_path / "big", 100)
    (tmp_path / "fits").write_bytes(b"x" * 100)
    assert read_bounded(tmp_path / "fits", 100) == b"x" * 100


def test_read_bounded_refuses_devices_in_a_process_that_could_not_survive_reading_them() -> None:
    code = (
        "from pathlib import Path\n"
        "from rules.bounded_file import FileRefused, read_bounded\n"
        "for device in ('/dev/zero', '/dev/urandom'):\n"
        "    try:\n"
        "        read_bounded(Path(device), 1 << 20)\n"
        "    except FileRefused as refusal:\n"
        "        print(device, refusal)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_S,
        cwd=REPO,
        preexec_fn=_cap_memory,
    )
    assert done.stdout.splitlines() == [
        "/dev/zero is a device, not a file",
        "/dev/urandom is a device, not a file",
    ], done.stderr
