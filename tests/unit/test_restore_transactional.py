"""Restore is all or nothing (#23 item 6): work paused and connections closed first, every move undone when
one fails, and the open app never reopens onto a missing database.

Nothing on Linux refuses to move a folder the way Windows does while a video in it plays, so the one
`os.replace` that moves the attachments is made to raise PermissionError (WinError 32's errno).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.core.permissions import Role
from desktop.services.context import open_context
from desktop.services.people import backup, restore
from desktop.store.errors import DatabaseMissing
from desktop.store.models import Resident
from tests.unit.people_helpers import as_role, plant_resident, staff

PASS = "mat-khau-sao-luu-2026"


@pytest.fixture
def lead(app_ctx, tmp_path):
    """A backup with one resident and a photo; then a second resident and a second photo (the data now)."""
    ids = staff(app_ctx)
    plant_resident(app_ctx)
    (app_ctx.folder.attachments / "ab").mkdir()
    (app_ctx.folder.attachments / "ab" / "photo.jpg").write_bytes(b"\xff\xd8 in the backup")
    path = tmp_path / "b.tocdsbak"
    backup.create_backup(app_ctx, path, PASS)
    from desktop.services.residents import residents

    residents.register_resident(app_ctx, residents.ResidentInput(full_name="Trần Văn Sau", birth_year=1980,
                                                                 consent_given=True), confirmed_warnings=True)
    (app_ctx.folder.attachments / "cd").mkdir()
    (app_ctx.folder.attachments / "cd" / "video.mp4").write_bytes(b"made after the backup")
    as_role(app_ctx, ids, Role.TEAM_LEAD)
    return app_ctx, path


def _count(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Resident))


def _failing_replace(monkeypatch, when):
    """The first move that `when` picks fails (the moves undoing the restore then go through)."""
    real = os.replace
    failed: list[bool] = []

    def replace(src, dst, *args, **kwargs):
        if not failed and when(Path(src), Path(dst)):
            failed.append(True)
            raise PermissionError(13, "The process cannot access the file because it is being used by another process",
                                  str(src))
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


@pytest.mark.parametrize("step", ["old attachments aside", "new attachments in"])
def test_a_failed_attachments_move_leaves_the_old_data_in_place(lead, monkeypatch, step):
    ctx, path = lead
    folder = ctx.folder
    if step == "old attachments aside":
        _failing_replace(monkeypatch, lambda src, dst: src == folder.attachments)
    else:
        _failing_replace(monkeypatch, lambda src, dst: dst == folder.attachments)
    with pytest.raises(backup.BackupError, match="dữ liệu cũ vẫn nguyên tại chỗ"):
        restore.restore_in_place(ctx, path, PASS)
    monkeypatch.undo()
    # the open app goes on with the old data: both residents, both files
    assert _count(ctx) == 2
    assert (folder.attachments / "cd" / "video.mp4").read_bytes() == b"made after the backup"
    assert (folder.attachments / "ab" / "photo.jpg").read_bytes() == b"\xff\xd8 in the backup"
    assert not list(folder.backups.glob("pre-restore-*")), "nothing half moved aside"
    assert not list(folder.root.glob(".restore-*")), "no journal, no stage left"
    # and so does the app started again (the database key is still the old data's)
    ctx.close()
    again = open_context(str(folder.root))
    try:
        assert _count(again) == 2
    finally:
        again.close()


def test_the_restore_waits_for_a_running_read_and_closes_every_connection(lead):
    ctx, path = lead
    inside, release = threading.Event(), threading.Event()
    seen: list[int] = []

    def long_read():
        with ctx.read() as s:
            seen.append(s.scalar(select(func.count()).select_from(Resident)))
            inside.set()
            release.wait(30)

    reader = threading.Thread(target=long_read)
    reader.start()
    assert inside.wait(30)
    outcome: list[object] = []
    restorer = threading.Thread(target=lambda: outcome.append(restore.restore_in_place(ctx, path, PASS)))
    restorer.start()
    restorer.join(0.5)
    assert restorer.is_alive() and not outcome, "the restore waits while a read is open"
    release.set()
    reader.join(30)
    restorer.join(60)
    assert isinstance(outcome[0], backup.BackupInfo)
    assert seen == [2] and _count(ctx) == 1  # the store opened again on the restored data
    assert ctx.store.reader.pool.checkedout() == 0


def test_the_store_never_reopens_onto_a_missing_database(app_ctx):
    folder = app_ctx.folder
    with pytest.raises(DatabaseMissing, match="không tạo một cơ sở dữ liệu trống"):
        with app_ctx.store.closed_for():
            os.replace(folder.database, folder.backups / "moved-away.db")
    assert not folder.database.exists()
