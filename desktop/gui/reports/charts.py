"""A chart (pyqtgraph) with its numbers beside it as a table: what is drawn is what is listed.

Colours come from the app palette (desktop/gui/palette.py) and follow the look: when the app's
style or palette changes (high contrast on or off) the chart redraws itself in the new colours."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.gui import palette
from desktop.gui.i18n import tr
from desktop.services.reports.document import fmt_cell

pg.setConfigOptions(antialias=True)


class ChartPanel(QWidget):
    """Title, the chart, and under it the same numbers as a table."""

    def __init__(self, title: str, parent: QWidget | None = None, chart_height: int = 220):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        self.title = QLabel(f"<b>{title}</b>", self)
        layout.addWidget(self.title)
        self.plot = pg.PlotWidget(parent=self)
        self.plot.setMinimumHeight(chart_height)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(y=True, alpha=0.25)
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        layout.addWidget(self.plot)
        layout.addWidget(self.table)
        self._legend = None
        self.series: dict[str, list[float]] = {}  # what the chart draws, by series name
        self._drawn: tuple | None = None  # (method, args, kwargs) of the last drawing, to redraw in a new look
        self._look: bool | None = None
        self._apply_look()

    # -- look -------------------------------------------------------------------------
    def _apply_look(self) -> bool:
        """Background, axes and text in the palette's colours; True when the look changed."""
        look = palette.high_contrast()
        if look == self._look:
            return False
        self._look = look
        text = palette.colour("chart_text")
        self.plot.setBackground(palette.colour("chart_background"))
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        return True

    def _follow_look(self) -> None:
        if self._apply_look() and self._drawn:
            method, args, kwargs = self._drawn
            getattr(self, method)(*args, **kwargs)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            self._follow_look()

    def showEvent(self, event) -> None:  # a tab not yet shown when the look changed gets no change event
        self._follow_look()
        super().showEvent(event)

    def colours(self) -> dict[str, object]:
        """What is drawn in which colour (tests): background and each series' pen colour."""
        found: dict[str, object] = {"background": self.plot.backgroundBrush().color()}
        for item in self.plot.getPlotItem().items:
            name = item.name() if hasattr(item, "name") else None
            if name and name in self.series:
                pen = item.opts.get("pen")
                found[name] = pg.mkPen(pen).color()
        return found

    # -- table ------------------------------------------------------------------------
    def set_table(self, columns: list[str], kinds: list[str], rows: list[list]) -> None:
        self.table.clear()
        self.table.setColumnCount(len(columns))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(columns)
        for r, values in enumerate(rows):
            for c, (value, kind) in enumerate(zip(values, kinds)):
                item = QTableWidgetItem(fmt_cell(value, kind))
                if kind != "text":
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.resizeRowsToContents()
        rows_height = sum(self.table.rowHeight(r) for r in range(min(len(rows), 10)))
        self.table.setFixedHeight(header.sizeHint().height() + rows_height + 2 * self.table.frameWidth() + 18)

    def cell_texts(self) -> list[list[str]]:
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]

    # -- charts -----------------------------------------------------------------------
    def _reset(self, legend: bool) -> None:
        self.plot.clear()
        self.series = {}
        if self._legend is not None:
            self._legend.scene() and self._legend.scene().removeItem(self._legend)
            self._legend = None
        if legend:
            self._legend = self.plot.addLegend(offset=(10, 2), labelTextSize="8pt",
                                               labelTextColor=palette.colour("chart_text"),
                                               brush=pg.mkBrush(palette.colour("chart_background")))

    def bars(self, labels: list[str], series: list[tuple[str, list[float | None]]], *, target: float | None = None,
             x_max: float | None = None) -> None:
        """Horizontal grouped bars: one row per label (names read on the left), one bar per series."""
        self._drawn = ("bars", (labels, series), {"target": target, "x_max": x_max})
        self._apply_look()
        colours = palette.series_colours()
        self._reset(legend=len(series) > 1 or target is not None)
        if self._legend is not None:
            self._legend.setColumnCount(len(series) + 1)
        n = max(len(series), 1)
        thickness = 0.8 / n
        rows = len(labels)
        for i, (name, values) in enumerate(series):
            clean = [float(v or 0) for v in values]
            self.series[name] = clean
            ys = [rows - 1 - r + 0.4 - thickness * (i + 0.5) for r in range(rows)]
            color = colours[i % len(colours)]
            item = pg.BarGraphItem(x0=0, y=ys, height=thickness * 0.9, width=clean, brush=color, pen=color, name=name)
            self.plot.addItem(item)
        if target is not None:
            pen = pg.mkPen(palette.colour("chart_target"), width=2, style=Qt.PenStyle.DashLine)
            self.plot.addItem(pg.InfiniteLine(pos=target, angle=90, pen=pen))
            if self._legend is not None:
                self._legend.addItem(pg.PlotDataItem(pen=pen), tr("Mục tiêu {pct}%").format(pct=f"{target:g}"))
        left = self.plot.getAxis("left")
        left.setTicks([[(rows - 1 - r, _short(label, 28)) for r, label in enumerate(labels)]])
        left.setWidth(190)
        self.plot.getAxis("bottom").setTicks(None)
        legend_room = 0.9 if self._legend is not None else 0
        self.plot.setYRange(-0.6, max(rows - 0.4, 0.6) + legend_room, padding=0)
        top = x_max or max([v for vals in self.series.values() for v in vals] + [target or 0, 1]) * 1.1
        self.plot.setXRange(0, top, padding=0)
        bottom = self.plot.getAxis("bottom")
        if all(float(v).is_integer() for vals in self.series.values() for v in vals) and x_max is None:
            step = max(1, round(top / 8))  # counts: whole-number ticks only
            bottom.setTickSpacing(major=step, minor=step)
        else:
            bottom.setTickSpacing()
        self.plot.setMinimumHeight(max(150, 60 + rows * (10 * n + 14)))

    def line(self, labels: list[str], series: list[tuple[str, list[float]]], every: int = 5) -> None:
        """Lines over days (labels every `every` points)."""
        self._drawn = ("line", (labels, series), {"every": every})
        self._apply_look()
        colours = palette.series_colours()
        self._reset(legend=len(series) > 1)
        xs = list(range(len(labels)))
        for i, (name, values) in enumerate(series):
            self.series[name] = [float(v) for v in values]
            color = colours[i % len(colours)]
            self.plot.plot(xs, self.series[name], pen=pg.mkPen(color, width=2), symbol="o", symbolSize=5,
                           symbolBrush=color, symbolPen=color, name=name)
        ticks = [(x, labels[x]) for x in xs if x % every == 0 or x == len(xs) - 1]
        self.plot.getAxis("bottom").setTicks([ticks])
        self.plot.getAxis("left").setTicks(None)
        self.plot.getAxis("left").setWidth(40)
        self.plot.setXRange(-0.5, max(len(xs) - 0.5, 0.5), padding=0)
        top = max([v for vals in self.series.values() for v in vals] + [1]) * 1.2
        self.plot.setYRange(0, top, padding=0)


def _short(label: str, limit: int = 16) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
