"""Colours as roles (issue 17 item 7): item models and charts take their colours from the one palette
(desktop/gui/palette.py) that follows the look, so in high contrast an overdue complaint row, an unsure
import column and the report charts stay readable; no colour is written anywhere else under desktop/gui."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

import desktop.gui.palette as palette_module
from desktop.core.working_calendar import VN_TZ
from desktop.gui import palette
from desktop.gui.appearance import appearance_for
from desktop.services.residents import files as rf
from tests.gui.helpers import show_active
from tests.gui.shell_helpers import platform_look  # noqa: F401 - fixture: app-wide look put back
from tests.gui.test_appearance import contrast
from tests.gui.test_complaints_gui import page_with_one

GUI = Path(palette_module.__file__).parent
BG, FG = Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole

# A colour written in code: hex in a string, rgb()/hsl(), a QColor/QBrush/pen made from a literal or a
# named Qt colour, a named colour in a style sheet, pyqtgraph's one-letter colours.
_LITERALS = [
    re.compile(r"""["'][^"'\n]*#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b"""),
    re.compile(r"\b(?:rgba?|hsla?|hsva?)\(\s*\d"),
    re.compile(r"""\bQ(?:Color|Brush|Pen)\(\s*(?:["'\d]|Qt\.)"""),
    re.compile(r"\bQt\.(?:GlobalColor\.)?(?:white|black|red|darkRed|green|darkGreen|blue|darkBlue|cyan|magenta|yellow|"
               r"darkYellow|gray|darkGray|lightGray)\b"),
    re.compile(r"\bQColor\.from(?:Rgb|RgbF|Hsv|HsvF|Hsl|String)\("),
    re.compile(r"""\b(?:mkPen|mkBrush|mkColor|setBackground|setForeground)\(\s*["'\d(]"""),
    re.compile(r"""\b(?:background|foreground|color|brush|pen)\s*=\s*["'](?:[a-z]|#)"""),
    re.compile(r"(?:^|[;{\s\"'])(?:color|background(?:-color)?|border(?:-color)?)\s*:[^;}\"']*\b(?:white|black|red|green|"
               r"blue|yellow|orange|gray|grey|silver|navy|maroon|purple)\b"),
]


def colour_literals(root: Path) -> list[str]:
    """`file:line: text` for every colour written outside the palette module."""
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.name == "palette.py" and path.parent == root:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("  #", 1)[0] if not line.lstrip().startswith("#") else ""
            if any(p.search(code) for p in _LITERALS):
                found.append(f"{path.relative_to(root)}:{n}: {line.strip()}")
    return found


def test_no_colour_is_written_outside_the_palette():
    assert colour_literals(GUI) == []


@pytest.mark.parametrize("line", [
    'OVERDUE = QColor("#fde2e1")',
    "        item.setBackground(QColor(255, 241, 194))",
    '    pen = pg.mkPen("#c0392b", width=2)',
    '    pen = pg.mkPen("r", width=2)',
    "    brush = QBrush(Qt.GlobalColor.yellow)",
    '    label.setText(f"<span style=\'color: red\'>{x}</span>")',
    '    pg.setConfigOptions(background="w")',
    '    sheet = "QFrame { background: rgb(255, 0, 0); }"',
])
def test_the_colour_check_catches_a_new_literal(tmp_path, line):
    (tmp_path / "palette.py").write_text('ERROR = "#b00020"\n', encoding="utf-8")  # the palette itself is allowed
    (tmp_path / "views").mkdir()
    (tmp_path / "views" / "page.py").write_text(f"def f():\n{line}\n", encoding="utf-8")
    assert colour_literals(tmp_path) == [f"views/page.py:2: {line.strip()}"]


def _overdue_model(qtbot, gui_ctx):
    page, late = page_with_one(qtbot, gui_ctx, "Đèn đường hỏng đã lâu", datetime.now(VN_TZ) - timedelta(days=20))
    return page, page.model.index(page.model.row_of(late), 0)


def _colours(index) -> tuple[QColor, QColor]:
    return index.data(BG).color(), index.data(FG).color()


