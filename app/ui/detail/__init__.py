"""The detail pane: one measure for the client, why, and what to do."""

from app.ui.detail.view import DetailView

__all__ = ["DetailView"]
