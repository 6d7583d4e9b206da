"""The client roster, the home screen: ``RosterView`` (widgets), ``RosterController`` (logic),
``RosterModel`` (the table)."""

from app.ui.roster.controller import RosterController, RosterFilter
from app.ui.roster.model import RosterModel
from app.ui.roster.view import RosterView

__all__ = ["RosterController", "RosterFilter", "RosterModel", "RosterView"]
