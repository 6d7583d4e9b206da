"""Pack files: built from a clean folder, taken apart only when every check passes.

The helpers here make pack files as an attacker or a careless author would (a member outside
the folder, a link, a YAML bomb, a changed file under an old hash...); tests/app uses them too.
"""

from __future__ import annotations

import json
import shutil
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from rules.cases import load_cases
from rules.pack import DEFAULT_PACK_DIR, content_hash, load_pack
from rules.pack_file import (
    FORMAT_VERSION,
    MANIFEST_NAME,
    PackFileError,
    build_pack_file,
    unpack_checked,
)
from rules.yaml_loader import MAX_ALIAS_NODES, YamlBombError, load_yaml

# A "billion laughs": nine levels of nine aliases, 9^9 strings once expanded.
YAML_BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{level}: &{level} [{', '.join(['*' + previous] * 9)}]\n"
    for previous, level in zip("abcdefgh", "bcdefghi", strict=True)
)


def copy_pack(target: Path, version: str | None = None) -> Path:
    """A copy of the built-in pack's folder, its version changed when given."""
    shutil.copytree(DEFAULT_PACK_DIR, target)
    if version is not None:
        manifest = target / "pack.yaml"
        text = manifest.read_text(encoding="utf-8")
        old = load_pack(DEFAULT_PACK_DIR).version
        manifest.write_text(text.replace(f'version: "{old}"', f'version: "{version}"', 1))
    return target


def zip_folder(
    folder: Path,
    out: Path,
    manifest: dict[str, object] | None = None,
    extra: list[tuple[zipfile.ZipInfo, bytes]] = (),  # type: ignore[assignment]
) -> Path:
    """A pack file made by hand from ``folder``: its files, a manifest (the folder's own hash
    unless ``manifest`` overrides keys) and ``extra`` members, with no check at all."""
    pack_id, version = "hubei-ftz-2021", "0.4.0"
    for line in (folder / "pack.yaml").read_text(encoding="utf-8").splitlines():
        if line.startswith("id:"):
            pack_id = line.split(":", 1)[1].strip()
        if line.startswith("version:"):
            version = line.split(":", 1)[1].strip().strip('"')
    data = {
        "format": FORMAT_VERSION,
        "id": pack_id,
        "version": version,
        "sha256": content_hash(folder),
        "created_at": "2026-11-30T08:00:00Z",
        **(manifest or {}),
    }
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST_NAME, json.dumps(data))
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.writestr(path.relative_to(folder).as_posix(), path.read_bytes())
        for info, payload in extra:
            archive.writestr(info, payload)
    return out


def member(name: str, mode: int = stat.S_IFREG | 0o644) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = mode << 16
    return info


