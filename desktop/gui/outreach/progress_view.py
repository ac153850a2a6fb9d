"""Targets and progress: the funnel overall, per residential group and per target group,
with days left and the pace needed; the communications warning on top."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget
from PySide6.QtCore import Qt, Signal

from desktop.core.period import format_date
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.outreach.common import guarded, fill_table, make_table
from desktop.services import communications, targets

KINDS = {"resident", "help_session", "outreach_target", "communication_item", "residential_group"}


def _target_text(row: dict) -> list:
    t = row.get("target")
    if not t:
        return ["", "", ""]
    from datetime import date

    deadline = format_date(date.fromisoformat(t["deadline"]))
    if t["met"]:
        pace = tr("Đã đạt")
    elif t["days_left"] < 0:
        pace = tr("Quá hạn {d} ngày, còn thiếu {n}").format(d=-t["days_left"], n=t["remaining"])
    else:
        pace = tr("{p}/ngày").format(p=t["pace_per_day"])
    return [f"{t['percent']}% · {deadline}", t["days_left"], pace]


class ProgressView(QWidget):
    loaded = Signal()

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.warning = QLabel(self)
        self.warning.setObjectName("commsWarning")
        self.warning.setWordWrap(True)
        self.totals = QLabel(self)
        self.totals.setObjectName("progressTotals")
        self.totals.setStyleSheet("font-size: 15px; font-weight: bold;")
        headers = [tr("Tổ dân phố / thôn"), tr("Cư dân"), tr("Đã biết"), tr("Đã cài"), tr("Có tài khoản"), tr("Tỉ lệ"),
                   tr("Mục tiêu"), tr("Còn (ngày)"), tr("Cần đạt")]
        self.groups = make_table(self, headers, "progressByGroup")
        self.target_groups = make_table(self, [tr("Nhóm đối tượng"), *headers[1:]], "progressByTargetGroup")
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.groups)
        split.addWidget(self.target_groups)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addWidget(self.totals)
        layout.addWidget(split, 1)
        gui.bus.changed.connect(lambda kinds: self.refresh() if KINDS & set(kinds) else None)
        self.refresh()

    def refresh(self) -> None:
        self.gui.read(targets.progress, on_done=guarded(self, self._show), key=f"outreach.progress.{id(self)}")
        self.gui.read(communications.status, on_done=guarded(self, self._show_comms), key=f"outreach.comms.{id(self)}")

    @staticmethod
    def _row(name: str, r: dict) -> list:
        return [name, r["total"], r["aware"], r["installed"], r["account"], f"{r['account_percent']}%", *_target_text(r)]

    def _show(self, data: dict) -> None:
        t = data["totals"]
        text = tr("Toàn phường: {n} cư dân · {a} đã biết · {i} đã cài · {acc} có tài khoản ({p}%)").format(
            n=t["total"], a=t["aware"], i=t["installed"], acc=t["account"], p=t["account_percent"])
        if t.get("target"):
            text += " · " + " · ".join(str(x) for x in _target_text(t) if x != "")
        self.totals.setText(text)
        fill_table(self.groups, [self._row(r["name"], r) for r in data["by_residential_group"]])
        fill_table(self.target_groups, [self._row(r["name"], r) for r in data["by_target_group"]])
        self.loaded.emit()

    def _show_comms(self, status: dict) -> None:
        self.warning.setText(status["message"])
        color = "#b00020" if status["warning"] else "#1b7f3b"
        self.warning.setStyleSheet(f"font-size: 14px; font-weight: bold; color: {color};")
        self.warning.setProperty("warning", status["warning"])
