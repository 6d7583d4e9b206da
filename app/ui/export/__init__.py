"""Export and print (PDF report, Excel workbook, one-page handout) and importing clients."""

from app.ui.export.controller import (
    ExportController,
    ImportController,
    RefusedRowsModel,
    import_clients,
    write_handout,
    write_report,
    write_workbook,
)

__all__ = [
    "ExportController",
    "ImportController",
    "RefusedRowsModel",
    "import_clients",
    "write_handout",
    "write_report",
    "write_workbook",
]
