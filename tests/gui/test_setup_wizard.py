"""First run: the wizard by keyboard, diacritic-free search, legacy ward names."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop.gui.setup_wizard import SetupWizard
from desktop.services.setup import ward_setup
from tests.gui.helpers import type_text


@pytest.fixture
def make_wizard():
    """make_wizard(qtbot, ctx): the wizard on screen over ctx; its task runner is shut down after the test."""
    from desktop.gui.context import ChangeBus, GuiContext
    from desktop.gui.worker import TaskRunner

    runners = []

    def make(qtbot, bare_ctx):
        runners.append(TaskRunner())
        wizard = SetupWizard(GuiContext(bare_ctx, runners[-1], ChangeBus()))
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        return wizard

    yield make
    for runner in runners:
        runner.shutdown()


def test_hanoi_first_with_its_126_wards(qtbot, bare_ctx, make_wizard):
    wizard = make_wizard(qtbot, bare_ctx)
    page = wizard.ward_page
    assert page.province.currentText() == "Thành phố Hà Nội"
    assert page.results.count() == 126


def test_search_without_diacritics_finds_ward(qtbot, bare_ctx, make_wizard):
    wizard = make_wizard(qtbot, bare_ctx)
    page = wizard.ward_page
    qtbot.keyClicks(page.search, "dong da")
    assert page.results.item(0).text() == "Phường Đống Đa"
    page.search.clear()
    qtbot.keyClicks(page.search, "cau giay")
    assert [page.results.item(i).text() for i in range(page.results.count())] == ["Phường Cầu Giấy"]
    assert not page.isComplete()  # found, not yet chosen
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.isComplete() and page.selected_ward().name == "Phường Cầu Giấy"


def test_pre_2025_ward_points_to_current(qtbot, bare_ctx, make_wizard):
    wizard = make_wizard(qtbot, bare_ctx)
    page = wizard.ward_page
    qtbot.keyClicks(page.search, "Truc Bach")
    assert "Quận Ba Đình" in page.hint.text() and "Phường Ba Đình" in page.hint.text()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.selected_ward().name == "Phường Ba Đình"


def choose_ward(qtbot, wizard, query: str = "cau giay") -> None:
    qtbot.keyClicks(wizard.ward_page.search, query)
    qtbot.keyClick(wizard.ward_page.search, Qt.Key.Key_Down)
    qtbot.keyClick(wizard.ward_page.results, Qt.Key.Key_Return)


def test_whole_wizard_by_keyboard_saves_ward_and_groups(qtbot, bare_ctx, make_wizard):
    wizard = make_wizard(qtbot, bare_ctx)
    choose_ward(qtbot, wizard)
    assert wizard.currentPage() is wizard.team_page
    team = wizard.team_page
    team.team.setFocus()
    type_text(qtbot, team.team, "Tổ CĐS Cầu Giấy")
    team.groups.setFocus()
    type_text(qtbot, team.groups, "1. Tổ dân phố số 1\n- Tổ dân phố số 2")
    assert team.count.text() == "2 tổ dân phố / thôn"
    qtbot.keyClick(team.groups, Qt.Key.Key_Tab)
    assert wizard.focusWidget() is wizard.button(QWizard.WizardButton.NextButton)  # not «< Quay lại»
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.admin_page
    fill_admin(qtbot, wizard)
    assert wizard.currentPage() is wizard.summary_page
    assert "Quản trị: Nguyễn Thị Hoa" in wizard.summary_page.summary.text()
    assert "Phường Cầu Giấy" in wizard.summary_page.summary.text()
    summary = wizard.summary_page
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled() and wizard.focusWidget() is summary.confirm
    qtbot.keyClick(summary.confirm, Qt.Key.Key_Return)  # Enter never finishes
    wizard.gui.tasks.wait_for_writes()
    assert wizard.isVisible() and ward_setup.ward_info(bare_ctx) is None
    qtbot.keyClick(summary.confirm, Qt.Key.Key_Space)
    assert finish.isEnabled()
    with qtbot.waitSignal(wizard.completed, timeout=10000) as sig:
        finish.click()
    assert sig.args[0].ward_name == "Phường Cầu Giấy"
    info = ward_setup.ward_info(bare_ctx)
    assert info.team_name == "Tổ CĐS Cầu Giấy"
    assert [g.name for g in ward_setup.residential_groups(bare_ctx)] == ["Tổ dân phố số 1", "Tổ dân phố số 2"]
    from desktop.services.people import operators

    [admin] = operators.list_operators(bare_ctx)
    assert (admin.name, admin.role, admin.secret_kind) == ("Nguyễn Thị Hoa", "quan_tri", "password")
    assert operators.current(bare_ctx).name == "Nguyễn Thị Hoa"  # signed in: the work starts at once
    assert operators.sign_in_by_name(bare_ctx, "nguyen thi hoa", ADMIN_PASSWORD).role == "quan_tri"
    wizard.gui.tasks.shutdown()


ADMIN_PASSWORD = "hoa-quan-tri-2026"



def fill_admin(qtbot, wizard, password: str = ADMIN_PASSWORD, confirm: str | None = None) -> None:
    page = wizard.admin_page
    page.name.setFocus()
    type_text(qtbot, page.name, "Nguyễn Thị Hoa")
    qtbot.keyClicks(page.secret, password)
    qtbot.keyClicks(page.confirm, password if confirm is None else confirm)
    qtbot.keyClick(page.confirm, Qt.Key.Key_Return)  # Enter goes on


def test_the_first_admin_step_says_what_is_wrong(qtbot, bare_ctx, make_wizard):
    wizard = make_wizard(qtbot, bare_ctx)
    choose_ward(qtbot, wizard)
    type_text(qtbot, wizard.team_page.team, "Tổ CĐS Cầu Giấy")
    wizard.next()
    page = wizard.admin_page
    assert wizard.currentPage() is page and not page.isComplete()
    fill_admin(qtbot, wizard, "ngan", "ngan")
    assert wizard.currentPage() is page
    assert page.error.text() == "Mật khẩu phải có ít nhất 8 ký tự."
    page.secret.clear()
    page.confirm.clear()
    qtbot.keyClicks(page.secret, ADMIN_PASSWORD)
    qtbot.keyClicks(page.confirm, ADMIN_PASSWORD + "x")
    qtbot.keyClick(page.confirm, Qt.Key.Key_Return)
    assert wizard.currentPage() is page and "không khớp" in page.error.text()
    page.kind.setCurrentIndex(page.kind.findData("pin"))
    for weak, why in (("123456", "liên tiếp"), ("000000", "lặp lại"), ("150890", "ngày tháng năm")):
        page.secret.clear()
        page.confirm.clear()
        qtbot.keyClicks(page.secret, weak)
        qtbot.keyClicks(page.confirm, weak)
        qtbot.keyClick(page.confirm, Qt.Key.Key_Return)
        assert wizard.currentPage() is page and why in page.error.text()
    page.secret.clear()
    page.confirm.clear()
    qtbot.keyClicks(page.secret, "246810")
    qtbot.keyClicks(page.confirm, "246810")
    qtbot.keyClick(page.confirm, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.summary_page
    wizard.resize(640, 520)
    wizard.back()
    wizard.grab().save("/tmp/shots/setup_wizard_admin.png")
    wizard.gui.tasks.shutdown()


def test_a_folder_without_any_operator_asks_for_the_first_admin_at_start(qtbot, app_ctx, data_dir):
    """A data folder from before operators existed (or `init` without --admin-name)."""
    from desktop.gui.app import Application
    from desktop.services.people import operators

    assert not operators.has_operators(app_ctx)
    app = Application(str(data_dir))
    with qtbot.waitSignal(app.ready, timeout=20000) as sig:
        app.start()
    window = sig.args[0]
    qtbot.addWidget(window)
    window.resize(900, 600)
    lock = window.idle_lock
    qtbot.waitUntil(lambda: lock.is_locked and lock.overlay.isVisible())
    panel = lock.overlay.panel
    qtbot.waitUntil(lambda: panel.first_run and panel.name.isVisible())
    assert panel.title.text() == "Tạo tài khoản quản trị đầu tiên"
    laid_out = (panel.secret_label, panel.button)
    qtbot.waitUntil(lambda: all(w.width() >= w.sizeHint().width() for w in laid_out))
    window.grab().save("/tmp/shots/start_first_admin.png")
    type_text(qtbot, panel.name, "Nguyễn Thị Hoa")
    qtbot.keyClicks(panel.secret, ADMIN_PASSWORD)
    qtbot.keyClicks(panel.confirm, ADMIN_PASSWORD)
    with qtbot.waitSignal(lock.unlocked, timeout=10000):
        qtbot.keyClick(panel.confirm, Qt.Key.Key_Return)
    assert app.gui.app.actor == "Nguyễn Thị Hoa"
    assert [o.role for o in operators.list_operators(app.gui.app)] == ["quan_tri"]
    app.shutdown()


def test_enter_on_the_first_page_chooses_nothing_and_an_empty_team_name_is_refused(qtbot, bare_ctx, make_wizard):
    """#17 item 5: Enter on page 1 accepted the pre-selected «Phường Ba Đình»; an empty team name was accepted."""
    wizard = make_wizard(qtbot, bare_ctx)
    page = wizard.ward_page
    assert page.selected_ward() is None and page.results.count() == 126
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert wizard.currentPage() is page
    choose_ward(qtbot, wizard, "dong da")
    assert wizard.currentPage() is wizard.team_page
    team = wizard.team_page
    qtbot.keyClicks(team.team, "   ")
    qtbot.keyClick(team.team, Qt.Key.Key_Return)
    assert wizard.currentPage() is team and "Chưa nhập tên tổ CĐS" in team.error.text()
    type_text(qtbot, team.team, "Tổ CĐS Đống Đa")
    qtbot.keyClick(team.team, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.admin_page
    fill_admin(qtbot, wizard)  # Enter on the admin page: one page on, to the summary, not finished
    wizard.gui.tasks.wait_for_writes()
    assert wizard.currentPage() is wizard.summary_page and ward_setup.ward_info(bare_ctx) is None
    qtbot.keyClick(wizard.summary_page.confirm, Qt.Key.Key_Return)
    wizard.gui.tasks.wait_for_writes()
    assert wizard.currentPage() is wizard.summary_page and ward_setup.ward_info(bare_ctx) is None
    wizard.gui.tasks.shutdown()
