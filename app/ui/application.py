"""Starting the desktop app: Qt, fonts, translations, the pack, the database, the main window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_NAME
from app.logs import log_dir
from app.ui.fonts import application_font, load_bundled_fonts
from app.ui.i18n import TranslationMissing, Translations
from resources import resource

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class StartupError(RuntimeError):
    """The app cannot start; the message says why in plain words, ``code`` is the exit status."""

    def __init__(self, title: str, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.title = title
        self.code = code


def create_application(argv: Sequence[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(QIcon(str(resource("icons", "policy-checker.svg"))))
    app.setDesktopFileName("policy-checker")  # Wayland matches the window to its desktop entry
    log.info("bundled font families: %s", load_bundled_fonts())
    app.setFont(application_font())
    return app


def install_language(translations: Translations, lang: str) -> bool:
    """Switch the interface language; False (and a logged error) when it is missing."""
    try:
        translations.apply(lang)
    except TranslationMissing as error:
        log.error("%s", error)
        return False
    return True


def build_window(
    argv: Sequence[str], lang: str | None = None, db_url: str | None = None
) -> MainWindow:
    """The main window, shown, with the pack loaded and the database open; StartupError when
    something it needs is missing or refused."""
    from app.services.clients import ClientService
    from app.services.packs import active_pack
    from app.settings import AppSettingsError, database_url, load_app_settings
    from app.ui.context import AppContext
    from app.ui.core_messages import error_text
    from app.ui.main_window import MainWindow
    from db.engine import default_url
    from db.errors import DatabaseError
    from rules.pack import PackError

    app = create_application(argv)
    try:
        settings = load_app_settings()
        url = database_url(db_url, default_url())
    except AppSettingsError as error:
        raise StartupError("Settings", "\n".join(error.problems)) from None
    language = lang or settings.language or "zh"
    translations = Translations()
    if not install_language(translations, language):
        QMessageBox.warning(
            None,
            "policy-checker",
            "The interface translations are missing; run ./setup.sh to build them.",
        )
    try:
        pack = active_pack()
    except PackError as error:
        log.error("pack failed to load: %s", error)
        raise StartupError("Rule pack", "\n".join(error.problems[:20]), 1) from None
    try:
        service = ClientService.open(url, pack=pack, lang=language)
    except DatabaseError as error:
        log.error("database failed to open: %s", error)
        raise StartupError(
            app.translate("Application", "The client database could not be opened"),
            error_text(error),
        ) from None
    context = AppContext(pack, service, lang=language, as_of=settings.as_of, parent=app)
    context.language_changed.connect(lambda new: install_language(translations, new))
    window = MainWindow(context)
    window.show()
    return window


def report_unexpected(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """An exception no screen handled: logged with its traceback, shown in plain words."""
    log.critical("unexpected error", exc_info=(kind, error, trace))
    if isinstance(error, KeyboardInterrupt):
        QApplication.quit()
        return
    QMessageBox.warning(
        QApplication.activeWindow(),
        QApplication.translate("Application", "Something went wrong"),
        QApplication.translate(
            "Application",
            "Something unexpected went wrong; nothing you saved is lost. The details are in "
            "the log file: {path}",
        ).format(path=log_dir()),
    )


def run(argv: Sequence[str], lang: str | None = None, db_url: str | None = None) -> int:
    app = create_application(argv)
    sys.excepthook = report_unexpected
    try:
        window = build_window(argv, lang, db_url)
    except StartupError as error:
        QMessageBox.critical(None, error.title, str(error))
        return error.code
    try:
        return app.exec()
    finally:
        window.context.service.close()
