"""What a scanned CCCD leads to, the same wherever it was scanned (resident search, booth, form).

`CardScanFlow.take(card)` looks the card up off the UI thread (`card.match_card`: audited as a
reveal when it finds someone) and then: a known resident whose record agrees -> `open_resident`;
a known resident whose record differs -> the side-by-side `CardCompareDialog` (correct from the
card or keep), then `open_resident`; an unknown card -> `register(match)` with the draft from the
card. `finished` fires once the scan has led somewhere (tests and the bench time it).
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.residents.card_compare import CardCompareDialog
from desktop.services.residents.card import CardMatch, match_card


class CardScanFlow(QObject):
    open_resident = Signal(str, str)  # resident id, name (as corrected from the card, if it was)
    register = Signal(object, object)  # CardMatch of an unknown card, CardScan
    message = Signal(str)  # for the volunteer (a failure); "" clears
    finished = Signal(str)  # "opened" | "compare" | "register" | "failed"

    def __init__(self, gui: GuiContext, host: QWidget):
        super().__init__(host)
        self.gui, self.host = gui, host
        self.dialog: CardCompareDialog | None = None
        self.clock = QElapsedTimer()  # from the scan's last key to what it led to
        self.last_ms = -1

    def take(self, card) -> None:
        self.clock.restart()
        self.message.emit("")
        self.gui.write(match_card, card, owner=self,
                       on_done=lambda match: self._matched(card, match), on_error=self._failed)

    def _matched(self, card, match: CardMatch) -> None:
        if not match.known:
            self.register.emit(match, card)
            self._finish("register")
            return
        resident_id, name = match.resident.id, match.resident.full_name
        if not match.differences:
            self.open_resident.emit(resident_id, name)
            self._finish("opened")
            return
        dialog = CardCompareDialog(self.gui, match, card, self.host)
        self.dialog = dialog
        corrected: list = []
        dialog.corrected.connect(corrected.append)
        dialog.finished.connect(lambda _r: self._dialog_closed(resident_id, corrected[0].full_name if corrected else name))
        dialog.open()
        self._finish("compare")

    def _dialog_closed(self, resident_id: str, name: str) -> None:
        self.dialog = None
        self.open_resident.emit(resident_id, name)

    def _failed(self, exc: BaseException) -> None:
        self.message.emit(tr("Không tra được thẻ vừa quét: {reason}").format(reason=str(exc)))
        self._finish("failed")

    def _finish(self, how: str) -> None:
        self.last_ms = self.clock.elapsed()
        self.finished.emit(how)
