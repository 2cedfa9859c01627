"""The delegates of the caseload table's cells: texts (left to the table, but for the
current cell) and alert badges."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from caseworker.services.alerts import Alert

from .caseload_model import COL_ALERTS, COL_EVALUATION, COL_MEMBERS, OVERDUE, CaseloadModel
from .theme import ALERT, WARN

if TYPE_CHECKING:
    from .caseload_table import CaseloadTable

_SEVERITY_COLOURS = {"critical": QColor(ALERT), "warning": QColor(WARN)}
_INFO = QColor("#4f6f89")
_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_CENTER = Qt.AlignmentFlag.AlignCenter
_CENTRED = (COL_MEMBERS, COL_ALERTS)
_TEXT = QPalette.ColorRole.Text
_OVERDUE_BRUSH = QBrush(OVERDUE)


class CaseloadDelegate(QStyledItemDelegate):
    """Leaves the cell texts to ``CaseloadTable`` (it paints them cached, after the
    rows), except for the current cell, whose option it fills from the model's cached
    display strings so the style draws text and focus frame as usual.

    The base ``initStyleOption`` asks the model for 7 roles per painted cell, each a
    C++ → Python call (≈ 1,000 calls when a keystroke changes the whole visible table);
    this is one call per cell. For the current cell the same result as the base: text,
    centred member and alert counts, the overdue evaluation date in ``OVERDUE``; no
    font, decoration, check state or background."""

    def __init__(
        self, model: CaseloadModel, table: CaseloadTable, parent: QObject | None = None
    ) -> None:
        super().__init__(parent or table)
        self._model = model
        self._table = table

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        option.index = index  # type: ignore[assignment]
        option.styleObject = None  # type: ignore[assignment]
        row, column = index.row(), index.column()
        if (row, column) != self._table.current_cell:
            return
        option.features = option.features | _HAS_DISPLAY
        option.text = self._model.display_at(row)[column]
        if column in _CENTRED:
            option.displayAlignment = _CENTER
        elif column == COL_EVALUATION and self._model.overdue_at(row):
            palette = option.palette
            palette.setBrush(_TEXT, _OVERDUE_BRUSH)
            option.palette = palette


class BadgeDelegate(CaseloadDelegate):
    """Paints the alert count as a round badge, coloured by the worst severity.

    Badges are drawn once per (count, colour, size) into a cached pixmap: drawing an
    antialiased rounded rectangle and its text for every visible row on every repaint
    cost ≈ 0.3 ms per row, a blit costs a few µs."""

    def __init__(
        self, model: CaseloadModel, table: CaseloadTable, parent: QObject | None = None
    ) -> None:
        super().__init__(model, table, parent)
        self._cache: dict[tuple[int, str, int, int, float], QPixmap] = {}

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        alerts = self._model.alerts_at(index.row())  # no round trip through Qt
        if not alerts:
            super().paint(painter, option, index)
            return
        self.paint_badge(painter, QRectF(option.rect), alerts, option.font)  # type: ignore[attr-defined]

    def paint_badge(
        self, painter: QPainter, rect: QRectF, alerts: tuple[Alert, ...], font: QFont
    ) -> None:
        """The badge of ``alerts`` centred in the cell ``rect``."""
        severities = {a.severity for a in alerts}
        colour = next(
            (_SEVERITY_COLOURS[s] for s in ("critical", "warning") if s in severities), _INFO
        )
        size = min(rect.height() - 6, 22.0)
        width = max(size, 10.0 + 8.0 * len(str(len(alerts))))
        ratio = painter.device().devicePixelRatioF()
        badge = self._badge(len(alerts), colour, width, size, ratio, font)
        painter.drawPixmap(
            QPointF(rect.center().x() - width / 2, rect.center().y() - size / 2), badge
        )

    def _badge(
        self, count: int, colour: QColor, width: float, size: float, ratio: float, font: QFont
    ) -> QPixmap:
        key = (count, colour.name(), round(width), round(size), ratio)
        pixmap = self._cache.get(key)
        if pixmap is None:
            pixmap = QPixmap(max(1, round(width * ratio)), max(1, round(size * ratio)))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setFont(font)
            area = QRectF(0, 0, width, size)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(area, size / 2, size / 2)
            painter.setPen(QColor("white"))
            painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter), str(count))
            painter.end()
            self._cache[key] = pixmap
        return pixmap
