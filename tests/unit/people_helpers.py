"""Helpers for the people/roles/privacy tests: operators of every role, a planted resident."""

from __future__ import annotations

from desktop.core.permissions import Role
from desktop.services.people import operators

ADMIN_SECRET = "matkhau-quantri"
PINS = {Role.VOLUNTEER: "111111", Role.POLICE: "222222", Role.TEAM_LEAD: "333333", Role.ADMIN: ADMIN_SECRET}
NAMES = {Role.VOLUNTEER: "Lê Văn Tình", Role.POLICE: "Phạm Công An", Role.TEAM_LEAD: "Đỗ Tổ Trưởng", Role.ADMIN: "Ngô Quản Trị"}

PLANTED_NAME = "Hoàng Thị Xuyến Chi"
PLANTED_CCCD = "001297054321"
PLANTED_PHONE = "0987654329"
PLANTED_E164 = "+84987654329"


def staff(ctx) -> dict[Role, str]:
    """One operator per role (the admin first); returns ids. Leaves the admin signed in."""
    admin = operators.create_first_admin(ctx, NAMES[Role.ADMIN], ADMIN_SECRET)
    ids = {Role.ADMIN: admin.id}
    for role in (Role.VOLUNTEER, Role.POLICE, Role.TEAM_LEAD):
        ids[role] = operators.create_operator(ctx, NAMES[role], role.value, PINS[role]).id
    return ids


def as_role(ctx, ids: dict, role: Role) -> None:
    operators.sign_in(ctx, ids[role], PINS[role])


def plant_resident(ctx) -> str:
    from desktop.services.residents import residents

    detail = residents.register_resident(ctx, residents.ResidentInput(
        full_name=PLANTED_NAME, cccd=PLANTED_CCCD, phone=PLANTED_PHONE, birth_year=1997, sex="nu",
        consent_given=True, consent_version="2025-07"), confirmed_warnings=True)
    return detail.id
