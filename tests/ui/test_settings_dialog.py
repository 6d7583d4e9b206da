"""Settings: the controller's checks and apply (no window), then the dialog driven as a user."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QFileDialog, QWidget
from sqlalchemy.engine import make_url

from app.report.settings import load_settings as load_report_settings
from app.services.clients import ClientService
from app.settings import load_app_settings
from app.ui.context import AppContext
from app.ui.settings import SettingsController, SettingsDialog, load_startup_settings
from app.ui.settings.controller import (
    POSTGRESQL,
    BrandingForm,
    DatabaseForm,
    SettingsForm,
    same_database,
)
from tests.app.test_secrets import MemoryKeyring
from tests.conftest import AS_OF

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PASSWORD = "pw-never-shown-7"


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """Settings files, the default database folder and the keyring all private to the test."""
    monkeypatch.setenv("POLICY_CHECKER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("POLICY_CHECKER_DB_URL", raising=False)
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.json"


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    return tmp_path / "config" / "report.json"


@pytest.fixture
def controller(context: AppContext) -> SettingsController:
    return SettingsController(context)


def sqlite_form(path: Path, **changes: object) -> SettingsForm:
    return SettingsForm(
        language=str(changes.get("language", "en")),
        as_of=changes.get("as_of", AS_OF.isoformat()),  # type: ignore[arg-type]
        database=DatabaseForm(path=str(path)),
        branding=changes.get("branding", BrandingForm()),  # type: ignore[arg-type]
    )


def server_form(**fields: str) -> SettingsForm:
    values = {"host": "127.0.0.1", "port": "1", "name": "db", "user": "x", **fields}
    return SettingsForm(language="en", database=DatabaseForm(kind=POSTGRESQL, **values))


def fields_of(controller: SettingsController, form: SettingsForm) -> list[str]:
    checked, problems = controller.check(form)
    assert (checked is None) == bool(problems)
    return [problem.field for problem in problems]


# ------------------------------------------------------------------ start-up


def test_startup_takes_language_and_as_of_from_the_file_and_lang_overrides(
    settings_file: Path,
) -> None:
    assert load_startup_settings().lang == "zh"  # no file: Chinese, today
    assert load_startup_settings().as_of is None
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text('{"language": "en", "as_of": "2026-11-26"}', "utf-8")
    startup = load_startup_settings()
    assert (startup.lang, startup.as_of, startup.problems) == ("en", date(2026, 11, 26), [])
    assert load_startup_settings("zh").lang == "zh"


def test_startup_with_a_refused_file_uses_the_defaults_and_says_why(settings_file: Path) -> None:
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text('{"language": "fr"}', "utf-8")
    startup = load_startup_settings()
    assert startup.lang == "zh" and startup.as_of is None
    assert "language" in startup.problems[0]


# ------------------------------------------------------------------ the controller's checks


def test_the_form_shows_what_is_in_use(controller: SettingsController, tmp_path: Path) -> None:
    form = controller.form()
    assert form.language == "en" and form.as_of == "2026-11-26"
    assert form.database.kind == "sqlite"
    assert Path(form.database.path) == tmp_path / "roster.db"
    assert form.database.password == ""


@pytest.mark.parametrize("day", ["2026-13-01", "2026-02-30", "26/11/2026", "tomorrow"])
def test_a_bad_as_of_date_is_refused(
    controller: SettingsController, tmp_path: Path, day: str
) -> None:
    checked, problems = controller.check(sqlite_form(tmp_path / "r.db", as_of=day))
    assert checked is None
    assert [p.field for p in problems] == ["as_of"]
    assert day in problems[0].message and "2026-11-26" in problems[0].message


def test_today_is_no_fixed_date(controller: SettingsController, tmp_path: Path) -> None:
    checked, _ = controller.check(sqlite_form(tmp_path / "r.db", as_of=None))
    assert checked is not None and checked.as_of is None


@pytest.mark.parametrize("port", ["abc", "70000", "0", "-1", "５４３２"])
def test_a_bad_port_is_refused(controller: SettingsController, port: str) -> None:
    _, problems = controller.check(server_form(port=port))
    assert [p.field for p in problems] == ["port"]
    assert "1 to 65535" in problems[0].message


def test_empty_server_fields_are_each_named(controller: SettingsController) -> None:
    form = server_form(host="  ", name="", user="")
    assert fields_of(controller, form) == ["host", "name", "user"]
    assert fields_of(controller, server_form(host="centre db/x")) == ["host"]


def test_a_good_server_form_gives_a_url_without_password(controller: SettingsController) -> None:
    checked, problems = controller.check(server_form(host="centre-db", port="", password=PASSWORD))
    assert problems == [] and checked is not None
    assert checked.database.url == "postgresql://x@centre-db:5432/db"
    assert checked.database.password == PASSWORD
    assert PASSWORD not in repr(checked)


def test_a_password_without_a_keyring_is_refused(controller: SettingsController) -> None:
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    _, problems = controller.check(server_form(password=PASSWORD))
    assert [p.field for p in problems] == ["password"]
    assert "keyring" in problems[0].message
    _, problems = controller.check(server_form())  # no password: the server may let it in
    assert problems == []


def test_an_empty_database_file_path_or_a_folder_is_refused(
    controller: SettingsController, tmp_path: Path
) -> None:
    assert fields_of(controller, sqlite_form(Path(""))) == ["path"]
    assert fields_of(controller, sqlite_form(tmp_path)) == ["path"]


@pytest.mark.parametrize("accent", ["red", "#12345", "#GGGGGG", "1f4e79", "#1f4e7900"])
def test_a_bad_accent_colour_is_refused(
    controller: SettingsController, tmp_path: Path, accent: str
) -> None:
    form = sqlite_form(tmp_path / "r.db", branding=BrandingForm(accent=accent))
    _, problems = controller.check(form)
    assert [p.field for p in problems] == ["accent"]
    assert "#RRGGBB" in problems[0].message


def test_a_logo_must_be_a_small_png_or_jpeg(controller: SettingsController, tmp_path: Path) -> None:
    def logo_problem(path: Path) -> str:
        form = sqlite_form(tmp_path / "r.db", branding=BrandingForm(logo=str(path)))
        _, problems = controller.check(form)
        assert [p.field for p in problems] == ["logo"]
        return problems[0].message

    text = tmp_path / "logo.png"
    text.write_text("not an image", "utf-8")
    assert "is not a PNG or JPEG image" in logo_problem(text)
    assert "does not exist" in logo_problem(tmp_path / "missing.png")
    assert "is a folder" in logo_problem(tmp_path)
    big = tmp_path / "big.png"
    big.write_bytes(PNG + b"\x00" * (2 * 1024 * 1024))
    assert "larger than 2 MB" in logo_problem(big)
    good = tmp_path / "good.png"
    good.write_bytes(PNG)
    checked, problems = controller.check(
        sqlite_form(tmp_path / "r.db", branding=BrandingForm(logo=str(good), accent="#1F4E79"))
    )
    assert problems == [] and checked is not None
    assert checked.report.logo == good and checked.report.accent == "#1f4e79"


def test_branding_text_too_long_or_unprintable_is_refused(
    controller: SettingsController, tmp_path: Path
) -> None:
    form = sqlite_form(
        tmp_path / "r.db",
        branding=BrandingForm(adviser="x" * 201, organisation="bell\x07", contact="a\nb"),
    )
    _, problems = controller.check(form)
    assert [p.field for p in problems] == ["adviser", "organisation"]


def test_same_database_ignores_driver_spelling_and_password(tmp_path: Path) -> None:
    assert same_database("postgresql://x@Centre:5432/db", "postgresql+psycopg://x:pw@centre/db")
    assert not same_database("postgresql://x@centre/db", "postgresql://y@centre/db")
    assert same_database(f"sqlite:///{tmp_path}/a/../r.db", f"sqlite:///{tmp_path}/r.db")


# ------------------------------------------------------------------ the controller's apply


def test_a_good_sqlite_file_is_opened_set_and_saved(
    qtbot,
    controller: SettingsController,
    context: AppContext,
    service: ClientService,
    tmp_path: Path,
    settings_file: Path,
    wait_tasks: Callable[[], None],
) -> None:
    new_file = tmp_path / "other" / "roster.sqlite3"
    languages: list[str] = []
    context.language_changed.connect(languages.append)
    with (
        qtbot.waitSignal(controller.applied, timeout=20_000),
        qtbot.waitSignal(context.service_changed, timeout=20_000),
        qtbot.waitSignal(context.as_of_changed),
    ):
        assert controller.apply(sqlite_form(new_file, language="zh", as_of=None)) == []
        assert controller.busy
    wait_tasks()
    assert context.service is not service
    assert context.service.database.url.database == str(new_file)
    assert context.service.actor == "desk-1"
    assert languages == ["zh"] and context.lang == "zh" and context.service.lang == "zh"
    assert context.fixed_as_of is None
    stored = load_app_settings(settings_file)
    assert stored.database_url == f"sqlite:///{new_file}"
    assert stored.language == "zh" and stored.as_of is None
    assert not controller.busy


def test_an_unreachable_server_keeps_the_old_database_and_says_why(
    qtbot,
    controller: SettingsController,
    context: AppContext,
    service: ClientService,
    settings_file: Path,
    isolated: MemoryKeyring,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    changed: list[str] = []
    context.service_changed.connect(lambda: changed.append("service"))
    context.language_changed.connect(changed.append)
    form = server_form(password=PASSWORD)
    form = SettingsForm(language="zh", database=form.database)
    with qtbot.waitSignal(controller.apply_failed, timeout=30_000) as failed:
        assert controller.apply(form) == []
    message = failed.args[0]
    assert "127.0.0.1:1" in message and "did not answer" in message
    assert "Traceback" not in message and PASSWORD not in message
    assert PASSWORD not in caplog.text
    assert context.service is service and context.lang == "en" and changed == []
    assert service.count() == 0  # the old database is still open and usable
    assert not settings_file.exists()
    assert isolated.store == {}  # a password that did not open anything is not kept


def test_a_file_of_another_application_is_refused_in_plain_words(
    qtbot, controller: SettingsController, context: AppContext, tmp_path: Path
) -> None:
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER)")
    connection.close()
    old = context.service
    with qtbot.waitSignal(controller.apply_failed, timeout=20_000) as failed:
        controller.apply(sqlite_form(foreign))
    assert "not a policy-checker roster" in failed.args[0]
    assert context.service is old


def test_an_unchanged_database_applies_at_once_and_keeps_the_file_value(
    qtbot,
    controller: SettingsController,
    context: AppContext,
    service: ClientService,
    tmp_path: Path,
    settings_file: Path,
) -> None:
    with qtbot.waitSignal(controller.applied, timeout=1000):
        controller.apply(sqlite_form(tmp_path / "roster.db", as_of="2026-01-05"))
    assert context.service is service and context.fixed_as_of == date(2026, 1, 5)
    # The database in use came from elsewhere (--db): it is not written to the file.
    assert json.loads(settings_file.read_text("utf-8")) == {
        "language": "en",
        "as_of": "2026-01-05",
    }


def test_the_default_file_is_written_as_no_key(
    qtbot,
    controller: SettingsController,
    context: AppContext,
    settings_file: Path,
    wait_tasks: Callable[[], None],
) -> None:
    from app.ui.settings.controller import default_database_path

    with qtbot.waitSignal(controller.applied, timeout=20_000):
        controller.apply(sqlite_form(Path(default_database_path())))
    wait_tasks()
    assert "database_url" not in json.loads(settings_file.read_text("utf-8"))
    assert str(context.service.database.url.database) == default_database_path()


def test_branding_is_saved_where_the_report_reads_it(
    qtbot, controller: SettingsController, tmp_path: Path, report_file: Path
) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    branding = BrandingForm(
        adviser=" 王晓明 ", organisation="东湖服务中心", contact="027-1\r\nA St", logo=str(logo),
        accent="#1F4E79",
    )  # fmt: skip
    with qtbot.waitSignal(controller.applied, timeout=1000):
        controller.apply(sqlite_form(tmp_path / "roster.db", branding=branding))
    report = load_report_settings(report_file)
    assert report.adviser == "王晓明" and report.organisation == "东湖服务中心"
    assert report.contact == "027-1\nA St" and report.logo == logo and report.accent == "#1f4e79"
    again = SettingsController(controller.context).form().branding
    assert again.adviser == "王晓明" and again.logo == str(logo)


def test_a_settings_folder_that_cannot_be_written_changes_nothing(
    qtbot, context: AppContext, tmp_path: Path
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the folder should be", "utf-8")
    controller = SettingsController(context, blocker / "settings.json", blocker / "report.json")
    with qtbot.waitSignal(controller.apply_failed, timeout=1000) as failed:
        controller.apply(sqlite_form(tmp_path / "roster.db", language="zh"))
    assert "could not be saved" in failed.args[0]
    assert context.lang == "en"


def test_cancelling_while_a_database_opens_closes_it_and_changes_nothing(
    qtbot,
    controller: SettingsController,
    context: AppContext,
    service: ClientService,
    tmp_path: Path,
    settings_file: Path,
    wait_tasks: Callable[[], None],
) -> None:
    controller.apply(sqlite_form(tmp_path / "new.db", language="zh"))
    controller.cancel()
    wait_tasks()
    assert context.service is service and context.lang == "en"
    assert not settings_file.exists()


def test_testing_a_connection_answers_in_plain_words(
    qtbot, controller: SettingsController, tmp_path: Path
) -> None:
    with qtbot.waitSignal(controller.connection_tested, timeout=20_000) as tested:
        assert controller.test_connection(DatabaseForm(path=str(tmp_path / "roster.db"))) == []
    assert tested.args == [True, "Connected. This is a policy-checker roster."]
    with qtbot.waitSignal(controller.connection_tested, timeout=20_000) as tested:
        controller.test_connection(DatabaseForm(path=str(tmp_path / "nothing-yet.db")))
    assert tested.args[0] is True and "does not exist yet" in tested.args[1]
    assert not (tmp_path / "nothing-yet.db").exists()  # testing creates nothing
    with qtbot.waitSignal(controller.connection_tested, timeout=30_000) as tested:
        controller.test_connection(server_form(password=PASSWORD).database)
    assert tested.args[0] is False and "did not answer" in tested.args[1]
    assert PASSWORD not in tested.args[1]
    problems = controller.test_connection(server_form(port="abc").database)
    assert [p.field for p in problems] == ["port"]


def test_a_shared_server_keeps_its_password_in_the_keyring_only(
    qtbot,
    context: AppContext,
    tmp_path: Path,
    settings_file: Path,
    isolated: MemoryKeyring,
    wait_tasks: Callable[[], None],
) -> None:
    from tests.db.backends import fresh_database_url

    with fresh_database_url("postgresql", tmp_path) as url:
        parsed = make_url(url)
        password = parsed.password or PASSWORD  # a trusting test server ignores it
        controller = SettingsController(context)
        form = SettingsForm(
            language="en",
            database=DatabaseForm(
                kind=POSTGRESQL, host=parsed.host or "localhost", port=str(parsed.port or 5432),
                name=parsed.database or "", user=parsed.username or "", password=password,
            ),
        )  # fmt: skip
        with qtbot.waitSignal(controller.applied, timeout=30_000):
            assert controller.apply(form) == []
        wait_tasks()
        text = settings_file.read_text("utf-8")
        assert password not in text
        assert make_url(json.loads(text)["database_url"]).password is None
        assert list(isolated.store.values()) == [password]
        assert context.service.database.backend == "postgresql"
        # Opened again from the settings file: the password comes from the keyring.
        from app.settings import database_url

        reopened = database_url(None, "sqlite:///unused.db")
        assert make_url(reopened).password == password
        again = ClientService.open(reopened)
        assert again.count() == 0
        again.close()
        context.service.close()


# ------------------------------------------------------------------ the dialog


def on_label(button: QWidget) -> QPoint:
    """A point on a radio button's own text (its widget may stretch far beyond it)."""
    return QPoint(button.fontMetrics().height(), button.height() // 2)


@pytest.fixture
def dialog(qtbot, context: AppContext, wait_tasks: Callable[[], None]) -> SettingsDialog:
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_tasks()
    return dialog


def test_the_dialog_shows_the_settings_in_use(dialog: SettingsDialog, tmp_path: Path) -> None:
    assert dialog.objectName() == "settingsDialog"
    assert dialog.windowTitle() == "Settings"
    assert dialog.language.currentData() == "en"
    assert dialog.as_of_fixed.isChecked() and dialog.as_of_date.isEnabled()
    assert dialog.as_of_date.date().toString("yyyy-MM-dd") == "2026-11-26"
    assert dialog.use_file.isChecked() and not dialog.server_box.isEnabled()
    assert Path(dialog.path.text()) == tmp_path / "roster.db"
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    assert "roster.db" in dialog.in_use.text()
    assert "keyring" in dialog.keyring_note.text()
    for widget in (dialog.language, dialog.as_of_date, dialog.path, dialog.host, dialog.port,
                   dialog.password, dialog.test_button, dialog.accent, dialog.logo):  # fmt: skip
        assert widget.accessibleName(), widget.objectName()


def test_ok_applies_the_language_and_today_and_saves(
    qtbot, dialog: SettingsDialog, context: AppContext, settings_file: Path
) -> None:
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    qtbot.mouseClick(
        dialog.as_of_today, Qt.MouseButton.LeftButton, pos=on_label(dialog.as_of_today)
    )
    assert not dialog.as_of_date.isEnabled()
    with qtbot.waitSignal(context.language_changed) as changed:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert changed.args == ["zh"]
    assert context.fixed_as_of is None
    assert dialog.result() == dialog.DialogCode.Accepted and not dialog.isVisible()
    assert load_app_settings(settings_file).language == "zh"


def test_a_fixed_date_is_picked_and_applied(
    qtbot, dialog: SettingsDialog, context: AppContext
) -> None:
    from PySide6.QtCore import QDate

    dialog.as_of_date.setDate(QDate(2025, 6, 30))
    with qtbot.waitSignal(context.as_of_changed):
        dialog.accept()
    assert context.as_of == date(2025, 6, 30)


def test_refused_fields_are_shown_and_the_dialog_stays_open(
    qtbot, dialog: SettingsDialog, context: AppContext
) -> None:
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.use_server, Qt.MouseButton.LeftButton, pos=on_label(dialog.use_server))
    assert dialog.server_box.isEnabled() and not dialog.file_box.isEnabled()
    dialog.port.clear()
    qtbot.keyClicks(dialog.port, "70000")
    dialog.tabs.setCurrentIndex(0)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == 1  # the Database tab, where the first problem is
    text = dialog.message.text()
    assert "Enter the server's name" in text and "1 to 65535" in text
    assert context.service.database.backend == "sqlite"


