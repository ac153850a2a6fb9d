"""Bad and hostile files given to the resident import: each is refused (or its rows rejected) with a
Vietnamese message naming the file, the row and cell, or the limit; never a traceback, never unbounded
memory. The crafted workbooks are written byte by byte (tests/support/crafted_xlsx.py)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.services.residents.files import ImportFileError, inspect_file
from desktop.services.residents.importing import import_residents
from tests.conftest import REPO
from tests.support.crafted_xlsx import HEADER_ROW, MAIN, Repeated, one_cell, sheet, workbook

SHARED_ONE = f'<sst xmlns="{MAIN}"><si><t>Nguyễn Văn An</t></si></sst>'.encode()


def _good_xlsx(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["Họ và tên", "Năm sinh", "Ghi chú"])
    for i in range(3000):
        ws.append([f"Người Thứ {chr(65 + i % 26)}", 1950 + i % 50, "ghi chú " * 20])
    wb.save(path)
    return path


def _corrupt_deflate(path: Path) -> Path:
    """A real workbook whose sheet's compressed bytes are damaged in the middle (zip headers intact)."""
    good = _good_xlsx(path.with_name("good-" + path.name))
    with zipfile.ZipFile(good) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(good.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start] |= 0b110  # the first deflate block's type: 11, reserved (zlib: "invalid block type")
    path.write_bytes(bytes(data))
    return path


def _csv(path: Path, rows: list[list[str]], header=("Họ và tên", "Năm sinh", "Ghi chú")) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


BIG_BLOCK = b'<c t="inlineStr"><is><t>' + b"A" * 65536 + b"</t></is></c>"
SHEET_END = b"</sheetData></worksheet>"


def _open_sheet(rows: str = "") -> bytes:
    """A sheet's XML up to (and without) the end of its rows."""
    return sheet(rows)[:-len(SHEET_END)]

