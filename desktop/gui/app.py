"""`tocds`: open the app on a data folder (first-run wizard, then the main window)."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop import __version__
from desktop.core import i18n as core_i18n
from desktop.gui.context import ChangeBus, GuiContext
from desktop.gui.crash import install_excepthook
from desktop.gui.i18n import install_language, tr
from desktop.gui.worker import TaskRunner
from desktop.services.context import AppContext, open_context
from desktop.services.setup.ward_setup import WardInfo, ward_info

log = logging.getLogger(__name__)


def _restorable():
    from desktop.store.errors import DatabaseCorrupt, MissingKey, WrongKey

    return (MissingKey, WrongKey, DatabaseCorrupt)


def bootstrap(data_dir: str | None) -> tuple[AppContext, WardInfo | None]:
    """Off the UI thread: open (and migrate) the store, read the ward."""
    ctx = open_context(data_dir, actor=os.environ.get("TOCDS_ACTOR", ""))
    return ctx, ward_info(ctx)


def choose_language(ctx: AppContext | None) -> str:
    chosen = ctx.settings.get("language") if ctx else ""
    return chosen if chosen in core_i18n.LANGUAGES else core_i18n.detect_language()


class Application(QObject):
    """Starts the app: bootstrap in the background, then the wizard or the main window.

    `ready(window)` fires when an interactive window is on screen; `failed(message)`
    when the data folder cannot be opened (the message is already shown).
    """

    ready = Signal(QWidget)
    failed = Signal(str)
    quit_requested = Signal(int)  # exit code; main() ends the event loop with it

    def __init__(self, data_dir: str | None = None, parent: QObject | None = None, demo: int = 0):
        super().__init__(parent)
        self.data_dir = data_dir
        self.demo = demo  # residents of demo data to fill once on a fresh ward (--demo), 0 = none
        self.tasks = TaskRunner(self)
        self.bus = ChangeBus(self)
        self.gui: GuiContext | None = None
        self.window: QWidget | None = None
        self.wizard: QWidget | None = None
        self.lock = None  # AppLock: this app has the data folder (one app per folder)

    def start(self) -> None:
        install_language(choose_language(None))
        refusal = self._lock_folder()
        if refusal:
            self._show_open_error(refusal)
            return
        self._bootstrap()

    def _bootstrap(self) -> None:
        self.tasks.read(bootstrap, self.data_dir, on_done=self._opened, on_error=self._open_failed)

    def _lock_folder(self) -> str | None:
        """Take the data folder's app lock; the message when another app has it (None: ours, or no folder
        to lock yet: opening it then says what is wrong)."""
        from desktop.data_folder import DataFolder
        from desktop.gui.app_lock import AppLock

        from desktop.store.errors import StoreError

        try:
            root = DataFolder.resolve(self.data_dir).ensure().root  # a network drive is refused here, unmade
        except (OSError, RuntimeError, ValueError, StoreError):
            return None
        lock = AppLock(root)
        refusal = lock.acquire()
        if refusal is None:
            self.lock = lock
        return refusal

    def _opened(self, result: tuple[AppContext, WardInfo | None]) -> None:
        ctx, ward = result
        install_language(choose_language(ctx))
        self.gui = GuiContext(ctx, self.tasks, self.bus)
        install_excepthook(str(ctx.folder.logs / "tocds.log"))
        self.tasks.unhandled_error.connect(self._task_error)
        if ward is None:
            self._show_wizard()
        else:
            self._show_main(ward)

    def _open_failed(self, exc: BaseException) -> None:
        from desktop.data_folder import DataFolder
        from desktop.store.errors import describe

        try:  # a full disk, a damaged or busy database: said as such (which check failed, what to do)
            known = describe(exc, DataFolder.resolve(self.data_dir).root)
        except Exception:
            known = None
        message = str(known) if known is not None else (str(exc) or repr(exc))
        log.error("cannot open the data folder: %r", exc)
        self._show_open_error(message, restorable=isinstance(known, _restorable()))

    def _show_open_error(self, message: str, restorable: bool = False) -> None:
        """The message, with "Khôi phục từ bản sao lưu" when a backup is the way back (a lost or wrong key,
        a damaged file); closing it ends the app."""
        box = QMessageBox(QMessageBox.Icon.Critical, tr("Không mở được dữ liệu"), message)
        box.setObjectName("openErrorDialog")
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.button(QMessageBox.StandardButton.Close).setText(tr("Đóng"))
        restore = None
        if restorable:
            restore = box.addButton(tr("Khôi phục từ bản sao lưu"), QMessageBox.ButtonRole.ActionRole)
            restore.setObjectName("restoreFromBackup")
        box.finished.connect(lambda *_: self._open_error_closed(box, restore))
        self.window = box
        box.open()
        self.failed.emit(message)

    def _open_error_closed(self, box: QMessageBox, restore) -> None:
        if restore is not None and box.clickedButton() is restore:
            self._restore_from_backup(box)
        else:
            self.quit_requested.emit(1)

    def _restore_from_backup(self, box: QMessageBox) -> None:
        """Choose a backup and its passphrase; restored, the folder opens again; given up, the message is back."""
        from desktop.data_folder import DataFolder
        from desktop.gui.people.restore_dialog import RestoreFromBackupDialog

        dialog = RestoreFromBackupDialog(self.tasks, DataFolder.resolve(self.data_dir).root)
        dialog.restored.connect(lambda _info: self._bootstrap())
        dialog.rejected.connect(box.open)
        self.window = dialog
        dialog.open()

    def _show_wizard(self) -> None:
        from desktop.gui.setup_wizard import SetupWizard

        assert self.gui is not None
        wizard = SetupWizard(self.gui)
        wizard.completed.connect(self._show_main)
        wizard.rejected.connect(lambda: self.quit_requested.emit(0))
        self.wizard = wizard
        wizard.show()
        self.ready.emit(wizard)

    def _show_main(self, ward: WardInfo) -> None:
        from desktop.gui.main_window import MainWindow

        assert self.gui is not None
        window = MainWindow(self.gui, ward)
        from desktop.gui.people.hook import install_people  # sign-in, idle lock, menu "Bảo mật" (#8)

        install_people(window, self.gui)
        self.window = window
        window.show()
        if self.demo:
            from desktop.gui.outreach.demo_fill import fill_demo_once

            fill_demo_once(self.gui, self.demo)
        self.ready.emit(window)

    def _task_error(self, exc: BaseException) -> None:
        from desktop.gui.crash import show_error_dialog

        assert self.gui is not None
        show_error_dialog(exc, str(self.gui.app.folder.logs / "tocds.log"))

    def shutdown(self) -> None:
        for widget in (self.window, self.wizard):
            if widget is not None and widget.isVisible():
                widget.close()
        self.tasks.shutdown()
        if self.gui:
            self.gui.app.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tocds", description="Tổ CĐS Desktop")
    parser.add_argument("--version", action="version", version=f"tocds {__version__}")
    parser.add_argument("--data-dir", help="data folder (default: TOCDS_DATA_DIR or the user data folder)")
    parser.add_argument("--demo", nargs="?", type=int, const=500, default=0, metavar="N",
                        help="fill a freshly set-up ward with N demo residents (default 500)")
    args, _qt_args = parser.parse_known_args(argv[1:])
    return args


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv)
    from desktop.app_mutex import hold_app_mutex

    hold_app_mutex()  # the Windows installer waits while the app runs
    qapp = QApplication.instance() or QApplication(argv)
    qapp.setApplicationName("Tổ CĐS Desktop")
    qapp.setApplicationVersion(__version__)
    app = Application(args.data_dir, demo=args.demo)
    app.quit_requested.connect(qapp.exit)
    if os.environ.get("TOCDS_EXIT_WHEN_READY"):  # bundle checks and bench: report the first interactive window, quit
        app.ready.connect(lambda _window: (print("READY", flush=True), qapp.exit(0)))
    app.start()
    code = qapp.exec()
    app.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
