"""``policy-checker`` / ``python -m app``: start the desktop application."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from app.logs import setup_logging

log = logging.getLogger("policy-checker")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="policy-checker", description="Policy Checker desktop app"
    )
    parser.add_argument("--lang", choices=["zh", "en"], default="zh", help="interface language")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument(
        "--self-test", action="store_true", help="check the installation and exit (0 = all ok)"
    )
    args, qt_args = parser.parse_known_args(argv)
    setup_logging(args.verbose)
    if args.self_test:
        from app.self_test import run_self_test

        return run_self_test()

    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.ui.fonts import application_font, load_bundled_fonts
    from app.ui.main_window import MainWindow
    from rules.pack import PackError, load_pack

    app = QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("policy-checker")
    families = load_bundled_fonts()
    log.info("bundled font families: %s", families)
    app.setFont(application_font())
    try:
        pack = load_pack()
    except PackError as error:
        log.error("pack failed to load: %s", error)
        QMessageBox.critical(None, "policy-checker", "\n".join(error.problems[:20]))
        return 1
    window = MainWindow(pack, args.lang)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
