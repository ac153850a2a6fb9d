"""Reports for a past period, an empty period and an empty group, and a half-way percentage,
against figures computed by hand (records in tests/support/as_of_fixture.py).

Every report kind (progress, daily/weekly/official, complaints, the dashboard figures) must
count each record as it stood at the period's end, whatever day the report is made on.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from desktop.core.period import Period
from desktop.services.reports.complaints_report import complaints_report
from desktop.services.reports.document import as_document, fmt_cell
from desktop.services.reports.figures import ward_figures
from desktop.services.reports.official_report import official_report
from desktop.services.reports.progress_report import progress_report
from tests.support.as_of_fixture import JANUARY, OCTOBER, TODAY, VN, build_as_of_ward

NO_DATA = "Chưa có số liệu"


@pytest.fixture
def ward(app_ctx):
    build_as_of_ward(app_ctx)
    return app_ctx


def _funnel(row: dict) -> tuple:
    return row["total"], row["aware"], row["installed"], row["account"]


# -- a past period: October 2026, reported on 28/11/2026 -----------------------------------
def test_past_period_progress_counts_each_resident_at_the_stage_reached_by_the_period_end(ward):
    p = progress_report(ward, OCTOBER, today=TODAY)
    t = p["totals"]
    # Stage reached by 31/10 (a stage counts when its date, or a later stage's date, is on or
    # before 31/10): R1 account 20/10; R2 installed 10/10 (account only 10/11); R3 aware 15/09
    # (installed only 02/11); R4 installed 31/10; R5 aware 30/09; R9 installed 12/10 (its aware
    # date 15/11 is later: installing implies knowing); R12 aware 03/10; R16 aware 31/10.
    # R6 (01/11), R8 (20/11), R11 (25/11) and the never-reached R7, R10, R13-R15 count nowhere.
    # aware R1 R2 R3 R4 R5 R9 R12 R16 = 8; installed R1 R2 R4 R9 = 4; account R1 = 1.
    # (Counted by today's stage it would be 11 / 7 / 4.)
    assert _funnel(t) == (16, 8, 4, 1)
    assert t["account_percent"] == 6.3  # 1/16 = 6.25% -> 6.3 (half up)
    # new in October (the first date of the stage or a later one, 01/10-31/10):
    # aware R2 10/10, R4 01/10, R9 12/10, R12 03/10, R16 31/10 = 5; installed R2, R4, R9 = 3; account R1 = 1
    assert (t["new_aware"], t["new_installed"], t["new_account"]) == (5, 3, 1)
    # the whole ward: 100% with an account by 15/09/2026: goal 16, short 16 - 1 = 15,
    # days left 15/09 - 31/10 = -46 (overdue)
    goal = t["target"]
    assert (goal["goal"], goal["remaining"], goal["days_left"], goal["met"], goal["overdue"]) == (16, 15, -46, False, True)
    assert p["as_of"] == "2026-10-31"


def test_past_period_progress_per_group_and_target_group(ward):
    p = progress_report(ward, OCTOBER, today=TODAY)
    groups = {r["name"]: r for r in p["by_residential_group"]}
    g1, g2 = groups["Tổ dân phố số 1"], groups["Tổ dân phố số 2"]
    # G1 = R1-R10: aware R1 R2 R3 R4 R5 R9 = 6; installed R1 R2 R4 R9 = 4; account R1 = 1 -> 1/10 = 10.0%
    assert _funnel(g1) == (10, 6, 4, 1) and g1["account_percent"] == 10.0
    assert (g1["new_aware"], g1["new_installed"], g1["new_account"]) == (3, 3, 1)  # R2 R4 R9; R2 R4 R9; R1
    assert g1["target"]["remaining"] == 9  # 10 - 1
    # G2 = R11-R16: aware R12 (03/10), R16 (31/10) = 2; nothing installed -> 0/6 = 0.0%
    assert _funnel(g2) == (6, 2, 0, 0) and g2["account_percent"] == 0.0
    assert g2["target"]["remaining"] == 6
    tg = {r["code"]: r for r in p["by_target_group"]}
    # nguoi_dan_khac = R1 R2 R5 R6 R9 R10 R12 R13 R14 R15: aware R1 R2 R5 R9 R12; installed R1 R2 R9; account R1
    assert _funnel(tg["nguoi_dan_khac"]) == (10, 5, 3, 1)
    # nguoi_cao_tuoi = R3 R4 R11 R16: aware R3 R4 R16; installed R4; account none
    assert _funnel(tg["nguoi_cao_tuoi"]) == (4, 3, 1, 0)
    # hoc_sinh_sinh_vien = R7 R8: R8's dates are all 20/11 -> nothing by 31/10
    assert _funnel(tg["hoc_sinh_sinh_vien"]) == (2, 0, 0, 0)


def test_past_period_communications_and_sessions_stop_at_the_period_end(ward):
    p = progress_report(ward, OCTOBER, today=TODAY)
    c = p["communications"]
    # items 28/09, 20/10, 29/10, 25/11: the last one by 31/10 is 29/10, 31 - 29 = 2 days: no warning
    assert (c["last_on"], c["days_since"], c["warning"]) == ("2026-10-29", 2, False)
    assert c["message"] == "Tin truyền thông gần nhất: 29/10/2026 (2 ngày trước)."
    # sessions started in October: 01/10, 12/10, 20/10 (successful), 31/10 23:00 (ended 01/11 00:30:
    # still going at the period's end, so not yet successful) = 4, of which 1 successful
    assert (p["activity"]["help_sessions"], p["activity"]["successful_sessions"]) == (4, 1)


def test_past_period_dashboard_figures_agree(ward):
    f = ward_figures(ward, OCTOBER, today=TODAY)
    a = f["adoption"]
    t = a["total"]
    assert (t["residents"], t["know"], t["installed"], t["account"]) == (16, 8, 4, 1)
    # 8/16 = 50.0%, 4/16 = 25.0%, 1/16 = 6.25% -> 6.3%
    assert (t["know_pct"], t["installed_pct"], t["account_pct"]) == (50.0, 25.0, 6.3)
    assert (t["new_know"], t["new_installed"], t["new_account"]) == (5, 3, 1)
    assert t["target"]["remaining"] == 15 and t["target"]["days_left"] == -46
    assert a["as_of"] == "2026-10-31"
    h = f["help_sessions"]
    # 01/10 partly, 12/10 partly, 20/10 successful, 31/10 23:00 still going at the end:
    # finished 3, successful 1 -> 1/3 = 33.3%
    assert (h["total"], h["successful"], h["partial"], h["failed"], h["ongoing"]) == (4, 1, 2, 0, 1)
    assert h["success_rate"] == 33.3
    m = f["communications"]
    # in October: 20/10, 29/10 = 2; last by 31/10: 29/10, 2 days
    assert (m["items_in_period"], m["last_item_on"], m["days_since_last"], m["overdue"]) == (2, "2026-10-29", 2, False)


def test_past_period_complaints_as_they_stood_at_the_period_end(ward):
    # made on 28/11 (K2 was reopened on 05/11, K3 accepted on 03/11): October is as of 01/11 00:00
    c = complaints_report(ward, OCTOBER, now=datetime(2026, 11, 28, 9, tzinfo=VN).astimezone(timezone.utc))
    assert c["total"] == 4  # K1-K4 recorded in October; K5 on 10/11
    # status at the end of October: K1 rated (09/10 15:00), K2 handled (28/10; reopened only 05/11),
    # K3 passed on (accepted only 03/11), K4 recorded
    assert {k: v for k, v in c["counts_by_status"].items() if v} == {
        "da_danh_gia": 1, "da_xu_ly": 1, "da_chuyen": 1, "da_ghi_nhan": 1}
    # acceptance: K1 05/10 14:00 <= due 06/10 09:00 on time; K2 20/10 10:00 <= 21/10 09:00 on time;
    # K3 not accepted by the end, due 02/11 14:00 still ahead: pending; K4 due 27/10 09:00 passed: late
    assert (c["acceptance"]["on_time"], c["acceptance"]["late"], c["acceptance"]["pending"]) == (2, 1, 1)
    # handling: K1 handled again 09/10 09:00; its clock restarted at the reopening 08/10 09:00, due 40
    # working hours later = 15/10 09:00 (Thu 7 h, Fri 8, Mon 8, Tue 8, Wed 8, Thu 08-09): on time.
    # K2 accepted 20/10 10:00, due 40 working hours later (Tue 10-12 and 13-17 = 6, Wed-Fri 24, Mon 8,
    # Tue 08-10) = 27/10 10:00, handled 28/10 09:00: late. K3, K4 not accepted: not counted.
    assert (c["handling"]["on_time"], c["handling"]["late"], c["handling"]["pending"]) == (1, 1, 0)
    assert c["overdue_now"] == 1  # K4 (K2 was handled at the time, K3's deadline still ahead)
    # every handling, the one before a reopening too: K1 05/10 09:00 -> 07/10 09:00 = 48 h (16 working
    # hours: Mon 7, Tue 8, Wed 1); K1 again 08/10 09:00 -> 09/10 09:00 = 24 h (8: Thu 7, Fri 1);
    # K2 20/10 09:00 -> 28/10 09:00 = 192 h (48: Tue 7, Wed-Fri 24, Mon 8, Tue 8, Wed 1)
    assert c["handled_count"] == 3
    assert c["average_handling_hours"] == 88.0  # (48 + 24 + 192) / 3
    assert c["average_handling_working_hours"] == 24.0  # (16 + 8 + 48) / 3
    # feedback by the end: K1 "no" 2 (08/10) and "yes" 4 (09/10); K2's (05/11) came later
    sat = c["satisfaction"]
    assert (sat["responses"], sat["resolved"]["co"], sat["resolved"]["khong"], sat["average_rating"]) == (2, 1, 1, 3.0)


def test_reopened_complaint_keeps_its_first_handling_today(ward):
    # 01/10-28/11 made on 28/11 12:00: K2 was handled on 28/10 and reopened on 05/11 (open now);
    # its first handling still counts: K1 48 h, K1 24 h, K2 192 h -> 264 / 3 = 88.0 h
    now = datetime(2026, 11, 28, 12, tzinfo=VN).astimezone(timezone.utc)
    c = complaints_report(ward, Period(date(2026, 10, 1), TODAY), now=now)
    assert c["handled_count"] == 3 and c["average_handling_hours"] == 88.0
    assert c["counts_by_status"]["dang_xu_ly"] == 1  # K2 today
    assert any("mở lại" in note for note in c["notes"])  # the rule is written in the report


def test_past_period_official_report_text(ward):
    doc = official_report(ward, OCTOBER, "period", today=TODAY)
    assert doc["period_line"] == "(Tháng 10 năm 2026)"
    adoption = doc["sections"][0]["paragraphs"]
    # "Đến hết kỳ" and "Trong kỳ" agree: every one of them became aware after 30/09 except R1, R3, R5
    assert adoption[0] == ("Tổng số cư dân trong danh sách của tổ: 16. Đến hết kỳ báo cáo: 8 người đã biết đến "
                           "iHaNoi (50%); 4 người đã cài đặt ứng dụng (25%); 1 người đã tạo tài khoản (6,3%).")
    assert adoption[1] == "Trong kỳ: thêm 5 người biết đến, 3 người cài đặt, 1 người tạo tài khoản."
    assert any("còn thiếu 15 người" in line and "đã quá hạn 46 ngày" in line for line in adoption)
    comms = doc["sections"][3]["paragraphs"]
    assert comms[0] == "Trong kỳ đã đăng 2 tin, bài. Tin gần nhất đăng ngày 29/10/2026, cách 2 ngày."


# -- an empty period: January 2026, before any record ----------------------------------------
def test_empty_period_counts_nothing_reached(ward):
    p = progress_report(ward, JANUARY, today=TODAY)
    t = p["totals"]
    # nobody had reached any stage by 31/01/2026: 0 of 16 = 0.0%; 16 short of 100%
    assert _funnel(t) == (16, 0, 0, 0) and t["account_percent"] == 0.0
    assert (t["new_aware"], t["new_installed"], t["new_account"]) == (0, 0, 0)
    # days left 15/09/2026 - 31/01/2026 = 227; pace 16 / 227 = 0.0705 -> 0.1 a day
    assert (t["target"]["remaining"], t["target"]["days_left"], t["target"]["pace_per_day"]) == (16, 227, 0.1)
    c = p["communications"]
    assert (c["last_on"], c["days_since"], c["warning"]) == (None, None, True)  # the first item is 28/09
    assert (p["activity"]["help_sessions"], p["activity"]["successful_sessions"]) == (0, 0)
    f = ward_figures(ward, JANUARY, today=TODAY)
    assert (f["adoption"]["total"]["know"], f["adoption"]["total"]["account_pct"]) == (0, 0.0)
    assert f["communications"]["last_item_on"] is None and f["help_sessions"]["total"] == 0
    assert f["complaints"]["total"] == 0 and f["complaints"]["average_handling_hours"] is None
    doc = official_report(ward, JANUARY, "period", today=TODAY, figures=f)
    assert doc["period_line"] == "(Tháng 01 năm 2026)"
    text = " ".join(doc["sections"][0]["paragraphs"])
    # 16 short, 227 days left, 16 / 227 = 0.07 a day -> 0,1
    assert "0 người đã tạo tài khoản (0%)" in text and "còn thiếu 16 người (cần bình quân 0,1 người/ngày)" in text
    assert doc["sections"][3]["paragraphs"][0] == "Trong kỳ đã đăng 0 tin, bài. Chưa đăng tin nào."


# -- an empty group: Thôn Đông has nobody; no resident is an official --------------------------
def test_empty_group_has_no_figure_and_meets_no_target(ward):
    p = progress_report(ward, OCTOBER, today=TODAY)
    empty = next(r for r in p["by_residential_group"] if r["name"] == "Thôn Đông")
    assert _funnel(empty) == (0, 0, 0, 0) and empty["account_percent"] is None
    # nobody to count: not met, and no number short (before: met, "Còn thiếu 0")
    assert empty["target"]["met"] is False and empty["target"]["no_residents"] is True
    assert empty["target"]["remaining"] is None and empty["target"]["pace_per_day"] is None
    officials = next(r for r in p["by_target_group"] if r["code"] == "can_bo")
    assert officials["total"] == 0 and officials["target"]["met"] is False and officials["target"]["remaining"] is None
    f = ward_figures(ward, OCTOBER, today=TODAY)
    fig_empty = next(r for r in f["adoption"]["by_group"] if r["name"] == "Thôn Đông")
    assert fig_empty["account_pct"] is None and fig_empty["target"]["met"] is False


def test_empty_group_reads_the_same_in_every_report(ward):
    doc = official_report(ward, OCTOBER, "weekly", today=TODAY)
    text = " ".join(doc["sections"][0]["paragraphs"])
    assert "đã đạt mục tiêu" not in text and "hiện đạt -" not in text
    officials = next(line for line in doc["sections"][0]["paragraphs"] if "Cán bộ, công chức, viên chức" in line)
    assert officials == ("Mục tiêu: 100% Cán bộ, công chức, viên chức tạo tài khoản trước ngày 30/07/2026: "
                         "chưa có người nào trong danh sách thuộc nhóm này.")
    official_rows = {r[1]: r for r in doc["sections"][0]["tables"][0]["rows"]}
    official_kinds = doc["sections"][0]["tables"][0]["kinds"]
    shown = [fmt_cell(v, k) for v, k in zip(official_rows["Thôn Đông"], official_kinds)]
    assert shown[2:] == ["0", "0", NO_DATA, "0", NO_DATA, "0", NO_DATA]
    progress_doc = as_document("progress", progress_report(ward, OCTOBER, today=TODAY))
    table = progress_doc["sections"][0]["tables"][0]
    row = next(r for r in table["rows"] if r[1] == "Thôn Đông")
    cells = dict(zip(table["columns"], (fmt_cell(v, k) for v, k in zip(row, table["kinds"]))))
    assert cells["Tỷ lệ"] == NO_DATA and cells["Còn thiếu"] == NO_DATA


# -- half-way rounding ---------------------------------------------------------------------
def test_half_way_percent_rounds_up_everywhere(ward):
    # 1 account of 16 residents = 6.25%: official reports write 6,3% (half up), not 6,2% (half to even)
    from desktop.core.rounding import half_up, percent

    assert percent(1, 16) == 6.3 and half_up(6.25) == 6.3 and half_up(0.125, 2) == 0.13
    assert percent(1, 3) == 33.3 and percent(2, 3) == 66.7 and percent(0, 0) is None
    assert fmt_cell(6.25, "pct") == "6,3%"
    f = ward_figures(ward, OCTOBER, today=TODAY)
    assert f["adoption"]["total"]["account_pct"] == 6.3
    assert progress_report(ward, OCTOBER, today=TODAY)["totals"]["account_percent"] == 6.3


# -- titles follow the period ---------------------------------------------------------------
@pytest.mark.parametrize(("start", "end", "line"), [
    (date(2026, 8, 4), date(2026, 10, 3), "(Từ ngày 04/08/2026 đến ngày 03/10/2026)"),
    (date(2026, 11, 23), date(2026, 11, 29), "(Tuần từ ngày 23/11/2026 đến ngày 29/11/2026)"),
    (date(2026, 11, 24), date(2026, 11, 30), "(Từ ngày 24/11/2026 đến ngày 30/11/2026)"),  # 7 days, not Mon-Sun
    (date(2026, 10, 1), date(2026, 10, 31), "(Tháng 10 năm 2026)"),
    (date(2026, 2, 1), date(2026, 2, 28), "(Tháng 02 năm 2026)"),
    (date(2026, 11, 1), date(2026, 11, 28), "(Từ ngày 01/11/2026 đến ngày 28/11/2026)"),
    (date(2026, 11, 26), date(2026, 11, 26), "(Ngày 26/11/2026)"),
])
def test_weekly_title_follows_the_period(app_ctx, start, end, line):
    doc = official_report(app_ctx, Period(start, end), "weekly", today=TODAY)
    assert doc["period_line"] == line
    assert as_document("progress", progress_report(app_ctx, Period(start, end), today=TODAY))["period_line"] == line


# -- the rule against an independent recount, on a demo ward ----------------------------------
def _recount(rows, as_of: date, since: date) -> dict:
    """Count from the raw stage dates in Python: a stage is reached on the earliest date of it or of a
    later stage the resident has reached (installing implies knowing)."""
    order = ("chua_biet", "da_biet", "da_cai_dat", "da_tao_tai_khoan")
    out = {"total": 0, "aware": 0, "installed": 0, "account": 0, "new_aware": 0, "new_installed": 0, "new_account": 0}
    for stage, *dates in rows:
        out["total"] += 1
        rank = order.index(stage)
        for level, key in ((1, "aware"), (2, "installed"), (3, "account")):
            known = [d for k, d in enumerate(dates, 1) if k >= level and k <= rank and d is not None]
            if rank < level or not known:
                continue
            on = min(known)
            out[key] += on <= as_of
            out[f"new_{key}"] += since <= on <= as_of
    return out


def test_every_report_agrees_with_a_recount_from_the_stage_dates(app_ctx):
    from sqlalchemy import select

    from desktop.services.setup.demo_data import build_demo_ward
    from desktop.store.models import Resident

    build_demo_ward(app_ctx, 400, seed=11, today=date(2026, 12, 1))  # stage dates 03/08 - 30/11/2026
    with app_ctx.read() as s:
        rows = s.execute(select(Resident.adoption_stage, Resident.aware_on, Resident.installed_on, Resident.account_on)
                         .where(Resident.deleted_at.is_(None))).all()
    assert all(stage == "chua_biet" or aware or installed or account for stage, aware, installed, account in rows)
    for period in (Period(date(2026, 8, 4), date(2026, 10, 3)), Period(date(2026, 10, 1), date(2026, 10, 31)),
                   JANUARY, Period(date(2026, 11, 23), date(2026, 11, 29))):
        want = _recount(rows, period.end, period.start)
        p = progress_report(app_ctx, period, today=date(2026, 12, 1))
        assert {k: p["totals"][k] for k in want} == want, period
        f = ward_figures(app_ctx, period, today=date(2026, 12, 1))["adoption"]["total"]
        assert (f["know"], f["installed"], f["account"], f["new_know"], f["new_installed"], f["new_account"]) == (
            want["aware"], want["installed"], want["account"], want["new_aware"], want["new_installed"], want["new_account"])


def test_a_stage_without_a_date_counts_from_the_day_the_record_was_made(app_ctx):
    """A record synced or imported with a stage but no date (an old list) is counted from the day it
    was made: never before, and never lost."""
    from datetime import timedelta

    from desktop.core.period import today_vn
    from desktop.services.outreach import targets
    from desktop.store.models import Resident

    with app_ctx.write() as s:
        s.add(Resident(full_name="Không Rõ Ngày", adoption_stage="da_cai_dat"))
    today = today_vn()
    assert targets.progress(app_ctx, as_of=today - timedelta(days=1))["totals"]["installed"] == 0
    now = targets.progress(app_ctx, as_of=today, since=today)["totals"]
    assert (now["aware"], now["installed"], now["account"], now["new_installed"]) == (1, 1, 0, 1)
