"""Record kinds and their fields as people name them (Vietnamese, translated where shown), and what
is wrong with a value of one, worded for people: the sync page, a refused save and an import use it."""

from __future__ import annotations

from desktop.core import formatting
from desktop.core.i18n import N_, _

KIND_LABELS = {
    "resident": N_("Cư dân"),
    "residential_group": N_("Tổ dân phố / thôn"),
    "complaint": N_("Phản ánh"),
    "attachment": N_("Ảnh/video của phản ánh"),
    "complaint_event": N_("Diễn biến phản ánh"),
    "complaint_feedback": N_("Ý kiến sau xử lý"),
    "help_session": N_("Lượt hỗ trợ"),
    "volunteer": N_("Tình nguyện viên"),
    "campaign": N_("Đợt ra quân"),
    "communication_item": N_("Tin truyền thông"),
    "outreach_target": N_("Chỉ tiêu"),
    "training_class": N_("Lớp tập huấn"),
    "audit_entry": N_("Mục nhật ký truy cập"),
    "household": N_("Hộ"),
    "household_visit": N_("Lần đến tận nhà"),
    "household_visit_member": N_("Kết quả đến tận nhà của một người"),
}

_COMMON = {
    "full_name": N_("Họ và tên"),
    "name": N_("Tên"),
    "phone": N_("Số điện thoại"),
    "notes": N_("Ghi chú"),
    "residential_group_id": N_("Tổ dân phố / thôn"),
    "title": N_("Tiêu đề"),
    "place": N_("Địa điểm"),
    "kind": N_("Loại"),
}

FIELD_LABELS: dict[str, dict[str, str]] = {
    "resident": {
        "birth_date": N_("Ngày sinh"),
        "birth_year": N_("Năm sinh"),
        "sex": N_("Giới tính"),
        "cccd": N_("Số CCCD"),
        "cmnd": N_("Số CMND"),
        "address_detail": N_("Địa chỉ"),
        "target_group": N_("Đối tượng"),
        "workplace": N_("Nơi làm việc / học tập"),
        "adoption_stage": N_("iHaNoi"),
        "aware_on": N_("Ngày biết đến iHaNoi"),
        "installed_on": N_("Ngày cài đặt iHaNoi"),
        "account_on": N_("Ngày tạo tài khoản iHaNoi"),
        "consent_given": N_("Đồng ý xử lý dữ liệu"),
        "consent_by": N_("Người ghi nhận đồng ý"),
        "consent_at": N_("Thời điểm đồng ý"),
        "consent_version": N_("Phiên bản lời đồng ý"),
        "household_id": N_("Hộ"),
    },
    "complaint": {
        "kind": N_("Loại phản ánh"),
        "category": N_("Lĩnh vực"),
        "severity": N_("Mức độ"),
        "status": N_("Trạng thái"),
        "description": N_("Nội dung"),
        "reporter_name": N_("Người phản ánh"),
        "reporter_phone": N_("Số điện thoại người phản ánh"),
        "anonymous": N_("Ẩn danh"),
        "hide_name_publicly": N_("Ẩn tên khi công khai"),
        "withhold_identity_from_agency": N_("Không chuyển danh tính cho cơ quan"),
        "consent_to_contact": N_("Đồng ý được liên hệ lại"),
        "address_text": N_("Địa điểm"),
        "occurred_at": N_("Thời điểm xảy ra"),
        "channel": N_("Kênh tiếp nhận"),
        "taken_by": N_("Người tiếp nhận"),
        "agency": N_("Cơ quan xử lý"),
        "latitude": N_("Vĩ độ"),
        "longitude": N_("Kinh độ"),
    },
    "residential_group": {"kind": N_("Loại"), "sort_order": N_("Thứ tự")},
    "household": {"code": N_("Mã hộ"), "address": N_("Địa chỉ"), "register_no": N_("Số hộ"),
                  "head_resident_id": N_("Chủ hộ")},
    "household_visit": {"visited_on": N_("Ngày đến"), "visited_by": N_("Người đến"), "met": N_("Người gặp"),
                        "next_visit_on": N_("Ngày hẹn quay lại")},
    "household_visit_member": {"outcome": N_("Kết quả")},
}



def kind_label(kind: str) -> str:
    return _(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def field_label(kind: str, field: str) -> str:
    label = FIELD_LABELS.get(kind, {}).get(field) or _COMMON.get(field)
    return _(label) if label else field


def _number(n: int) -> str:
    return formatting.number(n)  # 4.000: the Vietnamese thousands separator


def problem_text(kind: str, field: str, code: str, limit: int | None = None) -> str:
    """One broken rule of the wire format (desktop.sync.payload_rules) as a sentence: which field, what
    is wrong, and the limit when there is one."""
    name = field_label(kind, field)
    if code == "too_long":
        return _("«{field}» dài quá {limit} ký tự: hãy rút gọn (máy chủ không nhận bản ghi dài hơn).").format(
            field=name, limit=_number(limit or 0))
    if code == "size":
        return _("Bản ghi quá lớn: quá {limit} byte (máy chủ không nhận bản ghi lớn hơn).").format(limit=_number(limit or 0))
    if code in ("missing", "null"):
        return _("Thiếu «{field}».").format(field=name)
    if code == "timezone":
        return _("«{field}» thiếu múi giờ.").format(field=name)
    if code == "date":
        return _("«{field}» không phải là ngày/giờ hợp lệ.").format(field=name)
    if code == "choice":
        return _("«{field}» có giá trị không có trong danh mục.").format(field=name)
    if code == "range":
        return _("«{field}» nằm ngoài khoảng cho phép.").format(field=name)
    if code in ("name", "count"):
        return _("Bản ghi có tên trường không hợp lệ.")
    return _("«{field}» có giá trị sai kiểu.").format(field=name)
