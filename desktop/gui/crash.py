"""Uncaught exceptions: logged, shown in a Vietnamese dialog; nothing already saved is lost.

Saved data is safe by construction: every write commits in its own transaction on the
writer thread, so an exception in the UI never leaves a half-written record.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.gui.i18n import tr

log = logging.getLogger("tocds.crash")
_open_dialogs: list[QMessageBox] = []  # parentless dialogs live until closed


def show_error_dialog(exc: BaseException, log_path: str = "") -> QMessageBox:
    box = QMessageBox(QApplication.activeWindow())
    box.setObjectName("crashDialog")
    box.setIcon(QMessageBox.Icon.Critical)
    known = _store_problem(exc, log_path)
    box.setWindowTitle(tr("Không thực hiện được") if known else tr("Lỗi không mong muốn"))
    box.setText(known or
        tr("Đã xảy ra lỗi không mong muốn. Dữ liệu đã lưu không bị mất; bạn có thể tiếp tục làm việc.")
    )
    detail = tr("Chi tiết đã được ghi vào nhật ký: {path}").format(path=log_path) if log_path else ""
    box.setInformativeText(detail)
    box.setDetailedText("".join(traceback.format_exception_only(type(exc), exc)))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText(tr("Đóng"))
    _open_dialogs.append(box)
    box.finished.connect(lambda *_: _open_dialogs.remove(box) if box in _open_dialogs else None)
    box.open()  # not modal-blocking: the event loop (and the writer) keep running
    return box


def _store_problem(exc: BaseException, log_path: str) -> str:
    """A full disk, a damaged or busy database…: its own message (store.errors), else ""."""
    from pathlib import Path

    from desktop.store.errors import describe

    root = Path(log_path).parent.parent if log_path else Path.cwd()
    try:
        known = describe(exc, root)
    except Exception:
        return ""
    return str(known) if known is not None else ""


def handle_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, log_path: str = "") -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.error("uncaught exception:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
    if QApplication.instance() is not None:
        show_error_dialog(exc, log_path)


def install_excepthook(log_path: str) -> None:
    sys.excepthook = lambda t, e, tb: handle_exception(t, e, tb, log_path)
