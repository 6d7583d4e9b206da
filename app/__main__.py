"""``policy-checker`` / ``python -m app``: start the desktop application."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from app.logs import log_dir, setup_logging

log = logging.getLogger("policy-checker")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="policy-checker", description="Policy Checker desktop app"
    )
    parser.add_argument("--lang", choices=["zh", "en"], help="interface language (default zh)")
    parser.add_argument("--db", help="database URL (default: the settings, else the local file)")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument(
        "--self-test", action="store_true", help="check the installation and exit (0 = all ok)"
    )
    args, qt_args = parser.parse_known_args(argv)
    setup_logging(args.verbose)
    if args.self_test:
        from app.self_test import run_self_test

        if sys.stdout is None:  # the windowed executable on Windows has no console to print to
            report = log_dir() / "self-test.txt"
            report.parent.mkdir(parents=True, exist_ok=True)
            with report.open("w", encoding="utf-8") as out:
                return run_self_test(out)
        return run_self_test()

    from app.ui.application import run

    return run([sys.argv[0], *qt_args], lang=args.lang, db_url=args.db)


if __name__ == "__main__":
    sys.exit(main())
