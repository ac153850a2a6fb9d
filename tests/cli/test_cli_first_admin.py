"""`tocds-cli init --admin-name`: the first admin is made with the ward, its secret never on the command line."""

from __future__ import annotations

import json
import subprocess

from tests.conftest import cli_env
from tests.support.cli_runner import run_cli

SECRET = "matkhau-quantri"


def run(*args: str, env: dict, stdin: str | None = None) -> subprocess.CompletedProcess:
    return run_cli(args, env=env, input=stdin)


def operators_of(data: str, env: dict) -> list[dict]:
    proc = run("--data-dir", data, "operator", "list", "--json", env=env)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_init_with_the_admin_secret_from_an_environment_variable(tmp_path):
    env = cli_env(TOCDS_ADMIN_SECRET=SECRET)
    data = str(tmp_path / "a")
    proc = run("--data-dir", data, "init", "--ward-code", "00166", "--admin-name", "Ngô Quản Trị", "--json", env=env)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["admin"] == "Ngô Quản Trị"
    assert SECRET not in proc.stdout + proc.stderr
    assert [(o["name"], o["role"]) for o in operators_of(data, env)] == [("Ngô Quản Trị", "quan_tri")]
    # The admin can sign in with it (here: to read the audit trail, which holds the creation).
    shown = run("--data-dir", data, "audit", "--json", "--operator", "Ngô Quản Trị",
                env={**env, "TOCDS_OPERATOR_SECRET": SECRET})
    assert shown.returncode == 0, shown.stderr
    assert {"operator", "sign_in"} <= {r["action"] for r in json.loads(shown.stdout)}


def test_init_with_a_pin_from_stdin(tmp_path):
    env = cli_env()
    data = str(tmp_path / "b")
    proc = run("--data-dir", data, "init", "--ward-code", "00166", "--admin-name", "Đỗ Tổ Trưởng",
               "--admin-kind", "pin", env=env, stdin="246810\n")
    assert proc.returncode == 0, proc.stderr
    assert "Đã tạo tài khoản quản trị Đỗ Tổ Trưởng" in proc.stderr
    assert operators_of(data, env)[0]["role"] == "quan_tri"


def test_a_bad_admin_secret_is_refused_before_anything_is_written(tmp_path):
    env = cli_env(TOCDS_ADMIN_SECRET="12ab")
    data = str(tmp_path / "c")
    proc = run("--data-dir", data, "init", "--ward-code", "00166", "--admin-name", "Ngô Quản Trị",
               "--admin-kind", "pin", env=env)
    assert proc.returncode == 1 and "Mã PIN phải gồm 6 đến 12 chữ số" in proc.stderr
    stats = run("--data-dir", data, "stats", "--json", env=env)
    assert json.loads(stats.stdout)["ward_code"] is None  # nothing set up


def test_init_without_an_admin_says_the_app_will_ask(tmp_path):
    proc = run("--data-dir", str(tmp_path / "d"), "init", "--ward-code", "00166", env=cli_env())
    assert proc.returncode == 0, proc.stderr
    assert "Chưa có tài khoản quản trị" in proc.stderr


def test_a_refused_admin_leaves_the_ward_as_it_was(tmp_path):
    """`init --admin-name` again on a set-up folder with an admin: refused before the groups are
    written (before, the ward was changed and then the admin refused)."""
    data, env = str(tmp_path / "d"), cli_env(TOCDS_ADMIN_SECRET=SECRET)
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("Tổ dân phố số 1\n", encoding="utf-8")
    two.write_text("Tổ dân phố số 2\nTổ dân phố số 3\n", encoding="utf-8")
    assert run("--data-dir", data, "init", "--ward-code", "00166", "--groups-file", str(one),
               "--admin-name", "Ngô Quản Trị", env=env).returncode == 0
    again = run("--data-dir", data, "init", "--ward-code", "00166", "--groups-file", str(two),
                "--admin-name", "Người Khác", env=env)
    assert again.returncode == 1 and "Đã có người dùng" in again.stderr
    stats = run("--data-dir", data, "stats", "--json", "--operator", "Ngô Quản Trị",
                env={**env, "TOCDS_OPERATOR_SECRET": SECRET})
    assert json.loads(stats.stdout)["records"]["residential_group"] == 1
    too_long = run("--data-dir", str(tmp_path / "e"), "init", "--ward-code", "00166", "--admin-name", "A" * 121, env=env)
    assert too_long.returncode == 1 and "120" in too_long.stderr
    assert json.loads(run("--data-dir", str(tmp_path / "e"), "stats", "--json", env=env).stdout)["ward_code"] is None
