"""The main window: navigation, plain 'not built' pages, status bar, remembered geometry."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel

from desktop.gui.main_window import MainWindow, NotBuiltPage
from desktop.gui.pages import PAGES
from desktop.services.setup import ward_setup
from desktop.store.models import Resident
from tests.gui.helpers import show_active
from tests.gui.shell_helpers import platform_look  # noqa: F401 - fixture: app-wide look put back


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


def test_maximised_state_is_remembered(qtbot, gui_ctx):
    window = open_window(qtbot, gui_ctx)
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    window.close()
    assert gui_ctx.app.settings.get("window_maximised") is True
    again = open_window(qtbot, gui_ctx)
    qtbot.waitUntil(again.isMaximized)
    again.showNormal()
    qtbot.waitUntil(lambda: not again.isMaximized())
    again.close()
    assert gui_ctx.app.settings.get("window_maximised") is False


def test_splitter_positions_are_remembered(qtbot, gui_ctx):
    window = open_window(qtbot, gui_ctx)
    window.resize(1300, 700)
    page = window.show_page("residents")
    qtbot.waitUntil(lambda: page.splitter.orientation() == Qt.Orientation.Horizontal)
    total = sum(page.splitter.sizes())
    page.splitter.moveSplitter(total // 3, 1)  # as a drag of the handle does
    moved = page.splitter.sizes()
    window.close()
    again = open_window(qtbot, gui_ctx)
    again.resize(1300, 700)
    page = again.show_page("residents")
    qtbot.waitUntil(lambda: page.splitter.sizes()[0] > 0)
    assert abs(page.splitter.sizes()[0] - moved[0]) <= 2


def test_quit_menu_item_closes_the_window(qtbot, gui_ctx):
    window = open_window(qtbot, gui_ctx)
    action = window.findChild(QAction, "quitAction")
    assert action.text() == "Thoát" and action.shortcut().toString() == "Ctrl+Q"
    assert action in window.menuBar().actions()[0].menu().actions()
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_navigation_column_is_compact_and_follows_the_text_size(qtbot, gui_ctx):
    from desktop.gui.appearance import appearance_for

    window = open_window(qtbot, gui_ctx)
    metrics = window.nav.fontMetrics()
    widest = max(metrics.horizontalAdvance(window.nav.item(i).text()) for i in range(window.nav.count()))
    assert widest < window.nav.width() <= widest + 4 * metrics.averageCharWidth() + 12  # was up to 220 px
    before = window.nav.width()
    appearance_for(gui_ctx).set_scale(1.3)
    qtbot.waitUntil(lambda: window.nav.width() > before)
    appearance_for(gui_ctx).set_scale(1.0)


def test_the_window_never_grows_past_the_screen(qtbot, gui_ctx):
    """It widened itself to 1453 px after saving a resident at 1366×768."""
    from desktop.gui.appearance import appearance_for

    window = open_window(qtbot, gui_ctx)
    area = window.screen().availableGeometry()
    appearance_for(gui_ctx).set_scale(1.6)  # pages whose minimum width is more than the screen
    for spec in PAGES:
        window.show_page(spec.key)
        QApplication.processEvents()  # layout requests and the window's own keep-on-screen pass
        assert window.frameGeometry().width() <= area.width() and window.frameGeometry().height() <= area.height()
    appearance_for(gui_ctx).set_scale(1.0)
