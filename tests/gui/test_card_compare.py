"""The side-by-side correction of a record from a scanned card, driven by the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.card_qr import parse_card_qr
from desktop.gui.residents.card_compare import CardCompareDialog
from desktop.services.residents import residents as svc
from desktop.services.residents.card import match_card
from tests.gui.shell_helpers import platform_look  # noqa: F401 - fixture: app-wide look put back

AN = "001090012345|012345678|Nguyễn Văn An|01011990|Nam|Số 5 ngõ 12 phố Dịch Vọng, Cầu Giấy, Hà Nội|15082021"


def test_untick_one_row_and_correct_the_rest(qtbot, gui_ctx):
    r = svc.register_resident(gui_ctx.app, svc.ResidentInput(full_name="Nguyen Van An", birth_year=1990, sex="nam",
                                                             address_detail="Dịch Vọng"),
                              confirmed_warnings=True)  # typed without diacritics: confirmed
    card = parse_card_qr(AN)
    match = match_card(gui_ctx.app, card)
    dialog = CardCompareDialog(gui_ctx, match, card)
    qtbot.addWidget(dialog)
    dialog.show()
    rows = {dialog.table.item(i, 0).data(Qt.ItemDataRole.UserRole): i for i in range(dialog.table.rowCount())}
    assert set(rows) == {"full_name", "birth_date", "cccd", "cmnd", "address_detail"}
    assert dialog.table.item(rows["full_name"], 1).text() == "Nguyễn Văn An"
    assert dialog.table.item(rows["full_name"], 2).text() == "Nguyen Van An"
    # keep the record's address: move to its row and press Space (the keyboard toggles the tick)
    dialog.table.setCurrentCell(rows["address_detail"], 0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert "address_detail" not in dialog.chosen_fields()
    with qtbot.waitSignal(dialog.corrected, timeout=10000) as sig:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    fixed = sig.args[0]
    assert fixed.full_name == "Nguyễn Văn An" and fixed.cccd == "001090012345" and fixed.cmnd == "012345678"
    assert fixed.address_detail == "Dịch Vọng"
    assert svc.get_resident(gui_ctx.app, r.id).full_name == "Nguyễn Văn An"


def test_every_difference_is_in_view_at_larger_text(qtbot, gui_ctx, platform_look):
    """Every row starts ticked: one hidden below a scrollbar would be changed without being seen (130% text)."""
    from desktop.gui.appearance import appearance_for

    svc.register_resident(gui_ctx.app, svc.ResidentInput(full_name="Nguyen Van An", birth_year=1990, sex="nam",
                                                         address_detail="Dịch Vọng"), confirmed_warnings=True)
    appearance_for(gui_ctx).set_scale(1.3)
    card = parse_card_qr(AN)
    dialog = CardCompareDialog(gui_ctx, match_card(gui_ctx.app, card), card)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    assert table.rowCount() == 5
    assert not table.verticalScrollBar().isVisible()
    last = table.visualRect(table.model().index(table.rowCount() - 1, 1))
    assert table.viewport().rect().contains(last), (last, table.viewport().rect())
