"""The door-to-door tab: the checklist of a group, and a visit entered by keyboard from the household's code."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core import household_code as hc
from desktop.gui.outreach.page import OutreachPage
from desktop.services.households import coverage, households as hh, visits
from desktop.services.outreach import handoffs
from desktop.services.residents import residents as svc
from tests.gui.helpers import show_active, type_text

SHOTS = os.environ.get("TOCDS_SHOTS")  # a folder: save screenshots of the visit entry with the guide there


def _household(ctx, group_name="Tổ dân phố số 1"):
    group = coverage.find_group(ctx, group_name)["id"]
    head = svc.register_resident(ctx, svc.ResidentInput(full_name="Nguyễn Văn An", birth_year=1950, residential_group_id=group,
                                                        address_detail="Số 1 ngõ 2 Trần Thái Tông", household=hh.NEW_HOUSEHOLD))
    wife = svc.register_resident(ctx, svc.ResidentInput(full_name="Trần Thị Bình", birth_year=1955, residential_group_id=group,
                                                        address_detail="Số 1 ngõ 2 Trần Thái Tông", household=head.household_id))
    return group, head, wife


def _view(qtbot, gui_ctx):
    page = OutreachPage(gui_ctx)
    page.resize(1366, 768)
    show_active(qtbot, page)
    page.tabs.setCurrentWidget(page.door_to_door)
    return page, page.door_to_door


def _opened(qtbot, gui_ctx):
    """A two-person household, its code opened in the visit entry: (head, wife, entry); the page is kept
    alive on the entry (`entry.page`) for the test's length."""
    _group, head, wife = _household(gui_ctx.app)
    page, view = _view(qtbot, gui_ctx)
    with qtbot.waitSignal(view.entry.found, timeout=5000):
        view.entry.open_code(head.household_code)
    view.entry.page = page
    return head, wife, view.entry


def test_checklist_then_a_visit_in_a_few_keystrokes(qtbot, gui_ctx):
    _group, head, wife = _household(gui_ctx.app)
    page, view = _view(qtbot, gui_ctx)
    qtbot.waitUntil(lambda: view.checklist.topLevelItemCount() == 1, timeout=5000)
    item = view.checklist.topLevelItem(0)
    assert head.household_code in item.text(0) and item.childCount() == 2
    entry = view.entry
    entry.code.setFocus()
    type_text(qtbot, entry.code, head.household_code.lower().replace("-", ""))
    with qtbot.waitSignal(entry.found, timeout=5000):
        qtbot.keyClick(entry.code, Qt.Key.Key_Return)
    qtbot.waitUntil(entry.keys.hasFocus, timeout=5000)
    type_text(qtbot, entry.keys, "23")  # the head helped now, the wife not at home
    assert entry.come_back.isChecked()  # not at home: a date to come back is proposed
    assert not entry.triage.isVisible() and not entry.police_box.isVisible()  # nothing more on the common path
    with qtbot.waitSignal(entry.saved, timeout=5000) as saved:
        qtbot.keyClick(entry.keys, Qt.Key.Key_Return)
    assert saved.args[0].outcomes == {head.id: "da_ho_tro", wife.id: "vang_nha"}
    assert svc.get_resident(gui_ctx.app, head.id).adoption_stage == "da_tao_tai_khoan"
    # the list comes back with the wife only, marked not at home
    qtbot.waitUntil(lambda: view.checklist.topLevelItemCount() == 1
                    and view.checklist.topLevelItem(0).childCount() == 1, timeout=5000)
    assert view.checklist.topLevelItem(0).child(0).text(3) == "Vắng nhà"
    [visit] = visits.visits_of(gui_ctx.app, head.household_id)
    assert visit.next_visit_on is not None


