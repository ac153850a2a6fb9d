"""A door-to-door visit's "cần công an" outcome hands the member off to the police, like the booth's police
reasons: the reasons the volunteer picked, or the unspecified one; one open hand-off per need; audited and synced."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from desktop.core.outreach_vocab import FAILURE_ORDER, POLICE_UNSPECIFIED
from desktop.core.period import today_vn
from desktop.core.triage import LOCAL_FILE_NAME
from desktop.services.households import coverage, households as hh, visits
from desktop.services.outreach import handoffs, help_sessions
from desktop.services.people import audit
from desktop.services.residents import residents as svc
from desktop.store.changelog import ChangeLogEntry
from desktop.store.models import HouseholdVisit, PoliceHandoff

LEVEL2, PHONE = "khong_co_vneid_muc_2", "sai_so_dien_thoai_vneid"


def _home(ctx):
    group = coverage.find_group(ctx, "Tổ dân phố số 1")["id"]
    head = svc.register_resident(ctx, svc.ResidentInput(full_name="Nguyễn Văn An", birth_year=1950, residential_group_id=group,
                                                        address_detail="Số 1 ngõ 2", household=hh.NEW_HOUSEHOLD))
    wife = svc.register_resident(ctx, svc.ResidentInput(full_name="Trần Thị Bình", birth_year=1955, residential_group_id=group,
                                                        address_detail="Số 1 ngõ 2", household=head.household_id))
    return head, wife


def _open(ctx):
    return [(h.resident_name, h.reason) for h in handoffs.list_handoffs(ctx, open_only=True)]


def test_needs_the_police_with_no_reason_picked_hands_off_the_unspecified_need(app_ctx):
    head, wife = _home(app_ctx)
    day = today_vn() - timedelta(days=2)
    v = visits.record_visit(app_ctx, visits.VisitInput(head.household_id, {head.id: "da_xong", wife.id: "can_cong_an"},
                                                       visited_on=day))
    assert v.handoffs_opened == {wife.id: (POLICE_UNSPECIFIED,)}
    [h] = handoffs.list_handoffs(app_ctx, open_only=True)
    assert (h.resident_id, h.reason, h.since, h.days_open) == (wife.id, POLICE_UNSPECIFIED, day, 2)
    assert h.reason_label == "Cần công an hỗ trợ (chưa rõ việc)" and h.needed.startswith("Cần công an hỗ trợ")
    assert head.household_code in h.notes  # the police can find the household
    [made] = audit.query_unchecked(app_ctx, action="handoff")
    assert made.record_id == h.id and made.detail["reason"] == POLICE_UNSPECIFIED
    [created] = [e for e in audit.query_unchecked(app_ctx, action="create") if e.record_kind == "household_visit"]
    assert created.detail["handoffs"] == 1
    with app_ctx.read() as s:  # a synced record, written in the visit's transaction
        row = s.scalars(select(PoliceHandoff)).one()
        assert row.sync_state == "queued"
        assert s.scalar(select(ChangeLogEntry.op).where(ChangeLogEntry.record_kind == "police_handoff",
                                                        ChangeLogEntry.record_id == row.id)) == "insert"


def test_picked_reasons_hand_off_each_and_a_second_visit_opens_no_duplicate(app_ctx):
    head, wife = _home(app_ctx)
    v = visits.record_visit(app_ctx, visits.VisitInput(head.household_id, {head.id: "can_cong_an", wife.id: "can_cong_an"},
                                                       police_reasons={head.id: [LEVEL2, PHONE], wife.id: [PHONE]}))
    assert v.handoffs_opened == {head.id: (LEVEL2, PHONE), wife.id: (PHONE,)}
    # the same needs again, and "needs the police" with nothing picked while one is waiting: nothing new
    again = visits.record_visit(app_ctx, visits.VisitInput(head.household_id, {head.id: "can_cong_an", wife.id: "can_cong_an"},
                                                           police_reasons={head.id: [PHONE]}))
    assert again.handoffs_opened == {}
    assert sorted(_open(app_ctx)) == [("Nguyễn Văn An", LEVEL2), ("Nguyễn Văn An", PHONE), ("Trần Thị Bình", PHONE)]
    # a booth session with the same need does not duplicate it either
    sid = help_sessions.start_session(app_ctx, wife.id).id
    assert help_sessions.finish_session(app_ctx, sid, failure_reasons=[PHONE]).handoffs_opened == ()
    # once the police closed it, the need seen again is a new hand-off
    wife_phone = next(h for h in handoffs.list_handoffs(app_ctx) if h.resident_id == wife.id)
    handoffs.set_state(app_ctx, wife_phone.id, "xong")
    third = visits.record_visit(app_ctx, visits.VisitInput(head.household_id, {wife.id: "can_cong_an"},
                                                           police_reasons={wife.id: [PHONE]}))
    assert third.handoffs_opened == {wife.id: (PHONE,)}


def test_the_unspecified_need_goes_when_a_named_one_is_picked_with_it(app_ctx):
    head, _wife = _home(app_ctx)
    v = visits.record_visit(app_ctx, visits.VisitInput(head.household_id, {head.id: "can_cong_an"},
                                                       police_reasons={head.id: [POLICE_UNSPECIFIED, LEVEL2]}))
    assert v.handoffs_opened == {head.id: (LEVEL2,)}


@pytest.mark.parametrize("outcome, reasons, words", [
    ("vang_nha", [PHONE], "chỉ ghi việc cần công an cho người có kết quả «Cần công an hỗ trợ»"),
    ("can_cong_an", ["khong_nhan_otp"], "«Không nhận được mã OTP» không phải việc cần công an"),
    ("can_cong_an", ["het_pin"], "«het_pin» không phải việc cần công an"),
])
def test_a_reason_that_is_not_for_the_police_or_not_for_this_outcome_is_refused(app_ctx, outcome, reasons, words):
    head, _wife = _home(app_ctx)
    with pytest.raises(hh.HouseholdError, match=words):
        visits.record_visit(app_ctx, visits.VisitInput(head.household_id, {head.id: outcome},
                                                       police_reasons={head.id: reasons}))
    with app_ctx.read() as s:  # nothing half-written
        assert s.scalar(select(HouseholdVisit.id)) is None and s.scalar(select(PoliceHandoff.id)) is None


def test_the_choices_follow_the_wards_guides_and_stay_out_of_the_booth(app_ctx):
    assert visits.police_reason_choices(app_ctx) == [LEVEL2, PHONE, POLICE_UNSPECIFIED]
    assert POLICE_UNSPECIFIED not in FAILURE_ORDER and len(FAILURE_ORDER) == 10  # the booth's keys 1-9, 0
    (app_ctx.folder.root / LOCAL_FILE_NAME).write_text(json.dumps({"reasons": {"loi_doc_nfc": {
        "police": True, "needed": "Làm lại thẻ CCCD"}}}, ensure_ascii=False), encoding="utf-8")
    assert visits.police_reason_choices(app_ctx) == [LEVEL2, PHONE, "loi_doc_nfc", POLICE_UNSPECIFIED]
    head, _wife = _home(app_ctx)
    v = visits.record_visit(app_ctx, visits.VisitInput(head.household_id, {head.id: "can_cong_an"},
                                                       police_reasons={head.id: ["loi_doc_nfc"]}))
    assert v.handoffs_opened == {head.id: ("loi_doc_nfc",)}
    assert handoffs.list_handoffs(app_ctx, open_only=True)[0].needed == "Làm lại thẻ CCCD"


def test_the_demo_wards_visits_that_need_the_police_have_their_hand_off(app_ctx):
    from datetime import date

    from desktop.services.setup.demo_data import build_demo_ward
    from desktop.store.models import HouseholdVisitMember

    counts = build_demo_ward(app_ctx, 300, seed=5, today=date(2026, 8, 20))
    with app_ctx.read() as s:
        needing = set(s.scalars(select(HouseholdVisitMember.resident_id).where(HouseholdVisitMember.outcome == "can_cong_an")))
        rows = s.scalars(select(PoliceHandoff)).all()
        logged = s.scalar(select(func.count()).select_from(ChangeLogEntry).where(
            ChangeLogEntry.record_kind == "police_handoff"))
    waiting = {h.resident_id for h in rows if h.state == "mo"}
    from_visits = [h for h in rows if h.reason == POLICE_UNSPECIFIED]
    assert needing and needing <= waiting  # each has an open hand-off: the visit's, or a session's still waiting
    assert from_visits and all(h.state == "mo" and h.help_session_id is None and "Ghi khi đến hộ" in h.notes
                               for h in from_visits)
    assert len({h.resident_id for h in from_visits}) == len(from_visits)  # one per resident
    assert counts["handoffs"] == len(rows) == logged  # counted with the sessions' ones, each synced
