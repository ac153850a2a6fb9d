"""In-app help: F1 guides, the live shortcut list and the About dialog (a Help menu)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from desktop.gui.i18n import tr


def open_help(window: QMainWindow, topic: str | None = None):
    """Show the one help window of `window` on `topic` (default: the current page's topic)."""
    from desktop.gui.help.help_dialog import HelpDialog
    from desktop.gui.help.topics import topic_for_page

    dialog = getattr(window, "help_dialog", None)
    if dialog is None:
        dialog = HelpDialog(window)
        window.help_dialog = dialog
    if topic is None:
        try:
            topic = topic_for_page(window.current_page_key())
        except StopIteration:
            topic = "start"
    if dialog.isVisible():  # already open behind the main window: bring it forward
        dialog.raise_()
    else:
        dialog.show()
    dialog.activateWindow()
    dialog.show_topic(topic)
    return dialog


def open_about(window: QMainWindow):
    from desktop.gui.help.about import AboutDialog

    dialog = AboutDialog(window.gui, window)
    dialog.open()
    return dialog


def install_help(window: QMainWindow) -> None:
    """A Help menu on `window`: F1 guide for the current page, shortcut list, About."""
    menu = window.menuBar().addMenu(tr("Trợ &giúp"))
    menu.setObjectName("helpMenu")
    for name, text, keys, slot in (
        ("helpAction", tr("Hướng dẫn sử dụng"), [QKeySequence("F1")],
         lambda: open_help(window)),
        ("shortcutsAction", tr("Danh sách phím tắt"), [QKeySequence("Ctrl+/")], lambda: open_help(window, "shortcuts")),
        ("aboutAction", tr("Giới thiệu Tổ CĐS Desktop"), [], lambda: open_about(window)),
    ):
        action = QAction(text, window)
        action.setObjectName(name)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _=False, fn=slot: fn())
        menu.addAction(action)
