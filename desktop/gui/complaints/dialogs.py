"""Small dialogs for a complaint's next step: a transition (note, agency, original) and feedback."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.complaint_lifecycle import ACTIONS
from desktop.gui.i18n import tr
from desktop.services.complaints.complaints import RESOLVED

AGENCIES = ["iHaNoi", "UBND phường", "Công an phường", "Công ty Môi trường đô thị", "Điện lực", "Công ty nước sạch"]


class TransitionDialog(QDialog):
    """Asks what an action needs: the agency (chuyển), the original (trùng), a note."""

    def __init__(self, action: str, candidates: list | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.action = ACTIONS[action]
        self.setWindowTitle(tr(self.action.label))
        self.setObjectName("transitionDialog")
        form = QFormLayout()
        self.agency = QComboBox(self)
        self.agency.setObjectName("agencyCombo")
        self.agency.setEditable(True)
        self.agency.addItems(AGENCIES)
        self.original = QComboBox(self)
        self.original.setObjectName("originalCombo")
        for c in candidates or []:
            self.original.addItem(f"{c.code} · {c.title}", c.id)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("noteEdit")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        if self.action.needs_agency:
            form.addRow(tr("Chuyển tới"), self.agency)
        if self.action.needs_duplicate:
            form.addRow(tr("Trùng với"), self.original)
            if not candidates:
                form.addRow("", QLabel(tr("Không có phản ánh đang mở nào cùng lĩnh vực và địa điểm để liên kết."), self))
        self.no_photo = QLineEdit(self)
        self.no_photo.setObjectName("noPhotoReason")
        if action == "hoan_thanh":  # the reply to the resident, and an on-site complaint's missing after-photo
            self.note.setPlaceholderText(tr("Đã làm gì, ở đâu, kết quả ra sao (ít nhất 2 câu)"))
            form.addRow(tr("Trả lời cư dân *"), self.note)
            self.no_photo.setPlaceholderText(tr("Chỉ khi phản ánh hiện trường chưa có ảnh chụp sau xử lý"))
            form.addRow(tr("Lý do không có ảnh sau xử lý"), self.no_photo)
        else:
            form.addRow(tr("Ghi chú") + (" *" if self.action.needs_note else ""), self.note)
            self.no_photo.setVisible(False)
        # Only the fields this action asks for are shown: one left outside the form was drawn at the
        # dialog's corner, over the "Chuyển tới" label (issue 17).
        self.agency.setVisible(self.action.needs_agency)
        self.original.setVisible(self.action.needs_duplicate)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr(self.action.label))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> dict:
        return {
            "note": self.note.toPlainText(),
            "agency": self.agency.currentText() if self.action.needs_agency else "",
            "duplicate_of": self.original.currentData() if self.action.needs_duplicate else None,
            "no_photo_reason": self.no_photo.text() if self.action.code == "hoan_thanh" else "",
        }


class FeedbackDialog(QDialog):
    """Satisfaction collected by a volunteer: resolved yes/partly/no/don't know, 1-5, comment."""

    def __init__(self, actor: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Ý kiến cư dân sau xử lý"))
        self.setObjectName("feedbackDialog")
        self.group = QButtonGroup(self)
        row = QHBoxLayout()
        self.radios: dict[str, QRadioButton] = {}
        for i, (code, label) in enumerate(RESOLVED.items(), start=1):
            radio = QRadioButton(f"&{i} {tr(label)}", self)
            radio.setObjectName(f"resolved_{code}")
            self.group.addButton(radio)
            self.radios[code] = radio
            row.addWidget(radio)
        self.radios["co"].setChecked(True)
        self.rating = QSpinBox(self)
        self.rating.setObjectName("ratingSpin")
        self.rating.setRange(1, 5)
        self.rating.setValue(4)
        self.comment = QLineEdit(self)
        self.comment.setObjectName("commentEdit")
        self.collected_by = QLineEdit(actor, self)
        self.warning = QLabel(self)
        self.warning.setProperty("role", "error")
        form = QFormLayout()
        form.addRow(tr("Đã được giải quyết?"), row)
        form.addRow(tr("Mức hài lòng (1–5)"), self.rating)
        form.addRow(tr("Nhận xét"), self.comment)
        form.addRow(tr("Người ghi nhận"), self.collected_by)
        form.addRow("", self.warning)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.group.buttonToggled.connect(self._toggled)

    def _toggled(self, *_a) -> None:
        self.warning.setText(tr("«Không»: phản ánh sẽ được mở lại để xử lý tiếp.") if self.resolved() == "khong" else "")

    def resolved(self) -> str:
        return next(code for code, r in self.radios.items() if r.isChecked())

    def values(self) -> dict:
        return {"resolved": self.resolved(), "rating": self.rating.value(), "comment": self.comment.text(),
                "collected_by": self.collected_by.text()}
