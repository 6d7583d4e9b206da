"""The history screen: a client's saved visits, frozen and compared; notes and follow-ups; and
the dialog for a save refused because another desk saved the client first."""

from app.ui.history.compare import CompareDialog
from app.ui.history.conflict import (
    ConflictChoice,
    SaveConflictDialog,
    apply_conflict_choice,
    resolve_save_conflict,
)
from app.ui.history.controller import HistoryController
from app.ui.history.frozen import FrozenAssessmentDialog
from app.ui.history.notes import NotesPanel
from app.ui.history.view import HistoryView

__all__ = [
    "CompareDialog",
    "ConflictChoice",
    "FrozenAssessmentDialog",
    "HistoryController",
    "HistoryView",
    "NotesPanel",
    "SaveConflictDialog",
    "apply_conflict_choice",
    "resolve_save_conflict",
]
