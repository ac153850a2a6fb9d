"""`tocds-cli` writes UTF-8 whatever the console or redirection asks for (#23 item 3).

Windows gives a redirected or piped stream its ANSI code page (cp1258 on a Vietnamese laptop);
`PYTHONIOENCODING=cp1258` makes Python on Linux choose the same.
"""

from __future__ import annotations

import json
import subprocess

from tests.conftest import bin_path, cli_env

LEGACY = {"PYTHONIOENCODING": "cp1258", "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}


def test_json_redirected_to_a_file_is_utf8(tmp_path):
    out = tmp_path / "out.json"
    with open(out, "wb") as fh:
        proc = subprocess.run([bin_path("tocds-cli"), "--data-dir", str(tmp_path / "d"), "init", "--ward-code", "00166",
                               "--json"], stdout=fh, stderr=subprocess.PIPE, env=cli_env(**LEGACY), timeout=120)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert json.loads(out.read_bytes().decode("utf-8"))["ward_name"] == "Phường Cầu Giấy"
    assert b"UnicodeEncodeError" not in proc.stderr


def test_messages_through_a_pipe_are_utf8(tmp_path):
    proc = subprocess.run([bin_path("tocds-cli"), "--data-dir", str(tmp_path / "d"), "init", "--ward-code", "99999"],
                          capture_output=True, env=cli_env(**LEGACY), timeout=120)
    assert proc.returncode == 1  # refused, said in Vietnamese, not a crash of the message itself
    assert "Mã phường/xã không có trong danh mục" in proc.stderr.decode("utf-8")


def test_json_through_a_pipe_is_utf8(tmp_path):
    # (the locale stays UTF-8 here: under LC_ALL=C Linux would decode the Vietnamese argument itself
    # as ASCII, which Windows, with its wide-character command line, never does)
    producer = subprocess.Popen([bin_path("tocds-cli"), "--data-dir", str(tmp_path / "d"), "init", "--ward-code", "00166",
                                 "--team-name", "Tổ CĐS phường Cầu Giấy", "--json"], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, env=cli_env(PYTHONIOENCODING="cp1258", PYTHONUTF8="0"))
    reader = subprocess.run(["cat"], stdin=producer.stdout, capture_output=True, timeout=120)
    producer.stdout.close()
    assert producer.wait(timeout=120) == 0
    assert json.loads(reader.stdout.decode("utf-8"))["team_name"] == "Tổ CĐS phường Cầu Giấy"
