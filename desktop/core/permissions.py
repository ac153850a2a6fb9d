"""Roles, permissions and the role matrix (data, not code), and the refusal error.

Pure domain: services call `desktop.services.people.operators.require(ctx, Permission.X)`,
which looks the signed-in operator's role up in `MATRIX`.
"""

from __future__ import annotations

from enum import StrEnum

from desktop.core.i18n import N_, _


class Role(StrEnum):
    VOLUNTEER = "tinh_nguyen_vien"
    POLICE = "cong_an"
    TEAM_LEAD = "to_truong"
    ADMIN = "quan_tri"


class Permission(StrEnum):
    REGISTER = "register"  # register and edit residents, record help sessions, take complaints
    REVEAL = "reveal"  # see an unmasked CCCD or phone in a list (audited)
    EXPORT = "export"  # export lists of residents, reports with personal data
    SUBJECT_REQUEST = "subject_request"  # answer a resident's request to see, correct or delete their data
    BACKUP = "backup"  # make a backup file
    RESTORE = "restore"  # restore a backup over the current data
    VIEW_AUDIT = "view_audit"  # read the audit trail
    MANAGE_OPERATORS = "manage_operators"  # create, change, deactivate operators
    SYNC = "sync"  # send and receive changes with the server
    HANDOFF = "handoff"  # see police hand-offs and close them (done / returned)
    WARD_FIGURES = "ward_figures"  # enter the ward's official figures for a year (the indicators' denominators)


ROLE_LABELS: dict[Role, str] = {
    Role.VOLUNTEER: N_("Tình nguyện viên"),
    Role.POLICE: N_("Công an / Tổ công tác 06"),
    Role.TEAM_LEAD: N_("Tổ trưởng"),
    Role.ADMIN: N_("Quản trị"),
}

PERMISSION_LABELS: dict[Permission, str] = {
    Permission.REGISTER: N_("Đăng ký, sửa thông tin cư dân"),
    Permission.REVEAL: N_("Xem đầy đủ số CCCD, số điện thoại"),
    Permission.EXPORT: N_("Xuất danh sách"),
    Permission.SUBJECT_REQUEST: N_("Xử lý yêu cầu của chủ thể dữ liệu"),
    Permission.BACKUP: N_("Tạo bản sao lưu"),
    Permission.RESTORE: N_("Khôi phục từ bản sao lưu"),
    Permission.VIEW_AUDIT: N_("Xem nhật ký truy cập"),
    Permission.MANAGE_OPERATORS: N_("Quản lý người dùng"),
    Permission.SYNC: N_("Đồng bộ với máy chủ"),
    Permission.HANDOFF: N_("Xem và xử lý phiếu chuyển công an"),
    Permission.WARD_FIGURES: N_("Nhập số liệu chính thức của phường"),
}

_ALL = frozenset(Permission)

# The role matrix. Change it here only; tests walk every role x permission.
MATRIX: dict[Role, frozenset[Permission]] = {
    Role.VOLUNTEER: frozenset({Permission.REGISTER, Permission.SYNC}),
    Role.POLICE: frozenset({Permission.REGISTER, Permission.REVEAL, Permission.SYNC, Permission.HANDOFF}),
    Role.TEAM_LEAD: frozenset({
        Permission.REGISTER, Permission.REVEAL, Permission.EXPORT, Permission.SUBJECT_REQUEST,
        Permission.BACKUP, Permission.RESTORE, Permission.VIEW_AUDIT, Permission.SYNC, Permission.HANDOFF,
        Permission.WARD_FIGURES,
    }),
    Role.ADMIN: _ALL,
}


def allowed(role: Role | str, permission: Permission | str) -> bool:
    try:
        return Permission(permission) in MATRIX[Role(role)]
    except ValueError:
        return False


def role_label(role: Role | str) -> str:
    try:
        return _(ROLE_LABELS[Role(role)])
    except ValueError:
        return str(role)


class PermissionDenied(Exception):
    """Refused by the role matrix (or nobody is signed in); the message is for people."""

    def __init__(self, permission: Permission | str, role: Role | str | None = None):
        self.permission = Permission(permission)
        self.role = role
        what = _(PERMISSION_LABELS[self.permission])
        if role is None:
            message = _("Cần đăng nhập để thực hiện: {what}.").format(what=what)
        else:
            message = _("Vai trò «{role}» không được phép: {what}. Hãy nhờ tổ trưởng hoặc quản trị.").format(
                role=role_label(role), what=what
            )
        super().__init__(message)


def matrix_markdown() -> str:
    """The role matrix as a markdown table (for documentation and the report)."""
    roles = list(Role)
    lines = ["| quyền | " + " | ".join(r.value for r in roles) + " |", "|---|" + "---|" * len(roles)]
    for p in Permission:
        lines.append(f"| {p.value} | " + " | ".join("✔" if p in MATRIX[r] else "—" for r in roles) + " |")
    return "\n".join(lines)
