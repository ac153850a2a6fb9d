"""One resident in full, with Edit. CCCD, CMND and phone are masked here too: "Hiện số đầy đủ"
asks the page to reveal them (privacy.reveal_identifier: police/lead/admin only, audited)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.formatting import format_time
from desktop.core.formatting import format_date
from desktop.core.vocab import ADOPTION_STAGES, SEXES, TARGET_GROUPS
from desktop.gui.appearance import set_role
from desktop.gui.i18n import tr
from desktop.services.residents import residents as svc


REVEAL_FIELDS = ("cccd", "cmnd", "phone")


class ResidentDetailView(QWidget):
    edit_requested = Signal(object)  # ResidentDetail
    reveal_requested = Signal(str, str)  # resident id, field

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("residentDetail")
        self.detail: svc.ResidentDetail | None = None
        self.title = QLabel(tr("Chọn một cư dân trong danh sách, hoặc tìm theo tên, số điện thoại, CCCD."), self)
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        set_role(self.title, size="heading")
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in [
            ("birth", tr("Ngày/năm sinh")), ("sex", tr("Giới tính")), ("cccd", tr("Số CCCD")),
            ("cmnd", tr("Số CMND cũ")), ("phone", tr("Số điện thoại")), ("group", tr("Tổ dân phố / thôn")),
            ("address", tr("Địa chỉ")), ("target", tr("Đối tượng")), ("workplace", tr("Nơi làm việc / học tập")),
            ("stage", tr("iHaNoi")), ("consent", tr("Đồng ý")), ("notes", tr("Ghi chú")), ("record", tr("Bản ghi")),
        ]:
            value = QLabel(self)
            value.setObjectName(f"detail_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.values[key] = value
            form.addRow(label, value)
        self.edit_button = QPushButton(tr("Sửa (F2)"), self)
        self.edit_button.setObjectName("editButton")
        self.edit_button.clicked.connect(self._edit)
        self.edit_button.setShortcut("F2")
        self.reveal_button = QPushButton(tr("Hiện số đầy đủ (Ctrl+H)"), self)
        self.reveal_button.setObjectName("revealButton")
        self.reveal_button.setToolTip(tr("Chỉ công an, tổ trưởng, quản trị; mỗi lần xem được ghi vào nhật ký truy cập."))
        self.reveal_button.clicked.connect(self.request_reveal)
        self.message = QLabel(self)
        self.message.setObjectName("detailMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reveal_button)
        buttons.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.show_detail(None)

    def show_detail(self, d: svc.ResidentDetail | None) -> None:
        self.detail = d
        self.message.clear()
        self.edit_button.setEnabled(d is not None)
        self.reveal_button.setEnabled(d is not None and any(getattr(d, f) for f in REVEAL_FIELDS))
        if d is None:
            for v in self.values.values():
                v.clear()
            return
        self.title.setText(d.full_name)
        stage = tr(ADOPTION_STAGES.get(d.adoption_stage, d.adoption_stage))
        dates = []
        if d.aware_on:
            dates.append(tr("biết {day}").format(day=format_date(d.aware_on)))
        if d.installed_on:
            dates.append(tr("cài {day}").format(day=format_date(d.installed_on)))
        if d.account_on:
            dates.append(tr("tài khoản {day}").format(day=format_date(d.account_on)))
        texts = {
            "birth": format_date(d.birth_date) if d.birth_date else str(d.birth_year or "—"),
            "sex": tr(SEXES[d.sex]) if d.sex else "—",
            "cccd": svc.mask_cccd(d.cccd) or "—", "cmnd": svc.mask_cccd(d.cmnd) or "—",
            "phone": svc.mask_phone(d.phone) or "—",
            "group": d.residential_group or "—", "address": d.address_detail or "—",
            "target": tr(TARGET_GROUPS.get(d.target_group, d.target_group)), "workplace": d.workplace or "—",
            "stage": stage + (f" ({', '.join(dates)})" if dates else ""),
            "consent": (tr("Có — {by}, {when}, mẫu {version}").format(
                by=d.consent_by or "—", when=format_time(d.consent_at) if d.consent_at else "—",
                version=d.consent_version or "—") if d.consent_given else tr("Chưa")),
            "notes": d.notes or "—",
            "record": tr("phiên bản {version}, cập nhật {when} bởi {who}").format(
                version=d.version, when=format_time(d.updated_at), who=d.updated_by or "—"),
        }
        for key, text in texts.items():
            self.values[key].setText(text)

    # -- reveal ----------------------------------------------------------------------------
    def request_reveal(self) -> None:
        """Ask for the full numbers of the shown resident (one audited reveal per number held)."""
        if self.detail is None:
            return
        set_role(self.message, "")
        self.message.setText(tr("Đang kiểm tra quyền xem…"))
        for f in REVEAL_FIELDS:
            if getattr(self.detail, f):
                self.reveal_requested.emit(self.detail.id, f)

    def show_revealed(self, resident_id: str, field: str, value: str) -> None:
        if self.detail is None or self.detail.id != resident_id:
            return
        if field == "phone" and value.startswith("+84"):
            value = "0" + value[3:]
        self.values[field].setText(value or "—")
        set_role(self.message, "ok")
        self.message.setText(tr("Đã hiện số đầy đủ; lần xem này đã được ghi vào nhật ký truy cập."))

    def show_refusal(self, message: str) -> None:
        set_role(self.message, "error")
        self.message.setText(message)

    def _edit(self) -> None:
        if self.detail is not None:
            self.edit_requested.emit(self.detail)
