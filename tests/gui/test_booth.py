"""Booth mode driven by the keyboard alone, on a real encrypted store."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.gui.outreach.booth import BoothWindow
from desktop.services.outreach import help_sessions, shift
from desktop.services.residents.residents import ResidentInput, register_resident
from desktop.services.setup.ward_setup import residential_groups
from desktop.store.models import HelpSession, Resident
from tests.gui.helpers import show_active, type_text


def _resident(ctx, name="Nguyễn Văn An", phone="0912345678"):
    gid = residential_groups(ctx)[0].id
    return register_resident(ctx, ResidentInput(full_name=name, residential_group_id=gid, phone=phone, birth_year=1970)).id


def _key(qtbot, booth, key, text=""):
    target = booth.focusWidget() or booth
    qtbot.keyClick(target, key) if not text else qtbot.keyClicks(target, text)


def test_whole_booth_flow_by_keyboard(qtbot, gui_ctx):
    ctx = gui_ctx.app
    rid = _resident(ctx)
    v = shift.add_volunteer(ctx, "Trần Minh Châu", "doan_thanh_nien")
    shift.start_shift(ctx, v.id)
    booth = BoothWindow(gui_ctx, volunteer_ids=[v.id])
    show_active(qtbot, booth)
    assert "Trần Minh Châu" in booth.duty.text()

    # Screen 1: four digits of the phone, Enter chooses the first result.
    with qtbot.waitSignal(booth.find.search.results_shown, timeout=5000):
        qtbot.keyClicks(booth.focusWidget(), "5678")
    with qtbot.waitSignal(booth.session_started, timeout=5000):
        qtbot.keyClick(booth.focusWidget(), Qt.Key.Key_Return)
    assert booth.current_screen() == "steps"

    # Screen 2: keys 1..5, each saved as it is entered.
    for n, step in enumerate(("informed", "installed", "account_created", "vneid_linked", "first_use"), start=1):
        with qtbot.waitSignal(booth.step_saved, timeout=5000) as blocker:
            qtbot.keyClick(booth.focusWidget(), str(n))
        assert blocker.args == [step, True]
        assert step in help_sessions.get_session(ctx, booth.session_id).steps
    qtbot.keyClick(booth.focusWidget(), Qt.Key.Key_Return)
    assert booth.current_screen() == "outcome"
    assert not booth.outcome.reasons_frame.isVisible()

    # Screen 3: Enter saves and goes back to an empty search.
    with qtbot.waitSignal(booth.keystrokes, timeout=5000) as counted, \
            qtbot.waitSignal(booth.session_finished, timeout=5000) as finished:
        qtbot.keyClick(booth.focusWidget() or booth, Qt.Key.Key_Return)
    assert finished.args[0].outcome == "thanh_cong"
    assert booth.current_screen() == "find" and booth.find.search.query() == ""
    assert booth.find.search.edit.hasFocus()
    qtbot.waitUntil(lambda: "1 lượt hỗ trợ · 1 thành công" in booth.counter.text(), timeout=5000)
    assert counted.args == [12, 0]  # the booth's own count of the keys it received: 4 + Enter, 5 steps, Enter, Enter

    with ctx.read() as s:
        r = s.get(Resident, rid)
        h = s.scalars(select(HelpSession)).one()
    assert r.adoption_stage == "da_tao_tai_khoan" and r.account_on is not None
    assert h.created_by == "Trần Minh Châu" and h.volunteer_ids == v.id


def test_failed_session_with_reasons_and_follow_up(qtbot, gui_ctx):
    ctx = gui_ctx.app
    _resident(ctx, "Lê Thị Hoa", "0987000111")
    booth = BoothWindow(gui_ctx)
    show_active(qtbot, booth)
    with qtbot.waitSignal(booth.find.search.results_shown, timeout=5000):
        qtbot.keyClicks(booth.focusWidget(), "le thi hoa")
    with qtbot.waitSignal(booth.session_started, timeout=5000):
        qtbot.keyClick(booth.focusWidget(), Qt.Key.Key_Return)
    with qtbot.waitSignal(booth.step_saved, timeout=5000):
        qtbot.keyClick(booth.focusWidget(), "1")
    qtbot.keyClick(booth.focusWidget(), Qt.Key.Key_Return)
    assert booth.outcome.reasons_frame.isVisible() and booth.outcome.follow.isChecked()
    qtbot.keyClick(booth.focusWidget(), Qt.Key.Key_Return)  # no reason yet: refused with a message
    assert "lý do" in booth.outcome.error.text() and booth.current_screen() == "outcome"
    qtbot.keyClick(booth.focusWidget(), "3")  # no VNeID level 2
    qtbot.keyClick(booth.focusWidget(), "8")  # other: focus goes to the text field
    assert booth.outcome.other.hasFocus()
    type_text(qtbot, booth.outcome.other, "Máy hết pin")
    with qtbot.waitSignal(booth.session_finished, timeout=5000) as finished:
        qtbot.keyClick(booth.outcome.other, Qt.Key.Key_Return)
    info = finished.args[0]
    assert info.outcome == "mot_phan" and info.failure_reasons == ["khong_co_vneid_muc_2", "khac"]
    assert info.failure_other == "Máy hết pin" and info.follow_up_on is not None
    assert info.resident_stage == "da_biet"


def test_register_inline_then_escape_withdraws_empty_session(qtbot, gui_ctx):
    booth = BoothWindow(gui_ctx)
    show_active(qtbot, booth)
    type_text(qtbot, booth.focusWidget(), "Phạm Thị Thu")
    qtbot.keyClick(booth.focusWidget(), Qt.Key.Key_F2)
    form = booth.find.form
    assert form.isVisible() and form.full_name.text() == ""  # the search text is offered, not copied
    assert booth.find.use_query.isVisible() and "Phạm Thị Thu" in booth.find.use_query.text()
    qtbot.keyClick(booth.focusWidget(), Qt.Key.Key_F3)
    assert form.full_name.text() == "Phạm Thị Thu"
    form.phone.setFocus()
    qtbot.keyClicks(form.phone, "0911222333")
    form.consent.setChecked(True)
    with qtbot.waitSignal(booth.session_started, timeout=5000):
        qtbot.keyClick(form.phone, Qt.Key.Key_Return)
    assert booth.current_screen() == "steps" and "Phạm Thị Thu" in booth.steps.who.text()
    sid = booth.session_id
    with qtbot.waitSignal(gui_ctx.bus.changed, timeout=5000):
        qtbot.keyClick(booth.focusWidget(), Qt.Key.Key_Escape)
    assert booth.current_screen() == "find"
    with gui_ctx.app.read() as s:
        assert s.get(HelpSession, sid).deleted_at is not None
