"""The audit trail viewer (team lead, admin): filters, newest first, and a chain check."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.formatting import format_time
from desktop.core.period import today_vn
from desktop.core.i18n import N_
from desktop.core.period import VN_TZ as TZ
from desktop.core.permissions import role_label
from desktop.gui.appearance import set_role
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.services.people import audit


KIND_LABELS = {
    "operator": N_("Người dùng"),
    "resident": N_("Cư dân"),
    "complaint": N_("Phản ánh"),
    "help_session": N_("Lượt hỗ trợ"),
}


class AuditViewer(QWidget):
    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.rows: list[audit.AuditRow] = []
        self.action = QComboBox(self)
        self.action.setObjectName("auditAction")
        self.action.addItem(tr("Mọi sự kiện"), "")
        for key, label in audit.ACTIONS.items():
            self.action.addItem(tr(label), key)
        self.actor = QComboBox(self)
        self.actor.setObjectName("auditActor")
        self.actor.addItem(tr("Mọi người"), "")
        today = QDate(*today_vn().timetuple()[:3])  # the Hanoi date, like the entries' filter
        self.since = QDateEdit(today.addDays(-30), self)
        self.since.setObjectName("auditSince")
        self.until = QDateEdit(today, self)
        self.until.setObjectName("auditUntil")
        for d in (self.since, self.until):
            d.setCalendarPopup(True)
            d.setDisplayFormat("dd/MM/yyyy")
        self.text = QLineEdit(self)
        self.text.setObjectName("auditText")
        self.text.setPlaceholderText(tr("Tìm trong chi tiết"))
        self.verify_button = QPushButton(tr("Kiểm tra chuỗi nhật ký"), self)
        self.verify_button.setObjectName("verifyChain")
        self.status = QLabel(self)
        self.status.setObjectName("auditStatus")
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels([tr("Thời điểm"), tr("Người thực hiện"), tr("Vai trò"), tr("Sự kiện"),
                                              tr("Đối tượng"), tr("Chi tiết")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        filters = QHBoxLayout()
        for label, w in ((tr("Sự kiện:"), self.action), (tr("Người:"), self.actor), (tr("Từ:"), self.since),
                         (tr("Đến:"), self.until)):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(w)
        filters.addWidget(self.text, 1)
        filters.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh)
        for combo in (self.action, self.actor):
            combo.currentIndexChanged.connect(self.refresh)
        for d in (self.since, self.until):
            d.dateChanged.connect(self.refresh)
        self.text.textChanged.connect(self._debounce.start)
        self.verify_button.clicked.connect(self.verify)
        gui.bus.changed.connect(self._data_changed)  # a bound slot: disconnected when the viewer goes
        self.gui.read(audit.actors, owner=self, on_done=self._fill_actors, key="audit.actors")
        self.refresh()

    def _data_changed(self, kinds: frozenset) -> None:
        if "audit_entry" in kinds:
            self.refresh()

    def _fill_actors(self, names: list[str]) -> None:
        for n in names:
            self.actor.addItem(n, n)

    def filters(self) -> dict:
        since = datetime.combine(self.since.date().toPython(), time.min, TZ)
        until = datetime.combine(self.until.date().toPython() + timedelta(days=1), time.min, TZ)
        return {"action": self.action.currentData() or None, "actor": self.actor.currentData() or None,
                "since": since, "until": until, "text": self.text.text().strip() or None}

    def refresh(self) -> None:
        self.gui.read(audit.query, owner=self, on_done=self._fill,
                      on_error=lambda e: self.status.setText(str(e)), key="audit.query", **self.filters())

    def _fill(self, rows: list[audit.AuditRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            when = format_time(r.occurred_at, seconds=True)
            detail = ", ".join(f"{k}: {v if isinstance(v, (str, int)) else json.dumps(v, ensure_ascii=False)}"
                               for k, v in r.detail.items())
            kind = tr(KIND_LABELS[r.record_kind]) if r.record_kind in KIND_LABELS else r.record_kind
            values = (when, r.actor or tr("(chưa đăng nhập)"), role_label(r.role) if r.role else "", r.action_label,
                      f"{kind} {r.record_id[:8]}".strip(), detail)
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.table.setItem(i, col, item)
        self.table.resizeColumnsToContents()
        self.status.setText(tr("{n} mục").format(n=len(rows)))

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.gui.read(audit.verify, owner=self, on_done=self._verified, key="audit.verify")

    def _verified(self, broken: list[audit.BrokenEntry]) -> None:
        self.verify_button.setEnabled(True)
        if not broken:
            self.status.setText(tr("Chuỗi nhật ký liền mạch: không mục nào bị sửa hay xóa."))
            set_role(self.status, "ok")
        else:
            lines = [tr("Mục số {seq}: {reason}").format(seq=b.seq, reason=b.reason) for b in broken[:10]]
            self.status.setText(tr("Nhật ký đã bị sửa hoặc thiếu ở {n} mục.").format(n=len(broken)) + "\n" + "\n".join(lines))
            set_role(self.status, "error")


class AuditDialog(QDialog):
    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.setWindowTitle(tr("Nhật ký truy cập"))
        self.viewer = AuditViewer(gui, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.viewer)
        self.resize(980, 560)
