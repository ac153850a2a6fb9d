"""The bulk (executemany) path of the import: stage stamps, the exact change-log payload,
streamed CSV rows with title lines above the header, and the style-cached xlsx fonts."""

from __future__ import annotations

import csv
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import func, select

from desktop.services.residents.importing import import_residents
from desktop.services.residents.search import search_residents
from desktop.store.changelog import ChangeLogEntry
from desktop.sync.payload_rules import canonical
from desktop.store.models import Resident
from desktop.store.records import record_fields


def test_stage_stamps_and_payload_match_the_orm_shape(app_ctx, tmp_path):
    path = tmp_path / "stages.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Danh sách cư dân tổ 1"])  # a title line above the header
        w.writerow([])
        w.writerow(["Họ và tên", "Năm sinh", "iHaNoi", "Ghi chú"])
        w.writerow(["Phạm Thu Hương", "1970", "Đã cài đặt", "gọi lại"])
        w.writerow(["Đỗ Minh", "1981", "", ""])
        w.writerow(["Vũ Lan", "1999", "Đã tạo tài khoản", ""])
        w.writerow(["Bùi Hà", "năm ngoái", "", ""])  # bad: reported with its file row number
    report = import_residents(app_ctx, path, valid_only=True)
    assert report.imported == 3 and report.total_rows == 4
    assert [(p.row, p.field) for p in report.rejected] == [(7, "birth_year")]
    with app_ctx.read() as s:
        rows = {r.full_name: r for r in s.scalars(select(Resident))}
        entries = {e.record_id: e for e in s.scalars(select(ChangeLogEntry).where(ChangeLogEntry.record_kind == "resident"))}
        h, m, lan = rows["Phạm Thu Hương"], rows["Đỗ Minh"], rows["Vũ Lan"]
        assert h.adoption_stage == "da_cai_dat" and h.aware_on and h.installed_on and h.account_on is None
        assert m.adoption_stage == "chua_biet" and (m.aware_on, m.installed_on, m.account_on) == (None, None, None)
        assert lan.account_on == lan.aware_on and lan.account_on is not None
        assert h.notes == "gọi lại" and h.consent_given is False and h.consent_at is None
        for r in rows.values():
            e = entries[r.id]
            assert e.payload_json == canonical(record_fields(r))  # byte for byte what the ORM hook writes
            assert (e.op, e.base_version, e.version, e.state) == ("insert", 0, 1, "pending")
            assert r.created_at == r.updated_at == e.created_at and r.sync_state == "queued"
    assert search_residents(app_ctx, "huong")[0].full_name == "Phạm Thu Hương"


