"""The Settings dialog: interface language, as-of date, database, report branding, rule packs."""

from app.ui.settings.controller import (
    SettingsController,
    StartupSettings,
    load_startup_settings,
)
from app.ui.settings.dialog import SettingsDialog

__all__ = ["SettingsController", "SettingsDialog", "StartupSettings", "load_startup_settings"]
