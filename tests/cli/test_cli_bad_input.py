"""No traceback from tocds-cli, whatever it is given: every command with a too-large number, a missing
file, a folder where a file belongs, a data folder that is a file; every malformed list through
`import residents`; output closed early (`| head`); a full disk; a damaged database. Each ends with
exit code 1 or 2 and one Vietnamese message naming the file, row, field or the limit.

The table runs `desktop.cli.main` in this process (fast); the pipe, the full disk and the damaged
file run the installed entry point as people do."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import cli
from tests.conftest import bin_path, cli_env
from tests.support.cli_runner import run_cli
from tests.unit.test_import_bad_files import REFUSED_FILES

VIETNAMESE = re.compile(r"[À-ỹđĐ]")
TOO_LARGE = "99999999999999999999"


def leaf_commands() -> dict[tuple[str, ...], argparse.ArgumentParser]:
    """Every runnable command of tocds-cli (path of sub-command names -> its parser)."""
    out = {}

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> None:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            out[path] = parser
            return
        for name, child in subs[0].choices.items():
            walk(child, (*path, name))

    walk(cli.build_parser(), ())
    return out


# What each command needs to be run at all (positional values, required options).
REQUIRED = {
    ("init",): ["--ward-code", "00166"],
    ("report",): ["progress"],
    ("import", "residents"): ["{file}"],
    ("export", "residents"): ["{out}"],
    ("search",): ["an"],
    ("restore",): ["{file}"],
    ("operator", "add"): ["--name", "Người Mới"],
    ("backup",): ["--out", "{out}"],
    ("sync",): ["--server", "http://127.0.0.1:9"],
    ("handoffs", "close"): ["00000000-0000-4000-8000-000000000000", "--state", "xong"],
    ("ward-figures", "set"): ["--year", "2026", "--population-15-plus", "100"],
    ("cross-ward", "moved"): ["00000000-0000-4000-8000-000000000000"],
    ("door-to-door",): ["--group", "Tổ dân phố số 1"],
}


def run(argv: list[str], capsys) -> tuple[int, str]:
    try:
        code = cli.main(argv)
    except SystemExit as exc:  # argparse: usage errors
        code = exc.code
    captured = capsys.readouterr()
    return code, captured.err + captured.out


def assert_said(code: int, text: str, *names: str) -> None:
    assert code in (1, 2), (code, text)
    assert "Traceback" not in text and 'File "' not in text, text
    assert VIETNAMESE.search(text), text
    assert any(name in text for name in names), (names, text)


@pytest.fixture
def ward(tmp_path, capsys) -> str:
    data = str(tmp_path / "data")
    assert run(["--data-dir", data, "init", "--ward-code", "00166"], capsys)[0] == 0
    return data


def test_the_table_covers_every_command():
    assert set(REQUIRED) <= set(leaf_commands())
    assert len(leaf_commands()) >= 18


def _numbers(parser: argparse.ArgumentParser) -> list[str]:
    return [a.option_strings[0] for a in parser._actions
            if a.option_strings and getattr(a.type, "__name__", "") == "int"]


@pytest.mark.parametrize("path", sorted(leaf_commands()), ids=" ".join)
def test_every_command_refuses_too_large_numbers_and_a_data_folder_that_is_a_file(path, ward, tmp_path, capsys,
                                                                                   monkeypatch):
    monkeypatch.setenv("TOCDS_BACKUP_PASSPHRASE", "mat-khau-sao-luu-dai")
    monkeypatch.setenv("TOCDS_NEW_SECRET", "24681357")
    parser = leaf_commands()[path]
    good_file = tmp_path / "list.csv"
    good_file.write_text("Họ và tên\nNguyễn Văn An\n", encoding="utf-8")
    args = [a.format(file=good_file, out=tmp_path / "out.xlsx") for a in REQUIRED.get(path, [])]
    for option in _numbers(parser):
        code, text = run(["--data-dir", ward, *path, *args, option, TOO_LARGE], capsys)
        assert code == 2
        assert_said(code, text, option)
        assert re.search(r"\d\.\d{3}", text), text  # the limit, written out
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("x")
    if path == ("restore",):
        args = [str(good_file), "--data-dir", str(not_a_folder)]
        code, text = run([*path, *args], capsys)
    else:
        code, text = run(["--data-dir", str(not_a_folder), *path, *args], capsys)
    if path != ("sync",) or code != 0:
        assert_said(code, text, str(not_a_folder), "a-file", "tocds-backup", "out.xlsx", "list.csv")


FILE_ARGUMENTS = [
    (("import", "residents"), lambda f: [f]),
    (("export", "residents"), lambda f: [f]),
    (("restore",), lambda f: [f]),
    (("report",), lambda f: ["progress", "--format", "xlsx", "--out", f]),
    (("backup",), lambda f: ["--out", f]),
    (("init",), lambda f: ["--ward-code", "00166", "--groups-file", f]),
]


@pytest.mark.parametrize("path,make", FILE_ARGUMENTS, ids=[" ".join(p) for p, _m in FILE_ARGUMENTS])
def test_a_missing_file_or_a_folder_in_place_of_a_file_is_named(path, make, ward, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("TOCDS_BACKUP_PASSPHRASE", "mat-khau-sao-luu-dai")
    folder = tmp_path / "a-folder.xlsx"
    folder.mkdir()
    missing = tmp_path / "no-such-folder" / "missing.xlsx"
    for target in (folder, missing):
        extra = ["--data-dir", str(tmp_path / "fresh")] if path == ("restore",) else []
        code, text = run(["--data-dir", ward, *path, *make(str(target)), *extra], capsys)
        assert_said(code, text, target.name, str(target.parent))


@pytest.mark.parametrize("name", sorted(REFUSED_FILES))
def test_every_malformed_list_through_the_command_line(name, ward, tmp_path, capsys):
    path = tmp_path / name
    REFUSED_FILES[name][0](path)
    code, text = run(["--data-dir", ward, "import", "residents", str(path), "--dry-run"], capsys)
    assert code == 1
    assert_said(code, text, name)
    for fragment in REFUSED_FILES[name][1]:
        assert fragment in text, (fragment, text)


def test_import_warnings_are_printed_and_in_the_json(ward, tmp_path, capsys):
    import json

    path = tmp_path / "dirty.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "Họ và tên,Ghi chú,Địa chỉ\nNguyễn\x00 Văn An,a\x1bb,".encode() + b"x" * 400
                     + b",thua\n" + "Trần Văn Bình,Nh".encode() + b"\xe1\xba,\n")  # UTF-8 with a BOM, one broken character
    code, text = run(["--data-dir", ward, "import", "residents", str(path), "--dry-run"], capsys)
    assert code == 0, text
    assert "(cảnh báo)" in text and "ký tự điều khiển" in text and "chỉ giữ 300" in text and "Cột D" in text
    assert "không đọc được «\ufffd»" in text
    code, text = run(["--data-dir", ward, "import", "residents", str(path), "--json"], capsys)
    report = json.loads(text[text.index("{"):])
    assert report["imported"] == 2 and report["warnings_total"] == len(report["warnings"]) >= 4


# -- as people run it: the installed entry point -----------------------------------------------------------
def entry(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([bin_path("tocds-cli"), *args], capture_output=True, text=True, env=env or cli_env(),
                          timeout=300, **kw)


@pytest.fixture
def filled(tmp_path) -> tuple[str, dict]:
    """A ward of 3,000 residents, made by tocds-cli in this process (the tests run the real command on it)."""
    env = cli_env(TOCDS_TEST_KEYRING_FILE=str(tmp_path / "keyring.json"))
    data = str(tmp_path / "data")
    assert run_cli(["--data-dir", data, "init", "--ward-code", "00166"], env=env).returncode == 0
    proc = run_cli(["--data-dir", data, "demo-data", "--residents", "3000"], env=env)
    assert proc.returncode == 0, proc.stderr
    return data, env


def test_output_piped_into_head_ends_quietly(filled):
    data, env = filled
    with subprocess.Popen([bin_path("tocds-cli"), "--data-dir", data, "search", "n", "--limit", "3000"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as proc:
        proc.stdout.readline()
        proc.stdout.close()  # what `| head -1` does
        err = proc.stderr.read().decode()
        proc.wait(timeout=300)
    assert proc.returncode in (0, 1)
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err, err


def test_a_damaged_database_says_which_check_failed_and_check_never_crashes(filled):
    data, env = filled
    db = Path(data) / "tocds.db"
    with open(db, "r+b") as fh:  # page 2 and two pages in the middle
        for page in (1, 300, 600):
            fh.seek(4096 * page + 64)
            fh.write(b"\x00" * 128)
    before = db.read_bytes()
    for command in (["stats"], ["search", "an"], ["report", "progress"], ["complaints", "list"],
                    ["import", "residents", str(Path(data).parent / "none.csv")]):
        proc = entry("--data-dir", data, *command, env=env)
        assert proc.returncode in (1, 2), proc
        if command[0] != "import":  # (the missing list is said first)
            assert "bị hỏng" in proc.stderr and "cipher_integrity_check" in proc.stderr, proc.stderr
            assert "Không có thay đổi nào được lưu" in proc.stderr and "khôi phục" in proc.stderr
        assert "Traceback" not in proc.stderr
    proc = entry("--data-dir", data, "check", "--json", env=env)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "HMAC verification failed for page 2" in proc.stdout and "cipher_integrity_check" in proc.stderr
    assert db.read_bytes() == before  # nothing was changed


def _tmpfs(path: Path, size: str) -> bool:
    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    path.mkdir(parents=True, exist_ok=True)
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                          capture_output=True).returncode == 0


def test_a_full_disk_is_called_a_full_disk_with_the_space_needed(tmp_path):
    disk = tmp_path / "small-disk"
    if not _tmpfs(disk, "6m"):
        pytest.skip("needs root to mount a small tmpfs")
    try:
        env = cli_env(TOCDS_TEST_KEYRING_FILE=str(tmp_path / "keyring.json"))
        data = str(disk / "data")
        groups = tmp_path / "groups.txt"
        groups.write_text("\n".join(f"Tổ dân phố số {i}" for i in range(1, 31)), encoding="utf-8")
        assert run_cli(["--data-dir", data, "init", "--ward-code", "00166", "--groups-file", str(groups)], env=env).returncode == 0
        from bench.residents import write_csv

        big = tmp_path / "ward.csv"
        write_csv(big, 0, 20_000)
        proc = entry("--data-dir", data, "import", "residents", str(big), env=env)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr
        assert "đã đầy" in proc.stderr and re.search(r"Cần giải phóng thêm khoảng \d+ MB", proc.stderr), proc.stderr
        stats = entry("--data-dir", data, "stats", "--json", env=env)
        assert stats.returncode == 0 and '"resident": 0' in stats.stdout  # nothing half-imported
        try:  # now the disk is 100% full (the failed import's write-ahead log may have filled it already)
            with open(disk / "filler", "wb") as fh:
                while True:
                    fh.write(b"\0" * 65536)
        except OSError:
            pass
        for command in (["stats"], ["search", "an"], ["check"]):
            proc = entry("--data-dir", data, *command, env=env)
            assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
            assert "đã đầy" in proc.stderr and "khóa giải mã không đúng" not in proc.stderr, proc.stderr
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)
