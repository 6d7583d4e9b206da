"""The installer's sources, checked without building: the PyInstaller spec, the desktop entry,
the AppStream metadata and the icons. The real build (minutes) runs with POLICY_CHECKER_BUILD=1."""

from __future__ import annotations

import configparser
import json
import os
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from rules.pack import load_pack

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
DESKTOP = ROOT / "packaging" / "linux" / "policy-checker.desktop"
METAINFO = ROOT / "packaging" / "linux" / "policy-checker.metainfo.xml"
ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


class Target:
    """Records what the spec asks PyInstaller to build (PYZ, EXE, COLLECT, BUNDLE)."""

    def __init__(self, *args: Any, **options: Any) -> None:
        self.args = args
        self.options = options


class Analysis(Target):
    """Records the analysis, with the lists the spec reads back (as PyInstaller's TOCs)."""

    def __init__(self, scripts: list[str], **options: Any) -> None:
        super().__init__(scripts, **options)
        self.scripts = [(Path(s).stem, s, "PYSOURCE") for s in scripts]  # named by the stem
        self.datas = [(dest, src, "DATA") for src, dest in options["datas"]]
        self.binaries = [(dest, src, "BINARY") for src, dest in options["binaries"]]
        self.pure: list[Any] = []


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    """The spec, executed as PyInstaller executes it, with its build steps recorded."""
    pytest.importorskip("PyInstaller")
    built: dict[str, list[Target]] = {"EXE": [], "COLLECT": [], "Analysis": []}

    def recorder(kind: str) -> type[Target]:
        class Recorded(Analysis if kind == "Analysis" else Target):  # type: ignore[misc]
            def __init__(self, *args: Any, **options: Any) -> None:
                super().__init__(*args, **options)
                built.setdefault(kind, []).append(self)

        return Recorded

    namespace = {"SPECPATH": str(ROOT), "__file__": str(ROOT / "build_installer.spec")}
    namespace |= {kind: recorder(kind) for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")}
    code = compile((ROOT / "build_installer.spec").read_text(encoding="utf-8"), "spec", "exec")
    exec(code, namespace)
    return {"namespace": namespace, **built}


def test_the_spec_names_the_bundle_and_version_from_pyproject(spec: dict[str, Any]) -> None:
    assert spec["namespace"]["NAME"] == PROJECT["name"] == "policy-checker"
    assert spec["namespace"]["VERSION"] == PROJECT["version"]
    (bundle,) = spec["COLLECT"]
    assert bundle.options["name"] == PROJECT["name"]


def test_two_executables_share_one_folder(spec: dict[str, Any]) -> None:
    desktop, command_line = spec["EXE"]
    (bundle,) = spec["COLLECT"]
    assert (desktop.options["name"], desktop.options["console"]) == ("policy-checker", False)
    assert (command_line.options["name"], command_line.options["console"]) == (
        "policy-check",
        True,
    )
    assert [s[0] for s in desktop.args[1]] == ["policy_checker"]
    assert [s[0] for s in command_line.args[1]] == ["policy_check"]
    assert bundle.args[:2] == (desktop, command_line)
    assert desktop.args[0] is command_line.args[0]  # one analysis, one set of modules
    launchers = {
        Path(s[1]).name: Path(s[1]).read_text(encoding="utf-8") for s in spec["Analysis"][0].scripts
    }
    assert "from app.__main__ import main" in launchers["policy_checker.py"]
    assert "from app.cli import main" in launchers["policy_check.py"]


def test_the_bundle_carries_packs_templates_fonts_translations_migrations_icons(
    spec: dict[str, Any],
) -> None:
    (analysis,) = spec["Analysis"]
    bundled = {str(Path(dest) / Path(src).name) for dest, src, _ in analysis.datas}
    for needed in [
        "rules/packs/hubei_ftz_2021/pack.yaml",
        "rules/packs/hubei_ftz_2021/notice.txt",
        "rules/packs/hubei_ftz_2021/measures/m68.yaml",
        "resources/templates/report.html",
        "resources/fonts/NotoSansSC-Regular.otf",
        "resources/fonts/OFL.txt",
        "resources/icons/policy-checker-256.png",
        "db/migrations/env.py",
        "db/migrations/script.py.mako",
        "db/migrations/versions/v0001_initial.py",
    ]:
        assert needed in bundled, needed
    for qm in (ROOT / "resources" / "i18n").glob("*.qm"):
        assert f"resources/i18n/{qm.name}" in bundled
    hidden = analysis.options["hiddenimports"]
    assert "alembic.op" in hidden  # imported by the migrations, which are data to PyInstaller
    assert "app.cli.db_commands" in hidden  # imported by name when `policy-check db` runs
    assert not [name for name in hidden if name.startswith("db.migrations")]


def test_the_build_record_holds_the_version_and_the_pack_hash(spec: dict[str, Any]) -> None:
    (analysis,) = spec["Analysis"]
    (record,) = [
        src for dest, src, _ in analysis.datas if src.endswith("policy_checker_build.json")
    ]
    written = json.loads(Path(record).read_text(encoding="utf-8"))
    assert written["version"] == PROJECT["version"]
    assert written["packs"] == {"hubei_ftz_2021": load_pack().sha256}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux libraries")
def test_the_libraries_weasyprint_opens_are_bundled_on_linux(spec: dict[str, Any]) -> None:
    (analysis,) = spec["Analysis"]
    names = {Path(src).name for _, src, _ in analysis.binaries}
    for soname in (
        "libpango-1.0.so.0",
        "libpangoft2-1.0.so.0",
        "libharfbuzz.so.0",
        "libharfbuzz-subset.so.0",
        "libfontconfig.so.1",
        "libgobject-2.0.so.0",
    ):
        assert soname in names, soname


def test_the_desktop_entry_is_valid_and_names_the_command_and_icon() -> None:
    validator = shutil.which("desktop-file-validate")
    if validator:
        done = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True)
        assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(DESKTOP, encoding="utf-8")
    group = entry["Desktop Entry"]
    assert group["Type"] == "Application" and group["Terminal"] == "false"
    assert group["Exec"].split()[0] == "policy-checker"
    assert group["Icon"] == "policy-checker"
    assert group["Name[zh_CN]"] == "政策适用检查"
    assert "Office;" in group["Categories"]


