"""``policy-checker --self-test``: proves an installation works, one line per check.

Loads the pack, assesses an example company, renders its PDF report into a temporary folder,
and opens and closes the main window. Exit status 0 when every check passes, 1 otherwise.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from rules.engine import Assessment, assess
from rules.pack import Pack, load_pack
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
        state["pack"] = loaded
        return f"{loaded.id} {loaded.version}, {len(loaded.measures)} measures"

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
            return f"{written.pages} pages, {written.size // 1024} KB"

    def window() -> str:
        from PySide6.QtWidgets import QApplication

        from app.ui.application import build_window

        with tempfile.TemporaryDirectory() as folder:
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
        check("window", window)
        check("translations", translations)
    print("self-test passed" if not failures else f"self-test FAILED ({failures})", file=out)
    return 1 if failures else 0
