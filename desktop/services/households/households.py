"""Households: create, find by short code, move members, delete (members stay).

A resident's household is `Resident.household_id` (one at most). Deleting a household tombstones it
and takes its members out of it; the residents themselves are never deleted here.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop.core import household_code as hc
from desktop.core.i18n import _
from desktop.core.permissions import Permission
from desktop.core.text import fold
from desktop.services.context import AppContext
from desktop.services.people import audit
from desktop.services.people.operators import require
from desktop.store.models import Household, Resident, ResidentialGroup

KIND = "household"
NEW_HOUSEHOLD = "new"  # ResidentInput.household: make a new household headed by the resident
ADDRESS_MAX = 300


class HouseholdError(ValueError):
    """Refused household input; the message (Vietnamese) says what and where."""


class HouseholdNotFound(HouseholdError):
    """No live household has this code or id."""


@dataclass(frozen=True)
class Member:
    id: str
    full_name: str
    birth_year: int | None
    adoption_stage: str
    is_head: bool


@dataclass(frozen=True)
class HouseholdInfo:
    id: str
    code: str  # shown form, K7M-4PX
    residential_group_id: str | None
    residential_group: str
    address: str
    register_no: str
    head_resident_id: str | None
    head_name: str
    members: list[Member]


def _live(cls):
    return cls.deleted_at.is_(None)


def unused_code(s) -> str:
    """A code no live household of this laptop has."""
    while True:
        code = hc.new_code()
        if s.scalar(select(Household.id).where(Household.code == code, _live(Household))) is None:
            return code


def _group_name(s, group_id: str | None) -> str:
    g = s.get(ResidentialGroup, group_id) if group_id else None
    return g.name if g is not None else ""


def _check_group(s, group_id: str | None) -> None:
    if group_id is None:
        return
    g = s.get(ResidentialGroup, group_id)
    if g is None or g.deleted_at is not None:
        raise HouseholdError(_("Tổ dân phố / thôn đã chọn không còn trong danh sách."))


def new_household(s, *, residential_group_id: str | None, address: str, head_resident_id: str | None = None,
                  register_no: str = "") -> Household:
    """A new household added to the session (the caller's transaction)."""
    address = " ".join((address or "").split())[:ADDRESS_MAX]
    h = Household(code=unused_code(s), residential_group_id=residential_group_id, address=address,
                  address_folded=fold(address), register_no=register_no[:40], head_resident_id=head_resident_id)
    s.add(h)
    s.flush()
    return h


def place_resident(s, ctx: AppContext, r: Resident, household: str | None) -> None:
    """Put a resident (already in the session) into a household, inside the caller's transaction.

    `household`: None leaves it as it is, "" takes the resident out, NEW_HOUSEHOLD makes a new one
    at the resident's address with the resident as head, anything else is a household id."""
    if household is None or household == (r.household_id or ""):
        return
    before = r.household_id
    if household == "":
        r.household_id = None
    elif household == NEW_HOUSEHOLD:
        s.flush()  # the resident's id
        h = new_household(s, residential_group_id=r.residential_group_id, address=r.address_detail,
                          head_resident_id=r.id)
        r.household_id = h.id
        audit.append(s, ctx, "create", KIND, h.id, {"fields": ["code", "address", "head_resident_id"]})
    else:
        h = s.get(Household, household)
        if h is None or h.deleted_at is not None:
            raise HouseholdNotFound(_("Hộ đã chọn không còn trong danh sách."))
        r.household_id = h.id
        if not h.head_resident_id:
            h.head_resident_id = r.id
    if before and before != r.household_id:
        hand_over_head(s, before, r.id)


def hand_over_head(s, household_id: str, leaving_id: str) -> None:
    """A household whose head left gets its eldest remaining member as head (or none)."""
    h = s.get(Household, household_id)
    if h is None or h.head_resident_id != leaving_id:
        return
    s.flush()
    nxt = s.scalar(select(Resident.id).where(Resident.household_id == household_id, _live(Resident),
                                             Resident.id != leaving_id)
                   .order_by(Resident.birth_year.is_(None), Resident.birth_year, Resident.sort_key))
    h.head_resident_id = nxt


def create_household(ctx: AppContext, *, residential_group_id: str | None, address: str,
                     member_ids: list[str] | None = None) -> HouseholdInfo:
    """A new household at an address, with these residents moved into it (the first is the head)."""
    require(ctx, Permission.REGISTER)
    if not " ".join((address or "").split()):
        raise HouseholdError(_("Chưa nhập địa chỉ của hộ."))
    with ctx.write() as s:
        _check_group(s, residential_group_id)
        h = new_household(s, residential_group_id=residential_group_id, address=address)
        audit.append(s, ctx, "create", KIND, h.id, {"fields": ["code", "address"]})
        for rid in member_ids or []:
            _move(s, ctx, rid, h.id)
        hid = h.id
    return get_household(ctx, hid)


def _resident(s, resident_id: str) -> Resident:
    r = s.get(Resident, resident_id)
    if r is None or r.deleted_at is not None:
        raise HouseholdError(_("Không tìm thấy cư dân này (có thể đã bị xóa)."))
    return r


def _move(s, ctx: AppContext, resident_id: str, household_id: str | None) -> None:
    r = _resident(s, resident_id)
    place_resident(s, ctx, r, household_id or "")
    audit.append(s, ctx, "edit", "resident", resident_id, {"fields": ["household_id"]})


def move_member(ctx: AppContext, resident_id: str, household_id: str | None) -> None:
    """Move a resident into a household (None: out of any household)."""
    require(ctx, Permission.REGISTER)
    with ctx.write() as s:
        if household_id is not None:
            h = s.get(Household, household_id)
            if h is None or h.deleted_at is not None:
                raise HouseholdNotFound(_("Hộ đã chọn không còn trong danh sách."))
        _move(s, ctx, resident_id, household_id)


def set_head(ctx: AppContext, household_id: str, resident_id: str) -> None:
    require(ctx, Permission.REGISTER)
    with ctx.write() as s:
        h = _household(s, household_id)
        if _resident(s, resident_id).household_id != h.id:
            raise HouseholdError(_("Chủ hộ phải là một thành viên của hộ {code}.").format(code=hc.shown(h.code)))
        h.head_resident_id = resident_id
        audit.append(s, ctx, "edit", KIND, h.id, {"fields": ["head_resident_id"]})


def delete_household(ctx: AppContext, household_id: str) -> int:
    """Tombstone a household; its members stay, out of any household. Returns how many were members."""
    require(ctx, Permission.REGISTER)
    with ctx.write() as s:
        h = _household(s, household_id)
        members = list(s.scalars(select(Resident).where(Resident.household_id == h.id)))
        for r in members:
            r.household_id = None
        h.mark_deleted()
        audit.append(s, ctx, "delete", KIND, h.id, {"fields": [], "members": len(members)})
    return len(members)


def _household(s, household_id: str) -> Household:
    h = s.get(Household, household_id)
    if h is None or h.deleted_at is not None:
        raise HouseholdNotFound(_("Hộ đã chọn không còn trong danh sách."))
    return h


def _members(s, h: Household) -> list[Member]:
    rows = s.execute(select(Resident.id, Resident.full_name, Resident.birth_year, Resident.adoption_stage)
                     .where(Resident.household_id == h.id, _live(Resident))
                     .order_by(Resident.birth_year.is_(None), Resident.birth_year, Resident.sort_key))
    # eldest first, the order of the coverage list (the visit entry's keys follow it)
    return [Member(rid, name, year, stage, rid == h.head_resident_id) for rid, name, year, stage in rows]


def info_of(s, h: Household) -> HouseholdInfo:
    members = _members(s, h)
    head = next((m.full_name for m in members if m.is_head), "")
    return HouseholdInfo(h.id, hc.shown(h.code), h.residential_group_id, _group_name(s, h.residential_group_id),
                         h.address, h.register_no, h.head_resident_id, head, members)


def get_household(ctx: AppContext, household_id: str) -> HouseholdInfo:
    with ctx.read() as s:
        return info_of(s, _household(s, household_id))


def find_by_code(ctx: AppContext, typed: str) -> list[HouseholdInfo]:
    """The live households with this code (usually one; two laptops may rarely have drawn the same).

    A code typed wrong finds nothing: HouseholdNotFound says so, with the code as it was read."""
    code = hc.normalise(typed)
    if not hc.is_well_formed(code):
        raise HouseholdNotFound(_(
            "Mã hộ «{typed}» không đúng dạng: mã có 6 ký tự trong {alphabet}, ví dụ K7M-4PX.").format(
            typed=(typed or "").strip(), alphabet=hc.ALPHABET))
    with ctx.read() as s:
        found = [info_of(s, h) for h in s.scalars(select(Household).where(Household.code == code, _live(Household)))]
    if not found:
        raise HouseholdNotFound(_("Không có hộ nào mang mã {code}. Hãy đọc lại mã trên danh sách.").format(
            code=hc.shown(code)))
    return found


def search_households(ctx: AppContext, text: str, residential_group_id: str | None = None,
                      limit: int = 20) -> list[HouseholdInfo]:
    """Households by code or by a part of their address (diacritics folded), for the registration form."""
    code = hc.normalise(text)
    folded = fold(" ".join((text or "").split()))
    with ctx.read() as s:
        q = select(Household).where(_live(Household))
        if residential_group_id:
            q = q.where(Household.residential_group_id == residential_group_id)
        if hc.is_well_formed(code):
            q = q.where((Household.code == code) | Household.address_folded.contains(folded, autoescape=True))
        elif folded:
            q = q.where(Household.address_folded.contains(folded, autoescape=True))
        return [info_of(s, h) for h in s.scalars(q.order_by(Household.address_folded, Household.code).limit(limit))]


def households_of_group(ctx: AppContext, residential_group_id: str) -> list[HouseholdInfo]:
    with ctx.read() as s:
        q = select(Household).where(_live(Household), Household.residential_group_id == residential_group_id)
        return [info_of(s, h) for h in s.scalars(q.order_by(Household.address_folded, Household.code))]
