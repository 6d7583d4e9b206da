"""Assessing a profile against the default pack: the one entry point the CLI and GUI share."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rules.engine import Assessment, assess
from rules.pack import DEFAULT_PACK_DIR, Pack, load_pack
from rules.profile import Profile


def default_pack() -> Pack:
    return load_pack(DEFAULT_PACK_DIR)


def assess_profile(
    profile: Profile, as_of: date | None = None, pack_dir: Path | None = None
) -> Assessment:
    pack = load_pack(pack_dir or DEFAULT_PACK_DIR)
    return assess(pack, profile, as_of or date.today())
