"""Restoring another laptop's backup in the backup dialog says this laptop must enrol again."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.e2e.sync_harness import open_laptop
from tests.gui.helpers import show_active
from tests.unit.people_helpers import staff


def test_restored_backup_of_a_synced_laptop_asks_to_enrol_again(qtbot, gui_ctx, tmp_path):
    from desktop.gui.people.backup_dialog import BackupDialog
    from desktop.services.people import backup
    from desktop.services.sync.service import sync_status
    from desktop.store.models.sync import SyncState

    other = open_laptop(tmp_path / "other")
    try:  # a laptop that synced with the central server
        with other.store.write(actor="sync", applying_remote=True) as s:
            s.add(SyncState(id=1, ward_code="00166", server_url="https://dongbo.hanoi.gov.vn", device_id="dev-other"))
        backup.create_backup(other, tmp_path / "other.tocdsbak", "mat-khau-sao-luu")
    finally:
        other.close()
    staff(gui_ctx.app)  # the admin is signed in here
    dialog = BackupDialog(gui_ctx)
    show_active(qtbot, dialog)
    dialog.source.setText(str(tmp_path / "other.tocdsbak"))
    qtbot.keyClicks(dialog.restore_pass, "mat-khau-sao-luu")
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.confirm_box.isVisible())
    dialog.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: "Đã khôi phục" in dialog.message.text(), timeout=20000)
    assert "Máy này chưa được đăng ký đồng bộ" in dialog.message.text()
    dialog.grab().save("/tmp/shots/restore_enrol_note.png")
    st = sync_status(gui_ctx.app)
    assert (st["enrolled"], st["device_id"], st["server_url"]) == (False, "", "https://dongbo.hanoi.gov.vn")
