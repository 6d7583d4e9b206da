"""What every screen shares: the pack, the roster's service, the language and the as-of date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal

from app.services.clients import ClientService
from rules.pack import Pack


class AppContext(QObject):
    """The application's shared state; screens listen to its signals.

    ``as_of`` None means today: an assessment is always made as of a date, and a desk left open
    overnight assesses as of the new day.
    """

    language_changed = Signal(str)
    as_of_changed = Signal()
    roster_changed = Signal()  # a client was added, saved, deleted or imported
    service_changed = Signal()  # another database was opened
    pack_changed = Signal()  # another rule pack is in use: re-assess, rebuild what shows it

    def __init__(
        self,
        pack: Pack,
        service: ClientService,
        lang: str = "zh",
        as_of: date | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.pack = pack
        self.service = service
        self.lang = lang
        self._as_of = as_of

    @property
    def as_of(self) -> date:
        return self._as_of or date.today()

    @property
    def fixed_as_of(self) -> date | None:
        """The as-of date the user set, or None for "today"."""
        return self._as_of

    def set_as_of(self, day: date | None) -> None:
        if day != self._as_of:
            self._as_of = day
            self.as_of_changed.emit()

    def set_language(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            self.service.lang = lang
            self.language_changed.emit(lang)

    def set_pack(self, pack: Pack, service: ClientService) -> None:
        """Assess with ``pack`` from now on, through ``service`` (the roster opened with it)."""
        self.pack = pack
        self.set_service(service)
        self.pack_changed.emit()

    def set_service(self, service: ClientService) -> None:
        old, self.service = self.service, service
        service.lang = self.lang
        if old is not service:
            old.close()
        self.service_changed.emit()
        self.roster_changed.emit()
