"""A child process for test_high_contrast.py: the set-up wizard (which had a style sheet of its own
on its error line) is shown, closed and deleted, then high contrast is switched on and off as
"Lưu" in Settings does.

Before issue 17's fix this died with SIGSEGV in QApplication::setStyleSheet (libQt6Widgets): the
style was replaced under the live app style sheet on every apply. Prints "SURVIVED" at the end.
Usage: high_contrast_crash_script.py DATA_DIR [ROUNDS]
"""

from __future__ import annotations

import faulthandler
import sys

faulthandler.enable()

from PySide6.QtCore import QEventLoop  # noqa: E402 - after faulthandler, to see a crash in Qt
from PySide6.QtWidgets import QApplication  # noqa: E402


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    app.sendPostedEvents(None, 0)  # deleteLater included


def main() -> None:
    app = QApplication(sys.argv[:1])
    from desktop.gui.appearance import appearance_for
    from desktop.gui.context import ChangeBus, GuiContext
    from desktop.gui.setup_wizard import SetupWizard
    from desktop.gui.worker import TaskRunner
    from desktop.services.context import open_context

    ctx = open_context(sys.argv[1], actor="Người kiểm thử")
    tasks = TaskRunner()
    gui = GuiContext(ctx, tasks, ChangeBus())
    appearance = appearance_for(gui)
    for round_ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 4):
        wizard = SetupWizard(gui)
        wizard.show()
        settle(app)
        wizard.close()
        wizard.deleteLater()
        settle(app)
        appearance.set_high_contrast(round_ % 2 == 0)
        print("ROUND", round_, flush=True)
    tasks.shutdown()
    ctx.close()
    print("SURVIVED", flush=True)


if __name__ == "__main__":
    main()
