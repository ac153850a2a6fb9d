"""Filing complaints, their life, deadlines and overdue, duplicates, feedback, report, demo."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from desktop.core.complaint_catalogue import CatalogueError, catalogue_for, load_catalogue
from desktop.core.complaint_lifecycle import TransitionRefused
from desktop.core.period import Period
from desktop.core.period import VN_TZ
from desktop.services.complaints import complaints as svc
from desktop.services.complaints.duplicates import find_duplicates
from desktop.services.setup.complaints_demo import add_demo_complaints
from desktop.services.reports.complaints_report import complaints_report
from desktop.store.changelog import ChangeLogEntry
from desktop.store.models import Complaint, ComplaintEvent, ComplaintFeedback, Resident, ResidentialGroup
from tests.support.complaint_replies import HANDLED

MON_10 = datetime(2026, 11, 30, 10, 0, tzinfo=VN_TZ)  # Monday (a week without public holidays: Tuesday 24/11 is one)


def groups(ctx) -> list[str]:
    with ctx.read() as s:
        return list(s.scalars(select(ResidentialGroup.id).order_by(ResidentialGroup.sort_order)))


def draft(ctx, **kw) -> svc.ComplaintDraft:
    base = dict(kind="phan_anh_hien_truong", category="chieu_sang", title="Đèn đường hỏng ở ngõ 12",
                description="Cột đèn đầu ngõ 12 không sáng từ thứ Bảy tuần trước, buổi tối rất tối.",
                reporter_name="Trần Thị Lan", reporter_phone="0912 345 678", consent_to_contact=True,
                address_text="Ngõ 12 phố Trần Duy Hưng", residential_group_id=groups(ctx)[0])
    base.update(kw)
    return svc.ComplaintDraft(**base)


def count(ctx, model) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(model))


# -- catalogue ------------------------------------------------------------------------
def test_catalogue_has_ihanoi_kinds_with_versioned_categories():
    cat = load_catalogue()
    assert cat.version
    assert [k.code for k in cat.kinds] == ["phan_anh_hien_truong", "thu_tuc_hanh_chinh", "lang_phi", "sang_kien",
                                           "kien_nghi_cu_tri"]
    field = cat.kind("phan_anh_hien_truong")
    for code in ("moi_truong_rac_thai", "trat_tu_do_thi", "giao_thong", "xay_dung", "chieu_sang", "cap_thoat_nuoc",
                 "dien", "tieng_on", "an_ninh_trat_tu"):
        assert field.category(code) is not None
    assert cat.category("phan_anh_hien_truong", "xay_dung").complex_days > cat.category(
        "phan_anh_hien_truong", "xay_dung").normal_days


def test_catalogue_extended_by_a_local_file(tmp_path):
    (tmp_path / "complaint_categories.local.json").write_text(json.dumps({
        "version": "phuong-1",
        "kinds": [{"code": "phan_anh_hien_truong", "categories": [
            {"code": "thu_cung", "label": "Thú cưng thả rông", "deadline_days": {"normal": 2, "complex": 4}},
            {"code": "chieu_sang", "label": "Chiếu sáng công cộng", "deadline_days": {"normal": 1, "complex": 2}}]}],
        "working_calendar": {"holidays": ["2026-12-24"]},
    }), encoding="utf-8")
    cat = catalogue_for(tmp_path)
    assert cat.version.endswith("+phuong-1")
    assert cat.category("phan_anh_hien_truong", "thu_cung").normal_days == 2
    assert cat.category("phan_anh_hien_truong", "chieu_sang").normal_days == 1
    assert cat.category("phan_anh_hien_truong", "tieng_on") is not None  # shipped ones stay
    assert not cat.calendar.is_working_day(date(2026, 12, 24))


def test_malformed_local_catalogue_names_the_file_and_place(tmp_path):
    bad = tmp_path / "complaint_categories.local.json"
    bad.write_text('{"kinds": [{"code": "x", "categories": [{"label": "no code"}]}]}', encoding="utf-8")
    with pytest.raises(CatalogueError) as err:
        load_catalogue(bad)
    assert str(bad) in str(err.value) and "lĩnh vực thứ 1" in str(err.value)
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(CatalogueError, match="JSON"):
        load_catalogue(bad)


# -- filing ---------------------------------------------------------------------------
def test_file_records_it_with_deadlines_events_and_change_log(app_ctx):
    cid = svc.file_complaint(app_ctx, draft(app_ctx), now=MON_10)
    d = svc.complaint_detail(app_ctx, cid, now=MON_10)
    assert d.summary.status == "da_ghi_nhan" and d.summary.code.startswith("PA-")
    assert d.reporter_phone == "+84912345678"
    assert d.accept_due_at == datetime(2026, 12, 1, 10, tzinfo=VN_TZ)  # 8 working hours
    assert d.handle_due_at == datetime(2026, 12, 3, 10, tzinfo=VN_TZ)  # lighting: 3 working days
    assert [(e.action, e.from_status, e.to_status) for e in d.events] == [
        ("tao", None, "nhap"), ("ghi_nhan", "nhap", "da_ghi_nhan")]
    assert all(e.actor == "Người kiểm thử" for e in d.events)
    with app_ctx.read() as s:
        kinds = [k for (k,) in s.execute(select(ChangeLogEntry.record_kind))]
    assert kinds.count("complaint") >= 1 and kinds.count("complaint_event") == 2


def test_invalid_draft_is_refused_field_by_field_and_nothing_is_stored(app_ctx):
    bad = draft(app_ctx, title="Đèn", description="ngắn", reporter_phone="12345", kind="khong_co",
                latitude=48.85, longitude=None, address_text="", residential_group_id=None)
    with pytest.raises(svc.ComplaintError) as err:
        svc.file_complaint(app_ctx, bad)
    text = str(err.value)
    for part in ("Tiêu đề", "Nội dung", "Số điện thoại", "Loại/lĩnh vực", "Toạ độ"):
        assert part in text
    assert count(app_ctx, Complaint) == 0 and count(app_ctx, ComplaintEvent) == 0
    with pytest.raises(svc.ComplaintError, match="Ẩn danh"):
        svc.file_complaint(app_ctx, draft(app_ctx, reporter_name="", anonymous=True))
    with pytest.raises(svc.ComplaintError, match="chỉ chọn một"):
        svc.file_complaint(app_ctx, draft(app_ctx, anonymous=True, reporter_phone="", consent_to_contact=False))


def test_registered_resident_or_anonymous_reporter(app_ctx):
    with app_ctx.write() as s:
        r = Resident(full_name="Nguyễn Văn Hùng", name_folded="nguyen van hung")
        s.add(r)
        s.flush()
        rid = r.id
    a = svc.file_complaint(app_ctx, draft(app_ctx, reporter_name="", reporter_phone="", reporter_resident_id=rid,
                                          withhold_identity_from_agency=True))
    b = svc.file_complaint(app_ctx, draft(app_ctx, reporter_name="", reporter_phone="", anonymous=True,
                                          consent_to_contact=False))
    da, db = svc.complaint_detail(app_ctx, a), svc.complaint_detail(app_ctx, b)
    assert da.summary.reporter == "Nguyễn Văn Hùng" and da.withhold_identity_from_agency and not da.hide_name_publicly
    assert db.summary.reporter == "Ẩn danh" and db.anonymous


def test_full_life_with_event_log_and_refusal_changes_nothing(app_ctx):
    cid = svc.file_complaint(app_ctx, draft(app_ctx), now=MON_10)
    t = MON_10
    with pytest.raises(TransitionRefused, match="cơ quan"):
        svc.transition(app_ctx, cid, "chuyen", now=t)
    svc.transition(app_ctx, cid, "chuyen", agency="UBND phường Cầu Giấy", note="Gửi qua iHaNoi", now=t + timedelta(hours=1))
    with pytest.raises(TransitionRefused, match="Đã chuyển"):
        svc.transition(app_ctx, cid, "hoan_thanh", now=t)
    svc.transition(app_ctx, cid, "tiep_nhan", now=t + timedelta(hours=2))
    svc.transition(app_ctx, cid, "bat_dau_xu_ly", now=t + timedelta(hours=3))
    s = svc.transition(app_ctx, cid, "hoan_thanh", **HANDLED, now=t + timedelta(hours=26))
    assert s.status == "da_xu_ly" and not s.overdue and s.agency == "UBND phường Cầu Giấy"
    d = svc.complaint_detail(app_ctx, cid)
    assert [e.to_status for e in d.events] == ["nhap", "da_ghi_nhan", "da_chuyen", "da_tiep_nhan", "dang_xu_ly", "da_xu_ly"]
    assert d.events[2].agency == "UBND phường Cầu Giấy" and d.events[2].note == "Gửi qua iHaNoi"
    assert d.accepted_at == t + timedelta(hours=2) and d.handled_at == t + timedelta(hours=26)
    assert d.actions == ["danh_gia", "mo_lai"]
    assert count(app_ctx, ComplaintEvent) == 6  # the refused attempts wrote nothing


def test_events_are_append_only_records_in_the_change_log(app_ctx):
    cid = svc.file_complaint(app_ctx, draft(app_ctx), now=MON_10)
    svc.transition(app_ctx, cid, "rut", note="Người dân rút", now=MON_10 + timedelta(hours=1))
    with app_ctx.read() as s:
        ops = s.execute(select(ChangeLogEntry.op).where(ChangeLogEntry.record_kind == "complaint_event")).all()
    assert {o for (o,) in ops} == {"insert"}
    assert svc.complaint_detail(app_ctx, cid).summary.status == "rut"


# -- deadlines and overdue ------------------------------------------------------------
def test_acceptance_overdue_after_eight_working_hours(app_ctx):
    cid = svc.file_complaint(app_ctx, draft(app_ctx), now=MON_10)
    due = datetime(2026, 12, 1, 10, tzinfo=VN_TZ)
    just_before, just_after = due - timedelta(minutes=1), due + timedelta(minutes=1)
    assert not svc.list_complaints(app_ctx, svc.ComplaintFilter(overdue=True), now=just_before)
    late = svc.list_complaints(app_ctx, svc.ComplaintFilter(overdue=True), now=just_after)
    assert [c.id for c in late] == [cid] and late[0].overdue_stage == "tiep_nhan" and late[0].due_at == due
    svc.transition(app_ctx, cid, "chuyen", agency="iHaNoi", now=just_after)
    assert svc.list_complaints(app_ctx, svc.ComplaintFilter(overdue=True), now=just_after)  # still not accepted
    svc.transition(app_ctx, cid, "tiep_nhan", now=just_after)
    assert not svc.list_complaints(app_ctx, svc.ComplaintFilter(overdue=True), now=just_after)


def test_urgent_is_handled_within_four_working_hours_from_acceptance(app_ctx):
    cid = svc.file_complaint(app_ctx, draft(app_ctx, severity="khan_cap"), now=MON_10)
    svc.transition(app_ctx, cid, "chuyen", agency="Điện lực", now=MON_10)
    svc.transition(app_ctx, cid, "tiep_nhan", now=datetime(2026, 11, 30, 15, tzinfo=VN_TZ))
    d = svc.complaint_detail(app_ctx, cid)
    assert d.handle_due_at == datetime(2026, 12, 1, 10, tzinfo=VN_TZ)  # 2 h Monday + 2 h Tuesday
    over = svc.list_complaints(app_ctx, svc.ComplaintFilter(overdue=True), now=datetime(2026, 12, 1, 10, 5, tzinfo=VN_TZ))
    assert [c.overdue_stage for c in over] == ["xu_ly"]


def test_complex_uses_the_category_complex_deadline(app_ctx):
    cid = svc.file_complaint(app_ctx, draft(app_ctx, severity="phuc_tap", category="xay_dung"), now=MON_10)
    d = svc.complaint_detail(app_ctx, cid)
    # construction, complex: 15 working days = 3 weeks later at the same hour
    assert d.handle_due_at == datetime(2026, 12, 21, 10, tzinfo=VN_TZ)


# -- feedback -------------------------------------------------------------------------
def _handled(ctx, **kw) -> str:
    cid = svc.file_complaint(ctx, draft(ctx, **kw), now=MON_10)
    for action, extra in (("chuyen", {"agency": "iHaNoi"}), ("tiep_nhan", {}), ("bat_dau_xu_ly", {}), ("hoan_thanh", HANDLED)):
        svc.transition(ctx, cid, action, now=MON_10 + timedelta(hours=1), **extra)
    return cid


def test_feedback_no_reopens_and_others_close(app_ctx):
    a, b = _handled(app_ctx), _handled(app_ctx)
    with pytest.raises(svc.ComplaintError, match="1 đến 5"):
        svc.record_feedback(app_ctx, a, "co", rating=6)
    s = svc.record_feedback(app_ctx, a, "khong", rating=1, comment="Đèn vẫn tắt", now=MON_10 + timedelta(days=2))
    assert s.status == "dang_xu_ly"
    d = svc.complaint_detail(app_ctx, a)
    assert d.handled_at is None and d.events[-1].action == "mo_lai" and "Đèn vẫn tắt" in d.events[-1].note
    assert d.handle_due_at > MON_10 + timedelta(days=2)
    assert svc.record_feedback(app_ctx, b, "mot_phan", rating=4).status == "da_danh_gia"
    with pytest.raises(TransitionRefused, match="Đã xử lý"):
        svc.record_feedback(app_ctx, b, "co", rating=5)
    assert count(app_ctx, ComplaintFeedback) == 2


# -- duplicates -----------------------------------------------------------------------
def test_duplicate_suggestion_rules(app_ctx):
    g1, g2, _g3 = groups(app_ctx)
    now = MON_10
    same_group = svc.file_complaint(app_ctx, draft(app_ctx, address_text="Ngõ 5"), now=now - timedelta(days=3))
    near = svc.file_complaint(app_ctx, draft(app_ctx, residential_group_id=g2, address_text="Ngõ 99",
                                             latitude=21.0300, longitude=105.8000), now=now - timedelta(days=1))
    svc.file_complaint(app_ctx, draft(app_ctx, category="tieng_on"), now=now)  # other category
    svc.file_complaint(app_ctx, draft(app_ctx), now=now - timedelta(days=31))  # too old
    closed = svc.file_complaint(app_ctx, draft(app_ctx), now=now - timedelta(days=2))
    svc.transition(app_ctx, closed, "rut", now=now - timedelta(days=2))
    found = find_duplicates(app_ctx, "phan_anh_hien_truong", "chieu_sang", residential_group_id=g1, now=now)
    assert [c.id for c in found] == [same_group]
    # 200 m north of `near`, in another group and at another address
    found = find_duplicates(app_ctx, "phan_anh_hien_truong", "chieu_sang", residential_group_id=_g3,
                            latitude=21.0318, longitude=105.8000, now=now)
    assert [c.id for c in found] == [near] and 150 < found[0].distance_m < 250
    assert not find_duplicates(app_ctx, "phan_anh_hien_truong", "chieu_sang", residential_group_id=_g3,
                               latitude=21.0340, longitude=105.8000, now=now)  # ~450 m
    by_address = find_duplicates(app_ctx, "phan_anh_hien_truong", "chieu_sang", address_text="ngo 99", now=now)
    assert [c.id for c in by_address] == [near]


def test_linking_as_duplicate_marks_the_new_one(app_ctx):
    first = svc.file_complaint(app_ctx, draft(app_ctx), now=MON_10)
    second = svc.file_complaint(app_ctx, draft(app_ctx, duplicate_of_id=first), now=MON_10)
    d = svc.complaint_detail(app_ctx, second)
    assert d.summary.status == "trung" and d.duplicate_of_id == first and d.duplicate_of_code.startswith("PA-")
    assert svc.complaint_detail(app_ctx, first).summary.status == "da_ghi_nhan"


# -- report ---------------------------------------------------------------------------
def test_report_figures(app_ctx):
    period = Period(date(2026, 11, 8), date(2026, 12, 7))  # (a month, ending on the Monday the report is made)
    t = MON_10
    on_time = svc.file_complaint(app_ctx, draft(app_ctx), now=t)  # accepted +2 h, handled +10 working h
    svc.transition(app_ctx, on_time, "chuyen", agency="iHaNoi", now=t)
    svc.transition(app_ctx, on_time, "tiep_nhan", now=t + timedelta(hours=2))
    svc.transition(app_ctx, on_time, "bat_dau_xu_ly", now=t + timedelta(hours=2))
    svc.transition(app_ctx, on_time, "hoan_thanh", **HANDLED, now=datetime(2026, 12, 1, 13, tzinfo=VN_TZ))
    svc.record_feedback(app_ctx, on_time, "co", rating=5, now=datetime(2026, 12, 2, 9, tzinfo=VN_TZ))
    late = svc.file_complaint(app_ctx, draft(app_ctx, severity="khan_cap"), now=t)  # accepted 10 working h late
    svc.transition(app_ctx, late, "chuyen", agency="iHaNoi", now=t)
    svc.transition(app_ctx, late, "tiep_nhan", now=datetime(2026, 12, 1, 12, tzinfo=VN_TZ))
    svc.file_complaint(app_ctx, draft(app_ctx), now=datetime(2026, 10, 30, 9, tzinfo=VN_TZ))  # outside the period
    waiting = svc.file_complaint(app_ctx, draft(app_ctx), now=t)  # never accepted
    now = datetime(2026, 12, 7, 9, tzinfo=VN_TZ)
    r = complaints_report(app_ctx, period, now=now)
    assert r["total"] == 3
    assert r["counts_by_status"]["da_danh_gia"] == 1 and r["counts_by_status"]["da_tiep_nhan"] == 1
    assert r["counts_by_status"]["da_ghi_nhan"] == 1 and r["counts_by_status"]["rut"] == 0
    assert r["acceptance"] == {"on_time": 1, "late": 2, "pending": 0, "on_time_rate": round(1 / 3, 4)}
    # the urgent one: accepted Tue 12:00, 4 working h -> Tue 17:00, still not handled on Mon 07/12 -> late
    assert r["handling"] == {"on_time": 1, "late": 1, "pending": 0, "on_time_rate": 0.5}
    assert r["average_handling_working_hours"] == 10.0 and r["handled_count"] == 1
    assert r["average_handling_hours"] == 27.0
    assert r["satisfaction"]["resolved"] == {"co": 1, "mot_phan": 0, "khong": 0, "khong_biet": 0}
    assert r["satisfaction"]["ratings"]["5"] == 1 and r["satisfaction"]["average_rating"] == 5
    assert r["overdue_now"] == 2
    assert waiting


# -- demo -----------------------------------------------------------------------------
def test_demo_complaints_cover_the_lifecycle(app_ctx):
    with app_ctx.write() as s:
        for i in range(5):
            s.add(Resident(full_name=f"Cư dân {i}", name_folded=f"cu dan {i}"))
    assert add_demo_complaints(app_ctx, random.Random(7), 60) == 60
    rows = svc.list_complaints(app_ctx)
    statuses = {r.status for r in rows}
    assert len(rows) == 60
    assert {"nhap", "da_ghi_nhan", "dang_xu_ly", "da_danh_gia", "trung"} <= statuses
    assert count(app_ctx, ComplaintFeedback) > 0


def test_a_written_event_cannot_be_edited(app_ctx):
    from desktop.store.models.complaints import EventEditRefused

    cid = svc.file_complaint(app_ctx, draft(app_ctx), now=MON_10)
    with pytest.raises(EventEditRefused):
        with app_ctx.write() as s:
            e = s.scalars(select(ComplaintEvent).where(ComplaintEvent.complaint_id == cid)).first()
            e.note = "sửa lại lịch sử"
    with app_ctx.read() as s:
        assert all(e.note != "sửa lại lịch sử" for e in s.scalars(select(ComplaintEvent)))
    with app_ctx.write() as s:  # bookkeeping (sync marking it sent) is still allowed
        e = s.scalars(select(ComplaintEvent)).first()
        e.sync_state = "synced"
