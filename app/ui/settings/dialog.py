"""The Settings dialog: widgets and layout only; SettingsController holds the logic."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QColorDialog,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import AppContext
from app.ui.settings.controller import (
    POSTGRESQL,
    SQLITE,
    BrandingForm,
    DatabaseForm,
    Problem,
    SettingsController,
    SettingsForm,
    default_database_path,
    describe_location,
)
from app.ui.settings.packs_page import PacksPage
from app.ui.tasks import run_task

GENERAL, DATABASE, BRANDING, PACKS = range(4)
_TAB_OF = {
    "language": GENERAL,
    "as_of": GENERAL,
    "kind": DATABASE,
    "path": DATABASE,
    "host": DATABASE,
    "port": DATABASE,
    "name": DATABASE,
    "user": DATABASE,
    "password": DATABASE,
    "busy": DATABASE,
    "adviser": BRANDING,
    "organisation": BRANDING,
    "contact": BRANDING,
    "logo": BRANDING,
    "accent": BRANDING,
    "branding": BRANDING,
}
# Each language is named in its own language, so that a user can find theirs whatever is shown.
LANGUAGE_NAMES = (("zh", "中文（简体）"), ("en", "English"))
EARLIEST, LATEST = QDate(2000, 1, 1), QDate(2100, 12, 31)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class SettingsDialog(QDialog):
    """Interface language, as-of date, database and report branding; OK applies and saves.
    The rule packs page acts at once (installing, choosing), whatever OK or Cancel."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        settings_file: Path | None = None,
        report_file: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setModal(True)
        self.context = context
        self.controller = SettingsController(context, settings_file, report_file, self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.addTab(self._general_page(), "")
        self.tabs.addTab(self._database_page(), "")
        self.tabs.addTab(self._branding_page(), "")
        self.packs_page = PacksPage(context, settings_file, self)
        self.tabs.addTab(self.packs_page, "")
        self.message_icon = QLabel()
        self.message = QLabel()
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("settingsButtons")
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        message_row = QHBoxLayout()
        message_row.addWidget(self.message_icon, 0, Qt.AlignmentFlag.AlignTop)
        message_row.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(message_row)
        layout.addWidget(self.buttons)
        self._set_tab_order()
        # Wide enough for a path and the longer Chinese and English labels, in the user's font.
        self.setMinimumWidth(self.fontMetrics().height() * 32)

        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.controller.busy_changed.connect(self._show_busy)
        self.controller.connection_tested.connect(self._show_tested)
        self.controller.applied.connect(self._applied)
        self.controller.apply_failed.connect(lambda text: self._show_message(text, error=True))

        self.retranslate()
        self._fill(self.controller.form())
        self._show_load_problems()
        run_task(self.controller.keyring_available, on_done=self._show_keyring)

    # ----------------------------------------------------------------- pages

    def _general_page(self) -> QWidget:
        page = QWidget()
        self.language_label = QLabel()
        self.language = QComboBox()
        self.language.setObjectName("settingsLanguage")
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language_label.setBuddy(self.language)

        self.as_of_label = QLabel()
        self.as_of_today = QRadioButton()
        self.as_of_today.setObjectName("asOfToday")
        self.as_of_fixed = QRadioButton()
        self.as_of_fixed.setObjectName("asOfFixed")
        self.as_of_group = QButtonGroup(self)
        self.as_of_group.addButton(self.as_of_today)
        self.as_of_group.addButton(self.as_of_fixed)
        self.as_of_date = QDateEdit()
        self.as_of_date.setObjectName("asOfDate")
        self.as_of_date.setCalendarPopup(True)
        self.as_of_date.setDisplayFormat("yyyy-MM-dd")
        self.as_of_date.setDateRange(EARLIEST, LATEST)
        self.as_of_fixed.toggled.connect(self.as_of_date.setEnabled)
        self.as_of_hint = QLabel()
        self.as_of_hint.setWordWrap(True)

        fixed_row = QHBoxLayout()
        fixed_row.addWidget(self.as_of_fixed)
        fixed_row.addWidget(self.as_of_date)
        fixed_row.addStretch(1)
        as_of_box = QVBoxLayout()
        as_of_box.addWidget(self.as_of_today)
        as_of_box.addLayout(fixed_row)
        as_of_box.addWidget(self.as_of_hint)

        form = QFormLayout(page)
        form.addRow(self.language_label, self.language)
        form.addRow(self.as_of_label, as_of_box)
        return page

    def _database_page(self) -> QWidget:
        page = QWidget()
        self.use_file = QRadioButton()
        self.use_file.setObjectName("databaseFile")
        self.use_server = QRadioButton()
        self.use_server.setObjectName("databaseServer")
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.use_file)
        self.kind_group.addButton(self.use_server)

        self.path_label = QLabel()
        self.path = QLineEdit()
        self.path.setObjectName("databasePath")
        self.path_label.setBuddy(self.path)
        self.browse_path = QPushButton()
        self.browse_path.setObjectName("databaseBrowse")
        self.browse_path.clicked.connect(self._choose_database_file)
        self.default_path = QPushButton()
        self.default_path.setObjectName("databaseDefault")
        self.default_path.clicked.connect(lambda: self.path.setText(default_database_path()))
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse_path)
        path_row.addWidget(self.default_path)
        self.file_box = QWidget()
        file_form = QFormLayout(self.file_box)
        file_form.setContentsMargins(self._indent(), 0, 0, 0)
        file_form.addRow(self.path_label, path_row)

        self.host_label, self.host = self._line("databaseHost")
        self.port_label, self.port = self._line("databasePort")
        self.port.setMaxLength(5)
        self.port.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 9)
        self.name_label, self.name = self._line("databaseName")
        self.user_label, self.user = self._line("databaseUser")
        self.password_label, self.password = self._line("databasePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.keyring_note = QLabel()
        self.keyring_note.setObjectName("keyringNote")
        self.keyring_note.setWordWrap(True)
        server_row = QHBoxLayout()
        server_row.addWidget(self.host, 1)
        server_row.addWidget(self.port_label)
        server_row.addWidget(self.port)
        self.server_box = QWidget()
        server_form = QFormLayout(self.server_box)
        server_form.setContentsMargins(self._indent(), 0, 0, 0)
        server_form.addRow(self.host_label, server_row)
        server_form.addRow(self.name_label, self.name)
        server_form.addRow(self.user_label, self.user)
        server_form.addRow(self.password_label, self.password)

        self.test_button = QPushButton()
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self._test_connection)
        self.test_result = QLabel()
        self.test_result.setObjectName("connectionResult")
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_row.addWidget(self.test_result, 1)
        self.in_use = QLabel()
        self.in_use.setObjectName("databaseInUse")
        self.in_use.setWordWrap(True)
        self.in_use.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.use_file.toggled.connect(self._show_kind)
        for edit in (self.path, self.host, self.port, self.name, self.user, self.password):
            edit.textEdited.connect(lambda _text: self.test_result.clear())

        layout = QVBoxLayout(page)
        layout.addWidget(self.use_file)
        layout.addWidget(self.file_box)
        layout.addWidget(self.use_server)
        layout.addWidget(self.server_box)
        note_row = QHBoxLayout()  # outside the form, so that a wrapped note gets its height
        note_row.setContentsMargins(self._indent(), 0, 0, 0)
        note_row.addWidget(self.keyring_note)
        layout.addLayout(note_row)
        layout.addLayout(test_row)
        layout.addStretch(1)
        layout.addWidget(self.in_use)
        return page

    def _branding_page(self) -> QWidget:
        page = QWidget()
        self.branding_intro = QLabel()
        self.branding_intro.setWordWrap(True)
        self.adviser_label, self.adviser = self._line("brandingAdviser")
        self.organisation_label, self.organisation = self._line("brandingOrganisation")
        self.contact_label = QLabel()
        self.contact = QPlainTextEdit()
        self.contact.setObjectName("brandingContact")
        self.contact.setTabChangesFocus(True)
        lines = self.contact.fontMetrics().lineSpacing()
        self.contact.setMaximumHeight(lines * 5)
        self.contact_label.setBuddy(self.contact)

        self.logo_label, self.logo = self._line("brandingLogo")
        self.logo.textChanged.connect(self._show_logo_preview)
        self.browse_logo = QPushButton()
        self.browse_logo.setObjectName("brandingLogoBrowse")
        self.browse_logo.clicked.connect(self._choose_logo)
        self.clear_logo = QPushButton()
        self.clear_logo.setObjectName("brandingLogoClear")
        self.clear_logo.clicked.connect(self.logo.clear)
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("brandingLogoPreview")
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(self.browse_logo)
        logo_row.addWidget(self.clear_logo)

        self.accent_label, self.accent = self._line("brandingAccent")
        self.accent.setMaxLength(7)
        self.accent.setMaximumWidth(self.fontMetrics().horizontalAdvance("#MMMMMMM") * 2)
        self.accent.textChanged.connect(self._show_swatch)
        self.choose_accent = QPushButton()
        self.choose_accent.setObjectName("brandingAccentChoose")
        self.choose_accent.clicked.connect(self._choose_accent)
        self.swatch = QLabel()
        self.swatch.setObjectName("brandingAccentSwatch")
        self.swatch.setMinimumWidth(self.fontMetrics().height() * 2)
        accent_row = QHBoxLayout()
        accent_row.addWidget(self.accent)
        accent_row.addWidget(self.swatch)
        accent_row.addWidget(self.choose_accent)
        accent_row.addStretch(1)

        form = self.branding_form = QFormLayout()
        form.addRow(self.adviser_label, self.adviser)
        form.addRow(self.organisation_label, self.organisation)
        form.addRow(self.contact_label, self.contact)
        form.addRow(self.logo_label, logo_row)
        form.addRow("", self.logo_preview)
        form.addRow(self.accent_label, accent_row)
        form.setRowVisible(self.logo_preview, False)
        layout = QVBoxLayout(page)
        layout.addWidget(self.branding_intro)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _line(self, name: str) -> tuple[QLabel, QLineEdit]:
        label, edit = QLabel(), QLineEdit()
        edit.setObjectName(name)
        label.setBuddy(edit)
        return label, edit

    def _indent(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth) + 8

    def _set_tab_order(self) -> None:
        chains = [
            (self.language, self.as_of_today, self.as_of_fixed, self.as_of_date),
            (self.use_file, self.path, self.browse_path, self.default_path, self.use_server,
             self.host, self.port, self.name, self.user, self.password, self.test_button),
            (self.adviser, self.organisation, self.contact, self.logo, self.browse_logo,
             self.clear_logo, self.accent, self.choose_accent),
        ]  # fmt: skip
        for chain in chains:
            for first, second in pairwise(chain):
                QWidget.setTabOrder(first, second)

    # ----------------------------------------------------------------- texts

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.tabs.setTabText(GENERAL, self.tr("General"))
        self.tabs.setTabText(DATABASE, self.tr("Database"))
        self.tabs.setTabText(BRANDING, self.tr("Report branding"))
        self.tabs.setTabText(PACKS, self.tr("Rule packs"))
        self.language_label.setText(self.tr("Interface &language:"))
        self.language.setAccessibleName(self.tr("Interface language"))
        self.as_of_label.setText(self.tr("Assess as of:"))
        self.as_of_today.setText(self.tr("&Today"))
        self.as_of_fixed.setText(self.tr("A &fixed date:"))
        self.as_of_date.setAccessibleName(self.tr("Fixed assessment date"))
        self.as_of_hint.setText(
            self.tr(
                "Deadlines and amounts that change over time are judged as of this date. "
                "A fixed date lets you repeat an earlier assessment."
            )
        )
        self.use_file.setText(self.tr("A &file on this computer"))
        self.use_server.setText(self.tr("A shared &PostgreSQL server (service centre)"))
        self.path_label.setText(self.tr("F&ile:"))
        self.path.setAccessibleName(self.tr("Database file"))
        self.browse_path.setText(self.tr("&Browse…"))
        self.browse_path.setAccessibleName(self.tr("Choose the database file"))
        self.default_path.setText(self.tr("&Default"))
        self.default_path.setAccessibleName(self.tr("Use the default database file"))
        self.host_label.setText(self.tr("&Server:"))
        self.host.setAccessibleName(self.tr("Server name or address"))
        self.host.setPlaceholderText(self.tr("e.g. centre-db"))
        self.port_label.setText(self.tr("P&ort:"))
        self.port.setAccessibleName(self.tr("Port"))
        self.name_label.setText(self.tr("D&atabase:"))
        self.name.setAccessibleName(self.tr("Database name"))
        self.user_label.setText(self.tr("&User:"))
        self.user.setAccessibleName(self.tr("User name"))
        self.password_label.setText(self.tr("Pass&word:"))
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setPlaceholderText(self.tr("Empty: keep the saved password, if any"))
        self.test_button.setText(self.tr("&Test connection"))
        self.test_button.setAccessibleName(self.tr("Test connection"))
        self.in_use.setText(
            self.tr("In use now: {where}").format(
                where=describe_location(self.controller.current_url)
            )
        )
        self.branding_intro.setText(
            self.tr("Printed on the reports you export: who prepared them, and for whom.")
        )
        self.adviser_label.setText(self.tr("&Prepared by:"))
        self.adviser.setAccessibleName(self.tr("Prepared by"))
        self.adviser.setPlaceholderText(self.tr("e.g. Wang Xiaoming, adviser"))
        self.organisation_label.setText(self.tr("&Organisation:"))
        self.organisation.setAccessibleName(self.tr("Organisation"))
        self.organisation.setPlaceholderText(self.tr("e.g. Donghu service centre"))
        self.contact_label.setText(self.tr("&Contact:"))
        self.contact.setAccessibleName(self.tr("Contact details"))
        self.contact.setPlaceholderText(self.tr("Address, telephone, e-mail"))
        self.logo_label.setText(self.tr("&Logo:"))
        self.logo.setAccessibleName(self.tr("Logo file"))
        self.logo.setPlaceholderText(self.tr("PNG or JPEG, at most 2 MB"))
        self.browse_logo.setText(self.tr("Bro&wse…"))
        self.browse_logo.setAccessibleName(self.tr("Choose the logo file"))
        self.clear_logo.setText(self.tr("&Remove"))
        self.clear_logo.setAccessibleName(self.tr("Remove the logo"))
        self.accent_label.setText(self.tr("&Accent colour:"))
        self.accent.setAccessibleName(self.tr("Accent colour"))
        self.accent.setPlaceholderText("#RRGGBB")
        self.choose_accent.setText(self.tr("C&hoose…"))
        self.choose_accent.setAccessibleName(self.tr("Choose the accent colour"))
        self.ok_button.setAccessibleName(self.tr("Apply the settings and close"))
        self.cancel_button.setAccessibleName(self.tr("Close without changing anything"))
        self._show_swatch(self.accent.text())

    # ----------------------------------------------------------------- form

    def _fill(self, form: SettingsForm) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(form.language)))
        day = date.fromisoformat(form.as_of) if form.as_of else self.context.as_of
        self.as_of_date.setDate(_qdate(day))
        (self.as_of_fixed if form.as_of else self.as_of_today).setChecked(True)
        self.as_of_date.setEnabled(form.as_of is not None)
        database = form.database
        (self.use_server if database.kind == POSTGRESQL else self.use_file).setChecked(True)
        self.path.setText(database.path or default_database_path())
        self.host.setText(database.host)
        self.port.setText(database.port)
        self.name.setText(database.name)
        self.user.setText(database.user)
        self._show_kind()
        branding = form.branding
        self.adviser.setText(branding.adviser)
        self.organisation.setText(branding.organisation)
        self.contact.setPlainText(branding.contact)
        self.logo.setText(branding.logo)
        self.accent.setText(branding.accent)

    def database_form(self) -> DatabaseForm:
        return DatabaseForm(
            kind=POSTGRESQL if self.use_server.isChecked() else SQLITE,
            path=self.path.text(),
            host=self.host.text(),
            port=self.port.text(),
            name=self.name.text(),
            user=self.user.text(),
            password=self.password.text(),
        )

    def settings_form(self) -> SettingsForm:
        """The fields as the user left them."""
        fixed = self.as_of_fixed.isChecked()
        return SettingsForm(
            language=str(self.language.currentData()),
            as_of=self.as_of_date.date().toString("yyyy-MM-dd") if fixed else None,
            database=self.database_form(),
            branding=BrandingForm(
                adviser=self.adviser.text(),
                organisation=self.organisation.text(),
                contact=self.contact.toPlainText(),
                logo=self.logo.text(),
                accent=self.accent.text(),
            ),
        )

    def _show_kind(self) -> None:
        server = self.use_server.isChecked()
        self.file_box.setEnabled(not server)
        self.server_box.setEnabled(server)
        self.keyring_note.setEnabled(server)
        self.test_result.clear()

    # ----------------------------------------------------------------- choosers

    def _choose_database_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Database file"),
            self.path.text() or default_database_path(),
            self.tr("Roster database (*.sqlite3 *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.path.setText(path)
            self.test_result.clear()

    def _choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Logo"),
            self.logo.text(),
            self.tr("Images (*.png *.jpg *.jpeg)"),
        )
        if not path:
            return
        problem = self.controller.logo_problem(Path(path))
        if problem:  # e.g. a device or a pipe typed into the file dialog: refused at once
            self._show_problems([Problem("logo", problem)])
        else:
            self.logo.setText(path)

    def _choose_accent(self) -> None:
        current = QColor(self.accent.text().strip())
        colour = QColorDialog.getColor(
            current if current.isValid() else QColor("#1f4e79"), self, self.tr("Accent colour")
        )
        if colour.isValid():
            self.accent.setText(colour.name())

    def _show_swatch(self, text: str) -> None:
        colour = QColor(text.strip())
        valid = len(text.strip()) == 7 and colour.isValid()
        fill = colour.name() if valid else "transparent"
        self.swatch.setStyleSheet(f"background: {fill}; border: 1px solid palette(mid);")
        self.swatch.setToolTip(colour.name() if valid else "")

    def _show_logo_preview(self, text: str) -> None:
        pixmap = QPixmap()
        data = self.controller.logo_preview(text)
        if data is not None:
            pixmap.loadFromData(data)
        if pixmap.isNull():
            self.logo_preview.clear()
        else:
            height = self.fontMetrics().height() * 2
            self.logo_preview.setPixmap(
                pixmap.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)
            )
        self.branding_form.setRowVisible(self.logo_preview, not pixmap.isNull())

    # ----------------------------------------------------------------- actions

    def _test_connection(self) -> None:
        problems = self.controller.test_connection(self.database_form())
        if problems:
            self._show_problems(problems)
        else:
            self.test_result.setText(self.tr("Connecting…"))

    def _show_tested(self, ok: bool, text: str) -> None:
        self.test_result.setText(("✔ " if ok else "✖ ") + text)

    def _show_keyring(self, available: bool) -> None:
        if available:
            self.keyring_note.setText(
                self.tr("The password is kept in this computer's keyring, never in a file.")
            )
        else:
            self.keyring_note.setText(
                self.tr(
                    "This computer has no keyring to keep a password: leave it empty if the "
                    "server lets this computer in without one."
                )
            )

    def _show_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        self.test_button.setEnabled(not busy)

    def accept(self) -> None:
        """OK: apply in the controller; the dialog closes once everything is applied."""
        self._show_message("")
        problems = self.controller.apply(self.settings_form())
        if problems:
            self._show_problems(problems)
        elif self.controller.busy:
            self._show_message(self.tr("Opening the database…"))

    def reject(self) -> None:
        self.controller.cancel()
        super().reject()

    def _applied(self) -> None:
        super().accept()

    def _show_problems(self, problems: list[Problem]) -> None:
        self._show_message("\n".join(problem.message for problem in problems), error=True)
        first = problems[0]
        self.tabs.setCurrentIndex(_TAB_OF.get(first.field, GENERAL))
        widget = self._widget_of(first.field)
        if widget is not None:
            widget.setFocus()

    def _widget_of(self, field: str) -> QWidget | None:
        return {
            "as_of": self.as_of_date,
            "path": self.path,
            "host": self.host,
            "port": self.port,
            "name": self.name,
            "user": self.user,
            "password": self.password,
            "adviser": self.adviser,
            "organisation": self.organisation,
            "contact": self.contact,
            "logo": self.logo,
            "accent": self.accent,
        }.get(field)

    def _show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        icon = QStyle.StandardPixmap.SP_MessageBoxWarning
        size = self.fontMetrics().height()
        if text and error:
            self.message_icon.setPixmap(self.style().standardIcon(icon).pixmap(size, size))
        else:
            self.message_icon.clear()

    def _show_load_problems(self) -> None:
        if self.controller.load_problems:
            self._show_message("\n".join(self.controller.load_problems), error=True)
