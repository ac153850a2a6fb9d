"""How the sync views show records: Vietnamese names, words for codes, masked numbers, reasons;
and retrying a record set aside."""

from __future__ import annotations

import json

import pytest

from desktop.core.permissions import PermissionDenied, Role
from desktop.services.sync import labels as sl
from tests.unit.people_helpers import as_role, staff


def test_fields_and_values_read_as_words():
    assert sl.field_label("resident", "adoption_stage") == "iHaNoi"
    assert sl.field_label("complaint", "status") == "Trạng thái"
    assert sl.field_label("resident", "notes") == "Ghi chú"
    assert sl.field_label("resident", "made_up") == "made_up"  # unknown: said as it is
    assert sl.kind_label("residential_group") == "Tổ dân phố / thôn"
    assert sl.display_value("resident", "sex", "nu") == "Nữ"
    assert sl.display_value("complaint", "severity", "khan_cap") == "Khẩn cấp"
    assert sl.display_value("resident", "birth_date", "1997-03-09") == "09/03/1997"
    assert sl.display_value("resident", "consent_at", "2026-11-28T17:30:00+00:00") == "29/11/2026 00:30"  # Hanoi
    assert sl.display_value("resident", "consent_given", True) == "Có"
    assert sl.display_value("resident", "notes", "") == "(trống)"
    assert sl.display_value("resident", "residential_group_id", "g1", names={"g1": "Tổ dân phố số 3"}) == "Tổ dân phố số 3"


def test_numbers_are_masked_unless_revealed():
    assert sl.display_value("resident", "cccd", "001297054321") == "0012******21"
    assert sl.display_value("resident", "phone", "+84912345678") == "0912 *** 678"
    assert sl.display_value("complaint", "reporter_phone", "+84912345678") == "0912 *** 678"
    assert sl.display_value("resident", "cccd", "001297054321", reveal=True) == "001297054321"


def test_identity_and_reasons():
    assert sl.identity("resident", {"full_name": "Bùi Thị Hằng"}, "abc") == "Bùi Thị Hằng"
    assert sl.identity("complaint", {"code": "PA-1A2B3C", "title": "Đèn hỏng"}, "x") == "PA-1A2B3C · Đèn hỏng"
    assert sl.identity("help_session", {}, "0123456789") == "Lượt hỗ trợ 01234567"
    assert sl.reason_text("payload too large", "push") == "Bản ghi quá lớn để gửi lên máy chủ."
    assert "số CCCD trùng" in sl.reason_text("IntegrityError: UNIQUE constraint failed: resident.cccd", "pull")
    assert "thiếu bản ghi liên quan" in sl.reason_text("IntegrityError: FOREIGN KEY constraint failed", "pull")
    assert sl.reason_text("something new", "push") == "Máy chủ từ chối: something new"


def _conflict_on_phone(ctx) -> str:
    from desktop.services.residents import residents
    from desktop.store.models.sync import SyncConflict

    rid = residents.register_resident(ctx, residents.ResidentInput(
        full_name="Hoàng Thị Xuyến", phone="0987654329", birth_year=1997, consent_given=True,
        consent_version="2025-07"), confirmed_warnings=True).id
    with ctx.store.write(actor="sync", applying_remote=True) as s:
        s.add(SyncConflict(record_kind="resident", record_id=rid, fields_json=json.dumps(["phone"]),
                           local_payload_json=json.dumps({"phone": "+84987654329"}),
                           remote_payload_json=json.dumps({"phone": "+84912000111"}), remote_version=2))
    return rid


def test_conflict_numbers_shown_to_police_are_audited_and_masked_for_volunteers(app_ctx):
    from desktop.services.people import audit
    from desktop.services.sync.service import list_conflicts

    ids = staff(app_ctx)
    rid = _conflict_on_phone(app_ctx)
    as_role(app_ctx, ids, Role.VOLUNTEER)
    [c] = list_conflicts(app_ctx)
    assert c["identity"] == "Hoàng Thị Xuyến" and c["kind_label"] == "Cư dân"
    [row] = c["rows"]
    assert (row["label"], row["mine_text"], row["masked"], row["edit_value"]) == (
        "Số điện thoại", "0987 *** 329", True, "")
    assert not [r for r in audit.query_unchecked(app_ctx, action="reveal")]
    as_role(app_ctx, ids, Role.POLICE)
    [row] = list_conflicts(app_ctx)[0]["rows"]
    assert (row["mine_text"], row["theirs_text"], row["edit_value"]) == ("+84987654329", "+84912000111", "+84987654329")
    [entry] = audit.query_unchecked(app_ctx, action="reveal")
    assert entry.record_id == rid and entry.detail["fields"] == ["phone"]


