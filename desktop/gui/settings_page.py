"""Settings page: language, text size and contrast, idle lock, data folder and backups, sync server.

Keyboard: Tab through the fields, Enter (or Ctrl+S) saves, Esc puts back the saved values.
Text size and contrast apply at once on save; the language applies at the next start.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.gui import file_dialogs
from desktop.gui.appearance import appearance_for
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.services.people import preferences
from desktop.services.people.preferences import Preferences

LANGUAGE_ITEMS = (
    ("vi", "Tiếng Việt"),  # names of languages are written in that language, never translated
    ("en", "English"),
    ("", None),  # from the system (LANG)
)


class SettingsPage(QWidget):
    saved = Signal(object)  # Preferences, after a successful save

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.appearance = appearance_for(gui)
        self._loaded: Preferences | None = None

        title = QLabel(tr("Cài đặt"), self)
        title.setObjectName("pageTitle")
        font = title.font()
        font.setBold(True)
        title.setFont(font)

        # -- appearance ------------------------------------------------------------------
        self.language = QComboBox(self)
        self.language.setObjectName("languageCombo")
        for code, name in LANGUAGE_ITEMS:
            self.language.addItem(name or tr("Theo hệ thống (biến LANG)"), code)
        language_note = QLabel(tr("Ngôn ngữ mới được dùng từ lần mở ứng dụng tiếp theo."), self)
        language_note.setWordWrap(True)
        self.font_scale = QSpinBox(self)
        self.font_scale.setObjectName("fontScaleSpin")
        lo, hi = preferences.FONT_SCALE_RANGE
        self.font_scale.setRange(int(lo * 100), int(hi * 100))
        self.font_scale.setSingleStep(10)
        self.font_scale.setSuffix(" %")
        font_note = QLabel(tr("Phím tắt: Ctrl+Cộng, Ctrl+Trừ, Ctrl+0 (ở bất kỳ trang nào)."), self)
        font_note.setWordWrap(True)
        self.high_contrast = QCheckBox(tr("Tương phản cao (chữ trắng trên nền đen)"), self)
        self.high_contrast.setObjectName("highContrastCheck")

        look = QGroupBox(tr("Hiển thị"), self)
        form = QFormLayout(look)
        form.addRow(tr("&Ngôn ngữ:"), self.language)
        form.addRow("", language_note)
        form.addRow(tr("&Cỡ chữ:"), self.font_scale)
        form.addRow("", font_note)
        form.addRow("", self.high_contrast)

        # -- security and data -----------------------------------------------------------
        self.idle_lock = QSpinBox(self)
        self.idle_lock.setObjectName("idleLockSpin")
        self.idle_lock.setRange(*preferences.IDLE_LOCK_RANGE)
        self.idle_lock.setSuffix(tr(" phút"))
        self.idle_lock.setSpecialValueText(tr("Không tự khóa"))
        self.data_folder = QLineEdit(str(gui.app.folder.root), self)
        self.data_folder.setObjectName("dataFolderEdit")
        self.data_folder.setReadOnly(True)
        open_folder = QPushButton(tr("Mở thư mục"), self)
        open_folder.setObjectName("openFolderButton")
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(gui.app.folder.root))))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.data_folder, 1)
        folder_row.addWidget(open_folder)
        self.backup_keep = QSpinBox(self)
        self.backup_keep.setObjectName("backupKeepSpin")
        self.backup_keep.setRange(*preferences.BACKUP_KEEP_RANGE)

        data = QGroupBox(tr("Dữ liệu và bảo mật"), self)
        form = QFormLayout(data)
        form.addRow(tr("Tự &khóa sau:"), self.idle_lock)
        folder_label = QLabel(tr("Thư mục &dữ liệu:"), self)
        folder_label.setBuddy(self.data_folder)
        form.addRow(folder_label, folder_row)
        form.addRow(tr("Số &bản sao lưu giữ lại:"), self.backup_keep)

        # -- sync ------------------------------------------------------------------------
        self.server_url = QLineEdit(self)
        self.server_url.setObjectName("serverUrlEdit")
        self.server_url.setPlaceholderText("https://dongbo.hanoi.gov.vn")
        self.ca_bundle = QLineEdit(self)
        self.ca_bundle.setObjectName("caBundleEdit")
        self.ca_bundle.setPlaceholderText(tr("Để trống nếu máy chủ dùng chứng chỉ thông thường"))
        browse = QPushButton(tr("Chọn tệp…"), self)
        browse.setObjectName("browseCaButton")
        browse.clicked.connect(self._browse_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(browse)
        self.proxy = QLineEdit(self)
        self.proxy.setObjectName("proxyEdit")
        self.proxy.setPlaceholderText(tr("Để trống để dùng proxy của Windows"))

        sync = QGroupBox(tr("Đồng bộ"), self)
        form = QFormLayout(sync)
        form.addRow(tr("Địa chỉ &máy chủ:"), self.server_url)
        ca_label = QLabel(tr("Tệp chứng chỉ C&A:"), self)
        ca_label.setBuddy(self.ca_bundle)
        form.addRow(ca_label, ca_row)
        proxy_label = QLabel(tr("Máy chủ &proxy:"), self)
        proxy_label.setBuddy(self.proxy)
        form.addRow(proxy_label, self.proxy)

        # -- messages and buttons --------------------------------------------------------
        self.errors = QLabel(self)
        self.errors.setObjectName("settingsErrors")
        self.errors.setWordWrap(True)
        self.errors.setProperty("role", "error")  # coloured by the app style sheet (readable in high contrast)
        self.errors.hide()
        self.status = QLabel(self)
        self.status.setObjectName("settingsStatus")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(tr("Lưu (Enter)"), self)
        self.save_button.setObjectName("saveSettingsButton")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(tr("Hoàn tác (Esc)"), self)
        self.revert_button.setObjectName("revertSettingsButton")
        self.revert_button.clicked.connect(self.revert)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        body = QWidget(self)
        column = QVBoxLayout(body)
        column.addWidget(title)
        column.addWidget(look)
        column.addWidget(data)
        column.addWidget(sync)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.errors)
        layout.addLayout(buttons)

        for a, b in ((self.language, self.font_scale), (self.font_scale, self.high_contrast),
                     (self.high_contrast, self.idle_lock), (self.idle_lock, self.data_folder),
                     (self.data_folder, open_folder), (open_folder, self.backup_keep),
                     (self.backup_keep, self.server_url), (self.server_url, self.ca_bundle),
                     (self.ca_bundle, browse), (browse, self.proxy), (self.proxy, self.revert_button), (self.revert_button, self.save_button)):
            QWidget.setTabOrder(a, b)
        save_shortcut = QShortcut(QKeySequence("Ctrl+S"), self)
        save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_shortcut.setWhatsThis(tr("Lưu cài đặt"))
        save_shortcut.activated.connect(self.save)
        self.appearance.scale_changed.connect(self._scale_changed_elsewhere)
        self.revert()

    # -- values -------------------------------------------------------------------------
    def values(self) -> Preferences:
        return Preferences(
            language=self.language.currentData(),
            font_scale=round(self.font_scale.value() / 100, 2),
            high_contrast=self.high_contrast.isChecked(),
            idle_lock_minutes=self.idle_lock.value(),
            backup_keep=self.backup_keep.value(),
            sync_server_url=self.server_url.text(),
            sync_ca_bundle=self.ca_bundle.text(),
            sync_proxy=self.proxy.text(),
        )

    def show_values(self, prefs: Preferences) -> None:
        index = self.language.findData(prefs.language)
        self.language.setCurrentIndex(index if index >= 0 else self.language.findData(""))
        self.font_scale.setValue(round(prefs.font_scale * 100))
        self.high_contrast.setChecked(prefs.high_contrast)
        self.idle_lock.setValue(prefs.idle_lock_minutes)
        self.backup_keep.setValue(prefs.backup_keep)
        self.server_url.setText(prefs.sync_server_url)
        self.ca_bundle.setText(prefs.sync_ca_bundle)
        self.proxy.setText(prefs.sync_proxy)

    # -- actions ------------------------------------------------------------------------
    def revert(self) -> None:
        """Show what is stored (Esc): unsaved edits are dropped."""
        self._loaded = preferences.load(self.gui.app.settings)
        self.show_values(self._loaded)
        self._show_errors([])
        self.status.clear()

    def save(self) -> bool:
        before = self._loaded or preferences.load(self.gui.app.settings)
        prefs = self.values()
        errors = preferences.save(self.gui.app.settings, prefs)
        self._show_errors(errors)
        if errors:
            self.status.clear()
            return False
        self._loaded = preferences.load(self.gui.app.settings)
        self.appearance.apply()
        lock = getattr(self.window(), "idle_lock", None)  # people/idle_lock.py, when installed
        if lock is not None:
            lock.set_interval_minutes(self._loaded.idle_lock_minutes)
        notes = [tr("Đã lưu cài đặt.")]
        if self._loaded.language != before.language:
            notes.append(tr("Ngôn ngữ mới được dùng từ lần mở ứng dụng tiếp theo."))
        self.status.setText(" ".join(notes))
        self.saved.emit(self._loaded)
        return True

    def _show_errors(self, errors: list[preferences.FieldError]) -> None:
        widgets = {"language": self.language, "font_scale": self.font_scale, "idle_lock_minutes": self.idle_lock,
                   "backup_keep": self.backup_keep, "sync_server_url": self.server_url, "sync_ca_bundle": self.ca_bundle,
                   "sync_proxy": self.proxy}
        for name, widget in widgets.items():
            bad = any(e.field == name for e in errors)
            widget.setProperty("invalid", bad)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
            widget.setToolTip(next((e.message for e in errors if e.field == name), ""))
        self.errors.setText("\n".join(e.message for e in errors))
        self.errors.setVisible(bool(errors))
        if errors:
            widgets.get(errors[0].field, self.language).setFocus()

    def _scale_changed_elsewhere(self, scale: float) -> None:
        """Ctrl+Plus/Minus/0 saved a new size: show it (other unsaved edits stay)."""
        self.font_scale.setValue(round(scale * 100))
        if self._loaded is not None:
            self._loaded = preferences.load(self.gui.app.settings)

    def _browse_ca(self) -> None:
        path = file_dialogs.open_file_name(
            self, tr("Chọn tệp chứng chỉ CA"), self.ca_bundle.text(), tr("Chứng chỉ (*.pem *.crt *.cer);;Mọi tệp (*)")
        )
        if path:
            self.ca_bundle.setText(path)

    def showEvent(self, event) -> None:
        """Show what is stored now (changed elsewhere, e.g. Ctrl+Plus), unless there are unsaved edits."""
        if self._loaded is not None and self.values() == self._loaded:
            self.revert()
        super().showEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if isinstance(focused, QPushButton):
                focused.click()
            else:
                self.save()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.revert()
            return
        super().keyPressEvent(event)
