"""The resident registry: register, update, read and list residents (plain data out).

Validation rules come from desktop.core.validation; every write goes through the
change log (ORM session). Duplicates: the same live CCCD is refused outright; the same
phone, or the same folded name with the same birth year, is refused unless the caller
says the volunteer chose to keep both (`allow_duplicates=True`).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime

from sqlalchemy import and_, func, select

from desktop.core import formatting
from desktop.core import validation as v
from desktop.core.household_code import shown as shown_code
from desktop.core.period import today_vn
from desktop.core.i18n import _
from desktop.core.permissions import Permission
from desktop.core.text import fold, normalize_name
from desktop.core.vocab import ADOPTION_ORDER, ADOPTION_STAGES, SEXES, TARGET_GROUPS
from desktop.services.people import audit
from desktop.services.context import AppContext
from desktop.services.people.operators import require
from desktop.services.people.privacy import CURRENT_CONSENT_VERSION
from desktop.services.residents.names import diacritics_warning
from desktop.store.base import utcnow
from desktop.services.households.households import HouseholdError, hand_over_head, place_resident
from desktop.store.models import Household, Resident, ResidentialGroup
from desktop.sync.payload_rules import NOTE_MAX_CHARS

KIND = "resident"
DEFAULT_TARGET_GROUP = "nguoi_dan_khac"
# Version of the consent wording the form shows (recorded with each consent); the wording is in privacy.
CONSENT_VERSION = CURRENT_CONSENT_VERSION
_STAGE_COLUMNS = ("adoption_stage", "aware_on", "installed_on", "account_on")


# -- plain data -------------------------------------------------------------------------
@dataclass
class ResidentInput:
    """What a volunteer (or an import row) enters. Phone may be in any usual form."""

    full_name: str = ""
    birth_date: date | None = None
    birth_year: int | None = None
    sex: str | None = None
    cccd: str | None = None
    cmnd: str | None = None
    phone: str | None = None
    residential_group_id: str | None = None
    address_detail: str = ""
    target_group: str = DEFAULT_TARGET_GROUP
    workplace: str = ""
    notes: str = ""
    consent_given: bool = False
    consent_by: str = ""
    consent_version: str = ""
    adoption_stage: str | None = None  # None: keep (new residents start at "chua_biet")
    # The volunteer checked a scanned card whose CCCD breaks the structure rules and keeps it as printed.
    cccd_confirmed: bool = False
    # None: keep; "": out of any household; "new": a new household headed by the resident; else a household id
    household: str | None = None


@dataclass
class FieldProblem:
    field: str
    message: str
    severity: str = "error"  # error | warning


@dataclass
class ResidentSummary:
    id: str
    full_name: str
    birth_year: int | None
    residential_group: str
    phone_masked: str
    cccd_masked: str
    adoption_stage: str
    target_group: str


@dataclass
class ResidentDetail:
    id: str
    full_name: str
    birth_date: date | None
    birth_year: int | None
    sex: str | None
    cccd: str | None
    cmnd: str | None
    phone: str | None
    residential_group_id: str | None
    residential_group: str
    address_detail: str
    target_group: str
    workplace: str
    adoption_stage: str
    aware_on: date | None
    installed_on: date | None
    account_on: date | None
    consent_given: bool
    consent_by: str
    consent_at: datetime | None
    consent_version: str
    notes: str
    version: int
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    household_id: str | None = None
    household_code: str = ""  # shown form, K7M-4PX

    def to_input(self) -> ResidentInput:
        names = {f.name for f in fields(ResidentInput)} - {"cccd_confirmed", "household"}  # household None: stays as it is
        return ResidentInput(**{k: getattr(self, k) for k in names})


@dataclass
class ResidentFilter:
    residential_group_id: str | None = None
    target_group: str | None = None
    adoption_stage: str | None = None


class ResidentRejected(Exception):
    """Input refused: errors, or warnings the volunteer has not confirmed."""

    def __init__(self, problems: list[FieldProblem]):
        self.problems = problems
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems))

    @property
    def only_warnings(self) -> bool:
        return all(p.severity == "warning" for p in self.problems)


class DuplicateResident(Exception):
    """Someone like this is already registered (kind cccd | phone | name_birth_year)."""

    def __init__(self, kind: str, existing: list[ResidentSummary]):
        self.kind = kind
        self.existing = existing
        super().__init__(duplicate_message(kind, existing))

    @property
    def overridable(self) -> bool:
        return self.kind != "cccd"


class ResidentNotFound(LookupError):
    pass


def duplicate_message(kind: str, existing: list[ResidentSummary]) -> str:
    who = ", ".join(f"{e.full_name} ({e.birth_year or '?'})" for e in existing[:3])
    if kind == "cccd":
        return _("Số CCCD này đã có trong danh sách: {who}.").format(who=who)
    if kind == "phone":
        return _("Số điện thoại này đã có trong danh sách: {who}.").format(who=who)
    return _("Đã có người cùng họ tên và năm sinh: {who}.").format(who=who)


# -- masking and keys -------------------------------------------------------------------
def mask_cccd(cccd: str | None) -> str:
    if not cccd:
        return ""
    return cccd[:4] + "*" * (len(cccd) - 6) + cccd[-2:] if len(cccd) > 6 else "*" * len(cccd)


mask_phone = formatting.phone_masked  # "+84912345678" -> "0912 *** 678", as on every list


def sort_key(full_name: str) -> str:
    """Vietnamese list order: given name (last word) first, then the rest."""
    words = fold(full_name).split(" ")
    return " ".join([words[-1], *words[:-1]]) if words and words[0] else ""


# -- validation -------------------------------------------------------------------------
# Free-text fields kept to a length (longer text is cut; the import says so).
TEXT_LIMITS = {"address_detail": 300, "workplace": 200}


def validate(data: ResidentInput) -> tuple[dict, list[FieldProblem]]:
    """Normalised column values and the problems found (errors and warnings)."""
    problems: list[FieldProblem] = []

    def err(field: str, message: str) -> None:
        problems.append(FieldProblem(field, message, "error"))

    values: dict = {}

    name = normalize_name(data.full_name)
    if not name:
        err("full_name", _("Chưa nhập họ và tên."))
    elif len(name) > 200:
        err("full_name", _("Họ và tên dài quá 200 ký tự."))
    elif any(ch.isdigit() for ch in name):
        err("full_name", _("Họ và tên không được có chữ số."))
    values["full_name"] = name

    birth_date, birth_year = data.birth_date, data.birth_year
    if birth_date is not None:
        try:
            birth_date, year_from_date = v.parse_birth(birth_date)
        except v.InvalidValue as exc:
            err("birth_date", str(exc))
            birth_date, year_from_date = None, None
        if birth_year and year_from_date and birth_year != year_from_date:
            err("birth_year", _("Năm sinh khác với năm của ngày sinh."))
        birth_year = year_from_date or birth_year
    elif birth_year is not None:
        try:
            _d, birth_year = v.parse_birth(int(birth_year))
        except (v.InvalidValue, ValueError, TypeError) as exc:
            err("birth_year", str(exc))
            birth_year = None
    values["birth_date"], values["birth_year"] = birth_date, birth_year

    sex = (data.sex or "").strip() or None
    if sex is not None and sex not in SEXES:
        err("sex", _("Giới tính phải là Nam hoặc Nữ."))
        sex = None
    values["sex"] = sex

    cccd = v.digits_only(data.cccd) or None
    if cccd:
        try:
            info = v.parse_cccd(cccd)
        except v.InvalidValue as exc:
            if not (data.cccd_confirmed and len(cccd) == 12 and cccd.isascii()):
                err("cccd", str(exc))
        else:
            for f, message in v.cccd_warnings(info, sex, birth_year):
                problems.append(FieldProblem(f, message, "warning"))
    values["cccd"] = cccd

    cmnd = v.digits_only(data.cmnd) or None
    if cmnd:
        try:
            cmnd = v.parse_cmnd(cmnd)
        except v.InvalidValue as exc:
            err("cmnd", str(exc))
    values["cmnd"] = cmnd

    phone = (str(data.phone).strip() if data.phone is not None else "") or None
    if phone:
        try:
            phone = v.parse_phone(phone)
        except v.InvalidValue as exc:
            err("phone", str(exc))
    values["phone"] = phone

    target = data.target_group or DEFAULT_TARGET_GROUP
    if target not in TARGET_GROUPS:
        err("target_group", _("Đối tượng «{value}» không có trong danh mục.").format(value=target))
    values["target_group"] = target
    if data.adoption_stage is not None and data.adoption_stage not in ADOPTION_STAGES:
        err("adoption_stage", _("Mức độ sử dụng iHaNoi «{value}» không có.").format(value=data.adoption_stage))

    values["residential_group_id"] = data.residential_group_id or None
    values["address_detail"] = (data.address_detail or "").strip()[:TEXT_LIMITS["address_detail"]]
    values["workplace"] = (data.workplace or "").strip()[:TEXT_LIMITS["workplace"]]
    values["notes"] = (data.notes or "").strip()
    if len(values["notes"]) > NOTE_MAX_CHARS:  # the sync server's limit: refused here, never stuck in the outbox
        err("notes", _("Ghi chú dài {n} ký tự, quá giới hạn {limit} ký tự: hãy rút gọn.").format(
            n=formatting.number(len(values['notes'])), limit=formatting.number(NOTE_MAX_CHARS)))
    values["consent_given"] = bool(data.consent_given)
    values["consent_by"] = (data.consent_by or "").strip()[:120]
    values["consent_version"] = (data.consent_version or "").strip()[:20]
    values["name_folded"] = fold(name)
    values["sort_key"] = sort_key(name)
    return values, problems


def _check_group(s, group_id: str | None) -> list[FieldProblem]:
    if group_id is None:
        return []
    g = s.get(ResidentialGroup, group_id)
    if g is None or g.deleted_at is not None:
        return [FieldProblem("residential_group_id", _("Tổ dân phố / thôn đã chọn không còn trong danh sách."))]
    return []


def _place(s, ctx: AppContext, r: Resident, household: str | None) -> None:
    """The resident into the household the form chose; a household gone meanwhile is the form's problem."""
    try:
        place_resident(s, ctx, r, household)
    except HouseholdError as exc:
        raise ResidentRejected([FieldProblem("household", str(exc))]) from None


