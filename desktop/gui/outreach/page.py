"""The outreach page ("Hỗ trợ cài đặt"): the shift on duty, booth mode, and tabs for
progress against targets, campaigns, help sessions, follow-ups, communications, training,
door-to-door lists (households to visit, visits recorded by a household's code) and police hand-offs."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QGroupBox, QLabel, QLineEdit, QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from desktop.core.outreach_vocab import FORCES
from desktop.gui.layouts import FlowLayout, vertical_scroll
from desktop.gui.appearance import set_role
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.outreach.campaigns_view import CampaignsView
from desktop.gui.outreach.common import vocab_combo
from desktop.gui.outreach.door_to_door import DoorToDoorView
from desktop.gui.outreach.follow_ups_view import FollowUpsView
from desktop.gui.outreach.handoffs_view import HandoffsView
from desktop.gui.outreach.log_views import CommunicationsView, SessionsView, TrainingView
from desktop.gui.outreach.progress_view import ProgressView
from desktop.services.outreach import campaigns, shift


class ShiftBar(QGroupBox):
    """Who is on duty (stamped on every record), adding a volunteer, and opening booth mode."""

    shift_changed = Signal(object)  # ShiftInfo | None
    booth_requested = Signal()

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(tr("Ca trực"), parent)
        self.gui = gui
        self.current = None
        self.on_duty = QLabel(self)
        self.on_duty.setObjectName("onDutyLabel")
        set_role(self.on_duty, "counter")
        self.on_duty.setWordWrap(True)  # long "no one on duty" text wraps instead of widening the window
        self.volunteer = QComboBox(self)
        self.volunteer.setObjectName("volunteerCombo")
        self.start_button = QPushButton(tr("Bắt đầu ca"), self)
        self.start_button.setObjectName("startShift")
        self.start_button.clicked.connect(self.start)
        self.campaign = QComboBox(self)
        self.campaign.setObjectName("boothCampaign")
        for combo in (self.volunteer, self.campaign):
            combo.setMinimumContentsLength(16)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.booth_button = QPushButton(tr("Mở chế độ điểm hỗ trợ (F11)"), self)
        self.booth_button.setObjectName("openBooth")
        self.booth_button.clicked.connect(self.booth_requested.emit)
        self.new_name = QLineEdit(self)
        self.new_name.setObjectName("newVolunteerName")
        self.new_name.setPlaceholderText(tr("Họ tên tình nguyện viên mới"))
        self.new_force = vocab_combo(self, FORCES, tr)
        self.new_phone = QLineEdit(self)
        self.new_phone.setPlaceholderText(tr("Số điện thoại"))
        self.add_button = QPushButton(tr("Thêm"), self)
        self.add_button.setObjectName("addVolunteer")
        self.add_button.clicked.connect(self.add_volunteer)
        self.new_name.returnPressed.connect(self.add_volunteer)
        self.status = QLabel(self)
        self.status.setObjectName("shiftStatus")
        row1 = FlowLayout()  # wraps on a small screen or with large text
        row1.addWidget(self.on_duty)
        row1.addWidget(QLabel(tr("Người trực:"), self))
        row1.addWidget(self.volunteer)
        row1.addWidget(self.start_button)
        row1.addWidget(QLabel(tr("Đợt:"), self))
        row1.addWidget(self.campaign)
        row1.addWidget(self.booth_button)
        row2 = FlowLayout()
        for w in (self.new_name, self.new_force, self.new_phone, self.add_button, self.status):
            row2.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(row1)
        layout.addLayout(row2)
        gui.bus.watch(self, lambda kinds: self.load() if {"volunteer", "campaign"} & set(kinds) else None)
        self.gui.read(shift.resume_shift, owner=self, on_done=self._show_shift)
        self.load()

    def load(self) -> None:
        self.gui.read(shift.list_volunteers, owner=self, on_done=self._set_volunteers, key=f"shift.volunteers.{id(self)}")
        self.gui.read(campaigns.list_campaigns, 30, owner=self, on_done=self._set_campaigns, key=f"shift.campaigns.{id(self)}")

    def _set_volunteers(self, rows) -> None:
        keep = self.volunteer.currentData()
        self.volunteer.clear()
        for v in rows:
            self.volunteer.addItem(f"{v.full_name} · {tr(FORCES.get(v.force, v.force))}", v.id)
        want = keep or (self.current.volunteer_id if self.current else None)
        if want and self.volunteer.findData(want) >= 0:
            self.volunteer.setCurrentIndex(self.volunteer.findData(want))

    def _set_campaigns(self, rows) -> None:
        keep = self.campaign.currentData()
        self.campaign.clear()
        self.campaign.addItem(tr("(không theo đợt)"), None)
        for c in rows:
            self.campaign.addItem(c.name, c.id)
        if keep and self.campaign.findData(keep) >= 0:
            self.campaign.setCurrentIndex(self.campaign.findData(keep))

    def _show_shift(self, info) -> None:
        self.current = info
        if info is None:
            self.on_duty.setText(tr("Chưa có người trực ca: chọn tên rồi bấm «Bắt đầu ca»."))
        else:
            self.on_duty.setText(tr("Đang trực: {name}").format(name=info.volunteer_name))
            if self.volunteer.findData(info.volunteer_id) >= 0:
                self.volunteer.setCurrentIndex(self.volunteer.findData(info.volunteer_id))
        self.shift_changed.emit(info)

    def start(self) -> None:
        vid = self.volunteer.currentData()
        if not vid:
            self.status.setText(tr("Chưa có tình nguyện viên: thêm tên ở dòng dưới."))
            return
        self.gui.write(shift.start_shift, vid, self.campaign.currentData(), owner=self, on_done=self._show_shift,
                       on_error=lambda e: self.status.setText(str(e)))

    def add_volunteer(self) -> None:
        self.gui.write(shift.add_volunteer, self.new_name.text(), self.new_force.currentData(), self.new_phone.text(), owner=self, on_done=self._added, on_error=lambda e: self.status.setText(str(e)))

    def _added(self, v) -> None:
        self.status.setText(tr("Đã thêm {name}.").format(name=v.full_name))
        self.new_name.clear()
        self.new_phone.clear()
        self.volunteer.addItem(v.full_name, v.id)
        self.volunteer.setCurrentIndex(self.volunteer.count() - 1)


class OutreachPage(QWidget):
    booth_opened = Signal(QWidget)

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.booth = None
        self.shift_bar = ShiftBar(gui, self)
        self.shift_bar.booth_requested.connect(self.open_booth)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("outreachTabs")
        self.progress = ProgressView(gui, self.tabs)
        self.campaigns = CampaignsView(gui, self.tabs)
        self.sessions = SessionsView(gui, self.tabs)
        self.follow_ups = FollowUpsView(gui, self.tabs)
        self.communications = CommunicationsView(gui, self.tabs)
        self.training = TrainingView(gui, self.tabs)
        self.door_to_door = DoorToDoorView(gui, self.tabs)
        self.handoffs = HandoffsView(gui, self.tabs)
        for widget, title in ((self.progress, tr("Tiến độ và mục tiêu")), (self.campaigns, tr("Đợt ra quân")),
                              (self.sessions, tr("Lượt hỗ trợ")), (self.follow_ups, tr("Cần hỗ trợ lại")),
                              (self.communications, tr("Truyền thông")), (self.training, tr("Tập huấn")),
                              (self.door_to_door, tr("Đi từng nhà")), (self.handoffs, tr("Chuyển công an"))):
            self.tabs.addTab(widget, title)
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.shift_bar)
        column.addWidget(self.tabs, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(vertical_scroll(body, self))  # a short screen scrolls the page up and down, never sideways
        QShortcut(QKeySequence("F11"), self, self.open_booth)

    def open_booth(self, full_screen: bool = True) -> QWidget:
        from desktop.gui.outreach.booth import BoothWindow

        info = self.shift_bar.current
        volunteers = [info.volunteer_id] if info else []
        self.booth = BoothWindow(self.gui, self.shift_bar.campaign.currentData(), volunteers)
        if full_screen:
            screen = self.screen() or self.booth.screen()
            if screen is not None:  # also fills the screen where no window manager honours full screen
                self.booth.setGeometry(screen.geometry())
            self.booth.showFullScreen()
        else:
            self.booth.show()
        self.booth_opened.emit(self.booth)
        return self.booth
