"""The complaints table: one row per complaint, overdue ones highlighted."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop.core.formatting import format_time
from desktop.core.i18n import N_
from desktop.gui import palette
from desktop.gui.i18n import tr
from desktop.services.complaints.complaints import ComplaintSummary

COLUMNS = [  # most telling first: the list shares the page with the detail
    ("code", N_("Mã")),
    ("title", N_("Tiêu đề")),
    ("status", N_("Trạng thái")),
    ("due", N_("Hạn")),
    ("overdue", N_("Quá hạn")),
    ("severity", N_("Mức độ")),
    ("category", N_("Lĩnh vực")),
    ("kind", N_("Loại")),
    ("group", N_("Tổ dân phố")),
    ("recorded", N_("Ghi nhận")),
]


def local_time(dt) -> str:
    return format_time(dt)


class ComplaintTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[ComplaintSummary] = []

    def set_rows(self, rows: list[ComplaintSummary]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, complaint_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == complaint_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "code": r.code, "title": r.title, "kind": r.kind_label, "category": r.category_label,
                "severity": r.severity_label, "status": r.status_label, "group": r.group_name,
                "recorded": local_time(r.recorded_at), "due": local_time(r.due_at),
                "overdue": (tr("Quá hạn tiếp nhận") if r.overdue_stage == "tiep_nhan" else tr("Quá hạn xử lý"))
                if r.overdue else "",
            }[key]
        if role == Qt.ItemDataRole.BackgroundRole and r.overdue:
            return palette.brush("overdue_background")
        if role == Qt.ItemDataRole.ForegroundRole and r.overdue:
            return palette.brush("overdue_text")
        if role == Qt.ItemDataRole.FontRole and r.overdue and key in ("overdue", "due"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and key == "title":
            return r.title
        if role == Qt.ItemDataRole.UserRole:
            return r
        return None