def _raise_for(problems: list[FieldProblem], confirmed_warnings: bool) -> None:
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ResidentRejected(problems)
    if problems and not confirmed_warnings:
        raise ResidentRejected(problems)


# -- duplicates -------------------------------------------------------------------------
def _live():
    return Resident.deleted_at.is_(None)


def find_duplicates(s, values: dict, exclude_id: str | None = None) -> list[DuplicateResident]:
    """Every kind of duplicate of `values` among live residents, most serious first."""
    out: list[DuplicateResident] = []
    checks = []
    if values.get("cccd"):
        checks.append(("cccd", Resident.cccd == values["cccd"]))
    if values.get("phone"):
        checks.append(("phone", Resident.phone == values["phone"]))
    if values.get("name_folded") and values.get("birth_year"):
        checks.append(("name_birth_year", and_(Resident.name_folded == values["name_folded"],
                                               Resident.birth_year == values["birth_year"])))
    for kind, cond in checks:
        q = _summary_select().where(_live(), cond).limit(10)
        if exclude_id:
            q = q.where(Resident.id != exclude_id)
        rows = [_summary(r) for r in s.execute(q)]
        if rows:
            out.append(DuplicateResident(kind, rows))
    return out


def check_duplicates(ctx: AppContext, data: ResidentInput, exclude_id: str | None = None) -> list[DuplicateResident]:
    values, _problems = validate(data)
    with ctx.read() as s:
        return find_duplicates(s, values, exclude_id)


