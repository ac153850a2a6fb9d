"""Automatic lock after idle time: an application-wide event filter and an opaque overlay.

After `idle_lock_minutes` (default 5) without a key press or mouse action, the operator
is signed out (audited as "lock"), every other open window is hidden, and an opaque
overlay covers the whole main window: nothing personal stays on screen. Only signing
in again (any operator: that is the quick switch) removes it. Ctrl+L locks at once.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFrame, QMainWindow, QVBoxLayout, QWidget

from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.people.sign_in import SignInPanel
from desktop.services.people import operators

_ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}
_INPUT = _ACTIVITY | {QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut,
                      QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick}


class LockOverlay(QFrame):
    """Covers the whole window with an opaque panel holding the sign-in form."""

    def __init__(self, gui: GuiContext, window: QWidget):
        super().__init__(window)
        self.setObjectName("lockOverlay")
        self.setAutoFillBackground(True)
        # colours: the app style sheet (#lockOverlay, #lockCard), so high contrast reaches them
        card = QFrame(self)
        card.setObjectName("lockCard")
        self.panel = SignInPanel(gui, card, title=tr("Máy đã khóa. Đăng nhập để tiếp tục"))
        inner = QVBoxLayout(card)
        inner.addWidget(self.panel)
        card.setFixedWidth(460)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        window.installEventFilter(self)
        self.hide()

    def eventFilter(self, obj, event) -> bool:
        # Events can still reach this filter while Qt tears the window down.
        if not shiboken6.isValid(self) or not shiboken6.isValid(obj):
            return False
        if event.type() == QEvent.Type.Resize and obj is self.parentWidget():
            self.setGeometry(obj.rect())
        return False

    def cover(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.panel.reload()
        self.show()
        self.raise_()
        self.panel.secret.setFocus()


class IdleLock(QObject):
    """Watches user input across the app; locks `window` after `interval_ms` idle."""

    locked = Signal()
    unlocked = Signal(object)

    def __init__(self, window: QWidget, gui: GuiContext, interval_ms: int):
        super().__init__(window)
        self.window = window
        self.gui = gui
        self.is_locked = False
        self._hidden: list[QWidget] = []
        self.overlay = LockOverlay(gui, window)
        self.overlay.panel.signed_in.connect(self._signed_in)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.enabled = int(interval_ms) > 0  # 0: the setting "never lock by itself"
        self.timer.setInterval(max(50, int(interval_ms)))
        self.timer.timeout.connect(self._idle_timeout)
        action = QAction(tr("Khóa máy"), window)
        action.setObjectName("lockAction")
        action.setShortcut(QKeySequence("Ctrl+L"))
        action.triggered.connect(self.lock)
        window.addAction(action)
        self.lock_action = action
        QApplication.instance().installEventFilter(self)
        # No `window.destroyed -> self.remove`: this object is the window's child, so it is gone by the
        # time `destroyed` fires (PySide then fails with "Slot 'IdleLock::' not found"), and Qt drops
        # the event filter of a deleted object by itself.
        self._restart()

    def set_interval_minutes(self, minutes: int) -> None:
        """Apply a new `idle_lock_minutes` at once; 0 turns the automatic lock off (Ctrl+L still works)."""
        self.enabled = int(minutes) > 0
        if self.enabled:
            self.timer.setInterval(int(minutes) * 60_000)
        self._restart()

    def _restart(self) -> None:
        if self.enabled and not self.is_locked:
            self.timer.start()
        else:
            self.timer.stop()

    def _inside_overlay(self, obj) -> bool:
        w = obj if isinstance(obj, QWidget) else None
        while w is not None:
            if w is self.overlay:
                return True
            w = w.parentWidget()
        return False

    def eventFilter(self, obj, event) -> bool:
        if not (shiboken6.isValid(self) and shiboken6.isValid(self.overlay) and shiboken6.isValid(self.timer)):
            return False  # the window is being destroyed: this filter goes with it
        if not (shiboken6.isValid(self.window) and self.window.isVisible()):
            return False  # closed (or not shown yet): it covers nothing, so it holds back no input elsewhere
        kind = event.type()
        if self.is_locked:
            # Keys and clicks reach only the sign-in form: no shortcut works behind the overlay.
            if kind in _INPUT and isinstance(obj, QWidget) and not self._inside_overlay(obj):
                return True
            return False
        if kind in _ACTIVITY:
            self._restart()
        return False

    def _idle_timeout(self) -> None:
        if not (shiboken6.isValid(self.window) and self.window.isVisible()):
            # Closed (the app is quitting; its context may be closed already) or hidden: nothing on
            # screen to lock, no sign-out through it. The next input starts the timer again.
            return
        self.lock()

    def lock(self) -> None:
        if self.is_locked:
            return
        self.is_locked = True
        self.timer.stop()
        app = QApplication.instance()
        self._hidden = [w for w in app.topLevelWidgets() if w is not self.window and w.isVisible()]
        for w in self._hidden:
            w.hide()
        self.overlay.cover()
        if operators.current(self.gui.app) is not None:
            self.gui.write(operators.sign_out, "lock")
        self.locked.emit()

    def _signed_in(self, who) -> None:
        self.is_locked = False
        self.overlay.hide()
        for w in self._hidden:
            w.show()
        self._hidden = []
        self._restart()
        self.unlocked.emit(who)

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None and shiboken6.isValid(self):
            app.removeEventFilter(self)
        if shiboken6.isValid(self.timer):
            self.timer.stop()


def install_idle_lock(main_window: QMainWindow, gui: GuiContext, interval_ms: int | None = None) -> IdleLock:
    """Hook the idle lock into the main window (interval from the `idle_lock_minutes` setting)."""
    if interval_ms is None:
        interval_ms = max(0, int(gui.app.settings.get("idle_lock_minutes"))) * 60_000
    lock = IdleLock(main_window, gui, interval_ms)
    main_window.idle_lock = lock  # type: ignore[attr-defined]
    return lock
