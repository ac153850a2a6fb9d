"""The reports page: charts and their tables from the one source of numbers, the date range,
refresh on change, and export of the official report by keyboard."""

from __future__ import annotations

from datetime import date

import pdfplumber
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from desktop.gui.reports.page import ReportsPage
from desktop.services.outreach import communications
from desktop.services.reports.official_report import load_inputs
from tests.gui.helpers import open_reports_page, type_text
from tests.support.report_fixture import build_report_ward


def loaded(page: ReportsPage, start: str):
    return lambda: page.figures is not None and page.figures["period"]["from"] == start


@pytest.fixture
def page(qtbot, gui_ctx):
    build_report_ward(gui_ctx.app)
    return open_reports_page(qtbot, gui_ctx, date(2026, 11, 23), date(2026, 11, 29))


def test_charts_and_tables_show_the_same_hand_computed_numbers(page):
    groups = page.groups_chart
    # the chart draws what the table lists: accounts 1/4, 1/3, 1/2, 0/1 per group
    assert groups.series["Đã tạo tài khoản"] == [25.0, 33.3, 50.0, 0.0]
    rows = groups.cell_texts()
    assert rows[2][:8] == ["Thôn Đông", "2", "2", "100%", "2", "100%", "1", "50%"]
    assert "Cư dân: <b>10</b>" in page.summary.text() and "Đã biết: <b>80%</b>" in page.summary.text()
    officials = page.target_chart.cell_texts()[0]
    assert officials[0] == "Cán bộ, công chức, viên chức" and officials[8:10] == ["100", "30/07/2026"]
    days = page.days_chart
    assert sum(days.series["Lượt hỗ trợ"]) == 7 and len(days.series["Lượt hỗ trợ"]) == 30
    assert page.campaign_chart.cell_texts()[0] == ["Điểm hỗ trợ siêu thị Big C", "3", "1", "33,3%"]
    assert page.reasons_chart.cell_texts()[0] == ["Không nhận được mã OTP", "2"]
    statuses = dict(page.status_chart.cell_texts())
    assert statuses["Đang xử lý"] == "1" and statuses["Đã đánh giá"] == "1"
    assert "66,7%" in page.complaints_label.text() and "33,3%" in page.complaints_label.text()
    assert "quá 3 ngày chưa đăng tin" in page.summary.text()


def test_typing_a_date_range_recomputes(qtbot, page):
    page.preset.setFocus()
    qtbot.keyClick(page.preset, Qt.Key.Key_Tab)  # Tab into a date field selects its day
    assert page.date_from.hasFocus()
    qtbot.keyClicks(page.date_from, "26/11/2026")
    qtbot.keyClick(page.date_from, Qt.Key.Key_Tab)
    assert page.date_to.hasFocus()
    qtbot.keyClicks(page.date_to, "26/11/2026")
    qtbot.waitUntil(loaded(page, "2026-11-26"), timeout=10000)
    assert page.figures["period"]["to"] == "2026-11-26"
    assert page.preset.currentData() == "custom" and page.report_kind() == "daily"
    assert page.figures["help_sessions"]["total"] == 2  # the two evening sessions of 26/11


def test_a_write_elsewhere_refreshes_the_figures(qtbot, page, gui_ctx):
    assert page.figures["communications"]["items_in_period"] == 1
    gui_ctx.write(communications.add_item, date(2026, 11, 28), "Hướng dẫn gửi phản ánh")
    qtbot.waitUntil(lambda: page.figures["communications"]["items_in_period"] == 2, timeout=10000)


def test_f5_refreshes(qtbot, page):
    page.figures = None
    qtbot.keyClick(page, Qt.Key.Key_F5)
    qtbot.waitUntil(loaded(page, "2026-11-23"), timeout=10000)


def test_export_panel_by_keyboard_writes_pdf_and_xlsx(qtbot, page, gui_ctx, tmp_path):
    panel = page.export_panel
    page.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: panel.loaded, timeout=5000)
    panel.number.setFocus()
    type_text(qtbot, panel.number, "21")
    qtbot.keyClick(panel.number, Qt.Key.Key_Tab)
    assert panel.difficulties.hasFocus()
    type_text(qtbot, panel.difficulties, "Người cao tuổi ở thôn Đông thiếu điện thoại thông minh")
    qtbot.keyClick(panel.difficulties, Qt.Key.Key_Tab)
    type_text(qtbot, panel.proposals, "Đề nghị cấp thêm máy tính bảng")
    qtbot.keyClick(panel.proposals, Qt.Key.Key_Tab)
    qtbot.keyClick(panel.recipients, Qt.Key.Key_Tab)
    assert panel.signer_title.hasFocus()
    type_text(qtbot, panel.signer_title, "Tổ trưởng")
    qtbot.keyClick(panel.signer_title, Qt.Key.Key_Tab)
    type_text(qtbot, panel.signer_name, "Nguyễn Thị Hồng")

    pdf = tmp_path / "tuan.pdf"
    with qtbot.waitSignal(panel.exported, timeout=20000) as sig:
        panel.export("pdf", str(pdf))
    assert sig.args == [str(pdf)]
    with pdfplumber.open(pdf) as doc:
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in doc.pages)
    assert "Số: 21/BC-TCĐS" in text
    assert "Người cao tuổi ở thôn Đông thiếu điện thoại thông minh" in text
    assert "TỔ TRƯỞNG" in text and "Nguyễn Thị Hồng" in text
    assert "(Tuần từ ngày 23/11/2026 đến ngày 29/11/2026)" in text  # Monday to Sunday: a week

    xlsx = tmp_path / "tuan.xlsx"
    with qtbot.waitSignal(panel.exported, timeout=20000):
        panel.export("xlsx", str(xlsx))
    cells = [c.value for row in load_workbook(xlsx).active.iter_rows() for c in row if c.value is not None]
    assert "Số: 21/BC-TCĐS" in cells
    assert load_inputs(gui_ctx.app).proposals == "Đề nghị cấp thêm máy tính bảng"  # remembered for next time
    assert "Đã ghi báo cáo" in panel.status.text()


def test_export_to_an_unwritable_place_says_so(qtbot, page, tmp_path):
    panel = page.export_panel
    with qtbot.waitSignal(panel.failed, timeout=20000) as sig:
        panel.export("xlsx", str(tmp_path / "no-such-folder" / "x.xlsx"))
    assert "Không ghi được báo cáo" in sig.args[0]
    assert panel.xlsx_button.isEnabled()


def test_ctrl_shift_e_opens_the_export_panel_from_anywhere_on_the_page(qtbot, page):
    page.preset.setFocus()  # the period box, outside the tabs (where the page opens)
    qtbot.keyClick(page.preset, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert page.tabs.currentWidget().isAncestorOf(page.export_panel)
