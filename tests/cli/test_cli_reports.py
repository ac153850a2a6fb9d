"""`tocds-cli report KIND` through the installed entry point: json, xlsx and pdf."""

from __future__ import annotations

import json
import subprocess
import sys

import pdfplumber
import pytest
from openpyxl import load_workbook

from tests.conftest import REPO, bin_path, cli_env
from tests.support.cli_runner import tocds_cli as run

BUILD = """
import sys
from desktop.services.context import open_context
from desktop.services.setup.ward_setup import initialize_ward
from desktop.services.reports.official_report import ReportInputs, save_inputs
from tests.support.report_fixture import build_report_ward
ctx = open_context(sys.argv[1], actor="kiểm thử")
initialize_ward(ctx, "00166", "Tổ CĐS Cầu Giấy", ["Tổ dân phố số 1", "Tổ dân phố số 2", "Thôn Đông"])
build_report_ward(ctx)
save_inputs(ctx, ReportInputs(number="15", difficulties="Thiếu thiết bị hỗ trợ.", signer_title="Tổ trưởng"))
ctx.close()
"""
WEEK = ("--from", "23/11/2026", "--to", "2026-11-29")


@pytest.fixture(scope="module")
def ward(tmp_path_factory) -> str:
    data = str(tmp_path_factory.mktemp("cli-reports") / "data")
    subprocess.run([sys.executable, "-c", BUILD, data], check=True, env=cli_env(), cwd=REPO, timeout=180)
    return data


def test_weekly_json_has_the_hand_computed_figures(ward):
    proc = run("--data-dir", ward, "report", "weekly", *WEEK, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["doc_type"] == "official_report" and doc["number"] == "Số: 15/BC-TCĐS"
    assert doc["period_line"] == "(Tuần từ ngày 23/11/2026 đến ngày 29/11/2026)"
    total = doc["figures"]["adoption"]["total"]
    assert (total["residents"], total["know"], total["installed"], total["account"]) == (10, 8, 5, 3)
    assert doc["figures"]["help_sessions"]["success_rate"] == 40.0
    assert doc["figures"]["complaints"]["acceptance_on_time_pct"] == 66.7
    assert "Thiếu thiết bị hỗ trợ." in doc["sections"][4]["paragraphs"][0]


def test_daily_json_for_one_day(ward):
    proc = run("--data-dir", ward, "report", "daily", "--from", "26/11/2026", "--to", "26/11/2026")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["period_line"] == "(Ngày 26/11/2026)"
    hs = doc["figures"]["help_sessions"]
    assert (hs["total"], hs["successful"], hs["partial"]) == (2, 1, 1)  # the two evening sessions of 26/11


def test_progress_and_complaints_json_agree_with_the_weekly_figures(ward):
    weekly = json.loads(run("--data-dir", ward, "report", "weekly", *WEEK).stdout)["figures"]
    progress = run("--data-dir", ward, "report", "progress", *WEEK)
    assert progress.returncode == 0, progress.stderr
    p = json.loads(progress.stdout)
    assert p["totals"]["account"] == weekly["adoption"]["total"]["account"] == 3
    assert p["activity"]["help_sessions"] == weekly["help_sessions"]["total"] == 6
    complaints = run("--data-dir", ward, "report", "complaints", *WEEK)
    assert complaints.returncode == 0, complaints.stderr
    c = json.loads(complaints.stdout)
    assert c["total"] == weekly["complaints"]["total"] == 4
    assert c["acceptance"] == weekly["complaints"]["acceptance"]


def test_weekly_xlsx_and_pdf_files(ward, tmp_path):
    xlsx, pdf = tmp_path / "tuan.xlsx", tmp_path / "tuan.pdf"
    proc = run("--data-dir", ward, "report", "weekly", *WEEK, "--format", "xlsx", "--out", str(xlsx))
    assert proc.returncode == 0, proc.stderr
    cells = [c.value for row in load_workbook(xlsx).active.iter_rows() for c in row if c.value is not None]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells and "Thôn Đông" in cells
    env_without_display = cli_env()
    env_without_display.pop("QT_QPA_PLATFORM", None)
    env_without_display.pop("DISPLAY", None)
    proc = subprocess.run([bin_path("tocds-cli"), "--data-dir", ward, "report", "weekly", *WEEK, "--format", "pdf",
                           "--out", str(pdf)], capture_output=True, text=True, env=env_without_display, timeout=180)
    assert proc.returncode == 0, proc.stderr
    with pdfplumber.open(pdf) as doc:
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in doc.pages)
    assert "Độc lập - Tự do - Hạnh phúc" in text and "Số: 15/BC-TCĐS" in text


@pytest.mark.parametrize(("kind", "fmt"), [("progress", "xlsx"), ("complaints", "pdf"), ("daily", "xlsx")])
def test_other_kinds_write_files(ward, tmp_path, kind, fmt):
    out = tmp_path / f"{kind}.{fmt}"
    proc = run("--data-dir", ward, "report", kind, *WEEK, "--format", fmt, "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_size > 1000


def test_usage_errors(ward, tmp_path):
    assert run("--data-dir", ward, "report", "monthly").returncode == 2
    bad = run("--data-dir", ward, "report", "weekly", "--from", "31/02/2026")
    assert bad.returncode == 2 and "31/02/2026" in bad.stderr
    assert run("--data-dir", ward, "report", "weekly", "--format", "pdf").returncode == 2  # no --out
