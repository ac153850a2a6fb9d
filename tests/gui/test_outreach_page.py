"""The outreach page: shift, progress per group, campaigns, follow-ups, communications, training."""

from __future__ import annotations


from PySide6.QtCore import Qt

from desktop.gui.outreach.page import OutreachPage
from desktop.services.outreach import communications, follow_ups, shift
from desktop.services.setup.demo_data import build_demo_ward
from tests.gui.helpers import show_active, type_text


def _page(qtbot, gui_ctx, residents=120):
    if residents:
        build_demo_ward(gui_ctx.app, residents, seed=11)
    page = OutreachPage(gui_ctx)
    page.resize(1200, 800)
    show_active(qtbot, page)
    return page


def test_progress_per_group_and_comms_warning(qtbot, gui_ctx):
    page = _page(qtbot, gui_ctx)
    qtbot.waitUntil(lambda: page.progress.groups.rowCount() == 3, timeout=5000)
    total = sum(int(page.progress.groups.item(r, 1).text()) for r in range(3))
    assert total == 120
    assert page.progress.target_groups.rowCount() == 6
    assert "Toàn phường: 120 cư dân" in page.progress.totals.text()
    qtbot.waitUntil(lambda: page.progress.warning.text() != "", timeout=5000)
    assert page.progress.warning.property("warning") is True  # demo data leaves a gap of more than 3 days


def test_add_communication_clears_warning(qtbot, gui_ctx):
    page = _page(qtbot, gui_ctx, residents=0)
    view = page.communications
    page.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.banner.property("warning") is True, timeout=5000)
    view.title.setFocus()
    type_text(qtbot, view.title, "Hướng dẫn cài iHaNoi cho người cao tuổi")
    with qtbot.waitSignal(view.saved, timeout=5000):
        qtbot.keyClick(view.title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.banner.property("warning") is False, timeout=5000)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=5000)
    assert communications.status(gui_ctx.app)["days_since"] == 0


def test_add_campaign_by_keyboard_and_bad_input_message(qtbot, gui_ctx):
    v = shift.add_volunteer(gui_ctx.app, "Đinh Văn Hải", "cong_an")
    page = _page(qtbot, gui_ctx, residents=0)
    view = page.campaigns
    qtbot.waitUntil(lambda: view.volunteers.count() == 1, timeout=5000)
    view.volunteers.item(0).setCheckState(Qt.CheckState.Checked)
    page.tabs.setCurrentWidget(view)
    view.name.setFocus()
    qtbot.keyClick(view.name, Qt.Key.Key_Return)  # no name: refused, said plainly
    qtbot.waitUntil(lambda: "Tên đợt" in view.status.text(), timeout=5000)
    type_text(qtbot, view.name, "Điểm hỗ trợ WinMart Cầu Giấy")
    with qtbot.waitSignal(view.saved, timeout=5000) as saved:
        qtbot.keyClick(view.name, Qt.Key.Key_Return)
    assert saved.args[0].name == "Điểm hỗ trợ WinMart Cầu Giấy" and saved.args[0].volunteer_ids == [v.id]
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: page.shift_bar.campaign.count() == 2, timeout=5000)


