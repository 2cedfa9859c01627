"""QtCharts pictures of a person's ZRM: a radar (baseline, latest, target) and a trend per domain.

The charts draw the plain ``RadarData`` / trend dicts of ``services.assessments``;
they never touch the database.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import (
    QCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QPolarChart,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from caseworker.services.assessments import RadarData

SERIES_COLOURS = {"baseline": "#9e9e9e", "latest": "#1565c0", "target": "#2e7d32"}
TREND_COLOURS = (
    "#1565c0",
    "#c62828",
    "#2e7d32",
    "#ef6c00",
    "#6a1b9a",
    "#00838f",
    "#ad1457",
    "#4e342e",
    "#283593",
    "#558b2f",
    "#f9a825",
    "#37474f",
    "#d84315",
)


def _pen(colour: str, width: float = 2.0, dashed: bool = False) -> QPen:
    pen = QPen(QColor(colour))
    pen.setWidthF(width)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


class RadarChartView(QChartView):
    """Polar chart: one spoke per domain, radial 0–5, three closed series."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(self.tr("ZRM radar"))
        self.setMinimumSize(360, 320)
        self.series: dict[str, QLineSeries] = {}
        self.set_data(None)

    def set_data(self, data: RadarData | None) -> None:
        chart = QPolarChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        n = len(data.domains) if data else 0
        angular = QCategoryAxis()
        angular.setRange(0, 360)
        angular.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        step = 360 / n if n else 360
        if data:
            for i, (_code, name) in enumerate(data.domains):
                angular.append(name, i * step)
        radial = QValueAxis()
        radial.setRange(0, 5)
        radial.setTickCount(6)
        radial.setLabelFormat("%d")
        chart.addAxis(angular, QPolarChart.PolarOrientation.PolarOrientationAngular)
        chart.addAxis(radial, QPolarChart.PolarOrientation.PolarOrientationRadial)
        self.series = {}
        if data:
            titles = {
                "baseline": self.tr("Baseline"),
                "latest": self.tr("Latest"),
                "target": self.tr("Target"),
            }
            for key, values in (
                ("baseline", data.baseline),
                ("latest", data.latest),
                ("target", data.target),
            ):
                series = QLineSeries()
                series.setName(titles[key])
                series.setPen(_pen(SERIES_COLOURS[key], 2.5, dashed=key == "target"))
                series.setPointsVisible(True)  # a single target still shows as a dot
                series.setColor(QColor(SERIES_COLOURS[key]))
                points = [(i * step, float(v)) for i, v in enumerate(values) if v is not None]
                for angle, value in points:
                    series.append(angle, value)
                if points and len(points) == n:
                    series.append(360, points[0][1])  # close the polygon
                chart.addSeries(series)
                series.attachAxis(angular)
                series.attachAxis(radial)
                self.series[key] = series
        self.setChart(chart)

    def values(self, key: str) -> list[tuple[float, float]]:
        series = self.series.get(key)
        return [] if series is None else [(p.x(), p.y()) for p in series.points()]


def _msecs(day: date) -> float:
    return float(QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0)).toMSecsSinceEpoch())


class TrendChartView(QChartView):
    """One line per domain over time, scores 1–5."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(self.tr("ZRM trend"))
        self.setMinimumSize(360, 260)
        self.series: dict[str, QLineSeries] = {}
        self.set_data({}, {})

    def set_data(self, trend: dict[str, list[tuple[date, int]]], names: dict[str, str]) -> None:
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        x_axis = QDateTimeAxis()
        x_axis.setFormat("dd-MM-yy")
        y_axis = QValueAxis()
        y_axis.setRange(0.5, 5.5)
        y_axis.setTickCount(6)
        y_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        y_axis.setTickAnchor(1)
        y_axis.setTickInterval(1)
        y_axis.setLabelFormat("%d")
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        days = [d for points in trend.values() for d, _ in points]
        if days:
            first, last = min(days), max(days)
            lo, hi = _msecs(first), _msecs(last)
            if hi - lo < 86_400_000 * 14:
                lo -= 86_400_000 * 7
                hi += 86_400_000 * 7
            x_axis.setRange(
                QDateTime.fromMSecsSinceEpoch(int(lo)), QDateTime.fromMSecsSinceEpoch(int(hi))
            )
            x_axis.setTickCount(min(6, max(2, len(set(days)))))
        self.series = {}
        ordered = [code for code in names if code in trend] + [
            code for code in trend if code not in names
        ]
        for i, code in enumerate(ordered):
            series = QLineSeries()
            series.setName(names.get(code, code))
            series.setPen(_pen(TREND_COLOURS[i % len(TREND_COLOURS)]))
            series.setPointsVisible(True)
            for day, score in trend[code]:
                series.append(_msecs(day), float(score))
            chart.addSeries(series)
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
            self.series[code] = series
        self.setChart(chart)

    def values(self, domain: str) -> list[float]:
        series = self.series.get(domain)
        return [] if series is None else [p.y() for p in series.points()]
