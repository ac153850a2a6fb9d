"""The card and the record side by side: tick what to correct from the card, Enter to save.

Shown when a scanned card belongs to a known resident whose record says something else
(a name typed without diacritics, a wrong birth year, no CCCD yet). Every difference starts
ticked; the volunteer unticks what the card should not change. Saving is an ordinary edit
(`card.correct_from_card`: change log, audit trail), run on the writer thread.

A card scanned while this dialog is open comes to the dialog (the scanner types into it, not
into the search box behind): its keys are taken back, its Enter does not save, and the dialog
says to finish this card first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.layouts import char_width, resize_within_screen
from desktop.gui.residents.card_scan import ScanCatcher
from desktop.services.residents.card import CardMatch, correct_from_card
from desktop.services.residents.residents import ResidentRejected


class CardCompareDialog(QDialog):
    corrected = Signal(object)  # ResidentDetail after the correction

    def __init__(self, gui: GuiContext, match: CardMatch, card, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui, self.match, self.card = gui, match, card
        self._confirmed = False  # warnings (not errors) shown once, then saved on the next Enter
        self.setObjectName("cardCompareDialog")
        self.setWindowTitle(tr("Thẻ CCCD khác hồ sơ"))
        title = QLabel(tr("Hồ sơ của «{name}» khác với thẻ vừa quét. Đánh dấu những ô cần sửa theo thẻ.").format(
            name=match.resident.full_name), self)
        title.setWordWrap(True)
        self.table = QTableWidget(len(match.differences), 3, self)
        self.table.setObjectName("cardDifferences")
        self.table.setHorizontalHeaderLabels([tr("Trường"), tr("Trên thẻ"), tr("Trong hồ sơ")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, diff in enumerate(match.differences):
            pick = QTableWidgetItem(diff.label)
            pick.setData(Qt.ItemDataRole.UserRole, diff.field)
            pick.setFlags(pick.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            pick.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(row, 0, pick)
            self.table.setItem(row, 1, QTableWidgetItem(diff.on_card))
            self.table.setItem(row, 2, QTableWidgetItem(diff.on_record))
        self.table.itemActivated.connect(self._toggle)
        self.message = QLabel(self)
        self.message.setObjectName("cardCompareMessage")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(tr("Sửa theo thẻ (Enter)"), self)
        self.save_button.setObjectName("cardCorrectButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        keep = QPushButton(tr("Giữ nguyên hồ sơ (Esc)"), self)
        keep.setObjectName("cardKeepButton")
        keep.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(keep)
        buttons.addWidget(self.save_button)
        hint = QLabel(tr("Dấu cách: đánh dấu / bỏ đánh dấu dòng đang chọn."), self)
        hint.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.scan_catcher = ScanCatcher(self)
        self.scan_catcher.watch(self.table, keep, self.save_button)
        self.scan_catcher.card_scanned.connect(self._another_card)
        self.scan_catcher.not_a_card.connect(self.message.setText)
        self.table.setCurrentCell(0, 0)
        self.table.setFocus()
        resize_within_screen(self, max(640, round(char_width(self.fontMetrics()) * 80)), self.sizeHint().height())

    def _fit_rows(self) -> None:
        """Every difference in view (each starts ticked: a row below a scrollbar would change unseen),
        at the text size in force; the rows' heights follow the wrapped address."""
        self.table.resizeRowsToContents()
        need = (self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
                + sum(self.table.rowHeight(r) for r in range(self.table.rowCount())))
        screen = self.screen()
        if screen is not None:
            need = min(need, screen.availableGeometry().height() * 3 // 5)
        if self.table.minimumHeight() != need:
            self.table.setMinimumHeight(need)

    def showEvent(self, event) -> None:
        self._fit_rows()
        super().showEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_rows()

    def _another_card(self, card) -> None:
        if card.cccd == self.card.cccd:
            self.message.setText(tr("Đây là thẻ đang so sánh. Enter: sửa theo thẻ · Esc: giữ nguyên hồ sơ."))
        else:
            self.message.setText(tr("Vừa quét một thẻ khác. Xong thẻ này trước (Enter: sửa theo thẻ · Esc: giữ "
                                    "nguyên hồ sơ), rồi quét lại thẻ kia."))

    def chosen_fields(self) -> list[str]:
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def _toggle(self, item: QTableWidgetItem) -> None:
        pick = self.table.item(item.row(), 0)
        pick.setCheckState(Qt.CheckState.Unchecked if pick.checkState() == Qt.CheckState.Checked else Qt.CheckState.Checked)

    def save(self) -> None:
        fields = self.chosen_fields()
        if not fields:
            self.reject()
            return
        self.save_button.setEnabled(False)
        self.gui.write(correct_from_card, self.match.resident.id, self.card, fields,
                       confirmed_warnings=self._confirmed, on_done=self._saved, on_error=self._failed)

    def _saved(self, detail) -> None:
        self.corrected.emit(detail)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ResidentRejected):
            self.message.setText("\n".join(p.message for p in exc.problems))
            if exc.only_warnings:
                self._confirmed = True
                self.save_button.setText(tr("Vẫn sửa theo thẻ (Enter)"))
            return
        raise exc
