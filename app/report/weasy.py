"""Loading WeasyPrint: fast, once, and with our own warning when HarfBuzz-Subset is missing."""

from __future__ import annotations

import ctypes.util
import logging
import sys
import threading
import warnings
from typing import Any, Final

log = logging.getLogger(__name__)

HARFBUZZ_SUBSET_MISSING: Final = (
    "libharfbuzz-subset0 is not installed: WeasyPrint falls back to fontTools to subset fonts, "
    "which makes a Chinese report many times slower (seconds instead of under one). "
    "Install it with: sudo apt-get install libharfbuzz-subset0"
)


def load_weasyprint() -> Any:
    """Import WeasyPrint, quickly, and without its own warning about HarfBuzz-Subset.

    WeasyPrint tries several names for each native library (``libpango-1.0-0``,
    ``pango-1.0-0``, ... ``libpango-1.0.so.0``). For every name that fails, cffi asks
    ``ctypes.util.find_library``, which on Linux runs ``ldconfig -p`` and then ``gcc`` and ``ld``
    in subprocesses: about 50 processes and 0.15 s of every report's start-up. The last names
    are the sonames, which the dynamic loader finds by itself, so on Linux the import runs with
    ``find_library`` answering "not found" at once. If that fails the import is simply retried
    the ordinary way. We warn about a missing HarfBuzz-Subset ourselves, in our own words.
    """
    if "weasyprint" in sys.modules:
        return sys.modules["weasyprint"]
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message="HarfBuzz-Subset will be required", category=DeprecationWarning
        )
        # The patch is global for the time of the import: only the main thread may make it.
        if (
            sys.platform.startswith("linux")
            and threading.current_thread() is threading.main_thread()
        ):
            find_library = ctypes.util.find_library
            ctypes.util.find_library = _not_found
            try:
                import weasyprint

                return weasyprint
            except OSError:
                log.debug("WeasyPrint did not load by soname; importing it the usual way")
            finally:
                ctypes.util.find_library = find_library
        import weasyprint

    return weasyprint


def _not_found(name: str) -> None:
    return None


def harfbuzz_subset_available() -> bool:
    """Whether WeasyPrint found HarfBuzz's subsetter (4.1 or newer), as it checks it itself."""
    load_weasyprint()
    from weasyprint.text import ffi

    return ffi.harfbuzz_subset is not None and bool(ffi.harfbuzz.hb_version_atleast(4, 1, 0))