def test_an_unreachable_server_is_reported_in_the_dialog(
    qtbot, dialog: SettingsDialog, context: AppContext, wait_tasks: Callable[[], None]
) -> None:
    old = context.service
    dialog.use_server.setChecked(True)
    for edit, text in ((dialog.host, "127.0.0.1"), (dialog.port, "1"), (dialog.name, "db"),
                       (dialog.user, "x"), (dialog.password, PASSWORD)):  # fmt: skip
        edit.clear()
        qtbot.keyClicks(edit, text)
    dialog.accept()
    assert not dialog.ok_button.isEnabled()
    assert dialog.message.text() == "Opening the database…"
    wait_tasks()
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    assert "did not answer" in dialog.message.text()
    assert PASSWORD not in dialog.message.text()
    assert context.service is old


def test_test_connection_button_answers_beside_it(
    qtbot, dialog: SettingsDialog, wait_tasks: Callable[[], None]
) -> None:
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    wait_tasks()
    assert dialog.test_result.text() == "✔ Connected. This is a policy-checker roster."
    qtbot.keyClicks(dialog.path, "x")
    assert dialog.test_result.text() == ""  # an answer about other fields is not left standing


def test_cancel_changes_nothing(
    qtbot, dialog: SettingsDialog, context: AppContext, settings_file: Path
) -> None:
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    dialog.accent.setText("#123456")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Rejected
    assert context.lang == "en" and context.fixed_as_of == AS_OF
    assert not settings_file.exists()


