"""Files Excel on Windows makes (#23 item 10): "Unicode Text" (UTF-16 with a BOM, tab-separated), old
.xls workbooks (TCVN3/VNI text by font, as for xlsx), and CSV exported with ";" for Excel in Vietnam.

Every file here is real: written the way Excel writes it (UTF-16 LE, CRLF) or by xlwt (BIFF8, the
format xlrd reads), then read by the import as a person would run it.
"""

from __future__ import annotations

import csv
from datetime import datetime

import pytest
import xlwt

from desktop.core import legacy_encodings as le
from desktop.services.residents import residents as svc
from desktop.services.residents.export import export_residents
from desktop.services.residents.files import read_table
from desktop.services.residents.importing import import_residents
from tests.conftest import cli_env
from tests.support.cli_runner import run_cli

HEADERS = ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Số điện thoại", "Tổ dân phố"]
ROWS = [[1, "Nguyễn Thị Thuỷ", 1985, "Nữ", "0912345678", "Tổ dân phố số 1"],
        [2, "Đặng Văn Đức", 1990, "Nam", "0987654321", "Tổ dân phố số 2"]]

UNICODE_TO_TCVN3 = {u: t for t, u in le.TCVN3_TABLE.items()}


def to_tcvn3(text: str) -> str:
    return "".join(UNICODE_TO_TCVN3.get(ch, ch) for ch in text)


def test_excel_unicode_text_is_read(app_ctx, tmp_path):
    path = tmp_path / "danh-sach.txt"
    lines = ["\t".join(str(c) for c in row) for row in [HEADERS, *ROWS]]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-16"))  # BOM + UTF-16 LE, as Excel saves it
    assert path.read_bytes()[:2] == b"\xff\xfe"
    table = read_table(path)
    assert table.encoding == "utf-16" and table.headers == HEADERS
    assert [row[1] for _n, row in table.rows()] == ["Nguyễn Thị Thuỷ", "Đặng Văn Đức"]
    report = import_residents(app_ctx, path)
    assert report.imported == 2 and not report.rejected
    names = {d.full_name for d in svc.iter_details(app_ctx, None)}
    assert names == {"Nguyễn Thị Thuỷ", "Đặng Văn Đức"}


def _xls(path, rows_font: str, convert) -> None:
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Danh sach")
    plain = xlwt.easyxf("font: name Arial")
    legacy = xlwt.easyxf(f"font: name {rows_font}")
    dated = xlwt.easyxf("font: name Arial", num_format_str="DD/MM/YYYY")
    sheet.write(0, 0, "DANH SÁCH CÔNG DÂN TỔ DÂN PHỐ", plain)  # a title line above the header
    for c, h in enumerate(HEADERS + ["Ngày biết"]):
        sheet.write(1, c, h, plain)
    for r, row in enumerate(ROWS, start=2):
        for c, value in enumerate(row):
            if isinstance(value, str) and c in (1, 3, 5):
                sheet.write(r, c, convert(value), legacy)
            else:
                sheet.write(r, c, value, plain)
        sheet.write(r, len(row), datetime(2026, 3, r), dated)
    book.save(str(path))


@pytest.mark.parametrize(("font", "convert"), [(".VnTime", to_tcvn3), ("Arial", str)])
def test_an_old_xls_list_is_read_with_its_legacy_fonts(app_ctx, tmp_path, font, convert):
    path = tmp_path / "danh-sach-cu.xls"
    _xls(path, font, convert)
    assert path.read_bytes()[:8] == bytes.fromhex("d0cf11e0a1b11ae1")  # a real OLE2 (BIFF8) workbook
    if font == ".VnTime":
        assert "NguyÔn" in convert("Nguyễn")  # the cells really hold TCVN3 text
    table = read_table(path)
    assert table.header_row == 2 and table.headers[:2] == ["STT", "Họ và tên"]
    rows = [row for _n, row in table.rows()]
    assert rows[0][:6] == [1, "Nguyễn Thị Thuỷ", 1985, "Nữ", "0912345678", "Tổ dân phố số 1"]
    assert rows[1][6] == datetime(2026, 3, 3)
    report = import_residents(app_ctx, path)
    assert report.imported == 2 and not report.rejected
    assert {d.full_name for d in svc.iter_details(app_ctx, None)} == {"Nguyễn Thị Thuỷ", "Đặng Văn Đức"}


def test_a_broken_xls_is_refused_with_its_name(app_ctx, tmp_path):
    from desktop.services.residents.files import ImportFileError

    path = tmp_path / "hong.xls"
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 100)
    with pytest.raises(ImportFileError, match="Không đọc được tệp Excel hong.xls"):
        read_table(path)


def test_csv_export_with_semicolons_for_excel_in_vietnam(app_ctx, tmp_path):
    from tests.unit.people_helpers import plant_resident, staff

    staff(app_ctx)
    plant_resident(app_ctx)
    out = tmp_path / "cu-dan.csv"
    assert export_residents(app_ctx, out, separator=";") == 1
    text = out.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines(), delimiter=";"))
    assert rows[0][:3] == ["STT", "Họ và tên", "Ngày sinh"] and rows[1][1] == "Hoàng Thị Xuyến Chi"
    assert "," not in text.splitlines()[0]
    assert read_table(out).headers[:2] == ["STT", "Họ và tên"]  # our import reads it back


def test_cli_csv_separator_flag(tmp_path):
    data = str(tmp_path / "d")
    env = cli_env(TOCDS_TEST_KEYRING_FILE=str(tmp_path / "keyring.json"))
    assert run_cli(["--data-dir", data, "init", "--ward-code", "00166"], env=env).returncode == 0
    for flag, sep in (("semicolon", ";"), ("comma", ",")):
        out = tmp_path / f"{flag}.csv"
        proc = run_cli(["--data-dir", data, "export", "residents", str(out), "--csv-separator", flag], env=env)
        assert proc.returncode == 0, proc.stderr
        header = out.read_text(encoding="utf-8-sig").splitlines()[0]
        assert header.startswith(f"STT{sep}Họ và tên{sep}")
