"""How a verdict, a criterion's result and a measure's status look: icon, words and colour.

Never colour alone: each badge is a distinct shape drawn as an icon, with its words beside it.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF

VERDICT_ORDER = ("eligible", "needs_info", "not_eligible", "not_applicable")

VERDICT_COLOURS = {
    "eligible": "#1b7f3b",
    "needs_info": "#b26a00",
    "not_eligible": "#b3261e",
    "not_applicable": "#6b6b6b",
}
RESULT_VERDICT = {"met": "eligible", "unknown": "needs_info", "not_met": "not_eligible"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Badges", text)


def verdict_text(verdict: str) -> str:
    return {
        "eligible": _tr("Eligible"),
        "needs_info": _tr("Needs information"),
        "not_eligible": _tr("Not eligible"),
        "not_applicable": _tr("Government task"),
    }[verdict]


def result_text(result: str) -> str:
    return {"met": _tr("Met"), "not_met": _tr("Not met"), "unknown": _tr("Unknown")}[result]


def status_text(status: str) -> str:
    return {
        "in_force": _tr("In force"),
        "pending_national_approval": _tr("Awaiting national approval"),
        "pilot": _tr("Pilot"),
        "government_task": _tr("Government task"),
    }[status]


def caveat_short(code: str) -> str:
    return {
        "pending_national_approval": _tr("Awaiting national approval"),
        "pilot": _tr("Pilot"),
        "past_deadline": _tr("Targets dated end 2023"),
    }.get(code, code)


def verdict_colour(verdict: str) -> QColor:
    return QColor(VERDICT_COLOURS[verdict])


@cache
def verdict_icon(verdict: str, size: int = 32) -> QIcon:
    """A filled shape per verdict: check in a circle, question mark, cross, dash."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = verdict_colour(verdict)
    painter.setBrush(colour)
    painter.setPen(Qt.PenStyle.NoPen)
    margin = size * 0.06
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    if verdict == "needs_info":  # a diamond, so it differs in shape too
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(size / 2, margin),
                    QPointF(size - margin, size / 2),
                    QPointF(size / 2, size - margin),
                    QPointF(margin, size / 2),
                ]
            )
        )
    elif verdict == "not_eligible":
        painter.drawRoundedRect(box, size * 0.15, size * 0.15)
    else:
        painter.drawEllipse(box)
    pen = QPen(QColor("white"), size * 0.12)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    s = size
    if verdict == "eligible":
        painter.drawPolyline(
            QPolygonF(
                [
                    QPointF(s * 0.28, s * 0.52),
                    QPointF(s * 0.44, s * 0.68),
                    QPointF(s * 0.72, s * 0.34),
                ]
            )
        )
    elif verdict == "not_eligible":
        painter.drawLine(QPointF(s * 0.32, s * 0.32), QPointF(s * 0.68, s * 0.68))
        painter.drawLine(QPointF(s * 0.68, s * 0.32), QPointF(s * 0.32, s * 0.68))
    elif verdict == "needs_info":
        font = painter.font()
        font.setBold(True)
        font.setPixelSize(int(s * 0.5))
        painter.setFont(font)
        painter.drawText(QRectF(0, 0, s, s), Qt.AlignmentFlag.AlignCenter, "?")
    else:
        painter.drawLine(QPointF(s * 0.3, s * 0.5), QPointF(s * 0.7, s * 0.5))
    painter.end()
    return QIcon(pixmap)


def result_icon(result: str, size: int = 32) -> QIcon:
    """A criterion's result drawn like the verdict it leads to (met ✓, not met ✗, unknown ?)."""
    return verdict_icon(RESULT_VERDICT[result], size)
