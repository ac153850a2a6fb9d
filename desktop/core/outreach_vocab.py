"""Closed vocabularies of outreach work: code -> Vietnamese label (translated where shown)."""

from __future__ import annotations

from desktop.core.i18n import N_

CAMPAIGN_KINDS = {
    "sieu_thi": N_("Điểm hỗ trợ tại siêu thị / trung tâm thương mại"),
    "truong_hoc": N_("Trường học"),
    "khu_cong_nghiep": N_("Khu công nghiệp / doanh nghiệp"),
    "tai_phuong": N_("Bàn hỗ trợ tại trụ sở phường"),
    "tan_nha": N_("Đến từng nhà trong tổ dân phố"),
    "hop_to_dan_pho": N_("Họp tổ dân phố"),
    "lop_tap_huan": N_("Lớp tập huấn"),
}

FORCES = {
    "to_cds": N_("Tổ CĐS cộng đồng"),
    "cong_an": N_("Công an phường / tổ công tác 06"),
    "doan_thanh_nien": N_("Đoàn thanh niên"),
    "truong_hoc": N_("Nhà trường"),
    "doanh_nghiep": N_("Doanh nghiệp"),
}

# Steps of a help session, in the order they are reached.
STEPS = {
    "informed": N_("Đã giới thiệu iHaNoi"),
    "installed": N_("Đã cài đặt ứng dụng"),
    "account_created": N_("Đã tạo tài khoản"),
    "vneid_linked": N_("Đã liên kết VNeID"),
    "first_use": N_("Đã dùng lần đầu (bật thông báo, gửi thử phản ánh)"),
}
STEP_ORDER = list(STEPS)

FAILURE_REASONS = {
    "khong_co_smartphone": N_("Không có điện thoại thông minh"),
    "may_cu": N_("Điện thoại cũ hoặc không hỗ trợ"),
    "khong_co_vneid_muc_2": N_("Chưa có tài khoản VNeID mức 2"),
    "khong_nhan_otp": N_("Không nhận được mã OTP"),
    "quen_mat_khau_vneid": N_("Quên mật khẩu VNeID"),
    "khong_co_mang": N_("Không có dữ liệu di động / Wi-Fi"),
    "tu_choi": N_("Không đồng ý cài đặt"),
    "khac": N_("Lý do khác"),
    # added after "khac" so the booth keys 1-8 volunteers know stay as they were
    "sai_so_dien_thoai_vneid": N_("Số điện thoại trên VNeID không đúng"),
    "loi_doc_nfc": N_("Không đọc được chip CCCD (NFC)"),
    # not a booth reason: what a door-to-door visit's "cần công an" hands off when no reason was picked
    "can_cong_an_ho_tro": N_("Cần công an hỗ trợ (chưa rõ việc)"),
}
POLICE_UNSPECIFIED = "can_cong_an_ho_tro"
# The booth's reasons in the order of their keys (the visit-only reason above has no key).
FAILURE_ORDER = [code for code in FAILURE_REASONS if code != POLICE_UNSPECIFIED]
# The key that ticks the n-th reason in booth mode: 1-9, then 0 for the tenth.
FAILURE_KEYS = [str(i % 10) for i in range(1, len(FAILURE_ORDER) + 1)]

# A police hand-off (chuyển công an): open until the police liaison marks it done or returns it.
HANDOFF_STATES = {
    "mo": N_("Đang chờ công an"),
    "xong": N_("Công an đã giải quyết"),
    "tra_lai": N_("Công an trả lại"),
}

OUTCOMES = {
    "dang_ho_tro": N_("Đang hỗ trợ"),
    "thanh_cong": N_("Thành công"),
    "mot_phan": N_("Thành công một phần"),
    "khong_thanh_cong": N_("Không thành công"),
}

CHANNELS = {
    "ihanoi": N_("iHaNoi (Truyền thông, cảnh báo)"),
    "loa_phuong": N_("Loa truyền thanh phường"),
    "zalo": N_("Nhóm Zalo tổ dân phố"),
    "facebook": N_("Trang Facebook phường"),
    "bang_tin": N_("Bảng tin"),
    "hop_dan": N_("Họp dân"),
}

AUDIENCE_ALL = "tat_ca"
