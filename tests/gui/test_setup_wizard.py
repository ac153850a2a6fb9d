"""First run: the wizard by keyboard, diacritic-free search, legacy ward names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop.gui.setup_wizard import SetupWizard
from desktop.services import ward_setup
from tests.gui.helpers import type_text


def make_wizard(qtbot, bare_ctx):
    from desktop.gui.context import ChangeBus, GuiContext
    from desktop.gui.worker import TaskRunner

    gui = GuiContext(bare_ctx, TaskRunner(), ChangeBus())
    wizard = SetupWizard(gui)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def test_hanoi_first_with_its_126_wards(qtbot, bare_ctx):
    wizard = make_wizard(qtbot, bare_ctx)
    page = wizard.ward_page
    assert page.province.currentText() == "Thành phố Hà Nội"
    assert page.results.count() == 126


def test_search_without_diacritics_finds_ward(qtbot, bare_ctx):
    wizard = make_wizard(qtbot, bare_ctx)
    page = wizard.ward_page
    qtbot.keyClicks(page.search, "dong da")
    assert page.results.item(0).text() == "Phường Đống Đa"
    page.search.clear()
    qtbot.keyClicks(page.search, "cau giay")
    assert [page.results.item(i).text() for i in range(page.results.count())] == ["Phường Cầu Giấy"]
    assert page.isComplete()


def test_pre_2025_ward_points_to_current(qtbot, bare_ctx):
    wizard = make_wizard(qtbot, bare_ctx)
    page = wizard.ward_page
    qtbot.keyClicks(page.search, "Truc Bach")
    assert "Quận Ba Đình" in page.hint.text() and "Phường Ba Đình" in page.hint.text()
    assert page.selected_ward().name == "Phường Ba Đình"


def test_whole_wizard_by_keyboard_saves_ward_and_groups(qtbot, bare_ctx):
    wizard = make_wizard(qtbot, bare_ctx)
    qtbot.keyClicks(wizard.ward_page.search, "cau giay")
    qtbot.keyClick(wizard.ward_page.search, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.team_page
    team = wizard.team_page
    team.team.setFocus()
    type_text(qtbot, team.team, "Tổ CĐS Cầu Giấy")
    team.groups.setFocus()
    type_text(qtbot, team.groups, "1. Tổ dân phố số 1\n- Tổ dân phố số 2")
    assert team.count.text() == "2 tổ dân phố / thôn"
    wizard.next()
    assert wizard.currentPage() is wizard.summary_page
    assert "Phường Cầu Giấy" in wizard.summary_page.summary.text()
    with qtbot.waitSignal(wizard.completed, timeout=10000) as sig:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert sig.args[0].ward_name == "Phường Cầu Giấy"
    info = ward_setup.ward_info(bare_ctx)
    assert info.team_name == "Tổ CĐS Cầu Giấy"
    assert [g.name for g in ward_setup.residential_groups(bare_ctx)] == ["Tổ dân phố số 1", "Tổ dân phố số 2"]
    wizard.gui.tasks.shutdown()
