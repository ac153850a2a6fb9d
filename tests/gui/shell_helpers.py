"""Helpers for the shell tests (appearance, settings, help): open the main window, undo app-wide looks."""

from __future__ import annotations

import pytest

from tests.gui.helpers import show_active


def open_window(qtbot, gui_ctx):
    from desktop.gui.main_window import MainWindow
    from desktop.services.setup import ward_setup

    return show_active(qtbot, MainWindow(gui_ctx, ward_setup.ward_info(gui_ctx.app)))


@pytest.fixture(autouse=True)
def platform_look():
    """Font size, palette and style sheet are app-wide: put the platform's back after each test."""
    yield
    from desktop.gui.appearance import reset_appearance

    reset_appearance()