def _raise_duplicates(s, values: dict, exclude_id: str | None, allow: bool) -> None:
    for dup in find_duplicates(s, values, exclude_id):
        if dup.kind == "cccd" or not allow:
            raise dup


# -- writes -----------------------------------------------------------------------------
def _apply_stage(r: Resident, stage: str | None, today: date) -> None:
    """Move forward through the adoption funnel, stamping the day each stage was reached."""
    if stage is None or stage == r.adoption_stage:
        return
    r.adoption_stage = stage
    reached = ADOPTION_ORDER.index(stage)
    for i, col in ((1, "aware_on"), (2, "installed_on"), (3, "account_on")):
        if reached >= i and getattr(r, col) is None:
            setattr(r, col, today)
        elif reached < i:
            setattr(r, col, None)


def _name_problems(name: str) -> list[FieldProblem]:
    warning = diacritics_warning(name)
    return [FieldProblem("full_name", warning, "warning")] if warning else []


def _consent_problems(data: ResidentInput) -> list[FieldProblem]:
    if data.consent_given:
        return []
    return [FieldProblem("consent_given", _("Chưa hỏi ý kiến cư dân: đọc điều khoản cho họ nghe; nếu họ đồng ý, "
                                            "đánh dấu «Đồng ý» (phím cách) rồi lưu."))]


