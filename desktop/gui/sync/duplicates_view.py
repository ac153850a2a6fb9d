"""Residents pulled with the CCCD of a resident on this laptop: a person decides.

The same person registered on two laptops: choose, field by field, which value to keep, then
"Gộp" (the two become one; the visits and complaints of both follow). Two different people: say
whose CCCD was typed wrong and type the right one. The service (`sync_service.list_duplicates`,
`resolve_duplicate`) prepares the rows (CCCD and phones masked unless the operator may see them)
and does the work; the decision syncs and the other laptop's copy closes by itself.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.sync.tables import fill_row, record_table, stacked
from desktop.services.sync import service as sync_service

MINE, THEIRS = 0, 1  # the "keep" choices, as their index in each row's combo box


class DuplicatesView(QWidget):
    resolved = Signal(object)
    counted = Signal(int)  # how many wait (the page shows the view only when some do)

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.items: list[dict] = []
        self.title = QLabel(self)
        self.title.setObjectName("duplicatesTitle")
        self.title.setWordWrap(True)
        self.chooser = QComboBox(self)
        self.chooser.setObjectName("duplicateChooser")
        self.table = record_table(self, "duplicatesTable", [tr("Trường"), tr("Trên máy này"), tr("Từ máy khác"),
                                                            tr("Giữ giá trị")])
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for col, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch,
                                    QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.Fixed)):
            header.setSectionResizeMode(col, mode)
        probe = QComboBox()  # measured only: with a parent it showed at the view's corner until deleted
        probe.addItems([tr("Máy này"), tr("Máy khác")])
        self._keep_size = probe.sizeHint()
        probe.deleteLater()
        header.resizeSection(3, max(self._keep_size.width() + 16, header.sectionSizeHint(3)))
        # room for four fields at least: the page gives this view the space it needs while it shows
        self.table.setMinimumHeight(header.sizeHint().height() + 4 * (self._keep_size.height() + 6) + 4)
        self.merge_btn = QPushButton(tr("Cùng một người: gộp"), self)
        self.merge_btn.setObjectName("mergeDuplicate")
        self.wrong_pick = QComboBox(self)
        self.wrong_pick.setObjectName("wrongCccdOwner")
        self.wrong_pick.addItems([tr("cư dân trên máy này"), tr("cư dân từ máy khác")])
        self.new_key = QLineEdit(self)
        self.new_key.setObjectName("correctedCccd")
        self.new_key.setPlaceholderText(tr("số CCCD đúng (12 chữ số; để trống nếu chưa biết)"))
        self.new_key.setMaxLength(14)
        self.new_key.setMinimumWidth(self.fontMetrics().horizontalAdvance("0" * 16))
        self.correct_btn = QPushButton(tr("Sửa số CCCD"), self)
        self.correct_btn.setObjectName("correctCccd")
        self.message = QLabel(self)
        self.message.setObjectName("duplicateMessage")
        self.message.setWordWrap(True)

        merge_row = QHBoxLayout()
        merge_row.addWidget(QLabel(tr("Cùng một người: chọn giá trị giữ lại ở cột cuối, rồi"), self))
        merge_row.addWidget(self.merge_btn)
        merge_row.addStretch(1)
        correct_row = QHBoxLayout()
        correct_row.addWidget(QLabel(tr("Hai người khác nhau: số CCCD nhập sai là của"), self))
        correct_row.addWidget(self.wrong_pick)
        correct_row.addWidget(self.new_key, 1)
        correct_row.addWidget(self.correct_btn)
        correct_row.addStretch(1)
        self.new_key.setMaximumWidth(self.fontMetrics().horizontalAdvance("0" * 40))
        stacked(self, self.title, self.chooser, self.table, merge_row, correct_row, self.message)
        self.setTabOrder(self.chooser, self.table)
        self.setTabOrder(self.table, self.merge_btn)
        self.setTabOrder(self.merge_btn, self.wrong_pick)
        self.setTabOrder(self.wrong_pick, self.new_key)
        self.setTabOrder(self.new_key, self.correct_btn)

        self.chooser.currentIndexChanged.connect(self._show_current)
        self.merge_btn.clicked.connect(self.merge)
        self.correct_btn.clicked.connect(self.correct)
        self.new_key.returnPressed.connect(self.correct)
        self.show_items([])

    def refresh(self) -> None:
        self.gui.read(sync_service.list_duplicates, on_done=self.show_items, key="sync.duplicates")

    def show_items(self, items: list[dict]) -> None:
        self.items = items
        self.title.setText(tr("{n} cư dân từ máy khác có số CCCD trùng với cư dân trên máy này. Hãy xem hai bản ghi: "
                              "cùng một người thì gộp lại, hai người khác nhau thì sửa số CCCD bị nhập sai.")
                           .format(n=len(items)) if items else tr("Không còn cư dân nào trùng số CCCD."))
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for d in items:
            self.chooser.addItem(tr("{mine} (máy này) và {theirs} (máy khác) · {key}: {value}").format(
                mine=d["mine_identity"], theirs=d["theirs_identity"], key=d["key_label"], value=d["key_text"]))
        self.chooser.blockSignals(False)
        self.chooser.setVisible(len(items) > 1)
        for w in (self.merge_btn, self.correct_btn, self.wrong_pick, self.new_key):
            w.setEnabled(bool(items))
        self._show_current()
        self.counted.emit(len(items))

    def _current(self) -> dict | None:
        i = self.chooser.currentIndex() if len(self.items) > 1 else 0
        return self.items[i] if 0 <= i < len(self.items) else None

    def _show_current(self) -> None:
        d = self._current()
        rows = d["rows"] if d else []
        self.table.setRowCount(len(rows))
        for row, r in enumerate(rows):
            fill_row(self.table, row, (r["label"], r["mine_text"], r["theirs_text"]))
            keep = QComboBox(self.table)
            keep.addItems([tr("Máy này"), tr("Máy khác")])
            keep.setAccessibleName(tr("Giữ giá trị «{field}»").format(field=r["label"]))
            self.table.setCellWidget(row, 3, keep)
        self.table.resizeRowsToContents()
        for row in range(len(rows)):
            self.table.setRowHeight(row, max(self.table.rowHeight(row), self._keep_size.height() + 6))
        if d:
            self.new_key.clear()

    def merge(self) -> None:
        d = self._current()
        if d is None:
            return
        theirs = [r["field"] for row, r in enumerate(d["rows"]) if self.table.cellWidget(row, 3).currentIndex() == THEIRS]
        self._busy(True)
        self.gui.write(sync_service.resolve_duplicate, d["id"], "same_person", take_theirs=theirs,
                       on_done=self._done, on_error=self._failed)

    def correct(self) -> None:
        d = self._current()
        if d is None:
            return
        wrong = "mine" if self.wrong_pick.currentIndex() == MINE else "theirs"
        self._busy(True)
        self.gui.write(sync_service.resolve_duplicate, d["id"], "different_people", wrong=wrong,
                       new_key=self.new_key.text().strip(), on_done=self._done, on_error=self._failed)

    def _busy(self, busy: bool) -> None:
        for w in (self.merge_btn, self.correct_btn):
            w.setEnabled(not busy)

    def _done(self, result: dict) -> None:
        self.message.setText(tr("Đã lưu quyết định; thay đổi sẽ được gửi ở lần đồng bộ tới."))
        self.resolved.emit(result)
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.message.setText(getattr(exc, "message", None) or str(exc))


class DuplicatesDialog(QDialog):
    """The duplicates in a window of their own (the sync page shows one line and a button to open it)."""

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Cư dân trùng số CCCD"))
        self.setObjectName("duplicatesDialog")
        self.view = DuplicatesView(gui, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Đóng"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    def open_fresh(self) -> None:
        fm = self.fontMetrics()  # sized for the text size in use (Ctrl+Plus), within the screen
        width, height = fm.averageCharWidth() * 165, fm.lineSpacing() * 26
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None and screen.width() > 900:
            width, height = min(width, int(screen.width() * 0.95)), min(height, int(screen.height() * 0.9))
        self.resize(max(width, self.width()), max(height, self.height()))
        self.view.refresh()
        self.show()