def test_needs_the_police_by_keyboard_shows_the_guide_of_the_reason_picked_and_hands_off(qtbot, gui_ctx):
    head, wife, entry = _opened(qtbot, gui_ctx)
    qtbot.waitUntil(lambda: entry.triage.guides is not None and bool(entry.choices), timeout=5000)
    qtbot.waitUntil(entry.keys.hasFocus, timeout=5000)
    type_text(qtbot, entry.keys, "1")
    assert not entry.triage.isVisible()
    type_text(qtbot, entry.keys, "5")  # the wife needs the police: the guide of the unspecified need at once
    panel = entry.triage
    assert panel.isVisible() and entry.police_box.isVisible()
    assert not entry.page.door_to_door.checklist.isVisible()  # the guide is in the checklist's place meanwhile
    assert "Cần công an hỗ trợ (chưa rõ việc)" in panel.title.text()
    assert "Hỏi cư dân vướng ở đâu" in panel.steps.text() and "chuyển công an" in panel.police.text()
    assert list(entry.reason_boxes) == [wife.id]
    qtbot.keyClick(entry.keys, Qt.Key.Key_Tab)  # the wife's first police reason: no level 2
    assert entry.focusWidget() is entry.reason_boxes[wife.id]["khong_co_vneid_muc_2"]
    qtbot.keyClick(entry.focusWidget(), Qt.Key.Key_Space)
    assert "Chưa có tài khoản VNeID mức 2" in panel.title.text() and "trực tiếp tại công an phường" in panel.steps.text()
    qtbot.keyClick(entry.focusWidget(), Qt.Key.Key_Space)  # un-ticked: the unspecified need's guide again
    assert "chưa rõ việc" in panel.title.text()
    qtbot.keyClick(entry.focusWidget(), Qt.Key.Key_Tab)
    assert entry.focusWidget() is entry.reason_boxes[wife.id]["sai_so_dien_thoai_vneid"]
    qtbot.keyClick(entry.focusWidget(), Qt.Key.Key_Space)  # wrong phone on VNeID
    assert "Số điện thoại trên VNeID không đúng" in panel.title.text()
    assert ["1. Số điện thoại trên VNeID chỉ đổi được tại công an phường."] == [
        line for line in panel.steps.text().replace("<p>", "").split("</p>") if line.startswith("1.")]
    assert "Đổi số điện thoại trên tài khoản VNeID" in panel.police.text()
    if SHOTS:
        QApplication.processEvents()  # the layouts take the guide in before the picture
        entry.page.grab().save(os.path.join(SHOTS, "visit-entry-guide-1366x768.png"))
    with qtbot.waitSignal(entry.saved, timeout=5000) as saved:
        qtbot.keyClick(entry.focusWidget(), Qt.Key.Key_Return)  # Enter on the box saves
    assert saved.args[0].outcomes == {head.id: "da_xong", wife.id: "can_cong_an"}
    assert saved.args[0].handoffs_opened == {wife.id: ("sai_so_dien_thoai_vneid",)}
    assert "Đã tạo phiếu chuyển công an cho Trần Thị Bình" in entry.status.text()
    assert not panel.isVisible() and not entry.police_box.isVisible() and entry.reason_boxes == {}
    assert entry.page.door_to_door.checklist.isVisible()
    [h] = handoffs.list_handoffs(gui_ctx.app, open_only=True)
    assert (h.resident_name, h.reason) == ("Trần Thị Bình", "sai_so_dien_thoai_vneid")
    # the next visit: "needs the police" again, nothing ticked: the need already waits, no second hand-off
    with qtbot.waitSignal(entry.found, timeout=5000):
        entry.open_code(head.household_code)
    type_text(qtbot, entry.keys, "5")  # only the wife is left to reach
    with qtbot.waitSignal(entry.saved, timeout=5000) as saved:
        qtbot.keyClick(entry.keys, Qt.Key.Key_Return)
    assert saved.args[0].handoffs_opened == {}
    assert "Trần Thị Bình: phiếu chuyển công an đang chờ, không tạo thêm" in entry.status.text()
    assert len(handoffs.list_handoffs(gui_ctx.app, open_only=True)) == 1


def test_the_guide_goes_when_the_outcome_changes_from_the_drop_down(qtbot, gui_ctx):
    _head, wife, entry = _opened(qtbot, gui_ctx)
    qtbot.waitUntil(lambda: entry.triage.guides is not None and bool(entry.choices), timeout=5000)
    combo = entry.members.cellWidget(1, 3)
    combo.setCurrentIndex(combo.findData("can_cong_an"))  # by mouse: the same as typing 5
    assert entry.keys.text() == " 5" and entry.triage.isVisible() and list(entry.reason_boxes) == [wife.id]
    entry.reason_boxes[wife.id]["khong_co_vneid_muc_2"].setChecked(True)
    assert entry.police_reasons() == {wife.id: ["khong_co_vneid_muc_2"]}
    combo.setCurrentIndex(combo.findData("vang_nha"))
    assert not entry.triage.isVisible() and not entry.police_box.isVisible() and entry.police_reasons() == {}


