"""`tocds-cli complaints list` and `tocds-cli report complaints` through the entry point."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import cli_env
from tests.support.cli_runner import tocds_cli as run

SEED = r"""
import sys
from datetime import datetime, timedelta
from desktop.core.working_calendar import VN_TZ
from desktop.services.context import open_context
from desktop.services.setup.ward_setup import initialize_ward
from desktop.services.complaints import complaints as svc
ctx = open_context(sys.argv[1], actor="Tình nguyện viên")
gid = initialize_ward(ctx, "00166", "Tổ CĐS", ["Tổ dân phố số 1"]) and None
def draft(**kw):
    base = dict(kind="phan_anh_hien_truong", category="chieu_sang", title="Đèn đường hỏng ở ngõ 12",
                description="Cột đèn đầu ngõ 12 không sáng từ thứ Bảy tuần trước, buổi tối rất tối.",
                anonymous=True, address_text="Ngõ 12 Trần Duy Hưng")
    base.update(kw)
    return svc.ComplaintDraft(**base)
old = svc.file_complaint(ctx, draft(), now=datetime.now(VN_TZ) - timedelta(days=20))
fresh = svc.file_complaint(ctx, draft(category="tieng_on", severity="khan_cap", title="Karaoke quá 22 giờ ở ngõ 5"))
print(old, fresh)
ctx.close()
"""


def seed(data: str) -> tuple[str, str]:
    proc = subprocess.run([sys.executable, "-c", SEED, data], capture_output=True, text=True, env=cli_env(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    old, fresh = proc.stdout.split()
    return old, fresh


def test_complaints_list_json_and_overdue(tmp_path):
    data = str(tmp_path / "d")
    old, fresh = seed(data)
    proc = run("--data-dir", data, "complaints", "list", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = {r["id"]: r for r in json.loads(proc.stdout)}
    assert set(rows) == {old, fresh}
    for key in ("id", "kind", "category", "status", "severity", "recorded_at", "due_at", "overdue"):
        assert key in rows[old]
    assert rows[old]["overdue"] is True and rows[fresh]["overdue"] is False
    assert rows[fresh]["severity"] == "khan_cap" and rows[fresh]["category"] == "tieng_on"
    assert rows[old]["status"] == "da_ghi_nhan" and rows[old]["due_at"] > rows[old]["recorded_at"]

    proc = run("--data-dir", data, "complaints", "list", "--overdue", "--json")
    assert proc.returncode == 0, proc.stderr
    assert [r["id"] for r in json.loads(proc.stdout)] == [old]

    proc = run("--data-dir", data, "complaints", "list", "--overdue")
    assert proc.returncode == 0 and "QUÁ HẠN" in proc.stdout and "1 phản ánh" in proc.stdout


def test_report_complaints_json(tmp_path):
    data = str(tmp_path / "d")
    seed(data)
    proc = run("--data-dir", data, "report", "complaints", "--format", "json", "--from", "01/01/2020")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["total"] == 2 and report["counts_by_status"]["da_ghi_nhan"] == 2
    assert report["acceptance"]["late"] == 1 and report["acceptance"]["on_time_rate"] == 0.0
    for key in ("handling", "average_handling_hours", "satisfaction"):
        assert key in report


def test_complaints_usage_error_exit_code(tmp_path):
    proc = run("--data-dir", str(tmp_path / "d"), "complaints")
    assert proc.returncode == 2