def register_resident(ctx: AppContext, data: ResidentInput, *, confirmed_warnings: bool = False,
                      allow_duplicates: bool = False, consent_required: bool = False) -> ResidentDetail:
    """Register a new resident (REGISTER permission); audited with the names of the fields filled.
    `consent_required` (booth mode): refused until the resident's consent is recorded."""
    require(ctx, Permission.REGISTER)
    values, problems = validate(data)
    problems += _name_problems(values["full_name"])
    if consent_required:
        problems += _consent_problems(data)
    with ctx.write() as s:
        problems += _check_group(s, values["residential_group_id"])
        _raise_for(problems, confirmed_warnings)
        _raise_duplicates(s, values, None, allow_duplicates)
        if values["consent_given"] and not values["consent_by"]:
            values["consent_by"] = (ctx.actor or "")[:120]
        r = Resident(**values)
        r.adoption_stage = "chua_biet"
        r.consent_at = utcnow() if values["consent_given"] else None
        _apply_stage(r, data.adoption_stage, today_vn())
        s.add(r)
        s.flush()
        rid = r.id
        _place(s, ctx, r, data.household)
        filled = {k for k, val in values.items() if val not in (None, "", False)}
        filled |= {"household_id"} if r.household_id else set()
        filled |= {c for c in _STAGE_COLUMNS if getattr(r, c) not in (None, "", "chua_biet")}
        audit.append(s, ctx, "create", KIND, rid, {"fields": sorted(filled)})
    return get_resident(ctx, rid)


def update_resident(ctx: AppContext, resident_id: str, data: ResidentInput, *, confirmed_warnings: bool = False,
                    allow_duplicates: bool = False) -> ResidentDetail:
    """Change a resident (REGISTER permission); audited with the names of the changed fields, never values."""
    require(ctx, Permission.REGISTER)
    values, problems = validate(data)
    with ctx.write() as s:
        r = s.get(Resident, resident_id)
        if r is None or r.deleted_at is not None:
            raise ResidentNotFound(resident_id)
        problems += _check_group(s, values["residential_group_id"])
        if values["cccd"] == r.cccd:  # a card's number confirmed once stays confirmed
            problems = [p for p in problems if not (p.field == "cccd" and p.severity == "error")]
        if values["full_name"] != r.full_name:
            problems += _name_problems(values["full_name"])
        _raise_for(problems, confirmed_warnings)
        changed = {k: val for k, val in values.items() if getattr(r, k) != val}
        dup_keys = {"cccd", "phone", "name_folded", "birth_year"}
        if dup_keys & changed.keys():
            _raise_duplicates(s, values, resident_id, allow_duplicates)
        if "consent_given" in changed:
            r.consent_at = utcnow() if values["consent_given"] else None
        if values["consent_given"] and not values["consent_by"] and not r.consent_by:
            changed["consent_by"] = (ctx.actor or "")[:120]
        for k, val in changed.items():
            setattr(r, k, val)
        before = {c: getattr(r, c) for c in _STAGE_COLUMNS}
        _apply_stage(r, data.adoption_stage, today_vn())
        fields_changed = set(changed) | {c for c in _STAGE_COLUMNS if getattr(r, c) != before[c]}
        household_before = r.household_id
        _place(s, ctx, r, data.household)
        fields_changed |= {"household_id"} if r.household_id != household_before else set()
        if fields_changed:
            audit.append(s, ctx, "edit", KIND, resident_id, {"fields": sorted(fields_changed)})
    return get_resident(ctx, resident_id)


