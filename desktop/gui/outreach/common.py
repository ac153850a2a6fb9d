"""Small shared pieces of the outreach page: read-only tables and combo helpers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget
from desktop.core import formatting


def make_table(parent: QWidget, headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table


def fill_table(table: QTableWidget, rows: list[list], keys: list | None = None) -> None:
    """Replace the rows; `keys[i]` is stored on row i's first cell (Qt.UserRole)."""
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            figure = isinstance(value, (int, float)) and not isinstance(value, bool)
            text = "" if value is None else (formatting.number(value) if isinstance(value, int) and figure
                                             else formatting.decimal(value) if figure else str(value))
            item = QTableWidgetItem(text)
            if figure:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if c == 0 and keys is not None:
                item.setData(Qt.ItemDataRole.UserRole, keys[r])
            table.setItem(r, c, item)


def row_key(table: QTableWidget):
    row = table.currentRow()
    item = table.item(row, 0) if row >= 0 else None
    return item.data(Qt.ItemDataRole.UserRole) if item else None


def vocab_combo(parent: QWidget, vocab: dict, tr, first: tuple[str, str] | None = None) -> QComboBox:
    combo = QComboBox(parent)
    if first:
        combo.addItem(first[1], first[0])
    for code, label in vocab.items():
        combo.addItem(tr(label), code)
    return combo


