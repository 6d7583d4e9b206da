"""The interface language: Qt Linguist translations, switched at run time.

UI strings are written in English in the code (``tr()``); ``i18n/policy_checker_zh_CN.ts`` holds
their Chinese and ``i18n/policy_checker_en.ts`` the English (the source itself). The compiled
``.qm`` files are built from them by ``scripts/build-translations`` (run by ``./setup.sh``) into
``resources/i18n``. Qt's own strings (standard buttons, context menus) come from ``qtbase_*.qm``.
Installing a translator sends every widget a LanguageChange event; views re-label themselves then.
"""

from __future__ import annotations

import logging
import weakref
from typing import Final

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from resources import as_file, resource

log = logging.getLogger(__name__)

LANGUAGES: Final = ("zh", "en")
QT_LOCALES: Final = {"zh": "zh_CN", "en": "en"}


class TranslationMissing(RuntimeError):
    """The compiled translations are not there (run ./setup.sh or scripts/build-translations)."""


def qm_name(lang: str) -> str:
    return f"policy_checker_{QT_LOCALES[lang]}.qm"


class Translations:
    """The translators installed on the application, replaced when the language changes."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.lang = ""
        _EVERY.add(self)

    def clear(self) -> None:
        """Remove the installed translators: the source strings (English) show again."""
        app = QCoreApplication.instance()
        assert app is not None
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        self.lang = ""

    def apply(self, lang: str) -> None:
        """Install ``lang``'s translations (and Qt's own); raise TranslationMissing when the
        application's compiled file is missing."""
        app = QCoreApplication.instance()
        assert app is not None
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        ours = QTranslator(app)
        with as_file(resource("i18n", qm_name(lang))) as path:
            if not path.exists() or not ours.load(str(path)):
                raise TranslationMissing(
                    f"translations for '{lang}' are missing ({path}); "
                    "run scripts/build-translations"
                )
        qt = QTranslator(app)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if not qt.load(f"qtbase_{QT_LOCALES[lang]}", qt_folder):
            log.warning("Qt's own translations for %s not found in %s", lang, qt_folder)
            qt = None  # type: ignore[assignment]
        for translator in (qt, ours):
            if translator is not None:
                app.installTranslator(translator)
                self._installed.append(translator)
        QLocale.setDefault(QLocale(QT_LOCALES[lang]))
        self.lang = lang


_EVERY: weakref.WeakSet[Translations] = weakref.WeakSet()


def clear_every_translation() -> None:
    """Remove every translator any ``Translations`` installed (the self-test, run inside a
    process that goes on, leaves the interface as it found it)."""
    for translations in list(_EVERY):
        translations.clear()
