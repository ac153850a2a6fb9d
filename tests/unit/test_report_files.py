"""Report files: the .xlsx read back with openpyxl, the PDF's text extracted with pdfplumber."""

from __future__ import annotations

import unicodedata

import pdfplumber
import pytest
from openpyxl import load_workbook

from desktop.services.reports.pdf_report import render as render_pdf
from desktop.services.reports.xlsx_report import render as render_xlsx
from desktop.services.reports.official_report import ReportInputs, official_report, save_inputs
from tests.support.report_fixture import TODAY, WEEK, build_report_ward

DIFFICULTY = "Nhiều cụ già ở thôn Đông chưa có điện thoại thông minh; sóng 4G yếu."


@pytest.fixture
def report(app_ctx):
    build_report_ward(app_ctx)
    save_inputs(app_ctx, ReportInputs(number="07", difficulties=DIFFICULTY, proposals="Xin thêm 2 máy tính bảng.",
                                      recipients=["Văn phòng UBND Thành phố;", "Lưu: VT."],
                                      signer_title="Tổ trưởng", signer_name="Nguyễn Thị Hồng"))
    return official_report(app_ctx, WEEK, "weekly", today=TODAY)


def _cells(ws) -> list[str]:
    return [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]


def test_xlsx_layout_figures_and_print_setup(app_ctx, report, tmp_path):
    out = render_xlsx(app_ctx, "weekly", report, tmp_path / "bao-cao.xlsx")
    wb = load_workbook(out)
    ws = wb.active
    text = _cells(ws)
    for expected in ("UBND PHƯỜNG CẦU GIẤY", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Số: 07/BC-TCĐS", "Cầu Giấy, ngày 28 tháng 11 năm 2026", "BÁO CÁO",
                     "Kết quả triển khai ứng dụng Công dân Thủ đô số (iHaNoi)", "Nơi nhận:", "TỔ TRƯỞNG",
                     "Nguyễn Thị Hồng", "- Lưu: VT."):
        assert expected in text, expected
    assert any(DIFFICULTY in t for t in text)
    # the residential-group table: its total row holds numbers, percentages as fractions
    total_row = next(r for r in ws.iter_rows(values_only=True) if r[1] == "Tổng cộng")
    assert list(total_row[2:9]) == [10, 8, 0.8, 5, 0.5, 3, 0.3]
    thon = next(r for r in ws.iter_rows() if r[1].value == "Thôn Đông")
    assert thon[8].value == 0.5 and thon[8].number_format == "0.0%"
    assert ws["A1"].font.name == "Times New Roman"
    assert int(ws.page_setup.paperSize) == 9 and ws.page_setup.orientation == "portrait"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert "$A$1:$I$" in str(ws.print_area)  # the print area spans the 9 columns laid out for A4
    assert not list(tmp_path.glob("*.part"))


def test_pdf_headers_and_vietnamese_diacritics_intact(app_ctx, report, tmp_path):
    out = render_pdf(app_ctx, "weekly", report, tmp_path / "bao-cao.pdf")
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) >= 2
        width, height = pdf.pages[0].width, pdf.pages[0].height
        text = unicodedata.normalize("NFC", "\n".join(p.extract_text() or "" for p in pdf.pages))
        fonts = {c["fontname"] for p in pdf.pages for c in p.chars}
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    flat = " ".join(text.split())
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "UBND PHƯỜNG CẦU GIẤY",
                     "Số: 07/BC-TCĐS", "Cầu Giấy, ngày 28 tháng 11 năm 2026", "BÁO CÁO",
                     "Kết quả triển khai ứng dụng Công dân Thủ đô số (iHaNoi)",
                     "(Tuần từ ngày 23/11/2026 đến ngày 29/11/2026)", "Nơi nhận:", "TỔ TRƯỞNG", "Nguyễn Thị Hồng",
                     "Khó khăn, vướng mắc", "Tổ dân phố số 1", "Thôn Đông", "Không nhận được mã OTP",
                     "Điểm hỗ trợ siêu thị Big C", "Tỷ lệ thành công: 40%"):
        assert expected in flat, expected
    assert " ".join(DIFFICULTY.split()) in flat
    # the font with Vietnamese glyphs is embedded (subset names look like ABCDEF+DejaVuSerif...)
    assert any("DejaVuSerif" in f for f in fonts)
    assert not list(tmp_path.glob("*.part"))


def test_progress_and_complaints_kinds_have_their_own_layout(app_ctx, report, tmp_path):
    from desktop.services.reports.complaints_report import complaints_report
    from desktop.services.reports.progress_report import progress_report

    out = render_xlsx(app_ctx, "progress", progress_report(app_ctx, WEEK), tmp_path / "tien-do.xlsx")
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert (None, "Tổng cộng", 10, 8, 5, 3, 0.3) == rows[[r[1] for r in rows].index("Tổng cộng")][:7]
    pdf_out = render_pdf(app_ctx, "complaints", complaints_report(app_ctx, WEEK), tmp_path / "pa.pdf")
    with pdfplumber.open(pdf_out) as pdf:
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    assert "Tiếp nhận đúng hạn 2/3 (66,7%); xử lý đúng hạn 1/3 (33,3%)" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text


