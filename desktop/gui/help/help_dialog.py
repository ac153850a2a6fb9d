"""The help window: short guides (booth mode, complaints, sync) and the live shortcut list."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.layouts import resize_within_screen
from desktop.gui.help.shortcuts import ShortcutEntry, collect_shortcuts
from desktop.gui.help.topics import TOPICS, topic_text
from desktop.gui.i18n import tr

log = logging.getLogger(__name__)
SHORTCUTS_KEY = "shortcuts"


def page_titles(window) -> dict[QWidget, str]:
    """Build every page once (so each page's own shortcuts exist) and map page -> title."""
    from desktop.gui.pages import PAGES

    titles: dict[QWidget, str] = {}
    for spec in PAGES:
        page = window._pages.get(spec.key)
        if page is None:
            try:
                page = window._build_page(spec)
            except Exception:  # a broken page must not take the help down with it
                log.exception("page %s could not be built for the shortcut list", spec.key)
                continue
        titles[page] = tr(spec.title)
    return titles


class ShortcutTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 3, parent)
        self.setObjectName("shortcutTable")
        self.setHorizontalHeaderLabels([tr("Phím"), tr("Việc"), tr("Ở đâu")])
        self.verticalHeader().setVisible(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table (no keyboard trap)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

    def show_entries(self, entries: list[ShortcutEntry]) -> None:
        self.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            for col, text in enumerate((entry.keys, entry.action, entry.section)):
                self.setItem(row, col, QTableWidgetItem(text))

    def entries(self) -> list[tuple[str, str, str]]:
        return [tuple(self.item(r, c).text() for c in range(3)) for r in range(self.rowCount())]  # type: ignore[misc]


class HelpDialog(QDialog):
    """Topics on the left (Up/Down to move), the text on the right; Esc closes."""

    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.window_ = window
        self.setObjectName("helpDialog")
        self.setWindowTitle(tr("Trợ giúp — Tổ CĐS Desktop"))
        resize_within_screen(self, 860, 600)

        self.topics = QListWidget(self)
        self.topics.setObjectName("helpTopics")
        self.topics.setMaximumWidth(240)
        self.topics.setSpacing(4)
        self.pages = QStackedWidget(self)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpText")
        self.browser.setOpenExternalLinks(True)
        self.shortcut_table = ShortcutTable(self)
        self.pages.addWidget(self.browser)
        self.pages.addWidget(self.shortcut_table)
        for topic in TOPICS:
            item = QListWidgetItem(tr(topic.title))
            item.setData(Qt.ItemDataRole.UserRole, topic.key)
            self.topics.addItem(item)
        item = QListWidgetItem(tr("Phím tắt"))
        item.setData(Qt.ItemDataRole.UserRole, SHORTCUTS_KEY)
        self.topics.addItem(item)
        self.topics.currentRowChanged.connect(self._show_row)

        buttons = QDialogButtonBox(self)
        self.about_button = buttons.addButton(tr("Giới thiệu…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.about_button.setObjectName("aboutButton")
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(tr("Đóng"))
        buttons.rejected.connect(self.reject)
        self.about_button.clicked.connect(self._about)

        body = QHBoxLayout()
        body.addWidget(self.topics)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.setTabOrder(self.topics, self.browser)

    def current_topic(self) -> str:
        item = self.topics.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""

    def show_topic(self, key: str) -> None:
        for row in range(self.topics.count()):
            if self.topics.item(row).data(Qt.ItemDataRole.UserRole) == key:
                if self.topics.currentRow() == row:
                    self._show_row(row)
                else:
                    self.topics.setCurrentRow(row)
                break
        self.topics.setFocus()

    def _show_row(self, row: int) -> None:
        key = self.topics.item(row).data(Qt.ItemDataRole.UserRole)
        if key == SHORTCUTS_KEY:
            self.shortcut_table.show_entries(collect_shortcuts(self.window_, page_titles(self.window_)))
            self.pages.setCurrentWidget(self.shortcut_table)
        else:
            self.browser.setMarkdown(topic_text(key))
            self.pages.setCurrentWidget(self.browser)

    def _about(self) -> None:
        from desktop.gui.help.about import AboutDialog

        AboutDialog(self.window_.gui, self).open()
