"""The caseload's households table: a table view that paints its rows and cached texts
itself (its cells' delegates are in ``caseload_delegates``)."""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QPointF,
    QRect,
    QRectF,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QStaticText,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from .caseload_delegates import BadgeDelegate, CaseloadDelegate
from .caseload_model import (
    COL_ALERTS,
    COL_EVALUATION,
    COL_MEMBERS,
    OVERDUE,
    CaseloadModel,
)

_ELIDE_RIGHT = Qt.TextElideMode.ElideRight
_TEXT_CACHE_SIZE = 30_000  # laid-out texts kept (text, column width); then start over
_AHEAD_LIMIT = 20_000  # laid out ahead of need at most (room left for what is shown)
_PREPARE_STEP = 0.0015  # s of GUI-thread time per idle step of laying out texts ahead
_GIVE_WAY_MS = 250  # no laying out ahead until this long after the shown rows changed


class CaseloadTable(QTableView):
    """The households table; paints the cell texts itself.

    Laying out and drawing the texts was most of a repaint: the style lays out every
    cell's text twice (to measure it, then to draw it, eliding when too long), and when
    a keystroke changes the whole visible table every cell is new. This view draws the
    texts as cached ``QStaticText`` (laid out once per text and column width, elided
    like the style does). It also draws the rows themselves (backgrounds, selected cells,
    badges, grid) in the same one Python call per repaint: the C++ view called Python
    three times per cell. The C++ view still draws the current cell (the style draws its
    text and focus frame; ``CaseloadDelegate`` leaves the texts of the other cells out)
    and the whole table in layouts this view does not handle (``_own_columns``). The
    alerts column shows badges (``BadgeDelegate``), not text. Same pixels as the plain
    delegate (``tests/ui/test_caseload_table.py``). Once the caseload has loaded, the texts
    of all its rows are laid out ahead of need in idle time (``lay_out_ahead``), so a
    keystroke that shows rows for the first time finds their texts ready.

    Its font prefers no text shaping: HarfBuzz shaping (kerning, ligatures) is optional
    for Latin script, so Qt skips it there (≈ −25 % per repaint before the text cache);
    scripts that need shaping keep it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current_cell = (-1, -1)  # (row, column) of the current index while painting
        self._ahead_wanted = False  # lay_out_ahead was called for the current rows
        self._texts: dict[tuple[str, int], tuple[QStaticText, float]] = {}
        # laying out the texts of all loaded rows ahead of need, in short idle steps
        self._ahead: Iterator[tuple[str, ...]] | None = None
        self._ahead_timer = QTimer(self)  # one step per timeout, 0 ms: when idle
        self._ahead_timer.timeout.connect(self._lay_out_ahead)
        self._settled = QTimer(self)  # column widths changed: start again once settled
        self._settled.setSingleShot(True)
        self._settled.setInterval(300)
        self._settled.timeout.connect(self._start_ahead)
        self.horizontalHeader().sectionResized.connect(lambda *_: self._settled.start())
        self._resume = QTimer(self)  # gives way to typing: resumes once it paused
        self._resume.setSingleShot(True)
        self._resume.setInterval(_GIVE_WAY_MS)
        self._resume.timeout.connect(self._ahead_timer.start)
        font = self.font()
        font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
        self.setFont(font)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        previous = self.model()
        if isinstance(previous, CaseloadModel):
            previous.modelReset.disconnect(self._model_reset)
            previous.layoutChanged.disconnect(self._give_way)
        super().setModel(model)
        if isinstance(model, CaseloadModel):
            model.modelReset.connect(self._model_reset)
            model.layoutChanged.connect(self._give_way)
        self._model_reset()

    def _give_way(self) -> None:
        """The shown rows changed (a keystroke, a filter): pause laying out ahead until
        the user paused, so each keystroke has the GUI thread to itself."""
        if self._ahead is not None:
            self._ahead_timer.stop()
            self._resume.start()

    def _model_reset(self) -> None:
        """Other rows: laying out ahead waits for ``lay_out_ahead``; no rows (locked):
        forget every laid-out text, so no personal data stays in memory."""
        self._stop_ahead()
        self._ahead_wanted = False
        model = self.model()
        if not isinstance(model, CaseloadModel) or not model.total_count():
            self._texts.clear()

    def lay_out_ahead(self) -> None:
        """Lay out the texts of all loaded rows ahead of need, in idle steps, from the
        first row in sort order; again when column widths or the font change, until
        other rows come. Called once the caseload's background loading is done (laying
        out competes with a loading thread for the interpreter)."""
        self._ahead_wanted = True
        self._start_ahead()

    def _start_ahead(self) -> None:
        model = self.model()
        if not self._ahead_wanted or not isinstance(model, CaseloadModel):
            return
        self._ahead = model.display_rows()
        self._resume.stop()
        self._ahead_timer.start(0)

    @property
    def laying_out_ahead(self) -> bool:
        """Whether texts of loaded rows are still being laid out ahead of need."""
        return self._ahead is not None

    @property
    def laid_out_texts(self) -> int:
        """How many laid-out texts (text, column width) the table holds."""
        return len(self._texts)

    def _lay_out_ahead(self) -> None:
        """One idle step (≈ 1.5 ms) of laying out the texts of all loaded rows, shown or
        not, in sort order, at the current column widths: a text that a keystroke shows
        for the first time then costs a cache hit instead of a layout (≈ 20 µs each,
        ≈ 3 ms for a whole visible table). Stops when all are done or at ``_AHEAD_LIMIT``."""
        rows = self._ahead
        if rows is None or len(self._texts) >= _AHEAD_LIMIT:
            self._stop_ahead()
            return
        columns = [(column, width) for column, _x, width in self._text_columns()]
        font, metrics, texts = self.font(), self.fontMetrics(), self._texts
        deadline = time.perf_counter() + _PREPARE_STEP
        for display in rows:
            for column, width in columns:
                text = display[column]
                if text and (text, width) not in texts:
                    texts[(text, width)] = _laid_out(text, width, font, metrics)
            if time.perf_counter() > deadline:
                return
        self._stop_ahead()

    def _stop_ahead(self) -> None:
        self._ahead = None
        self._ahead_timer.stop()
        self._resume.stop()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._texts.clear()  # laid out in another font or with other margins
            self._start_ahead()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        current = self.currentIndex()
        self.current_cell = (current.row(), current.column())
        model = self.model()
        if not isinstance(model, CaseloadModel) or not model.rowCount():
            super().paintEvent(event)
            return
        columns = self._own_columns()
        if columns is None:  # a layout this view does not paint itself: the C++ view
            super().paintEvent(event)
            self._paint_texts(model, event.rect())
            return
        area = event.rect()
        self._paint_cells(model, area, columns)
        if current.isValid():
            # the current cell as the C++ view draws it (style, delegate, focus frame)
            cell = self.visualRect(current).adjusted(0, 0, -1, -1) & area
            if cell.isValid():
                super().paintEvent(QPaintEvent(cell))

    def _own_columns(self) -> list[tuple[int, CaseloadDelegate]] | None:
        """The shown columns in visual order with their delegates, when this view can
        draw the rows itself (left to right, no hidden rows, no drag and drop, a solid
        grid, every delegate a ``CaseloadDelegate``); None when the C++ view must."""
        if (
            self.isRightToLeft()
            or self.dragDropMode() != QAbstractItemView.DragDropMode.NoDragDrop
            or self.verticalHeader().sectionsHidden()
            or (self.showGrid() and self.gridStyle() != Qt.PenStyle.SolidLine)
        ):
            return None
        header = self.horizontalHeader()
        columns: list[tuple[int, CaseloadDelegate]] = []
        for visual in range(header.count()):
            column = header.logicalIndex(visual)
            if header.isSectionHidden(column):
                continue
            delegate = self.itemDelegateForColumn(column) or self.itemDelegate()
            if not isinstance(delegate, CaseloadDelegate):
                return None
            columns.append((column, delegate))
        return columns

    def _paint_cells(
        self,
        model: CaseloadModel,
        area: QRect,
        columns: list[tuple[int, CaseloadDelegate]],
    ) -> None:
        """What ``QTableView.paintEvent`` draws, for every cell but the current one: the
        row backgrounds (alternate rows, selected cells; ``PE_PanelItemViewRow`` and
        ``PE_PanelItemViewItem`` fill the cell with ``AlternateBase`` or ``Highlight``),
        the alert badges, the grid, then the texts. One Python call per repaint instead
        of three C++ → Python calls per cell (``rowCount`` and ``columnCount`` for
        ``index``, the delegate)."""
        rows, header = self.verticalHeader(), self.horizontalHeader()
        right = min(area.right(), header.length() - header.offset() - 1)
        bottom = min(area.bottom(), rows.length() - rows.offset() - 1)
        first = rows.visualIndexAt(area.top())
        last = rows.visualIndexAt(bottom)
        if last < 0:
            last = model.rowCount() - 1
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        style = self.style()
        if style.styleHint(QStyle.StyleHint.SH_Table_AlwaysDrawLeftTopGridLines, option, self):
            # a style that draws extra grid lines: leave the whole table to the C++ view
            super().paintEvent(QPaintEvent(area))
            self._paint_texts(model, area)
            return
        grid = 1 if self.showGrid() else 0
        cells = [
            (column, delegate, self.columnViewportPosition(column), self.columnWidth(column) - grid)
            for column, delegate in columns
        ]
        cells = [c for c in cells if c[2] <= right and c[2] + c[3] + grid > area.left()]
        if first < 0 or right < area.left() or not cells:
            return
        palette = self.palette()
        group = self._colour_group()
        alternate = (
            palette.brush(group, QPalette.ColorRole.AlternateBase)
            if self.alternatingRowColors()
            else None
        )
        highlight = palette.brush(group, QPalette.ColorRole.Highlight)
        selected = self._selected_cells(first, last)
        current_row, current_column = self.current_cell
        left_x, right_x = cells[0][2], cells[-1][2] + cells[-1][3]
        font = self.font()
        painter = QPainter(self.viewport())
        for row in range(first, last + 1):
            y, height = self.rowViewportPosition(row), self.rowHeight(row) - grid
            row_selected = selected.get(row)
            if alternate is not None and row & 1 and row_selected is None:
                painter.fillRect(QRect(left_x, y, right_x - left_x, height), alternate)
            for column, delegate, x, width in cells:
                if row_selected is not None:
                    painter.fillRect(
                        QRect(x, y, width, height),
                        highlight
                        if column in row_selected
                        else alternate
                        if alternate is not None and row & 1
                        else palette.brush(group, QPalette.ColorRole.Base),
                    )
                if (
                    isinstance(delegate, BadgeDelegate)
                    and (row, column) != (current_row, current_column)
                    and (alerts := model.alerts_at(row))
                ):
                    delegate.paint_badge(painter, QRectF(x, y, width, height), alerts, font)
        if grid:
            hint = style.styleHint(QStyle.StyleHint.SH_Table_GridLineColor, option, self)
            colour = QColor.fromRgba(hint & 0xFFFFFFFF)
            top, left = area.top(), area.left()
            lines = [
                QRect(
                    left,
                    self.rowViewportPosition(row) + self.rowHeight(row) - 1,
                    right - left + 1,
                    1,
                )
                for row in range(first, last + 1)
            ] + [QRect(x + width, top, 1, bottom - top + 1) for _c, _d, x, width in cells]
            # a solid 1-pixel line is a 1-pixel-wide rectangle (the same pixels; filling
            # costs a fraction of stroking)
            for line in lines:
                painter.fillRect(line, colour)
        self._paint_texts(model, area, selected, painter)
        painter.end()

    def _colour_group(self) -> QPalette.ColorGroup:
        """The palette group the style paints this view's cells with."""
        if not self.isEnabled():
            return QPalette.ColorGroup.Disabled
        if self.isActiveWindow():
            return QPalette.ColorGroup.Active
        return QPalette.ColorGroup.Inactive

    def _selected_cells(self, first: int, last: int) -> dict[int, set[int]]:
        """Selected columns per shown row from ``first`` to ``last``."""
        selection = self.selectionModel()
        found: dict[int, set[int]] = {}
        if selection is None:
            return found
        ranges = selection.selection()
        for selected in (ranges.at(k) for k in range(ranges.count())):
            for row in range(max(first, selected.top()), min(last, selected.bottom()) + 1):
                found.setdefault(row, set()).update(range(selected.left(), selected.right() + 1))
        return found

    def _paint_texts(
        self,
        model: CaseloadModel,
        area: QRect,
        selected: dict[int, set[int]] | None = None,
        painter: QPainter | None = None,
    ) -> None:
        """The cell texts (but the current cell's), with ``painter`` when given."""
        header = self.verticalHeader()
        first = header.visualIndexAt(area.top())
        if first < 0:
            return
        last = header.visualIndexAt(area.bottom())
        if last < 0:
            last = model.rowCount() - 1
        grid = 1 if self.showGrid() else 0
        columns = [  # the columns whose cells meet the area
            (column, x, width)
            for column, x, width in self._text_columns()
            if (left := self.columnViewportPosition(column)) <= area.right()
            and left + self.columnWidth(column) >= area.left()
        ]
        if not columns:
            return
        font, metrics = self.font(), self.fontMetrics()
        palette = self.palette()
        group = self._colour_group()
        plain = palette.color(group, QPalette.ColorRole.Text)
        highlighted = palette.color(group, QPalette.ColorRole.HighlightedText)
        if selected is None:
            selected = self._selected_cells(first, last)
        no_cells: set[int] = set()
        line = metrics.height()
        current_row, current_column = self.current_cell
        texts = self._texts
        if len(texts) > _TEXT_CACHE_SIZE:
            texts.clear()
        own_painter = painter is None
        if painter is None:
            painter = QPainter(self.viewport())
        pen: QColor | None = None
        for row in range(first, last + 1):
            # vertically centred like the style: (cell height - line height) / 2
            y = self.rowViewportPosition(row) + (self.rowHeight(row) - grid - line) // 2
            display = model.display_at(row)
            row_selected = selected.get(row, no_cells)
            overdue = model.overdue_at(row)
            for column, x, width in columns:
                text = display[column]
                if not text or (row == current_row and column == current_column):
                    continue
                colour = (
                    highlighted
                    if column in row_selected
                    else OVERDUE
                    if overdue and column == COL_EVALUATION
                    else plain
                )
                if colour is not pen:
                    painter.setPen(colour)
                    pen = colour
                cached = texts.get((text, width))
                if cached is None:
                    cached = texts[(text, width)] = _laid_out(text, width, font, metrics)
                static, text_width = cached
                if column == COL_MEMBERS:  # centred
                    painter.drawStaticText(QPointF(x + (width - text_width) / 2, y), static)
                else:
                    painter.drawStaticText(QPointF(x, y), static)
        if own_painter:
            painter.end()

    def _text_columns(self) -> list[tuple[int, int, int]]:
        """The shown text columns (the alerts column shows badges) as (column, x, width)
        of the style's text rectangle in viewport coordinates: the cell without the grid
        line, less a margin on both sides."""
        grid = 1 if self.showGrid() else 0
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        columns: list[tuple[int, int, int]] = []
        for column in range(COL_ALERTS):
            width = self.columnWidth(column) - grid - 2 * margin
            if not self.isColumnHidden(column) and width > 0:
                columns.append((column, self.columnViewportPosition(column) + margin, width))
        return columns


def _laid_out(
    text: str, width: int, font: QFont, metrics: QFontMetrics
) -> tuple[QStaticText, float]:
    """``text`` laid out for a column ``width`` wide, elided when it does not fit
    (measured on the layout itself: most texts fit, and eliding costs one more)."""
    static = _static_text(text, font)
    if static.size().width() > width:
        static = _static_text(metrics.elidedText(text, _ELIDE_RIGHT, width), font)
    return static, static.size().width()


def _static_text(text: str, font: QFont) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.prepare(font=font)
    return static
