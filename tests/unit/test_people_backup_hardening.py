"""Backups as untrusted input: the header's key-derivation parameters are bounded before any derivation,
chunk lengths before any read; a failed restore leaves nothing behind, and a killed one is swept (while
unpacking) or finished (while putting the data in place) at the next start."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.services.people import backup, restore
from tests.conftest import REPO, cli_env
from tests.support.cli_runner import run_cli

PASS = "mat-khau-sao-luu-2026"


def _rewrite_header(src: Path, dst: Path, change) -> Path:
    raw = src.read_bytes()
    (hlen,) = struct.unpack(">I", raw[8:12])
    meta = json.loads(raw[12:12 + hlen])
    change(meta)
    header = json.dumps(meta, sort_keys=True).encode()
    dst.write_bytes(raw[:8] + struct.pack(">I", len(header)) + header + raw[12 + hlen:])
    return dst


@pytest.fixture
def made(app_ctx, tmp_path) -> Path:
    return Path(backup.create_backup(app_ctx, tmp_path / "ok.tocdsbak", PASS).path)


@pytest.mark.parametrize("field,value", [("n", 2**30), ("n", 2**20), ("n", 3 * 2**10), ("r", 64), ("p", 1 << 20),
                                         ("p", True), ("n", "32768")])
def test_a_tampered_scrypt_parameter_is_refused_before_any_key_derivation(made, tmp_path, monkeypatch, field, value):
    bad = _rewrite_header(made, tmp_path / "bad.tocdsbak", lambda m: m["scrypt"].__setitem__(field, value))
    monkeypatch.setattr(backup, "_derive", lambda *a: pytest.fail("key derivation ran on a tampered header"))
    target = tmp_path / "fresh"
    with pytest.raises(backup.BackupError) as refused:
        restore.restore_backup(bad, PASS, target)
    assert "ngoài giới hạn" in str(refused.value) and "n ≤ 131072" in str(refused.value)
    assert not target.exists()  # nothing made


def test_other_header_fields_and_a_huge_chunk_length_are_refused(made, tmp_path):
    for name, change in [("salt", lambda m: m.__setitem__("salt", "zz")),
                         ("prefix", lambda m: m.__setitem__("nonce_prefix", "00" * 64)),
                         ("chunk", lambda m: m.__setitem__("chunk", 1 << 40)),
                         ("list", lambda m: m.__setitem__("scrypt", [1, 2, 3]))]:
        with pytest.raises(backup.BackupError, match="ngoài giới hạn"):
            backup.read_manifest(_rewrite_header(made, tmp_path / f"{name}.tocdsbak", change), PASS)
    raw = bytearray(made.read_bytes())
    (hlen,) = struct.unpack(">I", raw[8:12])
    raw[12 + hlen:16 + hlen] = struct.pack(">I", 0xFFFFFFF0)  # the first chunk says it is 4 GB long
    huge = tmp_path / "huge.tocdsbak"
    huge.write_bytes(bytes(raw))
    with pytest.raises(backup.BackupError, match="đoạn 1"):
        restore.restore_backup(huge, PASS, tmp_path / "r")
    assert not (tmp_path / "r").exists()


def test_a_failed_restore_into_a_new_folder_leaves_no_folder(made, tmp_path):
    with pytest.raises(backup.BackupError):
        restore.restore_backup(made, "sai-mat-khau-roi", tmp_path / "new")
    assert not (tmp_path / "new").exists()


KILLER = r"""
import os, signal, sys
from desktop.services.people import backup, restore
from desktop.store import keys
where = sys.argv[4]
if where == "unpacked":  # after the backup is unpacked into the stage, before anything is in place
    restore._check_and_rekey = lambda *a: os.kill(os.getpid(), signal.SIGKILL)
else:  # the database is in place, its new key not yet stored
    real = keys.set_secret
    def set_secret(name, value):
        if name == keys.db_key_name(backup.DataFolder.resolve(sys.argv[3]).key_id):
            os.kill(os.getpid(), signal.SIGKILL)
        real(name, value)
    keys.set_secret = set_secret
restore.restore_backup(sys.argv[1], sys.argv[2], sys.argv[3], replace=True)
"""


def _cli(*args: str, env: dict) -> subprocess.CompletedProcess:
    """tocds-cli in this process (the killed restore itself runs in a process of its own)."""
    return run_cli(args, env=env)


@pytest.fixture
def two_wards(tmp_path) -> tuple[dict, str, Path]:
    """Ward A with 40 demo residents backed up; ward B (the restore target) with 0 residents of its own."""
    env = cli_env(TOCDS_TEST_KEYRING_FILE=str(tmp_path / "keyring.json"), TOCDS_BACKUP_PASSPHRASE=PASS)
    a, b = str(tmp_path / "a"), str(tmp_path / "b")
    for data in (a, b):
        assert _cli("--data-dir", data, "init", "--ward-code", "00166", env=env).returncode == 0
    assert _cli("--data-dir", a, "demo-data", "--residents", "40", env=env).returncode == 0
    out = tmp_path / "a.tocdsbak"
    proc = _cli("--data-dir", a, "backup", "--out", str(out), env=env)
    assert proc.returncode == 0, proc.stderr
    return env, b, out


def _residents(data: str, env: dict) -> int:
    proc = _cli("--data-dir", data, "stats", "--json", env=env)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)["records"]["resident"]


@pytest.mark.parametrize("where,expected", [("unpacked", 0), ("in_place", 40)])
def test_a_killed_restore_leaves_nothing_behind(two_wards, where, expected):
    env, target, out = two_wards
    proc = subprocess.run([sys.executable, "-c", KILLER, str(out), PASS, target, where], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == -9, proc.stderr  # killed, as by the task manager or a power cut
    assert list(Path(target).glob(".restore-*")), "the kill left its stage (or journal) behind"
    # The next start sweeps a half-unpacked stage (the old data stays) or finishes a half-placed restore.
    assert _residents(target, env) == expected
    assert not list(Path(target).glob(".restore-*"))
    check = _cli("--data-dir", target, "check", "--json", env=env)
    assert check.returncode == 0 and json.loads(check.stdout)["database_ok"], check.stderr
