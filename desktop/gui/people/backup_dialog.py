"""Backups in the GUI: make one now, set the daily backup's passphrase and count, restore."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.formatting import format_time
from desktop.gui import file_dialogs
from desktop.gui.appearance import set_role
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.people import password_edit
from desktop.services.people import backup, restore



def _file_row(parent: QWidget, edit: QLineEdit, browse) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    button = QPushButton(tr("Chọn…"), parent)
    button.clicked.connect(browse)
    row.addWidget(button)
    return row


class BackupDialog(QDialog):
    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.setObjectName("backupDialog")
        self.setWindowTitle(tr("Sao lưu và khôi phục"))

        # Make a backup now.
        self.out = QLineEdit(self)
        self.out.setObjectName("backupOut")
        self.passphrase = password_edit(self, "backupPassphrase")
        self.confirm = password_edit(self, "backupConfirm")
        self.backup_button = QPushButton(tr("Tạo bản sao lưu"), self)
        self.backup_button.setObjectName("backupButton")
        now_box = QGroupBox(tr("Sao lưu ngay"), self)
        form = QFormLayout(now_box)
        form.addRow(tr("Lưu vào tệp:"), _file_row(self, self.out, self._browse_out))
        form.addRow(tr("Mật khẩu sao lưu:"), self.passphrase)
        form.addRow(tr("Nhập lại mật khẩu:"), self.confirm)
        form.addRow(self.backup_button)

        # Daily automatic backup.
        self.auto_status = QLabel(self)
        self.auto_status.setObjectName("autoStatus")
        self.auto_status.setWordWrap(True)
        self.keep = QSpinBox(self)
        self.keep.setObjectName("backupKeep")
        self.keep.setRange(1, 90)
        self.keep.setValue(int(gui.app.settings.get("backup_keep")))
        self.auto_pass = password_edit(self, "autoPassphrase")
        self.auto_button = QPushButton(tr("Lưu mật khẩu sao lưu tự động"), self)
        self.auto_button.setObjectName("autoButton")
        auto_box = QGroupBox(tr("Sao lưu tự động hằng ngày"), self)
        form = QFormLayout(auto_box)
        form.addRow(self.auto_status)
        form.addRow(tr("Giữ số bản mới nhất:"), self.keep)
        form.addRow(tr("Mật khẩu sao lưu tự động:"), self.auto_pass)
        form.addRow(self.auto_button)

        # Restore.
        self.source = QLineEdit(self)
        self.source.setObjectName("restoreFile")
        self.restore_pass = password_edit(self, "restorePassphrase")
        self.restore_button = QPushButton(tr("Khôi phục và thay thế dữ liệu hiện có"), self)
        self.restore_button.setObjectName("restoreButton")
        restore_box = QGroupBox(tr("Khôi phục"), self)
        form = QFormLayout(restore_box)
        form.addRow(tr("Tệp sao lưu:"), _file_row(self, self.source, self._browse_source))
        form.addRow(tr("Mật khẩu sao lưu:"), self.restore_pass)
        form.addRow(self.restore_button)

        self.message = QLabel(self)
        self.message.setObjectName("backupMessage")
        self.message.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(tr("Đóng"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (now_box, auto_box, restore_box, self.message, close):
            layout.addWidget(w)

        self.backup_button.clicked.connect(self.make_backup)
        self.confirm.returnPressed.connect(self.make_backup)
        self.auto_button.clicked.connect(self.save_auto)
        self.keep.valueChanged.connect(lambda n: gui.app.settings.set("backup_keep", n))
        self.restore_button.clicked.connect(self.restore)
        self.resize(560, 520)
        self._refresh_auto()

    # -- helpers ------------------------------------------------------------------------
    def _browse_out(self) -> None:
        path = file_dialogs.save_file_name(self, tr("Lưu bản sao lưu"), "", tr("Bản sao lưu (*.tocdsbak)"))
        if path:
            self.out.setText(path if path.endswith(backup.SUFFIX) else path + backup.SUFFIX)

    def _browse_source(self) -> None:
        path = file_dialogs.open_file_name(self, tr("Chọn bản sao lưu"), "", tr("Bản sao lưu (*.tocdsbak)"))
        if path:
            self.source.setText(path)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        set_role(self.message, "error" if error else "ok")

    def _refresh_auto(self) -> None:
        def shown(has: bool) -> None:
            self.auto_status.setText(
                tr("Đã bật: mỗi ngày một bản trong thư mục backups của dữ liệu.") if has
                else tr("Chưa bật: hãy đặt mật khẩu sao lưu tự động.")
            )

        self.gui.tasks.read(lambda: bool(backup.stored_passphrase(self.gui.app)), owner=self, on_done=shown,
                            on_error=lambda e: self._say(str(e), True), key="backup.auto")

    # -- actions ------------------------------------------------------------------------
    def make_backup(self) -> None:
        if not self.out.text().strip():
            self._say(tr("Chưa chọn tệp để lưu bản sao lưu."), True)
            return
        if self.passphrase.text() != self.confirm.text():
            self._say(tr("Hai lần nhập mật khẩu không khớp."), True)
            return
        self.backup_button.setEnabled(False)
        self._say(tr("Đang sao lưu…"))

        def done(info: backup.BackupInfo) -> None:
            self.backup_button.setEnabled(True)
            self.passphrase.clear()
            self.confirm.clear()
            self._say(tr("Đã tạo bản sao lưu {path} ({size} KB).").format(path=info.path, size=info.size // 1024))

        def failed(exc: BaseException) -> None:
            self.backup_button.setEnabled(True)
            self._say(str(exc), True)

        self.gui.write(backup.create_backup, self.out.text().strip(), self.passphrase.text(), owner=self, on_done=done, on_error=failed)

    def save_auto(self) -> None:
        def done(_r) -> None:
            self.auto_pass.clear()
            self._say(tr("Đã lưu mật khẩu sao lưu tự động. Hãy ghi nhớ nó: cần để khôi phục trên máy khác."))
            self._refresh_auto()

        self.gui.write(backup.set_backup_passphrase, self.auto_pass.text(),
                       owner=self, on_done=done, on_error=lambda exc: self._say(str(exc), True))

    def restore(self) -> None:
        if not self.source.text().strip():
            self._say(tr("Chưa chọn tệp sao lưu."), True)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Khôi phục"),
                          tr("Dữ liệu hiện có sẽ được thay bằng dữ liệu trong bản sao lưu "
                             "(dữ liệu cũ được cất vào thư mục backups). Tiếp tục?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("restoreConfirm")
        box.button(QMessageBox.StandardButton.Yes).setText(tr("Khôi phục"))
        box.button(QMessageBox.StandardButton.No).setText(tr("Không"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda code: code == QMessageBox.StandardButton.Yes and self._restore_confirmed())
        self.confirm_box = box
        box.open()

    def _restore_confirmed(self) -> None:
        if not self.restore_button.isEnabled():
            return
        self.restore_button.setEnabled(False)
        self._say(tr("Đang khôi phục…"))

        def done(info: backup.BackupInfo) -> None:
            self.restore_button.setEnabled(True)
            self.restore_pass.clear()
            done_text = tr("Đã khôi phục bản sao lưu lập lúc {at}.").format(at=format_time(info.created_at))
            self._say(done_text + ("\n" + info.sync_note if info.sync_note else ""))

        def failed(exc: BaseException) -> None:
            self.restore_button.setEnabled(True)
            self._say(str(exc), True)

        self.gui.write(restore.restore_in_place, self.source.text().strip(), self.restore_pass.text(), owner=self, on_done=done, on_error=failed)


def install_auto_backup(window: QWidget, gui: GuiContext, check_ms: int = 3_600_000):
    """Check hourly (and once at start) whether the daily backup is due; run it on the writer."""
    from PySide6.QtCore import QTimer

    timer = QTimer(window)
    timer.setInterval(check_ms)

    def check() -> None:
        gui.write(backup.run_auto_backup,
                  on_error=lambda exc: logging.getLogger(__name__).warning("automatic backup failed: %r", exc))

    timer.timeout.connect(check)
    timer.start()
    QTimer.singleShot(0, check)
    window.auto_backup_timer = timer  # type: ignore[attr-defined]
    return timer