def test_retrying_a_record_refused_on_pull_asks_the_next_sync_to_check(app_ctx):
    from desktop.services.sync.service import quarantine, retry_quarantined
    from desktop.store.models.sync import SyncQuarantine, SyncState

    with app_ctx.store.write(actor="sync", applying_remote=True) as s:
        s.add(SyncState(id=1, ward_code="00166", last_check_json=json.dumps({"ok": True})))
        s.add(SyncQuarantine(direction="pull", record_kind="resident", record_id="r-1",
                             reason="IntegrityError: UNIQUE constraint failed: resident.cccd",
                             payload_json=json.dumps({"full_name": "Lý Văn Mười"})))
    [q] = quarantine(app_ctx)
    assert (q["kind_label"], q["identity"]) == ("Cư dân", "Lý Văn Mười")
    assert q["reason_text"].startswith("Không lưu được trên máy này")
    ids = staff(app_ctx)
    from desktop.services.people import operators

    operators.sign_out(app_ctx)
    with pytest.raises(PermissionDenied):
        retry_quarantined(app_ctx, q["id"])  # nobody signed in
    as_role(app_ctx, ids, Role.VOLUNTEER)
    assert retry_quarantined(app_ctx, q["id"])["record_id"] == "r-1"
    assert quarantine(app_ctx) == []
    with app_ctx.read() as s:
        assert s.get(SyncState, 1).last_check_json == ""


def test_listing_conflicts_again_audits_a_reveal_once_per_sign_in(app_ctx):
    """The sync page lists conflicts after every change: one reveal entry per sign-in, not per refresh."""
    from desktop.services.people import audit
    from desktop.services.sync.service import list_conflicts

    ids = staff(app_ctx)
    _conflict_on_phone(app_ctx)
    as_role(app_ctx, ids, Role.POLICE)
    for _ in range(3):
        assert list_conflicts(app_ctx)[0]["rows"][0]["mine_text"] == "+84987654329"
    assert len(audit.query_unchecked(app_ctx, action="reveal")) == 1
    as_role(app_ctx, ids, Role.POLICE)  # a new sign-in: the next look is audited again
    list_conflicts(app_ctx)
    assert len(audit.query_unchecked(app_ctx, action="reveal")) == 2


def test_text_that_only_looks_like_a_date_is_shown_as_written():
    assert sl.display_value("resident", "notes", "2024-13-40") == "2024-13-40"  # the conflict list still opens
    assert sl.display_value("resident", "notes", "2024-12-31") == "31/12/2024"


def test_a_run_is_told_in_words_that_add_up():
    """"Chờ đồng bộ 3870" then "Đã gửi 3729": the 141 between are later edits that went with their record."""
    lines = sl.result_lines({"pushed": 3729, "changes_sent": 3870, "merged": 141, "already_stored": 12,
                             "rejected": 0, "conflicts": 0, "pulled": 500, "set_aside": 4, "pending": 0})
    assert lines[0] == ("Đã gửi 3.729 bản ghi lên máy chủ (3.870 thay đổi). 141 thay đổi là lần sửa tiếp theo của "
                        "một bản ghi nên đi cùng bản ghi đó. 12 bản ghi máy chủ đã có từ lần gửi trước.")
    assert "Đã nhận 500 bản ghi từ máy chủ." in lines
    assert any(line.startswith("4 bản ghi nhận về được để riêng") for line in lines)
    assert lines[-1] == "Không còn thay đổi nào chờ gửi."
    assert sl.progress_text("push", 1200, 3870) == "Đang gửi: 1.200/3.870 thay đổi"
    assert sl.progress_text("pull", 800, 0) == "Đang nhận: 800 bản ghi"
    assert sl.progress_text("pull", 1200, 3870) == "Đang nhận: 1.200/3.870 bản ghi"  # the server said how many
