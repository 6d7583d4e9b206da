"""Client reports: the PDF a consultant hands over, and the Excel export of one client's results.

``build_report`` and ``build_xlsx`` are the entry points the CLI and the GUI share. Importing this
package is cheap: WeasyPrint and openpyxl are imported when a report or workbook is made.
"""

from app.report.service import ReportResult, build_report, build_xlsx, render_report
from app.report.settings import Branding, ReportSettings, SettingsError, branding, load_settings

__all__ = [
    "Branding",
    "ReportResult",
    "ReportSettings",
    "SettingsError",
    "branding",
    "build_report",
    "build_xlsx",
    "load_settings",
    "render_report",
]
