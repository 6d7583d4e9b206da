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


translate = QCoreApplication.translate


def verdict_text(verdict: str) -> str:
    return {
        "eligible": translate("Badges", "Eligible"),
        "needs_info": translate("Badges", "Needs information"),
        "not_eligible": translate("Badges", "Not eligible"),
        "not_applicable": translate("Badges", "Government task"),
    }[verdict]


def result_text(result: str) -> str:
    return {
        "met": translate("Badges", "Met"),
        "not_met": translate("Badges", "Not met"),
        "unknown": translate("Badges", "Unknown"),
    }[result]


def status_text(status: str) -> str:
    return {
        "in_force": translate("Badges", "In force"),
        "pending_national_approval": translate("Badges", "Awaiting national approval"),
        "pilot": translate("Badges", "Pilot"),
        "government_task": translate("Badges", "Government task"),
    }[status]


def caveat_short(code: str) -> str:
    return {
        "pending_national_approval": translate("Badges", "Awaiting national approval"),
        "pilot": translate("Badges", "Pilot"),
        "past_deadline": translate("Badges", "Targets dated end 2023"),
        "before_issue": translate("Badges", "Before the notice was issued"),
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
