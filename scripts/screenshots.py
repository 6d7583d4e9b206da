"""Screenshots of the real window for the README: roster, interview, results with detail, history
compare and settings, in one language per run.

    xvfb-run -a .venv/bin/python scripts/screenshots.py zh docs/screenshots
    xvfb-run -a .venv/bin/python scripts/screenshots.py en docs/screenshots

The roster is a temporary database filled with the example companies (examples/ and the
interview test companies), each assessed; settings and window layout go to a temporary folder.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1440, 900)


def main(lang: str, out: Path) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="policy-checker-shots-"))
    os.environ["POLICY_CHECKER_CONFIG_DIR"] = str(scratch)
    os.environ["XDG_CONFIG_HOME"] = str(scratch)
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from app.ui.application import build_window
    from app.ui.history.compare import CompareDialog
    from app.ui.settings.dialog import SettingsDialog
    from app.ui.tasks import busy
    from rules.profile import parse_profile

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        while busy():
            QApplication.processEvents()
        QApplication.processEvents()

    def shot(widget: QWidget, name: str) -> None:
        settle()
        out.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(out / f"{name}_{lang}.png"))
        print(out / f"{name}_{lang}.png")

    window = build_window([sys.argv[0]], lang=lang, db_url=f"sqlite:///{scratch / 'shots.db'}")
    window.resize(*SIZE)
    service = window.context.service
    today = window.context.as_of
    files = sorted((ROOT / "examples").glob("*.json")) + sorted(
        (ROOT / "tests" / "rules" / "interview_companies").glob("*.json")
    )
    ids = {}
    startup_file = ROOT / "examples" / "ai_startup_wuhan.json"
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        if path == startup_file:  # its first visit, before it had its certificates
            data = {**data, "high_tech_enterprise": False, "tech_sme": False}
        record = service.add_client(parse_profile(data))
        service.assess_client(record.id, today)
        ids[path.stem] = record.id
    startup = ids["ai_startup_wuhan"]
    # A second visit: the start-up has since been certified HTE and registered as a tech SME.
    profile = json.loads(startup_file.read_text(encoding="utf-8"))
    record = service.client(startup)
    service.update_client(startup, parse_profile({**profile, "employees": 60}), record.version)
    service.assess_client(startup, today)
    note = (
        "带高新技术企业证书复印件来办理减按15%征收" if lang == "zh" else "Bring the HTE certificate"
    )
    service.add_note(startup, note, kind="follow_up", due_on=today - timedelta(days=1))
    service.add_note(ids["logistics_xiangyang"], note, kind="follow_up", due_on=today)
    window.context.roster_changed.emit()
    shot(window, "roster")

    window.new_walk_in()
    controller = window.interview.controller
    controller.submit_identity(
        "宜昌三峡跨境电商有限公司" if lang == "zh" else "Yichang Cross-border Co."
    )
    settle()
    if controller.stage == "duplicate":
        controller.continue_as_new()
    full = json.loads((ROOT / "examples" / "logistics_xiangyang.json").read_text("utf-8"))
    for _ in range(8):  # up to the certificates, asked together on one screen
        question = controller.question
        if question is None or question.grouped:
            break
        controller.answer(full[question.key]) if question.key in full else controller.dont_know()
        settle(100)
    shot(window, "interview")
    window.session.dirty = False

    window.open_client(startup)
    settle()
    window.results.select_measure("m02")
    shot(window, "results")

    window.show_tab(2)
    settle(600)
    visits = [s.id for s in service.assessments(startup)]
    comparison = None

    def keep(found: object) -> None:
        nonlocal comparison
        comparison = found

    window.history.controller.comparison_ready.connect(keep)
    window.history.controller.compare(visits[:2])
    settle(600)
    if comparison is not None:
        dialog = CompareDialog(comparison, window.context, window)
        dialog.resize(900, 640)
        dialog.show()
        shot(dialog, "compare")
        dialog.close()
    shot(window, "history")

    settings = SettingsDialog(window.context, window)
    settings.show()
    shot(settings, "settings")
    settings.tabs.setCurrentIndex(settings.tabs.count() - 1)  # Rule packs
    settle()
    shot(settings, "packs")
    settings.close()

    from app.ui.settings.reassess_dialog import ReassessDialog

    reassess = ReassessDialog(window.context, window)
    reassess.resize(900, 560)
    reassess.show()
    reassess.start()
    settle(4000)
    shot(reassess, "reassess")
    reassess.close()
    window.session.dirty = False
    window.close()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
