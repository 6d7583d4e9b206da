"""Root test configuration: runs before any test module imports Qt."""

import os
import tempfile

# Qt must never need a screen in tests, and must be told so before PySide6 is imported.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Tests must not write into the user's real log folder.
os.environ.setdefault("POLICY_CHECKER_LOG_DIR", tempfile.mkdtemp(prefix="policy-checker-logs-"))
# Nor read or write the user's settings (settings.json, report branding, window layout).
os.environ["POLICY_CHECKER_CONFIG_DIR"] = tempfile.mkdtemp(prefix="policy-checker-config-")
os.environ["XDG_CONFIG_HOME"] = os.environ["POLICY_CHECKER_CONFIG_DIR"]
