"""Demo complaints across the whole lifecycle (called by the demo-data command)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import select

from desktop.core.period import VN_TZ
from desktop.services.complaints import deadlines as dl
from desktop.services.complaints.complaints import ComplaintDraft, file_complaint, record_feedback, transition
from desktop.services.context import AppContext
from desktop.store.base import utcnow
from desktop.store.models import Resident, ResidentialGroup

_SAMPLES = [
    ("phan_anh_hien_truong", "moi_truong_rac_thai", "Rác thải tập kết sai nơi quy định",
     "Rác sinh hoạt bị đổ thành đống ở đầu ngõ nhiều ngày, bốc mùi và tràn ra lòng đường."),
    ("phan_anh_hien_truong", "chieu_sang", "Đèn đường hỏng nhiều ngày",
     "Cột đèn chiếu sáng trong ngõ không sáng từ tuần trước, buổi tối rất tối và nguy hiểm."),
    ("phan_anh_hien_truong", "trat_tu_do_thi", "Lấn chiếm vỉa hè để kinh doanh",
     "Nhiều hộ bày hàng kín vỉa hè, người đi bộ phải đi xuống lòng đường, nhất là buổi sáng."),
    ("phan_anh_hien_truong", "cap_thoat_nuoc", "Cống thoát nước bị tắc gây ngập",
     "Sau mỗi trận mưa nước ngập đến nửa bánh xe vì cống thoát nước bị tắc, lâu rút."),
    ("phan_anh_hien_truong", "tieng_on", "Tiếng ồn karaoke sau 22 giờ",
     "Một hộ gia đình hát karaoke với loa công suất lớn đến khuya, ảnh hưởng người già và trẻ nhỏ."),
    ("phan_anh_hien_truong", "giao_thong", "Ổ gà lớn trên đường nội bộ",
     "Mặt đường có ổ gà sâu khoảng 20 cm, đã có người đi xe máy bị ngã vào buổi tối."),
    ("thu_tuc_hanh_chinh", "dich_vu_cong_truc_tuyen", "Không nộp được hồ sơ trực tuyến",
     "Cư dân nộp hồ sơ đăng ký cư trú trên cổng dịch vụ công nhưng hệ thống báo lỗi nhiều lần."),
    ("lang_phi", "tai_san_cong", "Nhà văn hoá bỏ không nhiều tháng",
     "Nhà văn hoá tổ dân phố đã xây xong nhưng khoá cửa, không sử dụng, cỏ mọc quanh sân."),
    ("sang_kien", "chuyen_doi_so", "Đề xuất mã QR tra cứu lịch thu gom rác",
     "Gắn mã QR ở bảng tin tổ dân phố để cư dân tra cứu lịch thu gom rác và số điện thoại tổ."),
    ("kien_nghi_cu_tri", "dan_sinh", "Kiến nghị lắp gờ giảm tốc trước trường học",
     "Xe cộ đi nhanh qua cổng trường tiểu học giờ tan học, cử tri kiến nghị lắp gờ giảm tốc và biển báo."),
]
# How far along the lifecycle each demo complaint goes, with weights.
_STAGES = [("nhap", 1), ("da_ghi_nhan", 2), ("da_chuyen", 2), ("da_tiep_nhan", 1), ("dang_xu_ly", 3),
           ("da_xu_ly", 2), ("da_danh_gia", 4), ("mo_lai", 1), ("trung", 1), ("tu_choi", 1), ("rut", 1)]
_AGENCIES = ["iHaNoi", "UBND phường", "Công an phường", "Công ty Môi trường đô thị", "Đội Quản lý trật tự đô thị"]
_PLACES = ["Ngõ 12", "Ngõ 45", "Số 7 ngách 3", "Đầu ngõ 88", "Trước chợ", "Cổng trường tiểu học"]


def _working_moment(rng: random.Random, days_back: int) -> datetime:
    base = datetime.now(VN_TZ).replace(hour=8, minute=0, second=0, microsecond=0) - timedelta(days=days_back)
    while base.weekday() >= 5:
        base -= timedelta(days=1)
    return base + timedelta(minutes=rng.randint(0, 8 * 60))


def add_demo_complaints(ctx: AppContext, rng: random.Random, n: int) -> int:
    """`n` complaints from existing residents and groups, spread over the lifecycle; the count added."""
    with ctx.read() as s:
        groups = list(s.scalars(select(ResidentialGroup.id).where(ResidentialGroup.deleted_at.is_(None))))
        residents = list(s.scalars(select(Resident.id).where(Resident.deleted_at.is_(None)).limit(500)))
    cal = dl.catalogue(ctx).calendar
    stages, weights = zip(*_STAGES)
    made: list[str] = []
    for i in range(n):
        kind, category, title, description = rng.choice(_SAMPLES)
        # the first ones walk every stage once, so even a small demo shows the whole lifecycle
        stage = stages[i] if i < len(stages) else rng.choices(stages, weights)[0]
        recorded = _working_moment(rng, rng.randint(0, 40))
        who = rng.random()
        draft = ComplaintDraft(
            kind=kind, category=category, title=title, description=description,
            severity=rng.choices(["thong_thuong", "khan_cap", "phuc_tap"], [6, 2, 2])[0],
            address_text=f"{rng.choice(_PLACES)}, {rng.choice(['phố Trần Duy Hưng', 'đường Cầu Giấy', 'phố Dịch Vọng'])}",
            residential_group_id=rng.choice(groups) if groups else None,
            latitude=round(21.03 + rng.uniform(-0.01, 0.01), 6) if rng.random() < 0.5 else None,
            channel=rng.choice(["diem_ho_tro", "tru_so_phuong", "tan_nha", "dien_thoai"]),
            taken_by=ctx.actor, as_draft=stage == "nhap",
        )
        if draft.latitude is not None:
            draft.longitude = round(105.80 + rng.uniform(-0.01, 0.01), 6)
        if residents and who < 0.5:
            draft.reporter_resident_id = rng.choice(residents)
            draft.consent_to_contact = rng.random() < 0.7
        elif who < 0.85:
            draft.reporter_name = rng.choice(["Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Minh Tuấn", "Phạm Thu Hà"])
            draft.reporter_phone = f"09{rng.randint(10000000, 99999999)}"
            draft.consent_to_contact = True
            draft.hide_name_publicly = rng.random() < 0.3
        else:
            draft.anonymous = True
        if stage == "trung" and made:
            draft.duplicate_of_id = rng.choice(made)
        cid = file_complaint(ctx, draft, now=recorded.astimezone(VN_TZ))
        made.append(cid)
        at = recorded
        now = utcnow()

        def step(action: str, hours: float, **kw) -> bool:
            nonlocal at
            nxt = cal.add_working_hours(at, hours)
            if nxt > now:
                return False
            at = nxt
            transition(ctx, cid, action, now=at, **kw)
            return True

        if stage in ("nhap", "da_ghi_nhan", "trung"):
            continue
        if stage == "rut":
            step("rut", rng.uniform(1, 6), note="Cư dân tự thoả thuận được với hàng xóm.")
            continue
        agency = rng.choice(_AGENCIES)
        if not step("chuyen", rng.uniform(0.2, 3), agency=agency) or stage == "da_chuyen":
            continue
        if stage == "tu_choi":
            step("tu_choi", rng.uniform(1, 6), note="Nội dung đã được giải quyết theo phản ánh trước đó.")
            continue
        if not step("tiep_nhan", rng.uniform(0.5, 9)) or stage == "da_tiep_nhan":
            continue
        if not step("bat_dau_xu_ly", rng.uniform(0.5, 4)) or stage == "dang_xu_ly":
            continue
        reply = (f"Đơn vị xử lý ({agency}) đã cử người đến kiểm tra và xử lý tại {draft.address_text}. "
                 "Kết quả đã được kiểm tra lại tại chỗ, tình trạng đã được khắc phục. "
                 "Nếu còn vướng mắc, người dân liên hệ tổ dân phố hoặc gửi phản ánh mới trên iHaNoi.")
        if not step("hoan_thanh", rng.uniform(2, 36), note=reply,
                    no_photo_reason="Ảnh sau xử lý do đơn vị gửi trên iHaNoi, máy tại điểm hỗ trợ không lưu bản sao.") \
                or stage == "da_xu_ly":
            continue
        nxt = cal.add_working_hours(at, rng.uniform(2, 16))
        if nxt > now:
            continue
        if stage == "mo_lai":
            record_feedback(ctx, cid, "khong", rng.randint(1, 2), "Vẫn chưa khắc phục xong.", now=nxt)
        else:
            record_feedback(ctx, cid, rng.choices(["co", "mot_phan", "khong_biet"], [6, 2, 1])[0],
                            rng.choices([5, 4, 3, 2], [4, 3, 2, 1])[0], "", now=nxt)
    return len(made)
