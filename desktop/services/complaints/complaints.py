"""Complaints: file one on a resident's behalf, move it through its life, list and show it.

Every step writes a ComplaintEvent (who, when, from and to status, note); events are
never edited. Deadlines come from desktop.services.complaints.deadlines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from desktop.core.complaint_codes import code_for, compact
from desktop.core.complaint_catalogue import CHANNELS, SEVERITIES, CatalogueError
from desktop.core.complaint_lifecycle import (
    ACTIONS,
    AWAITING_HANDLING,
    CLOSED_STATUSES,
    HANDLED_STATUSES,
    TransitionRefused,
    allowed_actions,
    check_transition,
    status_label,
)
from desktop.core.complaint_reply import needs_after_photo, no_photo_reason_problem, reply_problems
from desktop.core.i18n import N_, _
from desktop.core.permissions import Permission
from desktop.core.text import fold, nfc
from desktop.services.complaints import attachments as att
from desktop.services.complaints import deadlines as dl
from desktop.services.people import audit
from desktop.services.context import AppContext
from desktop.services.people.operators import require
from desktop.store.base import new_id, utcnow
from desktop.store.models import Attachment, Complaint, ComplaintEvent, ComplaintFeedback, Resident, ResidentialGroup

MIN_TITLE = 10
MIN_DESCRIPTION = 30
RESOLVED = {"co": N_("Có"), "mot_phan": N_("Một phần"), "khong": N_("Không"), "khong_biet": N_("Không biết")}
_PHONE = re.compile(r"^(?:\+?84|0)(\d{9})$")


class ComplaintError(ValueError):
    """Refused input; the message (Vietnamese) says which field and why."""


@dataclass
class ComplaintDraft:
    kind: str
    category: str
    title: str
    description: str
    severity: str = "thong_thuong"
    reporter_resident_id: str | None = None
    reporter_name: str = ""
    reporter_phone: str = ""
    anonymous: bool = False
    hide_name_publicly: bool = False
    withhold_identity_from_agency: bool = False
    consent_to_contact: bool = False
    address_text: str = ""
    residential_group_id: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    occurred_at: datetime | None = None
    channel: str = "diem_ho_tro"
    taken_by: str = ""
    files: list[str] = field(default_factory=list)
    duplicate_of_id: str | None = None  # file and mark at once as a duplicate of this one
    as_draft: bool = False  # keep as "nháp" instead of recording it


@dataclass(frozen=True)
class ComplaintSummary:
    id: str
    code: str
    kind: str
    kind_label: str
    category: str
    category_label: str
    severity: str
    severity_label: str
    status: str
    status_label: str
    title: str
    reporter: str
    address_text: str
    residential_group_id: str | None
    group_name: str
    agency: str
    recorded_at: datetime | None
    due_at: datetime | None
    overdue: bool
    overdue_stage: str | None


@dataclass(frozen=True)
class EventInfo:
    at: datetime
    actor: str
    action: str
    action_label: str
    from_status: str | None
    to_status: str
    to_label: str
    note: str
    agency: str


@dataclass(frozen=True)
class AttachmentInfo:
    id: str
    path: Path
    mime: str
    media: str
    size: int
    original_name: str
    captured_at: datetime | None
    phase: str = "truoc"  # truoc | sau (taken after handling)


@dataclass(frozen=True)
class FeedbackInfo:
    resolved: str
    resolved_label: str
    rating: int | None
    comment: str
    collected_by: str
    collected_at: datetime


@dataclass(frozen=True)
class ComplaintDetail:
    summary: ComplaintSummary
    description: str
    reporter_resident_id: str | None
    reporter_phone: str
    anonymous: bool
    hide_name_publicly: bool
    withhold_identity_from_agency: bool
    consent_to_contact: bool
    latitude: float | None
    longitude: float | None
    occurred_at: datetime | None
    channel: str
    taken_by: str
    accept_due_at: datetime | None
    handle_due_at: datetime | None
    accepted_at: datetime | None
    handled_at: datetime | None
    duplicate_of_id: str | None
    duplicate_of_code: str
    actions: list[str]
    events: list[EventInfo]
    attachments: list[AttachmentInfo]
    feedback: list[FeedbackInfo]


@dataclass
class ComplaintFilter:
    status: str | None = None
    kind: str | None = None
    category: str | None = None
    severity: str | None = None
    residential_group_id: str | None = None
    overdue: bool = False
    limit: int | None = None
    code: str = ""  # all or part of a code, typed any way ("pa 7kx4mt", "e80efb")


# -- validation -----------------------------------------------------------------------
def normalize_phone(text: str) -> str | None:
    digits = re.sub(r"[\s.\-()]", "", text or "").replace("+84(0)", "+84")
    m = _PHONE.match(digits)
    return f"+84{m.group(1)}" if m else None


def validate_draft(ctx: AppContext, d: ComplaintDraft) -> list[str]:
    """Every problem with the draft, each naming the field (empty list when it can be filed)."""
    errors: list[str] = []
    cat = dl.catalogue(ctx)
    try:
        cat.validate(d.kind, d.category)
    except CatalogueError as exc:
        errors.append(_("Loại/lĩnh vực: {error}").format(error=exc))
    if d.severity not in SEVERITIES:
        errors.append(_("Mức độ: «{value}» không hợp lệ.").format(value=d.severity))
    if d.channel not in CHANNELS:
        errors.append(_("Kênh tiếp nhận: «{value}» không hợp lệ.").format(value=d.channel))
    if len(nfc(d.title).strip()) < MIN_TITLE:
        errors.append(_("Tiêu đề: cần ít nhất {n} ký tự.").format(n=MIN_TITLE))
    if len(nfc(d.description).strip()) < MIN_DESCRIPTION:
        errors.append(_("Nội dung: cần ít nhất {n} ký tự để cơ quan hiểu rõ sự việc.").format(n=MIN_DESCRIPTION))
    chosen = sum((bool(d.reporter_resident_id), bool(d.reporter_name.strip()), d.anonymous))
    if chosen == 0:
        errors.append(_("Người phản ánh: chọn một cư dân, nhập họ tên, hoặc chọn ẩn danh."))
    elif chosen > 1:
        errors.append(_("Người phản ánh: chỉ chọn một trong cư dân đã đăng ký, họ tên, hoặc ẩn danh."))
    if d.reporter_phone.strip() and normalize_phone(d.reporter_phone) is None:
        errors.append(_("Số điện thoại: «{value}» không phải số di động Việt Nam hợp lệ.").format(value=d.reporter_phone))
    if d.anonymous and (d.reporter_phone.strip() or d.consent_to_contact):
        errors.append(_("Ẩn danh: không ghi số điện thoại và không thể đồng ý liên hệ lại."))
    if d.consent_to_contact and not d.reporter_resident_id and not d.reporter_phone.strip():
        errors.append(_("Đồng ý liên hệ lại: cần số điện thoại hoặc chọn cư dân đã đăng ký."))
    if not d.address_text.strip() and not d.residential_group_id and d.latitude is None:
        errors.append(_("Địa điểm: nhập địa chỉ, chọn tổ dân phố hoặc ghi toạ độ."))
    if (d.latitude is None) != (d.longitude is None):
        errors.append(_("Toạ độ: cần cả vĩ độ và kinh độ."))
    elif d.latitude is not None and not (8.0 <= d.latitude <= 24.0 and 102.0 <= d.longitude <= 110.0):
        errors.append(_("Toạ độ: ({lat}, {lon}) nằm ngoài Việt Nam.").format(lat=d.latitude, lon=d.longitude))
    if d.occurred_at is not None and d.occurred_at > utcnow():
        errors.append(_("Thời điểm xảy ra: không được ở tương lai."))
    with ctx.read() as s:
        if d.reporter_resident_id and s.get(Resident, d.reporter_resident_id) is None:
            errors.append(_("Người phản ánh: không tìm thấy cư dân đã chọn."))
        if d.residential_group_id and s.get(ResidentialGroup, d.residential_group_id) is None:
            errors.append(_("Tổ dân phố: không tìm thấy tổ đã chọn."))
        if d.duplicate_of_id and s.get(Complaint, d.duplicate_of_id) is None:
            errors.append(_("Trùng với: không tìm thấy phản ánh đã chọn."))
    return errors


# -- writing --------------------------------------------------------------------------
def _event(s, c: Complaint, action: str, from_status: str | None, at: datetime, actor: str, note: str = "",
           agency: str = "", duplicate_of_id: str | None = None) -> None:
    s.add(ComplaintEvent(complaint_id=c.id, at=at, actor=actor, action=action, from_status=from_status,
                         to_status=c.status, note=note, agency=agency, duplicate_of_id=duplicate_of_id))


def _after_photos(s, complaint_id: str) -> int:
    return s.scalar(select(func.count()).select_from(Attachment).where(
        Attachment.complaint_id == complaint_id, Attachment.phase == "sau", Attachment.media == "photo",
        Attachment.deleted_at.is_(None))) or 0


def check_handled(s, c: Complaint, reply: str, no_photo_reason: str = "") -> None:
    """Refuse closing `c` as handled unless the reply satisfies (`core.complaint_reply`) and an on-site
    complaint has a photo taken after handling or the handler's reason for none (every problem named)."""
    problems = reply_problems(reply, c.address_text)
    if needs_after_photo(c.kind) and not _after_photos(s, c.id):
        problem = no_photo_reason_problem(no_photo_reason)
        if problem:
            problems.append(problem)
    if problems:
        raise TransitionRefused("\n".join(problems))


