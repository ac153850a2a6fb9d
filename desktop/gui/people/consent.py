"""The consent block of the registration form: the current wording, shown in full, and a tick.

The residents form embeds it and stores `values()` with the resident:
consent_given and consent_version (which wording the resident agreed to).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from desktop.gui.i18n import tr
from desktop.services.people import privacy


class ConsentBox(QGroupBox):
    changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(tr("Đồng ý xử lý dữ liệu cá nhân"), parent)
        self.setObjectName("consentBox")
        self.ward = ""
        self.wording = privacy.current_consent()
        self.text = QLabel(self.wording.text, self)
        self.text.setObjectName("consentText")
        self.text.setWordWrap(True)
        self.version = QLabel(tr("Mẫu lời đồng ý: phiên bản {v}").format(v=self.wording.version), self)
        self.version.setObjectName("consentVersion")
        self.check = QCheckBox(tr("Cư dân đã đọc (hoặc được đọc cho nghe) và đồng ý"), self)
        self.check.setObjectName("consentCheck")
        self.check.toggled.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.version)
        layout.addWidget(self.check)

    def set_ward(self, ward: str) -> None:
        """Name the ward in the current wording ("Tổ Chuyển đổi số cộng đồng Phường Cầu Giấy")."""
        self.ward = ward
        if self.wording.version == privacy.CURRENT_CONSENT_VERSION:
            self.wording = privacy.current_consent(ward)
            self.text.setText(self.wording.text)

    def values(self) -> tuple[bool, str]:
        """(consent_given, consent_version): the version only when consent was given."""
        given = self.check.isChecked()
        return given, self.wording.version if given else ""

    def set_values(self, given: bool, version: str) -> None:
        """Show a stored consent; an older wording is shown as the one agreed to."""
        stored = privacy.consent_wording(version, self.ward) if version else None
        if stored and given:
            self.wording = stored
            self.text.setText(stored.text)
            self.version.setText(tr("Mẫu lời đồng ý: phiên bản {v}").format(v=stored.version))
        self.check.setChecked(bool(given))
