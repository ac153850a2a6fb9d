"""Targets and progress: the funnel overall, per residential group and per target group,
with days left and the pace needed; the communications warning on top."""

from __future__ import annotations

from PySide6.QtWidgets import QDateEdit, QLabel, QPushButton, QSpinBox, QSplitter, QVBoxLayout, QWidget
from PySide6.QtCore import QDate, Qt, Signal

from desktop.core import formatting
from desktop.core.formatting import format_date
from desktop.gui.appearance import set_role
from desktop.gui.layouts import FlowLayout
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.core.outreach_vocab import AUDIENCE_ALL
from desktop.core.period import today_vn
from desktop.core.vocab import TARGET_GROUPS
from desktop.gui.outreach.common import fill_table, make_table, vocab_combo
from desktop.services.outreach import communications, targets

KINDS = {"resident", "help_session", "outreach_target", "communication_item", "residential_group"}


def _target_text(row: dict) -> list:
    t = row.get("target")
    if not t:
        return ["", "", ""]
    from datetime import date

    deadline = format_date(date.fromisoformat(t["deadline"]))
    if t.get("no_residents"):
        pace = tr("Chưa có người nào")
    elif t["met"]:
        pace = tr("Đã đạt")
    elif t["days_left"] < 0:
        pace = tr("Còn thiếu {n}").format(n=formatting.number(t["remaining"]))
    else:
        pace = tr("{p}/ngày").format(p=formatting.decimal(t["pace_per_day"]))
    return [f"{formatting.percent(t['percent'])} · {deadline}", formatting.days_left(t["days_left"]), pace]


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
        set_role(self.totals, size="heading")
        self.totals.setWordWrap(True)  # the ward total line wraps on a 1366-px screen
        headers = [tr("Tổ dân phố / thôn"), tr("Cư dân"), tr("Đã biết"), tr("Đã cài"), tr("Có tài khoản"), tr("Tỷ lệ"),
                   tr("Mục tiêu"), tr("Còn (ngày)"), tr("Cần đạt")]
        self.groups = make_table(self, headers, "progressByGroup")
        self.target_groups = make_table(self, [tr("Nhóm đối tượng"), *headers[1:]], "progressByTargetGroup")
        self.target_group = vocab_combo(self, TARGET_GROUPS, tr, (AUDIENCE_ALL, tr("Mọi cư dân")))
        self.target_group.setObjectName("targetGroup")
        self.target_percent = QSpinBox(self)
        self.target_percent.setObjectName("targetPercent")
        self.target_percent.setRange(1, 100)
        self.target_percent.setValue(100)
        self.target_percent.setSuffix(" %")
        self.target_deadline = QDateEdit(self)
        self.target_deadline.setObjectName("targetDeadline")
        self.target_deadline.setDisplayFormat("dd/MM/yyyy")
        self.target_deadline.setCalendarPopup(True)
        self.target_deadline.setDate(QDate(today_vn().year, 9, 15))
        self.target_save = QPushButton(tr("Lưu mục tiêu"), self)
        self.target_save.setObjectName("saveTarget")
        self.target_save.clicked.connect(self.save_target)
        self.target_status = QLabel(self)
        editor = FlowLayout()  # wraps on a small screen or with large text
        editor.addWidget(QLabel(tr("Mục tiêu có tài khoản cho"), self))
        editor.addWidget(self.target_group)
        editor.addWidget(self.target_percent)
        editor.addWidget(QLabel(tr("trước ngày"), self))
        editor.addWidget(self.target_deadline)
        editor.addWidget(self.target_save)
        editor.addWidget(self.target_status)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.groups)
        split.addWidget(self.target_groups)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addWidget(self.totals)
        layout.addWidget(split, 1)
        layout.addLayout(editor)
        gui.bus.watch(self, lambda kinds: self.refresh() if KINDS & set(kinds) else None)
        self.refresh()

    def refresh(self) -> None:
        self.gui.read(targets.progress, owner=self, on_done=self._show, key=f"outreach.progress.{id(self)}")
        self.gui.read(communications.status, owner=self, on_done=self._show_comms, key=f"outreach.comms.{id(self)}")

    @staticmethod
    def _row(name: str, r: dict) -> list:
        return [name, r["total"], r["aware"], r["installed"], r["account"], formatting.percent(r["account_percent"]), *_target_text(r)]

    def _show(self, data: dict) -> None:
        t = data["totals"]
        text = tr("Toàn phường: {n} cư dân · {a} đã biết · {i} đã cài · {acc} có tài khoản ({p})").format(
            n=formatting.number(t["total"]), a=formatting.number(t["aware"]), i=formatting.number(t["installed"]), acc=formatting.number(t["account"]), p=formatting.percent(t["account_percent"]))
        if t.get("target"):
            goal, _days, pace = _target_text(t)
            text += " · " + tr("mục tiêu {goal}: {pace}").format(goal=goal, pace=pace)
        self.totals.setText(text)
        fill_table(self.groups, [self._row(r["name"], r) for r in data["by_residential_group"]])
        fill_table(self.target_groups, [self._row(r["name"], r) for r in data["by_target_group"]])
        self.loaded.emit()

    def save_target(self) -> None:
        self.gui.write(targets.set_target, self.target_group.currentData(), self.target_percent.value(),
                       self.target_deadline.date().toPython(),
                       owner=self, on_done=lambda t: self.target_status.setText(tr("Đã lưu mục tiêu.")),
                       on_error=lambda e: self.target_status.setText(str(e)))

    def _show_comms(self, status: dict) -> None:
        self.warning.setText(status["message"])
        set_role(self.warning, "error" if status["warning"] else "ok", size="large")
        self.warning.setProperty("warning", status["warning"])