def _apply(ctx: AppContext, s, c: Complaint, action: str, at: datetime, *, note: str = "", agency: str = "",
           duplicate_of: str | None = None, no_photo_reason: str = "") -> None:
    target = check_transition(c.status, action, agency=agency, duplicate_of=duplicate_of, self_id=c.id, note=note)
    if duplicate_of and s.get(Complaint, duplicate_of) is None:
        raise TransitionRefused(_("Không tìm thấy phản ánh được chọn là bản gốc."))
    if action == "hoan_thanh":
        check_handled(s, c, note, no_photo_reason)
    cat = dl.catalogue(ctx)
    before = c.status
    c.status = target
    if action == "ghi_nhan":
        dl.set_deadlines_on_record(cat, c, at)
    elif action == "chuyen":
        c.agency = agency.strip()
    elif action == "tiep_nhan":
        c.accepted_at = at
        dl.restart_handling_clock(cat, c, at)
    elif action == "hoan_thanh":
        c.handled_at = at
        c.no_after_photo_reason = "" if _after_photos(s, c.id) else nfc(no_photo_reason).strip()
    elif action == "danh_dau_trung":
        c.duplicate_of_id = duplicate_of
    elif action == "mo_lai":
        c.handled_at = None
        c.closed_at = None
        c.reopen_count = (c.reopen_count or 0) + 1
        dl.restart_handling_clock(cat, c, at)
    if target in CLOSED_STATUSES and target != "da_xu_ly":
        c.closed_at = at
    _event(s, c, action, before, at, ctx.actor, note.strip(), agency.strip(), duplicate_of)


