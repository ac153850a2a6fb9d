"""The residents page: lazy list (qtmodeltester), filters, masked list and detail,
register from the page, export of the current filter, import dialog with check, cancel and import."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt

from desktop.gui.residents.list_model import ID_ROLE, PAGE_SIZE, ResidentListModel
from desktop.gui.residents.page import ResidentsPage
from desktop.services.residents import residents as svc
from desktop.services.residents.bulk_writer import store_rows as _store
from desktop.services.setup.ward_setup import residential_groups
from tests.gui.helpers import show_active, type_text


def bulk(ctx, n, group_id=None):
    rows = []
    for i in range(n):
        values, _p = svc.validate(svc.ResidentInput(full_name=f"Người Thứ {letters(i)}",
                                                    birth_year=1950 + i % 60, residential_group_id=group_id))
        values["adoption_stage"] = "chua_biet"
        rows.append(values)
    _store(ctx, rows)


def test_lazy_model_passes_qtmodeltester(qtbot, qtmodeltester, gui_ctx):
    bulk(gui_ctx.app, 450)
    model = ResidentListModel(gui_ctx)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    assert model.rowCount() == 450
    assert model.data(model.index(0, 0)) != "…"  # the first page comes with the count
    with qtbot.waitSignal(model.page_loaded, timeout=5000):
        assert model.data(model.index(PAGE_SIZE, 0)) == "…"  # first touch asks for the page
    assert model.data(model.index(PAGE_SIZE, 0)) != "…"
    qtmodeltester.check(model, force_py=True)
    qtbot.waitUntil(lambda: gui_ctx.tasks.pending_count() == 0, timeout=5000)
    # only the touched pages are loaded
    assert set(model._pages) <= set(range(450 // PAGE_SIZE + 1))


def test_list_sorted_by_given_name_masked_and_filtered(qtbot, gui_ctx):
    g1, g2, _g3 = residential_groups(gui_ctx.app)
    for name, g, phone, cccd, year, sex in [("Trần Văn Bình", g1, "0912345678", "001085000001", 1985, "nam"),
                                            ("Lê Thị An", g2, None, None, None, None),
                                            ("Nguyễn Đức Anh", g1, None, None, None, None)]:
        svc.register_resident(gui_ctx.app, svc.ResidentInput(full_name=name, residential_group_id=g.id, phone=phone,
                                                             cccd=cccd, birth_year=year, sex=sex))
    page = show_active(qtbot, ResidentsPage(gui_ctx))
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
    qtbot.waitUntil(lambda: page.model.data(page.model.index(2, 0)) not in (None, "…"), timeout=5000)
    names = [page.model.data(page.model.index(r, 0)) for r in range(3)]
    assert names == ["Lê Thị An", "Nguyễn Đức Anh", "Trần Văn Bình"]
    assert page.model.data(page.model.index(2, 3)) == "0912 *** 678"
    assert page.model.data(page.model.index(2, 4)) == "0010******01"
    assert page.count_label.text() == "3 cư dân"
    qtbot.waitUntil(lambda: page.group_filter.count() == 4, timeout=5000)
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.group_filter.setCurrentIndex(page.group_filter.findData(g1.id))
    assert page.model.rowCount() == 2
    # the detail view masks the numbers too: full numbers only through the audited reveal
    with qtbot.waitSignal(page.detail_shown, timeout=5000):
        page.table.selectRow(1)
    assert page.detail.values["phone"].text() == "0912 *** 678"
    assert page.detail.values["cccd"].text() == "0010******01"
    assert page.detail.reveal_button.isEnabled()


def test_register_from_page_by_keyboard_then_found(qtbot, gui_ctx):
    page = show_active(qtbot, ResidentsPage(gui_ctx))
    qtbot.waitUntil(lambda: page.form.group.count() == 4, timeout=5000)
    qtbot.keyClick(page.search.edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.right.currentWidget() is page.form and page.form.full_name.hasFocus()
    type_text(qtbot, page.form.full_name, "Đỗ Thị Hoà")
    with qtbot.waitSignal(page.detail_shown, timeout=5000):
        qtbot.keyClick(page.form.full_name, Qt.Key.Key_Return)
    assert page.detail.title.text() == "Đỗ Thị Hoà"
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    with qtbot.waitSignal(page.search.results_shown, timeout=5000):
        type_text(qtbot, page.search.edit, "do hoa")
    with qtbot.waitSignal(page.detail_shown, timeout=5000) as shown:
        qtbot.keyClick(page.search.edit, Qt.Key.Key_Return)
    assert shown.args[0].full_name == "Đỗ Thị Hoà"
    # Ctrl+N from inside the form too (one shortcut, not two ambiguous ones)
    page.new_resident()
    type_text(qtbot, page.form.full_name, "Bỏ Dở")
    qtbot.keyClick(page.form.full_name, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.form.full_name.text() == "" and page.form.full_name.hasFocus()


def test_export_current_filter(qtbot, gui_ctx, tmp_path):
    g1, g2, _ = residential_groups(gui_ctx.app)
    svc.register_resident(gui_ctx.app, svc.ResidentInput(full_name="Cao Văn Một", residential_group_id=g1.id))
    svc.register_resident(gui_ctx.app, svc.ResidentInput(full_name="Cao Văn Hai", residential_group_id=g2.id))
    page = show_active(qtbot, ResidentsPage(gui_ctx))
    qtbot.waitUntil(lambda: page.group_filter.count() == 4, timeout=5000)
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.group_filter.setCurrentIndex(page.group_filter.findData(g2.id))
    out = tmp_path / "loc.csv"
    with qtbot.waitSignal(page.exported, timeout=10000) as sig:
        page.export_to(str(out))
    assert sig.args == [1]
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [r[1] for r in rows[1:]] == ["Cao Văn Hai"]


def letters(i: int) -> str:
    out = ""
    for _ in range(4):
        out += chr(97 + i % 26)
        i //= 26
    return out.capitalize()


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Họ và tên", "Năm sinh", "Liên hệ", "Tổ dân phố"])
        w.writerows(rows)
    return str(path)


def test_import_dialog_mapping_check_and_import(qtbot, gui_ctx, tmp_path):
    page = show_active(qtbot, ResidentsPage(gui_ctx))
    dialog = page.open_import()
    path = write_csv(tmp_path / "a.csv", [["Hà Văn Khánh", "1970", "0912000111", "Tổ dân phố số 1"],
                                          ["", "1980", "", ""],
                                          ["Hà Thị Lan", "1975", "0912000222", "Tổ dân phố số 2"]])
    with qtbot.waitSignal(dialog.preview_ready, timeout=5000) as sig:
        dialog.load_file(path)
    preview = sig.args[0]
    assert preview.mapping == {0: "full_name", 1: "birth_year", 3: "residential_group"}
    dialog.set_mapping(2, "phone")  # the volunteer says "Liên hệ" is the phone
    with qtbot.waitSignal(dialog.checked, timeout=10000) as sig:
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    report = sig.args[0]
    assert report.valid_rows == 2 and [(p.row, p.field) for p in report.rejected] == [(3, "full_name")]
    assert dialog.problems.rowCount() == 1 and dialog.problems.item(0, 0).text() == "3"
    assert not dialog.import_button.isEnabled()  # a bad row: nothing unless "valid only"
    dialog.valid_only.setChecked(True)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10000) as sig:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert sig.args[0].imported == 2
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    khanh = svc.get_resident(gui_ctx.app, page.model.data(page.model.index(0, 0), ID_ROLE))
    assert khanh.phone == "+84912000111"


def test_import_dialog_cancel_stores_nothing(qtbot, gui_ctx, tmp_path):
    rows = [[f"Người {letters(i)}", str(1950 + i % 50), "", ""] for i in range(30000)]
    dialog = ResidentsPage(gui_ctx).open_import()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        dialog.load_file(write_csv(tmp_path / "big.csv", rows))
    with qtbot.waitSignal(dialog.checked, timeout=60000):
        dialog.run_check()
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.import_cancelled, timeout=60000):
        dialog.run_import()
        assert dialog.cancel_job_button.isVisible()
        dialog.cancel_job()
    assert svc.count_residents(gui_ctx.app) == 0
    assert "không có cư dân nào" in dialog.summary.text()
