"""Follow-ups: residents to call back or visit again, filterable by residential group; mark done."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.outreach_vocab import FAILURE_REASONS
from desktop.core import formatting
from desktop.core.formatting import format_date
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.outreach.common import fill_table, make_table, row_key
from desktop.services.outreach import follow_ups
from desktop.services.setup.ward_setup import residential_groups


class FollowUpsView(QWidget):
    loaded = Signal(list)

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.group = QComboBox(self)
        self.group.setObjectName("followUpGroup")
        self.group.addItem(tr("Tất cả tổ dân phố"), None)
        self.group.currentIndexChanged.connect(lambda _i: self.refresh())
        self.count = QLabel(self)
        self.table = make_table(self, [tr("Hẹn ngày"), tr("Cư dân"), tr("Điện thoại"), tr("Tổ dân phố"), tr("Lý do")],
                                "followUpsTable")
        self.done_button = QPushButton(tr("Đánh dấu đã xong (Ctrl+D)"), self)
        self.done_button.setObjectName("followUpDone")
        self.done_button.setShortcut("Ctrl+D")
        self.done_button.clicked.connect(self.mark_done)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Lọc theo tổ:"), self))
        top.addWidget(self.group)
        top.addWidget(self.count, 1)
        top.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        gui.read(residential_groups, owner=self, on_done=self._set_groups)
        gui.bus.changed.connect(lambda kinds: self.refresh() if {"help_session", "resident"} & set(kinds) else None)
        self.refresh()

    def _set_groups(self, groups) -> None:
        for g in groups:
            self.group.addItem(g.name, g.id)

    def refresh(self) -> None:
        self.gui.read(follow_ups.list_follow_ups, self.group.currentData(), owner=self, on_done=self._show,
                      key=f"outreach.followups.{id(self)}")

    def _show(self, rows: list) -> None:
        def reasons(r) -> str:
            text = ", ".join(tr(FAILURE_REASONS[c]) for c in r.reasons if c in FAILURE_REASONS)
            return f"{text}: {r.reason_other}" if r.reason_other else text

        fill_table(self.table, [
            [format_date(r.due_on) + (" ⚠" if r.overdue else ""), r.resident_name, formatting.phone(r.phone), r.residential_group,
             reasons(r)] for r in rows
        ], [r.session_id for r in rows])
        overdue = sum(r.overdue for r in rows)
        self.count.setText(tr("{n} việc cần theo dõi, {o} quá hạn").format(n=len(rows), o=overdue))
        if rows and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self.loaded.emit(rows)

    def mark_done(self) -> None:
        sid = row_key(self.table)
        if sid:
            self.gui.write(follow_ups.mark_done, sid)
