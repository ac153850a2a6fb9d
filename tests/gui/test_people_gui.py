"""Sign-in, quick switch, idle auto-lock hiding everything, operator admin, audit viewer, backups."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMessageBox

from desktop.core.permissions import Role
from desktop.gui.people.audit_viewer import AuditViewer
from desktop.gui.people.backup_dialog import BackupDialog
from desktop.gui.people.idle_lock import install_idle_lock
from desktop.gui.people.operators_dialog import OperatorsDialog
from desktop.gui.people.sign_in import SignInDialog
from desktop.services.people import audit, backup, operators
from tests.gui.helpers import show_active, type_text
from tests.unit.people_helpers import NAMES, PINS, PLANTED_NAME, plant_resident, staff


def _main_window_with_personal_data(qtbot) -> QMainWindow:
    window = QMainWindow()
    label = QLabel(f"{PLANTED_NAME} — 0987 654 329", window)
    label.setObjectName("personalLabel")
    window.setCentralWidget(label)
    window.resize(800, 500)
    show_active(qtbot, window)
    return window


def test_first_run_creates_the_admin(qtbot, gui_ctx):
    dialog = SignInDialog(gui_ctx)
    show_active(qtbot, dialog)
    panel = dialog.panel
    qtbot.waitUntil(lambda: panel.first_run and panel.name.isVisible())
    type_text(qtbot, panel.name, "Ngô Quản Trị")
    qtbot.keyClicks(panel.secret, "matkhau-quantri")
    qtbot.keyClicks(panel.confirm, "matkhau-khac")
    qtbot.keyClick(panel.confirm, Qt.Key.Key_Return)
    assert "không khớp" in panel.error.text()
    panel.confirm.clear()
    qtbot.keyClicks(panel.confirm, "matkhau-quantri")
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        qtbot.keyClick(panel.confirm, Qt.Key.Key_Return)
    assert gui_ctx.app.actor == "Ngô Quản Trị"
    assert operators.current(gui_ctx.app).role == "quan_tri"


def test_sign_in_wrong_pin_then_switch(qtbot, gui_ctx):
    ids = staff(gui_ctx.app)
    dialog = SignInDialog(gui_ctx, switching=True)
    show_active(qtbot, dialog)
    panel = dialog.panel
    qtbot.waitUntil(lambda: panel.operator.count() == 4)
    panel.operator.setCurrentIndex(panel.operator.findData(ids[Role.POLICE]))
    qtbot.keyClicks(panel.secret, "000000")
    qtbot.keyClick(panel.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "không đúng" in panel.error.text(), timeout=10000)
    assert gui_ctx.app.actor == NAMES[Role.ADMIN], "a wrong PIN changes nobody"
    qtbot.keyClicks(panel.secret, PINS[Role.POLICE])
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        qtbot.keyClick(panel.secret, Qt.Key.Key_Return)
    assert gui_ctx.app.actor == NAMES[Role.POLICE]
    qtbot.waitUntil(lambda: audit.query_unchecked(gui_ctx.app, action="sign_in")[0].actor == NAMES[Role.POLICE])


def test_idle_lock_hides_everything_until_sign_in(qtbot, gui_ctx):
    ids = staff(gui_ctx.app)
    operators.sign_in(gui_ctx.app, ids[Role.VOLUNTEER], PINS[Role.VOLUNTEER])
    from desktop.gui.appearance import appearance_for

    appearance_for(gui_ctx)  # the app's style sheet, as the running app has it (the overlay's colours live there)
    window = _main_window_with_personal_data(qtbot)
    other = QDialog(window)
    other.setWindowTitle("chi tiết cư dân")
    other.show()
    lock = install_idle_lock(window, gui_ctx, interval_ms=300)
    # Activity postpones the lock.
    qtbot.mouseMove(window.centralWidget())
    assert not lock.is_locked
    with qtbot.waitSignal(lock.locked, timeout=5000):
        pass
    overlay = lock.overlay
    assert overlay.isVisible() and overlay.geometry() == window.rect()
    assert not other.isVisible(), "other windows are hidden while locked"
    qtbot.waitUntil(lambda: operators.current(gui_ctx.app) is None, timeout=5000)
    assert gui_ctx.app.actor == ""
    # Nothing personal is on screen: the overlay is opaque and covers the window.
    image = window.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 40) for y in range(0, image.height(), 40)}
    assert "#1f2d3d" in colours
    assert window.centralWidget().visibleRegion().isEmpty() or overlay.geometry().contains(window.centralWidget().geometry())
    # Shortcuts behind the overlay do nothing.
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    panel = overlay.panel
    qtbot.waitUntil(lambda: panel.operator.count() == 4)
    panel.operator.setCurrentIndex(panel.operator.findData(ids[Role.TEAM_LEAD]))
    qtbot.keyClicks(panel.secret, PINS[Role.TEAM_LEAD])
    with qtbot.waitSignal(lock.unlocked, timeout=10000):
        qtbot.keyClick(panel.secret, Qt.Key.Key_Return)
    assert not overlay.isVisible() and other.isVisible()
    assert gui_ctx.app.actor == NAMES[Role.TEAM_LEAD], "signing in on the lock screen is the quick switch"
    actions = [e.action for e in audit.query_unchecked(gui_ctx.app, limit=3)]
    assert actions[:2] == ["sign_in", "lock"]
    lock.remove()


def test_idle_timer_of_a_closed_window_signs_nobody_out(qtbot, gui_ctx):
    """The window was closed (the app quits): its idle timer stops watching instead of signing out
    through a context that may be closed already."""
    ids = staff(gui_ctx.app)
    operators.sign_in(gui_ctx.app, ids[Role.VOLUNTEER], PINS[Role.VOLUNTEER])
    window = _main_window_with_personal_data(qtbot)
    lock = install_idle_lock(window, gui_ctx, interval_ms=200)
    window.close()
    with qtbot.waitSignal(lock.timer.timeout, timeout=5000):
        pass
    assert not lock.is_locked and operators.current(gui_ctx.app) is not None
    window.show()  # shown again (not in the app today): input restarts the timer, and it locks as before
    qtbot.keyClick(window, Qt.Key.Key_Shift)
    with qtbot.waitSignal(lock.locked, timeout=5000):
        pass
    qtbot.waitUntil(lambda: operators.current(gui_ctx.app) is None, timeout=5000)  # the sign-out is written
    lock.remove()


def test_lock_now_with_ctrl_l(qtbot, gui_ctx):
    staff(gui_ctx.app)
    window = _main_window_with_personal_data(qtbot)
    lock = install_idle_lock(window, gui_ctx)
    assert lock.timer.interval() == 5 * 60_000, "default from the idle_lock_minutes setting"
    with qtbot.waitSignal(lock.locked, timeout=3000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert lock.overlay.isVisible()
    lock.remove()


def test_operator_admin_dialog(qtbot, gui_ctx):
    staff(gui_ctx.app)
    dialog = OperatorsDialog(gui_ctx)
    show_active(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 4)
    type_text(qtbot, dialog.name, "Vũ Thị Mới")
    dialog.role.setCurrentIndex(dialog.role.findData("cong_an"))
    qtbot.keyClicks(dialog.secret, "12")
    qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "6 đến 12 chữ số" in dialog.message.text(), timeout=10000)
    qtbot.keyClicks(dialog.secret, "3456")
    qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 5, timeout=10000)
    names = [dialog.table.item(r, 0).text() for r in range(5)]
    row = names.index("Vũ Thị Mới")
    assert dialog.table.item(row, 1).text() == "Công an / Tổ công tác 06"
    dialog.table.selectRow(row)
    dialog.deactivate_button.click()
    qtbot.waitUntil(lambda: dialog.table.item(row, 3).text() == "Đã vô hiệu hóa", timeout=10000)


def test_operator_dialog_refuses_a_volunteer(qtbot, gui_ctx):
    ids = staff(gui_ctx.app)
    operators.sign_in(gui_ctx.app, ids[Role.VOLUNTEER], PINS[Role.VOLUNTEER])
    dialog = OperatorsDialog(gui_ctx)
    show_active(qtbot, dialog)
    type_text(qtbot, dialog.name, "Kẻ Lạ")
    qtbot.keyClicks(dialog.secret, "123456")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: "không được phép" in dialog.message.text(), timeout=10000)


def test_audit_viewer_filters_and_chain_check(qtbot, gui_ctx):
    ids = staff(gui_ctx.app)
    rid = plant_resident(gui_ctx.app)
    from desktop.services.people import privacy

    privacy.reveal_identifier(gui_ctx.app, rid, "cccd")
    viewer = AuditViewer(gui_ctx)
    show_active(qtbot, viewer)
    total = audit.count(gui_ctx.app)
    qtbot.waitUntil(lambda: viewer.table.rowCount() == total)
    viewer.action.setCurrentIndex(viewer.action.findData("reveal"))
    qtbot.waitUntil(lambda: viewer.table.rowCount() == 1)
    assert viewer.table.item(0, 3).text() == "Xem số đầy đủ"
    assert PLANTED_NAME not in viewer.table.item(0, 5).text()
    viewer.verify_button.click()
    qtbot.waitUntil(lambda: "liền mạch" in viewer.status.text())
    operators.sign_in(gui_ctx.app, ids[Role.VOLUNTEER], PINS[Role.VOLUNTEER])
    viewer.refresh()
    qtbot.waitUntil(lambda: "không được phép" in viewer.status.text())


def test_backup_dialog_makes_and_restores(qtbot, gui_ctx, tmp_path):
    staff(gui_ctx.app)
    rid = plant_resident(gui_ctx.app)
    dialog = BackupDialog(gui_ctx)
    show_active(qtbot, dialog)
    qtbot.waitUntil(lambda: "Chưa bật" in dialog.auto_status.text())
    out = tmp_path / "booth.tocdsbak"
    dialog.out.setText(str(out))
    qtbot.keyClicks(dialog.passphrase, "mat-khau-sao-luu")
    qtbot.keyClicks(dialog.confirm, "mat-khau-sao-luu")
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Đã tạo bản sao lưu" in dialog.message.text(), timeout=20000)
    assert out.exists()
    qtbot.keyClicks(dialog.auto_pass, "mat-khau-tu-dong")
    dialog.auto_button.click()
    qtbot.waitUntil(lambda: "Đã bật" in dialog.auto_status.text(), timeout=10000)
    assert backup.stored_passphrase(gui_ctx.app) == "mat-khau-tu-dong"
    from desktop.services.residents import residents

    residents.delete_resident(gui_ctx.app, rid)
    dialog.source.setText(str(out))
    qtbot.keyClicks(dialog.restore_pass, "mat-khau-sao-luu")
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.confirm_box.isVisible())
    dialog.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: "Đã khôi phục" in dialog.message.text(), timeout=20000)
    assert residents.get_resident(gui_ctx.app, rid).full_name == PLANTED_NAME


def test_install_people_starts_on_the_sign_in_screen(qtbot, gui_ctx):
    from desktop.gui.people.hook import install_people

    staff(gui_ctx.app)
    operators.sign_out(gui_ctx.app)
    window = _main_window_with_personal_data(qtbot)
    hook = install_people(window, gui_ctx, auto_backup=False)
    qtbot.waitUntil(lambda: hook.lock.is_locked and hook.lock.overlay.isVisible())
    assert {"switch", "lock", "operators", "audit", "backup"} <= set(hook.actions)
    panel = hook.lock.overlay.panel
    qtbot.waitUntil(lambda: panel.operator.count() == 4)
    panel.operator.setCurrentIndex(panel.operator.findData(next(o.id for o in operators.list_operators(gui_ctx.app)
                                                                 if o.name == NAMES[Role.VOLUNTEER])))
    qtbot.keyClicks(panel.secret, PINS[Role.VOLUNTEER])
    with qtbot.waitSignal(hook.lock.unlocked, timeout=10000):
        qtbot.keyClick(panel.secret, Qt.Key.Key_Return)
    assert gui_ctx.app.actor == NAMES[Role.VOLUNTEER]
    hook.lock.remove()


def test_consent_box_shows_the_wording_and_gives_its_version(qtbot):
    from desktop.gui.people.consent import ConsentBox
    from desktop.services.people import privacy

    box = ConsentBox()
    show_active(qtbot, box)
    assert box.text.text() == privacy.current_consent().text
    assert box.values() == (False, "")
    box.check.setFocus()
    qtbot.keyClick(box.check, Qt.Key.Key_Space)
    assert box.values() == (True, privacy.CURRENT_CONSENT_VERSION)
    box.set_values(False, "")
    assert box.values() == (False, "")


def test_app_starts_on_the_sign_in_screen_once_operators_exist(qtbot, app_ctx, data_dir):
    from desktop.gui.app import Application

    staff(app_ctx)
    app = Application(str(data_dir))
    with qtbot.waitSignal(app.ready, timeout=20000) as sig:
        app.start()
    window = sig.args[0]
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.idle_lock.is_locked and window.idle_lock.overlay.isVisible())
    assert app.gui.app.actor == ""
    app.shutdown()


def test_idle_lock_minutes_from_settings_apply_at_once_and_zero_turns_it_off(qtbot, gui_ctx):
    from desktop.gui.settings_page import SettingsPage

    window = _main_window_with_personal_data(qtbot)
    lock = install_idle_lock(window, gui_ctx)
    page = SettingsPage(gui_ctx, window)
    window.setCentralWidget(page)
    page.idle_lock.setValue(2)
    assert page.save()
    assert lock.timer.interval() == 2 * 60_000 and lock.timer.isActive()
    page.idle_lock.setValue(0)
    assert page.save()
    assert not lock.timer.isActive(), "0 means the app never locks by itself"
    qtbot.mouseMove(window)  # activity does not start it again
    assert not lock.timer.isActive()
    with qtbot.waitSignal(lock.locked, timeout=3000):  # Ctrl+L still locks at once
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    lock.remove()


def test_destroying_the_window_leaves_no_dangling_slot(qtbot, gui_ctx):
    """The lock is the window's child: destroying the window must not call into the deleted lock
    (PySide: "Slot 'IdleLock::' not found", raised in the event loop of whichever test runs next)."""
    window = QMainWindow()
    install_idle_lock(window, gui_ctx)
    window.show()
    with qtbot.waitSignal(window.destroyed, timeout=3000):
        window.deleteLater()
