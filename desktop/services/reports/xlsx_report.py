"""Write a report document to .xlsx (openpyxl), styled to print on A4 portrait.

Registered as RENDERERS["xlsx"]: `render(ctx, kind, data, out_path)`. Every text cell goes
through `core.cell_text.put_text`: a group named "=HYPERLINK(…)" is text, never a formula.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.core.cell_text import put_text
from desktop.core.i18n import _
from desktop.services.output_file import writing
from desktop.services.reports.document import fmt_cell

FONT = "Times New Roman"
WIDTHS = [6, 30, 11, 11, 9, 11, 9, 12, 9]  # 9 columns fit A4 portrait at 12 pt
CHARS_PER_LINE = 110  # a merged A:I line of text at 12 pt
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="DDE7F3")


def _font(size: int = 12, bold: bool = False, italic: bool = False) -> Font:
    return Font(name=FONT, size=size, bold=bold, italic=italic)


class _Writer:
    def __init__(self, ws: Worksheet, ncols: int):
        self.ws = ws
        self.ncols = ncols
        self.row = 1

    def line(self, text: str, *, first: int = 1, last: int | None = None, size: int = 12, bold: bool = False,
             italic: bool = False, align: str = "left", advance: bool = True) -> None:
        last = last or self.ncols
        cell = put_text(self.ws.cell(self.row, first), text)
        cell.font = _font(size, bold, italic)
        cell.alignment = Alignment(horizontal=align, vertical="top", wrap_text=True)
        if last > first:
            self.ws.merge_cells(start_row=self.row, start_column=first, end_row=self.row, end_column=last)
        width = sum(WIDTHS[first - 1 : last]) if last <= len(WIDTHS) else CHARS_PER_LINE
        lines = max(1, -(-len(text) * 11 // 10 // max(width, 1)))
        current = self.ws.row_dimensions[self.row].height or 0
        self.ws.row_dimensions[self.row].height = max(current, 17 * lines)
        if advance:
            self.row += 1

    def skip(self, n: int = 1) -> None:
        self.row += n

    def table(self, t: dict) -> None:
        if t.get("title"):
            self.line(t["title"], italic=True, bold=True)
        for col, heading in enumerate(t["columns"], 1):
            cell = put_text(self.ws.cell(self.row, col), heading)
            cell.font = _font(11, bold=True)
            cell.fill = HEAD_FILL
            cell.border = BOX
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.ws.row_dimensions[self.row].height = 32
        self.row += 1
        for values in t["rows"]:
            for col, (value, kind) in enumerate(zip(values, t["kinds"]), 1):
                cell = self.ws.cell(self.row, col)
                if kind == "pct" and isinstance(value, (int, float)):
                    cell.value = value / 100
                    cell.number_format = "0.0%"
                elif kind == "int" and isinstance(value, int) and not isinstance(value, bool):
                    cell.value = value
                    cell.number_format = "#,##0"
                else:
                    put_text(cell, fmt_cell(value, kind) if kind != "text" else ("" if value is None else str(value)))
                cell.font = _font(11, bold=str(values[1] if len(values) > 1 else "") == _("Tổng cộng"))
                cell.border = BOX
                cell.alignment = Alignment(horizontal="left" if kind == "text" else "right", vertical="top", wrap_text=True)
            self.row += 1
        self.skip()


def build_workbook(doc: dict) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = _("Báo cáo")[:31]
    ncols = max([len(WIDTHS)] + [len(t["columns"]) for s in doc["sections"] for t in s["tables"]])
    for i in range(1, ncols + 1):
        ws.column_dimensions[get_column_letter(i)].width = WIDTHS[i - 1] if i <= len(WIDTHS) else 14
    w = _Writer(ws, ncols)
    left, right = (1, 3), (4, ncols)
    if doc.get("authority") or doc.get("national_header"):
        authority = doc.get("authority") or ["", ""]
        header = doc.get("national_header") or ["", ""]
        for i in range(2):
            w.line(authority[i] if i < len(authority) else "", first=left[0], last=left[1], bold=i == 1, align="center", advance=False)
            w.line(header[i] if i < len(header) else "", first=right[0], last=right[1], bold=True, size=12 if i == 0 else 13, align="center")
        w.line(doc.get("number", ""), first=left[0], last=left[1], align="center", advance=False)
        w.line(doc.get("place_date", ""), first=right[0], last=right[1], italic=True, align="center")
        w.skip()
    w.line(doc["title"], bold=True, size=14, align="center")
    if doc.get("subtitle"):
        w.line(doc["subtitle"], bold=True, size=13, align="center")
    if doc.get("period_line"):
        w.line(doc["period_line"], italic=True, align="center")
    w.skip()
    for section in doc["sections"]:
        if section["heading"]:
            w.line(section["heading"], bold=True)
        for paragraph in filter(None, section["paragraphs"]):
            w.line(paragraph)
        for t in section["tables"]:
            w.table(t)
    if doc.get("recipients") or doc.get("signer_title"):
        w.skip()
        start = w.row
        w.line(_("Nơi nhận:"), first=left[0], last=left[1], bold=True, italic=True)
        for r in doc.get("recipients", []):
            w.line("- " + r, first=left[0], last=left[1], size=11)
        end_left = w.row
        w.row = start
        w.line(doc.get("signer_title", ""), first=right[0], last=right[1], bold=True, align="center")
        w.line(_("(Ký, ghi rõ họ tên)"), first=right[0], last=right[1], italic=True, align="center")
        w.skip(3)
        if doc.get("signer_name"):
            w.line(doc["signer_name"], first=right[0], last=right[1], bold=True, align="center")
        w.row = max(w.row, end_left)
    _print_setup(ws, ncols)
    return wb


def _print_setup(ws: Worksheet, ncols: int) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top = ws.page_margins.bottom = 0.7
    ws.print_options.horizontalCentered = True
    ws.print_area = f"A1:{get_column_letter(ncols)}{max(ws.max_row, 1)}"
    ws.sheet_view.showGridLines = False
    ws.oddFooter.center.text = "&P / &N"


def render(ctx, kind: str, data: dict, out_path: str | Path) -> Path:
    """Write `data` (an official report or any report dict) to `out_path` as .xlsx."""
    path = Path(out_path)
    from desktop.services.reports.documents import document_for

    wb = build_workbook(document_for(ctx, kind, data))
    with writing(path) as tmp:  # a crash mid-write never leaves half a file under the real name
        wb.save(tmp)
    return path