def replace_member(source: Path, out: Path, name: str, payload: bytes) -> Path:
    """``source`` with the member ``name`` holding ``payload``, everything else as it was."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info, payload if info.filename == name else old.read(info))
    return out


# -- the bad pack files, each as a maker: (base pack file, work folder) -> the bad file ---------


def bad_hash(good: Path, work: Path) -> Path:
    with zipfile.ZipFile(good) as archive:
        text = archive.read("measures/m05.yaml")
    return replace_member(good, work / "bad_hash.pcpack", "measures/m05.yaml", text + b"\n# x\n")


def slip_parent(good: Path, work: Path) -> Path:
    folder = copy_pack(work / "slip_parent")
    return zip_folder(folder, work / "slip.pcpack", extra=[(member("../x.yaml"), b"a: 1\n")])


def slip_absolute(good: Path, work: Path) -> Path:
    folder = copy_pack(work / "slip_absolute")
    extra = [(member("/tmp/x.yaml"), b"a: 1\n")]
    return zip_folder(folder, work / "absolute.pcpack", extra=extra)


def symlink_member(good: Path, work: Path) -> Path:
    folder = copy_pack(work / "symlink")
    link = member("measures/m99.yaml", stat.S_IFLNK | 0o777)
    return zip_folder(folder, work / "symlink.pcpack", extra=[(link, b"/etc/passwd")])


def yaml_bomb(good: Path, work: Path) -> Path:
    folder = copy_pack(work / "bomb")
    (folder / "measures" / "m05.yaml").write_text(YAML_BOMB, encoding="utf-8")
    return zip_folder(folder, work / "bomb.pcpack")  # the hash is right: the bomb is the problem


def unknown_format(good: Path, work: Path) -> Path:
    folder = copy_pack(work / "format")
    return zip_folder(folder, work / "format.pcpack", manifest={"format": FORMAT_VERSION + 1})


def not_a_zip(good: Path, work: Path) -> Path:
    path = work / "notes.pcpack"
    path.write_text("pack.yaml: this is not a zip\n", encoding="utf-8")
    return path


def lint_failure(good: Path, work: Path) -> Path:
    folder = copy_pack(work / "lint")
    measure = folder / "measures" / "m05.yaml"
    text = measure.read_text(encoding="utf-8")
    english = "en: Cross-border data security assessment pilot and dedicated international"
    measure.write_text(text.replace(english, "en: 数据跨境流动安全评估试点", 1), encoding="utf-8")
    return zip_folder(folder, work / "lint.pcpack")


def python_file(good: Path, work: Path) -> Path:
    folder = copy_pack(work / "python")
    extra = [(member("measures/m05.py"), b"import os\nos.system('true')\n")]
    return zip_folder(folder, work / "python.pcpack", extra=extra)


def zip_bomb(good: Path, work: Path) -> Path:
    # under the 2 MB a member may hold, and still a hundred times its compressed size
    return replace_member(good, work / "zipbomb.pcpack", "notice.txt", b"\0" * (1536 * 1024))


BAD_PACKS: dict[str, tuple[Callable[[Path, Path], Path], str, str]] = {
    # maker, kind, words of the one-line refusal
    "bad hash": (bad_hash, "hash", "differs from the manifest's"),
    "zip slip ..": (slip_parent, "unsafe", "member '../x.yaml' points outside the pack folder"),
    "zip slip absolute": (slip_absolute, "unsafe", "member '/tmp/x.yaml' has an absolute path"),
    "symlink member": (symlink_member, "unsafe", "member 'measures/m99.yaml' is a symbolic link"),
    "YAML bomb": (yaml_bomb, "yaml_bomb", "measures/m05.yaml: its aliases expand"),
    "unknown format": (unknown_format, "format", f"format {FORMAT_VERSION + 1} is not known"),
    "not a zip": (not_a_zip, "not_zip", "notes.pcpack is not a pack file (not a zip archive)"),
    "lint failure": (
        lint_failure,
        "invalid",
        "lint: 1 problem(s), the first: m05/cross_border_data.title: the English text looks "
        "untranslated",
    ),
    "code in the pack": (python_file, "not_pack", "member 'measures/m05.py' is not part of a pack"),
    "zip bomb": (zip_bomb, "too_big", "member 'notice.txt' inflates more than 100 times"),
}


@pytest.fixture(scope="session")
def good_pack_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built-in pack as a pack file, built once (lint and cases take a few seconds)."""
    path = tmp_path_factory.mktemp("packs") / "good.pcpack"
    build_pack_file(DEFAULT_PACK_DIR, path)
    return path


# -- building -------------------------------------------------------------------------------


def test_a_built_pack_file_holds_the_folder_and_a_manifest_with_its_hash(
    good_pack_file: Path, tmp_path: Path
) -> None:
    builtin = load_pack(DEFAULT_PACK_DIR)
    with zipfile.ZipFile(good_pack_file) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read(MANIFEST_NAME))
    assert {"pack.yaml", "notice.txt", "measures/m68.yaml", "cases/m05.yaml", "README.md"} <= names
    assert manifest["format"] == FORMAT_VERSION
    assert (manifest["id"], manifest["version"]) == (builtin.id, builtin.version)
    assert manifest["sha256"] == builtin.sha256
    assert manifest["created_at"].endswith("Z")

    checked = unpack_checked(good_pack_file, tmp_path)
    assert checked.pack.sha256 == builtin.sha256
    assert len(checked.pack.measures) == 68
    assert (tmp_path / "measures" / "m05.yaml").read_bytes() == (
        DEFAULT_PACK_DIR / "measures" / "m05.yaml"
    ).read_bytes()


