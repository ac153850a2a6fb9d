"""Issue #8 wired into residents, complaints and outreach: the role matrix through the real services,
audit entries that name fields but never hold values, and no refusals before the first operator exists."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.core.permissions import PermissionDenied, Role
from desktop.services.people import audit, operators, privacy
from desktop.services.complaints import complaints
from desktop.services.outreach import help_sessions, shift
from desktop.services.residents import residents
from desktop.services.residents.export import export_residents
from desktop.store.models import HelpSession
from desktop.store.models.people import AuditEntry
from tests.unit.people_helpers import (
    NAMES, PLANTED_CCCD, PLANTED_E164, PLANTED_NAME, PLANTED_PHONE, as_role, plant_resident, staff,
)
from tests.support.complaint_replies import HANDLED
from tests.unit.test_complaints import draft


def _all_details(ctx) -> str:
    with ctx.read() as s:
        return " ".join(s.scalars(select(AuditEntry.detail_json)))


def _entries(ctx, action: str) -> list:
    return audit.query_unchecked(ctx, action=action)


def test_before_any_operator_everything_is_allowed_and_still_audited(app_ctx, tmp_path):
    rid = plant_resident(app_ctx)
    residents.update_resident(app_ctx, rid, residents.ResidentInput(full_name=PLANTED_NAME, phone=PLANTED_PHONE),
                              confirmed_warnings=True)
    assert privacy.reveal_identifier(app_ctx, rid, "phone") == PLANTED_E164
    assert export_residents(app_ctx, tmp_path / "all.csv") == 1
    cid = complaints.file_complaint(app_ctx, draft(app_ctx))
    residents.delete_resident(app_ctx, rid)
    assert [e.action for e in _entries(app_ctx, "create")] == ["create", "create"]
    assert {e.record_kind for e in _entries(app_ctx, "create")} == {"resident", "complaint"}
    assert _entries(app_ctx, "delete")[0].record_id == rid and cid


def test_resident_audit_names_fields_never_values(app_ctx):
    staff(app_ctx)
    rid = plant_resident(app_ctx)
    [created] = _entries(app_ctx, "create")
    assert created.record_id == rid and created.actor == NAMES[Role.ADMIN] and created.role == Role.ADMIN.value
    assert {"full_name", "cccd", "phone", "consent_given", "consent_version"} <= set(created.detail["fields"])
    current = residents.get_resident(app_ctx, rid)
    data = current.to_input()
    data.phone = "0912000111"
    residents.update_resident(app_ctx, rid, data, confirmed_warnings=True)
    [edited] = _entries(app_ctx, "edit")
    assert edited.detail == {"fields": ["phone"]}
    residents.set_adoption_stage(app_ctx, rid, "da_cai_dat")
    assert set(_entries(app_ctx, "edit")[0].detail["fields"]) == {"adoption_stage", "aware_on", "installed_on"}
    residents.delete_resident(app_ctx, rid)
    assert _entries(app_ctx, "delete")[0].record_id == rid
    details = _all_details(app_ctx)
    for planted in (PLANTED_NAME, PLANTED_CCCD, PLANTED_PHONE, PLANTED_E164, "0912000111", "912000111"):
        assert planted not in details


def test_signed_out_is_refused_and_nothing_is_written(app_ctx):
    staff(app_ctx)
    rid = plant_resident(app_ctx)
    operators.sign_out(app_ctx)
    with pytest.raises(PermissionDenied, match="Cần đăng nhập"):
        residents.register_resident(app_ctx, residents.ResidentInput(full_name="Người Lạ"))
    with pytest.raises(PermissionDenied):
        residents.delete_resident(app_ctx, rid)
    with pytest.raises(PermissionDenied):
        complaints.file_complaint(app_ctx, draft(app_ctx))
    assert residents.count_residents(app_ctx) == 1
    assert complaints.list_complaints(app_ctx) == []


@pytest.mark.parametrize("role, can_reveal, can_export", [
    (Role.VOLUNTEER, False, False), (Role.POLICE, True, False), (Role.TEAM_LEAD, True, True), (Role.ADMIN, True, True),
])
def test_role_matrix_through_reveal_and_export(app_ctx, tmp_path, role, can_reveal, can_export):
    ids = staff(app_ctx)
    rid = plant_resident(app_ctx)
    as_role(app_ctx, ids, role)
    # everyone on the team registers and edits
    residents.register_resident(app_ctx, residents.ResidentInput(full_name="Vũ Văn Hai"))
    out = tmp_path / "ds.xlsx"
    if can_reveal:
        assert privacy.reveal_identifier(app_ctx, rid, "cccd") == PLANTED_CCCD
        assert _entries(app_ctx, "reveal")[0].detail == {"field": "cccd"}
    else:
        with pytest.raises(PermissionDenied, match="Xem đầy đủ số CCCD"):
            privacy.reveal_identifier(app_ctx, rid, "cccd")
        assert _entries(app_ctx, "reveal") == []
    if can_export:
        assert export_residents(app_ctx, out) == 2 and out.exists()
        [entry] = _entries(app_ctx, "export")
        assert entry.detail == {"count": 2, "format": "xlsx"} and entry.role == role.value
    else:
        with pytest.raises(PermissionDenied, match="Xuất danh sách"):
            export_residents(app_ctx, out)
        assert not out.exists() and not (tmp_path / "ds.xlsx.part").exists()
        assert _entries(app_ctx, "export") == []


def test_complaint_filing_transitions_and_feedback_are_audited(app_ctx):
    ids = staff(app_ctx)
    as_role(app_ctx, ids, Role.VOLUNTEER)
    cid = complaints.file_complaint(app_ctx, draft(app_ctx))
    [created] = [e for e in _entries(app_ctx, "create") if e.record_kind == "complaint"]
    assert created.record_id == cid and created.role == Role.VOLUNTEER.value
    assert {"title", "reporter_name", "reporter_phone"} <= set(created.detail["fields"])
    for action, extra in (("chuyen", {"agency": "iHaNoi"}), ("tiep_nhan", {}), ("bat_dau_xu_ly", {}), ("hoan_thanh", HANDLED)):
        complaints.transition(app_ctx, cid, action, **extra)
    edits = _entries(app_ctx, "edit")
    assert sorted(e.detail["transition"] for e in edits) == sorted(["chuyen", "tiep_nhan", "bat_dau_xu_ly", "hoan_thanh"])
    assert {"status", "agency"} <= {f for e in edits for f in e.detail["fields"]}
    complaints.record_feedback(app_ctx, cid, "co", rating=5, comment="Đèn sáng rồi, cảm ơn")
    [fb] = [e for e in _entries(app_ctx, "create") if e.record_kind == "complaint_feedback"]
    assert fb.record_id == cid and "comment" in fb.detail["fields"]
    details = _all_details(app_ctx)
    for value in ("Trần Thị Lan", "912345678", "Đèn sáng rồi", "Ngõ 12"):
        assert value not in details
    operators.sign_out(app_ctx)
    with pytest.raises(PermissionDenied):
        complaints.transition(app_ctx, cid, "mo_lai", note="thử")


def test_shift_never_overwrites_the_signed_in_operator(app_ctx):
    ids = staff(app_ctx)
    as_role(app_ctx, ids, Role.VOLUNTEER)
    v = shift.add_volunteer(app_ctx, "trần minh châu", "doan_thanh_nien")
    shift.start_shift(app_ctx, v.id)
    assert app_ctx.actor == NAMES[Role.VOLUNTEER]
    assert shift.resume_shift(app_ctx).volunteer_name == "Trần Minh Châu"
    assert app_ctx.actor == NAMES[Role.VOLUNTEER]
    rid = plant_resident(app_ctx)
    sid = help_sessions.start_session(app_ctx, rid, volunteer_ids=[v.id]).id
    with app_ctx.read() as s:
        assert s.get(HelpSession, sid).created_by == NAMES[Role.VOLUNTEER]
    shift.end_shift(app_ctx)
    assert app_ctx.actor == NAMES[Role.VOLUNTEER]
    # nobody signed in: the volunteer on duty is stamped, as before
    operators.sign_out(app_ctx)
    shift.start_shift(app_ctx, v.id)
    assert app_ctx.actor == "Trần Minh Châu"


def test_bulk_import_needs_the_register_right_and_is_audited_by_count(app_ctx, tmp_path):
    from desktop.services.residents.importing import import_residents

    csv_file = tmp_path / "list.csv"
    csv_file.write_text("Họ và tên,Năm sinh\nTrần Thị Nhập,1990\nLê Văn Khẩu,1985\n", encoding="utf-8")
    ids = staff(app_ctx)
    operators.sign_out(app_ctx)
    with pytest.raises(PermissionDenied):
        import_residents(app_ctx, csv_file)
    as_role(app_ctx, ids, Role.VOLUNTEER)
    report = import_residents(app_ctx, csv_file)
    assert report.imported == 2
    [entry] = [e for e in _entries(app_ctx, "create") if e.detail.get("imported")]
    assert entry.detail == {"imported": 2} and entry.actor == NAMES[Role.VOLUNTEER]
    assert "Trần Thị Nhập" not in _all_details(app_ctx)
