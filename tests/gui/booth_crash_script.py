"""Run by tests/gui/test_booth_crash.py in a subprocess: a booth flow that gets SIGKILLed.

Prints "SAVED <step>" (flushed) only after the booth reports the step stored, then
ticks one more step and keeps running until killed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def wait(signal, timeout_ms: int = 20000):
    loop = QEventLoop()
    got = []
    signal.connect(lambda *a: (got.append(a), loop.quit()))
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    if not got:
        raise SystemExit(f"timed out waiting for {signal}")
    return got[0]


def main(data_dir: str) -> None:
    from desktop.gui.context import ChangeBus, GuiContext
    from desktop.gui.outreach.booth import BoothWindow
    from desktop.gui.worker import TaskRunner
    from desktop.services.context import open_context
    from desktop.services.residents.residents import ResidentInput, register_resident
    from desktop.services.setup.ward_setup import initialize_ward

    app = QApplication(sys.argv[:1])
    ctx = open_context(data_dir, actor="Tình nguyện viên ca sáng")
    initialize_ward(ctx, "00166", "Tổ CĐS", ["Tổ dân phố số 1"])
    rid = register_resident(ctx, ResidentInput(full_name="Đỗ Văn Kiên", phone="0913579246", birth_year=1965)).id
    print(f"RESIDENT {rid}", flush=True)
    gui = GuiContext(ctx, TaskRunner(), ChangeBus())
    booth = BoothWindow(gui)
    booth.show()
    QTest.keyClicks(booth.focusWidget(), "9246")
    wait(booth.find.search.results_shown)
    QTest.keyClick(booth.focusWidget(), Qt.Key.Key_Return)
    (sid,) = wait(booth.session_started)
    print(f"SESSION {sid}", flush=True)
    for n in ("1", "2", "3"):
        QTest.keyClick(booth.focusWidget(), n)
        step, _reached = wait(booth.step_saved)
        print(f"SAVED {step}", flush=True)
    QTest.keyClick(booth.focusWidget(), "4")  # in flight when the kill comes (or not): either is fine
    print("WAITING", flush=True)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1])
