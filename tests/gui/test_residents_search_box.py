"""Search as you type: results off the UI thread, stale answers dropped, Down/Enter to choose."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.gui.residents.search_box import ResidentSearchBox
from desktop.services.residents import residents as svc
from tests.gui.helpers import show_active, type_text


def seed(ctx):
    for name, phone in [("Nguyễn Thị Thuỷ", "0912345678"), ("Đặng Văn Đức", "0987111222"), ("Lê Hoà", None)]:
        svc.register_resident(ctx, svc.ResidentInput(full_name=name, phone=phone))


def test_type_then_down_enter_chooses(qtbot, gui_ctx):
    seed(gui_ctx.app)
    box = show_active(qtbot, ResidentSearchBox(gui_ctx))
    box.edit.setFocus()
    with qtbot.waitSignal(box.results_shown, timeout=5000, check_params_cb=lambda n: n == 1):
        type_text(qtbot, box.edit, "dang d")
    assert "Đặng Văn Đức" in box.results.item(0).text()
    assert "0987 *** 222" in box.results.item(0).text()
    qtbot.keyClick(box.edit, Qt.Key.Key_Down)
    assert box.results.hasFocus()
    with qtbot.waitSignal(box.chosen, timeout=2000) as chosen:
        qtbot.keyClick(box.results, Qt.Key.Key_Return)
    assert chosen.args[0].full_name == "Đặng Văn Đức"


def test_enter_in_line_edit_takes_first_and_digits_work(qtbot, gui_ctx):
    seed(gui_ctx.app)
    box = show_active(qtbot, ResidentSearchBox(gui_ctx))
    with qtbot.waitSignal(box.results_shown, timeout=5000, check_params_cb=lambda n: n == 1):
        type_text(qtbot, box.edit, "345678")
    with qtbot.waitSignal(box.chosen, timeout=2000) as chosen:
        qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    assert chosen.args[0].full_name == "Nguyễn Thị Thuỷ"


def test_stale_answers_dropped(qtbot, gui_ctx):
    seed(gui_ctx.app)
    box = show_active(qtbot, ResidentSearchBox(gui_ctx))
    shown = []
    box.results_shown.connect(shown.append)
    for query in ("ng", "ngu", "le hoa"):  # three queries in flight; only the last may land
        box._search(query)
    qtbot.waitUntil(lambda: gui_ctx.tasks.pending_count() == 0, timeout=5000)
    assert shown == [1]
    assert box.results.count() == 1 and "Lê Hoà" in box.results.item(0).text()
    # typing that has not settled is not searched at all (a scanner's burst never is)
    shown.clear()
    with qtbot.waitSignal(box.results_shown, timeout=5000):
        for text in ("d", "da", "dang"):
            box.edit.setText(text)
    qtbot.waitUntil(lambda: gui_ctx.tasks.pending_count() == 0, timeout=5000)
    assert shown == [1]


def test_no_match_says_so_and_escape_clears(qtbot, gui_ctx):
    seed(gui_ctx.app)
    box = show_active(qtbot, ResidentSearchBox(gui_ctx))
    with qtbot.waitSignal(box.results_shown, timeout=5000):
        type_text(qtbot, box.edit, "xyz")
    assert "Không tìm thấy" in box.hint.text()
    qtbot.keyClick(box.edit, Qt.Key.Key_Escape)
    assert box.edit.text() == "" and box.results.count() == 0


def test_new_registration_refreshes_open_results(qtbot, gui_ctx):
    seed(gui_ctx.app)
    box = show_active(qtbot, ResidentSearchBox(gui_ctx))
    with qtbot.waitSignal(box.results_shown, timeout=5000):
        type_text(qtbot, box.edit, "hoa")
    assert box.results.count() == 1
    with qtbot.waitSignal(box.results_shown, timeout=5000, check_params_cb=lambda n: n == 2):
        gui_ctx.write(svc.register_resident, svc.ResidentInput(full_name="Trịnh Hoà"))  # the data layer tells the kinds
