"""A small ward with explicit records whose figures were computed by hand (tests/unit/test_figures.py).

Ward 00166 (app_ctx) with groups G1 "Tổ dân phố số 1", G2 "Tổ dân phố số 2", G3 "Thôn Đông".
Reporting week: 23/11/2026 - 29/11/2026, report made on 28/11/2026.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import select

from desktop.core.period import Period
from desktop.store.models import (
    Campaign,
    CommunicationItem,
    Complaint,
    ComplaintFeedback,
    HelpSession,
    Resident,
    ResidentialGroup,
)

VN = ZoneInfo("Asia/Ho_Chi_Minh")
WEEK = Period(date(2026, 11, 23), date(2026, 11, 29))
TODAY = date(2026, 11, 28)

# name, group (1/2/3/None), target group, stage, aware_on, installed_on, account_on
RESIDENTS = [
    ("Nguyễn Văn Một", 1, "can_bo", "da_tao_tai_khoan", date(2026, 11, 2), date(2026, 11, 2), date(2026, 11, 24)),
    ("Trần Thị Hai", 1, "can_bo", "da_cai_dat", date(2026, 11, 25), date(2026, 11, 25), None),
    ("Lê Văn Ba", 1, "nguoi_dan_khac", "da_biet", date(2026, 11, 10), None, None),
    ("Phạm Thị Bốn", 1, "nguoi_dan_khac", "chua_biet", None, None, None),
    ("Hoàng Văn Năm", 2, "can_bo", "chua_biet", None, None, None),
    ("Vũ Thị Sáu", 2, "nguoi_cao_tuoi", "da_tao_tai_khoan", date(2026, 11, 23), date(2026, 11, 23), date(2026, 11, 23)),
    ("Đặng Văn Bảy", 2, "nguoi_cao_tuoi", "da_biet", date(2026, 11, 27), None, None),
    ("Bùi Thị Tám", 3, "hoc_sinh_sinh_vien", "da_cai_dat", date(2026, 10, 1), date(2026, 10, 5), None),
    ("Đỗ Văn Chín", 3, "nguoi_dan_khac", "da_tao_tai_khoan", date(2026, 11, 1), date(2026, 11, 1), date(2026, 11, 26)),
    ("Ngô Thị Mười", None, "nguoi_dan_khac", "da_biet", date(2026, 11, 20), None, None),
]


def vn(y: int, mo: int, d: int, h: int = 9, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=VN).astimezone(timezone.utc)


def add_residents(s, rows: list[tuple]) -> list[Resident]:
    """Residents from (name, group 1/2/3/None, target group, stage, aware_on, installed_on, account_on)."""
    groups = {g.sort_order: g.id for g in s.scalars(select(ResidentialGroup))}
    residents = []
    for name, group, target, stage, aware, installed, account in rows:
        r = Resident(full_name=name, residential_group_id=groups[group] if group else None, target_group=target,
                     adoption_stage=stage, aware_on=aware, installed_on=installed, account_on=account)
        s.add(r)
        residents.append(r)
    return residents


def build_report_ward(ctx) -> dict:
    """Write the fixture's records; returns ids by short name."""
    ids: dict[str, str] = {}
    with ctx.write() as s:
        residents = add_residents(s, RESIDENTS)
        c1 = Campaign(name="Điểm hỗ trợ siêu thị Big C", kind="sieu_thi", starts_at=vn(2026, 11, 22, 8), ends_at=vn(2026, 11, 24, 17))
        c2 = Campaign(name="Họp tổ dân phố số 2", kind="hop_to_dan_pho", starts_at=vn(2026, 11, 26, 19), ends_at=vn(2026, 11, 26, 21))
        s.add_all([c1, c2])
        s.flush()
        r = residents
        sessions = [
            # resident, campaign, started (Hanoi time), outcome, failure reasons
            (r[0], c1, vn(2026, 11, 23, 0, 30), "thanh_cong", ""),  # 22/11 17:30 UTC: still 23/11 in Hanoi
            (r[3], c1, vn(2026, 11, 23, 10), "khong_thanh_cong", "khong_nhan_otp,may_cu"),
            (r[4], c1, vn(2026, 11, 24, 9), "khong_thanh_cong", "khong_nhan_otp"),
            (r[5], c2, vn(2026, 11, 26, 19), "thanh_cong", ""),
            (r[6], c2, vn(2026, 11, 26, 20), "mot_phan", "khong_co_vneid_muc_2"),
            (r[1], None, vn(2026, 11, 28, 8), "dang_ho_tro", ""),
            (r[2], c1, vn(2026, 11, 22, 23, 30), "thanh_cong", ""),  # before the week: chart only
            (r[3], None, vn(2026, 10, 30, 10), "khong_thanh_cong", "tu_choi"),  # before the 30-day chart
        ]
        for resident, camp, started, outcome, reasons in sessions:
            s.add(HelpSession(resident_id=resident.id, campaign_id=camp.id if camp else None, started_at=started,
                              outcome=outcome, failure_reasons=reasons))
        deleted = HelpSession(resident_id=r[8].id, campaign_id=c2.id, started_at=vn(2026, 11, 25), outcome="thanh_cong")
        s.add(deleted)
        s.add(CommunicationItem(published_on=date(2026, 11, 18), title="Giới thiệu iHaNoi"))
        s.add(CommunicationItem(published_on=date(2026, 11, 24), title="Cảnh báo lừa đảo qua mạng"))
        gone = CommunicationItem(published_on=date(2026, 11, 27), title="Tin đăng nhầm")
        s.add(gone)
        far = vn(2030, 1, 1)
        complaints = [
            # code, status, recorded, accept due, accepted, handle due, handled
            ("PA-1", "da_danh_gia", vn(2026, 11, 23, 9), vn(2026, 11, 23, 17), vn(2026, 11, 23, 10), vn(2026, 11, 25, 17), vn(2026, 11, 25, 9)),
            ("PA-2", "da_xu_ly", vn(2026, 11, 24, 9), vn(2026, 11, 24, 17), vn(2026, 11, 25, 9), vn(2026, 11, 26, 17), vn(2026, 11, 27, 9)),
            ("PA-3", "dang_xu_ly", vn(2026, 11, 24, 10), vn(2026, 11, 24, 18), vn(2026, 11, 24, 11), vn(2026, 11, 26, 10), None),
            ("PA-4", "da_ghi_nhan", vn(2026, 11, 27, 9), far, None, None, None),
            ("PA-5", "da_xu_ly", vn(2026, 11, 10, 9), vn(2026, 11, 10, 17), vn(2026, 11, 10, 10), vn(2026, 11, 12, 17), vn(2026, 11, 11, 9)),
        ]
        made = {}
        for code, status, recorded, acc_due, accepted, han_due, handled in complaints:
            c = Complaint(code=code, kind="phan_anh_hien_truong", category="moi_truong", status=status,
                          title=f"Rác thải {code}", recorded_at=recorded, accept_due_at=acc_due, accepted_at=accepted,
                          handle_due_at=han_due, handled_at=handled)
            s.add(c)
            made[code] = c
        s.flush()
        s.add(ComplaintFeedback(complaint_id=made["PA-1"].id, resolved="co", rating=5, collected_at=vn(2026, 11, 26)))
        s.add(ComplaintFeedback(complaint_id=made["PA-2"].id, resolved="khong", rating=2, collected_at=vn(2026, 11, 27, 15)))
        s.flush()
        ids.update(c1=c1.id, c2=c2.id, deleted_session=deleted.id, deleted_item=gone.id)
    with ctx.write() as s:
        s.get(HelpSession, ids["deleted_session"]).mark_deleted()
        s.get(CommunicationItem, ids["deleted_item"]).mark_deleted()
    return ids
