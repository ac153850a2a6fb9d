"""The read-only tables of the sync page (conflicts, refused records): built and filled one way."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from desktop.gui.outreach.common import make_table


def record_table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    """Whole-row, single selection, not editable, no row numbers (the outreach page's tables)."""
    return make_table(parent, headers, name)


def fill_row(table: QTableWidget, row: int, texts) -> None:
    """One row of texts, each also its tooltip (long values stay readable)."""
    for col, text in enumerate(texts):
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        table.setItem(row, col, item)


def stacked(widget: QWidget, *parts) -> QVBoxLayout:
    """Title, table (stretching), then button rows / labels, without margins."""
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part, 1 if isinstance(part, QTableWidget) else 0)
    return layout