def set_adoption_stage(ctx: AppContext, resident_id: str, stage: str, on: date | None = None) -> ResidentDetail:
    """Record that a resident reached a stage of the iHaNoi funnel (dates kept for earlier stages)."""
    if stage not in ADOPTION_STAGES:
        raise ResidentRejected([FieldProblem("adoption_stage", _("Mức độ sử dụng iHaNoi «{value}» không có.").format(value=stage))])
    require(ctx, Permission.REGISTER)
    with ctx.write() as s:
        r = s.get(Resident, resident_id)
        if r is None or r.deleted_at is not None:
            raise ResidentNotFound(resident_id)
        before = {c: getattr(r, c) for c in _STAGE_COLUMNS}
        _apply_stage(r, stage, on or today_vn())
        fields_changed = {c for c in _STAGE_COLUMNS if getattr(r, c) != before[c]}
        if fields_changed:
            audit.append(s, ctx, "edit", KIND, resident_id, {"fields": sorted(fields_changed)})
    return get_resident(ctx, resident_id)


def delete_resident(ctx: AppContext, resident_id: str) -> None:
    """Tombstone a resident (REGISTER permission); audited."""
    require(ctx, Permission.REGISTER)
    with ctx.write() as s:
        r = s.get(Resident, resident_id)
        if r is None:
            raise ResidentNotFound(resident_id)
        r.mark_deleted()
        if r.household_id:
            hand_over_head(s, r.household_id, r.id)  # the household stays; another member heads it
        audit.append(s, ctx, "delete", KIND, resident_id, {"fields": []})


# -- reads ------------------------------------------------------------------------------
def _detail(r: Resident, group_name: str) -> ResidentDetail:
    return ResidentDetail(
        id=r.id, full_name=r.full_name, birth_date=r.birth_date, birth_year=r.birth_year, sex=r.sex,
        cccd=r.cccd, cmnd=r.cmnd, phone=r.phone, residential_group_id=r.residential_group_id,
        residential_group=group_name, address_detail=r.address_detail, target_group=r.target_group,
        workplace=r.workplace, adoption_stage=r.adoption_stage, aware_on=r.aware_on,
        installed_on=r.installed_on, account_on=r.account_on, consent_given=r.consent_given,
        consent_by=r.consent_by, consent_at=r.consent_at, consent_version=r.consent_version, notes=r.notes,
        version=r.version, created_at=r.created_at, created_by=r.created_by, updated_at=r.updated_at,
        updated_by=r.updated_by, household_id=r.household_id,
    )


def get_resident(ctx: AppContext, resident_id: str) -> ResidentDetail:
    with ctx.read() as s:
        r = s.get(Resident, resident_id)
        if r is None or r.deleted_at is not None:
            raise ResidentNotFound(resident_id)
        g = s.get(ResidentialGroup, r.residential_group_id) if r.residential_group_id else None
        detail = _detail(r, g.name if g else "")
        h = s.get(Household, r.household_id) if r.household_id else None
        if h is not None and h.deleted_at is None:
            detail.household_code = shown_code(h.code)
        return detail


