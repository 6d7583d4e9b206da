"""The profile editor's logic: which keys in which section, what an edit does, what is shown
beside an unanswered key, what the save state is. No widgets: tests drive it directly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Final

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.ui.context import AppContext
from app.ui.core_messages import error_text
from app.ui.session import ClientSession
from app.ui.widgets.base import UNKNOWN
from db.errors import ConcurrentEditError, DatabaseError
from db.records import ClientRecord
from rules.fields import PROFILE_FIELDS
from rules.help_text import field_help
from rules.profile import PROFILE_KEYS, ProfileError

log = logging.getLogger(__name__)

try:  # rules.inference may be absent in an older tree: then nothing is inferred
    from rules.inference import infer
except ImportError:  # pragma: no cover
    infer = None  # type: ignore[assignment]

# (section id, keys in reading order); every profile key is in exactly one section.
SECTIONS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("identity", ("name", "credit_code")),
    ("location", ("zone", "city", "in_east_lake", "in_han_river_basin", "imports_via_yichang")),
    (
        "industry",
        ("industry_code", "employees", "annual_revenue", "total_assets", "established"),
    ),
    (
        "status",
        (
            "high_tech_enterprise",
            "tech_sme",
            "specialized_sme",
            "ic_enterprise",
            "ic_role",
            "ic_line_width_nm",
            "software_enterprise",
            "foreign_invested",
            "medical_institution",
            "research_institution",
            "financial_institution",
            "first_profit_year",
            "rd_expense_ratio",
            "core_link_rnd_production",
            "key_field_in_catalogue",
            "key_enterprise",
        ),
    ),
    ("activities", ("sectors", "activities")),
)
assert sorted(k for _, keys in SECTIONS for k in keys) == sorted(PROFILE_KEYS)


translate = QCoreApplication.translate


def section_title(section: str) -> str:
    return {
        "identity": translate("ProfileEditor", "Identity"),
        "location": translate("ProfileEditor", "Location"),
        "industry": translate("ProfileEditor", "Industry and size"),
        "status": translate("ProfileEditor", "Status and certificates"),
        "activities": translate("ProfileEditor", "Activities"),
    }[section]


class ProfileEditorController(QObject):
    """What the profile editor shows and does, over the shared client session."""

    state_changed = Signal()  # the save state (dirty, saving, saved, failed) changed
    save_conflict = Signal(object)  # ConcurrentEditError: someone else saved the client

    def __init__(
        self, session: ClientSession, context: AppContext, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.context = context
        self.saving = False
        self.save_error = ""  # the last save's refusal in plain words, "" after a good save
        session.changed.connect(self.state_changed)

    # -- what is shown ------------------------------------------------------------------------

    def question(self, key: str) -> str:
        return PROFILE_FIELDS[key].question(self.context.lang)

    def help(self, key: str) -> str:
        return field_help(key, self.context.lang)

    def current(self, key: str) -> Any:
        """The session's answer to ``key`` in JSON form, or UNKNOWN."""
        return self.session.answers.get(key, UNKNOWN)

    def inference(self, key: str) -> str:
        """What the app infers for an unanswered key, with its basis; "" if nothing."""
        if infer is None or key in self.session.answers:
            return ""
        found = infer(self.session.answers).get(key)
        if found is None:
            return ""
        basis = found.basis(self.context.lang)
        return translate(
            "ProfileEditor", "{basis}. Not answered yet: answer the question to override."
        ).format(basis=basis[:1].upper() + basis[1:])

    @property
    def dirty(self) -> bool:
        return self.session.dirty

    def status_text(self) -> str:
        if self.saving:
            return translate("ProfileEditor", "Saving…")
        if self.save_error:
            return translate("ProfileEditor", "Not saved: {reason}").format(reason=self.save_error)
        if self.session.dirty:
            return translate("ProfileEditor", "Unsaved changes")
        if self.session.record is None:
            return translate("ProfileEditor", "New client, not saved yet")
        return translate("ProfileEditor", "All changes saved")

    # -- editing ------------------------------------------------------------------------------

    def apply(self, key: str, value: Any, dont_know: bool = False) -> str:
        """Put an edit into the session: UNKNOWN forgets the key (``dont_know`` records that
        it was asked). Return "" when taken, else why it was refused in plain words (the
        session is then unchanged)."""
        if value is UNKNOWN:
            if key == "name":
                return translate("ProfileEditor", "Enter the company's name: it is required.")
            self.session.forget(key, dont_know=dont_know)
            return ""
        try:
            self.session.set_answer(key, value)
        except ProfileError as error:
            log.info("answer refused for %s: %s", key, error)
            reason = "; ".join(p.split(": ", 1)[-1] for p in error.problems)
            return translate("ProfileEditor", "This answer cannot be taken: {reason}").format(
                reason=reason
            )
        return ""

    # -- saving -------------------------------------------------------------------------------

    def can_save(self) -> bool:
        return bool(self.session.name) and not self.saving

    def save(
        self,
        allow_same_name: bool = False,
        on_done: Callable[[ClientRecord], None] | None = None,
        on_failed: Callable[[Exception], None] | None = None,
    ) -> str:
        """Save in a worker; return "" when started, else why not in plain words. A refusal
        lands in ``save_error`` (and ``on_failed``); a conflict also emits ``save_conflict``."""
        if self.saving:
            return translate("ProfileEditor", "A save is already running.")
        if not self.session.name:
            return translate("ProfileEditor", "Enter the company's name before saving.")
        self.saving = True
        self.save_error = ""
        self.state_changed.emit()

        def done(record: ClientRecord) -> None:
            self.saving = False
            self.state_changed.emit()
            if on_done is not None:
                on_done(record)

        def failed(error: Exception) -> None:
            self.saving = False
            self.save_error = save_error_text(error)
            self.state_changed.emit()
            if isinstance(error, ConcurrentEditError):
                self.save_conflict.emit(error)
            if on_failed is not None:
                on_failed(error)

        try:
            self.session.save(on_done=done, on_failed=failed, allow_same_name=allow_same_name)
        except ProfileError as error:
            self.saving = False
            self.save_error = save_error_text(error)
            self.state_changed.emit()
            return self.save_error
        return ""


def save_error_text(error: Exception) -> str:
    """A save's refusal in plain words."""
    if isinstance(error, ConcurrentEditError):
        return translate(
            "ProfileEditor",
            "someone else saved this client after you opened it. Nothing was overwritten: "
            "reload it or compare the two versions.",
        )
    if isinstance(error, DatabaseError | ProfileError):
        return error_text(error)
    log.error("save failed", exc_info=error)
    return translate(
        "ProfileEditor", "something unexpected went wrong; the details are in the log file."
    )
