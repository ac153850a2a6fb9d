"""A named Windows mutex held while `tocds` or `tocds-cli` runs.

The installer (build/windows/tocds.iss, AppMutex) checks it, so an update or an uninstall does
not replace files under a running app or a scheduled sync. Elsewhere this does nothing.
"""

from __future__ import annotations

import sys

MUTEX_NAME = "TocdsDesktopRunning"
_held: list[int] = []  # handles stay open for the life of the process


def hold_app_mutex() -> None:
    if sys.platform != "win32" or _held:
        return
    import ctypes

    create = ctypes.windll.kernel32.CreateMutexW  # type: ignore[attr-defined]
    create.restype = ctypes.c_void_p
    for name in (MUTEX_NAME, "Global\\" + MUTEX_NAME):  # this session, and other users' sessions
        handle = create(None, False, name)
        if handle:
            _held.append(handle)
