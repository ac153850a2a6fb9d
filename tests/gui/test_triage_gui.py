"""The triage panel in booth mode (shown the moment a reason is chosen) and the police liaison's hand-off list."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt

from desktop.core.permissions import Role
from desktop.gui.outreach.booth import BoothWindow
from desktop.gui.outreach.handoffs_view import HandoffsView
from desktop.services.outreach import handoffs, help_sessions
from desktop.services.residents.residents import ResidentInput, register_resident
from desktop.services.setup.ward_setup import residential_groups
from tests.gui.helpers import show_active
from tests.unit.people_helpers import as_role, staff

SHOTS = os.environ.get("TOCDS_SHOTS")  # a folder: save the 1366x768 screenshots there


def _resident(ctx, name="Lê Thị Hoa", phone="0987000111") -> str:
    gid = residential_groups(ctx)[0].id
    return register_resident(ctx, ResidentInput(full_name=name, residential_group_id=gid, phone=phone, birth_year=1958)).id


def _to_outcome(qtbot, booth, search: str) -> None:
    with qtbot.waitSignal(booth.find.search.results_shown, timeout=5000):
        qtbot.keyClicks(booth.focusWidget(), search)
    with qtbot.waitSignal(booth.session_started, timeout=5000):
        qtbot.keyClick(booth.focusWidget(), Qt.Key.Key_Return)
    with qtbot.waitSignal(booth.step_saved, timeout=5000):
        qtbot.keyClick(booth.focusWidget(), "1")
    qtbot.keyClick(booth.focusWidget(), Qt.Key.Key_Return)
    assert booth.current_screen() == "outcome"


def test_the_guide_shows_the_moment_a_reason_is_chosen_and_a_police_reason_hands_off(qtbot, gui_ctx):
    ctx = gui_ctx.app
    _resident(ctx)
    booth = BoothWindow(gui_ctx)
    booth.resize(1366, 768)
    show_active(qtbot, booth)
    _to_outcome(qtbot, booth, "le thi hoa")
    panel = booth.outcome.triage
    qtbot.waitUntil(lambda: panel.guides is not None, timeout=5000)
    assert "Chọn một lý do" in panel.title.text()
    qtbot.keyClick(booth.focusWidget(), "4")  # no OTP
    assert "Không nhận được mã OTP" in panel.title.text()
    assert "quét chip CCCD" in panel.steps.text() and not panel.police.isVisible()
    qtbot.keyClick(booth.focusWidget(), "9")  # wrong phone on VNeID: the police
    assert "Số điện thoại trên VNeID" in panel.title.text()
    assert panel.police.isVisible() and "chuyển công an" in panel.police.text()
    if SHOTS:
        booth.grab().save(os.path.join(SHOTS, "booth-triage-1366x768.png"))
    qtbot.keyClick(booth.focusWidget(), "9")  # un-ticked: the previous reason's guide again
    assert "Không nhận được mã OTP" in panel.title.text()
    qtbot.keyClick(booth.focusWidget(), "9")
    with qtbot.waitSignal(booth.session_finished, timeout=5000) as finished:
        qtbot.keyClick(booth.focusWidget() or booth, Qt.Key.Key_Return)
    assert finished.args[0].handoffs_opened == ("sai_so_dien_thoai_vneid",)
    assert "Đã tạo phiếu chuyển công an" in booth.message.text()
    rows = handoffs.list_handoffs(ctx)
    assert [(h.resident_name, h.reason, h.state) for h in rows] == [("Lê Thị Hoa", "sai_so_dien_thoai_vneid", "mo")]
    booth.close()


def _handoff(ctx, name, phone, reason) -> None:
    rid = _resident(ctx, name, phone)
    sid = help_sessions.start_session(ctx, rid).id
    help_sessions.finish_session(ctx, sid, failure_reasons=[reason])


def test_the_police_liaison_closes_hand_offs_from_the_list(qtbot, gui_ctx):
    ctx = gui_ctx.app
    _handoff(ctx, "Lê Thị Hoa", "0987000111", "khong_co_vneid_muc_2")
    _handoff(ctx, "Trần Văn Bình", "0987000222", "sai_so_dien_thoai_vneid")
    ids = staff(ctx)
    as_role(ctx, ids, Role.VOLUNTEER)
    view = HandoffsView(gui_ctx)
    view.resize(1366, 768)
    show_active(qtbot, view)
    qtbot.waitUntil(lambda: "công an phường và tổ trưởng" in view.message.text(), timeout=5000)
    assert view.table.rowCount() == 0 and not view.done_button.isEnabled()

    as_role(ctx, ids, Role.POLICE)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.refresh()
    assert view.table.rowCount() == 2 and "2 phiếu, 2 đang chờ" in view.count.text()
    if SHOTS:
        view.grab().save(os.path.join(SHOTS, "handoffs-1366x768.png"))
    view.table.selectRow(0)
    name = view.table.item(0, 2).text()
    view.return_button.click()  # no note: refused, with the reason
    qtbot.waitUntil(lambda: "Cần ghi lý do" in view.message.text(), timeout=5000)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.done_button.click()
    assert f"Phiếu của {name}: Công an đã giải quyết" in view.message.text()
    assert view.table.rowCount() == 1 and "1 phiếu, 1 đang chờ" in view.count.text()
    view.open_only.setChecked(False)
    qtbot.waitUntil(lambda: view.table.rowCount() == 2, timeout=5000)


def test_the_team_lead_enters_the_ward_figures_on_the_reports_page(qtbot, gui_ctx):
    from desktop.gui.reports.page import ReportsPage
    from desktop.services.reports import indicators

    page = ReportsPage(gui_ctx)
    page.resize(1366, 768)
    show_active(qtbot, page)
    form = page.ward_figures
    form.fields["population_15_plus"].setText("1.200")  # typed with the thousands dot
    form.fields["smartphone_owners_15_plus"].setText("1500")
    form.save_button.click()
    qtbot.waitUntil(lambda: "không thể lớn hơn" in form.message.text(), timeout=5000)
    assert indicators.list_ward_figures(gui_ctx.app) == []
    form.fields["smartphone_owners_15_plus"].setText("980")
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save_button.click()
    [saved] = indicators.list_ward_figures(gui_ctx.app)
    assert (saved.population_15_plus, saved.smartphone_owners_15_plus) == (1200, 980)
    qtbot.waitUntil(lambda: "1.200" in page.summary.text(), timeout=10000)  # the dashboard's denominator now


def test_the_sync_page_shows_cross_ward_matches_with_name_year_and_ward_only(qtbot, gui_ctx):
    from desktop.gui.sync.cross_ward_view import CrossWardView
    from desktop.sync import cross_ward as local
    from desktop.sync import protocol as p

    ctx = gui_ctx.app
    rid = _resident(ctx, "Nguyễn Văn Chuyển", "0912000333")
    view = CrossWardView(gui_ctx)
    show_active(qtbot, view)
    with qtbot.waitSignal(view.counted, timeout=5000, check_params_cb=lambda n: n == 1) as counted:
        gui_ctx.write(local.store, p.CrossWardMatches(matches=[p.CrossWardMatch(
            record_id=rid, other_ward="00004", other_name="Nguyễn Văn Chuyển", other_birth_year=1958)]))
    assert counted.args == [1]
    cells = [view.table.item(0, c).text() for c in range(view.table.columnCount())]
    assert cells == ["Nguyễn Văn Chuyển", "1958", "Phường Ba Đình", "Nguyễn Văn Chuyển", "1958", "Chưa xử lý"]
    view.table.selectRow(0)
    view.moved_button.click()  # this laptop never enrolled: said plainly, nothing marked
    qtbot.waitUntil(lambda: "chưa được đăng ký" in view.message.text(), timeout=5000)
