"""backup / restore / check / operator / audit through the installed `tocds-cli`, as IT staff run them."""

from __future__ import annotations

import json
import subprocess

from tests.conftest import bin_path, cli_env
from tests.support.cli_runner import tocds_cli as run

PASS = "mat-khau-sao-luu-2026"


def test_backup_restore_on_another_laptop_and_check(tmp_path):
    laptop_a = cli_env(TOCDS_TEST_KEYRING_FILE=str(tmp_path / "keyring-a.json"))
    laptop_b = cli_env(TOCDS_TEST_KEYRING_FILE=str(tmp_path / "keyring-b.json"))
    data = str(tmp_path / "a")
    assert run("--data-dir", data, "init", "--ward-code", "00166", env=laptop_a).returncode == 0
    proc = run("--data-dir", data, "operator", "add", "--name", "Ngô Quản Trị", "--kind", "password",
               env={**laptop_a, "TOCDS_NEW_SECRET": "matkhau-quantri"})
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "weekly.tocdsbak"
    # Operators exist: nobody signed in is refused, in Vietnamese.
    proc = run("--data-dir", data, "backup", "--out", str(out), env={**laptop_a, "TOCDS_BACKUP_PASSPHRASE": PASS})
    assert proc.returncode == 1 and "Cần đăng nhập" in proc.stderr and not out.exists()
    env = {**laptop_a, "MY_PASS": PASS, "TOCDS_OPERATOR_SECRET": "matkhau-quantri"}
    proc = run("--data-dir", data, "backup", "--out", str(out), "--passphrase-env", "MY_PASS",
               "--operator", "Ngô Quản Trị", "--json", env=env)
    assert proc.returncode == 0, proc.stderr
    made = json.loads(proc.stdout)
    assert made["records"]["residential_group"] == 0 and out.exists()
    assert PASS not in proc.stdout + proc.stderr

    # Laptop B: its keyring has never seen laptop A's key.
    target = str(tmp_path / "b")
    proc = run("restore", str(out), "--data-dir", target, "--json", env={**laptop_b, "TOCDS_BACKUP_PASSPHRASE": "sai-mat-khau"})
    assert proc.returncode == 1 and "Mật khẩu sao lưu không đúng" in proc.stderr
    proc = run("restore", str(out), "--data-dir", target, "--json", env={**laptop_b, "TOCDS_BACKUP_PASSPHRASE": PASS})
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["records"]["audit_entry"] >= made["records"]["audit_entry"]
    proc = run("--data-dir", target, "check", "--json", env=laptop_b)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["ok"] and report["database_ok"] and report["audit_broken"] == []
    proc = run("--data-dir", target, "operator", "list", "--json", env=laptop_b)
    assert [o["name"] for o in json.loads(proc.stdout)] == ["Ngô Quản Trị"]
    # Restoring again over data is refused without --replace.
    proc = run("restore", str(out), "--data-dir", target, env={**laptop_b, "TOCDS_BACKUP_PASSPHRASE": PASS})
    assert proc.returncode == 1 and "đã có dữ liệu" in proc.stderr


def test_check_reports_a_broken_audit_chain_with_exit_1(tmp_path):
    env = cli_env(TOCDS_TEST_KEYRING_FILE=str(tmp_path / "keyring.json"))
    data = str(tmp_path / "d")
    run("--data-dir", data, "init", "--ward-code", "00166", env=env)
    run("--data-dir", data, "operator", "add", "--name", "Quản Trị", "--kind", "password",
        env={**env, "TOCDS_NEW_SECRET": "matkhau-quantri"})
    assert run("--data-dir", data, "check", env=env).returncode == 0
    tamper = (
        "import sys; sys.path.insert(0, '.');"
        "from desktop.data_folder import DataFolder; from desktop.store.database import database_key;"
        "from desktop.store.engine import open_connection;"
        f"f = DataFolder.resolve({data!r}); c = open_connection(f.database, database_key(f));"
        "c.execute('DROP TRIGGER audit_entry_no_update');"
        "c.execute(\"UPDATE audit_entry SET actor = 'Người khác' WHERE seq = 1\"); c.commit()"
    )
    subprocess.run([bin_path("python"), "-c", tamper], check=True, env=env, timeout=60)
    proc = run("--data-dir", data, "check", env=env)
    assert proc.returncode == 1
    assert "Nhật ký truy cập bị sửa" in proc.stderr and "nội dung đã bị sửa" in proc.stderr


def test_audit_listing_needs_a_lead_or_admin(tmp_path):
    env = cli_env(TOCDS_TEST_KEYRING_FILE=str(tmp_path / "keyring.json"))
    data = str(tmp_path / "d")
    run("--data-dir", data, "init", "--ward-code", "00166", env=env)
    run("--data-dir", data, "operator", "add", "--name", "Quản Trị", "--kind", "password",
        env={**env, "TOCDS_NEW_SECRET": "matkhau-quantri"})
    admin = {**env, "TOCDS_OPERATOR_SECRET": "matkhau-quantri"}
    proc = run("--data-dir", data, "operator", "add", "--name", "Tình Nguyện", "--operator", "Quản Trị",
               env={**admin, "TOCDS_NEW_SECRET": "123456"})
    assert proc.returncode == 0, proc.stderr
    proc = run("--data-dir", data, "audit", "--operator", "Tình Nguyện", env={**env, "TOCDS_OPERATOR_SECRET": "123456"})
    assert proc.returncode == 1 and "không được phép" in proc.stderr
    proc = run("--data-dir", data, "audit", "--operator", "Quản Trị", "--json", env=admin)
    assert proc.returncode == 0, proc.stderr
    entries = json.loads(proc.stdout)
    actions = [e["action"] for e in entries]
    assert actions.count("sign_in") >= 3 and "operator" in actions
    plain = run("--data-dir", data, "audit", "--operator", "Quản Trị", env=admin)
    assert plain.returncode == 0, plain.stderr
    from datetime import datetime
    from zoneinfo import ZoneInfo

    hanoi = [datetime.fromisoformat(e["at"]).astimezone(ZoneInfo("Asia/Ho_Chi_Minh")) for e in entries]
    times = [line.split("\t")[0] for line in plain.stdout.splitlines()]  # plain text reads Hanoi time, as the GUI
    assert {t.strftime("%d/%m/%Y %H:%M") for t in hanoi} >= set(times[1:])  # (the listing itself may add one)
    proc = run("--data-dir", data, "audit", "--operator", "Quản Trị", env={**env, "TOCDS_OPERATOR_SECRET": "sai-roi-nhe"})
    assert proc.returncode == 1 and "không đúng" in proc.stderr