def test_overdue_rows_read_in_high_contrast_and_follow_the_look(qtbot, gui_ctx):
    appearance = appearance_for(gui_ctx)
    appearance.set_high_contrast(False)
    page, row = _overdue_model(qtbot, gui_ctx)
    normal_bg, normal_fg = _colours(row)
    assert contrast(normal_bg, normal_fg) >= 4.5
    appearance.set_high_contrast(True)
    bg, fg = _colours(row)
    assert (bg, fg) != (normal_bg, normal_fg)  # asked again after the switch: the new look's colours
    assert contrast(bg, fg) >= 4.5, (bg.name(), fg.name())
    assert bg != QColor("#000000")  # still stands out from the ordinary (black) rows
    page.table.viewport().grab()  # drawn in the new look without trouble
    appearance.set_high_contrast(False)
    assert _colours(row) == (normal_bg, normal_fg)


def test_unsure_import_columns_read_in_high_contrast_and_follow_the_look(qtbot, gui_ctx, tmp_path):
    from desktop.gui.residents.import_dialog import ImportDialog

    appearance = appearance_for(gui_ctx)
    appearance.set_high_contrast(False)
    dialog = ImportDialog(gui_ctx)
    qtbot.addWidget(dialog)
    dialog._show_preview(rf.FilePreview(path=str(tmp_path / "ds.csv"), headers=["Họ tên", "Ghi chú ĐT"], header_row=1,
                                        mapping={0: "full_name"}, unsure=[1], sample=[["Lê Văn An", "0912"]],
                                        total_rows=1, encoding="utf-8"))
    model = dialog.columns.model()
    sure, unsure = model.index(0, 0), model.index(1, 1)
    assert sure.data(BG) is None
    normal = _colours(unsure)
    assert contrast(*normal) >= 4.5
    appearance.set_high_contrast(True)
    bright = _colours(unsure)
    assert bright != normal and contrast(*bright) >= 4.5, [c.name() for c in bright]
    appearance.set_high_contrast(False)
    assert _colours(unsure) == normal


def test_charts_take_the_palette_and_redraw_in_high_contrast(qtbot, gui_ctx):
    from desktop.gui.reports.charts import ChartPanel

    appearance = appearance_for(gui_ctx)
    appearance.set_high_contrast(False)
    hidden = ChartPanel("Theo nhóm")  # on a tab not opened yet when the look changes
    qtbot.addWidget(hidden)
    hidden.bars(["Tổ 1", "Tổ 2"], [("Đã cài", [40, 60])], target=70)
    panel = show_active(qtbot, ChartPanel("Lượt hỗ trợ mỗi ngày"))
    panel.line(["01/12", "02/12"], [("Thành công", [3, 5]), ("Chưa xong", [1, 2])])
    normal = panel.colours()
    assert normal["background"] == palette.colour("chart_background", False)
    assert [normal["Thành công"], normal["Chưa xong"]] == palette.series_colours(False)[:2]
    appearance.set_high_contrast(True)
    bright = panel.colours()
    assert bright["background"] == QColor("#000000")
    for name in ("Thành công", "Chưa xong"):
        assert contrast(bright[name], bright["background"]) >= 4.5, name
    assert panel.series == {"Thành công": [3.0, 5.0], "Chưa xong": [1.0, 2.0]}  # same numbers, redrawn
    show_active(qtbot, hidden)
    assert hidden.colours()["background"] == QColor("#000000")
    assert hidden.colours()["Đã cài"] == palette.series_colours(True)[0]
    appearance.set_high_contrast(False)
    assert panel.colours() == normal


def test_rich_text_in_the_complaint_detail_is_rewritten_in_the_new_look(qtbot, gui_ctx):
    """Rich text takes role colours when written (style sheets do not reach it): switching the look writes it again."""
    appearance = appearance_for(gui_ctx)
    appearance.set_high_contrast(False)
    page, _ = page_with_one(qtbot, gui_ctx, "Đèn đường hỏng ở ngõ 12", datetime.now(VN_TZ) - timedelta(hours=1))
    with qtbot.waitSignal(page.detail.loaded, timeout=10000):
        page.table.selectRow(0)
    hint_normal, hint_bright = palette.COLOURS["hint"]
    assert hint_normal in page.detail.info.text()
    appearance.set_high_contrast(True)
    assert hint_bright in page.detail.info.text() and hint_normal not in page.detail.info.text()
    appearance.set_high_contrast(False)
    assert hint_normal in page.detail.info.text()