SUMMARY_COLUMNS = (Resident.id, Resident.full_name, Resident.birth_year, ResidentialGroup.name, Resident.phone,
                   Resident.cccd, Resident.adoption_stage, Resident.target_group)


def _summary_select():
    return select(*SUMMARY_COLUMNS).select_from(Resident).outerjoin(
        ResidentialGroup, ResidentialGroup.id == Resident.residential_group_id)


def _summary(row) -> ResidentSummary:
    rid, name, year, group, phone, cccd, stage, target = row
    return ResidentSummary(rid, name, year, group or "", mask_phone(phone), mask_cccd(cccd), stage, target)


def _filtered(q, flt: ResidentFilter | None):
    q = q.where(_live())
    if flt is None:
        return q
    if flt.residential_group_id:
        q = q.where(Resident.residential_group_id == flt.residential_group_id)
    if flt.target_group:
        q = q.where(Resident.target_group == flt.target_group)
    if flt.adoption_stage:
        q = q.where(Resident.adoption_stage == flt.adoption_stage)
    return q


def resident_ids(ctx: AppContext, flt: ResidentFilter | None = None) -> list[str]:
    """Ids of the live residents matching the filter, in Vietnamese list order."""
    where, params = ["deleted_at IS NULL"], []
    for column, value in (("residential_group_id", flt and flt.residential_group_id),
                          ("target_group", flt and flt.target_group), ("adoption_stage", flt and flt.adoption_stage)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    # driver-level query: 200,000 ids through the ORM result machinery cost ~1 s
    sql = f"SELECT id FROM resident WHERE {' AND '.join(where)} ORDER BY sort_key, id"
    with ctx.read() as s:
        return [row[0] for row in s.connection().exec_driver_sql(sql, tuple(params)).fetchall()]


def count_residents(ctx: AppContext, flt: ResidentFilter | None = None) -> int:
    with ctx.read() as s:
        return s.scalar(_filtered(select(func.count()).select_from(Resident), flt)) or 0


def resident_summaries(ctx: AppContext, ids: list[str]) -> list[ResidentSummary]:
    """Summaries of these residents in the order given (missing ones left out)."""
    found: dict[str, ResidentSummary] = {}
    with ctx.read() as s:
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for row in s.execute(_summary_select().where(Resident.id.in_(chunk))):
                found[row[0]] = _summary(row)
    return [found[i] for i in ids if i in found]


def list_residents(ctx: AppContext, flt: ResidentFilter | None = None, offset: int = 0,
                   limit: int = 100) -> list[ResidentSummary]:
    q = _filtered(_summary_select(), flt).order_by(Resident.sort_key, Resident.id).offset(offset).limit(limit)
    with ctx.read() as s:
        return [_summary(r) for r in s.execute(q)]


def iter_details(ctx: AppContext, flt: ResidentFilter | None = None, batch: int = 2000):
    """Every matching resident in list order, full detail (for export)."""
    q = _filtered(select(Resident, ResidentialGroup.name).outerjoin(
        ResidentialGroup, ResidentialGroup.id == Resident.residential_group_id), flt).order_by(
        Resident.sort_key, Resident.id)
    with ctx.read() as s:
        for r, gname in s.execute(q.execution_options(yield_per=batch)):
            yield _detail(r, gname or "")


def summary_of(detail: ResidentDetail) -> ResidentSummary:
    return ResidentSummary(detail.id, detail.full_name, detail.birth_year, detail.residential_group,
                           mask_phone(detail.phone), mask_cccd(detail.cccd), detail.adoption_stage,
                           detail.target_group)


__all__ = [
    "ResidentInput", "FieldProblem", "ResidentSummary", "ResidentDetail", "ResidentFilter", "ResidentRejected",
    "DuplicateResident", "ResidentNotFound", "register_resident", "update_resident", "get_resident",
    "set_adoption_stage", "delete_resident", "resident_ids", "resident_summaries", "list_residents",
    "count_residents", "check_duplicates", "find_duplicates", "validate", "mask_cccd", "mask_phone", "sort_key",
    "summary_of", "iter_details",
]
