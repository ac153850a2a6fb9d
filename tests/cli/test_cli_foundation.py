"""The CLI through its installed entry points, as IT staff and scheduled jobs run it."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.conftest import bin_path, cli_env
from tests.support.cli_runner import tocds_cli as run


@pytest.mark.parametrize("command", ["tocds-cli", "tocds-server", "tocds"])
def test_version_on_all_three_commands(command):
    from desktop import __version__

    proc = subprocess.run([bin_path(command), "--version"], capture_output=True, text=True, env=cli_env(), timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert __version__ in proc.stdout


def test_init_then_stats_json(tmp_path):
    data = str(tmp_path / "d")
    groups = tmp_path / "groups.txt"
    groups.write_text("Tổ dân phố số 1\nTổ dân phố số 2\n\nTổ dân phố số 2\n", encoding="utf-8")
    proc = run("--data-dir", data, "init", "--ward-code", "00166", "--team-name", "Tổ CĐS", "--groups-file", str(groups), "--json")
    assert proc.returncode == 0, proc.stderr
    info = json.loads(proc.stdout)
    assert info["ward_name"] == "Phường Cầu Giấy" and info["ward_code"] == "00166"

    proc = run("--data-dir", data, "stats", "--json")
    assert proc.returncode == 0, proc.stderr
    stats = json.loads(proc.stdout)
    assert stats["records"]["residential_group"] == 2
    assert stats["records"]["resident"] == 0
    assert stats["pending_changes"] == 2
    assert stats["ward_code"] == "00166"


def test_data_dir_from_environment(tmp_path):
    env = cli_env(TOCDS_DATA_DIR=str(tmp_path / "env-data"))
    assert run("init", "--ward-code", "4", env=env).returncode == 0
    assert (tmp_path / "env-data" / "tocds.db").exists()
    assert (tmp_path / "env-data" / "logs" / "tocds.log").exists()


def test_unknown_ward_is_refused_with_exit_1(tmp_path):
    proc = run("--data-dir", str(tmp_path / "d"), "init", "--ward-code", "99999")
    assert proc.returncode == 1
    assert "Mã phường/xã không có trong danh mục" in proc.stderr


def test_usage_error_exits_2_in_vietnamese():
    proc = run("no-such-command")
    assert proc.returncode == 2
    assert "Lỗi cú pháp lệnh" in proc.stderr


def test_english_messages_with_lang_en(tmp_path):
    proc = run("--data-dir", str(tmp_path / "d"), "init", "--ward-code", "99999", env=cli_env(LANG="en_US.UTF-8"))
    assert proc.returncode == 1
    assert "not in the official list" in proc.stderr


def test_no_keyring_backend_exit_1_with_advice(tmp_path):
    proc = run("--data-dir", str(tmp_path / "d"), "stats", env=cli_env(PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring"))
    assert proc.returncode == 1
    assert "keyring" in proc.stderr and "PYTHON_KEYRING_BACKEND" in proc.stderr
    assert "Traceback" not in proc.stderr
