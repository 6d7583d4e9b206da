"""The profile editor screen: every profile key of the client, grouped, editable in place."""

from app.ui.profile_editor.controller import ProfileEditorController
from app.ui.profile_editor.view import ProfileEditorView

__all__ = ["ProfileEditorController", "ProfileEditorView"]
