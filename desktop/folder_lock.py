"""Locks in the data folder that hold across processes: the app, a scheduled `tocds-cli sync`, a restore.

`FolderLock` is an operating-system file lock (flock on POSIX, a byte-range lock on Windows) on a
file in the data folder. The system drops it when its process ends, however it ends, so a lock left
by a crash or a power cut never stands in the way (a stale lock recovers by itself). The file also
says who took it (host, user, pid, since), for the message the other process shows.

The app itself holds Qt's QLockFile (`APP_LOCK`, desktop/gui/app_lock.py) and, beside it, a FolderLock
(`APP_INFO`) that says who has it open and that `app_holder()` reads without Qt, so a command such as
`tocds-cli restore --replace` never replaces the files of an open app.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from desktop.core.i18n import _

SYNC_LOCK = "sync.lock"  # held while a sync (the app's or a scheduled command's) or a restore runs
APP_LOCK = "tocds.lock"  # the open app's QLockFile (desktop/gui/app_lock.py)
APP_INFO = "tocds.lock.json"  # beside it, held by the app too: who has it open, readable without Qt
_WINDOWS_LOCK_OFFSET = 1 << 20  # the byte locked on Windows: past the text, which others must read


@dataclass(frozen=True)
class Holder:
    """Who holds a lock, for people."""

    host: str = ""
    user: str = ""
    pid: int = 0
    since: str = ""  # ISO time, UTC
    program: str = ""

    def describe(self) -> str:
        since = ""
        if self.since:
            try:
                since = datetime.fromisoformat(self.since).astimezone().strftime("%H:%M %d/%m/%Y")
            except ValueError:
                since = self.since
        return _("{program} của người dùng {user} trên máy {host} (tiến trình {pid}, từ {since})").format(
            program=self.program or "Tổ CĐS Desktop", user=self.user or "?", host=self.host or "?",
            pid=self.pid or "?", since=since or "?")


class FolderBusy(Exception):
    """Another process holds a lock of this data folder; the message is for people."""


@contextmanager
def holding(path: Path, program: str, refusal: str):
    """Hold the lock for the block; FolderBusy(refusal with {holder} filled) when another process has it."""
    lock = FolderLock(path, program)
    if not lock.acquire():
        raise FolderBusy(refusal.format(holder=lock.holder().describe()))
    try:
        yield lock
    finally:
        lock.release()


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (a service account)
        return ""


class FolderLock:
    """An exclusive lock on `path`, tried without waiting: `acquire()` is False while another holds it."""

    def __init__(self, path: Path, program: str):
        self.path = Path(path)
        self.program = program
        self._fh = None

    @property
    def held(self) -> bool:
        return self._fh is not None

    def acquire(self) -> bool:
        if self._fh is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+", encoding="utf-8")
        if not _lock(fh):
            fh.close()
            return False
        fh.seek(0)
        fh.truncate()
        json.dump({"host": socket.gethostname(), "user": current_user(), "pid": os.getpid(),
                   "since": datetime.now(timezone.utc).isoformat(timespec="seconds"), "program": self.program},
                  fh, ensure_ascii=False)
        fh.flush()
        self._fh = fh
        return True

    def release(self) -> None:
        fh, self._fh = self._fh, None
        if fh is not None:
            try:
                _unlock(fh)
            finally:
                fh.close()

    def holder(self) -> Holder:
        """Who holds it now, as the holder wrote it (fields left empty when unreadable)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            return Holder()
        if not isinstance(data, dict):
            return Holder()
        pid = data.get("pid")
        return Holder(str(data.get("host", "")), str(data.get("user", "")), pid if isinstance(pid, int) else 0,
                      str(data.get("since", "")), str(data.get("program", "")))

    def __enter__(self) -> "FolderLock":
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def _lock(fh) -> bool:
    if sys.platform == "win32":
        import msvcrt

        fh.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (BlockingIOError, PermissionError):
        return False
    return True


def _unlock(fh) -> None:
    if sys.platform == "win32":
        import msvcrt

        fh.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        return
    import fcntl

    fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def app_holder(root: Path) -> Holder | None:
    """Who has the app open on this data folder (None: nobody). Read from the app's `APP_INFO` lock,
    which the app holds beside its QLockFile."""
    probe = FolderLock(Path(root) / APP_INFO, "")
    if not probe.path.exists():
        return None
    if probe.acquire():
        probe.release()
        return None
    return probe.holder()