# Field names (never values) listed in the audit entry of a new complaint.
_AUDITED_FIELDS = ("kind", "category", "severity", "title", "description", "reporter_resident_id", "reporter_name",
                   "reporter_phone", "anonymous", "hide_name_publicly", "withhold_identity_from_agency",
                   "consent_to_contact", "address_text", "residential_group_id", "latitude", "longitude",
                   "occurred_at", "channel", "taken_by", "duplicate_of_id")


def file_complaint(ctx: AppContext, draft: ComplaintDraft, now: datetime | None = None) -> str:
    """Validate, copy the files in, store the complaint (recorded unless a draft); its id. Audited."""
    require(ctx, Permission.REGISTER)
    errors = validate_draft(ctx, draft)
    if errors:
        raise ComplaintError("\n".join(errors))
    stored = [att.store_file(ctx.folder, f) for f in draft.files]  # refused files stop us before any write
    now = now or utcnow()
    phone = normalize_phone(draft.reporter_phone) or ""
    with ctx.write() as s:
        c = Complaint(
            kind=draft.kind, category=draft.category, severity=draft.severity, status="nhap",
            title=nfc(draft.title).strip(), description=nfc(draft.description).strip(),
            reporter_resident_id=draft.reporter_resident_id or None,
            reporter_name=nfc(draft.reporter_name).strip(), reporter_phone=phone, anonymous=draft.anonymous,
            hide_name_publicly=draft.hide_name_publicly,
            withhold_identity_from_agency=draft.withhold_identity_from_agency,
            consent_to_contact=draft.consent_to_contact,
            address_text=nfc(draft.address_text).strip(), address_folded=fold(draft.address_text),
            residential_group_id=draft.residential_group_id or None,
            latitude=draft.latitude, longitude=draft.longitude, occurred_at=draft.occurred_at,
            channel=draft.channel, taken_by=nfc(draft.taken_by).strip() or ctx.actor,
        )
        c.id = new_id()
        c.code = code_for(c.id)
        s.add(c)
        s.flush()  # the complaint row first: events and attachments point at it
        _event(s, c, "tao", None, now, ctx.actor)
        for f in stored:
            s.add(Attachment(complaint_id=c.id, sha256=f.sha256, path=f.path, mime=f.mime, size=f.size,
                             media=f.media, original_name=f.original_name, captured_at=f.captured_at,
                             latitude=f.latitude, longitude=f.longitude))
        if not draft.as_draft:
            _apply(ctx, s, c, "ghi_nhan", now)
            if draft.duplicate_of_id:
                _apply(ctx, s, c, "danh_dau_trung", now, duplicate_of=draft.duplicate_of_id,
                       note=_("Ghi nhận là trùng khi tiếp nhận."))
        filled = sorted(k for k in _AUDITED_FIELDS if getattr(c, k) not in (None, "", False))
        audit.append(s, ctx, "create", "complaint", c.id,
                     {"fields": filled + (["attachments"] if stored else []), "status": c.status})
        return c.id


