"""`tocds-cli handoffs list [--open] --json` and `handoffs close` for the police role, `ward-figures set`
for the team lead, `triage show` naming what is wrong in the ward's own guides file."""

from __future__ import annotations

import json

import pytest

from desktop import cli
from desktop.core.triage import LOCAL_FILE_NAME

ADMIN, ADMIN_SECRET = "Ngô Quản Trị", "matkhau-quantri"
POLICE, POLICE_PIN = "Phạm Công An", "135792"


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        code = cli.main(argv)
    except SystemExit as exc:
        code = exc.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def ward(tmp_path, capsys, monkeypatch) -> str:
    data = str(tmp_path / "data")
    monkeypatch.setenv("TOCDS_ADMIN_SECRET", ADMIN_SECRET)
    monkeypatch.setenv("TOCDS_BACKUP_PASSPHRASE", "mat-khau-sao-luu-dai")
    assert run(["--data-dir", data, "init", "--ward-code", "00166", "--admin-name", ADMIN], capsys)[0] == 0
    monkeypatch.setenv("TOCDS_OPERATOR_SECRET", ADMIN_SECRET)
    monkeypatch.setenv("TOCDS_NEW_SECRET", POLICE_PIN)
    code, _out, err = run(["--data-dir", data, "operator", "add", "--name", POLICE, "--role", "cong_an",
                           "--operator", ADMIN], capsys)
    assert code == 0, err
    code, _out, err = run(["--data-dir", data, "demo-data", "--residents", "400", "--operator", ADMIN], capsys)
    assert code == 0, err
    monkeypatch.setenv("POLICE_PIN", POLICE_PIN)
    return data


def test_the_police_list_and_close_hand_offs(ward, capsys):
    signed = ["--operator", POLICE, "--secret-env", "POLICE_PIN"]
    code, out, err = run(["--data-dir", ward, "handoffs", "list", "--json", *signed], capsys)
    assert code == 0, err
    every = json.loads(out)
    code, out, err = run(["--data-dir", ward, "handoffs", "list", "--open", "--json", *signed], capsys)
    assert code == 0, err
    waiting = json.loads(out)
    assert waiting and all(h["state"] == "mo" for h in waiting) and len(waiting) < len(every)
    first = waiting[0]
    assert {"resident_name", "needed", "since", "days_open", "reason"} <= set(first)
    assert first["since"] == min(h["since"] for h in waiting)  # the longest waiting first
    code, out, err = run(["--data-dir", ward, "handoffs", "close", first["id"], "--state", "tra_lai", *signed], capsys)
    assert code == 1 and "Cần ghi lý do" in err and err.strip().count("\n") == 0
    code, out, err = run(["--data-dir", ward, "handoffs", "close", first["id"], "--state", "xong", "--json", *signed], capsys)
    assert code == 0 and json.loads(out)["state"] == "xong", err
    code, out, _err = run(["--data-dir", ward, "handoffs", "list", "--open", "--json", *signed], capsys)
    assert first["id"] not in {h["id"] for h in json.loads(out)}
    code, out, err = run(["--data-dir", ward, "audit", "--json", "--operator", ADMIN], capsys)
    assert any(e["action"] == "handoff" and e["record_id"] == first["id"] and e["role"] == "cong_an" for e in json.loads(out))


def test_the_team_lead_enters_the_ward_figures_and_the_report_uses_them(ward, capsys):
    code, out, err = run(["--data-dir", ward, "ward-figures", "set", "--year", "2026", "--population-15-plus", "523",
                          "--smartphone-owners", "450", "--households", "190", "--operator", ADMIN, "--json"], capsys)
    assert code == 0 and json.loads(out)["population_15_plus"] == 523, err
    code, out, err = run(["--data-dir", ward, "ward-figures", "set", "--year", "2026", "--population-15-plus", "100",
                          "--smartphone-owners", "200", "--operator", ADMIN], capsys)
    assert code == 1 and "không thể lớn hơn" in err
    code, out, err = run(["--data-dir", ward, "report", "progress", "--from", "2026-01-01", "--to", "2026-12-31",
                          "--operator", ADMIN], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["population_15_plus"] == 523 and data["households_total"] == 190
    for key in ("accounts_total", "accounts_new_in_period", "share_of_15_plus", "share_of_smartphone_owners",
                "households_covered"):
        assert key in data


def test_triage_show_names_a_broken_ward_file(ward, capsys):
    code, out, err = run(["--data-dir", ward, "triage", "show", "--json"], capsys)
    assert code == 0 and json.loads(out)["reasons"]["khong_co_vneid_muc_2"]["police"] is True, err
    (cli.Path(ward) / LOCAL_FILE_NAME).write_text('{"reasons": {"may_cu": {"steps": "một bước"}}}', encoding="utf-8")
    code, out, err = run(["--data-dir", ward, "triage", "show"], capsys)
    assert code == 1 and LOCAL_FILE_NAME in err and "may_cu" in err and "steps" in err
    assert "Điện thoại cũ" in out  # the shipped guides are still printed


def test_a_visits_needs_the_police_is_on_the_open_list(tmp_path, capsys):
    from desktop.services.context import open_context
    from desktop.services.households import coverage, households as hh, visits
    from desktop.services.residents import residents as svc
    from desktop.services.setup.ward_setup import add_residential_groups

    data = str(tmp_path / "data")
    assert run(["--data-dir", data, "init", "--ward-code", "00166"], capsys)[0] == 0
    ctx = open_context(data, actor="Tình nguyện viên")
    try:
        add_residential_groups(ctx, ["Tổ dân phố số 1"])
        group = coverage.find_group(ctx, "Tổ dân phố số 1")["id"]
        head = svc.register_resident(ctx, svc.ResidentInput(full_name="Nguyễn Văn An", birth_year=1950, residential_group_id=group,
                                                            address_detail="Số 1 ngõ 2", household=hh.NEW_HOUSEHOLD))
        for _visit in range(2):  # the second visit with the same need makes no second hand-off
            visits.record_visit(ctx, visits.VisitInput(head.household_id, {head.id: "can_cong_an"},
                                                       police_reasons={head.id: ["sai_so_dien_thoai_vneid"]}))
    finally:
        ctx.close()
    code, out, err = run(["--data-dir", data, "handoffs", "list", "--open", "--json"], capsys)
    assert code == 0, err
    [h] = json.loads(out)
    assert (h["resident_name"], h["reason"], h["state"], h["days_open"]) == ("Nguyễn Văn An", "sai_so_dien_thoai_vneid", "mo", 0)
    assert h["needed"] == "Đổi số điện thoại trên tài khoản VNeID" and h["residential_group"] == "Tổ dân phố số 1"
    assert head.household_code in h["notes"]
