"""The results screen: every measure with its verdict, grouped and filtered."""

from app.ui.results.view import ResultsView

__all__ = ["ResultsView"]