def test_a_folder_whose_lint_fails_is_not_built(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path / "pack")
    (folder / "measures" / "m05.yaml").write_text(YAML_BOMB, encoding="utf-8")
    with pytest.raises(PackFileError) as refused:
        build_pack_file(folder, tmp_path / "out.pcpack")
    assert refused.value.kind == "invalid"
    assert "aliases expand" in str(refused.value)
    assert not (tmp_path / "out.pcpack").exists()


def test_a_folder_whose_cases_fail_is_not_built(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path / "pack")
    cases = folder / "cases" / "m05.yaml"
    text = cases.read_text(encoding="utf-8")
    cases.write_text(text.replace("expect: {m05: eligible}", "expect: {m05: not_eligible}", 1))
    with pytest.raises(PackFileError, match="its cases: 1 problem") as refused:
        build_pack_file(folder, tmp_path / "out.pcpack")
    assert "m05: expected not_eligible, got eligible" in str(refused.value)


# -- every bad pack file is refused, in one line, with nothing left outside the folder --------


@pytest.mark.parametrize("case", list(BAD_PACKS))
def test_bad_pack_files_are_refused_with_one_line(
    case: str, good_pack_file: Path, tmp_path: Path
) -> None:
    maker, kind, words = BAD_PACKS[case]
    bad = maker(good_pack_file, tmp_path)
    into = tmp_path / "unpacked" / "here"
    into.mkdir(parents=True)
    absolute_before = Path("/tmp/x.yaml").exists()
    with pytest.raises(PackFileError) as refused:
        unpack_checked(bad, into)
    assert refused.value.kind == kind
    assert words in str(refused.value)
    assert "\n" not in str(refused.value)
    assert not (tmp_path / "unpacked" / "x.yaml").exists()
    assert Path("/tmp/x.yaml").exists() == absolute_before


def test_a_member_inflating_past_its_declared_size_is_stopped(
    good_pack_file: Path, tmp_path: Path
) -> None:
    """A central directory that lies about a size: what inflates is counted, not believed."""
    data = good_pack_file.read_bytes()
    with zipfile.ZipFile(good_pack_file) as archive:
        real = archive.getinfo("notice.txt").file_size
    header = data.rindex(b"notice.txt") - 46  # the central directory's entry for it
    assert data[header : header + 4] == b"PK\x01\x02"
    assert int.from_bytes(data[header + 24 : header + 28], "little") == real
    lie = (real // 2).to_bytes(4, "little")
    liar = tmp_path / "liar.pcpack"
    liar.write_bytes(data[: header + 24] + lie + data[header + 28 :])
    (tmp_path / "into").mkdir()
    with pytest.raises(PackFileError) as refused:
        unpack_checked(liar, tmp_path / "into")
    assert refused.value.kind in ("too_big", "not_zip")
    assert not (tmp_path / "into" / "pack.yaml").exists() or refused.value.kind != "hash"


# -- the YAML loader ------------------------------------------------------------------------


def test_the_yaml_loader_refuses_an_alias_bomb_but_reads_aliases() -> None:
    with pytest.raises(YamlBombError, match=f"more than {MAX_ALIAS_NODES} nodes"):
        load_yaml(YAML_BOMB)
    assert load_yaml("x: &x [1, 2]\ny: *x\nz: 'a*b'\n") == {"x": [1, 2], "y": [1, 2], "z": "a*b"}


def test_every_rules_command_refuses_a_yaml_bomb_in_a_pack(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path / "pack")
    (folder / "cases" / "m05.yaml").write_text(YAML_BOMB, encoding="utf-8")
    with pytest.raises(ValueError, match="aliases expand"):
        load_cases(folder)
