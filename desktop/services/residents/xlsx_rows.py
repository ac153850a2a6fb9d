"""Streaming rows of the first sheet of an .xlsx file: values plus each cell's style id.

A ward list of 100,000 rows is read straight from the sheet's XML (ElementTree's C
parser, one row element at a time, then dropped) with the shared strings, the number
formats (dates) and the font names (TCVN3/VNI text) from the workbook's other parts.
openpyxl's read-only mode builds a cell object per cell and costs ten times more; the
values here are the ones it gives (numbers as int or float, shared and inline strings,
booleans, dates by number format, cached formula results), see tests.

    book = XlsxBook(path)
    for row_number, values, styles in book.rows(min_row=2):
        font = book.font_name(styles[0])
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from typing import Iterator
from xml.etree import ElementTree as ET

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel, from_ISO8601

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_ROW, _C, _V, _IS, _T, _R = (f"{{{MAIN}}}{t}" for t in ("row", "c", "v", "is", "t", "r"))
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


class XlsxError(ValueError):
    """The file is not a readable workbook (the message says what is wrong)."""


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _text_of(node) -> str:  # noqa: ANN001
    """Text of a shared-string <si> or inline <is>: its plain <t>, then each run's <t> (phonetics left out)."""
    if len(node) == 1 and node[0].tag == _T:  # the usual case: one plain <t>
        return node[0].text or ""
    parts = []
    plain = node.find(_T)
    if plain is not None and plain.text:
        parts.append(plain.text)
    for run in node:
        if run.tag == _R:
            t = run.find(_T)
            if t is not None and t.text:
                parts.append(t.text)
    return "".join(parts)


def _number(text: str) -> int | float:
    return float(text) if "." in text or "E" in text or "e" in text else int(text)