def test_xlsx_font_per_style_is_not_reused_across_styles(app_ctx, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Họ và tên", "Năm sinh"])
    ws.append(["NguyÔn V¨n An", 1980])   # TCVN3 in a .VnTime cell
    ws.append(["Nguyễn Văn Bình", 1981])  # Unicode in a Calibri cell right after
    ws.append(["Leâ Hoaø", 1982])          # VNI
    ws["A2"].font = Font(name=".VnTime")
    ws["A3"].font = Font(name="Calibri")
    ws["A4"].font = Font(name="VNI-Times")
    wb.save(tmp_path / "fonts.xlsx")
    report = import_residents(app_ctx, tmp_path / "fonts.xlsx")
    assert report.imported == 3, report.rejected
    with app_ctx.read() as s:
        names = sorted(s.scalars(select(Resident.full_name)))
    assert names == ["Lê Hoà", "Nguyễn Văn An", "Nguyễn Văn Bình"]


def _openpyxl_rows(path, min_row=1):
    from openpyxl import load_workbook

    ro = load_workbook(path, read_only=True, data_only=True)
    rows = [(i, [c.value for c in row], [c.font.name if c.value is not None else None for c in row])
            for i, row in enumerate(ro.worksheets[0].iter_rows(min_row=min_row), start=min_row)
            if any(c.value is not None for c in row)]
    ro.close()
    return rows


def _book_rows(path, min_row=1):
    from desktop.services.residents.xlsx_rows import XlsxBook

    book = XlsxBook(path)
    return [(i, values, [book.font_name(s) if v is not None else None for v, s in zip(values, styles)])
            for i, values, styles in book.rows(min_row=min_row) if any(v is not None for v in values)]


def test_sheet_rows_match_openpyxl_cells(tmp_path):
    from datetime import datetime

    wb = Workbook()
    ws = wb.active
    ws.append(["Họ và tên", "Ngày sinh", "Số", "Có", "Ghi chú"])
    ws.append(["An", datetime(1985, 3, 5), 12.5, True, None])
    ws.append([None, 31000, 7, False, "=1+1"])
    ws.append([])
    ws.append(["Bình", "05/03/1985", 1, None, "x & <y> \"z\"\nhai dòng"])
    ws.append([-3, 1e20, "0912345678", "  cách  ", 2**40])
    ws["B3"].number_format = "dd/mm/yyyy"
    ws["A5"].font = Font(name=".VnTime")
    ws["E6"].font = Font(name="VNI-Times")
    wb.save(tmp_path / "t.xlsx")
    expected = _openpyxl_rows(tmp_path / "t.xlsx", min_row=2)
    got = _book_rows(tmp_path / "t.xlsx", min_row=2)
    assert got == expected
    assert got[1][1][1] == datetime(1984, 11, 14) and got[2][2][0] == ".VnTime"


def test_streamed_sheet_with_shared_strings_rich_text_and_1904_dates(tmp_path):
    """A workbook as Excel writes it: shared strings (one in rich-text runs), no cell references
    on some cells, a 1904 date system, a row far below a gap, rows over several parse pieces."""
    import zipfile

    from desktop.services.residents import xlsx_rows

    main = xlsx_rows.MAIN
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    rows = ['<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="1"><v>1</v></c></row>',
            '<row r="3"><c t="s"><v>2</v></c><c t="inlineStr"><is><r><t>Tr</t></r><r><t>ần</t></r></is></c>'
            '<c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#N/A</v></c><c r="F3" t="str"><f>A1</f><v>An</v></c></row>']
    rows += [f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>Người {i}</t></is></c><c r="B{i}"><v>{i}.5</v></c></row>'
             for i in range(10, 30000)]
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="{main}"><x:dimension ref="A1:F29999"/>'
             '<x:sheetData>' + "".join(rows).replace("<", "<x:").replace("<x:/", "</x:")
             + '</x:sheetData></x:worksheet>')
    strings = (f'<sst xmlns="{main}"><si><t>Họ và tên</t></si><si><r><t>Ngày </t></r><r><t>sinh</t></r>'
               '<rPh><t>x</t></rPh></si><si><t xml:space="preserve"> Lê  Hoa </t></si></sst>')
    styles = (f'<styleSheet xmlns="{main}"><fonts count="2"><font><name val="Calibri"/></font><font><name val=".VnTime"/>'
              '</font></fonts><cellXfs count="2"><xf fontId="0" numFmtId="0"/><xf fontId="1" numFmtId="14"/></cellXfs>'
              '</styleSheet>')
    workbook = (f'<workbook xmlns="{main}" xmlns:r="{rel}"><workbookPr date1904="1"/><sheets>'
                '<sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wb_rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
               f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
               f'<Relationship Id="rId3" Type="{rel}/styles" Target="/xl/styles.xml"/></Relationships>')
    path = tmp_path / "excel.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", wb_rels)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        z.writestr("xl/sharedStrings.xml", strings)
        z.writestr("xl/styles.xml", styles)
    book = xlsx_rows.XlsxBook(path)
    got = list(book.rows())
    assert book.max_row == 29999 and len(got) == 2 + 29990
    assert got[0] == (1, ["Họ và tên", "Ngày sinh", datetime(1904, 1, 2), None, None, None], [0, 0, 1, 0, 0, 0])
    assert got[1][0] == 3 and got[1][1] == [" Lê  Hoa ", "Trần", None, True, "#N/A", "An"]
    assert got[-1] == (29999, ["Người 29999", 29999.5, None, None, None, None], [0] * 6)
    assert book.font_name(1) == ".VnTime" and book.font_name(7) is None
    assert [r[0] for r in book.rows(min_row=3, max_row=12)] == [3, 10, 11, 12]


def test_not_a_workbook(tmp_path):
    import pytest

    from desktop.services.residents.xlsx_rows import XlsxBook, XlsxError

    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(XlsxError):
        XlsxBook(tmp_path / "x.xlsx")


