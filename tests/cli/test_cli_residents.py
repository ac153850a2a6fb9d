"""`import residents`, `export residents` and `search` through the installed tocds-cli."""

from __future__ import annotations

import csv
import json
import subprocess

import pytest
from openpyxl import load_workbook

from tests.conftest import bin_path, cli_env
from tests.support.cli_runner import run_cli, tocds_cli as run

HEADERS = ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Số CCCD", "SĐT", "Tổ dân phố"]
GOOD = [[1, "Nguyễn Văn An", "1985", "Nam", "001085012345", "0912345678", "Tổ dân phố số 1"],
        [2, "Trần Thị Thuỷ", "1990", "Nữ", "", "0987654321", "Tổ dân phố số 2"]]


def write_csv(path, rows, headers=HEADERS):
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(headers)
        w.writerows(rows)
    return str(path)


@pytest.fixture
def data(tmp_path):
    d = str(tmp_path / "data")
    groups = tmp_path / "g.txt"
    groups.write_text("Tổ dân phố số 1\nTổ dân phố số 2\n", encoding="utf-8")
    proc = run("--data-dir", d, "init", "--ward-code", "00166", "--groups-file", str(groups))
    assert proc.returncode == 0, proc.stderr
    return d


def test_import_search_export_roundtrip(data, tmp_path):
    good = write_csv(tmp_path / "good.csv", GOOD)
    proc = run("--data-dir", data, "import", "residents", good, "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["imported"] == 2 and out["rejected"] == [] and out["duplicates"] == []

    proc = run("--data-dir", data, "search", "thuy", "--json")
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout)
    assert [(r["full_name"], r["birth_year"], r["residential_group"]) for r in found] == [("Trần Thị Thuỷ", 1990, "Tổ dân phố số 2")]
    assert found[0]["id"] and found[0]["phone_masked"] == "0987 *** 321"
    proc = run("--data-dir", data, "search", "n", "--limit", "1", "--json")
    assert len(json.loads(proc.stdout)) == 1

    out_csv, out_xlsx = tmp_path / "out.csv", tmp_path / "out.xlsx"
    assert run("--data-dir", data, "export", "residents", str(out_csv)).returncode == 0
    raw = out_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][1] == "Họ và tên" and [r[1] for r in rows[1:]] == ["Nguyễn Văn An", "Trần Thị Thuỷ"]
    assert rows[1][5] == "001085012345" and rows[1][7] == "0912345678"  # unmasked in exports
    proc = run("--data-dir", data, "export", "residents", str(out_xlsx), "--json")
    assert json.loads(proc.stdout)["exported"] == 2
    ws = load_workbook(out_xlsx).active
    assert ws.cell(row=3, column=2).value == "Trần Thị Thuỷ"

    # the exported file imports back as duplicates only: never doubled, exit 1
    proc = run("--data-dir", data, "import", "residents", str(out_csv), "--json")
    out = json.loads(proc.stdout)
    assert proc.returncode == 1 and out["imported"] == 0 and len(out["duplicates"]) == 2


def test_bad_rows_dry_run_valid_only(data, tmp_path):
    bad = write_csv(tmp_path / "bad.csv", GOOD + [[3, "Lê Văn Cường", "31/02/1990", "Nam", "999", "", "Tổ 7"]])
    proc = run("--data-dir", data, "import", "residents", bad, "--dry-run", "--json")
    assert proc.returncode == 1
    out = json.loads(proc.stdout)
    assert out["imported"] == 0
    assert {(r["row"], r["field"]) for r in out["rejected"]} == {(4, "birth_year"), (4, "cccd"), (4, "residential_group")}
    assert all(r["reason"] for r in out["rejected"])

    proc = run("--data-dir", data, "import", "residents", bad)
    assert proc.returncode == 1 and "Dòng 4" in proc.stderr and "chưa nhập" in proc.stderr
    assert json.loads(run("--data-dir", data, "search", "an", "--json").stdout) == []

    proc = run("--data-dir", data, "import", "residents", bad, "--valid-only", "--json")
    assert proc.returncode == 1 and json.loads(proc.stdout)["imported"] == 2


def test_map_option_and_usage_errors(data, tmp_path):
    odd = write_csv(tmp_path / "odd.csv", [["Phạm Thị Mai", "0911222333"]], headers=["Tên khai sinh", "Liên lạc"])
    proc = run("--data-dir", data, "import", "residents", odd, "--json")
    assert proc.returncode == 1 and "họ và tên" in proc.stderr
    proc = run("--data-dir", data, "import", "residents", odd, "--map", "Tên khai sinh=full_name", "--map", "2=phone", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["imported"] == 1
    assert run("--data-dir", data, "import", "residents", odd, "--map", "9=phone").returncode == 2
    assert run("--data-dir", data, "export", "residents", str(tmp_path / "x.pdf")).returncode == 2
    assert run("--data-dir", data, "search", "x", "--limit", "0").returncode == 2


def test_english_messages(data, tmp_path):
    bad = write_csv(tmp_path / "bad.csv", [[1, "", "1990", "", "", "", ""]])
    env = cli_env(LANG="en_US.UTF-8")
    proc = subprocess.run([bin_path("tocds-cli"), "--data-dir", data, "import", "residents", bad], capture_output=True,
                          text=True, env=env, timeout=120)
    assert proc.returncode == 1 and "Row 2" in proc.stderr


def test_export_needs_a_lead_or_admin_once_operators_exist(data, tmp_path):
    env = cli_env()

    def cli(*args: str, **extra: str) -> subprocess.CompletedProcess:
        return run_cli(["--data-dir", data, *args], env={**env, **extra})

    assert cli("import", "residents", write_csv(tmp_path / "ds.csv", GOOD)).returncode == 0
    assert cli("operator", "add", "--name", "Quản Trị", "--kind", "password",
               TOCDS_NEW_SECRET="matkhau-quantri").returncode == 0
    for name, role, pin in (("Tình Nguyện", "tinh_nguyen_vien", "111111"), ("Tổ Trưởng", "to_truong", "333333")):
        proc = cli("operator", "add", "--name", name, "--role", role, "--operator", "Quản Trị",
                   TOCDS_NEW_SECRET=pin, TOCDS_OPERATOR_SECRET="matkhau-quantri")
        assert proc.returncode == 0, proc.stderr
    out = tmp_path / "out.csv"
    proc = cli("export", "residents", str(out))  # nobody signed in
    assert proc.returncode == 1 and "Cần đăng nhập" in proc.stderr + proc.stdout and not out.exists()
    proc = cli("export", "residents", str(out), "--operator", "Tình Nguyện", TOCDS_OPERATOR_SECRET="111111")
    assert proc.returncode == 1 and "không được phép: Xuất danh sách" in proc.stderr + proc.stdout
    assert not out.exists()
    proc = cli("export", "residents", str(out), "--operator", "Tổ Trưởng", "--json", TOCDS_OPERATOR_SECRET="333333")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["exported"] == 2 and out.exists()
    proc = cli("audit", "--operator", "Quản Trị", "--action", "export", "--json", TOCDS_OPERATOR_SECRET="matkhau-quantri")
    [entry] = json.loads(proc.stdout)
    assert entry["actor"] == "Tổ Trưởng" and entry["detail"] == {"count": 2, "format": "csv"}
