"""Residents another ward has registered too (same CCCD, told by the server at each sync), and resolving
such a match by marking this ward's resident as moved away. Of the other record only its ward, name and
birth year are ever known here."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop.core.admin_units import admin_units
from desktop.core.i18n import N_, _
from desktop.core.permissions import Permission
from desktop.services.context import AppContext
from desktop.services.people import audit
from desktop.services.people.operators import require
from desktop.services.setup.ward_setup import ward_info
from desktop.services.sync.service import SyncFailed, _message, _url
from desktop.store.models import CrossWardMatch, Resident
from desktop.sync import credentials
from desktop.sync import cross_ward as local
from desktop.sync.transport import SyncError, Transport

STATES = {"": N_("Chưa xử lý"), "here": N_("Đã đánh dấu chuyển đi (phường này)"),
          "there": N_("Phường kia đã đánh dấu chuyển đi")}


@dataclass(frozen=True)
class MatchInfo:
    record_id: str
    resident_name: str
    birth_year: int | None
    other_ward: str
    other_ward_name: str
    other_name: str
    other_birth_year: int | None
    moved: str
    state_label: str


def _ward_name(code: str) -> str:
    ward = admin_units().ward(code)
    return ward.name if ward else code


def list_matches(ctx: AppContext) -> list[MatchInfo]:
    """Open matches first, then the resolved ones; by this ward's resident's name."""
    require(ctx, Permission.REGISTER)
    with ctx.read() as s:
        rows = s.execute(select(CrossWardMatch, Resident.full_name, Resident.birth_year)
                         .join(Resident, Resident.id == CrossWardMatch.record_id)).all()
    out = [MatchInfo(m.record_id, name, year, m.other_ward, _ward_name(m.other_ward), m.other_name, m.other_birth_year,
                     m.moved, _(STATES.get(m.moved, m.moved))) for m, name, year in rows]
    return sorted(out, key=lambda m: (m.moved != "", m.resident_name, m.other_ward))


def mark_moved(ctx: AppContext, record_id: str, moved: bool = True) -> list[MatchInfo]:
    """Tell the server this ward's resident moved away (or, `moved=False`, did not after all); audited."""
    require(ctx, Permission.REGISTER)
    require(ctx, Permission.SYNC)
    ward = ward_info(ctx)
    token = credentials.load_token(ctx.folder)
    if ward is None or not token:
        raise SyncFailed(_("Thiết bị chưa được đăng ký với máy chủ: nhập mã đăng ký do quản trị cấp."), "auth")
    url = _url(ctx.settings.get("sync_server_url"))
    t = Transport(url, token=token, ca_bundle=ctx.settings.get("sync_ca_bundle"))
    try:
        answer = t.cross_ward_moved(ward.ward_code, record_id, moved)
    except SyncError as exc:
        raise SyncFailed(_message(exc, url), exc.kind) from exc
    finally:
        t.close()
    local.store(ctx, answer)
    audit.record(ctx, "cross_ward", "resident", record_id, {"moved": moved})
    return list_matches(ctx)
