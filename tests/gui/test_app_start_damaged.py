"""The app started on a damaged database says which check failed and to restore the latest backup
(no English SQLite message, no traceback)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop.gui.app import Application
from desktop.services.context import open_context
from desktop.services.setup.demo_data import build_demo_ward


def test_a_damaged_database_is_said_at_start(qtbot, data_dir):
    ctx = open_context(str(data_dir), actor="x")
    build_demo_ward(ctx, 400, seed=2)
    ctx.close()
    with open(data_dir / "tocds.db", "r+b") as fh:  # page 2: the schema's first pages
        fh.seek(4096 + 64)
        fh.write(b"\x00" * 256)
    app = Application(str(data_dir))
    with qtbot.waitSignal(app.failed, timeout=30000) as sig:
        app.start()
    message = sig.args[0]
    assert "bị hỏng" in message and "Không có thay đổi nào được lưu" in message and "khôi phục" in message
    assert "malformed" not in message.split("(")[0]
    assert isinstance(app.window, QMessageBox) and app.window.isVisible()
    app.window.done(0)
    app.shutdown()
