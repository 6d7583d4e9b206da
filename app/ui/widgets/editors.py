"""The answer widgets, one per field kind, and ``make_editor`` that picks the right one.

Every widget reads "nothing entered" and "Don't know" as UNKNOWN, never as no, zero or empty;
what cannot be an answer raises InvalidInput with a plain-words message shown under the input.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QRadioButton,
    QWidget,
    QWidgetAction,
)

from app.ui.context import AppContext
from app.ui.validation import (
    NAME_MAX,
    credit_code_character_problem,
    format_number,
    parse_credit_code,
    parse_date,
    parse_name,
    parse_number,
    parse_year,
)
from app.ui.widgets.base import UNKNOWN, FieldEditor, InvalidInput
from app.ui.widgets.common import AnswerEditor
from rules.fields import PROFILE_FIELDS
from rules.vocabulary import label

# -- yes / no ---------------------------------------------------------------------------------


class BoolEditor(AnswerEditor):
    """Yes / No / Don't know; keys Y, N, D (or 1, 2, 3) choose when it has focus."""

    def __init__(self, key: str, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(key, context, parent)
        self.yes = QRadioButton(self)
        self.no = QRadioButton(self)
        self.dont_know = QRadioButton(self)
        self.group = QButtonGroup(self)
        for button in (self.yes, self.no, self.dont_know):
            self.group.addButton(button)
            self.row.addWidget(button)
            button.toggled.connect(self._toggled)
        self.row.addStretch(1)
        self.setFocusProxy(self.yes)
        self.retranslate()

    def retranslate(self) -> None:
        self.yes.setText(self.tr("Yes"))
        self.no.setText(self.tr("No"))
        self.dont_know.setText(self.tr("Don't know"))
        self.yes.setAccessibleName(self.tr("Yes"))
        self.no.setAccessibleName(self.tr("No"))
        self.dont_know.setAccessibleName(self.tr("Don't know"))
        self.setToolTip(self.tr("Keys: Y yes, N no, D don't know"))

    def _toggled(self, checked: bool) -> None:
        if checked:
            self._dont_know = self.dont_know.isChecked()
            self.user_edited()

    def read(self) -> Any:
        if self.yes.isChecked():
            return True
        if self.no.isChecked():
            return False
        return UNKNOWN

    def write(self, value: Any) -> None:
        self._dont_know = False
        if value is True:
            self.yes.setChecked(True)
        elif value is False:
            self.no.setChecked(True)
        else:
            self.group.setExclusive(False)
            for button in (self.yes, self.no, self.dont_know):
                button.setChecked(False)
            self.group.setExclusive(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        choice = {
            Qt.Key.Key_Y: self.yes,
            Qt.Key.Key_1: self.yes,
            Qt.Key.Key_N: self.no,
            Qt.Key.Key_2: self.no,
            Qt.Key.Key_D: self.dont_know,
            Qt.Key.Key_3: self.dont_know,
        }.get(Qt.Key(event.key()))
        if choice is None:
            super().keyPressEvent(event)
            return
        choice.setChecked(True)
        choice.setFocus()


# -- shared by the typed inputs ---------------------------------------------------------------


class _DontKnowBox(QCheckBox):
    """ "Don't know": clears and disables the inputs it guards."""


class _TypedEditor(AnswerEditor):
    """A line edit, an optional unit, and "Don't know"."""

    placeholder = ""

    def __init__(
        self,
        key: str,
        context: AppContext,
        parent: QWidget | None = None,
        with_dont_know: bool = True,
    ) -> None:
        super().__init__(key, context, parent)
        self.edit = QLineEdit(self)
        self.edit.setClearButtonEnabled(True)
        self.edit.textEdited.connect(self._text_edited)
        self.edit.editingFinished.connect(self._finished)
        self.row.addWidget(self.edit, 1)
        self.unit = QLabel(self)
        self.row.addWidget(self.unit)
        self.dont_know_box: QCheckBox | None = None
        if with_dont_know:
            self.dont_know_box = _DontKnowBox(self)
            self.dont_know_box.toggled.connect(self._dont_know_toggled)
            self.row.addWidget(self.dont_know_box)
        self.setFocusProxy(self.edit)

    def retranslate(self) -> None:
        self.edit.setAccessibleName(self.info.question(self.context.lang))
        if self.dont_know_box is not None:
            self.dont_know_box.setText(self.tr("Don't know"))
            self.dont_know_box.setAccessibleName(self.tr("Don't know"))

    def relabel_pack(self) -> None:
        unit = self.info.unit(self.context.lang)
        self.unit.setText(unit)
        self.unit.setVisible(bool(unit))
        self.edit.setAccessibleName(self.info.question(self.context.lang))

    def _text_edited(self, _text: str) -> None:
        self.user_edited(finished=False)

    def _finished(self) -> None:
        if not self._setting and self.edit.isEnabled():
            self.user_edited()

    def _dont_know_toggled(self, checked: bool) -> None:
        self._dont_know = checked
        if checked:
            self.edit.clear()
        self.edit.setEnabled(not checked)
        self.user_edited()

    def read(self) -> Any:
        text = self.edit.text()
        if self._dont_know or not text.strip():
            return UNKNOWN
        return self.parse(text)

    def parse(self, text: str) -> Any:
        raise NotImplementedError

    def show_text(self, value: Any) -> str:
        return str(value)

    def write(self, value: Any) -> None:
        self._dont_know = False
        if self.dont_know_box is not None:
            self.dont_know_box.setChecked(False)
        self.edit.setEnabled(True)
        self.edit.setText("" if value is UNKNOWN else self.show_text(value))


# -- numbers ----------------------------------------------------------------------------------


class NumberEditor(_TypedEditor):
    """A count, an amount, a percentage or a line width, with its unit and range."""

    def __init__(self, key: str, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(key, context, parent)
        self.whole = self.info.kind == "int"
        self.maximum = 100.0 if self.info.unit_en == "%" else None
        self.positive = key == "ic_line_width_nm"
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.relabel_pack()
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        if self.maximum is not None:
            self.edit.setPlaceholderText(self.tr("0 to 100; empty if unknown"))
        elif self.positive:
            self.edit.setPlaceholderText(self.tr("More than 0; empty if unknown"))
        else:
            self.edit.setPlaceholderText(self.tr("Empty if unknown"))

    def parse(self, text: str) -> Any:
        return parse_number(
            text,
            whole=self.whole,
            maximum=self.maximum,
            positive=self.positive,
            units=(self.info.unit_zh, self.info.unit_en),
        )

    def show_text(self, value: Any) -> str:
        return format_number(value)


# -- text -------------------------------------------------------------------------------------


class NameEditor(_TypedEditor):
    """The company's name: required, at most 200 characters."""

    def __init__(self, key: str, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(key, context, parent, with_dont_know=False)
        self.edit.setMaxLength(NAME_MAX + 50)  # longer input is refused with a message
        self.relabel_pack()
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.edit.setPlaceholderText(self.tr("As on the business licence"))

    def read(self) -> Any:
        return parse_name(self.edit.text())


class CreditCodeEditor(_TypedEditor):
    """The 18-character unified social credit code, checked as it is typed."""

    def __init__(self, key: str, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(key, context, parent, with_dont_know=False)
        font = self.edit.font()
        font.setFamilies(["monospace", *font.families()])
        self.edit.setFont(font)
        self.relabel_pack()
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.edit.setPlaceholderText(self.tr("18 characters; empty if unknown"))

    def _text_edited(self, text: str) -> None:
        upper = text.upper()
        if upper != text:  # letters in credit codes are capitals: write them so as typed
            position = self.edit.cursorPosition()
            self.edit.setText(upper)
            self.edit.setCursorPosition(position)
        # While typing, only a wrong character is flagged; the length and the check character
        # once the code is complete or the user leaves the field.
        complete = len(upper.replace(" ", "").replace("-", "")) >= 18
        if self._setting:
            return
        if complete:
            self.user_edited(finished=False)
        else:
            self.show_error(credit_code_character_problem(upper))
            self.edited.emit()

    def parse(self, text: str) -> Any:
        return parse_credit_code(text)


# -- year of first profit ---------------------------------------------------------------------


class YearEditor(_TypedEditor):
    """A year, "Not yet profitable" (JSON null) or "Don't know"."""

    def __init__(self, key: str, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(key, context, parent)
        self.not_yet = QCheckBox(self)
        self.not_yet.toggled.connect(self._not_yet_toggled)
        assert self.dont_know_box is not None
        self.row.insertWidget(self.row.indexOf(self.dont_know_box), self.not_yet)
        self.edit.setMaxLength(8)
        self.relabel_pack()
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.edit.setPlaceholderText(self.tr("Year, e.g. 2021"))
        self.not_yet.setText(self.tr("Not yet profitable"))
        self.not_yet.setAccessibleName(self.tr("Not yet profitable"))

    def _not_yet_toggled(self, checked: bool) -> None:
        if checked:
            self.edit.clear()
            if self.dont_know_box is not None:
                self.dont_know_box.setChecked(False)
        self.edit.setEnabled(not checked and not self._dont_know)
        self.user_edited()

    def _dont_know_toggled(self, checked: bool) -> None:
        if checked:
            self.not_yet.setChecked(False)
        super()._dont_know_toggled(checked)

    def read(self) -> Any:
        if self.not_yet.isChecked():
            return None
        return super().read()

    def parse(self, text: str) -> Any:
        return parse_year(text)

    def show_text(self, value: Any) -> str:
        return "" if value is None else str(value)

    def write(self, value: Any) -> None:
        self.not_yet.setChecked(value is None)
        super().write(value)
        self.edit.setEnabled(value is not None)


# -- date of registration ---------------------------------------------------------------------


class DateEditor(_TypedEditor):
    """YYYY-MM-DD typed or picked on a calendar; never after today."""

    def __init__(self, key: str, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(key, context, parent)
        self.calendar_button = QPushButton(self)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        menu = QMenu(self.calendar_button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.calendar_button.setMenu(menu)
        self.row.insertWidget(self.row.indexOf(self.unit), self.calendar_button)
        self.edit.setMaxLength(20)
        self.relabel_pack()
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.calendar_button.setText(self.tr("Calendar…"))
        self.calendar_button.setAccessibleName(self.tr("Pick the date on a calendar"))

    def latest(self) -> date:
        return date.today()

    def _prepare_calendar(self) -> None:
        self.calendar.setMaximumDate(QDate(*self.latest().timetuple()[:3]))
        try:
            current = self.read()
        except InvalidInput:
            current = UNKNOWN
        if isinstance(current, str):
            self.calendar.setSelectedDate(QDate.fromString(current, Qt.DateFormat.ISODate))

    def _picked(self, day: QDate) -> None:
        if self.dont_know_box is not None:
            self.dont_know_box.setChecked(False)
        self.edit.setText(day.toString(Qt.DateFormat.ISODate))
        menu = self.calendar_button.menu()
        if menu is not None:
            menu.hide()
        self.user_edited()

    def parse(self, text: str) -> Any:
        return parse_date(text, self.latest()).isoformat()


# -- a choice from a vocabulary ---------------------------------------------------------------

_DONT_KNOW_DATA = "__dont_know__"


class EnumEditor(AnswerEditor):
    """A choice from the field's vocabulary (zone, city), labelled in the interface language."""

    def __init__(self, key: str, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(key, context, parent)
        assert self.info.vocabulary is not None
        self.vocabulary = self.info.vocabulary
        self.combo = QComboBox(self)
        # Long zone labels must not widen the form: the popup list shows them whole.
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(14)
        self.combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        for value in self.vocabulary:
            self.combo.addItem("", value)
        self.combo.addItem("", _DONT_KNOW_DATA)
        self.combo.setCurrentIndex(-1)
        self.combo.activated.connect(self._activated)
        self.row.addWidget(self.combo)
        self.row.addStretch(1)
        self.setFocusProxy(self.combo)
        self.relabel_pack()
        self.retranslate()

    def retranslate(self) -> None:
        self.combo.setPlaceholderText(self.tr("Choose…"))
        self.combo.setItemText(self.combo.count() - 1, self.tr("Don't know"))
        self.combo.setAccessibleName(self.info.question(self.context.lang))

    def relabel_pack(self) -> None:
        for index, value in enumerate(self.vocabulary):
            self.combo.setItemText(index, label(self.vocabulary, value, self.context.lang))
        self.combo.setAccessibleName(self.info.question(self.context.lang))

    def _activated(self, _index: int) -> None:
        self._dont_know = self.combo.currentData() == _DONT_KNOW_DATA
        self.user_edited()

    def read(self) -> Any:
        data = self.combo.currentData()
        if self.combo.currentIndex() < 0 or data == _DONT_KNOW_DATA:
            return UNKNOWN
        return data

    def write(self, value: Any) -> None:
        self._dont_know = False
        self.combo.setCurrentIndex(self.combo.findData(value) if value in self.vocabulary else -1)


def make_editor(key: str, context: AppContext, parent: QWidget | None = None) -> FieldEditor:
    """The answer widget for a profile key (CONTRACT.md), by the key's kind in rules.fields."""
    from app.ui.widgets.industry import IndustryEditor
    from app.ui.widgets.tags import TagsEditor

    info = PROFILE_FIELDS[key]
    if key == "name":
        return NameEditor(key, context, parent)
    if key == "credit_code":
        return CreditCodeEditor(key, context, parent)
    if key == "industry_code":
        return IndustryEditor(key, context, parent)
    editors: dict[str, type[AnswerEditor]] = {
        "bool": BoolEditor,
        "int": NumberEditor,
        "number": NumberEditor,
        "year": YearEditor,
        "date": DateEditor,
        "enum": EnumEditor,
        "tags": TagsEditor,
        "text": NameEditor,
    }
    return editors[info.kind](key, context, parent)
