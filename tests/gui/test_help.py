"""In-app help: F1 on the current page's topic, the live shortcut list, About with version and licences."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from desktop import __version__
from desktop.gui.help.licences import bundled_components
from desktop.gui.help.topics import TOPICS, topic_text
from tests.gui.shell_helpers import open_window, platform_look  # noqa: F401 - fixture


def press_f1(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = getattr(window, "help_dialog", None)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_f1_opens_the_guide_for_the_page_in_use(qtbot, gui_ctx):
    window = open_window(qtbot, gui_ctx)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # Phản ánh
    dialog = press_f1(qtbot, window)
    assert dialog.current_topic() == "complaints"
    assert dialog.browser.toPlainText().startswith("Phản ánh, kiến nghị")
    dialog.close()
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)  # Đồng bộ
    dialog = press_f1(qtbot, window)
    assert dialog.current_topic() == "sync"
    assert "Đồng bộ ngay" in dialog.browser.toPlainText()
    qtbot.keyClick(dialog.topics, Qt.Key.Key_Up)  # topics move with the arrow keys
    assert dialog.current_topic() == "complaints"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_shortcut_list_is_collected_from_the_window_at_run_time(qtbot, gui_ctx):
    window = open_window(qtbot, gui_ctx)
    qtbot.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    dialog = window.help_dialog
    assert dialog.current_topic() == "shortcuts"
    rows = dialog.shortcut_table.entries()
    for n, title in enumerate(["Cư dân", "Hỗ trợ cài đặt", "Phản ánh", "Báo cáo", "Đồng bộ", "Cài đặt"], start=1):
        assert (f"Ctrl+{n}", title, "Chung") in rows
    keys = {r[1]: r[0] for r in rows}
    assert keys["Hướng dẫn sử dụng"] == "F1"
    assert keys["Chữ to hơn"].startswith("Ctrl++")
    assert keys["Cỡ chữ mặc định"] == "Ctrl+0"
    assert ("Ctrl+S", "Lưu cài đặt", "Cài đặt") in rows  # a page's own shortcut, under that page

    action = QAction("Việc mới thêm", window)
    action.setShortcut(QKeySequence("Ctrl+Shift+K"))
    window.addAction(action)
    dialog.show_topic("start")
    dialog.show_topic("shortcuts")
    assert ("Ctrl+Shift+K", "Việc mới thêm", "Chung") in dialog.shortcut_table.entries()


def test_every_topic_has_vietnamese_and_english_text():
    for topic in TOPICS:
        vi, en = topic_text(topic.key, "vi"), topic_text(topic.key, "en")
        assert vi.startswith("# ") and en.startswith("# ")
        assert vi != en
    assert "F1" in topic_text("start", "vi")


def test_about_shows_version_data_folder_and_licences(qtbot, gui_ctx):
    window = open_window(qtbot, gui_ctx)
    dialog = press_f1(qtbot, window)
    qtbot.mouseClick(dialog.about_button, Qt.MouseButton.LeftButton)
    about = dialog.findChild(QDialog, "aboutDialog")
    assert about is not None
    qtbot.waitUntil(about.isVisible)
    text = about.summary.text()
    assert f"phiên bản {__version__}" in text
    assert str(gui_ctx.app.folder.root) in text
    table = about.table
    rows = {table.item(r, 0).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert "LGPL-3.0" in rows["PySide6_Essentials"]
    assert rows["SQLAlchemy"] == "MIT"
    assert all(rows.values())
    about.reject()


def test_components_are_the_run_time_dependencies_only():
    names = {c.name.lower() for c in bundled_components()}
    assert {"pyside6_essentials", "sqlalchemy", "sqlcipher3", "keyring", "openpyxl", "python"} <= names
    assert not names & {"pytest", "fastapi", "uvicorn", "pyinstaller", "tocds-desktop"}  # extras and the app itself


@pytest.mark.parametrize("key", ["booth", "complaints", "sync"])
def test_guides_cover_booth_mode_complaints_and_sync(key):
    assert len(topic_text(key, "vi")) > 600


def test_buttons_with_their_own_key_are_listed_under_their_page(qtbot, gui_ctx):
    from PySide6.QtWidgets import QPushButton

    from desktop.gui.help.help_dialog import page_titles
    from desktop.gui.help.shortcuts import collect_shortcuts

    window = open_window(qtbot, gui_ctx)
    page = window.show_page("settings")
    button = QPushButton("In danh sách (Ctrl+Shift+J)", page)
    button.setShortcut(QKeySequence("Ctrl+Shift+J"))
    entries = collect_shortcuts(window, page_titles(window))
    assert ("Cài đặt", "In danh sách", "Ctrl+Shift+J") in [(e.section, e.action, e.keys) for e in entries]


def test_page_shortcuts_new_resident_and_new_complaint_are_listed(qtbot, gui_ctx):
    """Ctrl+N on the residents and complaints pages is a QShortcut, not a button key: it must be named."""
    from desktop.gui.help.help_dialog import page_titles
    from desktop.gui.help.shortcuts import collect_shortcuts

    window = open_window(qtbot, gui_ctx)
    titles = page_titles(window)
    listed = {(e.section, e.keys) for e in collect_shortcuts(window, titles)}
    sections = set(titles.values())
    residents = next(t for t in sections if "dân" in t.lower())
    complaints = next(t for t in sections if "phản ánh" in t.lower())
    assert (residents, "Ctrl+N") in listed
    assert (complaints, "Ctrl+N") in listed
    assert (complaints, "F5") in listed
