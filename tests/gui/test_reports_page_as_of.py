"""The reports page for a past month: the dashboard shows the figures as they stood at the
month's end (records in tests/support/as_of_fixture.py, computed by hand in
tests/unit/test_reports_as_of.py), an empty group reads "Chưa có số liệu", and the exported
report is titled by the month."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from tests.gui.helpers import open_reports_page
from tests.support.as_of_fixture import build_as_of_ward


@pytest.fixture
def october(qtbot, gui_ctx):
    build_as_of_ward(gui_ctx.app)
    return open_reports_page(qtbot, gui_ctx, date(2026, 10, 1), date(2026, 10, 31), size=(1366, 768))


def test_past_month_on_the_dashboard(october):
    summary = october.summary.text()
    # by 31/10: 8 of 16 aware (50%), 4 installed (25%), 1 account = 6.25% -> 6,3%
    assert "Cư dân: <b>16</b>" in summary and "Đã biết: <b>50%</b>" in summary
    assert "Đã tạo tài khoản: <b>6,3%</b>" in summary
    assert "Tin truyền thông gần nhất: 29/10/2026 (2 ngày trước)" in summary and "quá 3 ngày" not in summary
    rows = {r[0]: r for r in october.groups_chart.cell_texts()}
    # G1 6/10 aware, 4/10 installed, 1/10 account; Thôn Đông has nobody
    assert rows["Tổ dân phố số 1"][1:8] == ["10", "6", "60%", "4", "40%", "1", "10%"]
    assert rows["Thôn Đông"][1:8] == ["0", "0", "Chưa có số liệu", "0", "Chưa có số liệu", "0", "Chưa có số liệu"]
    assert rows["Thôn Đông"][11] == "Chưa có số liệu"  # no number short for nobody (not "0": met)
    assert october.groups_chart.series["Đã tạo tài khoản"] == [10.0, 0.0, 0.0]
    # sessions: 4 started in October, 1 successful of 3 finished (the 31/10 23:00 one was still going)
    assert "Trong kỳ: 4 lượt hỗ trợ; thành công 1" in october.help_label.text()
    assert "33,3%" in october.help_label.text()
    # complaints as of 01/11 00:00: K4 overdue; acceptance 2/3, handling 1/2
    text = october.complaints_label.text()
    assert "quá hạn đến hết kỳ: 1" in text and "2/3 (66,7%)" in text and "1/2 (50%)" in text


def test_past_month_exported_under_its_own_title(qtbot, october, tmp_path):
    panel = october.export_panel
    october.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: panel.loaded, timeout=5000)
    out = tmp_path / "thang10.xlsx"
    with qtbot.waitSignal(panel.exported, timeout=20000):
        panel.export("xlsx", str(out))
    cells = [c.value for row in load_workbook(out).active.iter_rows() for c in row if c.value is not None]
    assert "(Tháng 10 năm 2026)" in cells
    assert any(isinstance(c, str) and c.startswith("Tổng số cư dân trong danh sách của tổ: 16. Đến hết kỳ báo cáo: 8 người")
               for c in cells)
