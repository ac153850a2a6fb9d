"""The life of a complaint: statuses, the actions that move it, and why a move is refused.

Main line: nháp → đã ghi nhận → đã chuyển (agency named) → đã tiếp nhận → đang xử lý
→ đã xử lý → đã đánh giá. Side exits: trùng (names the complaint it duplicates), không
thuộc thẩm quyền, từ chối, rút. Reopen (mở lại) puts a handled complaint back to
"đang xử lý" when the resident says it is not fixed.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.i18n import N_, _

STATUSES = {
    "nhap": N_("Nháp"),
    "da_ghi_nhan": N_("Đã ghi nhận"),
    "da_chuyen": N_("Đã chuyển"),
    "da_tiep_nhan": N_("Đã tiếp nhận"),
    "dang_xu_ly": N_("Đang xử lý"),
    "da_xu_ly": N_("Đã xử lý"),
    "da_danh_gia": N_("Đã đánh giá"),
    "trung": N_("Trùng"),
    "khong_thuoc_tham_quyen": N_("Không thuộc thẩm quyền"),
    "tu_choi": N_("Từ chối"),
    "rut": N_("Rút"),
}
MAIN_LINE = ["nhap", "da_ghi_nhan", "da_chuyen", "da_tiep_nhan", "dang_xu_ly", "da_xu_ly", "da_danh_gia"]
SIDE_EXITS = ["trung", "khong_thuoc_tham_quyen", "tu_choi", "rut"]
# Recorded but not yet accepted by the agency: the 8-working-hour acceptance clock runs.
AWAITING_ACCEPTANCE = ("da_ghi_nhan", "da_chuyen")
# Accepted and not yet handled: the handling clock runs.
AWAITING_HANDLING = ("da_tiep_nhan", "dang_xu_ly")
OPEN_STATUSES = ("nhap",) + AWAITING_ACCEPTANCE + AWAITING_HANDLING
HANDLED_STATUSES = ("da_xu_ly", "da_danh_gia")
CLOSED_STATUSES = HANDLED_STATUSES + tuple(SIDE_EXITS)


@dataclass(frozen=True)
class Action:
    code: str
    label: str  # Vietnamese source, translated where shown
    sources: tuple[str, ...]
    target: str
    needs_agency: bool = False
    needs_duplicate: bool = False
    needs_note: bool = False


ACTIONS: dict[str, Action] = {
    a.code: a
    for a in (
        Action("ghi_nhan", N_("Ghi nhận"), ("nhap",), "da_ghi_nhan"),
        Action("chuyen", N_("Chuyển xử lý"), ("da_ghi_nhan",), "da_chuyen", needs_agency=True),
        Action("tiep_nhan", N_("Cơ quan tiếp nhận"), ("da_chuyen",), "da_tiep_nhan"),
        Action("bat_dau_xu_ly", N_("Bắt đầu xử lý"), ("da_tiep_nhan",), "dang_xu_ly"),
        Action("hoan_thanh", N_("Đã xử lý xong"), ("dang_xu_ly",), "da_xu_ly"),
        Action("danh_gia", N_("Ghi nhận đánh giá"), ("da_xu_ly",), "da_danh_gia"),
        Action("danh_dau_trung", N_("Đánh dấu trùng"), ("nhap", "da_ghi_nhan"), "trung", needs_duplicate=True),
        Action(
            "khong_thuoc_tham_quyen",
            N_("Không thuộc thẩm quyền"),
            ("da_ghi_nhan", "da_chuyen", "da_tiep_nhan"),
            "khong_thuoc_tham_quyen",
            needs_note=True,
        ),
        Action("tu_choi", N_("Từ chối"), ("da_ghi_nhan", "da_chuyen", "da_tiep_nhan"), "tu_choi", needs_note=True),
        Action("rut", N_("Rút phản ánh"), OPEN_STATUSES, "rut"),
        Action("mo_lai", N_("Mở lại"), HANDLED_STATUSES, "dang_xu_ly", needs_note=True),
    )
}


class TransitionRefused(ValueError):
    """An action that cannot apply to the complaint now; the message says why (Vietnamese)."""


def status_label(code: str) -> str:
    return _(STATUSES.get(code, code))


def allowed_actions(status: str) -> list[str]:
    return [code for code, a in ACTIONS.items() if status in a.sources]


def check_transition(
    status: str,
    action: str,
    *,
    agency: str = "",
    duplicate_of: str | None = None,
    self_id: str | None = None,
    note: str = "",
) -> str:
    """The status `action` leads to from `status`, or TransitionRefused with the reason."""
    a = ACTIONS.get(action)
    if a is None:
        raise TransitionRefused(_("Không có thao tác «{action}».").format(action=action))
    if status not in STATUSES:
        raise TransitionRefused(_("Trạng thái không hợp lệ: «{status}».").format(status=status))
    if status not in a.sources:
        allowed = ", ".join(status_label(s) for s in a.sources)
        raise TransitionRefused(
            _("Không thể «{action}» khi phản ánh đang ở trạng thái «{status}» (chỉ được từ: {allowed}).").format(
                action=_(a.label), status=status_label(status), allowed=allowed
            )
        )
    if a.needs_agency and not agency.strip():
        raise TransitionRefused(_("Cần ghi rõ cơ quan hoặc nền tảng nhận phản ánh (ví dụ iHaNoi, UBND phường)."))
    if a.needs_duplicate:
        if not duplicate_of:
            raise TransitionRefused(_("Cần chọn phản ánh mà phản ánh này trùng với."))
        if self_id and duplicate_of == self_id:
            raise TransitionRefused(_("Một phản ánh không thể trùng với chính nó."))
    if a.needs_note and not note.strip():
        raise TransitionRefused(_("Cần ghi lý do cho thao tác «{action}».").format(action=_(a.label)))
    return a.target
