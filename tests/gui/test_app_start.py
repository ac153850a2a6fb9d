"""Start-up as a user meets it: first run shows the wizard, later runs the main window;
errors opening the data folder and uncaught exceptions are shown in Vietnamese."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop.gui.app import Application
from desktop.gui.crash import handle_exception
from desktop.gui.main_window import MainWindow
from desktop.gui.setup_wizard import SetupWizard


def start(qtbot, data_dir):
    app = Application(str(data_dir))
    with qtbot.waitSignal(app.ready, timeout=20000) as sig:
        app.start()
    qtbot.addWidget(sig.args[0])
    return app, sig.args[0]


def test_first_run_opens_the_wizard(qtbot, data_dir):
    app, window = start(qtbot, data_dir)
    assert isinstance(window, SetupWizard)
    app.shutdown()


def test_configured_folder_opens_the_main_window(qtbot, app_ctx, data_dir):
    app, window = start(qtbot, data_dir)
    assert isinstance(window, MainWindow)
    assert "Phường Cầu Giấy" in window.windowTitle()
    app.shutdown()


def test_unopenable_folder_shows_vietnamese_message(qtbot, data_dir, monkeypatch):
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    app = Application(str(data_dir))
    with qtbot.waitSignal(app.failed, timeout=20000) as sig:
        app.start()
    assert "kho khóa bảo mật" in sig.args[0]
    assert isinstance(app.window, QMessageBox) and app.window.isVisible()
    app.window.done(0)
    app.shutdown()


def test_uncaught_exception_is_logged_and_shown(qtbot, app_ctx, tmp_path, caplog):
    try:
        raise RuntimeError("lỗi thử")
    except RuntimeError as exc:
        handle_exception(RuntimeError, exc, exc.__traceback__, "/tmp/tocds.log")
    from PySide6.QtWidgets import QApplication

    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "crashDialog" and w.isVisible()]
    assert boxes, "no crash dialog shown"
    assert "Dữ liệu đã lưu không bị mất" in boxes[0].text()
    assert any("lỗi thử" in r.getMessage() for r in caplog.records)
    boxes[0].done(0)
