"""A wedge scanner's burst in a line edit is taken whole as a card, never as a search."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from desktop.gui.residents.card_scan import ScanAwareTyping
from tests.gui.helpers import type_text

AN = "001090012345|012345678|Nguyễn Văn An|01011990|Nam|Số 5 ngõ 12 phố Dịch Vọng, Cầu Giấy, Hà Nội|15082021"


def make(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    watcher = ScanAwareTyping(edit)
    queries: list[str] = []
    watcher.query_ready.connect(queries.append)
    return edit, watcher, queries


def test_a_scan_ending_in_enter_is_a_card_and_nothing_is_searched(qtbot):
    edit, watcher, queries = make(qtbot)
    with qtbot.waitSignal(watcher.card_scanned, timeout=2000) as sig:
        type_text(qtbot, edit, AN + "\n", key_ms=4)
    assert sig.args[0].cccd == "001090012345" and sig.args[0].full_name == "Nguyễn Văn An"
    assert edit.text() == "" and queries == []
    assert not watcher.pending()


def test_a_scan_without_enter_settles_by_itself(qtbot):
    edit, watcher, queries = make(qtbot)
    with qtbot.waitSignal(watcher.card_scanned, timeout=2000):
        type_text(qtbot, edit, AN, key_ms=4)
    assert edit.text() == "" and queries == []


def test_a_pasted_card_is_a_card(qtbot):
    edit, watcher, queries = make(qtbot)
    with qtbot.waitSignal(watcher.card_scanned, timeout=2000):
        edit.setText(AN)
    assert queries == []


def test_typed_name_is_an_ordinary_query(qtbot):
    edit, watcher, queries = make(qtbot)
    scanned = []
    watcher.card_scanned.connect(scanned.append)
    with qtbot.waitSignal(watcher.query_ready, timeout=2000) as sig:
        qtbot.keyClicks(edit, "nguyen van an")
    assert sig.args == ["nguyen van an"] and scanned == [] and edit.text() == "nguyen van an"


def test_a_scanned_web_link_says_so_and_searches_nothing(qtbot):
    edit, watcher, queries = make(qtbot)
    with qtbot.waitSignal(watcher.not_a_card, timeout=2000) as sig:
        qtbot.keyClicks(edit, "https://ihanoi.hanoi.gov.vn/tai-ung-dung")
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert "đường dẫn web" in sig.args[0]
    assert queries == [] and edit.text() == ""


def test_a_broken_card_scan_gives_the_reason(qtbot):
    edit, watcher, queries = make(qtbot)
    with qtbot.waitSignal(watcher.not_a_card, timeout=2000) as sig:
        type_text(qtbot, edit, AN.replace("01011990", "31021990") + "\n", key_ms=4)
    assert "có thật" in sig.args[0] and "Nguyễn" not in sig.args[0]
    assert queries == [] and edit.text() == ""


def test_a_burst_is_judged_by_when_the_keys_were_pressed_not_when_the_app_saw_them(qtbot):
    """A busy laptop may handle a scanner's keys late and far apart; their timestamps say they were a burst.
    The same text pressed a key every 200 ms is a person's typing and stays in the field."""
    from desktop.gui.residents.card_scan import ScanCatcher

    field = QLineEdit()
    qtbot.addWidget(field)
    catcher = ScanCatcher(field)
    catcher.watch(field)
    scans = []
    catcher.card_scanned.connect(scans.append)
    type_text(qtbot, field, AN, key_ms=200)  # a person (here: all handled at once, as a busy app would)
    catcher.settle()
    assert scans == [] and field.text() == AN
    field.clear()
    type_text(qtbot, field, AN + "\n", key_ms=4)  # a scanner
    assert [c.cccd for c in scans] == ["001090012345"] and field.text() == ""
