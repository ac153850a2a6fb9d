"""Residents whose CCCD another ward registered too (told by the server at each sync): of the other record
only its ward, name and birth year. "Đã chuyển đi" tells the server this ward's resident moved away,
which resolves the match for both wards."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.outreach.common import fill_table, make_table, row_key
from desktop.services.sync import cross_ward

KINDS = frozenset({"cross_ward_match", "resident"})


class CrossWardView(QWidget):
    counted = Signal(int)  # open matches (the page shows the view only when there are matches)

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.rows: list = []
        self.table = make_table(self, [tr("Cư dân (phường này)"), tr("Năm sinh"), tr("Phường khác"),
                                       tr("Họ tên ở phường khác"), tr("Năm sinh"), tr("Tình trạng")], "crossWardTable")
        self.moved_button = QPushButton(tr("Cư dân này đã chuyển đi"), self)
        self.moved_button.setObjectName("crossWardMoved")
        self.moved_button.clicked.connect(self.mark_moved)
        self.message = QLabel(self)
        self.message.setObjectName("crossWardMessage")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.moved_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        gui.bus.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, kinds) -> None:
        if KINDS & set(kinds):
            self.refresh()

    def refresh(self) -> None:
        self.gui.read(cross_ward.list_matches, owner=self, on_done=self._show, on_error=self._failed,
                      key=f"sync.crossward.{id(self)}")

    def _show(self, rows: list) -> None:
        self.rows = rows
        fill_table(self.table, [[m.resident_name, str(m.birth_year or ""), m.other_ward_name, m.other_name,
                                 str(m.other_birth_year or ""), m.state_label] for m in rows], [m.record_id for m in rows])
        self.counted.emit(sum(1 for m in rows if not m.moved))

    def mark_moved(self) -> None:
        rid = row_key(self.table)
        if not rid:
            self.message.setText(tr("Chọn một cư dân trong danh sách."))
            return
        self.gui.write(cross_ward.mark_moved, rid, owner=self, on_done=self._saved, on_error=self._failed)

    def _saved(self, rows: list) -> None:
        self.message.setText(tr("Đã báo máy chủ: cư dân đã chuyển đi."))
        self._show(rows)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(str(exc))
