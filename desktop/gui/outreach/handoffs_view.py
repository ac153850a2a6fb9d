"""The police liaison's list of hand-offs (Chuyển công an): who, what is needed, since when; mark done,
return with a reason, or open again. Only roles with the hand-off permission see the list."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.core.formatting import format_date
from desktop.core.permissions import PermissionDenied
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.outreach.common import fill_table, make_table, row_key
from desktop.services.outreach import handoffs

KINDS = frozenset({"police_handoff", "resident"})  # the kinds this list shows


class HandoffsView(QWidget):
    loaded = Signal(list)
    changed = Signal(object)  # HandoffInfo, once stored

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.rows: list = []
        self.open_only = QCheckBox(tr("Chỉ phiếu đang chờ"), self)
        self.open_only.setObjectName("handoffsOpenOnly")
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(lambda _on: self.refresh())
        self.count = QLabel(self)
        self.count.setObjectName("handoffsCount")
        self.table = make_table(self, [tr("Từ ngày"), tr("Số ngày"), tr("Cư dân"), tr("Năm sinh"), tr("Tổ dân phố"),
                                       tr("Cần công an làm"), tr("Trạng thái"), tr("Ghi chú")], "handoffsTable")
        self.note = QLineEdit(self)
        self.note.setObjectName("handoffNote")
        self.note.setPlaceholderText(tr("Ghi chú (bắt buộc khi trả lại hoặc mở lại)"))
        self.done_button = QPushButton(tr("Đã giải quyết (Ctrl+D)"), self)
        self.done_button.setObjectName("handoffDone")
        self.done_button.setShortcut("Ctrl+D")
        self.return_button = QPushButton(tr("Trả lại"), self)
        self.return_button.setObjectName("handoffReturn")
        self.reopen_button = QPushButton(tr("Mở lại"), self)
        self.reopen_button.setObjectName("handoffReopen")
        self.done_button.clicked.connect(lambda: self.set_state("xong"))
        self.return_button.clicked.connect(lambda: self.set_state("tra_lai"))
        self.reopen_button.clicked.connect(lambda: self.set_state("mo"))
        self.message = QLabel(self)
        self.message.setObjectName("handoffsMessage")
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.open_only)
        top.addWidget(self.count, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.note, 1)
        for button in (self.done_button, self.return_button, self.reopen_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        gui.bus.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, kinds) -> None:
        if KINDS & set(kinds):
            self.refresh()

    def refresh(self) -> None:
        self.gui.read(handoffs.list_handoffs, self.open_only.isChecked(), owner=self, on_done=self._show,
                      on_error=self._refused, key=f"outreach.handoffs.{id(self)}")

    def _refused(self, exc: BaseException) -> None:
        self.rows = []
        fill_table(self.table, [], [])
        self.count.clear()
        if isinstance(exc, PermissionDenied):
            self.message.setText(tr("Danh sách chuyển công an chỉ dành cho công an phường và tổ trưởng. {reason}").format(
                reason=str(exc)))
        else:
            self.message.setText(str(exc))
        for button in (self.done_button, self.return_button, self.reopen_button):
            button.setEnabled(False)

    def _show(self, rows: list) -> None:
        self.rows = rows
        if not self.done_button.isEnabled():  # the list was refused before (another role signed in)
            self.message.clear()
        for button in (self.done_button, self.return_button, self.reopen_button):
            button.setEnabled(True)
        fill_table(self.table, [
            [format_date(h.since), h.days_open, h.resident_name, str(h.birth_year or ""), h.residential_group, h.needed,
             h.state_label + (f" {format_date(h.closed_on)}" if h.closed_on else ""), h.notes.splitlines()[-1] if h.notes else ""]
            for h in rows
        ], [h.id for h in rows])
        waiting = sum(h.state == "mo" for h in rows)
        self.count.setText(tr("{n} phiếu, {w} đang chờ công an").format(n=len(rows), w=waiting))
        if rows and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self.loaded.emit(rows)

    def set_state(self, state: str) -> None:
        hid = row_key(self.table)
        if not hid:
            self.message.setText(tr("Chọn một phiếu trong danh sách."))
            return
        self.gui.write(handoffs.set_state, hid, state, self.note.text(), owner=self, on_done=self._saved,
                       on_error=self._write_failed)

    def _write_failed(self, exc: BaseException) -> None:
        self.message.setText(str(exc))

    def _saved(self, info) -> None:
        self.note.clear()
        self.message.setText(tr("Phiếu của {name}: {state}.").format(name=info.resident_name, state=info.state_label))
        self.changed.emit(info)
