"""``policy-checker --self-test``: proves an installation works, one line per check.

Loads the pack and compares its content hash with the one recorded when the app was built,
assesses an example company, renders its PDF report (the bundled font must be embedded as a
subset), creates and migrates a database in a temporary folder, opens and closes the main
window, and loads the Chinese translations. Exit status 0 when every check passes, 1 otherwise.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from rules.engine import Assessment, assess
from rules.pack import DEFAULT_PACK_DIR, Pack, load_pack
from rules.profile import parse_profile

EXAMPLE = {
    "name": "光谷智算科技有限公司",
    "credit_code": "91420100MA4KX8N35J",
    "zone": "ftz_wuhan",
    "industry_code": "I6513",
    "sectors": ["artificial_intelligence"],
    "core_link_rnd_production": True,
    "first_profit_year": 2024,
    "employees": 45,
    "annual_revenue": 3200,
    "high_tech_enterprise": True,
}

#: Written into the frozen bundle by build_installer.spec: the version and each pack's hash.
BUILD_RECORD = "policy_checker_build.json"
#: A subset font in a PDF is named with a six-capital-letter tag: /ABCDEF+Noto-Sans-SC.
_SUBSET_FONT = re.compile(rb"/BaseFont\s*/([A-Z]{6}\+[^\s/<>\[\]()]+)")
_STREAM = re.compile(rb"stream\r?\n")
BUNDLED_FONT = re.compile(r"Noto-?Sans-?SC(-Bold)?")


def build_record_file() -> Path | None:
    """The build record of a frozen app; None when running from source."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) / BUILD_RECORD if bundle else None


def recorded_pack_hash(folder: Path) -> str | None:
    """The content hash the build recorded for the pack in ``folder``; None from source."""
    record = build_record_file()
    if record is None:
        return None
    packs = json.loads(record.read_text(encoding="utf-8"))["packs"]
    if folder.name not in packs:
        raise AssertionError(f"the build record has no hash for the pack {folder.name}")
    return str(packs[folder.name])


def pdf_subset_fonts(pdf: bytes) -> set[str]:
    """The names of the subset fonts a PDF embeds, read from its objects, compressed or not."""
    names = {m.group(1).decode("latin-1") for m in _SUBSET_FONT.finditer(pdf)}
    for start in _STREAM.finditer(pdf):
        try:
            # Object streams are Flate-compressed; the decompressor stops at the stream's end.
            data = zlib.decompressobj().decompress(pdf[start.end() :])
        except zlib.error:
            continue  # an image or a font program, not deflated object text
        names |= {m.group(1).decode("latin-1") for m in _SUBSET_FONT.finditer(data)}
    return names


@contextmanager
def translations_restored() -> Iterator[None]:
    """Whatever a check installs (the window's Chinese, Qt's own), the process is left with
    the translations and default locale it had: a test run goes on after the self-test."""
    from PySide6.QtCore import QLocale

    from app.ui.i18n import clear_every_translation

    before = QLocale()
    try:
        yield
    finally:
        clear_every_translation()
        QLocale.setDefault(before)


