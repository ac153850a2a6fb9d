"""The resident list in keyset pages: scrolling across page boundaries (both ways, after a jump,
by keyboard), filters small and large, and the refresh in place after a change (a changed row
updates, an inserted or deleted row moves the count; no reset, no id list read)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from desktop.core.vocab import ADOPTION_STAGES
from desktop.gui.residents.list_model import PAGE_SIZE, ResidentListModel
from desktop.gui.residents.page import ResidentsPage
from desktop.services.residents import listing
from desktop.services.residents import residents as svc
from desktop.services.residents.bulk_writer import store_rows
from desktop.services.setup.ward_setup import residential_groups
from tests.gui.helpers import show_active

N = 1_050  # five full pages and a part


def letters(i: int) -> str:
    out = ""
    for _ in range(4):
        out += chr(97 + i % 26)
        i //= 26
    return out.capitalize()


@pytest.fixture
def registry(gui_ctx):
    """N residents over the three groups; every seventh has an account (a small filter), the rest not."""
    groups = residential_groups(gui_ctx.app)
    rows = []
    for i in range(N):
        values, _p = svc.validate(svc.ResidentInput(full_name=f"Người Thứ {letters(i * 7919 % N)}",
                                                    birth_year=1950 + i % 60,
                                                    residential_group_id=groups[i % 3].id))
        values["adoption_stage"] = "da_tao_tai_khoan" if i % 7 == 0 else "chua_biet"
        rows.append(values)
    store_rows(gui_ctx.app, rows)
    return groups


@pytest.fixture
def no_id_list(monkeypatch):
    """The list must never read every id (the old way): calling it fails the test."""
    def refuse(*_a, **_k):
        raise AssertionError("the resident list read every id")

    monkeypatch.setattr(svc, "resident_ids", refuse)


ALL_IDS = svc.resident_ids  # kept before `no_id_list` replaces it


def truth(ctx, flt=None) -> list[str]:
    """Every id of the filter in list order, read the old way (one query over the whole registry)."""
    return ALL_IDS(ctx, flt)


def loaded_ids(model) -> list[str | None]:
    return [model.resident_id(r) for r in range(model.rowCount())]


def shown(qtbot, model, row: int) -> str:
    """The name on `row`, once its page is in."""
    qtbot.waitUntil(lambda: model.data(model.index(row, 0)) not in (None, "…"), timeout=10000)
    return model.data(model.index(row, 0))


def open_view(qtbot, gui_ctx, model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.resize(900, 600)
    show_active(qtbot, view)
    with qtbot.waitSignal(model.loaded, timeout=10000):
        model.reload()
    return view


def test_keyboard_down_and_up_across_every_page_boundary(qtbot, gui_ctx, registry, no_id_list):
    expected = truth(gui_ctx.app)
    model = ResidentListModel(gui_ctx)
    view = open_view(qtbot, gui_ctx, model)
    assert model.rowCount() == N == len(expected)
    assert set(model._pages) == {0}  # the count came with the first page
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))
    # down a page at a time: each next page is read after the key of the one above it
    while view.currentIndex().row() < N - 1:
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
        row = view.currentIndex().row()
        shown(qtbot, model, row)
        assert model.resident_id(row) == expected[row]
    assert set(model._pages) == set(range(N // PAGE_SIZE + 1))
    assert loaded_ids(model) == expected
    # Ctrl+End on a fresh model: the last page is read from the end; then up, page by page, before each key
    fresh = ResidentListModel(gui_ctx)
    view.setModel(fresh)
    with qtbot.waitSignal(fresh.loaded, timeout=10000):
        fresh.reload()
    view.setCurrentIndex(fresh.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.currentIndex().row() == N - 1
    assert shown(qtbot, fresh, N - 1) == model.data(model.index(N - 1, 0))
    while view.currentIndex().row() > 0:
        qtbot.keyClick(view, Qt.Key.Key_PageUp)
        row = view.currentIndex().row()
        shown(qtbot, fresh, row)
        assert fresh.resident_id(row) == expected[row]
    assert loaded_ids(fresh) == expected


def test_a_jump_into_the_middle_then_both_ways_meets_the_neighbours(qtbot, gui_ctx, registry, no_id_list):
    expected = truth(gui_ctx.app)
    model = ResidentListModel(gui_ctx)
    open_view(qtbot, gui_ctx, model)
    middle = 2 * PAGE_SIZE + 17
    shown(qtbot, model, middle)  # read at its row number (no neighbour in)
    for row in (middle - PAGE_SIZE, middle + PAGE_SIZE, 1 * PAGE_SIZE, 4 * PAGE_SIZE + 3, N - 1):
        shown(qtbot, model, row)
    assert set(model._pages) == set(range(N // PAGE_SIZE + 1))
    assert loaded_ids(model) == expected


@pytest.mark.parametrize("which", ["large group", "small stage", "group and stage"])
@pytest.mark.parametrize("read_by", ["sort index", "filter index"])
def test_filters_count_and_page_as_the_registry_does(qtbot, gui_ctx, registry, no_id_list, which, read_by,
                                                     monkeypatch):
    # a filter is read by the sort index (checked row by row) or by its own index (then sorted)
    monkeypatch.setattr(listing, "SMALL_FILTER_ROWS", 0 if read_by == "sort index" else 10 ** 9)
    monkeypatch.setattr(listing, "SMALL_FILTER_SHARE", 0 if read_by == "sort index" else 10 ** 9)
    g = registry[1]
    flt = {"large group": svc.ResidentFilter(residential_group_id=g.id),
           "small stage": svc.ResidentFilter(adoption_stage="da_tao_tai_khoan"),
           "group and stage": svc.ResidentFilter(residential_group_id=g.id, adoption_stage="da_tao_tai_khoan")}[which]
    expected = truth(gui_ctx.app, flt)
    assert listing.count_listed(gui_ctx.app, flt) == svc.count_residents(gui_ctx.app, flt) == len(expected)
    model = ResidentListModel(gui_ctx)
    model._filter = flt
    open_view(qtbot, gui_ctx, model)
    assert model.rowCount() == len(expected)
    for row in range(len(expected) - 1, -1, -PAGE_SIZE // 2):
        shown(qtbot, model, row)
    shown(qtbot, model, 0)
    assert loaded_ids(model) == expected


def test_an_edit_updates_its_row_in_place_and_insert_delete_move_the_count(qtbot, qtmodeltester, gui_ctx, registry,
                                                                         no_id_list):
    page = show_active(qtbot, ResidentsPage(gui_ctx))
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() == N, timeout=10000)
    assert page.count_label.text() == "1.050 cư dân"
    resets, inserted, removed = [], [], []
    model.modelAboutToBeReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    row = 5
    rid = model.resident_id(row)
    before = model.data(model.index(row, 6))
    assert before in (ADOPTION_STAGES["chua_biet"], ADOPTION_STAGES["da_tao_tai_khoan"])
    target = "da_cai_dat"

    # a changed row: the stage shown changes where it is
    with qtbot.waitSignal(model.refreshed, timeout=10000):
        gui_ctx.write(svc.set_adoption_stage, rid, target)
    assert model.resident_id(row) == rid
    assert model.data(model.index(row, 6)) == ADOPTION_STAGES[target]
    assert model.rowCount() == N and not inserted and not removed

    # an inserted row: first in the list order ("A…" given name), the count one more
    new = svc.ResidentInput(full_name="Phan Văn Aaa", birth_year=1990, residential_group_id=registry[0].id)
    with qtbot.waitSignal(model.refreshed, timeout=10000):
        gui_ctx.write(svc.register_resident, new)
    assert model.rowCount() == N + 1 and inserted == [(N, N)]
    assert model.data(model.index(0, 0)) == "Phan Văn Aaa"
    assert model.resident_id(row + 1) == rid  # the rest moved down one, in place
    qtbot.waitUntil(lambda: page.count_label.text() == "1.051 cư dân", timeout=5000)

    # a deleted row: gone from the rows shown, the count one less
    gone = model.resident_id(row + 1)
    with qtbot.waitSignal(model.refreshed, timeout=10000):
        gui_ctx.write(svc.delete_resident, gone)
    assert model.rowCount() == N and removed == [(N, N)]
    assert gone not in loaded_ids(model)
    assert [model.resident_id(r) for r in range(PAGE_SIZE)] == truth(gui_ctx.app)[:PAGE_SIZE]
    qtbot.waitUntil(lambda: page.count_label.text() == "1.050 cư dân", timeout=5000)
    assert resets == []  # never reset: the view keeps its place and its selection
    qtmodeltester.check(model, force_py=True)
    qtbot.waitUntil(lambda: gui_ctx.tasks.pending_count() == 0, timeout=5000)


def test_a_change_far_down_the_list_refreshes_the_pages_shown_there(qtbot, gui_ctx, registry, no_id_list):
    model = ResidentListModel(gui_ctx)
    open_view(qtbot, gui_ctx, model)
    row = 4 * PAGE_SIZE + 10
    shown(qtbot, model, row)
    rid = model.resident_id(row)
    detail = svc.get_resident(gui_ctx.app, rid)
    data = detail.to_input()
    data.birth_year = 1949
    data.birth_date = None
    with qtbot.waitSignal(model.refreshed, timeout=10000):
        gui_ctx.write(svc.update_resident, rid, data)
    assert model.resident_id(row) == rid and model.data(model.index(row, 1)) == "1949"
    assert 0 not in model._pages  # only the run around the page last shown was read again
    assert [model.resident_id(r) for r in range(4 * PAGE_SIZE, 5 * PAGE_SIZE)] == truth(gui_ctx.app)[4 * PAGE_SIZE:5 * PAGE_SIZE]