def transition(ctx: AppContext, complaint_id: str, action: str, *, note: str = "", agency: str = "",
               duplicate_of: str | None = None, no_photo_reason: str = "", now: datetime | None = None) -> ComplaintSummary:
    """Apply one lifecycle action; TransitionRefused (with the reason) leaves nothing changed. Audited.

    Closing as handled (`hoan_thanh`): `note` is the reply to the resident (`check_handled`);
    `no_photo_reason` is why an on-site complaint has no photo taken after handling."""
    require(ctx, Permission.REGISTER)
    now = now or utcnow()
    with ctx.write() as s:
        c = s.get(Complaint, complaint_id)
        if c is None or c.is_deleted:
            raise TransitionRefused(_("Không tìm thấy phản ánh {id}.").format(id=complaint_id))
        _apply(ctx, s, c, action, now, note=note, agency=agency, duplicate_of=duplicate_of,
               no_photo_reason=no_photo_reason)
        fields = ["status"] + [k for k, v in (("note", note.strip()), ("agency", agency.strip()),
                                              ("duplicate_of_id", duplicate_of),
                                              ("no_after_photo_reason", c.no_after_photo_reason)) if v]
        audit.append(s, ctx, "edit", "complaint", c.id, {"fields": fields, "transition": action})
        s.flush()
        return _summaries(s, [c], now, dl.catalogue(ctx))[0]


def add_files(ctx: AppContext, complaint_id: str, files: list[str], phase: str | None = None) -> int:
    """Attach more photos/videos to an existing complaint; the number newly attached. Audited.

    `phase`: "sau" for photos taken after handling; by default, files added once the agency has accepted
    the complaint are after-handling ones, earlier ones are "truoc"."""
    require(ctx, Permission.REGISTER)
    if phase not in (None, "truoc", "sau"):
        raise ComplaintError(_("Loại ảnh không hợp lệ: «{phase}» (truoc hoặc sau).").format(phase=phase))
    stored = [att.store_file(ctx.folder, f) for f in files]
    with ctx.write() as s:
        c = s.get(Complaint, complaint_id)
        if c is None:
            raise ComplaintError(_("Không tìm thấy phản ánh {id}.").format(id=complaint_id))
        phase = phase or ("sau" if c.status in AWAITING_HANDLING + HANDLED_STATUSES else "truoc")
        have = set(s.scalars(select(Attachment.sha256).where(Attachment.complaint_id == complaint_id,
                                                             Attachment.deleted_at.is_(None))))
        added = 0
        for f in stored:
            if f.sha256 in have:
                continue
            have.add(f.sha256)
            s.add(Attachment(complaint_id=complaint_id, sha256=f.sha256, path=f.path, mime=f.mime, size=f.size,
                             media=f.media, original_name=f.original_name, captured_at=f.captured_at,
                             latitude=f.latitude, longitude=f.longitude, phase=phase))
            added += 1
        if added:
            audit.append(s, ctx, "edit", "complaint", complaint_id, {"fields": ["attachments"], "count": added})
        return added