def test_a_dict_of_unknown_shape_still_renders_every_figure(app_ctx, tmp_path):
    from desktop.services.reports.document import as_document

    data = {"period": {"from": "2026-11-01", "to": "2026-11-30"}, "total": 7, "rows": [{"name": "Tổ 1", "n": 7}]}
    doc = as_document("other", data)
    assert doc["doc_type"] == "table_report" and doc["period_line"] == "(Tháng 11 năm 2026)"
    out = render_xlsx(app_ctx, "other", data, tmp_path / "x.xlsx")
    cells = _cells(load_workbook(out).active)
    assert "total" in cells and "Tổ 1" in cells


def _pdf_words(path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [unicodedata.normalize("NFC", w["text"]) for p in pdf.pages for w in p.extract_words(x_tolerance=1.5)]


def _table_words(doc: dict) -> list[str]:
    from desktop.services.reports.document import fmt_cell

    words = []
    for section in doc["sections"]:
        for t in section["tables"]:
            words += [w for head in t["columns"] for w in head.split()]
            words += [w for row in t["rows"] for v, k in zip(row, t["kinds"]) for w in fmt_cell(v, k).split()]
    return words


@pytest.mark.parametrize("kind", ["weekly", "progress", "complaints"])
def test_pdf_tables_never_break_a_word_or_number_inside_a_cell(app_ctx, report, tmp_path, kind):
    """Every word and figure of every table cell ("khoản", "2.001", "33,3%", "15/09/2026") is found
    whole among the PDF's words: nothing is cut across two lines (before: "khoả/n", "2.00/0", "33,3 / %")."""
    from desktop.services.reports.complaints_report import complaints_report
    from desktop.services.reports.documents import document_for
    from desktop.services.reports.progress_report import progress_report

    data = {"weekly": lambda: report, "progress": lambda: progress_report(app_ctx, WEEK),
            "complaints": lambda: complaints_report(app_ctx, WEEK)}[kind]()
    out = render_pdf(app_ctx, kind, data, tmp_path / f"{kind}.pdf")
    found = set(_pdf_words(out))
    expected = _table_words(document_for(app_ctx, kind, data))
    assert expected and not [w for w in expected if w not in found]


def test_a_crowded_table_shrinks_its_type_instead_of_cutting_words(tmp_path):
    from desktop.services.reports.document import table
    from desktop.services.reports.pdf_report import write_pdf

    columns = [(f"Chỉ tiêu khoản thiếu số {i}", "int") for i in range(12)] + [("Tên tổ dân phố", "text")]
    rows = [[2001 * (i + 1) for i in range(12)] + ["Tổ dân phố số 10 phường Cầu Giấy"] for _ in range(40)]
    doc = {"title": "BÁO CÁO", "subtitle": "", "period_line": "", "authority": [], "national_header": [],
           "sections": [{"heading": "1. Bảng", "paragraphs": [], "tables": [table("", columns, rows)]}]}
    out = write_pdf(doc, tmp_path / "chat.pdf")
    found = set(_pdf_words(out))
    assert {"2.001", "24.012", "khoản", "thiếu", "Giấy"} <= found
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) >= 2  # the table goes on, its header repeated
        assert "Chỉ" in pdf.pages[1].extract_text()


def test_progress_pdf_has_the_letterhead_date_line_and_signature(app_ctx, report, tmp_path):
    from desktop.services.reports.progress_report import progress_report

    out = render_pdf(app_ctx, "progress", progress_report(app_ctx, WEEK), tmp_path / "tien-do.pdf")
    with pdfplumber.open(out) as pdf:
        flat = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    for expected in ("UBND PHƯỜNG CẦU GIẤY", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 07/BC-TCĐS",
                     "Cầu Giấy, ngày", "Nơi nhận:", "TỔ TRƯỞNG", "(Ký, ghi rõ họ tên)", "Nguyễn Thị Hồng"):
        assert expected in flat, expected


def test_the_pdf_writer_needs_no_qt(tmp_path):
    """The CLI's PDF path imports no PySide6 (no QApplication, no display): one module both use."""
    import subprocess
    import sys

    code = ("import sys\n"
            "from desktop.services.reports.pdf_report import write_pdf\n"
            "from desktop.commands import report\n"
            "doc = {'title': 'BÁO CÁO', 'sections': [{'heading': 'Tỷ lệ', 'paragraphs': ['Chưa có số liệu'], 'tables': []}]}\n"
            f"write_pdf(doc, {str(tmp_path / 'q.pdf')!r})\n"
            "assert report.RENDERERS['pdf'].startswith('desktop.services.'), report.RENDERERS\n"
            "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
    assert (tmp_path / "q.pdf").read_bytes().startswith(b"%PDF")
