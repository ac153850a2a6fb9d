"""Settings page, by keyboard: Alt+letter to a field, Enter saves, Esc puts back, errors name the field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.gui.app import choose_language
from desktop.gui.appearance import appearance_for
from desktop.gui.settings_page import SettingsPage
from tests.gui.helpers import type_text
from tests.gui.shell_helpers import open_window, platform_look  # noqa: F401 - fixture

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


def open_settings(qtbot, gui_ctx):
    window = open_window(qtbot, gui_ctx)
    qtbot.keyClick(window, Qt.Key.Key_6, CTRL)
    page = window.stack.currentWidget()
    assert isinstance(page, SettingsPage)
    return window, page


def focus_by_mnemonic(qtbot, window, key, widget):
    qtbot.keyClick(window, key, ALT)
    qtbot.waitUntil(widget.hasFocus, timeout=3000)


def test_sync_server_typed_and_saved_with_enter(qtbot, gui_ctx):
    window, page = open_settings(qtbot, gui_ctx)
    focus_by_mnemonic(qtbot, window, Qt.Key.Key_M, page.server_url)  # "Địa chỉ &máy chủ"
    type_text(qtbot, page.server_url, "https://dongbo.hanoi.gov.vn")
    qtbot.keyClick(page.server_url, Qt.Key.Key_Return)
    assert gui_ctx.app.settings.get("sync_server_url") == "https://dongbo.hanoi.gov.vn"
    assert page.status.text() == "Đã lưu cài đặt."
    assert not page.errors.isVisible()


def test_bad_address_is_refused_with_its_field_named_and_nothing_saved(qtbot, gui_ctx):
    gui_ctx.app.settings.set("backup_keep", 7)
    window, page = open_settings(qtbot, gui_ctx)
    focus_by_mnemonic(qtbot, window, Qt.Key.Key_B, page.backup_keep)  # "Số &bản sao lưu giữ lại"
    qtbot.keyClick(page.backup_keep, Qt.Key.Key_A, CTRL)
    type_text(qtbot, page.backup_keep, "30")
    focus_by_mnemonic(qtbot, window, Qt.Key.Key_M, page.server_url)
    type_text(qtbot, page.server_url, "dongbo hà nội")
    qtbot.keyClick(page.server_url, Qt.Key.Key_Return)
    assert page.errors.isVisible()
    assert page.errors.text().startswith("Địa chỉ máy chủ đồng bộ: «dongbo hà nội» không phải địa chỉ hợp lệ")
    assert page.server_url.property("invalid") is True
    assert page.server_url.hasFocus()
    assert gui_ctx.app.settings.get("sync_server_url") == ""
    assert gui_ctx.app.settings.get("backup_keep") == 7  # the valid field was not half-saved


def test_missing_ca_file_names_the_file(qtbot, gui_ctx, tmp_path):
    window, page = open_settings(qtbot, gui_ctx)
    focus_by_mnemonic(qtbot, window, Qt.Key.Key_A, page.ca_bundle)  # "Tệp chứng chỉ C&A"
    type_text(qtbot, page.ca_bundle, str(tmp_path / "ca-so.pem"))
    qtbot.keyClick(page.ca_bundle, Qt.Key.Key_Enter)
    assert "Tệp chứng chỉ CA: không tìm thấy tệp" in page.errors.text()
    assert "ca-so.pem" in page.errors.text()
    assert gui_ctx.app.settings.get("sync_ca_bundle") == ""


def test_escape_puts_back_the_saved_values(qtbot, gui_ctx):
    gui_ctx.app.settings.set("sync_server_url", "https://cu.example.vn")
    window, page = open_settings(qtbot, gui_ctx)
    focus_by_mnemonic(qtbot, window, Qt.Key.Key_M, page.server_url)
    qtbot.keyClick(page.server_url, Qt.Key.Key_A, CTRL)
    type_text(qtbot, page.server_url, "https://moi.example.vn")
    qtbot.keyClick(page.server_url, Qt.Key.Key_Escape)
    assert page.server_url.text() == "https://cu.example.vn"
    assert gui_ctx.app.settings.get("sync_server_url") == "https://cu.example.vn"


def test_text_size_and_contrast_apply_on_save(qtbot, gui_ctx):
    window, page = open_settings(qtbot, gui_ctx)
    base = appearance_for(gui_ctx).base_point_size
    focus_by_mnemonic(qtbot, window, Qt.Key.Key_C, page.font_scale)  # "&Cỡ chữ"
    qtbot.keyClick(page.font_scale, Qt.Key.Key_A, CTRL)
    type_text(qtbot, page.font_scale, "150")
    page.high_contrast.setFocus()
    qtbot.keyClick(page.high_contrast, Qt.Key.Key_Space)
    qtbot.keyClick(page.high_contrast, Qt.Key.Key_Return)
    assert gui_ctx.app.settings.get("font_scale") == 1.5
    assert gui_ctx.app.settings.get("high_contrast") is True
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.5)
    qtbot.keyClick(window, Qt.Key.Key_0, CTRL)  # the shortcut and the page agree
    assert page.font_scale.value() == 100


def test_language_choice_applies_at_the_next_start(qtbot, gui_ctx):
    window, page = open_settings(qtbot, gui_ctx)
    focus_by_mnemonic(qtbot, window, Qt.Key.Key_N, page.language)  # "&Ngôn ngữ"
    assert page.language.currentData() == ""  # from the system until chosen
    qtbot.keyClick(page.language, Qt.Key.Key_Up)
    assert page.language.currentText() == "English"
    qtbot.keyClick(page.language, Qt.Key.Key_Return)
    assert gui_ctx.app.settings.get("language") == "en"
    assert "lần mở ứng dụng tiếp theo" in page.status.text()
    assert choose_language(gui_ctx.app) == "en"
    assert window.nav.item(0).text() == "Cư dân"  # this run stays Vietnamese


def test_data_folder_is_shown_read_only(qtbot, gui_ctx):
    _window, page = open_settings(qtbot, gui_ctx)
    assert page.data_folder.text() == str(gui_ctx.app.folder.root)
    assert page.data_folder.isReadOnly()
