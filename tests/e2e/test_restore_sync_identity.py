"""A restored backup never clones a device identity: another laptop (or a fresh folder) keeps
the server address and ward and must enrol again; the same enrolled folder keeps its token."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.conftest import bin_path, cli_env
from tests.e2e.sync_harness import add_residents, assert_converged, open_laptop, sqlite_server  # noqa: F401 - fixture

WARD = "00166"
PASS = "mat-khau-sao-luu-2026"


@pytest.fixture
def srv(sqlite_server):
    return sqlite_server


def test_restore_on_another_laptop_must_enrol_again_and_then_converges(srv, tmp_path):
    from desktop.services.people import backup, restore
    from desktop.services.context import open_context
    from desktop.services.sync.service import SyncFailed, sync_now, sync_status

    a = open_laptop(tmp_path / "a", actor="Lan")
    try:
        add_residents(a, ["Nguyễn Văn An", "Trần Thị Bình"], group_name="Tổ dân phố số 1")
        sync_now(a, srv.url, srv.enroll_code(WARD))
        device_a = sync_status(a)["device_id"]
        backup.create_backup(a, tmp_path / "a.tocdsbak", PASS)

        info = restore.restore_backup(tmp_path / "a.tocdsbak", PASS, tmp_path / "b")
        assert "đăng ký" in info.sync_note and "Địa chỉ máy chủ" in info.sync_note
        b = open_context(str(tmp_path / "b"), actor="Minh")
        try:
            st = sync_status(b)
            assert st["enrolled"] is False and st["device_id"] == ""  # A's identity is not cloned
            assert st["server_url"] == srv.url  # the address is kept
            assert st["last_error"] == info.sync_note  # the sync page shows why
            with pytest.raises(SyncFailed) as refused:
                sync_now(b)
            assert refused.value.kind == "auth"
            add_residents(b, ["Lê Văn Cường"])
            done = sync_now(b, enroll_code=srv.enroll_code(WARD))
            assert done["pushed"] == 2 and done["pending"] == 0  # the resident and the restore's audit entry
            assert sync_status(b)["device_id"] not in ("", device_a)
            sync_now(a)  # A sends the audit entry of its backup (written after the snapshot) ...
            sync_now(b)  # ... which B receives
            records = assert_converged(srv, a, b)
            assert sum(1 for kind, _ in records if kind == "resident") == 3  # nothing doubled
        finally:
            b.close()
    finally:
        a.close()


def test_restore_over_the_same_enrolled_folder_keeps_its_token(srv, tmp_path):
    from desktop.services.people import backup, restore
    from desktop.services.sync.service import sync_now, sync_status

    a = open_laptop(tmp_path / "a")
    try:
        add_residents(a, ["Phạm Thị Dung"])
        sync_now(a, srv.url, srv.enroll_code(WARD))
        before = sync_status(a)
        backup.create_backup(a, tmp_path / "a.tocdsbak", PASS)
        add_residents(a, ["Đỗ Văn Giang"])  # made and synced after the backup
        sync_now(a)
        info = restore.restore_in_place(a, tmp_path / "a.tocdsbak", PASS)
        assert info.sync_note == ""
        after = sync_status(a)
        assert after["enrolled"] and after["device_id"] == before["device_id"]
        again = sync_now(a)  # no new enrolment; the later resident comes back from the server
        assert again["pending"] == 0
        assert_converged(srv, a)
    finally:
        a.close()


def test_cli_restore_says_the_laptop_must_enrol_again(srv, tmp_path):
    data, other = str(tmp_path / "a"), str(tmp_path / "b")
    env = cli_env(TOCDS_BACKUP_PASSPHRASE=PASS)
    cli = bin_path("tocds-cli")

    def run(*args):
        return subprocess.run([cli, *args], env=env, capture_output=True, text=True, timeout=120)

    assert run("--data-dir", data, "init", "--ward-code", WARD).returncode == 0
    assert run("--data-dir", data, "sync", "--server", srv.url, "--enroll-code", srv.enroll_code(WARD)).returncode == 0
    assert run("--data-dir", data, "backup", "--out", str(tmp_path / "x.tocdsbak")).returncode == 0
    restored = run("restore", str(tmp_path / "x.tocdsbak"), "--data-dir", other, "--json")
    assert restored.returncode == 0, restored.stderr
    assert json.loads(restored.stdout)["must_enrol"] is True
    assert "Máy này chưa được đăng ký đồng bộ" in restored.stderr
    sync = run("--data-dir", other, "sync", "--json")
    assert sync.returncode == 1 and json.loads(sync.stdout)["error"] == "auth"