def test_the_appstream_metadata_is_well_formed_and_current() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.tag == "component" and component.get("type") == "desktop-application"
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("icon") == "policy-checker"
    releases = [r.get("version") for r in component.iter("release")]
    assert releases[0] == PROJECT["version"], "add this version to <releases>"
    validator = shutil.which("appstreamcli")
    if validator:
        done = subprocess.run(
            [validator, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_every_icon_size_exists_at_its_size() -> None:
    assert (ICONS / "policy-checker.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in PNG_SIZES:
        with Image.open(ICONS / f"policy-checker-{size}.png") as png:
            assert png.size == (size, size) and png.mode == "RGBA"
    with Image.open(ICONS / "policy-checker.ico") as ico:
        assert {(256, 256), (48, 48), (32, 32), (16, 16)} <= set(ico.info["sizes"])
    with Image.open(ICONS / "policy-checker.icns") as icns:
        assert (512, 512, 2) in icns.info["sizes"]


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get("POLICY_CHECKER_BUILD") != "1", reason="set POLICY_CHECKER_BUILD=1 to build"
)
def test_the_built_package_installs_the_app_and_its_self_test_passes() -> None:
    subprocess.run([str(ROOT / "scripts" / "build-installer")], check=True, timeout=1800)
    deb = ROOT / "dist" / f"policy-checker_{PROJECT['version']}_amd64.deb"
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    for path in (
        "./usr/bin/policy-checker -> /opt/policy-checker/policy-checker",
        "./usr/bin/policy-check -> /opt/policy-checker/policy-check",
        "./usr/share/applications/policy-checker.desktop",
        "./usr/share/metainfo/policy-checker.metainfo.xml",
        "./usr/share/icons/hicolor/256x256/apps/policy-checker.png",
        "./usr/share/icons/hicolor/scalable/apps/policy-checker.svg",
    ):
        assert path in listing, path
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run(
        [str(ROOT / "dist" / "policy-checker" / "policy-checker"), "--self-test"],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "(matches the build)" in done.stdout
