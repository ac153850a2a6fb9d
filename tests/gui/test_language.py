"""Vietnamese by default; `LANG=en` (or the language setting) gives an English main window."""

from __future__ import annotations

import pytest

from desktop.core import i18n as core_i18n
from desktop.gui.app import Application
from desktop.gui.i18n import install_language
from desktop.gui.main_window import MainWindow
from tests.gui.shell_helpers import platform_look  # noqa: F401 - fixture


@pytest.fixture
def back_to_vietnamese():
    yield
    install_language("vi")
    core_i18n.set_language(None)


def start(qtbot, data_dir):
    app = Application(str(data_dir))
    with qtbot.waitSignal(app.ready, timeout=20000) as sig:
        app.start()
    qtbot.addWidget(sig.args[0])
    return app, sig.args[0]


def menu_titles(window):
    return [a.text() for a in window.menuBar().actions()]


def test_lang_en_gives_an_english_main_window(qtbot, app_ctx, data_dir, monkeypatch, back_to_vietnamese):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    app, window = start(qtbot, data_dir)
    assert isinstance(window, MainWindow)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["Residents", "Installation help", "Complaints", "Reports", "Sync", "Settings"]
    assert {"&View", "&Help"} <= set(menu_titles(window))
    assert window.online_label.text() == "Offline"
    qtbot.waitUntil(lambda: window.pending is not None, timeout=5000)
    assert window.pending_label.text().startswith("Waiting to sync:")
    window.show_page("settings")
    page = window.stack.currentWidget()
    assert page.save_button.text() == "Save (Enter)"
    app.shutdown()


def test_without_lang_the_window_is_vietnamese(qtbot, app_ctx, data_dir, back_to_vietnamese):
    app, window = start(qtbot, data_dir)
    assert window.nav.item(0).text() == "Cư dân"
    assert {"&Xem", "Trợ &giúp"} <= set(menu_titles(window))
    app.shutdown()


def test_the_language_setting_beats_lang(qtbot, app_ctx, data_dir, monkeypatch, back_to_vietnamese):
    app_ctx.settings.set("language", "vi")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    app, window = start(qtbot, data_dir)
    assert window.nav.item(0).text() == "Cư dân"
    app.shutdown()