class XlsxBook:
    """The first worksheet of a workbook, its shared strings and its cell styles."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            with zipfile.ZipFile(self.path) as z:
                names = set(z.namelist())
                sheet, strings, styles, epoch_1904 = self._parts(z, names)
                self.sheet_part = sheet
                self.shared = self._shared_strings(z, strings) if strings in names else []
                self.fonts, self.xf_fonts, self.dates, self.timedeltas = (
                    self._styles(z, styles) if styles in names else ([], [], set(), set()))
                self.epoch = CALENDAR_MAC_1904 if epoch_1904 else CALENDAR_WINDOWS_1900
                self.max_row, self.max_column = self._dimension(z, sheet)
        except (zipfile.BadZipFile, KeyError, ET.ParseError, OSError, ValueError) as exc:
            raise XlsxError(str(exc) or type(exc).__name__) from exc

    # -- workbook parts ------------------------------------------------------------------
    @staticmethod
    def _rels(z: zipfile.ZipFile, part: str, names: set[str]) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type, target part name) of a part."""
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        if rels not in names:
            return {}
        out = {}
        for rel in ET.fromstring(z.read(rels)).iter(f"{{{_PKG_REL}}}Relationship"):
            target = rel.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id", "")] = (rel.get("Type", ""), target)
        return out

    def _parts(self, z: zipfile.ZipFile, names: set[str]) -> tuple[str, str, str, bool]:
        workbook = "xl/workbook.xml"
        for rel in self._rels(z, "", names).values():
            if rel[0].endswith("/officeDocument"):
                workbook = rel[1]
        root = ET.fromstring(z.read(workbook))
        pr = root.find(f"{{{MAIN}}}workbookPr")
        epoch_1904 = pr is not None and pr.get("date1904", "0").lower() in ("1", "true")
        rels = self._rels(z, workbook, names)
        sheet = next(iter(root.iter(f"{{{MAIN}}}sheet")), None)
        target = rels.get(sheet.get(f"{{{_REL}}}id", ""), ("", ""))[1] if sheet is not None else ""
        folder = posixpath.dirname(workbook)
        by_type = {t.rsplit("/", 1)[-1]: part for t, part in rels.values()}
        return (target or posixpath.join(folder, "worksheets/sheet1.xml"),
                by_type.get("sharedStrings", posixpath.join(folder, "sharedStrings.xml")),
                by_type.get("styles", posixpath.join(folder, "styles.xml")), epoch_1904)

    @staticmethod
    def _shared_strings(z: zipfile.ZipFile, part: str) -> list[str]:
        out = []
        si = f"{{{MAIN}}}si"
        with z.open(part) as fh:
            for _event, node in ET.iterparse(fh):
                if node.tag == si:
                    out.append(_text_of(node).replace("x005F_", ""))
                    node.clear()
        return out

    @staticmethod
    def _styles(z: zipfile.ZipFile, part: str) -> tuple[list, list, set, set]:
        root = ET.fromstring(z.read(part))
        fonts = []
        for font in root.iterfind(f"{{{MAIN}}}fonts/{{{MAIN}}}font"):
            name = font.find(f"{{{MAIN}}}name")
            fonts.append(name.get("val") if name is not None else None)
        formats = dict(BUILTIN_FORMATS)
        for fmt in root.iterfind(f"{{{MAIN}}}numFmts/{{{MAIN}}}numFmt"):
            formats[int(fmt.get("numFmtId", "0"))] = fmt.get("formatCode", "")
        xf_fonts, dates, timedeltas = [], set(), set()
        for i, xf in enumerate(root.iterfind(f"{{{MAIN}}}cellXfs/{{{MAIN}}}xf")):
            xf_fonts.append(int(xf.get("fontId", "0")))
            code = formats.get(int(xf.get("numFmtId", "0")))
            if code and is_date_format(code):
                dates.add(i)
                if is_timedelta_format(code):
                    timedeltas.add(i)
        return fonts, xf_fonts, dates, timedeltas

    @staticmethod
    def _dimension(z: zipfile.ZipFile, part: str) -> tuple[int, int]:
        """(max row, max column) from the sheet's <dimension>, read from its first bytes.

        Without one (files written in streaming mode) the row count is estimated from the
        size of the sheet and the first rows (for progress only) and the width is unknown (0).
        """
        with z.open(part) as fh:
            head = fh.read(1 << 16)
        m = re.search(rb"<(?:[\w.-]+:)?dimension\s+ref=\"([A-Z]+\d+)(?::([A-Z]+\d+))?\"", head[:4096])
        cell = _CELL_REF.fullmatch((m.group(2) or m.group(1)).decode()) if m else None
        if cell and (m.group(2) or cell.group(0) != "A1"):
            return int(cell.group(2)), _column_number(cell.group(1))
        rows = len(re.findall(rb"<(?:[\w.-]+:)?row[\s>/]", head))
        size = z.getinfo(part).file_size
        return (round(rows * size / len(head)) if rows and head else 0), 0

    def font_name(self, style_id: int) -> str | None:
        """The font name of a cell style id (what openpyxl's cell.font.name gives)."""
        try:
            return self.fonts[self.xf_fonts[style_id]]
        except (IndexError, TypeError):
            return None

    # -- the sheet -----------------------------------------------------------------------
    def rows(self, min_row: int = 1, max_row: int | None = None) -> Iterator[tuple[int, list, list]]:
        """(1-based row number, values, style ids) for each stored row from `min_row`, as wide as the sheet.

        Rows the file does not store (all empty) are skipped; a cell without a value is None.
        """
        try:
            with zipfile.ZipFile(self.path) as z, z.open(self.sheet_part) as fh:
                yield from self._parse(fh, min_row, max_row)
        except (zipfile.BadZipFile, KeyError, ET.ParseError, OSError) as exc:
            raise XlsxError(str(exc) or type(exc).__name__) from exc

    def _parse(self, fh, min_row: int, max_row: int | None) -> Iterator[tuple[int, list, list]]:  # noqa: ANN001
        """Rows from the sheet XML, parsed a megabyte of whole <row> elements at a time.

        Each piece (the rows between two row ends) is wrapped in the document's own root
        start tag (same namespace declarations) and parsed by ElementTree's C parser in
        one call: no per-element Python event as with iterparse.
        """
        buf = b""
        while True:  # the part before <sheetData>: the root start tag and the tags' prefix
            chunk = fh.read(_CHUNK)
            buf += chunk
            m = _SHEET_DATA.search(buf)
            if m or not chunk:
                break
        if not m:
            return
        root = _ROOT.search(buf, 0, m.start())
        if root is None:
            raise XlsxError("no worksheet element")
        prefix = m.group(1) or b""
        if m.group(2):  # <sheetData/>: no rows
            return
        head = root.group(0) + b"<" + prefix + b"sheetData>"
        tail = b"</" + prefix + b"sheetData></" + (root.group(1) or b"") + b"worksheet>"
        row_end = b"</" + prefix + b"row>"
        data_end = b"</" + prefix + b"sheetData>"
        buf = buf[m.end():]
        state = [0, 0]  # last row number, rows yielded
        done = False
        while not done:
            chunk = fh.read(_CHUNK)
            buf += chunk
            if chunk:
                cut = buf.rfind(row_end)
                if cut < 0:
                    continue
                cut += len(row_end)
            else:
                cut = buf.find(data_end)
                if cut < 0:
                    raise XlsxError("sheet data not closed")
                done = True
            piece, buf = buf[:cut], buf[cut:]
            if not piece.strip():
                continue
            element = ET.fromstring(head + piece + tail)
            sheet_data = element[0]
            for row_no, values, styles in self._rows_of(sheet_data, state):
                if row_no < min_row:
                    continue
                if max_row is not None and row_no > max_row:
                    return
                yield row_no, values, styles
            del element, sheet_data, piece

    def _rows_of(self, sheet_data, state: list) -> Iterator[tuple[int, list, list]]:  # noqa: ANN001, C901
        shared, dates, timedeltas, epoch = self.shared, self.dates, self.timedeltas, self.epoch
        width = self.max_column
        columns = _COLUMNS
        for node in sheet_data:
            if node.tag != _ROW:
                continue
            r = node.get("r")
            row_no = state[0] = int(r) if r else state[0] + 1
            cells = []
            col = 0
            for c in node:
                if c.tag != _C:
                    continue
                ref = c.get("r")
                if ref:
                    letters = ref.rstrip("0123456789")
                    col = columns.get(letters) or columns.setdefault(letters, _column_number(letters))
                else:
                    col += 1
                t = c.get("t")
                s = c.get("s")
                style = int(s) if s else 0
                value = None
                if t == "inlineStr":
                    child = c.find(_IS)
                    if child is not None:
                        value = _text_of(child)
                else:
                    text = c.findtext(_V) or None
                    if text is not None:
                        if t is None or t == "n":
                            value = _number(text)
                            if style in dates:
                                try:
                                    value = from_excel(value, epoch, timedelta=style in timedeltas)
                                except (OverflowError, ValueError):
                                    value = "#VALUE!"
                        elif t == "s":
                            value = shared[int(text)]
                        elif t == "b":
                            value = bool(int(text))
                        elif t == "d":
                            value = from_ISO8601(text)
                        else:  # str (a formula's text result), e (an error such as #N/A)
                            value = text
                cells.append((col, value, style))
            n = max(width, cells[-1][0] if cells else 0)
            values: list = [None] * n
            styles: list = [0] * n
            for col, value, style in cells:
                if col >= 1:
                    values[col - 1] = value
                    styles[col - 1] = style
            yield row_no, values, styles


_CHUNK = 1 << 20
_SHEET_DATA = re.compile(rb"<([A-Za-z_][\w.-]*:)?sheetData\b[^>]*?(/)?>")
_ROOT = re.compile(rb"<([A-Za-z_][\w.-]*:)?worksheet\b[^>]*>")
_COLUMNS: dict[str, int] = {}
