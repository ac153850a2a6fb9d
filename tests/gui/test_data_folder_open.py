"""Opening a data folder (#23 items 4, 5, 11): one app per folder with who has it, a stale lock recovered,
"Khôi phục từ bản sao lưu" when the key is lost, and a folder on a network drive refused."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap

from PySide6.QtWidgets import QMessageBox, QPushButton

from desktop.gui.app import Application
from desktop.gui.main_window import MainWindow
from desktop.services.people import backup
from desktop.store import keys
from tests.conftest import REPO

PASS = "mat-khau-sao-luu-2026"


def opened(qtbot, data_dir) -> tuple[Application, object]:
    app = Application(str(data_dir))
    with qtbot.waitSignal(app.ready, timeout=30000) as sig:
        app.start()
    qtbot.addWidget(sig.args[0])
    return app, sig.args[0]


def refused(qtbot, data_dir) -> tuple[Application, str]:
    app = Application(str(data_dir))
    with qtbot.waitSignal(app.failed, timeout=30000) as sig:
        app.start()
    assert isinstance(app.window, QMessageBox) and app.window.isVisible()
    return app, sig.args[0]


def test_a_second_app_on_the_same_folder_is_told_who_has_it(qtbot, app_ctx, data_dir):
    app_ctx.close()
    first, _window = opened(qtbot, data_dir)
    second, message = refused(qtbot, data_dir)
    assert "đang được mở bởi Tổ CĐS Desktop" in message
    assert socket.gethostname() in message and str(os.getpid()) in message
    second.window.done(0)
    second.shutdown()
    first.shutdown()
    third, window = opened(qtbot, data_dir)  # closed: the folder opens again
    assert isinstance(window, MainWindow)
    third.shutdown()


def test_a_lock_left_by_a_killed_app_is_recovered(qtbot, app_ctx, data_dir):
    app_ctx.close()
    code = textwrap.dedent(f"""
        from PySide6.QtCore import QLockFile
        lock = QLockFile({str(data_dir / "tocds.lock")!r})
        lock.setStaleLockTime(0)
        print("held" if lock.tryLock(0) else "busy", flush=True)
        input()
    """)
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                             env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert child.stdout.readline().strip() == "held"
    child.send_signal(signal.SIGKILL)  # a crash or a power cut: the lock file stays behind
    child.wait(30)
    child.stdin.close()
    child.stdout.close()
    assert (data_dir / "tocds.lock").exists()
    app, window = opened(qtbot, data_dir)
    assert isinstance(window, MainWindow)
    app.shutdown()


def test_a_lost_key_is_restored_from_a_backup_in_the_app(qtbot, app_ctx, data_dir, tmp_path):
    from desktop.services.residents import residents

    residents.register_resident(app_ctx, residents.ResidentInput(full_name="Nguyễn Thị Khôi Phục", birth_year=1970,
                                                                 consent_given=True), confirmed_warnings=True)
    path = tmp_path / "sao-luu.tocdsbak"
    backup.create_backup(app_ctx, path, PASS)
    app_ctx.close()
    keys.delete_secret(keys.db_key_name(app_ctx.folder.key_id))  # the Windows password was reset, say

    app, message = refused(qtbot, data_dir)
    assert "Khôi phục từ bản sao lưu" in message
    button = app.window.findChild(QPushButton, "restoreFromBackup")
    assert button is not None and button.isVisible()
    button.click()
    dialog = app.window
    assert dialog.objectName() == "restoreFromBackupDialog" and dialog.isVisible()
    dialog.source.setText(str(path))
    dialog.passphrase.setText("mat-khau-sai-roi")
    with qtbot.waitSignal(app.tasks.busy_changed, timeout=30000, check_params_cb=lambda n: n == 0):
        dialog.restore_button.click()
    assert "Mật khẩu sao lưu không đúng" in dialog.message.text() and dialog.isVisible()
    dialog.passphrase.setText(PASS)
    with qtbot.waitSignal(app.ready, timeout=60000) as sig:
        dialog.restore_button.click()
    window = sig.args[0]
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow) and "Phường Cầu Giấy" in window.windowTitle()
    assert residents.count_residents(window.gui.app) == 1
    assert list((data_dir / "backups").glob("pre-restore-*.db")), "the unreadable data is kept aside"
    app.shutdown()


def test_a_data_folder_on_a_network_share_is_refused(qtbot, tmp_path, monkeypatch):
    from desktop import network_drive

    table = tmp_path / "mounts"
    table.write_text(f"/dev/vda / ext4 rw 0 0\n//nas/phuong {tmp_path / 'share'} cifs rw 0 0\n", encoding="utf-8")
    monkeypatch.setattr(network_drive, "MOUNTS_FILE", str(table))
    app, message = refused(qtbot, tmp_path / "share" / "tocds")
    assert "nằm trên ổ mạng (cifs)" in message and not (tmp_path / "share").exists()
    assert app.window.findChild(QPushButton, "restoreFromBackup") is None
    app.window.done(0)
    app.shutdown()
