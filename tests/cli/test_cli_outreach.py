"""demo-data determinism, `report progress --format json`, campaigns and follow-ups lists."""

from __future__ import annotations

import json

from tests.support.cli_runner import tocds_cli as run


def demo(path, seed: int, n: int = 300) -> dict:
    proc = run("--data-dir", str(path), "demo-data", "--residents", str(n), "--seed", str(seed), "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def snapshot(path) -> dict:
    out = {}
    for name, args in (("progress", ("report", "progress", "--format", "json")),
                       ("campaigns", ("campaigns", "list", "--json")),
                       ("follow_ups", ("follow-ups", "list", "--json")),
                       ("stats", ("stats", "--json"))):
        proc = run("--data-dir", str(path), *args)
        assert proc.returncode == 0, proc.stderr
        out[name] = json.loads(proc.stdout)
    return out


def test_same_seed_same_ward_other_seed_differs(tmp_path):
    a, b, _c = demo(tmp_path / "a", 42), demo(tmp_path / "b", 42), demo(tmp_path / "c", 43)
    for counts in (a, b):
        assert counts["residents"] == 300 and counts["campaigns"] >= 7 and counts["help_sessions"] > 50
    sa, sb, sc = snapshot(tmp_path / "a"), snapshot(tmp_path / "b"), snapshot(tmp_path / "c")
    assert sa["campaigns"] == sb["campaigns"]  # ids included: the same seed gives the same records
    assert sa["follow_ups"] == sb["follow_ups"]
    assert sa["progress"]["by_residential_group"] == sb["progress"]["by_residential_group"]
    assert sa["campaigns"] != sc["campaigns"]
    # Every record went through the change log (complaints add updates of their own).
    records = sa["stats"]["records"]
    assert sa["stats"]["pending_changes"] >= sum(records.values())
    assert any(x["outside_office_hours"] and x["kind"] == "sieu_thi" for x in sa["campaigns"])


def test_demo_data_refuses_a_ward_with_residents(tmp_path):
    demo(tmp_path / "d", 1, 20)
    proc = run("--data-dir", str(tmp_path / "d"), "demo-data", "--residents", "20")
    assert proc.returncode == 1
    assert "đã có cư dân" in proc.stderr


def test_report_progress_json(tmp_path):
    demo(tmp_path / "p", 7, 400)
    proc = run("--data-dir", str(tmp_path / "p"), "report", "progress", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    totals = report["totals"]
    assert totals["total"] == 400
    assert totals["aware"] >= totals["installed"] >= totals["account"] > 0
    assert {t["target_group"] for t in report["targets"]} == {"can_bo", "tat_ca"}
    assert sum(g["total"] for g in report["by_residential_group"]) == 400
    assert sum(g["total"] for g in report["by_target_group"]) == 400
    can_bo = next(g for g in report["by_target_group"] if g["code"] == "can_bo")
    assert can_bo["target"]["deadline"].endswith("-07-30")
    assert report["activity"]["help_sessions"] > 0
    assert "warning" in report["communications"]


def test_follow_ups_by_group_and_unknown_group(tmp_path):
    demo(tmp_path / "f", 3, 400)
    all_rows = json.loads(run("--data-dir", str(tmp_path / "f"), "follow-ups", "list", "--json").stdout)
    group = all_rows[0]["residential_group"]
    one = run("--data-dir", str(tmp_path / "f"), "follow-ups", "list", "--group", group.upper(), "--json")
    rows = json.loads(one.stdout)
    assert rows and len(rows) < len(all_rows)
    assert {r["residential_group"] for r in rows} == {group}
    assert len(rows) == sum(r["residential_group"] == group for r in all_rows)
    bad = run("--data-dir", str(tmp_path / "f"), "follow-ups", "list", "--group", "Tổ 99")
    assert bad.returncode == 2 and "Tổ 99" in bad.stderr


def test_campaigns_list_prints_hanoi_times(tmp_path):
    """The plain-text list shows each campaign's start in Hanoi time (an 08:00 booth reads 08:00, not 01:00), as --json
    and the GUI do."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    demo(tmp_path / "c", 5, 30)
    rows = json.loads(run("--data-dir", str(tmp_path / "c"), "campaigns", "list", "--json").stdout)
    text = run("--data-dir", str(tmp_path / "c"), "campaigns", "list")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert len(lines) == len(rows)
    for row, line in zip(rows, lines):
        start = datetime.fromisoformat(row["starts_at"]).astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
        assert line.startswith(start.strftime("%d/%m/%Y %H:%M")), (row["starts_at"], line)
    # the demo's campaigns start at these Hanoi hours (in UTC they would read 01:00, 01:30, 07:00, 10:30, 11:30)
    assert {line[11:16] for line in lines} <= {"08:00", "08:30", "14:00", "17:30", "18:30"}
