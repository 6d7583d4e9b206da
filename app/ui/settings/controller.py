"""Settings: what the dialog shows, what it refuses, and what OK does; no widgets.

The dialog hands a ``SettingsForm`` (the fields as typed) to ``SettingsController``. ``check``
refuses it field by field in plain words; ``apply`` opens a changed database in a worker, then
writes settings.json (the URL without its password), report.json (the branding) and the
password to the system keyring, and only then changes the context: the language, the as-of
date and the roster's service. Any failure leaves the context, the files and the old database
as they were.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import QObject, Signal
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.exc import DBAPIError as SqlDatabaseError

from app import secrets
from app.report import settings as report_settings
from app.report.settings import MAX_LOGO_BYTES, ReportSettings, SettingsError
from app.services.clients import ClientService
from app.settings import (
    AppSettings,
    AppSettingsError,
    load_app_settings,
    save_app_settings,
    settings_path,
    without_password,
    write_json_atomically,
)
from app.ui.context import AppContext
from app.ui.core_messages import plain_reason
from app.ui.tasks import run_task
from db.engine import default_url, sqlite_path
from db.engine import parse_url as parse_database_url
from db.errors import DatabaseError, SchemaError
from db.migrate import SchemaState, schema_state
from rules.bounded_file import FileRefused, read_bounded
from rules.pack import Pack

log = logging.getLogger(__name__)

LANGUAGES: Final = ("zh", "en")
SQLITE: Final = "sqlite"
POSTGRESQL: Final = "postgresql"
DEFAULT_PORT: Final = "5432"
CONNECT_TIMEOUT_S: Final = 10
TEXT_MAX: Final = 200
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ACCENT = re.compile(r"#[0-9a-fA-F]{6}")
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
_HOST = re.compile(r"[A-Za-z0-9._:\-\[\]]+")


# ----------------------------------------------------------------------------- the form


@dataclass(frozen=True)
class DatabaseForm:
    """The database fields as typed. ``password`` is what was typed this time; empty keeps the
    one already in the keyring."""

    kind: str = SQLITE
    path: str = ""
    host: str = ""
    port: str = DEFAULT_PORT
    name: str = ""
    user: str = ""
    password: str = field(default="", repr=False)


@dataclass(frozen=True)
class BrandingForm:
    adviser: str = ""
    organisation: str = ""
    contact: str = ""
    logo: str = ""
    accent: str = ""


@dataclass(frozen=True)
class SettingsForm:
    language: str = "zh"
    as_of: str | None = None  # a day written YYYY-MM-DD; None: today
    database: DatabaseForm = DatabaseForm()
    branding: BrandingForm = BrandingForm()


@dataclass(frozen=True)
class Problem:
    """One refused field (``field`` names it, e.g. "port", "accent") and why, in plain words."""

    field: str
    message: str


@dataclass(frozen=True)
class CheckedDatabase:
    url: str  # without the password: what settings.json and the keyring's account name
    password: str = field(default="", repr=False)
    backend: str = SQLITE

    @property
    def display(self) -> str:
        return describe_location(self.url)


@dataclass(frozen=True)
class CheckedSettings:
    language: str
    as_of: date | None
    database: CheckedDatabase
    report: ReportSettings


@dataclass(frozen=True)
class StartupSettings:
    """What the app starts with: the language and as-of date from settings.json.

    ``problems`` holds the lines of a refused settings file (the defaults are used then).
    """

    lang: str = "zh"
    as_of: date | None = None
    problems: list[str] = field(default_factory=list)


def load_startup_settings(
    lang_option: str | None = None, path: Path | None = None
) -> StartupSettings:
    """The interface language and as-of date to start with. ``lang_option`` (``--lang``)
    overrides the file; a refused file gives the defaults, with its problems to show."""
    try:
        stored = load_app_settings(path)
    except AppSettingsError as error:
        log.warning("settings file refused: %s", "; ".join(error.problems))
        return StartupSettings(lang_option or "zh", None, error.problems)
    return StartupSettings(lang_option or stored.language or "zh", stored.as_of)


# ----------------------------------------------------------------------------- URLs


def _parse(url: str) -> URL | None:
    try:
        return make_url(url)
    except ArgumentError:
        return None


def describe_location(url: str) -> str:
    """Where a database is, for a person: the file's path, or ``user@host:port/database``."""
    parsed = _parse(url)
    if parsed is None:
        return ""
    path = sqlite_path(parsed)
    if path is not None:
        return str(path)
    return parsed.render_as_string(hide_password=True).split("://", 1)[-1]