def test_fast_row_check_gives_what_the_reference_path_gives(app_ctx):
    """The fast path of the row check either declines or returns exactly the reference (convert + validate) row."""
    import random

    from desktop.services.residents.bulk_writer import content_row as _content_row
    from desktop.services.residents.importing import ImportReport, _Checker
    from desktop.store.records import field_names

    variants = {
        "full_name": ["Nguyễn Văn An", "  trần   thị  THUỶ ", "Lê Hoà", "An2", "", None, "đặng đức", "x" * 210],
        "birth": ["05/03/1985", "5/3/85", "05-03-1985", "1985-03-05", 31111, 31111.0, "31111", datetime(1985, 3, 5),
                  "1985", 1985, "01/01/2090", "31/02/1990", "", None, "năm ngoái", 1899],
        "birth_year": [None, None, "", 1985, "1985", 1985.0, "1990", "abc"],
        "sex": ["Nam", "nữ", "NU", "M", "x", "", None, "Nữ"],
        "cccd": ["001085012345", 1085012345, "001 085 012 345", "001185012345", "001090012345", "999085012345",
                 "00108501234", "", None, "001185O12345"],
        "cmnd": [None, "", "012345678", "12345678", 12345678],
        "phone": ["0912345678", "84912345678", "+84 912 345 678", "0551234567", "0243825353", 912345678.0, "abc",
                  "", None, "0871234567"],
        "residential_group": ["Tổ dân phố số 1", "TDP 2", "Tổ 9", "", None, "tổ dân phố 03"],
        "target_group": ["Cán bộ, công chức, viên chức", "hoc sinh", "xyz", "", None, "nguoi_cao_tuoi"],
        "adoption_stage": ["Đã cài đặt", "da_biet", "zzz", "", None],
        "address_detail": ["Số 3 ngõ 5", "", None, "d" * 320, 12.0],
        "notes": ["gọi lại", "", None],
    }
    fields = list(variants)
    rng = random.Random(7)
    from desktop.store.models import Resident

    names = field_names(Resident)
    for accept in (False, True):
        with app_ctx.read() as s:
            checker = _Checker(s, dict(enumerate(fields)), accept)
        fast_rows = 0
        for n in range(3000):
            cells = [rng.choice(variants[f]) for f in fields]
            values = dict(zip(fields, cells))
            fast = checker._fast(dict(values))
            ref = checker._reference(n + 2, dict(values), ImportReport(file="x"))
            if fast is None:
                continue
            fast_rows += 1
            assert ref is not None, (cells, fast)
            assert _content_row(fast, names) == _content_row(ref, names), cells
        assert fast_rows > 20
        common = ["Nguyễn Văn An", "05/03/1985", None, "Nam", "001085012345", None, "0912345678", "TDP 2",
                  "Cán bộ", "Đã cài đặt", "Số 3", ""]
        assert checker._fast(dict(zip(fields, common))) is not None


