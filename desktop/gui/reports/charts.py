"""A chart (pyqtgraph) with its numbers beside it as a table: what is drawn is what is listed."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.i18n import tr
from desktop.services.reports.document import fmt_cell

COLORS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948"]
pg.setConfigOptions(antialias=True, background="w", foreground="#333333")


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
            self._legend = self.plot.addLegend(offset=(10, 2), labelTextSize="8pt")

    def bars(self, labels: list[str], series: list[tuple[str, list[float | None]]], *, target: float | None = None,
             x_max: float | None = None) -> None:
        """Horizontal grouped bars: one row per label (names read on the left), one bar per series."""
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
            color = QColor(COLORS[i % len(COLORS)])
            item = pg.BarGraphItem(x0=0, y=ys, height=thickness * 0.9, width=clean, brush=color, pen=color, name=name)
            self.plot.addItem(item)
        if target is not None:
            pen = pg.mkPen("#c0392b", width=2, style=Qt.PenStyle.DashLine)
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
        self._reset(legend=len(series) > 1)
        xs = list(range(len(labels)))
        for i, (name, values) in enumerate(series):
            self.series[name] = [float(v) for v in values]
            color = COLORS[i % len(COLORS)]
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
