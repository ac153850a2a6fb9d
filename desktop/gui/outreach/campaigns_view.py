"""Campaigns and booths: the list (with sessions and successes) and a form to add one."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateTimeEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QVBoxLayout, QWidget,
)

from desktop.core.formatting import format_time
from desktop.core.outreach_vocab import CAMPAIGN_KINDS, FORCES
from desktop.core.period import VN_TZ
from desktop.gui.appearance import set_role
from desktop.gui.layouts import FlowLayout
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.outreach.common import fill_table, make_table, vocab_combo
from desktop.services.outreach import campaigns
from desktop.services.outreach.shift import list_volunteers
from desktop.services.setup.ward_setup import residential_groups


def _qdt(value: datetime) -> QDateTime:
    local = value.astimezone(VN_TZ)
    return QDateTime.fromString(local.strftime("%Y-%m-%d %H:%M"), "yyyy-MM-dd HH:mm")


def _py(value: QDateTime) -> datetime:
    return datetime.strptime(value.toString("yyyy-MM-dd HH:mm"), "%Y-%m-%d %H:%M").replace(tzinfo=VN_TZ)


class CampaignsView(QWidget):
    saved = Signal(object)
    loaded = Signal(list)

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.table = make_table(self, [tr("Bắt đầu"), tr("Tên đợt / điểm hỗ trợ"), tr("Hình thức"), tr("Địa điểm"),
                                       tr("Ngoài giờ"), tr("Lượt hỗ trợ"), tr("Thành công")], "campaignsTable")
        self.name = QLineEdit(self)
        self.name.setObjectName("campaignName")
        self.name.setPlaceholderText(tr("Ví dụ: Điểm hỗ trợ siêu thị WinMart"))
        self.kind = vocab_combo(self, CAMPAIGN_KINDS, tr)
        self.place = QLineEdit(self)
        self.group = QComboBox(self)
        self.starts = QDateTimeEdit(self)
        self.ends = QDateTimeEdit(self)
        for w in (self.starts, self.ends):
            w.setDisplayFormat("dd/MM/yyyy HH:mm")
            w.setCalendarPopup(True)
        self.forces = {code: QCheckBox(tr(label), self) for code, label in FORCES.items()}
        self.forces["to_cds"].setChecked(True)
        forces_row = FlowLayout()  # wraps on a small screen or with large text
        for box in self.forces.values():
            forces_row.addWidget(box)
        self.volunteers = QListWidget(self)
        self.volunteers.setObjectName("campaignVolunteers")
        self.volunteers.setMaximumHeight(70)
        self.volunteers.setFlow(QListWidget.Flow.LeftToRight)
        self.volunteers.setWrapping(True)
        self.add_button = QPushButton(tr("Thêm đợt (Enter)"), self)
        self.add_button.setObjectName("addCampaign")
        self.add_button.clicked.connect(self.save)
        self.status = QLabel(self)
        self.status.setObjectName("campaignStatus")
        form = QFormLayout()
        form.addRow(tr("Tên"), self.name)
        form.addRow(tr("Hình thức"), self.kind)
        form.addRow(tr("Địa điểm"), self.place)
        form.addRow(tr("Tổ dân phố"), self.group)
        form.addRow(tr("Bắt đầu"), self.starts)
        form.addRow(tr("Kết thúc"), self.ends)
        form.addRow(tr("Lực lượng"), forces_row)
        form.addRow(tr("Người trực"), self.volunteers)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self._reset_times()
        gui.bus.watch(self, lambda kinds: self.refresh() if {"campaign", "help_session"} & set(kinds) else None)
        gui.bus.watch(self, lambda kinds: gui.read(list_volunteers, owner=self, on_done=self._set_volunteers)
                                if "volunteer" in kinds else None)
        gui.read(residential_groups, owner=self, on_done=self._set_groups)
        gui.read(list_volunteers, owner=self, on_done=self._set_volunteers)
        self.refresh()

    def _reset_times(self) -> None:
        now = datetime.now(VN_TZ).replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        self.starts.setDateTime(_qdt(now))
        self.ends.setDateTime(_qdt(now + timedelta(hours=3)))

    def _set_groups(self, groups) -> None:
        self.group.clear()
        self.group.addItem(tr("(không theo tổ)"), None)
        for g in groups:
            self.group.addItem(g.name, g.id)

    def _set_volunteers(self, rows) -> None:
        self.volunteers.clear()
        for v in rows:
            item = QListWidgetItem(v.full_name, self.volunteers)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, v.id)

    def _checked_volunteers(self) -> list[str]:
        out = []
        for i in range(self.volunteers.count()):
            item = self.volunteers.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def refresh(self) -> None:
        self.gui.read(campaigns.list_campaigns, owner=self, on_done=self._show, key=f"outreach.campaigns.{id(self)}")

    def _show(self, rows: list) -> None:
        fill_table(self.table, [
            [format_time(r.starts_at), r.name, tr(CAMPAIGN_KINDS[r.kind]), r.place,
             tr("Có") if r.outside_office_hours else "", r.sessions, r.successes] for r in rows
        ], [r.id for r in rows])
        self.loaded.emit(rows)

    def save(self) -> None:
        data = campaigns.CampaignInput(
            name=self.name.text(), kind=self.kind.currentData(), place=self.place.text(),
            residential_group_id=self.group.currentData(), starts_at=_py(self.starts.dateTime()),
            ends_at=_py(self.ends.dateTime()), forces=[c for c, b in self.forces.items() if b.isChecked()],
            volunteer_ids=self._checked_volunteers())
        self.gui.write(campaigns.create_campaign, data, owner=self, on_done=self._saved, on_error=self._failed)

    def _saved(self, info) -> None:
        extra = tr(" (ngoài giờ hành chính)") if info.outside_office_hours else ""
        set_role(self.status, "ok")
        self.status.setText(tr("Đã thêm «{name}»{extra}.").format(name=info.name, extra=extra))
        self.name.clear()
        self.place.clear()
        self.name.setFocus()
        self.saved.emit(info)

    def _failed(self, exc: BaseException) -> None:
        set_role(self.status, "error")
        self.status.setText(str(exc))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.table.hasFocus():
            self.save()
            event.accept()
            return
        super().keyPressEvent(event)
