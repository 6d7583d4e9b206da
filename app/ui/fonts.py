"""Loading the bundled CJK font so Chinese renders on machines without CJK fonts."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase

from resources import as_file, resource

log = logging.getLogger(__name__)

BUNDLED_FONTS = ("NotoSansSC-Regular.otf", "NotoSansSC-Bold.otf")
FAMILY = "Noto Sans SC"


def load_bundled_fonts() -> list[str]:
    """Register the bundled fonts with Qt; return the families loaded."""
    families: list[str] = []
    for name in BUNDLED_FONTS:
        with as_file(resource("fonts", name)) as path:
            font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load bundled font %s", name)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    return sorted(set(families))


def application_font(point_size: int = 10) -> QFont:
    font = QFont(FAMILY, point_size)
    font.setFamilies([FAMILY, "Noto Sans CJK SC", "sans-serif"])
    return font
