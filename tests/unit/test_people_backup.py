"""Encrypted backups: restore on a fresh folder without the original key, tampering, rotation."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from desktop.core.permissions import PermissionDenied, Role
from desktop.services.people import audit, backup, restore
from desktop.services.residents import residents
from desktop.services.context import open_context
from desktop.store import keys
from desktop.store.models import Resident
from tests.unit.people_helpers import PLANTED_CCCD, PLANTED_NAME, as_role, plant_resident, staff

PASS = "mat-khau-sao-luu-2026"


@pytest.fixture
def filled(app_ctx):
    ids = staff(app_ctx)
    rid = plant_resident(app_ctx)
    (app_ctx.folder.attachments / "ab").mkdir()
    (app_ctx.folder.attachments / "ab" / "photo.jpg").write_bytes(b"\xff\xd8 photo")
    return app_ctx, ids, rid


def _snapshot(ctx) -> dict:
    with ctx.read() as s:
        return {r.id: (r.full_name, r.cccd, r.phone, r.version) for r in s.scalars(select(Resident))}


def test_restore_on_another_laptop_holds_the_same_records(filled, tmp_path):
    ctx, _ids, rid = filled
    info = backup.create_backup(ctx, tmp_path / "out.tocdsbak", PASS)
    assert info.records["resident"] == 1 and info.attachments == 1
    before = _snapshot(ctx)
    # The other laptop's keyring has never seen this folder's key.
    keys.delete_secret(keys.db_key_name(ctx.folder.key_id))
    target = tmp_path / "other-laptop"
    restored = restore.restore_backup(tmp_path / "out.tocdsbak", PASS, target)
    assert restored.records["resident"] == 1
    other = open_context(str(target))
    try:
        assert _snapshot(other) == before
        assert residents.get_resident(other, rid).full_name == PLANTED_NAME
        assert (other.folder.attachments / "ab" / "photo.jpg").read_bytes() == b"\xff\xd8 photo"
        new_key = keys.get_secret(keys.db_key_name(other.folder.key_id))
        assert new_key and len(new_key) == 64
        report = backup.check_integrity(other)
        assert report.ok, report
        # The restored copy starts its own audit chain, beginning with the restore itself.
        rows = audit.query_unchecked(other)
        assert rows[0].action == "restore" and rows[0].seq == 1
        assert len({r.origin for r in rows}) == 2
    finally:
        other.close()


def test_wrong_passphrase_tampering_and_truncation_refused(filled, tmp_path):
    ctx, _ids, _rid = filled
    path = tmp_path / "b.tocdsbak"
    backup.create_backup(ctx, path, PASS)
    with pytest.raises(backup.BackupError, match="Mật khẩu sao lưu không đúng"):
        restore.restore_backup(path, "sai-mat-khau-roi", tmp_path / "r1")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = tmp_path / "tampered.tocdsbak"
    bad.write_bytes(bytes(data))
    with pytest.raises(backup.BackupError, match="bị sửa hoặc hỏng"):
        restore.restore_backup(bad, PASS, tmp_path / "r2")
    cut = tmp_path / "cut.tocdsbak"
    cut.write_bytes(path.read_bytes()[: len(data) - 100])
    with pytest.raises(backup.BackupError):
        restore.restore_backup(cut, PASS, tmp_path / "r3")
    not_backup = tmp_path / "notes.txt"
    not_backup.write_text("xin chào")
    with pytest.raises(backup.BackupError, match="không phải bản sao lưu"):
        backup.read_manifest(not_backup, PASS)
    for name in ("r1", "r2", "r3"):
        assert not (tmp_path / name / "tocds.db").exists(), "nothing half-restored"
    with pytest.raises(backup.BackupError, match="ít nhất 10 ký tự"):
        backup.create_backup(ctx, tmp_path / "short.tocdsbak", "ngan")


def test_restore_into_a_folder_with_data_is_refused_unless_replacing(filled, tmp_path):
    ctx, ids, rid = filled
    path = tmp_path / "b.tocdsbak"
    backup.create_backup(ctx, path, PASS)
    with pytest.raises(backup.BackupError, match="đã có dữ liệu"):
        restore.restore_backup(path, PASS, ctx.folder.root)
    residents.delete_resident(ctx, rid)
    as_role(ctx, ids, Role.VOLUNTEER)
    with pytest.raises(PermissionDenied):
        restore.restore_in_place(ctx, path, PASS)
    as_role(ctx, ids, Role.TEAM_LEAD)
    restore.restore_in_place(ctx, path, PASS)
    assert residents.get_resident(ctx, rid).cccd == PLANTED_CCCD  # back from the backup
    assert list(ctx.folder.backups.glob("pre-restore-*.db")), "the replaced data is kept aside"
    assert audit.query(ctx, action="restore")[0].actor == ctx.actor


def test_daily_backup_runs_when_due_and_keeps_the_last_n(filled):
    ctx, _ids, _rid = filled
    assert backup.run_auto_backup(ctx) is None, "no passphrase stored yet: nothing written"
    backup.set_backup_passphrase(ctx, PASS)
    ctx.settings.set("backup_keep", 3)
    first = backup.run_auto_backup(ctx)
    assert first is not None
    assert backup.run_auto_backup(ctx) is None, "not due again within a day"
    later = datetime.now(timezone.utc) + timedelta(hours=25)
    assert backup.auto_backup_due(ctx, later)
    for n in range(4):
        backup.run_auto_backup(ctx, force=True, now=later + timedelta(minutes=n))
    kept = backup.auto_backups(ctx)
    assert len(kept) == 3
    assert os.path.basename(first.path) not in {p.name for p in kept}, "the oldest went first"
    assert backup.read_manifest(kept[0], PASS)["kind"] == "auto"
    with ctx.read() as s:
        from desktop.store.models.people import AuditEntry

        n = s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "backup"))
    assert n == 1 + 5  # passphrase set + five backups
