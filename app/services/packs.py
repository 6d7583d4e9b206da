"""Rule packs installed beside the built-in one, and the pack in use.

Installed packs live in the user's data folder (``~/.local/share/policy-checker/packs`` on
Linux; ``POLICY_CHECKER_PACKS_DIR`` overrides it), one folder ``<id>-<version>`` each, holding
the pack's files and the ``manifest.json`` of the pack file it came from. A pack file is
unpacked and checked whole (rules.pack_file) in a hidden folder beside them, and only then
renamed into place: a refused or interrupted install leaves nothing behind. Several packs can
be installed at once (two notices, or two versions of one); the built-in pack is always there.

The pack in use is ``rule_pack`` in settings.json (``id@version``); absent, or naming a pack no
longer installed, it is the built-in one. ``active_pack()`` is what the app and every command
assess with unless told otherwise.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import platformdirs

from app import APP_NAME
from app.settings import AppSettings, AppSettingsError, load_app_settings, save_app_settings
from rules.pack import DEFAULT_PACK_DIR, Pack, load_pack
from rules.pack_file import MANIFEST_NAME, PackFileError, read_manifest_file, unpack_checked

log = logging.getLogger(__name__)

PACKS_DIR_ENV: Final = "POLICY_CHECKER_PACKS_DIR"
_NUMBER = re.compile(r"\d+")


class PackChoiceError(ValueError):
    """No installed pack answers to the name given; the message says which there are."""


@dataclass(frozen=True)
class InstalledPack:
    id: str
    version: str
    sha256: str
    folder: Path
    builtin: bool = False

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.version}"


@dataclass(frozen=True)
class InstallOutcome:
    installed: InstalledPack
    previous: InstalledPack | None  # the highest lower version of the same id, if any
    already: bool = False  # the same pack was installed before: nothing changed


def packs_dir() -> Path:
    override = os.environ.get(PACKS_DIR_ENV, "").strip()
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "packs"


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Versions in natural order: numbers as numbers (0.10.0 after 0.9.1)."""
    parts = re.findall(r"\d+|[^\d.+-]+", version)
    return tuple((0, int(p)) if _NUMBER.fullmatch(p) else (1, p) for p in parts)


def builtin_pack() -> InstalledPack:
    pack = load_pack(DEFAULT_PACK_DIR)
    return InstalledPack(pack.id, pack.version, pack.sha256, DEFAULT_PACK_DIR, builtin=True)


def installed_packs() -> list[InstalledPack]:
    """The built-in pack and every installed one, by id, then version."""
    found = [builtin_pack()]
    root = packs_dir()
    folders = sorted(root.iterdir()) if root.is_dir() else []
    for folder in folders:
        if folder.name.startswith(".") or not folder.is_dir():
            continue  # an install under way, or not ours
        manifest = read_manifest_file(folder / MANIFEST_NAME)
        if manifest is None or folder.name != f"{manifest.id}-{manifest.version}":
            log.warning("packs: %s is not an installed pack; left alone", folder)
            continue
        found.append(InstalledPack(manifest.id, manifest.version, manifest.sha256, folder))
    return sorted(found, key=lambda p: (p.id, version_key(p.version), not p.builtin))


def find_pack(ref: str) -> InstalledPack:
    """The pack named ``id@version``, or the highest version of ``id``; PackChoiceError when
    none is installed."""
    pack_id, _, version = ref.strip().partition("@")
    packs = installed_packs()
    matching = [p for p in packs if p.id == pack_id and (not version or p.version == version)]
    if not matching:
        there = ", ".join(p.ref for p in packs)
        raise PackChoiceError(f"no installed rule pack '{ref}' (installed: {there})")
    return matching[-1]


def _chosen(settings_file: Path | None = None) -> str | None:
    try:
        return load_app_settings(settings_file).rule_pack
    except AppSettingsError as error:
        log.warning("settings refused, the built-in pack is used: %s", "; ".join(error.problems))
        return None


def active_entry(settings_file: Path | None = None) -> InstalledPack:
    """The pack in use: the one chosen in settings.json, else the built-in one."""
    chosen = _chosen(settings_file)
    if chosen is None:
        return builtin_pack()
    try:
        return find_pack(chosen)
    except PackChoiceError:
        log.warning("rule pack %s is not installed any more: the built-in pack is used", chosen)
        return builtin_pack()


def active_pack_dir() -> Path:
    return active_entry().folder


def active_pack() -> Pack:
    """The pack the app and the command line assess with (PackError if it cannot load)."""
    return load_pack(active_pack_dir())


def use_pack(ref: str, settings_file: Path | None = None) -> InstalledPack:
    """Make the pack named ``ref`` the one in use (saved in settings.json); the built-in pack
    is saved as no choice at all, so the pack a new release brings is used after an update."""
    entry = find_pack(ref)
    stored = load_app_settings(settings_file)
    chosen = None if entry.builtin else entry.ref
    if stored.rule_pack != chosen:
        updated = AppSettings.model_validate({**stored.model_dump(), "rule_pack": chosen})
        save_app_settings(updated, settings_file)
    log.info("rule pack in use: %s", entry.ref)
    return entry


def previous_version(entry: InstalledPack) -> InstalledPack | None:
    """The highest installed version of the same pack below ``entry``'s."""
    lower = [
        p
        for p in installed_packs()
        if p.id == entry.id and version_key(p.version) < version_key(entry.version)
    ]
    return lower[-1] if lower else None


def install_pack_file(path: Path) -> InstallOutcome:
    """Check the pack file ``path`` whole and install it; PackFileError (one line) when it is
    refused, and then nothing has changed."""
    root = packs_dir()
    try:
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=root))
    except OSError as error:
        raise PackFileError("io", f"cannot write to {root}: {error.strerror or error}") from None
    try:
        checked = unpack_checked(path, staging)
        manifest = checked.manifest
        same = [p for p in installed_packs() if p.ref == manifest.ref]
        if same and same[0].sha256 != manifest.sha256:
            raise PackFileError(
                "exists",
                f"{manifest.ref} is already installed with other content; a changed pack "
                "needs a new version",
            )
        if same:
            return InstallOutcome(same[0], previous_version(same[0]), already=True)
        target = root / f"{manifest.id}-{manifest.version}"
        try:
            staging.rename(target)
        except OSError as error:
            raise PackFileError(
                "io", f"cannot install into {target}: {error.strerror or error}"
            ) from None
        installed = InstalledPack(manifest.id, manifest.version, manifest.sha256, target)
        log.info("rule pack %s installed in %s", installed.ref, target)
        return InstallOutcome(installed, previous_version(installed))
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
