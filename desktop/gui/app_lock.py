"""One app per data folder: Qt's QLockFile in the folder, and beside it who holds it (for the message).

A lock whose process is gone (a crash, a power cut) is stale: QLockFile removes it when its process is
no longer running on this machine, and the system drops the FolderLock beside it by itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from desktop.folder_lock import APP_INFO, APP_LOCK, FolderLock, Holder
from desktop.gui.i18n import tr


class AppLock:
    def __init__(self, root: Path):
        self.root = Path(root)
        self._qt = QLockFile(str(self.root / APP_LOCK))
        self._qt.setStaleLockTime(0)  # never stale by age: only when its process is gone
        self._info = FolderLock(self.root / APP_INFO, "Tổ CĐS Desktop")

    def acquire(self) -> str | None:
        """None when this app now has the folder; else a message for people saying who has it."""
        if self._qt.tryLock(0):
            self._info.acquire()  # who has it, for the other side's message (the QLockFile is the rule)
            return None
        holder = self._info.holder()
        if not holder.pid:
            found, pid, host, program = self._qt.getLockInfo()
            holder = Holder(host=host, pid=pid, program=program) if found else Holder()
        return tr("Thư mục dữ liệu {path} đang được mở bởi {holder}. Mỗi thư mục dữ liệu chỉ mở được bằng một "
                  "ứng dụng một lúc: hãy dùng cửa sổ đang mở (hoặc đóng nó) rồi mở lại.").format(
            path=self.root, holder=holder.describe())

    def release(self) -> None:
        self._info.release()
        if self._qt.isLocked():
            self._qt.unlock()
