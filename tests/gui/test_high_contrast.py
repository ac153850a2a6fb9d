"""High contrast (issue 17 item 7): Settings → "Tương phản cao" → "Lưu" crashed once in libQt6Widgets.

Cause: under the app style sheet `QApplication.style().name()` is "" (Qt's style-sheet wrapper), so
`Appearance.apply` took the style for a different one and re-created it on every save and every
Ctrl+Plus; replacing the style under a live style sheet left widgets polished by the old one
(a segfault in QApplication::setStyleSheet, reproduced by the screen tour switching text sizes).
Colours come from the one app style sheet by role, so high contrast reaches every widget.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QStyleFactory

import desktop.gui.appearance as appearance_module
from desktop.gui.appearance import appearance_for, set_role
from desktop.gui.pages import PAGES
from tests.gui.shell_helpers import open_window, platform_look  # noqa: F401 - fixture
from tests.conftest import REPO, cli_env
from tests.gui.test_appearance import contrast

GUI = Path(appearance_module.__file__).parent


@pytest.fixture
def style_creations(monkeypatch):
    made: list[str] = []

    class CountingFactory:
        @staticmethod
        def create(name):
            made.append(name)
            return QStyleFactory.create(name)

    monkeypatch.setattr(appearance_module, "QStyleFactory", CountingFactory)
    return made


def test_saving_settings_does_not_replace_the_style_each_time(qtbot, gui_ctx, style_creations):
    window = open_window(qtbot, gui_ctx)
    for spec in PAGES:  # every page alive, as after a working day
        window.show_page(spec.key)
    page = window.show_page("settings")
    for _ in range(3):
        page.save()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert style_creations == []  # nothing changed the style: it is not re-created
    page.high_contrast.setChecked(True)
    page.save()
    page.save()
    page.high_contrast.setChecked(False)
    page.save()
    # at most one switch each way (none where the platform style already is Fusion)
    assert len(style_creations) <= 2
    assert QApplication.palette().color(QPalette.ColorRole.Window) != QColor("#000000")


def test_switching_contrast_after_a_closed_window_does_not_crash(tmp_path):
    """The crash itself, in a child process (a segfault would take pytest down): it died at the
    second switch on main before the fix, in QApplication::setStyleSheet."""
    script = REPO / "tests" / "gui" / "high_contrast_crash_script.py"
    done = subprocess.run([sys.executable, "-X", "faulthandler", str(script), str(tmp_path / "data"), "6"],
                          capture_output=True, text=True, env=cli_env(), cwd=str(REPO), timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines()[-1] == "SURVIVED"


def test_high_contrast_save_loop_keeps_the_window(qtbot, gui_ctx):
    window = open_window(qtbot, gui_ctx)
    for spec in PAGES:
        window.show_page(spec.key)
    page = window.show_page("settings")
    for i in range(6):
        qtbot.mouseClick(page.high_contrast, Qt.MouseButton.LeftButton, pos=page.high_contrast.rect().center())
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        assert gui_ctx.app.settings.get("high_contrast") == (i % 2 == 0)
        assert (QApplication.palette().color(QPalette.ColorRole.Window) == QColor("#000000")) == (i % 2 == 0)
        appearance_for(gui_ctx).set_scale(1.3 if i % 2 else 1.0)
    assert window.isVisible()


def test_placeholder_hints_do_not_look_typed_in_high_contrast(qtbot, gui_ctx):
    gui_ctx.app.settings.set("high_contrast", True)
    open_window(qtbot, gui_ctx)
    pal = QApplication.palette()
    hint, text, base = (pal.color(r) for r in (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Text,
                                              QPalette.ColorRole.Base))
    assert hint != text
    assert contrast(hint, text) >= 1.8  # told apart from typed white text…
    assert contrast(hint, base) >= 4.5  # …and still readable on black


def test_roles_are_coloured_by_the_app_style_sheet_in_both_modes(qtbot, gui_ctx):
    label = QLabel("Lỗi")
    qtbot.addWidget(label)
    set_role(label, "error")
    appearance = appearance_for(gui_ctx)
    appearance.set_high_contrast(False)
    label.ensurePolished()
    normal = label.palette().color(QPalette.ColorRole.WindowText)
    appearance.set_high_contrast(True)
    label.style().polish(label)
    bright = label.palette().color(QPalette.ColorRole.WindowText)
    assert normal == QColor("#b00020") and contrast(bright, QColor("#000000")) >= 4.5


def test_no_widget_carries_its_own_colours():
    """Inline colours cannot follow high contrast: only appearance.py writes style sheets (its colours
    from palette.py; tests/gui/test_palette.py checks that no other colour is written)."""
    offenders = []
    for path in GUI.rglob("*.py"):
        if path.name in ("appearance.py", "palette.py"):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if ".setStyleSheet(" in line or re.search(r"#b00020|color:\s*#", line):
                offenders.append(f"{path.relative_to(GUI)}:{n}: {line.strip()}")
    assert offenders == []


def test_size_roles_are_relative_to_the_app_text_size(qtbot, gui_ctx):
    appearance = appearance_for(gui_ctx)
    appearance.apply()
    label, plain = QLabel("Tiêu đề"), QLabel("thường")
    for w in (label, plain):
        qtbot.addWidget(w)
        w.show()
    set_role(label, size="huge")
    assert label.font().pointSizeF() == pytest.approx(plain.font().pointSizeF() * 2.2, abs=0.2)
    appearance.set_scale(1.3)
    label.style().polish(label)
    plain.style().polish(plain)
    assert label.font().pointSizeF() == pytest.approx(plain.font().pointSizeF() * 2.2, abs=0.2)
    appearance.set_scale(1.0)
