"""The main window: navigation, plain 'not built' pages, status bar, remembered geometry."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.gui.main_window import MainWindow, NotBuiltPage
from desktop.gui.pages import PAGES
from desktop.services.setup import ward_setup
from desktop.store.models import Resident
from tests.gui.helpers import show_active


def open_window(qtbot, gui_ctx):
    return show_active(qtbot, MainWindow(gui_ctx, ward_setup.ward_info(gui_ctx.app)))


def test_navigation_lists_the_six_pages_in_vietnamese(qtbot, gui_ctx):
    window = open_window(qtbot, gui_ctx)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["Cư dân", "Hỗ trợ cài đặt", "Phản ánh", "Báo cáo", "Đồng bộ", "Cài đặt"]


def test_shortcuts_switch_pages_and_unbuilt_pages_say_so(qtbot, gui_ctx):
    window = open_window(qtbot, gui_ctx)
    for i, spec in enumerate(PAGES, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + i), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_key() == spec.key
        page = window.stack.currentWidget()
        if spec.factory is None:
            assert isinstance(page, NotBuiltPage)
            assert "chưa được xây dựng" in page.findChild(QLabel, "notBuiltLabel").text()
    assert gui_ctx.app.settings.get("last_page") == PAGES[-1].key


def test_status_bar_shows_ward_offline_and_pending_changes(qtbot, gui_ctx):
    window = open_window(qtbot, gui_ctx)
    assert "Phường Cầu Giấy" in window.ward_label.text()
    qtbot.waitUntil(lambda: window.pending == 3, timeout=5000)  # the fixture's three groups
    assert window.pending_label.text() == "Chờ đồng bộ: 3"
    assert window.online_label.text() == "Ngoại tuyến"  # no sync server configured

    def add_resident(ctx):
        with ctx.write() as s:
            s.add(Resident(full_name="Ngô Thị Mới"))

    gui_ctx.write(add_resident)
    qtbot.waitUntil(lambda: window.pending == 4, timeout=5000)


def test_geometry_is_remembered(qtbot, gui_ctx):
    window = open_window(qtbot, gui_ctx)
    window.resize(700, 520)
    window.move(40, 30)
    window.close()
    again = open_window(qtbot, gui_ctx)
    assert (again.width(), again.height()) == (700, 520)


def test_reopens_on_the_last_page(qtbot, gui_ctx):
    window = open_window(qtbot, gui_ctx)
    window.show_page("complaints")
    window.close()
    again = open_window(qtbot, gui_ctx)
    assert again.current_page_key() == "complaints"