def run_self_test(out: Any = sys.stdout) -> int:
    """Run every check, print one line each, and return the exit status."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    state: dict[str, Any] = {}
    failures = 0

    def check(name: str, work: Callable[[], str]) -> None:
        nonlocal failures
        start = time.perf_counter()
        try:
            detail = work()
        except Exception as error:  # a self-test reports every failure and goes on
            failures += 1
            print(f"FAIL {name}: {type(error).__name__}: {error}", file=out)
            return
        print(f"ok   {name}: {detail} ({time.perf_counter() - start:.2f} s)", file=out)

    def pack() -> str:
        loaded: Pack = load_pack()
        recorded = recorded_pack_hash(DEFAULT_PACK_DIR)
        if recorded is not None and recorded != loaded.sha256:
            raise AssertionError(
                f"the pack's files changed since the build: hash {loaded.sha256[:12]}, "
                f"recorded {recorded[:12]}"
            )
        state["pack"] = loaded
        matches = "matches the build" if recorded else "running from source, no build record"
        return (
            f"{loaded.id} {loaded.version}, {len(loaded.measures)} measures, "
            f"hash {loaded.sha256[:12]} ({matches})"
        )

    def assessment() -> str:
        result: Assessment = assess(state["pack"], parse_profile(EXAMPLE), date.today())
        state["assessment"] = result
        verdict = result.result("m02").verdict
        if verdict != "eligible":
            raise AssertionError(f"m02 should apply to the example, got {verdict}")
        return f"{result.summary()['eligible']} measures apply to the example"

    def report() -> str:
        from app.report import build_report

        with tempfile.TemporaryDirectory() as folder:
            written = build_report(state["assessment"], Path(folder) / "self-test.pdf")
            fonts = pdf_subset_fonts(written.path.read_bytes())
        bundled = sorted(name for name in fonts if BUNDLED_FONT.search(name))
        if not bundled:
            raise AssertionError(
                f"the bundled font is not embedded as a subset (subset fonts: {sorted(fonts)})"
            )
        return f"{written.pages} pages, {written.size // 1024} KB, fonts {', '.join(bundled)}"

    def database() -> str:
        from app.services.clients import ClientService
        from db.check import check_database
        from db.migrate import head_revision

        with tempfile.TemporaryDirectory() as folder:
            service = ClientService.open(
                f"sqlite:///{Path(folder) / 'self-test.db'}", pack=state["pack"]
            )
            try:
                client = service.add_client(parse_profile(EXAMPLE))
                outcome = service.assess_client(client.id)
                checked = check_database(service.database)
                stored = service.assessments(client.id)
            finally:
                service.close()
        if not checked.ok:
            raise AssertionError("; ".join(checked.problems))
        eligible = state["assessment"].summary()["eligible"]
        if [(s.id, s.counts.get("eligible")) for s in stored] != [(outcome.saved.id, eligible)]:
            raise AssertionError("the saved assessment did not read back as saved")
        return (
            f"created and migrated to {head_revision()}, "
            f"the example saved, assessed and read back ({eligible} measures apply)"
        )

    def window() -> str:
        from PySide6.QtWidgets import QApplication

        from app.ui.application import build_window

        with tempfile.TemporaryDirectory() as folder, translations_restored():
            main = build_window(
                [sys.argv[0]], lang="zh", db_url=f"sqlite:///{Path(folder) / 'self-test.db'}"
            )
            QApplication.processEvents()
            main.new_walk_in()
            for key, value in EXAMPLE.items():
                main.session.set_answer(key, value)
            QApplication.processEvents()
            eligible = main.session.assessment.summary()["eligible"]
            main.session.dirty = False
            main.close()
            main.context.service.close()
            QApplication.processEvents()
        return f"opened and closed, roster and workspace shown, {eligible} measures apply"

    def translations() -> str:
        from PySide6.QtCore import QCoreApplication

        from app.ui.i18n import Translations

        if QCoreApplication.instance() is None:  # the window check failed before making one
            state["core_app"] = QCoreApplication([sys.argv[0]])
        with translations_restored():
            loaded = Translations()
            loaded.apply("zh")
            text = QCoreApplication.translate("MainWindow", "New walk-in")
            if text == "New walk-in":
                raise AssertionError("the Chinese interface strings did not load")
            loaded.apply("en")
        return f"zh_CN and en loaded ('New walk-in' is '{text}')"

    check("pack", pack)
    if "pack" in state:
        check("assess", assessment)
    if "assessment" in state:
        check("report", report)
    if "pack" in state:
        check("database", database)
        check("window", window)
        check("translations", translations)
    print("self-test passed" if not failures else f"self-test FAILED ({failures})", file=out)
    return 1 if failures else 0
