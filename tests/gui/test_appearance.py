"""Readability: text size by Ctrl+Plus/Minus/0 (remembered, app-wide), visible focus, high contrast, icon."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from desktop.gui import palette
from desktop.gui.appearance import appearance_for

from tests.gui.helpers import show_active
from tests.gui.shell_helpers import open_window, platform_look  # noqa: F401 - fixture

FOCUS_COLOUR, HIGH_CONTRAST_FOCUS = palette.COLOURS["focus"]  # (normal, high contrast)
CTRL = Qt.KeyboardModifier.ControlModifier


def font_size() -> float:
    return QApplication.font().pointSizeF()


def test_ctrl_plus_minus_zero_resize_text_everywhere_and_remember_it(qtbot, gui_ctx):
    window = open_window(qtbot, gui_ctx)
    base = appearance_for(gui_ctx).base_point_size
    assert font_size() == pytest.approx(base)
    qtbot.keyClick(window, Qt.Key.Key_Plus, CTRL)
    assert gui_ctx.app.settings.get("font_scale") == pytest.approx(1.1)
    qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)  # the same key without Shift
    assert gui_ctx.app.settings.get("font_scale") == pytest.approx(1.2)
    assert font_size() == pytest.approx(base * 1.2)
    assert window.ward_label.font().pointSizeF() == pytest.approx(base * 1.2)  # widgets follow
    qtbot.keyClick(window, Qt.Key.Key_Minus, CTRL)
    assert gui_ctx.app.settings.get("font_scale") == pytest.approx(1.1)
    window.close()

    from desktop.gui.appearance import reset_appearance

    reset_appearance()
    gui_ctx.appearance = None  # as after a restart: only the settings file remembers
    again = open_window(qtbot, gui_ctx)
    assert font_size() == pytest.approx(base * 1.1)
    qtbot.keyClick(again, Qt.Key.Key_0, CTRL)
    assert gui_ctx.app.settings.get("font_scale") == 1.0
    assert font_size() == pytest.approx(base)


def test_text_size_stays_within_readable_limits(qtbot, gui_ctx):
    window = open_window(qtbot, gui_ctx)
    for _ in range(20):
        qtbot.keyClick(window, Qt.Key.Key_Plus, CTRL)
    assert gui_ctx.app.settings.get("font_scale") == 2.0
    for _ in range(30):
        qtbot.keyClick(window, Qt.Key.Key_Minus, CTRL)
    assert gui_ctx.app.settings.get("font_scale") == 0.8


def _border_colour(edit: QLineEdit) -> QColor:
    image = edit.grab().toImage()
    return image.pixelColor(1, image.height() // 2)


def test_keyboard_focus_has_a_clearly_visible_border(qtbot, gui_ctx):
    appearance_for(gui_ctx).apply()
    box = QWidget()
    first, second = QLineEdit(box), QLineEdit(box)
    layout = QVBoxLayout(box)
    layout.addWidget(first)
    layout.addWidget(second)
    show_active(qtbot, box)
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    assert _border_colour(first) == QColor(FOCUS_COLOUR)
    assert _border_colour(second) != QColor(FOCUS_COLOUR)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    qtbot.waitUntil(second.hasFocus)
    assert _border_colour(second) == QColor(FOCUS_COLOUR)
    assert _border_colour(first) != QColor(FOCUS_COLOUR)


def _luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_high_contrast_mode_reads_at_aaa_level(qtbot, gui_ctx):
    gui_ctx.app.settings.set("high_contrast", True)
    window = open_window(qtbot, gui_ctx)
    pal = QApplication.palette()
    assert contrast(pal.color(QPalette.ColorRole.WindowText), pal.color(QPalette.ColorRole.Window)) >= 7
    assert contrast(pal.color(QPalette.ColorRole.Text), pal.color(QPalette.ColorRole.Base)) >= 7
    assert contrast(pal.color(QPalette.ColorRole.HighlightedText), pal.color(QPalette.ColorRole.Highlight)) >= 7
    assert contrast(QColor(HIGH_CONTRAST_FOCUS), pal.color(QPalette.ColorRole.Base)) >= 7
    assert HIGH_CONTRAST_FOCUS in QApplication.instance().styleSheet()
    assert window.palette().color(QPalette.ColorRole.Window) == QColor("#000000")
    appearance_for(gui_ctx).set_high_contrast(False)
    assert QApplication.palette().color(QPalette.ColorRole.Window) != QColor("#000000")


def test_normal_focus_colour_contrasts_with_white(qtbot):
    assert contrast(QColor(FOCUS_COLOUR), QColor("#ffffff")) >= 4.5


def test_the_window_has_the_app_icon(qtbot, gui_ctx):
    window = open_window(qtbot, gui_ctx)
    assert not window.windowIcon().isNull()
    assert 256 in [s.width() for s in window.windowIcon().availableSizes()]
