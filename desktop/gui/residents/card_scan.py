"""Keyboard-wedge QR scanners in a line edit: a scanned card is taken whole, never searched.

A USB QR scanner "types" the card's text in a burst (a few ms a character), usually followed
by Enter. `ScanAwareTyping` watches one QLineEdit: typing settles after a short pause (or at
Enter); settled text is then either a card scan (`card_scanned`), another QR (`not_a_card`,
with the reason; nothing is searched), or an ordinary query (`query_ready`). The box is
cleared after a scan, so the card's text never stays on screen or reaches a search.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from desktop.core.card_qr import NotCardQr, looks_like_card_qr, looks_like_other_qr, parse_card_qr

SETTLE_MS = 60  # a person types slower than this between keys; a scanner far faster
BURST_KEY_MS = 25  # keys closer than this come from a scanner
BURST_MIN_KEYS = 16  # a burst this long is a scan even when it is not a card's text


class KeyClock:
    """How long since the previous key, by the window system's own time of each key press.

    A scanner's keys are close together when they are *pressed*; a busy laptop may get to them
    much later and further apart, so the gap is taken from the events' timestamps. Events without
    one (0: made by a program) fall back to the time they are seen; a gap between the two kinds of
    clock is unknown (never a burst).
    """

    def __init__(self) -> None:
        self._last: tuple[bool, float] | None = None  # (from the window system, ms)

    def fast(self, event: QKeyEvent) -> bool:
        """This key came within BURST_KEY_MS of the previous one."""
        stamp = event.timestamp()
        now = (True, float(stamp)) if stamp else (False, time.monotonic() * 1000)
        last, self._last = self._last, now
        return last is not None and last[0] == now[0] and 0 <= now[1] - last[1] <= BURST_KEY_MS


class ScanAwareTyping(QObject):
    query_ready = Signal(str)  # settled ordinary text (for search-as-you-type)
    card_scanned = Signal(object)  # desktop.core.card_qr.CardScan
    not_a_card = Signal(str)  # the reason, in Vietnamese (the text itself is never repeated)

    def __init__(self, edit: QLineEdit, *, settle_ms: int = SETTLE_MS):
        super().__init__(edit)
        self.edit = edit
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(settle_ms)
        self._timer.timeout.connect(self.settle)
        self._clock = KeyClock()
        self._fast_keys = 0
        self._clearing = False
        self._by_enter = False
        self.last_scan_keys = 0  # keys the last scan typed (its text and Enter), for the booth's key count
        edit.textChanged.connect(self._typed)
        edit.installEventFilter(self)

    def settle(self) -> None:
        """Decide what the box holds now (also called on Enter, so a scanner's Enter needs no wait)."""
        self._timer.stop()
        text = self.edit.text()
        burst = self._fast_keys >= BURST_MIN_KEYS
        self._fast_keys = 0
        self.last_scan_keys = len(text) + (1 if self._by_enter else 0)
        self._by_enter = False
        if looks_like_card_qr(text) or (burst and "|" in text):
            self._take_scan()
            try:
                card = parse_card_qr(text)
            except NotCardQr as exc:
                self.not_a_card.emit(str(exc))
            else:
                self.card_scanned.emit(card)
            return
        if (burst or len(text) > 40) and looks_like_other_qr(text):
            self._take_scan()
            try:
                parse_card_qr(text)
            except NotCardQr as exc:
                self.not_a_card.emit(str(exc))
            return
        self.query_ready.emit(text)

    def settle_quietly(self) -> None:
        """Forget pending typing (the box was cleared by the program)."""
        self._timer.stop()
        self._fast_keys = 0

    def pending(self) -> bool:
        """Typing has not settled yet (tests wait on `query_ready` / `card_scanned` instead)."""
        return self._timer.isActive()

    # -- internals --------------------------------------------------------------------
    def _take_scan(self) -> None:
        self._clearing = True
        try:
            self.edit.clear()
        finally:
            self._clearing = False

    def _typed(self, _text: str) -> None:
        if not self._clearing:
            self._timer.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.edit and event.type() == QEvent.Type.KeyPress:
            key = QKeyEvent.key(event)  # type: ignore[arg-type]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._timer.isActive():
                self._by_enter = True
                self.settle()
                # a scan's Enter goes no further (it would open the first search result)
                return not self.edit.text()
            if self._clock.fast(event):  # type: ignore[arg-type]
                self._fast_keys += 1
            else:
                self._fast_keys = 0
        return False


class ScanCatcher(QObject):
    """A scan typed into any field of a form (or a dialog) is taken for the form, not for that field.

    Watches the keys of every widget given to `watch`. A burst of keys (a scanner) whose text is a
    QR is taken away from the field it landed in: the field gets back what it held before the burst
    (text, choice, tick), its Enter is swallowed (it would save the form), and `card_scanned` /
    `not_a_card` is emitted. Keys a person types are left alone.
    """

    card_scanned = Signal(object)  # CardScan
    not_a_card = Signal(str)

    def __init__(self, parent: QObject, *, settle_ms: int = SETTLE_MS):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(settle_ms)
        self._timer.timeout.connect(self.settle)
        self._clock = KeyClock()
        self._burst: list[str] = []
        self._target: QObject | None = None
        self._before: object = None
        self.last_scan_keys = 0  # keys the last scan typed (its text and Enter)

    def watch(self, *widgets: QObject) -> None:
        for w in widgets:
            w.installEventFilter(self)

    def settle(self, by_enter: bool = False) -> bool:
        """Decide on the keys so far; True when they were a scan (and were taken back from the field)."""
        self._timer.stop()
        keys = len(self._burst) + (1 if by_enter else 0)
        text, target, before = "".join(self._burst), self._target, self._before
        self._burst, self._target = [], None
        if len(text) < BURST_MIN_KEYS or not (looks_like_card_qr(text) or "|" in text or looks_like_other_qr(text)):
            return False
        self.last_scan_keys = keys
        if target is not None:
            _restore(target, before)
        try:
            card = parse_card_qr(text)
        except NotCardQr as exc:
            self.not_a_card.emit(str(exc))
        else:
            self.card_scanned.emit(card)
        return True

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        fast = self._clock.fast(key_event)
        if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
            if fast and self._burst:
                return self.settle(by_enter=True)  # a scanner's own Enter/Tab: never saves the form or moves on
            return False
        if not fast or obj is not self._target:  # a new burst may start here: remember what the field holds
            self._burst, self._target, self._before = [], obj, _snapshot(obj)
        if key_event.text():
            self._burst.append(key_event.text())
            self._timer.start()
        return False


def _snapshot(w: QObject) -> object:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QTableWidget

    if isinstance(w, QTableWidget):  # ticks in the first column (the card comparison)
        return [w.item(r, 0).checkState() if w.item(r, 0) else None for r in range(w.rowCount())]
    if isinstance(w, QLineEdit):
        return w.text()
    if isinstance(w, QComboBox):
        return w.currentIndex()
    if isinstance(w, QAbstractButton):
        return w.isChecked()
    return None


def _restore(w: QObject, before: object) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QTableWidget

    if isinstance(w, QTableWidget) and isinstance(before, list):
        for row, state in enumerate(before[:w.rowCount()]):
            if state is not None and w.item(row, 0):
                w.item(row, 0).setCheckState(state)
    elif isinstance(w, QLineEdit) and isinstance(before, str):
        w.setText(before)
    elif isinstance(w, QComboBox) and isinstance(before, int):
        w.setCurrentIndex(before)
    elif isinstance(w, QAbstractButton) and isinstance(before, bool):
        w.setChecked(before)
