"""One app per data folder, one sync at a time across processes, and a log that rotates while another
process holds it (#23 item 5). The other process is a real one: a Python child holding the lock."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.folder_lock import APP_INFO, SYNC_LOCK, FolderLock, app_holder
from desktop.services.people import backup, restore
from desktop.services.sync.service import SyncFailed, sync_slot
from tests.conftest import REPO

PASS = "mat-khau-sao-luu-2026"


class OtherProcess:
    """A child process that takes `FolderLock(path)` and keeps it until it is ended."""

    def __init__(self, path: Path, program: str):
        code = textwrap.dedent(f"""
            import sys
            from pathlib import Path
            from desktop.folder_lock import FolderLock
            lock = FolderLock(Path({str(path)!r}), {program!r})
            print("held" if lock.acquire() else "busy", flush=True)
            sys.stdin.read()
        """)
        env = dict(os.environ, PYTHONPATH=str(REPO))
        self.proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True, env=env)
        assert self.proc.stdout.readline().strip() == "held"

    def kill(self) -> None:
        """Ended as by a crash or a power cut: nothing is cleaned up."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(30)
        self.proc.stdin.close()
        self.proc.stdout.close()


def test_a_sync_while_another_process_syncs_is_refused_with_who(tmp_path):
    other = OtherProcess(tmp_path / SYNC_LOCK, "tocds-cli sync")
    try:
        with pytest.raises(SyncFailed) as refused:
            with sync_slot(tmp_path, "background"):
                pass
        message = refused.value.message
        assert refused.value.kind == "busy"
        assert "tocds-cli sync" in message and socket.gethostname() in message and str(other.proc.pid) in message
    finally:
        other.kill()
    with sync_slot(tmp_path, "background"):  # its process is gone: the lock is free again (no stale lock)
        assert FolderLock(tmp_path / SYNC_LOCK, "").holder().pid == os.getpid()


def test_one_sync_at_a_time_in_one_process_too(tmp_path):
    with sync_slot(tmp_path):
        with pytest.raises(SyncFailed):
            with sync_slot(tmp_path):
                pass


@pytest.fixture
def made_backup(app_ctx, tmp_path):
    path = tmp_path / "b.tocdsbak"
    backup.create_backup(app_ctx, path, PASS)
    app_ctx.close()
    return app_ctx.folder.root, path


def test_a_command_never_restores_under_an_open_app(made_backup):
    root, path = made_backup
    before = (root / "tocds.db").read_bytes()
    app = OtherProcess(root / APP_INFO, "Tổ CĐS Desktop")
    try:
        holder = app_holder(root)
        assert holder is not None and holder.pid == app.proc.pid
        with pytest.raises(backup.BackupError, match="đang được mở bởi Tổ CĐS Desktop"):
            restore.restore_backup(path, PASS, root, replace=True)
    finally:
        app.kill()
    assert (root / "tocds.db").read_bytes() == before and not list((root / "backups").glob("pre-restore-*"))
    assert app_holder(root) is None  # the app is gone
    restore.restore_backup(path, PASS, root, replace=True)


def test_no_restore_while_a_sync_runs(made_backup):
    root, path = made_backup
    sync = OtherProcess(root / SYNC_LOCK, "tocds-cli sync")
    try:
        with pytest.raises(backup.BackupError, match="Đang có một lần đồng bộ"):
            restore.restore_backup(path, PASS, root, replace=True)
    finally:
        sync.kill()


@pytest.mark.skipif(shutil.which("chattr") is None, reason="needs chattr")
def test_the_log_goes_on_when_it_cannot_be_rotated(tmp_path):
    from desktop.logging_setup import setup_logging

    path = setup_logging(tmp_path / "logs")
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_tocds", False))
    handler.maxBytes, handler.ROTATION_RETRY = 300, 2000
    log = logging.getLogger("tocds.test")
    log.warning("first line")
    # Append-only (as root): appending works, renaming fails, as on Windows while another process has it open.
    if subprocess.run(["chattr", "+a", str(path)], capture_output=True).returncode != 0:
        pytest.skip("chattr +a not permitted here")
    try:
        for n in range(40):
            log.warning("dòng %02d của nhật ký", n)
        handler.flush()
        text = path.read_text(encoding="utf-8")
        assert all(f"dòng {n:02d}" in text for n in range(40)), "no line dropped"
        assert handler.failures == 0 and 1 <= handler.rotation_failures <= 3, "rotation not retried on every line"
        assert not (tmp_path / "logs" / "tocds.log.1").exists()
    finally:
        subprocess.run(["chattr", "-a", str(path)], check=True)
    for n in range(40):
        log.warning("sau đó %02d", n)
    handler.flush()
    assert (tmp_path / "logs" / "tocds.log.1").exists(), "rotation works again once the file is free"
    logging.getLogger().removeHandler(handler)
    handler.close()
