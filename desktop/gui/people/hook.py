"""One call wires people and privacy into the main window (for desktop/gui/app.py):

    from desktop.gui.people.hook import install_people
    install_people(window, gui)        # right after MainWindow(...) is built

It installs the idle lock, starts locked unless someone is signed in (the lock screen is the
sign-in screen; with no operator yet it creates the first admin), adds the menu "Bảo mật" (switch operator
Ctrl+Shift+U, lock Ctrl+L, operators, audit trail, backups) and the daily backup check.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.people.backup_dialog import install_auto_backup
from desktop.gui.people.idle_lock import IdleLock, install_idle_lock
from desktop.services.people import operators


@dataclass
class PeopleHook:
    lock: IdleLock
    actions: dict[str, QAction]


def install_people(window: QMainWindow, gui: GuiContext, *, start_locked: bool = True,
                   auto_backup: bool = True) -> PeopleHook:
    lock = install_idle_lock(window, gui)
    actions: dict[str, QAction] = {"lock": lock.lock_action}

    def add(key: str, text: str, shortcut: str | None, slot) -> None:
        action = QAction(text, window)
        action.setObjectName(f"people_{key}")
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        window.addAction(action)
        actions[key] = action

    def switch() -> None:
        from desktop.gui.people.sign_in import SignInDialog

        dialog = SignInDialog(gui, window, switching=True)
        dialog.open()
        window._people_dialog = dialog  # type: ignore[attr-defined]

    def open_dialog(factory):
        def run() -> None:
            dialog = factory(gui, window)
            dialog.open()
            window._people_dialog = dialog  # type: ignore[attr-defined]
        return run

    from desktop.gui.people.audit_viewer import AuditDialog
    from desktop.gui.people.backup_dialog import BackupDialog
    from desktop.gui.people.operators_dialog import OperatorsDialog

    add("switch", tr("Đổi người dùng"), "Ctrl+Shift+U", switch)
    add("operators", tr("Người dùng của máy"), None, open_dialog(OperatorsDialog))
    add("audit", tr("Nhật ký truy cập"), None, open_dialog(AuditDialog))
    add("backup", tr("Sao lưu và khôi phục"), None, open_dialog(BackupDialog))
    menu = window.menuBar().addMenu(tr("Bảo mật"))
    for key in ("switch", "lock", "operators", "audit", "backup"):
        menu.addAction(actions[key])
    if auto_backup:
        install_auto_backup(window, gui)
    if start_locked and operators.current(gui.app) is None:
        # Nobody signed in: start on the sign-in screen. With no operator yet (a data folder from
        # before operators existed, or `tocds-cli init` without --admin-name) the same screen asks
        # for the first admin, and nothing else can be done until there is one.
        lock.lock()
    return PeopleHook(lock, actions)