def default_database_path() -> str:
    path = sqlite_path(make_url(default_url()))
    return str(path) if path is not None else ""


def database_form(url: str | URL) -> DatabaseForm:
    """The form's fields for the database at ``url`` (its password is never put in the form)."""
    parsed = url if isinstance(url, URL) else _parse(url)
    if parsed is None:
        return DatabaseForm(path=default_database_path())
    path = sqlite_path(parsed)
    if path is not None:
        return DatabaseForm(kind=SQLITE, path=str(path))
    return DatabaseForm(
        kind=POSTGRESQL,
        host=parsed.host or "",
        port=str(parsed.port or DEFAULT_PORT),
        name=parsed.database or "",
        user=parsed.username or "",
    )


def _identity(url: str) -> tuple[str, ...]:
    """What makes two URLs the same database, whatever the driver's spelling or the password."""
    parsed = _parse(url)
    if parsed is None:
        return ("?", url)
    path = sqlite_path(parsed)
    if path is not None:
        return (SQLITE, str(path.expanduser().resolve()))
    return (
        parsed.get_backend_name(),
        parsed.username or "",
        (parsed.host or "localhost").lower(),
        str(parsed.port or DEFAULT_PORT),
        parsed.database or "",
    )


def same_database(first: str, second: str) -> bool:
    return _identity(first) == _identity(second)


def with_connect_timeout(url: str) -> str:
    """A PostgreSQL URL that gives up on an unreachable server after a few seconds."""
    parsed = _parse(url)
    if parsed is None or parsed.get_backend_name() != POSTGRESQL:
        return url
    if "connect_timeout" in parsed.query:
        return url
    timed = parsed.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT_S)})
    return timed.render_as_string(hide_password=False)


def _url_for_connecting(database: CheckedDatabase) -> str:
    """The URL with the password typed, else the keyring's (worker side: the keyring may ask
    the user to unlock it)."""
    if database.password:
        url = secrets.with_password(database.url, database.password)
    else:
        url = secrets.connect_url(database.url)
    return with_connect_timeout(url)


# ----------------------------------------------------------------------------- workers


@dataclass(frozen=True)
class Probe:
    """What "Test connection" found: the schema, or a SQLite file that is not there yet."""

    state: SchemaState | None
    new_file: bool = False


def probe_database(database: CheckedDatabase) -> Probe:
    """Connect and read the schema version, changing nothing (worker)."""
    url = _url_for_connecting(database)
    parsed = parse_database_url(url)
    path = sqlite_path(parsed)
    if path is not None and not path.exists():
        return Probe(None, new_file=True)
    from db.engine import Database

    opened = Database(parsed)
    try:
        return Probe(schema_state(opened))
    finally:
        opened.dispose()


def open_service(
    database: CheckedDatabase, pack: Pack, lang: str, actor: str | None
) -> ClientService:
    """Open (and if needed upgrade) the database, then keep a typed password in the keyring
    (worker). Nothing is kept when the database cannot be opened."""
    service = ClientService.open(_url_for_connecting(database), pack=pack, lang=lang, actor=actor)
    try:
        if database.password:
            secrets.store_db_password(database.url, database.password)
    except BaseException:
        service.close()
        raise
    return service


# ----------------------------------------------------------------------------- controller


