"""Fixtures for GUI tests: a real SQLite roster, the shared context and a client session."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.services.clients import ClientService
from app.ui.context import AppContext
from app.ui.i18n import Translations
from app.ui.session import ClientSession
from app.ui.tasks import busy
from rules.pack import Pack
from tests.conftest import AS_OF


@pytest.fixture
def service(tmp_path: Path, pack: Pack) -> Iterator[ClientService]:
    service = ClientService.open(f"sqlite:///{tmp_path / 'roster.db'}", pack=pack, actor="desk-1")
    yield service
    service.close()


@pytest.fixture
def context(qapp, pack: Pack, service: ClientService) -> AppContext:
    return AppContext(pack, service, lang="en", as_of=AS_OF)


@pytest.fixture
def session(context: AppContext) -> ClientSession:
    return ClientSession(context)


@pytest.fixture
def wait_tasks(qtbot) -> Callable[[], None]:
    def wait() -> None:
        qtbot.waitUntil(lambda: not busy(), timeout=15_000)

    return wait


@pytest.fixture
def chinese(qapp) -> Iterator[Translations]:
    """The Chinese interface installed for one test, English (no translator) after it."""
    translations = Translations()
    translations.apply("zh")
    yield translations
    translations.clear()
