"""Restore from a backup when the data cannot be opened (a missing or wrong key, a damaged file).

Shown from the open-error message: choose the backup file, type its passphrase, and the backup is
restored into the data folder (the unreadable data is kept aside in backups/pre-restore-…); then the
app opens on it. No command line needed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.gui.i18n import tr
from desktop.gui.people import password_edit
from desktop.gui.people.backup_dialog import _file_row
from desktop.gui.worker import TaskRunner
from desktop.services.people import backup, restore


class RestoreFromBackupDialog(QDialog):
    """`restored(info)` once the backup is in place; the caller opens the data folder again."""

    restored = Signal(object)

    def __init__(self, tasks: TaskRunner, root: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("restoreFromBackupDialog")
        self.setWindowTitle(tr("Khôi phục từ bản sao lưu"))
        self.tasks, self.root = tasks, Path(root)
        intro = QLabel(tr("Chọn tệp sao lưu (.tocdsbak) và nhập mật khẩu sao lưu. Dữ liệu trong bản sao lưu sẽ được "
                          "đưa vào thư mục {path}; dữ liệu không mở được hiện nay được cất vào thư mục backups, "
                          "không bị xóa.").format(path=self.root), self)
        intro.setWordWrap(True)
        self.source = QLineEdit(self)
        self.source.setObjectName("restoreFile")
        self.passphrase = password_edit(self, "restorePassphrase")
        self.message = QLabel(self)
        self.message.setObjectName("restoreMessage")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Tệp sao lưu:"), _file_row(self, self.source, self._browse))
        form.addRow(tr("Mật khẩu sao lưu:"), self.passphrase)
        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton(tr("Khôi phục"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreButton")
        self.buttons.addButton(tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.restore)
        self.buttons.rejected.connect(self.reject)
        self.passphrase.returnPressed.connect(self.restore)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(560, 260)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("role", "error" if error else "")  # coloured by the app style sheet
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, tr("Chọn bản sao lưu"), str(self.root / "backups"),
                                                    tr("Bản sao lưu (*.tocdsbak)"))
        if path:
            self.source.setText(path)

    def restore(self) -> None:
        source = self.source.text().strip()
        if not source:
            self._say(tr("Chưa chọn tệp sao lưu."), error=True)
            return
        self.restore_button.setEnabled(False)
        self._say(tr("Đang khôi phục…"))

        def done(info: backup.BackupInfo) -> None:
            self.passphrase.clear()
            self.restored.emit(info)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.restore_button.setEnabled(True)
            self._say(str(exc), error=True)

        self.tasks.write(restore.restore_backup, source, self.passphrase.text(), self.root, replace=True,
                         by_open_app=True, on_done=done, on_error=failed, owner=self)
