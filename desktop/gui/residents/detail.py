"""One resident in full (CCCD and phone unmasked here only), with Edit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.validation import format_date
from desktop.core.vocab import ADOPTION_STAGES, SEXES, TARGET_GROUPS
from desktop.gui.i18n import tr
from desktop.services import residents as svc


class ResidentDetailView(QWidget):
    edit_requested = Signal(object)  # ResidentDetail

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("residentDetail")
        self.detail: svc.ResidentDetail | None = None
        self.title = QLabel(tr("Chọn một cư dân trong danh sách, hoặc tìm theo tên, số điện thoại, CCCD."), self)
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
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
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.show_detail(None)

    def show_detail(self, d: svc.ResidentDetail | None) -> None:
        self.detail = d
        self.edit_button.setEnabled(d is not None)
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
        phone = "0" + d.phone[3:] if d.phone and d.phone.startswith("+84") else (d.phone or "")
        texts = {
            "birth": format_date(d.birth_date) if d.birth_date else str(d.birth_year or "—"),
            "sex": tr(SEXES[d.sex]) if d.sex else "—",
            "cccd": d.cccd or "—", "cmnd": d.cmnd or "—", "phone": phone or "—",
            "group": d.residential_group or "—", "address": d.address_detail or "—",
            "target": tr(TARGET_GROUPS.get(d.target_group, d.target_group)), "workplace": d.workplace or "—",
            "stage": stage + (f" ({', '.join(dates)})" if dates else ""),
            "consent": (tr("Có — {by}, {when}, mẫu {version}").format(
                by=d.consent_by or "—", when=d.consent_at.astimezone().strftime("%d/%m/%Y %H:%M") if d.consent_at else "—",
                version=d.consent_version or "—") if d.consent_given else tr("Chưa")),
            "notes": d.notes or "—",
            "record": tr("phiên bản {version}, cập nhật {when} bởi {who}").format(
                version=d.version, when=d.updated_at.astimezone().strftime("%d/%m/%Y %H:%M"), who=d.updated_by or "—"),
        }
        for key, text in texts.items():
            self.values[key].setText(text)

    def _edit(self) -> None:
        if self.detail is not None:
            self.edit_requested.emit(self.detail)
