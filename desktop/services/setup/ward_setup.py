"""First-run setup: which ward this installation belongs to, its team and residential groups."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select

from desktop.core.admin_units import admin_units
from desktop.core.i18n import _
from desktop.core.text import fold, nfc
from desktop.services.context import AppContext
from desktop.store.models import ResidentialGroup, WardProfile


class SetupError(ValueError):
    """Refused setup input; the message is for people."""


@dataclass(frozen=True)
class WardInfo:
    ward_code: str
    ward_name: str
    province_code: int
    province_name: str
    team_name: str


@dataclass(frozen=True)
class GroupInfo:
    id: str
    name: str
    kind: str


_GROUP_PREFIX = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s*")


def parse_group_lines(text: str) -> list[str]:
    """One residential group per line (pasted lists: bullets and numbering removed, duplicates dropped)."""
    out: list[str] = []
    seen: set[str] = set()
    for line in (text or "").splitlines():
        name = _GROUP_PREFIX.sub("", nfc(line)).strip()
        if name and fold(name) not in seen:
            seen.add(fold(name))
            out.append(name)
    return out


MAX_TEAM_NAME = 200


def check_team_name(name: str) -> str:
    """The team's name as stored, or SetupError: it heads every report, so it cannot be empty."""
    name = nfc(name or "").strip()
    if not name:
        raise SetupError(_("Chưa nhập tên tổ CĐS (ví dụ: Tổ CĐS cộng đồng phường Cầu Giấy). Tên này in trên mọi báo cáo."))
    if len(name) > MAX_TEAM_NAME:
        raise SetupError(_("Tên tổ CĐS dài quá {n} ký tự.").format(n=MAX_TEAM_NAME))
    return name


def group_kind(name: str) -> str:
    return "thon" if fold(name).startswith("thon") else "to_dan_pho"


def ward_info(ctx: AppContext) -> WardInfo | None:
    with ctx.read() as s:
        wp = s.get(WardProfile, 1)
        if wp is None:
            return None
        return WardInfo(wp.ward_code, wp.ward_name, wp.province_code, wp.province_name, wp.team_name)


def initialize_ward(ctx: AppContext, ward_code: str, team_name: str = "", groups: list[str] | None = None) -> WardInfo:
    """Set the ward (once; the same ward again only adds groups) and add residential groups."""
    ward = admin_units().ward(ward_code)
    if ward is None:
        raise SetupError(_("Mã phường/xã không có trong danh mục hành chính: {code}").format(code=ward_code))
    with ctx.write() as s:
        wp = s.get(WardProfile, 1)
        if wp is not None and wp.ward_code != ward.code_str:
            raise SetupError(
                _("Thư mục dữ liệu này đã thuộc {name} ({code}); không đổi được sang phường/xã khác.").format(
                    name=wp.ward_name, code=wp.ward_code
                )
            )
        if wp is None:
            s.add(
                WardProfile(
                    id=1,
                    ward_code=ward.code_str,
                    ward_name=ward.name,
                    province_code=ward.province_code,
                    province_name=ward.province_name,
                    team_name=nfc(team_name).strip(),
                )
            )
        elif team_name.strip():
            wp.team_name = nfc(team_name).strip()
        _add_groups(s, groups or [])
    info = ward_info(ctx)
    assert info is not None
    return info


def _add_groups(s, names: list[str]) -> None:
    existing = {fold(n) for n in s.scalars(select(ResidentialGroup.name).where(ResidentialGroup.deleted_at.is_(None)))}
    order = s.scalar(select(func.coalesce(func.max(ResidentialGroup.sort_order), 0))) or 0
    for name in names:
        folded = fold(name)
        if folded in existing:
            continue
        existing.add(folded)
        order += 1
        s.add(ResidentialGroup(name=name, name_folded=folded, kind=group_kind(name), sort_order=order))


def add_residential_groups(ctx: AppContext, names: list[str]) -> list[GroupInfo]:
    with ctx.write() as s:
        _add_groups(s, names)
    return residential_groups(ctx)


def residential_groups(ctx: AppContext) -> list[GroupInfo]:
    with ctx.read() as s:
        rows = s.scalars(
            select(ResidentialGroup)
            .where(ResidentialGroup.deleted_at.is_(None))
            .order_by(ResidentialGroup.sort_order, ResidentialGroup.name)
        )
        return [GroupInfo(g.id, g.name, g.kind) for g in rows]


def first_setup(ctx: AppContext, ward_code: str, team_name: str, groups: list[str],
                admin: tuple[str, str, str] | None = None) -> WardInfo:
    """The ward, its groups and, given (name, secret, kind), the first admin (signed in): the setup
    wizard and `tocds-cli init`. The admin is checked before anything is written, so a refused
    admin (a bad name or secret, operators already there) leaves the folder as it was."""
    from desktop.services.people import operators

    if admin is not None:
        operators.check_first_admin(ctx, *admin)
    info = initialize_ward(ctx, ward_code, team_name, groups)
    if admin is not None:
        operators.create_first_admin(ctx, *admin)
    return info