def record_feedback(ctx: AppContext, complaint_id: str, resolved: str, rating: int | None = None, comment: str = "",
                    collected_by: str = "", now: datetime | None = None) -> ComplaintSummary:
    """The resident's word after handling. "không" (not fixed) reopens the complaint. Audited."""
    require(ctx, Permission.REGISTER)
    if resolved not in RESOLVED:
        raise ComplaintError(_("Đã giải quyết chưa: chọn có, một phần, không hoặc không biết."))
    if rating is not None and not 1 <= int(rating) <= 5:
        raise ComplaintError(_("Mức hài lòng: chọn từ 1 đến 5."))
    now = now or utcnow()
    with ctx.write() as s:
        c = s.get(Complaint, complaint_id)
        if c is None:
            raise ComplaintError(_("Không tìm thấy phản ánh {id}.").format(id=complaint_id))
        if c.status != "da_xu_ly":
            raise TransitionRefused(
                _("Chỉ ghi nhận đánh giá khi phản ánh ở trạng thái «Đã xử lý» (hiện tại: «{status}»).").format(
                    status=status_label(c.status))
            )
        who = nfc(collected_by).strip() or ctx.actor
        s.add(ComplaintFeedback(complaint_id=c.id, resolved=resolved, rating=rating, comment=nfc(comment).strip(),
                                collected_by=who, collected_at=now))
        summary = _("Cư dân đánh giá: {resolved}; mức hài lòng {rating}/5.").format(
            resolved=_(RESOLVED[resolved]), rating=rating if rating is not None else "-")
        if comment.strip():
            summary += " " + nfc(comment).strip()
        if resolved == "khong":
            _apply(ctx, s, c, "mo_lai", now, note=summary)
        else:
            _apply(ctx, s, c, "danh_gia", now, note=summary)
        fields = ["resolved"] + (["rating"] if rating is not None else []) + (["comment"] if comment.strip() else [])
        audit.append(s, ctx, "create", "complaint_feedback", c.id,
                     {"fields": fields + ["collected_by"], "transition": "mo_lai" if resolved == "khong" else "danh_gia"})
        s.flush()
        return _summaries(s, [c], now, dl.catalogue(ctx))[0]


# -- reading --------------------------------------------------------------------------
def _reporter(c: Complaint, resident_name: str | None) -> str:
    if c.anonymous:
        return _("Ẩn danh")
    return resident_name or c.reporter_name or ""


def _summaries(s, rows: list[Complaint], now: datetime, cat) -> list[ComplaintSummary]:
    group_ids = {c.residential_group_id for c in rows if c.residential_group_id}
    resident_ids = {c.reporter_resident_id for c in rows if c.reporter_resident_id}
    groups = dict(s.execute(select(ResidentialGroup.id, ResidentialGroup.name)
                            .where(ResidentialGroup.id.in_(group_ids))).all()) if group_ids else {}
    names = dict(s.execute(select(Resident.id, Resident.full_name)
                           .where(Resident.id.in_(resident_ids))).all()) if resident_ids else {}
    return [_summary(c, groups, names, now, cat) for c in rows]


