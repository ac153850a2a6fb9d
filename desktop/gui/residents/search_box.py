"""Search-as-you-type for residents: a line edit over a short result list.

Type part of a name (no diacritics needed), 4+ digits of a phone or a CCCD; Down moves
into the results, Enter chooses (the first result when none is selected), Esc clears.
Queries run off the UI thread under one key, so only the newest answer is shown.

A CCCD's QR code scanned into the box (a keyboard-wedge scanner) is taken whole and emitted
as `card_scanned`, never searched; another QR (a web link, a payment code) says so and searches
nothing. "Mở ảnh thẻ…" reads the QR from a photo file off the UI thread, then goes the same way.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from desktop.core.vocab import ADOPTION_STAGES
from desktop.gui.appearance import set_role
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.residents.card_scan import ScanAwareTyping
from desktop.services.residents.card_photo import read_card_photo
from desktop.services.residents.search import search_residents

RESULT_LIMIT = 20


def summary_line(r) -> str:
    parts = [r.full_name, str(r.birth_year or "—")]
    if r.residential_group:
        parts.append(r.residential_group)
    if r.phone_masked:
        parts.append(r.phone_masked)
    if r.cccd_masked:
        parts.append(tr("CCCD {n}").format(n=r.cccd_masked))
    parts.append(tr(ADOPTION_STAGES.get(r.adoption_stage, r.adoption_stage)))
    return " · ".join(parts)


class ResidentSearchBox(QWidget):
    chosen = Signal(object)  # ResidentSummary
    results_shown = Signal(int)  # number of results now listed (for tests and hints)
    card_scanned = Signal(object)  # CardScan from the scanner or a photo
    scan_refused = Signal(str)  # why a scan or photo is not a card (shown in the hint too)

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.setObjectName("residentSearchBox")
        self._key = f"resident.search.{id(self)}"
        self._query = ""
        self.edit = QLineEdit(self)
        self.edit.setObjectName("searchEdit")
        self.edit.setPlaceholderText(tr("Tìm cư dân: tên (không cần dấu), 4 số điện thoại trở lên, CCCD…"))
        self.edit.setClearButtonEnabled(True)
        self.photo_button = QPushButton(tr("Mở ảnh thẻ…"), self)
        self.photo_button.setObjectName("cardPhotoButton")
        self.photo_button.setToolTip(tr("Đọc mã QR trên thẻ CCCD từ một ảnh chụp (ảnh không được lưu lại)"))
        self.photo_button.clicked.connect(self._choose_photo)
        self.results = QListWidget(self)
        self.results.setObjectName("searchResults")
        self.hint = QLabel(self)
        self.hint.setObjectName("searchHint")
        set_role(self.hint, "hint")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.photo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addWidget(self.results, 1)
        self.results.setVisible(False)  # shown when there are results
        self.edit.installEventFilter(self)
        self.scan = ScanAwareTyping(self.edit)  # after the box's own filter, so it sees keys first
        self.scan.query_ready.connect(self._search)
        self.scan.card_scanned.connect(self._scanned)
        self.scan.not_a_card.connect(self._refused)
        self.results.installEventFilter(self)
        self.results.itemActivated.connect(self._choose_item)
        self.results.itemClicked.connect(self._choose_item)
        gui.bus.changed.connect(self._on_changed)
        self.setFocusProxy(self.edit)

    # -- public -----------------------------------------------------------------------
    def clear(self) -> None:
        self.gui.tasks.drop(self._key)
        self.edit.clear()
        self.scan.settle_quietly()
        self.results.clear()
        self.results.setVisible(False)
        self.hint.clear()

    def query(self) -> str:
        return self.edit.text()

    def open_photo(self, path: str) -> None:
        """Read the card's QR from a photo file off the UI thread (the file is only read)."""
        self.hint.setText(tr("Đang đọc ảnh «{name}»…").format(name=Path(path).name))
        self.gui.tasks.read(read_card_photo, path, key=f"{self._key}.photo", on_done=self._scanned,
                            on_error=lambda exc: self._refused(str(exc)))

    def _choose_photo(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, tr("Mở ảnh thẻ CCCD"), str(Path.home()),
                                               tr("Ảnh (*.jpg *.jpeg *.png *.bmp *.webp);;Mọi tệp (*)"))
        if path:
            self.open_photo(path)

    # -- scans ------------------------------------------------------------------------
    def _scanned(self, card) -> None:
        self.gui.tasks.drop(self._key)
        self._query = ""
        self.results.clear()
        self.results.setVisible(False)
        self.hint.setText(tr("Đã đọc thẻ CCCD, đang tra cứu…"))
        self.card_scanned.emit(card)

    def _refused(self, reason: str) -> None:
        self.gui.tasks.drop(self._key)
        self._query = ""
        self.results.clear()
        self.results.setVisible(False)
        self.hint.setText(reason)
        self.scan_refused.emit(reason)

    # -- searching --------------------------------------------------------------------
    def _search(self, text: str) -> None:
        self._query = text
        if not text.strip():
            self.gui.tasks.drop(self._key)
            self.results.clear()
            self.results.setVisible(False)
            self.hint.clear()
            return
        self.gui.read(search_residents, text, RESULT_LIMIT, key=self._key, on_done=self._show)

    def _on_changed(self, kinds) -> None:
        if "resident" in kinds and self._query.strip():
            self._search(self._query)

    def _show(self, found: list) -> None:
        self.results.clear()
        for r in found:
            item = QListWidgetItem(summary_line(r))
            item.setData(Qt.ItemDataRole.UserRole, r)
            self.results.addItem(item)
        self.results.setVisible(bool(found))
        if found:
            self.hint.setText(tr("Xuống (↓) để chọn, Enter để mở"))
        else:
            self.hint.setText(tr("Không tìm thấy cư dân nào khớp «{q}».").format(q=self._query.strip()))
        self.results_shown.emit(len(found))

    def _choose_item(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    # -- keyboard ---------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = QKeyEvent.key(event)  # type: ignore[arg-type]
        if obj is self.edit:
            if key == Qt.Key.Key_Down and self.results.count():
                self.results.setFocus()
                self.results.setCurrentRow(0)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.results.count():
                row = max(self.results.currentRow(), 0)
                self._choose_item(self.results.item(row))
                return True
            if key == Qt.Key.Key_Escape and self.edit.text():
                self.clear()
                return True
        elif obj is self.results:
            if key == Qt.Key.Key_Up and self.results.currentRow() <= 0:
                self.edit.setFocus()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose_item(self.results.currentItem())
                return True
            if key == Qt.Key.Key_Escape:
                self.edit.setFocus()
                return True
        return False