class SettingsController(QObject):
    """The Settings dialog's logic, testable without a window."""

    busy_changed = Signal(bool)  # a database is being opened or tested
    connection_tested = Signal(bool, str)  # worked, what to tell the user
    applied = Signal()  # everything applied and saved: the dialog closes
    apply_failed = Signal(str)  # nothing changed; why, in plain words

    def __init__(
        self,
        context: AppContext,
        settings_file: Path | None = None,
        report_file: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.settings_file = settings_file or settings_path()
        self.report_file = report_file or report_settings.default_settings_path()
        self.load_problems: list[str] = []
        self._stored = self._load_app_settings()
        self._report = self._load_report_settings()
        self._busy = False
        self._cancelled = False

    # -- reading what is there

    def _load_app_settings(self) -> AppSettings:
        try:
            return load_app_settings(self.settings_file)
        except AppSettingsError as error:
            log.warning("settings file refused: %s", "; ".join(error.problems))
            self.load_problems.append(
                self.tr("The settings file could not be read; saving will replace it.")
            )
            return AppSettings()

    def _load_report_settings(self) -> ReportSettings:
        try:
            return report_settings.load_settings(
                self.report_file if self.report_file.exists() else None
            )
        except SettingsError as error:
            log.warning("report settings refused: %s", "; ".join(error.problems))
            self.load_problems.append(
                self.tr("The report branding file could not be read; saving will replace it.")
            )
            return ReportSettings()

    @property
    def current_url(self) -> str:
        """The database in use now, without its password."""
        url = self.context.service.database.url.render_as_string(hide_password=False)
        return without_password(url)

    def form(self) -> SettingsForm:
        """The fields as the dialog shows them first: what is in use now."""
        report = self._report
        return SettingsForm(
            language=self.context.lang if self.context.lang in LANGUAGES else "zh",
            as_of=self.context.fixed_as_of.isoformat() if self.context.fixed_as_of else None,
            database=database_form(self.current_url),
            branding=BrandingForm(
                adviser=report.adviser or "",
                organisation=report.organisation or "",
                contact=report.contact or "",
                logo=str(report.logo) if report.logo else "",
                accent=report.accent or "",
            ),
        )

    @staticmethod
    def keyring_available() -> bool:
        return secrets.keyring_available()

    # -- checking

    def check(self, form: SettingsForm) -> tuple[CheckedSettings | None, list[Problem]]:
        """The form read into settings, or the problems, one per refused field."""
        problems: list[Problem] = []
        if form.language not in LANGUAGES:
            problems.append(Problem("language", self.tr("Choose Chinese or English.")))
        as_of = self._check_as_of(form.as_of, problems)
        url, database_problems = self._database_url(form.database)
        problems += database_problems
        report = self._check_branding(form.branding, problems)
        if problems or report is None:
            return None, problems
        password = form.database.password if form.database.kind == POSTGRESQL else ""
        database = CheckedDatabase(url, password, form.database.kind)
        return CheckedSettings(form.language, as_of, database, report), []

    def _check_as_of(self, text: str | None, problems: list[Problem]) -> date | None:
        if text is None or not text.strip():
            return None
        text = text.strip()
        try:
            if not _ISO_DAY.fullmatch(text):
                raise ValueError(text)
            return date.fromisoformat(text)
        except ValueError:
            problems.append(
                Problem(
                    "as_of",
                    self.tr("{day} is not a date of the calendar; write it as 2026-11-26.").format(
                        day=text
                    ),
                )
            )
            return None

    def _database_url(self, form: DatabaseForm) -> tuple[str, list[Problem]]:
        """The URL (without password) the database fields name, or why they name none."""
        problems: list[Problem] = []
        if form.kind == SQLITE:
            raw = form.path.strip()
            if not raw:
                return "", [Problem("path", self.tr("Choose the file of the client roster."))]
            path = Path(raw).expanduser()
            if path.is_dir():
                return "", [
                    Problem("path", self.tr("{path} is a folder; choose a file.").format(path=raw))
                ]
            return f"sqlite:///{path.resolve()}", []
        if form.kind != POSTGRESQL:
            return "", [Problem("kind", self.tr("Choose a local file or a PostgreSQL server."))]
        host = form.host.strip()
        if not host:
            problems.append(
                Problem("host", self.tr("Enter the server's name or address, e.g. centre-db."))
            )
        elif not _HOST.fullmatch(host):
            problems.append(
                Problem(
                    "host", self.tr("{host} is not a server name or address.").format(host=host)
                )
            )
        port_text = form.port.strip() or DEFAULT_PORT
        port = int(port_text) if port_text.isascii() and port_text.isdigit() else 0
        if not 1 <= port <= 65535:
            problems.append(
                Problem(
                    "port", self.tr("The port is a whole number from 1 to 65535 (usually 5432).")
                )
            )
        name = form.name.strip()
        if not name:
            problems.append(Problem("name", self.tr("Enter the name of the database.")))
        user = form.user.strip()
        if not user:
            problems.append(Problem("user", self.tr("Enter the user name to connect as.")))
        if form.password and _CONTROL.search(form.password):
            problems.append(
                Problem(
                    "password", self.tr("The password contains characters that cannot be typed.")
                )
            )
        if form.password and not problems and not secrets.keyring_available():
            problems.append(Problem("password", self.no_keyring_message()))
        if problems:
            return "", problems
        url = URL.create("postgresql", username=user, host=host, port=port, database=name)
        return url.render_as_string(hide_password=False), []

    def no_keyring_message(self) -> str:
        return self.tr(
            "No system keyring is available to keep the password, and it is never written to a "
            "file. Unlock or install one (such as GNOME Keyring or KWallet), or leave the "
            "password empty if the server lets this computer in without one."
        )

    def _check_branding(self, form: BrandingForm, problems: list[Problem]) -> ReportSettings | None:
        too_long = {
            "adviser": self.tr(
                "The name of who prepared the report is longer than 200 characters."
            ),
            "organisation": self.tr("The organisation's name is longer than 200 characters."),
            "contact": self.tr("The contact details are longer than 200 characters."),
        }
        unprintable = {
            "adviser": self.tr(
                "The name of who prepared the report has characters that cannot be printed."
            ),
            "organisation": self.tr(
                "The organisation's name has characters that cannot be printed."
            ),
            "contact": self.tr("The contact details have characters that cannot be printed."),
        }
        data: dict[str, Any] = {}
        before = len(problems)
        for key in ("adviser", "organisation", "contact"):
            value = getattr(form, key).replace("\r\n", "\n").strip()
            if not value:
                continue
            if len(value) > TEXT_MAX:
                problems.append(Problem(key, too_long[key]))
            elif _CONTROL.search(value):
                problems.append(Problem(key, unprintable[key]))
            data[key] = value
        accent = form.accent.strip()
        if accent:
            if _ACCENT.fullmatch(accent):
                data["accent"] = accent.lower()
            else:
                problems.append(
                    Problem(
                        "accent",
                        self.tr(
                            "{colour} is not a colour; write it as #RRGGBB, e.g. #1F4E79."
                        ).format(colour=accent),
                    )
                )
        logo = form.logo.strip()
        if logo:
            message = self.logo_problem(Path(logo).expanduser())
            if message:
                problems.append(Problem("logo", message))
            else:
                data["logo"] = str(Path(logo).expanduser().resolve())
        if len(problems) > before:
            return None
        try:
            return report_settings.parse_settings(data, "branding")
        except SettingsError as error:  # a rule of the report's own that the checks above missed
            log.warning("branding refused: %s", "; ".join(error.problems))
            why = "; ".join(error.problems)
            message = self.tr("The report branding was refused: {why}").format(why=why)
            problems.append(Problem("branding", message))
            return None

    def logo_problem(self, path: Path) -> str | None:
        """Why the logo cannot be printed (the report's own check, in plain words), or None.

        A device or a FIFO is refused by its kind and a large file by its size, without
        reading either (reading /dev/zero never ends; opening a FIFO waits for a writer)."""
        if not path.exists():
            return self.tr("The logo file {path} does not exist.").format(path=path)
        if path.is_dir():
            return self.tr("{path} is a folder; choose the logo's image file.").format(path=path)
        if not path.is_file():
            return self.tr(
                "{path} is a device or a pipe, not a file; choose the logo's image file."
            ).format(path=path)
        try:
            too_big = path.stat().st_size > MAX_LOGO_BYTES
        except OSError:
            too_big = False
        if too_big:
            return self.tr("The logo {path} is larger than 2 MB; choose a smaller image.").format(
                path=path
            )
        try:
            report_settings.read_logo(path)
        except SettingsError as error:
            if "not a PNG or JPEG" in str(error):
                return self.tr("The logo {path} is not a PNG or JPEG image.").format(path=path)
            return self.tr("The logo {path} cannot be read.").format(path=path)
        return None

    @staticmethod
    def logo_preview(text: str) -> bytes | None:
        """The bytes of the logo named by ``text`` for a preview, or None when there is none to
        show (no such file, not a regular file, larger than the report takes)."""
        if not text.strip():
            return None
        try:
            return read_bounded(Path(text.strip()).expanduser(), MAX_LOGO_BYTES)
        except (OSError, FileRefused):
            return None

    # -- testing the connection

    @property
    def busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def test_connection(self, form: DatabaseForm) -> list[Problem]:
        """Try the database in a worker; the answer comes by ``connection_tested``. Returns the
        problems with the fields instead (nothing is tried then)."""
        url, problems = self._database_url(replace(form, password=""))
        if problems:
            return problems
        password = form.password if form.kind == POSTGRESQL else ""
        database = CheckedDatabase(url, password, form.kind)
        self._set_busy(True)
        run_task(
            probe_database,
            database,
            on_done=lambda probe: self._tested(database, probe),
            on_failed=lambda error: self._test_failed(database, error),
        )
        return []

    def _tested(self, database: CheckedDatabase, probe: Probe) -> None:
        if self._cancelled:
            return
        self._set_busy(False)
        if probe.new_file:
            self.connection_tested.emit(
                True,
                self.tr(
                    "The file does not exist yet: a new, empty roster is made there on saving."
                ),
            )
            return
        state = probe.state
        assert state is not None
        if not state.known:
            ok, text = (
                False,
                self.tr(
                    "Connected, but this database was made by a newer version of policy-checker. "
                    "Update the app to use it."
                ),
            )
        elif state.current is None:
            ok, text = (
                True,
                self.tr("Connected. The database is empty: policy-checker sets it up on saving."),
            )
        elif state.up_to_date:
            ok, text = True, self.tr("Connected. This is a policy-checker roster.")
        else:
            ok, text = (
                True,
                self.tr(
                    "Connected. This roster is upgraded to this version of policy-checker "
                    "on saving."
                ),
            )
        self.connection_tested.emit(ok, text)

    def _test_failed(self, database: CheckedDatabase, error: Exception) -> None:
        if self._cancelled:
            return
        self._set_busy(False)
        self.connection_tested.emit(False, self.describe_error(error, database))

    # -- applying

    def apply(self, form: SettingsForm) -> list[Problem]:
        """Apply the form: refused fields are returned at once and nothing changes; otherwise
        ``applied`` or ``apply_failed`` follows (a changed database is opened in a worker)."""
        checked, problems = self.check(form)
        if checked is None:
            return problems
        if self._busy:
            return [Problem("busy", self.tr("Wait until the database has answered."))]
        self._cancelled = False
        if not self._database_changed(checked.database):
            self._finish(checked, None)
            return []
        self._set_busy(True)
        run_task(
            open_service,
            checked.database,
            self.context.pack,
            checked.language,
            self.context.service.actor,
            on_done=lambda service: self._opened(checked, service),
            on_failed=lambda error: self._open_failed(checked, error),
        )
        return []

    def cancel(self) -> None:
        """The dialog was closed: a database still opening is closed again when it answers."""
        self._cancelled = True

    def _database_changed(self, database: CheckedDatabase) -> bool:
        return bool(database.password) or not same_database(database.url, self.current_url)

    def _opened(self, checked: CheckedSettings, service: ClientService) -> None:
        if self._cancelled:
            service.close()
            return
        self._set_busy(False)
        self._finish(checked, service)

    def _open_failed(self, checked: CheckedSettings, error: Exception) -> None:
        if self._cancelled:
            return
        self._set_busy(False)
        message = self.describe_error(error, checked.database)
        log.warning(
            "settings: %s not opened: %s",
            checked.database.display,
            _redact(str(error), checked.database.password),
        )
        self.apply_failed.emit(message)

    def _settings_to_store(
        self, checked: CheckedSettings, service: ClientService | None
    ) -> AppSettings:
        """settings.json after OK: the database only when another one was opened (the default
        file is written as no key at all), so a ``--db`` for one session is not made lasting;
        the rule pack as chosen on its page."""
        database_url = self._stored.database_url
        if service is not None:
            is_default = same_database(checked.database.url, default_url())
            database_url = None if is_default else checked.database.url
        return AppSettings.model_validate(
            {
                "database_url": database_url,
                "language": checked.language,
                "as_of": checked.as_of,
                "rule_pack": self._stored_rule_pack(),
            }
        )

    def _stored_rule_pack(self) -> str | None:
        """The pack in use as settings.json holds it now: the rule packs page saves its
        choice at once, while this dialog is open."""
        try:
            return load_app_settings(self.settings_file).rule_pack
        except AppSettingsError:
            return self._stored.rule_pack

    def _finish(self, checked: CheckedSettings, service: ClientService | None) -> None:
        """Write the files, then change the context; a file that cannot be written changes
        nothing (a newly opened database is closed again)."""
        stored = self._settings_to_store(checked, service)
        try:
            if checked.report != self._report:
                data = checked.report.model_dump(mode="json", exclude_none=True)
                write_json_atomically(self.report_file, data)
            if stored != self._stored:
                save_app_settings(stored, self.settings_file)
        except (OSError, AppSettingsError) as error:
            log.warning("settings not saved: %s", error)
            if service is not None:
                service.close()
            message = self.tr(
                "The settings could not be saved in {folder}. Check that it can be written."
            )
            self.apply_failed.emit(message.format(folder=self.settings_file.parent))
            return
        self._stored, self._report = stored, checked.report
        if service is not None:
            self.context.set_service(service)
        self.context.set_language(checked.language)
        self.context.set_as_of(checked.as_of)
        log.info(
            "settings applied: language %s, as of %s, database %s",
            checked.language,
            checked.as_of or "today",
            describe_location(self.current_url),
        )
        self.applied.emit()

    # -- errors in plain words

    def describe_error(self, error: BaseException, database: CheckedDatabase) -> str:
        """What went wrong opening ``database``, in plain words (never its password)."""
        text = _redact(str(error), database.password).lower()
        parsed = make_url(database.url)
        where = describe_location(database.url)
        server = f"{parsed.host}:{parsed.port or DEFAULT_PORT}"
        if isinstance(error, secrets.SecretStoreUnavailable):
            return self.no_keyring_message()
        if isinstance(error, SchemaError):
            if "newer than this version" in text:
                return self.tr(
                    "This database was made by a newer version of policy-checker. "
                    "Update the app to use it."
                )
            if "not a policy-checker database" in text:
                return self.tr(
                    "{where} holds other data: it is not a policy-checker roster."
                ).format(where=where)
            return self.tr("The roster in {where} could not be brought up to date.").format(
                where=where
            )
        if not isinstance(error, DatabaseError | SqlDatabaseError | OSError):
            return self.tr("The database {where} could not be opened.").format(where=where)
        if "password authentication failed" in text or "no password supplied" in text:
            return self.tr("The server {server} refused the user name or the password.").format(
                server=server
            )
        if "does not exist" in text and "database" in text:
            return self.tr("The server {server} has no database called {name}.").format(
                server=server, name=parsed.database
            )
        if "translate host name" in text or "name or service not known" in text:
            return self.tr("No server called {host} was found. Check the server's name.").format(
                host=parsed.host
            )
        if any(
            words in text
            for words in ("connection refused", "timeout", "timed out", "no route", "unreachable")
        ):
            return self.tr(
                "The server {server} did not answer. Check its name and port, and that it is "
                "running and reachable from this computer."
            ).format(server=server)
        if "file is not a database" in text:
            return self.tr("{where} is not a database file.").format(where=where)
        if "cannot create the database folder" in text or "unable to open database file" in text:
            return self.tr("The file {where} cannot be opened or created here.").format(where=where)
        if isinstance(error, DatabaseError) and plain_reason(str(error)) != str(error):
            return plain_reason(str(error))
        return self.tr("The database {where} could not be opened.").format(where=where)


def _redact(text: str, password: str) -> str:
    return text.replace(password, "***") if password else text