def test_a_code_typed_wrong_says_so_beside_the_field(qtbot, gui_ctx):
    _group, head, _wife = _household(gui_ctx.app)
    _page, view = _view(qtbot, gui_ctx)
    entry = view.entry
    code = hc.normalise(head.household_code)
    wrong = code[:-1] + next(c for c in hc.ALPHABET if c != code[-1])
    entry.code.setFocus()
    type_text(qtbot, entry.code, wrong)
    qtbot.keyClick(entry.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Không có hộ nào mang mã" in entry.code_error.text(), timeout=5000)
    assert not entry.save_button.isEnabled()
    entry.save()
    assert "Chưa chọn hộ" in entry.error.text()


def test_more_outcomes_than_members_is_refused_and_nothing_saved(qtbot, gui_ctx):
    head, _wife, entry = _opened(qtbot, gui_ctx)
    entry.keys.setFocus()
    type_text(qtbot, entry.keys, "339")
    qtbot.keyClick(entry.keys, Qt.Key.Key_Return)
    assert "chỉ nhận các số 1 đến 5" in entry.error.text()
    entry.keys.clear()
    type_text(qtbot, entry.keys, "333")
    qtbot.keyClick(entry.keys, Qt.Key.Key_Return)
    assert "2 người cần gặp" in entry.error.text()
    assert visits.visits_of(gui_ctx.app, head.household_id) == []


def test_pdf_from_the_tab(qtbot, gui_ctx, tmp_path):
    _household(gui_ctx.app)
    _page, view = _view(qtbot, gui_ctx)
    qtbot.waitUntil(lambda: view.data is not None and bool(view.data["households"]), timeout=5000)
    view.write_pdf(str(tmp_path / "list.pdf"))
    assert (tmp_path / "list.pdf").read_bytes().startswith(b"%PDF")


# -- the registration form's household field ---------------------------------------------
def _form(qtbot, gui_ctx):
    from desktop.gui.residents.form import ResidentForm

    form = ResidentForm(gui_ctx)
    with qtbot.waitSignal(form.groups_loaded, timeout=5000):
        show_active(qtbot, form)
    return form


def test_registration_form_new_household_then_join_it_by_code(qtbot, gui_ctx):
    form = _form(qtbot, gui_ctx)
    form.full_name.setFocus()
    type_text(qtbot, form.full_name, "Nguyễn Văn An")
    form.group.setCurrentIndex(1)
    form.address.setFocus()
    type_text(qtbot, form.address, "Số 1 ngõ 2")
    qtbot.keyClick(form.address, Qt.Key.Key_Tab)
    assert form.focusWidget() is form.household.search  # Tab reaches the household after the address
    form.household.choice.setCurrentIndex(form.household.choice.findData(hh.NEW_HOUSEHOLD))
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        qtbot.keyClick(form.full_name, Qt.Key.Key_Return)
    head = saved.args[0]
    assert head.household_code
    form.reset()
    type_text(qtbot, form.full_name, "Nguyễn Thị Bình")
    form.household.search.setFocus()
    type_text(qtbot, form.household.search, head.household_code.lower())
    qtbot.waitUntil(lambda: form.household.choice.currentData() == head.household_id, timeout=5000)
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        qtbot.keyClick(form.full_name, Qt.Key.Key_Return)
    assert saved.args[0].household_id == head.household_id
    info = hh.get_household(gui_ctx.app, head.household_id)
    assert {m.full_name for m in info.members} == {"Nguyễn Văn An", "Nguyễn Thị Bình"}
    # editing someone else keeps their household unless another is chosen
    form.edit(svc.get_resident(gui_ctx.app, head.id))
    assert form.household.value() is None


def test_import_dialog_groups_by_address_when_ticked(qtbot, gui_ctx, tmp_path):
    from desktop.gui.residents.page import ResidentsPage

    path = tmp_path / "list.csv"
    path.write_text("Họ và tên,Năm sinh,Tổ dân phố,Địa chỉ\nNguyễn Văn An,1950,Tổ dân phố số 1,Số 1 ngõ 2\n"
                    "Nguyễn Thị Bình,1980,Tổ dân phố số 1,số 1  ngõ 2\n", encoding="utf-8")
    dialog = show_active(qtbot, ResidentsPage(gui_ctx)).open_import()
    with qtbot.waitSignal(dialog.preview_ready, timeout=5000):
        dialog.load_file(str(path))
    with qtbot.waitSignal(dialog.checked, timeout=10000) as sig:
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert sig.args[0].households == 0
    with qtbot.waitSignal(dialog.checked, timeout=10000) as sig:
        dialog.by_address.setChecked(True)  # the user agrees: the check runs again
    assert sig.args[0].households == 1 and "1 hộ mới" in dialog.summary.text()
    with qtbot.waitSignal(dialog.imported, timeout=10000) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert done.args[0].imported == 2 and done.args[0].households == 1
    group = coverage.find_group(gui_ctx.app, "Tổ dân phố số 1")["id"]
    [home] = hh.households_of_group(gui_ctx.app, group)
    assert len(home.members) == 2 and home.head_name == "Nguyễn Văn An"


def test_household_dialog_sets_the_head_moves_out_and_deletes_keeping_people(qtbot, gui_ctx):
    head, wife, entry = _opened(qtbot, gui_ctx)
    dialog = entry.edit_household()
    qtbot.waitUntil(lambda: dialog.info is not None, timeout=5000)
    dialog.members.selectRow(1)  # the wife (the eldest is first)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.set_head()
    assert hh.get_household(gui_ctx.app, head.household_id).head_resident_id == wife.id
    dialog.members.selectRow(0)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.move_out()
    assert svc.get_resident(gui_ctx.app, head.id).household_id is None
    with qtbot.waitSignal(dialog.changed, timeout=5000):
        dialog.delete(confirmed=True)
    assert "1 người vẫn còn" in dialog.status.text()
    assert svc.get_resident(gui_ctx.app, wife.id).household_id is None and svc.count_residents(gui_ctx.app) == 2
