"""Records set aside by sync (refused by the server, or not storable here): what, which, why, when;
"Thử lại" once the record has been fixed sends it again with the next sync."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QWidget

from desktop.core.formatting import format_time
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.sync.tables import fill_row, record_table, stacked
from desktop.services.sync import service as sync_service


class QuarantineView(QWidget):
    retried = Signal(object)
    counted = Signal(int)  # records set aside (none: only the title line and the last message show)

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.items: list[dict] = []
        self.title = QLabel(self)
        self.title.setObjectName("quarantineTitle")
        self.title.setWordWrap(True)
        self.table = record_table(self, "quarantineTable", [tr("Loại"), tr("Bản ghi"), tr("Lý do"), tr("Lúc")])
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)  # the reason takes the room, not the time
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(1, 200)
        self.retry_btn = QPushButton(tr("Thử gửi lại (sau khi đã sửa)"), self)
        self.retry_btn.setObjectName("retryQuarantined")
        self.message = QLabel(self)
        self.message.setObjectName("quarantineMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.retry_btn)
        stacked(self, self.title, self.table, buttons)
        self.setTabOrder(self.table, self.retry_btn)
        self.retry_btn.clicked.connect(self.retry)
        self.table.itemActivated.connect(lambda _item: self.retry())
        self.show_items([])

    def refresh(self) -> None:
        self.gui.read(sync_service.quarantine, on_done=self.show_items, key="sync.quarantine")

    def show_items(self, items: list[dict]) -> None:
        self.items = items
        pulled = any(q["direction"] == "pull" for q in items)
        self.title.setText(
            (tr("{n} bản ghi bị từ chối đang được giữ lại. Bản ghi gửi đi: sửa bản ghi (ví dụ ở trang Cư dân), rồi bấm "
                "«Thử gửi lại». Bản ghi nhận về được tự thử lại ở mỗi lần đồng bộ.") if pulled else
             tr("{n} bản ghi bị từ chối đang được giữ lại. Sửa bản ghi (ví dụ ở trang Cư dân), rồi bấm «Thử gửi lại»."))
            .format(n=len(items)) if items else tr("Không có bản ghi nào bị từ chối."))
        self.table.setVisible(bool(items))  # before the rows are measured: a hidden table measures them narrow
        self.table.setRowCount(len(items))
        for row, q in enumerate(items):
            fill_row(self.table, row, (q["kind_label"], q["identity"], q["reason_text"], format_time(q["created_at"])))
        self.table.resizeRowsToContents()
        self.retry_btn.setEnabled(bool(items))
        self.retry_btn.setVisible(bool(items))
        if items:
            self.table.selectRow(0)
        self.counted.emit(len(items))

    def retry(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.items):
            return
        q = self.items[row]
        self.retry_btn.setEnabled(False)
        self.gui.write(sync_service.retry_quarantined, q["id"], on_done=self._done,
                       on_error=self._failed)

    def _done(self, result: dict) -> None:
        if result.get("direction") == "pull" and result.get("stored"):
            self.message.setText(tr("Đã lưu bản ghi này trên máy."))
        elif result.get("direction") == "pull" and result.get("reason_text"):
            self.message.setText(tr("Vẫn chưa lưu được: {reason}").format(reason=result["reason_text"]))
        elif result.get("direction") == "pull":
            self.message.setText(tr("Sẽ lấy lại bản ghi này từ máy chủ ở lần đồng bộ tới."))
        else:
            self.message.setText(tr("Sẽ gửi lại ở lần đồng bộ tới."))
        self.retried.emit(result)  # the write announces its kind: the page re-reads this list then

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(getattr(exc, "message", str(exc)))
        self.refresh()
