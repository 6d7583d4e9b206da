"""PyInstaller run-time hook: fontconfig reads the app's own configuration when the system has
none.

The bundled libfontconfig looks for /etc/fonts/fonts.conf, which a minimal system lacks (no
fontconfig-config package): it would then know no font at all, and WeasyPrint would warn on
every report. The bundle's etc/fonts/fonts.conf lists the usual font folders and the app's own
fonts; it is used only when the system has no configuration and the user chose none.
"""

import os
import sys
from pathlib import Path

_bundled = Path(getattr(sys, "_MEIPASS", "")) / "etc" / "fonts" / "fonts.conf"
if _bundled.is_file() and not Path("/etc/fonts/fonts.conf").is_file():
    os.environ.setdefault("FONTCONFIG_FILE", str(_bundled))
