"""The one source of numbers against a ward whose figures were computed by hand.

The records are in tests/support/report_fixture.py; every expected number below is
written literally with the arithmetic beside it.
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.period import Period
from desktop.services.reports.figures import ward_figures
from desktop.services.reports.official_report import ReportInputs, load_inputs, official_report, save_inputs
from tests.support.report_fixture import TODAY, WEEK, build_report_ward


@pytest.fixture
def figures(app_ctx):
    build_report_ward(app_ctx)
    return ward_figures(app_ctx, WEEK, today=TODAY)


def test_ward_and_period(figures):
    assert figures["ward"]["code"] == "00166"
    # made on 28/11, before the week ends: the figures stand at the end of 28/11
    assert figures["period"] == {"from": "2026-11-23", "to": "2026-11-29", "as_of": "2026-11-28"}


def test_adoption_total(figures):
    t = figures["adoption"]["total"]
    # 10 residents. Stage >= da_biet: Một, Hai, Ba, Sáu, Bảy, Tám, Chín, Mười = 8 -> 8/10 = 80.0%
    # >= da_cai_dat: Một, Hai, Sáu, Tám, Chín = 5 -> 50.0%;  account: Một, Sáu, Chín = 3 -> 30.0%
    assert (t["residents"], t["know"], t["installed"], t["account"]) == (10, 8, 5, 3)
    assert (t["know_pct"], t["installed_pct"], t["account_pct"]) == (80.0, 50.0, 30.0)
    # dated inside 23-29/11: aware Hai 25, Sáu 23, Bảy 27 = 3; installed Hai 25, Sáu 23 = 2;
    # account Một 24, Sáu 23, Chín 26 = 3
    assert (t["new_know"], t["new_installed"], t["new_account"]) == (3, 2, 3)
    # ward-wide target 100% accounts by 15/9/2026: goal ceil(10*1.0)=10, remaining 10-3=7,
    # days left 15/09/2026 - 28/11/2026 = -74 (report made on 28/11, before the week ends)
    assert t["target"]["goal"] == 10 and t["target"]["remaining"] == 7
    assert t["target"]["days_left"] == -74 and t["target"]["overdue"] is True


def test_adoption_per_residential_group(figures):
    rows = {r["name"]: r for r in figures["adoption"]["by_group"]}
    g1, g2, g3 = rows["Tổ dân phố số 1"], rows["Tổ dân phố số 2"], rows["Thôn Đông"]
    # G1: Một (account), Hai (installed), Ba (aware), Bốn (not aware): 4 / 3 / 2 / 1
    assert (g1["residents"], g1["know"], g1["installed"], g1["account"]) == (4, 3, 2, 1)
    assert (g1["know_pct"], g1["installed_pct"], g1["account_pct"]) == (75.0, 50.0, 25.0)  # 3/4, 2/4, 1/4
    # G2: Năm (not aware), Sáu (account), Bảy (aware): 3 / 2 / 1 / 1; 2/3 = 66.7%, 1/3 = 33.3%
    assert (g2["residents"], g2["know"], g2["installed"], g2["account"]) == (3, 2, 1, 1)
    assert (g2["know_pct"], g2["account_pct"]) == (66.7, 33.3)
    assert (g2["new_know"], g2["new_installed"], g2["new_account"]) == (2, 1, 1)  # Sáu 23, Bảy 27; Sáu; Sáu
    # G3: Tám (installed 5/10), Chín (account 26/11): 2 / 2 / 2 / 1
    assert (g3["residents"], g3["know"], g3["installed"], g3["account"], g3["account_pct"]) == (2, 2, 2, 1, 50.0)
    assert (g3["new_know"], g3["new_account"]) == (0, 1)
    # Mười has no group: shown on its own row
    assert [r["residents"] for r in figures["adoption"]["by_group"] if r["id"] is None] == [1]


def test_adoption_per_target_group_against_targets(figures):
    rows = {r["code"]: r for r in figures["adoption"]["by_target_group"]}
    officials = rows["can_bo"]
    # Một (account), Hai (installed), Năm (not aware): 3 / 2 / 2 / 1 -> 1/3 = 33.3%
    assert (officials["residents"], officials["know"], officials["installed"], officials["account"]) == (3, 2, 2, 1)
    assert officials["account_pct"] == 33.3
    # officials: 100% by 30/7/2026: goal 3, remaining 2, 30/07/2026 - 28/11/2026 = -121 days
    assert officials["target"]["percent"] == 100
    assert officials["target"]["deadline"] == "2026-07-30"
    assert (officials["target"]["remaining"], officials["target"]["days_left"]) == (2, -121)
    assert rows["nguoi_cao_tuoi"]["residents"] == 2 and rows["nguoi_cao_tuoi"]["account"] == 1  # Sáu, Bảy
    assert rows["nguoi_lao_dong"]["residents"] == 0 and rows["nguoi_lao_dong"]["know_pct"] is None
    scopes = {t["target_group"]: t["deadline"] for t in figures["adoption"]["targets"]}
    assert scopes == {"tat_ca": "2026-09-15", "can_bo": "2026-07-30"}


def test_help_sessions(figures):
    h = figures["help_sessions"]
    # in the week (Hanoi dates): 23/11 00:30 ok, 23/11 fail, 24/11 fail, 26/11 ok, 26/11 partly, 28/11 going
    # = 6; the 22/11 23:30 one and the 30/10 one are outside; the deleted 25/11 one does not count
    assert (h["total"], h["successful"], h["partial"], h["failed"], h["ongoing"]) == (6, 2, 1, 2, 1)
    # success rate over finished sessions: 2 / (2 + 1 + 2) = 40.0%
    assert (h["finished"], h["success_rate"]) == (5, 40.0)
    # reasons: khong_nhan_otp 2 (23/11, 24/11); may_cu 1; khong_co_vneid_muc_2 1 (ties in the list's order)
    assert [(r["code"], r["count"]) for r in h["top_failure_reasons"]] == [
        ("khong_nhan_otp", 2), ("may_cu", 1), ("khong_co_vneid_muc_2", 1)]
    assert h["top_failure_reasons"][0]["label"] == "Không nhận được mã OTP"
    # per campaign: Big C 3 sessions (1 ok) = 33.3%; họp tổ 2 sessions (1 ok) = 50.0%; none 1 (0 ok) = 0.0%
    assert [(r["name"], r["sessions"], r["successful"], r["success_pct"]) for r in h["by_campaign"]] == [
        ("Điểm hỗ trợ siêu thị Big C", 3, 1, 33.3),
        ("Họp tổ dân phố số 2", 2, 1, 50.0),
        ("(ngoài đợt ra quân)", 1, 0, 0.0),
    ]


def test_help_sessions_per_day_over_thirty_days(figures):
    days = figures["help_sessions"]["per_day"]
    # 30 days ending on the week's last day: 31/10 .. 29/11
    assert len(days) == 30 and days[0]["date"] == "2026-10-31" and days[-1]["date"] == "2026-11-29"
    by_day = {d["date"]: (d["sessions"], d["successful"]) for d in days if d["sessions"]}
    assert by_day == {
        "2026-11-22": (1, 1),  # 22/11 23:30 Hanoi
        "2026-11-23": (2, 1),  # 00:30 ok, 10:00 failed
        "2026-11-24": (1, 0),
        "2026-11-26": (2, 1),
        "2026-11-28": (1, 0),
    }


def test_complaints(figures):
    c = figures["complaints"]
    # PA-1..PA-4 recorded in the week; PA-5 (10/11) is not
    assert c["total"] == 4
    assert {k: v for k, v in c["counts_by_status"].items() if v} == {
        "da_danh_gia": 1, "da_xu_ly": 1, "dang_xu_ly": 1, "da_ghi_nhan": 1}
    # acceptance: PA-1 10:00 <= 17:00 on time, PA-2 25/11 > 24/11 late, PA-3 11:00 <= 18:00 on time,
    # PA-4 still inside its deadline (pending): 2 / (2 + 1) = 66.7%
    assert (c["acceptance"]["on_time"], c["acceptance"]["late"], c["acceptance"]["pending"]) == (2, 1, 1)
    assert c["acceptance_on_time_pct"] == 66.7
    # handling: PA-1 on time, PA-2 27/11 > 26/11 late, PA-3 unhandled past 26/11 10:00 late: 1 / 3 = 33.3%
    assert (c["handling"]["on_time"], c["handling"]["late"]) == (1, 2)
    assert c["handling_on_time_pct"] == 33.3
    assert c["overdue_now"] == 1  # PA-3
    # handled: PA-1 23/11 09:00 -> 25/11 09:00 = 48 h, PA-2 24/11 09:00 -> 27/11 09:00 = 72 h: mean 60 h
    assert c["average_handling_hours"] == 60.0
    # feedback: PA-1 yes/5, PA-2 no/2 -> average 3.5
    sat = {r["code"]: r["count"] for r in c["satisfaction_rows"]}
    assert sat == {"co": 1, "mot_phan": 0, "khong": 1, "khong_biet": 0}
    assert c["satisfaction"]["average_rating"] == 3.5
    assert {r["code"]: r["count"] for r in c["rating_rows"] if r["count"]} == {"5": 1, "2": 1}


def test_communications(figures):
    m = figures["communications"]
    # items 18/11 and 24/11 (the 27/11 one was deleted); in the week: 24/11 = 1
    # counted up to min(29/11, today 28/11) = 28/11: last 24/11, 28 - 24 = 4 days > 3 -> overdue
    assert (m["items_in_period"], m["last_item_on"], m["days_since_last"], m["overdue"]) == (1, "2026-11-24", 4, True)


def test_empty_ward_has_no_division_by_zero(app_ctx):
    f = ward_figures(app_ctx, Period(date(2026, 11, 1), date(2026, 11, 1)), today=TODAY)
    assert f["adoption"]["total"]["residents"] == 0 and f["adoption"]["total"]["know_pct"] is None
    assert f["help_sessions"]["success_rate"] is None
    assert f["complaints"]["acceptance_on_time_pct"] is None
    assert f["communications"]["last_item_on"] is None and f["communications"]["overdue"] is True


def test_official_report_takes_its_numbers_from_the_figures(app_ctx):
    build_report_ward(app_ctx)
    save_inputs(app_ctx, ReportInputs(number="12", difficulties="Nhiều người cao tuổi chưa có điện thoại thông minh.",
                                      recipients=["UBND phường", ""], signer_title="Tổ trưởng", signer_name="Nguyễn Thị Hồng"))
    doc = official_report(app_ctx, WEEK, "weekly", today=TODAY)
    again = ward_figures(app_ctx, WEEK, today=TODAY)
    for figs in (doc["figures"], again):
        figs["complaints"].pop("generated_at")  # the moment of computing, not a figure
    assert doc["figures"] == again
    assert doc["national_header"] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert doc["authority"][0] == "UBND PHƯỜNG CẦU GIẤY"
    assert doc["number"] == "Số: 12/BC-TCĐS"
    assert doc["place_date"] == "Cầu Giấy, ngày 28 tháng 11 năm 2026"
    assert doc["period_line"] == "(Tuần từ ngày 23/11/2026 đến ngày 29/11/2026)"
    assert doc["recipients"] == ["UBND phường"]  # blank lines dropped
    assert doc["signer_title"] == "TỔ TRƯỞNG"
    adoption = doc["sections"][0]
    assert "8 người đã biết đến iHaNoi (80%)" in adoption["paragraphs"][0]
    totals = adoption["tables"][0]["rows"][-1]
    assert totals[1:] == ["Tổng cộng", 10, 8, 80.0, 5, 50.0, 3, 30.0]
    help_text = doc["sections"][1]["paragraphs"][0]
    assert "hỗ trợ 6 lượt" in help_text and "Tỷ lệ thành công: 40%" in help_text
    assert "Nhiều người cao tuổi" in doc["sections"][4]["paragraphs"][0]
    assert load_inputs(app_ctx).number == "12"