# name -> (builder(path), fragments the message must hold)
REFUSED_FILES = {
    "corrupt_deflate.xlsx": (_corrupt_deflate, ["corrupt_deflate.xlsx", "nén"]),
    "cell_over_128k.csv": (lambda p: _csv(p, [["Nguyễn Văn An", "1990", "x" * 140_000]]),
                           ["cell_over_128k.csv", "dòng 2", "131.072"]),
    "shared_index.xlsx": (lambda p: one_cell(p, '<c r="A2" t="s"><v>7</v></c>', shared=SHARED_ONE),
                          ["shared_index.xlsx", "Dòng 2, ô A2", "chuỗi dùng chung"]),
    "v_abc.xlsx": (lambda p: one_cell(p, '<c r="B2"><v>abc</v></c>'), ["Dòng 2, ô B2", "«abc» không phải là một số"]),
    "ref_x2.xlsx": (lambda p: one_cell(p, '<c r="x2"><v>1</v></c>'), ["Dòng 2, ô x2", "địa chỉ ô không hợp lệ"]),
    "bad_date.xlsx": (lambda p: one_cell(p, '<c r="B2" t="d"><v>1990-13-45T99:00</v></c>'),
                      ["Dòng 2, ô B2", "ngày «1990-13-45T99:00» không hợp lệ"]),
    "ref_2.xlsx": (lambda p: one_cell(p, '<c r="2"><v>1</v></c>'), ["Dòng 2, ô 2", "địa chỉ ô không hợp lệ"]),
    "year_1e400.xlsx": (lambda p: one_cell(p, '<c r="B2"><v>1e400</v></c>'), ["Dòng 2, ô B2", "«1e400» không phải là một số"]),
    "year_nan.xlsx": (lambda p: one_cell(p, '<c r="B2"><v>nan</v></c>'), ["Dòng 2, ô B2", "«nan» không phải là một số"]),
    "year_5000_digits.xlsx": (lambda p: one_cell(p, f'<c r="B2"><v>{"9" * 5000}</v></c>'),
                              ["Dòng 2, ô B2", "không phải là một số"]),
    "zzzzzz2.xlsx": (lambda p: one_cell(p, '<c r="ZZZZZZ2"><v>1</v></c>'), ["Dòng 2, ô ZZZZZZ2", "XFD"]),
    "dimension_zzzzzz.xlsx": (lambda p: workbook(p, sheet(HEADER_ROW, dimension="A1:ZZZZZZ2")),
                              ["A1:ZZZZZZ2", "XFD", "1.048.576"]),
    "row_minus_5.xlsx": (lambda p: one_cell(p, '<c r="A-5"><v>1</v></c>', row='<row r="-5">{cell}</row>'),
                         ["«-5»", "tăng dần"]),
    "row_past_limit.xlsx": (lambda p: one_cell(p, '<c r="A1048577"><v>1</v></c>', row='<row r="1048577">{cell}</row>'),
                            ["«1048577»", "1.048.576"]),
    "truncated.xlsx": (lambda p: p.write_bytes(_good_xlsx(p.with_name("g2.xlsx")).read_bytes()[:5000]) and p,
                       ["truncated.xlsx", "không phải tệp Excel .xlsx hợp lệ"]),
    "zip_bomb_2gb_part.xlsx": (lambda p: workbook(p, Repeated(_open_sheet() + b'<row r="2">', BIG_BLOCK, 2**31 // len(BIG_BLOCK),
                                                           b"</row>" + SHEET_END)),
                               ["sheet", "1 GB"]),
    "zip_bomb_one_row.xlsx": (lambda p: workbook(p, Repeated(_open_sheet(HEADER_ROW) + b'<row r="2">', BIG_BLOCK,
                                                          (300 << 20) // len(BIG_BLOCK), b"</row>" + SHEET_END)),
                              ["Dòng sau dòng 1 ", "4 MB"]),
    "styles_bomb.xlsx": (lambda p: workbook(p, sheet(HEADER_ROW), styles=Repeated(
        f'<styleSheet xmlns="{MAIN}"><fonts>'.encode(), b'<font><name val="A"/></font>' * 4096, 120,
        b"</fonts></styleSheet>")), ["styles.xml", "64.000"]),
    "styles_too_big.xlsx": (lambda p: workbook(p, sheet(HEADER_ROW), styles=Repeated(
        f'<styleSheet xmlns="{MAIN}"><dxfs>'.encode(), b"<dxf/>" * 16384, 400, b"</dxfs></styleSheet>")),
                            ["styles.xml", "16 MB"]),
    "styles_deep.xlsx": (lambda p: workbook(p, sheet(HEADER_ROW), styles=Repeated(
        f'<styleSheet xmlns="{MAIN}">'.encode(), b"<a>" * 16384, 60, b"")), ["styles.xml", "lồng nhau quá 32 cấp"]),
    "garbled_sheet.xlsx": (lambda p: one_cell(p, '<c r="A2"><v>1</v></c></row><row r="3"><c r="A3"><v>1</c>'),
                           ["XML hỏng ở dòng 3"]),
    "shared_strings_bomb.xlsx": (lambda p: workbook(p, sheet(HEADER_ROW), shared=Repeated(
        f'<sst xmlns="{MAIN}">'.encode(), b"<si><t>ab</t></si>" * 4096, 300, b"</sst>")), ["sharedStrings.xml", "1.048.576"]),
    "entity_bomb.xlsx": (lambda p: workbook(p, sheet(HEADER_ROW), shared=(
        '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f'<sst xmlns="{MAIN}"><si><t>&b;</t></si></sst>').encode()), ["sharedStrings.xml", "DOCTYPE"]),
    "too_many_entries.xlsx": (lambda p: workbook(p, sheet(HEADER_ROW), extra=[(f"x/{i}.xml", b"<a/>") for i in range(10_001)]),
                              ["10.000"]),
    "long_line.csv": (lambda p: p.write_text("Họ và tên,Ghi chú\nAn," + "x" * (2 << 20) + "\n", encoding="utf-8") and p,
                      ["long_line.csv", "dòng 2", "1.048.576"]),
    "open_quote.csv": (lambda p: p.write_text('Họ và tên,Ghi chú\nAn,"' + ("x" * 1000 + "\n") * 6000, encoding="utf-8") and p,
                       ["open_quote.csv", "dòng 2", "ngoặc kép"]),
}


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("crafted")
    out = {}
    for name, (build, _fragments) in REFUSED_FILES.items():
        path = folder / name
        build(path)
        out[name] = path
    return out


@pytest.mark.parametrize("name", sorted(REFUSED_FILES))
def test_each_bad_file_is_refused_with_a_message_naming_where(name, crafted, app_ctx):
    with pytest.raises(ImportFileError) as refused:
        import_residents(app_ctx, crafted[name], dry_run=True)
    message = str(refused.value)
    for fragment in REFUSED_FILES[name][1]:
        assert fragment in message, (name, message)
    assert "Traceback" not in message and "Error" not in message.replace("ImportFileError", "")


PROBE = r"""
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1536 << 20, 1536 << 20))  # a runaway reader stops here, not the machine
from desktop.services.residents.files import ImportFileError, inspect_file, read_table
out = {}
for path in sys.argv[1:]:
    try:
        n = sum(1 for _ in read_table(path).rows())
        inspect_file(path)
        out[path] = "read %d rows" % n
    except ImportFileError as exc:
        out[path] = str(exc)
# This process's own peak: /proc's high-water mark (ru_maxrss would include the parent it was forked from).
status = dict(line.split(":", 1) for line in open("/proc/self/status") if ":" in line)
out["peak_rss_mb"] = int(status["VmHWM"].split()[0]) / 1024
print(json.dumps(out, ensure_ascii=False))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak memory from /proc")
def test_reading_every_hostile_file_stays_under_300_mb(crafted):
    """Each crafted file read (rows and the GUI preview) in one child process under an address-space cap:
    all refused in Vietnamese, and the peak memory of the whole run stays under 300 MB."""
    env = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    proc = subprocess.run([sys.executable, "-c", PROBE, *map(str, crafted.values())], capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout)
    assert result.pop("peak_rss_mb") <= 300
    for path, message in result.items():
        assert not message.startswith("read "), (path, message)


def test_a_csv_year_no_number_can_hold_rejects_its_row_only(app_ctx, tmp_path):
    path = _csv(tmp_path / "years.csv", [["Nguyễn Văn An", "1e400", ""], ["Trần Văn Bình", "nan", ""],
                                          ["Lê Văn Cường", "9" * 5000, ""], ["Phạm Văn Dũng", "1990", ""]])
    report = import_residents(app_ctx, path, dry_run=True)
    assert report.valid_rows == 1
    assert {(p.row, p.field) for p in report.rejected} == {(2, "birth_year"), (3, "birth_year"), (4, "birth_year")}
    assert all("sinh «" in p.reason and len(p.reason) < 120 for p in report.rejected)


def test_a_directory_or_a_missing_file_is_named(tmp_path):
    (tmp_path / "folder.xlsx").mkdir()
    for path in (tmp_path / "folder.xlsx", tmp_path / "missing.csv"):
        with pytest.raises(ImportFileError) as refused:
            inspect_file(path)
        assert path.name in str(refused.value)