def _summary(c: Complaint, groups: dict, names: dict, now: datetime, cat) -> ComplaintSummary:
    stage = dl.overdue_stage(c.status, c.accept_due_at, c.handle_due_at, now)
    return ComplaintSummary(
        id=c.id, code=c.code, kind=c.kind, kind_label=cat.kind_label(c.kind),
        category=c.category, category_label=cat.category_label(c.kind, c.category),
        severity=c.severity, severity_label=_(SEVERITIES.get(c.severity, c.severity)),
        status=c.status, status_label=status_label(c.status), title=c.title,
        reporter=_reporter(c, names.get(c.reporter_resident_id)), address_text=c.address_text,
        residential_group_id=c.residential_group_id, group_name=groups.get(c.residential_group_id, ""),
        agency=c.agency, recorded_at=c.recorded_at,
        due_at=dl.current_due(c.status, c.accept_due_at, c.handle_due_at), overdue=stage is not None,
        overdue_stage=stage,
    )


def list_complaints(ctx: AppContext, filters: ComplaintFilter | None = None,
                    now: datetime | None = None) -> list[ComplaintSummary]:
    f = filters or ComplaintFilter()
    now = now or utcnow()
    q = select(Complaint).where(Complaint.deleted_at.is_(None))
    if f.status:
        q = q.where(Complaint.status == f.status)
    if f.kind:
        q = q.where(Complaint.kind == f.kind)
    if f.category:
        q = q.where(Complaint.category == f.category)
    if f.severity:
        q = q.where(Complaint.severity == f.severity)
    if f.residential_group_id:
        q = q.where(Complaint.residential_group_id == f.residential_group_id)
    if f.overdue:
        q = q.where(dl.overdue_clause(now))
    if compact(f.code):
        q = q.where(func.replace(Complaint.code, "-", "").like(f"%{compact(f.code)}%"))
    q = q.order_by(func.coalesce(Complaint.recorded_at, Complaint.created_at).desc())
    if f.limit:
        q = q.limit(f.limit)
    with ctx.read() as s:
        return _summaries(s, list(s.scalars(q)), now, dl.catalogue(ctx))


def complaint_detail(ctx: AppContext, complaint_id: str, now: datetime | None = None) -> ComplaintDetail:
    now = now or utcnow()
    with ctx.read() as s:
        c = s.get(Complaint, complaint_id)
        if c is None:
            raise ComplaintError(_("Không tìm thấy phản ánh {id}.").format(id=complaint_id))
        summary = _summaries(s, [c], now, dl.catalogue(ctx))[0]
        events = s.scalars(select(ComplaintEvent).where(ComplaintEvent.complaint_id == c.id)
                           .order_by(ComplaintEvent.at, ComplaintEvent.created_at)).all()
        files = s.scalars(select(Attachment).where(Attachment.complaint_id == c.id, Attachment.deleted_at.is_(None))
                          .order_by(Attachment.created_at)).all()
        feedback = s.scalars(select(ComplaintFeedback).where(ComplaintFeedback.complaint_id == c.id)
                             .order_by(ComplaintFeedback.collected_at)).all()
        dup = s.get(Complaint, c.duplicate_of_id) if c.duplicate_of_id else None
        return ComplaintDetail(
            summary=summary, description=c.description, reporter_resident_id=c.reporter_resident_id,
            reporter_phone=c.reporter_phone, anonymous=c.anonymous, hide_name_publicly=c.hide_name_publicly,
            withhold_identity_from_agency=c.withhold_identity_from_agency, consent_to_contact=c.consent_to_contact,
            latitude=c.latitude, longitude=c.longitude, occurred_at=c.occurred_at, channel=c.channel,
            taken_by=c.taken_by, accept_due_at=c.accept_due_at, handle_due_at=c.handle_due_at,
            accepted_at=c.accepted_at, handled_at=c.handled_at, duplicate_of_id=c.duplicate_of_id,
            duplicate_of_code=dup.code if dup else "", actions=allowed_actions(c.status),
            events=[EventInfo(e.at, e.actor, e.action, _(ACTIONS[e.action].label) if e.action in ACTIONS else _("Tạo"),
                              e.from_status, e.to_status, status_label(e.to_status), e.note, e.agency) for e in events],
            attachments=[AttachmentInfo(a.id, ctx.folder.root / a.path, a.mime, a.media, a.size, a.original_name,
                                        a.captured_at, a.phase) for a in files],
            feedback=[FeedbackInfo(f.resolved, _(RESOLVED.get(f.resolved, f.resolved)), f.rating, f.comment,
                                   f.collected_by, f.collected_at) for f in feedback],
        )
