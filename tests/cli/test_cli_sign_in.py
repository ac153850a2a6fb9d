"""One sign-in rule for the command line: once the data folder has operators, every command that reads or
writes personal data needs --operator (secret from --secret-env or the default variable), checks the role
as the GUI does, audits the sign-in with the command; a refusal is one Vietnamese line, exit 1, and stores
nothing. Scheduled `sync` and `check` run unattended."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from desktop import cli
from desktop.services.context import open_context
from desktop.services.setup.demo_data import build_demo_ward
from desktop.store.changelog import ChangeLogEntry
from desktop.store.models import AuditEntry, Complaint, Resident

ADMIN, ADMIN_SECRET = "Ngô Quản Trị", "matkhau-quantri"
VOLUNTEER, VOLUNTEER_PIN = "Lê Tình Nguyện", "246810"


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        code = cli.main(argv)
    except SystemExit as exc:
        code = exc.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def stored(data: str) -> tuple[int, int, int]:
    """(change-log rows, residents, audit entries): what a refused command must not change."""
    ctx = open_context(data)
    try:
        with ctx.read() as s:
            return tuple(s.scalar(select(func.count()).select_from(m)) for m in (ChangeLogEntry, Resident, AuditEntry))
    finally:
        ctx.close()


@pytest.fixture
def ward(tmp_path, capsys, monkeypatch) -> str:
    data = str(tmp_path / "data")
    monkeypatch.setenv("TOCDS_ADMIN_SECRET", ADMIN_SECRET)
    monkeypatch.setenv("TOCDS_BACKUP_PASSPHRASE", "mat-khau-sao-luu-dai")
    assert run(["--data-dir", data, "init", "--ward-code", "00166", "--admin-name", ADMIN], capsys)[0] == 0
    monkeypatch.setenv("TOCDS_OPERATOR_SECRET", ADMIN_SECRET)
    monkeypatch.setenv("TOCDS_NEW_SECRET", VOLUNTEER_PIN)
    code, _out, err = run(["--data-dir", data, "operator", "add", "--name", VOLUNTEER, "--operator", ADMIN], capsys)
    assert code == 0, err
    monkeypatch.delenv("TOCDS_OPERATOR_SECRET")
    monkeypatch.setenv("VOLUNTEER_PIN", VOLUNTEER_PIN)
    monkeypatch.setenv("ADMIN_PASS", ADMIN_SECRET)
    return data


def _commands(tmp_path) -> list[tuple[list[str], bool]]:
    """(arguments, a volunteer may run it) for every command that reads or writes personal data."""
    rows = tmp_path / "list.csv"
    rows.write_text("Họ và tên,Năm sinh\nNguyễn Văn An,1980\n", encoding="utf-8")
    return [
        (["import", "residents", str(rows)], True),
        (["import", "residents", str(rows), "--dry-run"], True),
        (["export", "residents", str(tmp_path / "out.csv")], False),
        (["search", "an"], True),
        (["stats"], True),
        (["demo-data", "--residents", "5"], True),
        (["complaints", "list"], True),
        (["campaigns", "list"], True),
        (["follow-ups", "list"], True),
        (["door-to-door", "--group", "Tổ dân phố số 1"], True),
        (["report", "progress"], True),
        (["handoffs", "list", "--open", "--json"], False),  # the police role and the team lead (#20)
        (["ward-figures", "set", "--year", "2026", "--population-15-plus", "100"], False),
        (["ward-figures", "list"], True),
        (["backup", "--out", str(tmp_path / "b.tocdsbak")], False),
        (["backup-passphrase"], False),
        (["audit"], False),
        (["operator", "add", "--name", "Người Thứ Ba"], False),
        (["init", "--ward-code", "00166"], False),
    ]


def test_every_personal_data_command_needs_a_sign_in_and_the_right_role(ward, tmp_path, capsys):
    for args, volunteer_may in _commands(tmp_path):
        before = stored(ward)
        code, out, err = run(["--data-dir", ward, *args], capsys)
        assert code == 1 and "Cần đăng nhập" in err and "--operator" in err, (args, err)
        assert err.strip().count("\n") == 0 and out == "", (args, err)  # one line
        assert stored(ward) == before, args  # nothing stored, not even an audit entry

        code, _out, err = run(["--data-dir", ward, *args, "--operator", VOLUNTEER, "--secret-env", "ADMIN_PASS"], capsys)
        assert code == 1 and "Mã PIN hoặc mật khẩu không đúng" in err and err.strip().count("\n") == 0, (args, err)

        code, _out, err = run(["--data-dir", ward, *args, "--operator", VOLUNTEER, "--secret-env", "VOLUNTEER_PIN"], capsys)
        if volunteer_may:
            assert code in (0, 1) and "không được phép" not in err, (args, err)  # (1: e.g. a duplicate row)
        else:
            assert code == 1 and "Vai trò «Tình nguyện viên» không được phép" in err, (args, err)
            assert err.strip().count("\n") == 0


def test_the_right_role_runs_the_command_and_the_sign_in_is_audited(ward, tmp_path, capsys):
    out_file = tmp_path / "out.csv"
    code, _out, err = run(["--data-dir", ward, "export", "residents", str(out_file), "--operator", ADMIN,
                           "--secret-env", "ADMIN_PASS"], capsys)
    assert code == 0 and out_file.exists(), err
    code, out, err = run(["--data-dir", ward, "audit", "--json", "--operator", ADMIN, "--secret-env", "ADMIN_PASS"], capsys)
    assert code == 0, err
    entries = json.loads(out)
    commands = [e["detail"].get("command") for e in entries if e["action"] == "sign_in"]
    assert "export residents" in commands and "audit" in commands
    assert any(e["action"] == "export" for e in entries)
    assert any(e["action"] == "sign_in_failed" for e in entries) is False


def test_sync_and_check_run_unattended(ward, capsys):
    code, _out, err = run(["--data-dir", ward, "check"], capsys)
    assert code == 0, err
    code, _out, err = run(["--data-dir", ward, "sync", "--server", "http://127.0.0.1:9"], capsys)
    assert code == 1 and "Cần đăng nhập" not in err and "Traceback" not in err  # refused by the network, not the rule


def test_demo_data_is_all_or_nothing(app_ctx, monkeypatch):
    from desktop.services.setup import complaints_demo

    real = complaints_demo.add_demo_complaints

    def fail_half_way(ctx, rng, n):
        real(ctx, rng, 3)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(complaints_demo, "add_demo_complaints", fail_half_way)
    with pytest.raises(OSError):
        build_demo_ward(app_ctx, 200, seed=3)
    with app_ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Resident)) == 0
        assert s.scalar(select(func.count()).select_from(Complaint)) == 0
    monkeypatch.setattr(complaints_demo, "add_demo_complaints", real)
    counts = build_demo_ward(app_ctx, 200, seed=3)  # and it can run again
    assert counts["residents"] == 200 and counts["complaints"] > 0


def test_follow_ups_mask_phones_and_the_call_sheet_is_revealed_number_by_number(ward, capsys, monkeypatch):
    """#17 item 6: the list masks phones for everyone; --full-phones (the call sheet) needs the reveal
    permission and records one reveal per resident on it."""
    monkeypatch.setenv("TOCDS_OPERATOR_SECRET", ADMIN_SECRET)
    assert run(["--data-dir", ward, "demo-data", "--residents", "300", "--operator", ADMIN], capsys)[0] == 0
    monkeypatch.delenv("TOCDS_OPERATOR_SECRET")
    for who, secret in ((VOLUNTEER, "VOLUNTEER_PIN"), (ADMIN, "ADMIN_PASS")):
        code, out, err = run(["--data-dir", ward, "follow-ups", "list", "--json", "--operator", who,
                              "--secret-env", secret], capsys)
        phones = [r["phone"] for r in json.loads(out) if r["phone"]]
        assert code == 0 and phones and all("*" in p for p in phones), err
    code, out, err = run(["--data-dir", ward, "follow-ups", "list", "--full-phones", "--operator", VOLUNTEER,
                          "--secret-env", "VOLUNTEER_PIN"], capsys)
    assert code == 1 and not out and "không được phép" in err
    code, out, err = run(["--data-dir", ward, "follow-ups", "list", "--full-phones", "--json", "--operator", ADMIN,
                          "--secret-env", "ADMIN_PASS"], capsys)
    sheet = json.loads(out)
    assert code == 0 and sheet and all("*" not in r["phone"] for r in sheet), err
    code, out, _err = run(["--data-dir", ward, "audit", "--json", "--action", "reveal", "--operator", ADMIN,
                           "--secret-env", "ADMIN_PASS"], capsys)
    revealed = {e["record_id"] for e in json.loads(out)
                if e["detail"].get("via") == "tocds-cli follow-ups list --full-phones"}
    assert revealed == {r["resident_id"] for r in sheet if r["phone"]}
