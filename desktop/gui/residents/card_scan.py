"""Keyboard-wedge QR scanners in a line edit: a scanned card is taken whole, never searched.

A USB QR scanner "types" the card's text in a burst (a few ms a character), usually followed
by Enter. `ScanAwareTyping` watches one QLineEdit: typing settles after a short pause (or at
Enter); settled text is then either a card scan (`card_scanned`), another QR (`not_a_card`,
with the reason; nothing is searched), or an ordinary query (`query_ready`). The box is
cleared after a scan, so the card's text never stays on screen or reaches a search.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from desktop.core.card_qr import NotCardQr, looks_like_card_qr, looks_like_other_qr, parse_card_qr

SETTLE_MS = 60  # a person types slower than this between keys; a scanner far faster
BURST_KEY_MS = 25  # keys closer than this come from a scanner
BURST_MIN_KEYS = 16  # a burst this long is a scan even when it is not a card's text


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
        self._clock = QElapsedTimer()
        self._fast_keys = 0
        self._clearing = False
        edit.textChanged.connect(self._typed)
        edit.installEventFilter(self)

    def settle(self) -> None:
        """Decide what the box holds now (also called on Enter, so a scanner's Enter needs no wait)."""
        self._timer.stop()
        text = self.edit.text()
        burst = self._fast_keys >= BURST_MIN_KEYS
        self._fast_keys = 0
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
                self.settle()
                # a scan's Enter goes no further (it would open the first search result)
                return not self.edit.text()
            if self._clock.isValid() and self._clock.elapsed() <= BURST_KEY_MS:
                self._fast_keys += 1
            else:
                self._fast_keys = 0
            self._clock.restart()
        return False
