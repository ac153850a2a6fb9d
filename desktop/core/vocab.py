"""Closed vocabularies of the domain: code -> Vietnamese label (translated where shown)."""

from __future__ import annotations

from desktop.core.i18n import N_

SEXES = {"nam": N_("Nam"), "nu": N_("Nữ")}

TARGET_GROUPS = {
    "can_bo": N_("Cán bộ, công chức, viên chức"),
    "nguoi_lao_dong": N_("Người lao động tại doanh nghiệp / khu công nghiệp"),
    "hoc_sinh_sinh_vien": N_("Học sinh, sinh viên"),
    "nguoi_cao_tuoi": N_("Người cao tuổi"),
    "ho_kinh_doanh": N_("Hộ kinh doanh"),
    "nguoi_dan_khac": N_("Cư dân khác"),
}

# iHaNoi adoption funnel, in order: a resident only ever moves forward.
ADOPTION_STAGES = {
    "chua_biet": N_("Chưa biết"),
    "da_biet": N_("Đã biết"),
    "da_cai_dat": N_("Đã cài đặt"),
    "da_tao_tai_khoan": N_("Đã tạo tài khoản"),
}
ADOPTION_ORDER = list(ADOPTION_STAGES)

RESIDENTIAL_GROUP_KINDS = {"to_dan_pho": N_("Tổ dân phố"), "thon": N_("Thôn")}

# A door-to-door visit's outcome for one member of the household (desktop/services/households/visits.py).
# "can_cong_an" is the outcome a police hand-off hooks onto (VISIT_OUTCOMES_FOR_POLICE).
VISIT_OUTCOMES = {
    "da_xong": N_("Đã có tài khoản từ trước"),
    "da_ho_tro": N_("Đã hỗ trợ xong"),
    "vang_nha": N_("Vắng nhà"),
    "tu_choi": N_("Từ chối"),
    "can_cong_an": N_("Cần công an hỗ trợ"),
}
VISIT_OUTCOMES_ACCOUNT = ("da_xong", "da_ho_tro")  # the member has an iHaNoi account after the visit
VISIT_OUTCOMES_FOR_POLICE = ("can_cong_an",)