def test_follow_ups_filter_and_mark_done(qtbot, gui_ctx):
    page = _page(qtbot, gui_ctx)
    view = page.follow_ups
    page.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.group.count() == 4 and view.table.rowCount() > 0, timeout=5000)
    all_rows = view.table.rowCount()
    with qtbot.waitSignal(view.loaded, timeout=5000) as loaded:
        view.group.setCurrentIndex(1)
    rows = loaded.args[0]
    assert 0 < len(rows) < all_rows and {r.residential_group for r in rows} == {view.group.currentText()}
    first = rows[0].session_id
    view.table.setFocus()
    with qtbot.waitSignal(view.loaded, timeout=5000):
        qtbot.keyClick(view.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert first not in {r.session_id for r in follow_ups.list_follow_ups(gui_ctx.app)}


def test_shift_start_stamps_actor_and_booth_opens(qtbot, gui_ctx):
    page = _page(qtbot, gui_ctx, residents=0)
    bar = page.shift_bar
    bar.new_name.setFocus()
    type_text(qtbot, bar.new_name, "Vũ Thị Lan")
    with qtbot.waitSignal(gui_ctx.bus.changed, timeout=5000):
        qtbot.keyClick(bar.new_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bar.volunteer.count() >= 1, timeout=5000)
    with qtbot.waitSignal(bar.shift_changed, timeout=5000):
        qtbot.mouseClick(bar.start_button, Qt.MouseButton.LeftButton)
    assert gui_ctx.app.actor == "Vũ Thị Lan" and "Vũ Thị Lan" in bar.on_duty.text()
    assert shift.current_shift(gui_ctx.app).volunteer_name == "Vũ Thị Lan"
    with qtbot.waitSignal(page.booth_opened, timeout=5000) as opened:
        qtbot.keyClick(page, Qt.Key.Key_F11)
    booth = opened.args[0]
    qtbot.addWidget(booth)
    assert "Vũ Thị Lan" in booth.duty.text() and booth.volunteer_ids
    booth.close()


def test_training_class_added(qtbot, gui_ctx):
    page = _page(qtbot, gui_ctx, residents=0)
    view = page.training
    page.tabs.setCurrentWidget(view)
    view.place.setFocus()
    type_text(qtbot, view.place, "Nhà văn hoá tổ dân phố số 1")
    view.trainer.setFocus()
    type_text(qtbot, view.trainer, "Nguyễn Văn Hướng")
    view.attendance.setValue(42)
    with qtbot.waitSignal(view.saved, timeout=5000):
        qtbot.keyClick(view.trainer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=5000)
    assert view.table.item(0, 4).text() == "42"


def test_target_edited_in_progress_view(qtbot, gui_ctx):
    page = _page(qtbot, gui_ctx, residents=0)
    view = page.progress
    view.target_group.setCurrentIndex(view.target_group.findData("can_bo"))
    view.target_percent.setValue(90)
    qtbot.waitUntil(lambda: view.target_groups.rowCount() == 6, timeout=5000)
    row = next(r for r in range(6) if view.target_groups.item(r, 0).text().startswith("Cán bộ"))
    assert view.target_groups.item(row, 6).text().startswith("100%")
    qtbot.mouseClick(view.target_save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.target_groups.item(row, 6).text().startswith("90%"), timeout=5000)
    from desktop.services.outreach.targets import list_targets

    can_bo = next(t for t in list_targets(gui_ctx.app) if t.target_group == "can_bo")
    assert can_bo.percent == 90 and can_bo.stored


def test_page_fits_a_1366_pixel_laptop_screen(qtbot, gui_ctx):
    """Long status lines wrap; the page never asks for more width than a 1366-px screen minus the page list."""
    page = _page(qtbot, gui_ctx)
    qtbot.waitUntil(lambda: "Toàn phường" in page.progress.totals.text(), timeout=5000)
    qtbot.waitUntil(lambda: page.progress.warning.text() != "", timeout=5000)
    assert page.minimumSizeHint().width() <= 1366 - 200


def test_days_past_a_target_read_in_words_not_as_a_negative_number():
    """Before: "Còn (ngày)" showed -78 beside "Quá hạn 78 ngày"."""
    from desktop.gui.outreach.progress_view import _target_text

    row = {"target": {"deadline": "2026-09-15", "percent": 100, "days_left": -78, "met": False, "remaining": 1222,
                      "pace_per_day": 1222.0}}
    goal, days, pace = _target_text(row)
    assert (goal, days, pace) == ("100% · 15/09/2026", "Quá hạn 78 ngày", "Còn thiếu 1.222")
    row["target"].update(days_left=12, remaining=2001, pace_per_day=166.75)
    assert _target_text(row)[1:] == ["12", "166,8/ngày"]
