"""Small helpers for GUI tests."""

from __future__ import annotations


def show_active(qtbot, widget):
    """Show a top-level widget and make it the active window (shortcuts need one)."""
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(widget.isActiveWindow, timeout=5000)
    return widget


_key_time = [10_000_000]  # the window system's clock of keys typed with `key_ms` (ms)


def type_text(qtbot, widget, text: str, *, key_ms: int | None = None) -> None:
    """Type text as a keyboard would deliver it, Vietnamese letters included.

    QTest.keyClicks asserts on characters it has no key code for (ổ, ấ, ...), so each
    character goes as a key press carrying its text, like a Vietnamese keyboard layout.
    With `key_ms`, every key (and a "\n" as Enter) carries a window-system timestamp `key_ms`
    after the previous one, starting a second after the last such key: a scanner's burst
    (key_ms=4) or a person (key_ms=200) whatever the machine's load.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    if key_ms is not None:
        _key_time[0] += 1000
        for ch in text:
            _key_time[0] += key_ms
            if ch == "\n":
                key, ch = Qt.Key.Key_Return, "\r"
            else:
                key = ord(ch.upper()) if ch.isascii() and ch.isprintable() else 0
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
                event.setTimestamp(_key_time[0])
                QApplication.sendEvent(widget, event)
        return
    for ch in text:
        if ch == "\n":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
            continue
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def open_reports_page(qtbot, gui_ctx, start, end, size=(1100, 800)):
    """The reports page shown for start..end (dates), once its figures are in."""
    from desktop.gui.reports.page import ReportsPage

    page = ReportsPage(gui_ctx)
    page.resize(*size)
    show_active(qtbot, page)
    page.set_period(start, end)
    qtbot.waitUntil(lambda: page.figures is not None and page.figures["period"]["from"] == start.isoformat(),
                    timeout=10000)
    return page
