"""Triage guides (shipped and per ward), the finish rule in the service, and police hand-offs."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from desktop.core.outreach_vocab import FAILURE_KEYS, FAILURE_ORDER, FAILURE_REASONS
from desktop.core.period import today_vn
from desktop.core.permissions import PermissionDenied, Role
from desktop.core.triage import LOCAL_FILE_NAME, TriageError, guides_for, load_guides
from desktop.services.outreach import handoffs, help_sessions
from desktop.services.outreach.common import OutreachError
from desktop.services.people import audit
from desktop.services.residents.residents import ResidentInput, register_resident
from desktop.store.models import PoliceHandoff
from tests.unit.people_helpers import as_role, staff


def _resident(ctx, name="Nguyễn Thị Lan") -> str:
    return register_resident(ctx, ResidentInput(full_name=name, birth_year=1960, phone="0912345670")).id


def _failed(ctx, rid, reasons, steps=("informed",)):
    sid = help_sessions.start_session(ctx, rid).id
    for step in steps:
        help_sessions.record_step(ctx, sid, step)
    return help_sessions.finish_session(ctx, sid, failure_reasons=list(reasons))


def test_every_failure_reason_has_a_guide_and_police_reasons_say_what_is_needed():
    g = load_guides()
    assert set(g.by_reason) == set(FAILURE_REASONS)
    assert g.police_reasons() == {"khong_co_vneid_muc_2", "sai_so_dien_thoai_vneid", "can_cong_an_ho_tro"}
    for code, guide in g.by_reason.items():
        assert guide.steps and all(s.strip() for s in guide.steps), code
        assert len(guide.steps_en) == len(guide.steps), code  # every shipped step has its English
        assert not guide.police or guide.needed
    otp = " ".join(g.get("khong_nhan_otp").steps)
    assert "chip CCCD" in otp and "máy cũ" in otp  # OTP to an old device: log in on the new phone by the chip
    assert FAILURE_KEYS[:8] == [str(i) for i in range(1, 9)] and FAILURE_KEYS[9] == "0"
    assert FAILURE_ORDER[7] == "khac"  # the keys volunteers know (8 = other) did not move


def test_a_ward_file_extends_the_guides(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / LOCAL_FILE_NAME).write_text(json.dumps({"version": "phuong-1", "reasons": {
        "loi_doc_nfc": {"police": True, "needed": "Làm lại thẻ CCCD", "steps": ["Hẹn làm lại thẻ tại công an phường."]},
    }}, ensure_ascii=False), encoding="utf-8")
    g = guides_for(data_dir)
    assert not g.problems and g.version == "2026.12+phuong-1"
    assert g.get("loi_doc_nfc").steps == ("Hẹn làm lại thẻ tại công an phường.",)
    assert "loi_doc_nfc" in g.police_reasons()
    assert g.get("khong_nhan_otp").steps == load_guides().get("khong_nhan_otp").steps  # others as shipped


@pytest.mark.parametrize("content, words", [
    ({"reasons": {"het_pin": {"steps": ["Sạc pin."]}}}, ["het_pin", "không có trong danh sách"]),
    ({"reasons": {"may_cu": {"steps": []}}}, ["may_cu", "steps", "ít nhất một bước"]),
    ({"reasons": {"may_cu": {"steps": ["Bước 1", "  "]}}}, ["may_cu", "bước 2"]),
    ({"reasons": {"tu_choi": {"police": "có"}}}, ["tu_choi", "police", "true hoặc false"]),
    ({"reasons": {"tu_choi": {"police": True}}}, ["tu_choi", "needed"]),
    ({"reasons": {"tu_choi": {"buoc": ["x"]}}}, ["tu_choi", "buoc"]),
    ({"ly_do": {}}, ["reasons"]),
    ("{not json", ["JSON"]),
])
def test_a_broken_ward_file_is_named_and_the_shipped_guides_stay(tmp_path, content, words):
    path = tmp_path / LOCAL_FILE_NAME
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    g = load_guides(path)
    assert len(g.problems) == 1
    assert LOCAL_FILE_NAME in g.problems[0]
    for word in words:
        assert word in g.problems[0]
    assert g.by_reason == load_guides().by_reason


def test_a_broken_shipped_file_is_refused(tmp_path, monkeypatch):
    import desktop.core.triage as triage

    (tmp_path / "triage.json").write_text(json.dumps({"reasons": {"may_cu": {"steps": ["x"]}}}), encoding="utf-8")
    monkeypatch.setattr(triage, "resource", lambda *parts: tmp_path / parts[-1])
    with pytest.raises(TriageError, match="chưa có các bước"):
        triage.load_guides()


def test_the_service_refuses_a_partly_successful_session_without_a_reason(app_ctx):
    """booth.py checked this; the service did not, so any other caller could store it (#20 item 3)."""
    rid = _resident(app_ctx)
    sid = help_sessions.start_session(app_ctx, rid).id
    help_sessions.record_step(app_ctx, sid, "installed")
    with pytest.raises(OutreachError, match="ít nhất một lý do"):
        help_sessions.finish_session(app_ctx, sid)
    assert help_sessions.get_session(app_ctx, sid).ended_at is None  # nothing half-written
    sid2 = help_sessions.start_session(app_ctx, rid).id
    with pytest.raises(OutreachError, match="ít nhất một lý do"):
        help_sessions.finish_session(app_ctx, sid2)  # nothing reached at all: a reason too
    done = help_sessions.finish_session(app_ctx, sid, failure_reasons=["may_cu"])
    assert done.outcome == "mot_phan"


def test_a_police_reason_opens_one_hand_off_per_resident_and_reason(app_ctx):
    rid = _resident(app_ctx)
    info = _failed(app_ctx, rid, ["khong_co_vneid_muc_2", "khong_co_mang"])
    assert info.handoffs_opened == ("khong_co_vneid_muc_2",)
    again = _failed(app_ctx, rid, ["khong_co_vneid_muc_2", "sai_so_dien_thoai_vneid"])
    assert again.handoffs_opened == ("sai_so_dien_thoai_vneid",)  # the level-2 one is still open
    rows = handoffs.list_handoffs(app_ctx, open_only=True)
    assert sorted(h.reason for h in rows) == ["khong_co_vneid_muc_2", "sai_so_dien_thoai_vneid"]
    level2 = next(h for h in rows if h.reason == "khong_co_vneid_muc_2")
    assert level2.resident_name == "Nguyễn Thị Lan" and level2.since == today_vn() and level2.days_open == 0
    assert "mức 2" in level2.needed and level2.state == "mo" and level2.phone_masked.endswith("670")
    assert "0912345670" not in level2.phone_masked
    made = audit.query_unchecked(app_ctx, action="handoff")
    assert len(made) == 2 and {e.detail["reason"] for e in made} == {"khong_co_vneid_muc_2", "sai_so_dien_thoai_vneid"}
    assert _failed(app_ctx, rid, ["khong_co_smartphone"], steps=()).handoffs_opened == ()


def test_the_police_close_hand_offs_and_every_change_is_audited(app_ctx):
    rid = _resident(app_ctx)
    _failed(app_ctx, rid, ["sai_so_dien_thoai_vneid"])
    ids = staff(app_ctx)
    hid = handoffs.list_handoffs(app_ctx)[0].id
    as_role(app_ctx, ids, Role.VOLUNTEER)
    with pytest.raises(PermissionDenied):
        handoffs.list_handoffs(app_ctx)
    with pytest.raises(PermissionDenied):
        handoffs.set_state(app_ctx, hid, "xong")
    as_role(app_ctx, ids, Role.POLICE)
    with pytest.raises(OutreachError, match="Cần ghi lý do"):
        handoffs.set_state(app_ctx, hid, "tra_lai")
    back = handoffs.set_state(app_ctx, hid, "tra_lai", "Người dân chưa mang SIM chính chủ", today=date(2026, 12, 3))
    assert back.state == "tra_lai" and back.closed_on == date(2026, 12, 3) and back.closed_by == "Phạm Công An"
    assert back.notes.endswith("Phạm Công An: Người dân chưa mang SIM chính chủ")
    with pytest.raises(OutreachError, match="mở lại"):
        handoffs.set_state(app_ctx, hid, "xong")
    handoffs.set_state(app_ctx, hid, "mo", "Đã hẹn lại ngày 05/12")
    assert handoffs.list_handoffs(app_ctx, open_only=True)[0].id == hid
    done = handoffs.set_state(app_ctx, hid, "xong")
    assert done.state == "xong" and handoffs.list_handoffs(app_ctx, open_only=True) == []
    entries = [e for e in audit.query_unchecked(app_ctx, action="handoff", record_id=hid)]
    assert [e.detail["state"] for e in reversed(entries)] == ["mo", "tra_lai", "mo", "xong"]
    assert {e.role for e in entries[:3]} == {"cong_an"}
    with app_ctx.read() as s:
        row = s.scalars(select(PoliceHandoff)).one()
    assert row.version >= 4 and row.sync_state == "queued"  # a synced record: every change goes out
    with pytest.raises(OutreachError, match="không hợp lệ"):
        handoffs.set_state(app_ctx, hid, "da_xong")
