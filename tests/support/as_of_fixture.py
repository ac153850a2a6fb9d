"""A ward whose records run past a reporting month, so a report for that month must count
each record as it stood at the month's end (tests/unit/test_reports_as_of.py).

Ward 00166 (app_ctx): G1 "Tổ dân phố số 1" (R1-R10), G2 "Tổ dân phố số 2" (R11-R16),
G3 "Thôn Đông" (nobody). No officials (can_bo): their default target (100% by 30/7) has
nobody to count. Past period: October 2026; the report is made later (today 28/11/2026).

Complaint times are Hanoi times; working hours 08-12 and 13-17, Monday-Friday (no
holiday in October or November 2026). The category is not in the catalogue, so handling
is due 5 working days (40 working hours) after the clock starts.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from desktop.core.period import Period
from desktop.store.models import CommunicationItem, Complaint, ComplaintEvent, ComplaintFeedback, HelpSession
from tests.support.report_fixture import add_residents

VN = ZoneInfo("Asia/Ho_Chi_Minh")
OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))
JANUARY = Period(date(2026, 1, 1), date(2026, 1, 31))  # before any record
TODAY = date(2026, 11, 28)


def d(month: int, day: int) -> date:
    return date(2026, month, day)


# name, group (1/2/None), target group, stage now, aware_on, installed_on, account_on
RESIDENTS = [
    ("R1 Nguyễn Văn Một", 1, "nguoi_dan_khac", "da_tao_tai_khoan", d(9, 5), d(9, 5), d(10, 20)),
    ("R2 Trần Thị Hai", 1, "nguoi_dan_khac", "da_tao_tai_khoan", d(10, 10), d(10, 10), d(11, 10)),
    ("R3 Lê Văn Ba", 1, "nguoi_cao_tuoi", "da_cai_dat", d(9, 15), d(11, 2), None),
    ("R4 Phạm Thị Bốn", 1, "nguoi_cao_tuoi", "da_cai_dat", d(10, 1), d(10, 31), None),
    ("R5 Hoàng Văn Năm", 1, "nguoi_dan_khac", "da_biet", d(9, 30), None, None),
    ("R6 Vũ Thị Sáu", 1, "nguoi_dan_khac", "da_biet", d(11, 1), None, None),
    ("R7 Đặng Văn Bảy", 1, "hoc_sinh_sinh_vien", "chua_biet", None, None, None),
    ("R8 Bùi Thị Tám", 1, "hoc_sinh_sinh_vien", "da_tao_tai_khoan", d(11, 20), d(11, 20), d(11, 20)),
    # installed 12/10 but marked aware only on 15/11: installing implies knowing, so aware by 12/10
    ("R9 Đỗ Văn Chín", 1, "nguoi_dan_khac", "da_cai_dat", d(11, 15), d(10, 12), None),
    ("R10 Ngô Thị Mười", 1, "nguoi_dan_khac", "chua_biet", None, None, None),
    ("R11 Dương Văn Mười Một", 2, "nguoi_cao_tuoi", "da_tao_tai_khoan", d(11, 25), d(11, 25), d(11, 25)),
    ("R12 Lý Thị Mười Hai", 2, "nguoi_dan_khac", "da_biet", d(10, 3), None, None),
    ("R13 Trịnh Văn Mười Ba", 2, "nguoi_dan_khac", "chua_biet", None, None, None),
    ("R14 Mai Thị Mười Bốn", 2, "nguoi_dan_khac", "chua_biet", None, None, None),
    ("R15 Tạ Văn Mười Lăm", 2, "nguoi_dan_khac", "chua_biet", None, None, None),
    ("R16 Hồ Thị Mười Sáu", 2, "nguoi_cao_tuoi", "da_biet", d(10, 31), None, None),
]


def vn(month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=VN).astimezone(timezone.utc)


# help sessions: resident index, started, ended, outcome
SESSIONS = [
    (3, vn(10, 1, 9), vn(10, 1, 9, 20), "mot_phan"),
    (8, vn(10, 12, 10), vn(10, 12, 10, 30), "mot_phan"),
    (0, vn(10, 20, 15), vn(10, 20, 15, 20), "thanh_cong"),
    (5, vn(10, 31, 23), vn(11, 1, 0, 30), "thanh_cong"),  # still going at the month's end
    (7, vn(11, 20, 9), vn(11, 20, 9, 30), "thanh_cong"),  # after the month
    (6, vn(9, 30, 16), vn(9, 30, 16, 30), "khong_thanh_cong"),  # before the month
]

COMMUNICATIONS = [d(9, 28), d(10, 20), d(10, 29), d(11, 25)]

# code, events (action, to_status, at), the row as it is today, feedback (resolved, rating, at)
COMPLAINTS = [
    # K1: handled, reopened, handled again and rated, all in October
    ("K1", [("tao", "nhap", vn(10, 5, 9)), ("ghi_nhan", "da_ghi_nhan", vn(10, 5, 9)),
            ("chuyen", "da_chuyen", vn(10, 5, 10)), ("tiep_nhan", "da_tiep_nhan", vn(10, 5, 14)),
            ("bat_dau_xu_ly", "dang_xu_ly", vn(10, 5, 15)), ("hoan_thanh", "da_xu_ly", vn(10, 7, 9)),
            ("mo_lai", "dang_xu_ly", vn(10, 8, 9)), ("hoan_thanh", "da_xu_ly", vn(10, 9, 9)),
            ("danh_gia", "da_danh_gia", vn(10, 9, 15))],
     dict(status="da_danh_gia", recorded_at=vn(10, 5, 9), accept_due_at=vn(10, 6, 9), accepted_at=vn(10, 5, 14),
          handle_due_at=vn(10, 15, 9), handled_at=vn(10, 9, 9), reopen_count=1),
     [("khong", 2, vn(10, 8, 9)), ("co", 4, vn(10, 9, 15))]),
    # K2: handled late in October (due 27/10 10:00), reopened on 5/11: open today
    ("K2", [("tao", "nhap", vn(10, 20, 9)), ("ghi_nhan", "da_ghi_nhan", vn(10, 20, 9)),
            ("chuyen", "da_chuyen", vn(10, 20, 9, 30)), ("tiep_nhan", "da_tiep_nhan", vn(10, 20, 10)),
            ("bat_dau_xu_ly", "dang_xu_ly", vn(10, 20, 11)), ("hoan_thanh", "da_xu_ly", vn(10, 28, 9)),
            ("mo_lai", "dang_xu_ly", vn(11, 5, 9))],
     dict(status="dang_xu_ly", recorded_at=vn(10, 20, 9), accept_due_at=vn(10, 21, 9), accepted_at=vn(10, 20, 10),
          handle_due_at=vn(11, 12, 9), handled_at=None, reopen_count=1),
     [("khong", 1, vn(11, 5, 9))]),
    # K3: recorded 30/10, accepted only on 3/11 (due 2/11 14:00)
    ("K3", [("tao", "nhap", vn(10, 30, 14)), ("ghi_nhan", "da_ghi_nhan", vn(10, 30, 14)),
            ("chuyen", "da_chuyen", vn(10, 30, 15)), ("tiep_nhan", "da_tiep_nhan", vn(11, 3, 9))],
     dict(status="da_tiep_nhan", recorded_at=vn(10, 30, 14), accept_due_at=vn(11, 2, 14), accepted_at=vn(11, 3, 9),
          handle_due_at=vn(11, 10, 9), handled_at=None, reopen_count=0),
     []),
    # K4: recorded 26/10 and never accepted (due 27/10 09:00)
    ("K4", [("tao", "nhap", vn(10, 26, 9)), ("ghi_nhan", "da_ghi_nhan", vn(10, 26, 9))],
     dict(status="da_ghi_nhan", recorded_at=vn(10, 26, 9), accept_due_at=vn(10, 27, 9), accepted_at=None,
          handle_due_at=vn(11, 2, 9), handled_at=None, reopen_count=0),
     []),
    # K5: recorded in November: outside October
    ("K5", [("tao", "nhap", vn(11, 10, 9)), ("ghi_nhan", "da_ghi_nhan", vn(11, 10, 9))],
     dict(status="da_ghi_nhan", recorded_at=vn(11, 10, 9), accept_due_at=vn(11, 11, 9), accepted_at=None,
          handle_due_at=vn(11, 17, 9), handled_at=None, reopen_count=0),
     []),
]


def build_as_of_ward(ctx) -> dict:
    """Write the fixture's records; returns ids by short name (R1.., K1..)."""
    ids: dict[str, str] = {}
    with ctx.write() as s:
        residents = add_residents(s, RESIDENTS)
        s.flush()
        for i, r in enumerate(residents, 1):
            ids[f"R{i}"] = r.id
        for index, started, ended, outcome in SESSIONS:
            s.add(HelpSession(resident_id=residents[index].id, started_at=started, ended_at=ended, outcome=outcome))
        for day in COMMUNICATIONS:
            s.add(CommunicationItem(published_on=day, title=f"Tin ngày {day:%d/%m}"))
        for code, events, row, feedback in COMPLAINTS:
            c = Complaint(code=code, kind="phan_anh_hien_truong", category="moi_truong", title=f"Rác thải {code}", **row)
            s.add(c)
            s.flush()
            before = None
            for action, to_status, at in events:
                s.add(ComplaintEvent(complaint_id=c.id, at=at, action=action, from_status=before, to_status=to_status))
                before = to_status
            for resolved, rating, at in feedback:
                s.add(ComplaintFeedback(complaint_id=c.id, resolved=resolved, rating=rating, collected_at=at))
            ids[code] = c.id
    return ids
