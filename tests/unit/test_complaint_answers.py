"""Complaint answers that satisfy (#20 item 5): a complaint is closed as handled only with a reply of a few
sentences naming what was done and where, and an on-site complaint only with a photo taken after handling
or the handler's reason for none. The three levels of QĐ 1207/QĐ-UBND drive the deadlines."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PIL import Image

from desktop.core.complaint_lifecycle import TransitionRefused
from desktop.core.complaint_reply import reply_problems
from desktop.core.working_calendar import VN_TZ
from desktop.services.complaints import complaints as svc
from tests.support.complaint_replies import GOOD_REPLY, NO_PHOTO
from tests.unit.test_complaints import MON_10, draft

ADDRESS = "Ngõ 12 phố Trần Duy Hưng"


@pytest.mark.parametrize("reply, missing", [
    ("Đã xử lý.", ["ít nhất 2 câu", "ở đâu"]),
    ("Đơn vị đã xử lý xong phản ánh này. Cảm ơn người dân đã phản ánh kịp thời cho chính quyền phường.", ["ở đâu"]),
    ("Chúng tôi ghi nhận phản ánh tại ngõ 12. Sự việc sẽ được chuyển tới đơn vị có thẩm quyền xem xét sớm.", ["đã làm gì"]),
    ("", ["ít nhất 2 câu", "đã làm gì", "ở đâu"]),
])
def test_a_vague_reply_is_named_for_what_it_lacks(reply, missing):
    problems = " ".join(reply_problems(reply, ADDRESS))
    for words in missing:
        assert words in problems, (reply, problems)
    assert len(reply_problems(reply, ADDRESS)) == len(missing)


def test_a_reply_naming_what_and_where_satisfies():
    assert reply_problems(GOOD_REPLY, ADDRESS) == []
    # the place may be a word of the complaint's own address instead of a place word
    reply = "Công nhân đã nạo vét toàn bộ đoạn cống bị tắc cạnh nhà văn hoá Trần Duy Hưng. Nước đã rút hết sau hai giờ."
    assert reply_problems(reply, ADDRESS) == []


def _in_handling(ctx, **kw) -> str:
    cid = svc.file_complaint(ctx, draft(ctx, **kw), now=MON_10)
    for action, extra in (("chuyen", {"agency": "iHaNoi"}), ("tiep_nhan", {}), ("bat_dau_xu_ly", {})):
        svc.transition(ctx, cid, action, now=MON_10 + timedelta(hours=1), **extra)
    return cid


def test_closing_with_a_vague_reply_is_refused_and_changes_nothing(app_ctx):
    cid = _in_handling(app_ctx)
    before = svc.complaint_detail(app_ctx, cid)
    with pytest.raises(TransitionRefused) as refused:
        svc.transition(app_ctx, cid, "hoan_thanh", note="Đã xử lý.", no_photo_reason=NO_PHOTO)
    assert "ít nhất 2 câu" in str(refused.value) and "ở đâu" in str(refused.value)
    after = svc.complaint_detail(app_ctx, cid)
    assert after.summary.status == "dang_xu_ly" and len(after.events) == len(before.events)


def test_an_on_site_complaint_needs_an_after_photo_or_the_reason_for_none(app_ctx, tmp_path):
    cid = _in_handling(app_ctx)
    with pytest.raises(TransitionRefused, match="ảnh chụp sau khi xử lý"):
        svc.transition(app_ctx, cid, "hoan_thanh", note=GOOD_REPLY)
    with pytest.raises(TransitionRefused, match="ảnh chụp sau khi xử lý"):
        svc.transition(app_ctx, cid, "hoan_thanh", note=GOOD_REPLY, no_photo_reason="không có")
    photo = tmp_path / "sau-xu-ly.jpg"
    Image.new("RGB", (64, 48), (200, 180, 40)).save(photo)
    assert svc.add_files(app_ctx, cid, [str(photo)]) == 1  # added while in handling: an after-photo
    assert [a.phase for a in svc.complaint_detail(app_ctx, cid).attachments] == ["sau"]
    done = svc.transition(app_ctx, cid, "hoan_thanh", note=GOOD_REPLY)
    assert done.status == "da_xu_ly"
    d = svc.complaint_detail(app_ctx, cid)
    assert d.events[-1].note == GOOD_REPLY  # the reply is what the resident reads


def test_the_reason_for_no_photo_is_kept(app_ctx):
    from desktop.store.models import Complaint

    cid = _in_handling(app_ctx)
    svc.transition(app_ctx, cid, "hoan_thanh", note=GOOD_REPLY, no_photo_reason=NO_PHOTO)
    with app_ctx.read() as s:
        assert s.get(Complaint, cid).no_after_photo_reason == NO_PHOTO


def test_a_photo_at_intake_is_not_an_after_photo_and_other_kinds_need_none(app_ctx, tmp_path):
    photo = tmp_path / "truoc.jpg"
    Image.new("RGB", (64, 48), (10, 20, 30)).save(photo)
    cid = svc.file_complaint(app_ctx, draft(app_ctx, files=[str(photo)]), now=MON_10)
    assert [a.phase for a in svc.complaint_detail(app_ctx, cid).attachments] == ["truoc"]
    other = _in_handling(app_ctx, kind="thu_tuc_hanh_chinh", category="dich_vu_cong_truc_tuyen",
                         address_text="Bộ phận một cửa UBND phường")
    reply = ("Cán bộ một cửa đã hướng dẫn người dân nộp lại hồ sơ tại bộ phận một cửa UBND phường. "
             "Hồ sơ đã được tiếp nhận và trả kết quả đúng hẹn.")
    assert svc.transition(app_ctx, other, "hoan_thanh", note=reply).status == "da_xu_ly"


@pytest.mark.parametrize("severity, accept, handle", [
    ("khan_cap", datetime(2026, 12, 1, 10, tzinfo=VN_TZ), datetime(2026, 11, 30, 15, tzinfo=VN_TZ)),  # 4 working h
    ("thong_thuong", datetime(2026, 12, 1, 10, tzinfo=VN_TZ), datetime(2026, 12, 3, 10, tzinfo=VN_TZ)),  # 3 days
    ("phuc_tap", datetime(2026, 12, 1, 10, tzinfo=VN_TZ), datetime(2026, 12, 9, 10, tzinfo=VN_TZ)),  # 7 days
])
def test_the_three_levels_of_qd_1207_drive_the_deadlines(app_ctx, severity, accept, handle):
    cid = svc.file_complaint(app_ctx, draft(app_ctx, severity=severity), now=MON_10)
    d = svc.complaint_detail(app_ctx, cid)
    assert d.accept_due_at == accept  # received within 8 working hours, whatever the level
    assert d.handle_due_at == handle