def test_search_trigger_is_back_after_an_import_and_after_a_refused_file(app_ctx, tmp_path):
    from desktop.services.residents import residents as svc

    def trigger_sql():
        with app_ctx.read() as s:
            return s.connection().exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'resident_fts_insert'").scalar()

    before = trigger_sql()
    app_ctx.actor = "Cô O'Hara"  # stamped as an SQL literal by the bulk writer
    path = tmp_path / "a.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Họ và tên", "Năm sinh", "Số điện thoại"])
        w.writerow(["Khúc Thừa Dụ", "1970", "0912000001"])
        w.writerow(["Ngô Quyền", "1971", "0912000002"])
    assert import_residents(app_ctx, path).imported == 2
    with app_ctx.read() as s:
        stamps = {(r.created_by, r.updated_by, r.version, r.sync_state, r.deleted_at) for r in s.scalars(select(Resident))}
    assert stamps == {("Cô O'Hara", "Cô O'Hara", 1, "queued", None)}
    with open(path, "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerow(["Lý Bôn", "năm ngoái", ""])  # bad: the whole file is refused (rolled back)
    assert import_residents(app_ctx, path).blocked
    assert trigger_sql() == before
    svc.register_resident(app_ctx, svc.ResidentInput(full_name="Đinh Bộ Lĩnh", birth_year=1960, phone="0912000003"))
    assert [r.full_name for r in search_residents(app_ctx, "dinh bo")] == ["Đinh Bộ Lĩnh"]  # kept by the trigger
    assert [r.full_name for r in search_residents(app_ctx, "0002")] == ["Ngô Quyền"]  # filled by the import


def test_rows_written_over_several_batches_are_stored_as_the_orm_stores_them(app_ctx):
    """The JSON batches: ids, stage dates and consent time set in SQL, per row, across batches."""
    import sys
    import uuid

    from desktop.core.period import today_vn
    from desktop.services.residents import residents as svc
    from desktop.services.residents.bulk_writer import store_rows

    stages = ["chua_biet", "da_biet", "da_cai_dat", "da_tao_tai_khoan"]
    rows = []
    for i in range(23):
        cols, problems = svc.validate(svc.ResidentInput(
            full_name=f"Lò Văn {chr(65 + i)}", birth_year=1950 + i, phone=f"09120000{i:02d}",
            consent_given=i % 2 == 0, consent_by="Tổ trưởng" if i % 2 == 0 else "", notes='dấu "ngoặc" \\ và\nxuống dòng'))
        assert not problems
        cols["adoption_stage"] = stages[i % 4]
        rows.append(cols)
    switch = sys.getswitchinterval()
    assert store_rows(app_ctx, rows, batch=5) == 23  # five batches, the last one of three
    assert sys.getswitchinterval() == switch
    today = today_vn()
    with app_ctx.read() as s:
        stored = list(s.scalars(select(Resident).order_by(Resident.full_name)))
        rowids = dict(s.connection().exec_driver_sql("SELECT id, rowid FROM resident").all())
        entries = {e.record_id: e for e in s.scalars(select(ChangeLogEntry).where(ChangeLogEntry.record_kind == "resident"))}
    assert [r.full_name for r in stored] == [f"Lò Văn {chr(65 + i)}" for i in range(23)]
    by_rowid = sorted(stored, key=lambda r: rowids[r.id])
    assert [r.id for r in by_rowid] == sorted(r.id for r in stored)  # time-ordered ids, in insert order
    assert len({r.id for r in stored}) == 23 and {uuid.UUID(r.id).version for r in stored} == {7}
    for i, r in enumerate(stored):
        level = i % 4
        assert (r.aware_on, r.installed_on, r.account_on) == tuple(today if level >= n else None for n in (1, 2, 3))
        assert r.consent_given is (i % 2 == 0)
        assert r.consent_at == (r.created_at if i % 2 == 0 else None)
        assert r.phone == f"+849120000{i:02d}" and r.birth_year == 1950 + i
        assert r.notes == rows[i]["notes"] == 'dấu "ngoặc" \\ và\nxuống dòng'
        assert entries[r.id].payload_json == canonical(record_fields(r))
        assert entries[r.id].fields == sorted(record_fields(r))


def test_a_batch_that_fails_in_the_batch_thread_fails_the_write_and_stores_nothing(app_ctx):
    """Two rows with one CCCD (the checks would have refused them): the unique index refuses the batch
    on the batch thread; the error reaches the caller, nothing is stored, the thread is gone."""
    import sys
    import threading

    import pytest
    import sqlcipher3

    from desktop.services.residents import residents as svc
    from desktop.services.residents.bulk_writer import store_rows

    rows = []
    for i in range(12):
        cols, _problems = svc.validate(svc.ResidentInput(full_name=f"Mai Văn {chr(65 + i)}", cccd="001085000777",
                                                         birth_year=1985, sex="nam"))
        cols["adoption_stage"] = "chua_biet"
        rows.append(cols)
    switch = sys.getswitchinterval()
    with pytest.raises(sqlcipher3.IntegrityError) as raised:  # raised on the batch thread, by SQLite
        store_rows(app_ctx, rows, batch=5)
    assert "UNIQUE" in str(raised.value)
    assert sys.getswitchinterval() == switch
    assert not [t for t in threading.enumerate() if t.name == "import-batch-writer"]
    with app_ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Resident)) == 0
        assert s.scalar(select(func.count()).select_from(ChangeLogEntry).where(ChangeLogEntry.record_kind == "resident")) == 0