def test_choosers_fill_the_fields(
    qtbot,
    dialog: SettingsDialog,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    report_file: Path,
) -> None:
    logo = tmp_path / "logo.png"
    from PySide6.QtGui import QImage

    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f4e79"))
    assert image.save(str(logo))
    monkeypatch.setattr(QColorDialog, "getColor", lambda *_args: QColor("#a0522d"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(logo), ""))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "chosen.db"), "")
    )
    dialog.tabs.setCurrentIndex(2)
    qtbot.mouseClick(dialog.choose_accent, Qt.MouseButton.LeftButton)
    assert dialog.accent.text() == "#a0522d"
    qtbot.mouseClick(dialog.browse_logo, Qt.MouseButton.LeftButton)
    assert dialog.logo.text() == str(logo)
    assert dialog.logo_preview.pixmap() is not None and not dialog.logo_preview.pixmap().isNull()
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.browse_path, Qt.MouseButton.LeftButton)
    assert dialog.path.text() == str(tmp_path / "chosen.db")
    qtbot.mouseClick(dialog.clear_logo, Qt.MouseButton.LeftButton)
    assert dialog.logo.text() == ""
    dialog.accent.setText("#12")
    dialog.accept()
    assert dialog.tabs.currentIndex() == 2 and "#RRGGBB" in dialog.message.text()
    assert not report_file.exists()
