"""Keyboard only: Ctrl+1..6 reach every page, and Tab reaches every control of each page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QTextEdit, QWidget

from desktop.gui.main_window import NotBuiltPage
from desktop.gui.pages import PAGES
from tests.gui.shell_helpers import open_window, platform_look  # noqa: F401 - fixture

CTRL = Qt.KeyboardModifier.ControlModifier


def tab_stops(page: QWidget) -> list[QWidget]:
    """The controls a keyboard user must be able to reach on `page`."""
    out = []
    for w in page.findChildren(QWidget):
        target = w.focusProxy() or w
        if (target.focusPolicy() & Qt.FocusPolicy.TabFocus) != Qt.FocusPolicy.TabFocus:
            continue
        if not (target.isVisible() and target.isEnabled()) or target in out:
            continue
        out.append(target)
    return out


def press_tab(qtbot, forward: bool = True) -> QWidget | None:
    focused = QApplication.focusWidget()
    modifier = Qt.KeyboardModifier.NoModifier
    # Qt's own convention: in a multi-line editor Tab types a tab, Ctrl+Tab leaves it.
    if isinstance(focused, (QPlainTextEdit, QTextEdit)) and not focused.isReadOnly() and not focused.tabChangesFocus():
        modifier = CTRL
    qtbot.keyClick(focused, Qt.Key.Key_Tab if forward else Qt.Key.Key_Backtab, modifier)
    return QApplication.focusWidget()


@pytest.mark.parametrize("spec", PAGES, ids=[p.key for p in PAGES])
def test_page_is_reached_by_shortcut_and_walked_with_tab(qtbot, gui_ctx, spec):
    window = open_window(qtbot, gui_ctx)
    window.nav.setFocus()
    qtbot.waitUntil(window.nav.hasFocus)
    number = PAGES.index(spec) + 1
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), CTRL)
    assert window.current_page_key() == spec.key
    page = window.stack.currentWidget()
    if spec.factory is None:
        assert isinstance(page, NotBuiltPage)
        assert "chưa được xây dựng" in page.findChild(QLabel, "notBuiltLabel").text()
        return
    expected = tab_stops(page)
    assert expected, f"page {spec.key} has nothing a keyboard can reach"
    reached: list[QWidget] = []
    for _ in range(3 * len(expected) + 10):
        focused = press_tab(qtbot)
        if focused is not None and focused not in reached:
            reached.append(focused)
        if all(w in reached for w in expected):
            break
    missing = [f"{type(w).__name__} '{w.objectName()}'" for w in expected if w not in reached]
    assert not missing, f"Tab never reaches on page {spec.key}: {missing}"
    assert window.current_page_key() == spec.key  # Tab never switched pages


def test_shift_tab_walks_back_and_the_navigation_list_moves_with_arrows(qtbot, gui_ctx):
    window = open_window(qtbot, gui_ctx)
    window.nav.setFocus()
    qtbot.waitUntil(window.nav.hasFocus)
    qtbot.keyClick(window.nav, Qt.Key.Key_Home)
    assert window.current_page_key() == PAGES[0].key
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.current_page_key() == PAGES[1].key
    qtbot.keyClick(window.nav, Qt.Key.Key_End)
    assert window.current_page_key() == PAGES[-1].key
    first = press_tab(qtbot)
    assert first is not window.nav
    back = press_tab(qtbot, forward=False)
    assert back is window.nav
