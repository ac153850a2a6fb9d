"""Outreach services on a real encrypted store: campaigns, sessions, funnel, follow-ups,
targets, communications, training, shift stamping and the change log."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from desktop.core.period import VN_TZ
from desktop.services.people import audit
from desktop.services.outreach import campaigns, communications, follow_ups, help_sessions, shift, targets, training
from desktop.services.outreach.common import OutreachError
from desktop.services.residents.residents import ResidentInput, register_resident
from desktop.services.setup.ward_setup import residential_groups
from desktop.store.changelog import ChangeLogEntry
from desktop.store.models import HelpSession, Resident


def _resident(ctx, name="Nguyễn Văn An", group=0, target_group="nguoi_dan_khac", phone="0912345678"):
    gid = residential_groups(ctx)[group].id
    return register_resident(ctx, ResidentInput(full_name=name, residential_group_id=gid, phone=phone,
                                                target_group=target_group, birth_year=1980)).id


def _stage(ctx, rid):
    with ctx.read() as s:
        r = s.get(Resident, rid)
        return r.adoption_stage, r.aware_on, r.installed_on, r.account_on


def test_campaign_outside_office_hours_computed(app_ctx):
    sat = datetime(2026, 7, 11, 8, tzinfo=VN_TZ)
    c = campaigns.create_campaign(app_ctx, campaigns.CampaignInput(
        name="Điểm hỗ trợ WinMart", kind="sieu_thi", starts_at=sat, ends_at=sat + timedelta(hours=4),
        place="WinMart Cầu Giấy", forces=["to_cds", "doan_thanh_nien"]))
    assert c.outside_office_hours and c.forces == ["to_cds", "doan_thanh_nien"]
    wed = datetime(2026, 7, 8, 9, tzinfo=VN_TZ)
    d = campaigns.create_campaign(app_ctx, campaigns.CampaignInput(
        name="Bàn hỗ trợ", kind="tai_phuong", starts_at=wed, ends_at=wed + timedelta(hours=2)))
    assert not d.outside_office_hours
    assert [x.name for x in campaigns.list_campaigns(app_ctx)] == ["Điểm hỗ trợ WinMart", "Bàn hỗ trợ"]


def test_campaign_bad_input_says_which_field(app_ctx):
    t = datetime(2026, 7, 8, 9, tzinfo=VN_TZ)
    with pytest.raises(OutreachError, match="Hình thức"):
        campaigns.create_campaign(app_ctx, campaigns.CampaignInput(name="X", kind="??", starts_at=t, ends_at=t + timedelta(hours=1)))
    with pytest.raises(OutreachError, match="kết thúc"):
        campaigns.create_campaign(app_ctx, campaigns.CampaignInput(name="X", kind="sieu_thi", starts_at=t, ends_at=t))
    assert campaigns.list_campaigns(app_ctx) == []


def test_successful_session_advances_stage_and_dates(app_ctx):
    rid = _resident(app_ctx)
    sid = help_sessions.start_session(app_ctx, rid).id
    for step in ("informed", "installed", "account_created"):
        help_sessions.record_step(app_ctx, sid, step)
    ended = datetime(2026, 7, 11, 23, 30, tzinfo=VN_TZ)  # late evening Hanoi: the local date counts
    info = help_sessions.finish_session(app_ctx, sid, ended_at=ended)
    assert info.outcome == "thanh_cong" and info.steps == ["informed", "installed", "account_created"]
    d = date(2026, 7, 11)
    assert _stage(app_ctx, rid) == ("da_tao_tai_khoan", d, d, d)


def test_failed_session_never_moves_stage_backwards(app_ctx):
    rid = _resident(app_ctx)
    first = help_sessions.start_session(app_ctx, rid).id
    help_sessions.record_step(app_ctx, first, "installed")
    help_sessions.finish_session(app_ctx, first, ["khong_nhan_otp"], ended_at=datetime(2026, 7, 1, 10, tzinfo=VN_TZ))
    assert _stage(app_ctx, rid) == ("da_cai_dat", date(2026, 7, 1), date(2026, 7, 1), None)
    second = help_sessions.start_session(app_ctx, rid).id
    help_sessions.record_step(app_ctx, second, "informed")
    info = help_sessions.finish_session(app_ctx, second, ["tu_choi"], follow_up_on=date(2026, 7, 5),
                                        ended_at=datetime(2026, 7, 2, 10, tzinfo=VN_TZ))
    assert info.outcome == "mot_phan" and info.failure_reasons == ["tu_choi"]
    assert _stage(app_ctx, rid) == ("da_cai_dat", date(2026, 7, 1), date(2026, 7, 1), None)


def test_other_reason_needs_text_and_nothing_half_written(app_ctx):
    rid = _resident(app_ctx)
    sid = help_sessions.start_session(app_ctx, rid).id
    help_sessions.record_step(app_ctx, sid, "informed")
    with pytest.raises(OutreachError, match="Lý do khác"):
        help_sessions.finish_session(app_ctx, sid, ["khac"])
    assert help_sessions.get_session(app_ctx, sid).ended_at is None
    assert _stage(app_ctx, rid)[0] == "chua_biet"
    info = help_sessions.finish_session(app_ctx, sid, ["khac"], failure_other="Máy hết pin")
    assert info.failure_other == "Máy hết pin"
    with pytest.raises(OutreachError):
        help_sessions.record_step(app_ctx, sid, "installed")


def test_each_step_is_its_own_change(app_ctx):
    rid = _resident(app_ctx)
    sid = help_sessions.start_session(app_ctx, rid).id
    help_sessions.record_step(app_ctx, sid, "informed")
    help_sessions.record_step(app_ctx, sid, "installed")
    with app_ctx.read() as s:
        ops = s.scalars(select(ChangeLogEntry.op).where(ChangeLogEntry.record_id == sid).order_by(ChangeLogEntry.seq)).all()
    assert ops == ["insert", "update", "update"]


def test_today_counter(app_ctx):
    rid = _resident(app_ctx)
    a = help_sessions.start_session(app_ctx, rid).id
    help_sessions.record_step(app_ctx, a, "account_created")
    help_sessions.finish_session(app_ctx, a)
    b = help_sessions.start_session(app_ctx, rid).id
    help_sessions.finish_session(app_ctx, b, ["khong_co_smartphone"])
    help_sessions.start_session(app_ctx, rid, started_at=datetime(2020, 1, 1, 9, tzinfo=VN_TZ))
    assert help_sessions.today_counts(app_ctx) == {"sessions": 2, "successes": 1}


def test_follow_ups_filter_and_done(app_ctx):
    r1 = _resident(app_ctx, "Trần Thị Bình", group=0, phone="0987654321")
    r2 = _resident(app_ctx, "Lê Văn Cường", group=1, phone="0356789012")
    for rid, due in ((r1, date(2026, 7, 3)), (r2, date(2026, 7, 9))):
        sid = help_sessions.start_session(app_ctx, rid).id
        help_sessions.finish_session(app_ctx, sid, ["quen_mat_khau_vneid"], follow_up_on=due)
    ok = help_sessions.start_session(app_ctx, r1).id
    help_sessions.record_step(app_ctx, ok, "account_created")
    help_sessions.finish_session(app_ctx, ok)
    rows = follow_ups.list_follow_ups(app_ctx, today=date(2026, 7, 5))
    assert [(r.resident_name, r.overdue, r.phone_masked) for r in rows] == [
        ("Trần Thị Bình", True, "0987 *** 321"), ("Lê Văn Cường", False, "0356 *** 012")]  # masked (#17 item 6)
    sheet = follow_ups.call_sheet(app_ctx)  # full numbers for the person on duty, one audited reveal per resident
    assert [line.phone for line in sheet] == ["+84987654321", "+84356789012"]
    reveals = audit.query(app_ctx, action="reveal")
    assert sorted(e.record_id for e in reveals) == sorted([r1, r2]) and {e.detail["via"] for e in reveals} == {"call_sheet"}
    g2 = residential_groups(app_ctx)[1].id
    only = follow_ups.list_follow_ups(app_ctx, group_id=g2)
    assert [r.resident_name for r in only] == ["Lê Văn Cường"]
    follow_ups.mark_done(app_ctx, only[0].session_id, "Đã gọi lại")
    assert follow_ups.list_follow_ups(app_ctx, group_id=g2) == []
    assert len(follow_ups.list_follow_ups(app_ctx, group_id=g2, include_done=True)) == 1


def test_targets_defaults_and_progress(app_ctx):
    t = targets.list_targets(app_ctx, 2026)
    assert [(x.target_group, x.percent, x.deadline) for x in t] == [
        ("tat_ca", 100, date(2026, 9, 15)), ("can_bo", 100, date(2026, 7, 30))]
    off = _resident(app_ctx, "Phạm Văn Dũng", target_group="can_bo", phone="0911111111")
    _resident(app_ctx, "Hoàng Thị Em", phone="0922222222")
    sid = help_sessions.start_session(app_ctx, off, started_at=datetime(2026, 7, 10, 9, tzinfo=VN_TZ)).id
    help_sessions.record_step(app_ctx, sid, "account_created")
    help_sessions.finish_session(app_ctx, sid, ended_at=datetime(2026, 7, 10, 9, 20, tzinfo=VN_TZ))
    before = targets.progress(app_ctx, as_of=date(2026, 7, 9))  # the account came on 10/07
    assert before["totals"]["account"] == 0 and before["totals"]["target"]["remaining"] == 2
    p = targets.progress(app_ctx, as_of=date(2026, 7, 20))
    assert p["totals"]["total"] == 2 and p["totals"]["account"] == 1
    assert p["totals"]["target"]["remaining"] == 1 and p["totals"]["target"]["days_left"] == 57
    can_bo = next(r for r in p["by_target_group"] if r["code"] == "can_bo")
    assert can_bo["target"]["met"] and can_bo["target"]["deadline"] == "2026-07-30"
    g1 = p["by_residential_group"][0]
    assert (g1["total"], g1["account"], g1["aware"]) == (2, 1, 1)
    targets.set_target(app_ctx, "tat_ca", 80, date(2026, 8, 31))
    p2 = targets.progress(app_ctx, as_of=date(2026, 8, 1))
    assert p2["totals"]["target"]["goal"] == 2 and p2["totals"]["target"]["pace_per_day"] == round(1 / 30, 1)
    with pytest.raises(OutreachError):
        targets.set_target(app_ctx, "tat_ca", 0, date(2026, 8, 31))


def test_communications_warning_after_three_days(app_ctx):
    assert communications.status(app_ctx, date(2026, 7, 10))["warning"]
    communications.add_item(app_ctx, date(2026, 7, 7), "Hướng dẫn cài iHaNoi", "ihanoi")
    assert not communications.status(app_ctx, date(2026, 7, 10))["warning"]
    st = communications.status(app_ctx, date(2026, 7, 11))
    assert st["warning"] and st["days_since"] == 4 and "07/07/2026" in st["message"]
    with pytest.raises(OutreachError, match="Kênh"):
        communications.add_item(app_ctx, date(2026, 7, 7), "X", "tivi")


def test_training_classes(app_ctx):
    training.add_class(app_ctx, date(2026, 7, 6), "Nhà văn hoá tổ 1", "Nguyễn Văn Hướng", "nguoi_cao_tuoi", 35)
    with pytest.raises(OutreachError, match="âm"):
        training.add_class(app_ctx, date(2026, 7, 6), "A", "B", attendance=-1)
    assert [(c.place, c.attendance) for c in training.list_classes(app_ctx)] == [("Nhà văn hoá tổ 1", 35)]


def test_shift_stamps_volunteer_and_survives_reopen(app_ctx, data_dir):
    v = shift.add_volunteer(app_ctx, "trần minh châu", "doan_thanh_nien", "0912 345 679")
    assert v.full_name == "Trần Minh Châu" and v.phone == "+84912345679"
    shift.start_shift(app_ctx, v.id)
    assert app_ctx.actor == "Trần Minh Châu"
    rid = _resident(app_ctx)
    sid = help_sessions.start_session(app_ctx, rid, volunteer_ids=[v.id]).id
    with app_ctx.read() as s:
        h = s.get(HelpSession, sid)
        assert h.created_by == "Trần Minh Châu"
        actors = s.scalars(select(ChangeLogEntry.actor).where(ChangeLogEntry.record_id == sid)).all()
    assert actors == ["Trần Minh Châu"]
    from desktop.services.context import open_context

    app_ctx.close()
    again = open_context(str(data_dir))
    try:
        assert shift.resume_shift(again).volunteer_name == "Trần Minh Châu"
        assert again.actor == "Trần Minh Châu"
        shift.end_shift(again)
        assert shift.current_shift(again) is None and again.actor == ""
    finally:
        again.close()
    with pytest.raises(OutreachError):
        shift.add_volunteer(app_ctx, "  ")


def test_demo_ward_bulk_path_writes_one_change_per_record(app_ctx):
    from sqlalchemy import func

    from desktop.services.setup.demo_data import build_demo_ward
    from desktop.store.records import record_kinds

    counts = build_demo_ward(app_ctx, 250, seed=5, today=date(2026, 8, 20))
    assert counts["residents"] == 250
    kinds = ("resident", "help_session", "campaign", "volunteer", "communication_item", "training_class")
    with app_ctx.read() as s:
        for kind in kinds:
            cls = record_kinds()[kind]
            n = s.scalar(select(func.count()).select_from(cls))
            logged = s.scalar(select(func.count()).select_from(ChangeLogEntry).where(
                ChangeLogEntry.record_kind == kind, ChangeLogEntry.op == "insert"))
            assert n == logged and n > 0, kind
        # A resident's stage agrees with its sessions: successful session => account date set.
        bad = s.scalar(select(func.count()).select_from(HelpSession).join(Resident, Resident.id == HelpSession.resident_id)
                       .where(HelpSession.outcome == "thanh_cong", Resident.account_on.is_(None)))
        assert bad == 0
        sat_booths = s.scalars(select(ChangeLogEntry.payload_json).where(ChangeLogEntry.record_kind == "campaign")).all()
    import json
    assert any(json.loads(p)["outside_office_hours"] for p in sat_booths)
    # The folded name feeds the search index (kept by triggers).
    from desktop.services.residents.search import search_residents
    with app_ctx.read() as s:
        name = s.scalar(select(Resident.full_name).limit(1))
    assert any(r.full_name == name for r in search_residents(app_ctx, name, 50))
    with pytest.raises(OutreachError, match="đã có cư dân"):
        build_demo_ward(app_ctx, 10, seed=5)
