"""Streaming rows of the first sheet of an .xlsx file: values plus each cell's style id.

A ward list of 100,000 rows is read straight from the sheet's XML (ElementTree's C
parser, a megabyte of whole rows at a time, then dropped) with the shared strings, the
number formats (dates) and the font names (TCVN3/VNI text) from the workbook's other
parts. openpyxl's read-only mode builds a cell object per cell and costs ten times more;
the values here are the ones it gives (numbers as int or float, shared and inline strings,
booleans, dates by number format, cached formula results), see tests.

A workbook is untrusted input: memory stays bounded whatever the file holds. Every part
is read in bounded pieces with a size cap (`LIMITS`), counted as it is decompressed; a
row, the shared strings and the styles have their own caps; cell references past Excel's
own limits (column XFD, row 1,048,576) and malformed values are refused with the row and
cell named (`XlsxError`, a Vietnamese message).

    book = XlsxBook(path)
    for row_number, values, styles in book.rows(min_row=2):
        font = book.font_name(styles[0])
"""

from __future__ import annotations

import math
import posixpath
import re
import zipfile
import zlib
from pathlib import Path
from typing import Iterator
from xml.etree import ElementTree as ET

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel, from_ISO8601

from desktop.core import formatting
from desktop.core.i18n import _

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_ROW, _C, _V, _IS, _T, _R, _SI = (f"{{{MAIN}}}{t}" for t in ("row", "c", "v", "is", "t", "r", "si"))
_CELL_REF = re.compile(r"([A-Z]{1,3})([1-9][0-9]{0,6})")
_SMALL_INT = re.compile(r"[0-9]{1,9}")

MAX_ROWS = 1_048_576  # Excel's own limits: row 1,048,576, column XFD
MAX_COLUMNS = 16_384
MAX_CELL_CHARS = 131_072  # one cell's text (Excel itself stops at 32,767); as for CSV cells
MB = 1 << 20
# Caps on what a workbook may make us read or hold (bytes of XML unless said otherwise).
LIMITS = {
    "entries": 10_000,  # files in the zip
    "part": 4 * MB,  # workbook, relationships
    "styles": 16 * MB,
    "styles_items": 64_000,  # fonts, number formats, cell formats (Excel: 64,000 cell formats)
    "shared_strings": 128 * MB,
    "shared_strings_count": 1_048_576,
    "shared_strings_chars": 48 * 1_000_000,
    "sheet": 1024 * MB,
    "sheet_head": 8 * MB,  # what comes before the rows (column widths, views)
    "row": 4 * MB,  # one row's XML
}
_CHUNK = 1 << 20
_STREAM_PIECE = 1 << 16  # styles and shared strings are fed to the parser this much at a time
_MAX_DEPTH = 32  # no styles or shared-strings element is nested deeper than a few levels


class XlsxError(ValueError):
    """The file is not a readable workbook; `str()` says what is wrong and where, in Vietnamese."""


def _limit_error(what: str, limit: str) -> XlsxError:
    return XlsxError(_("{what} vượt quá giới hạn {limit}; tệp bị từ chối.").format(what=what, limit=limit))


def _size(n: int) -> str:
    return formatting.file_size(n)


def _count(n: int) -> str:
    return formatting.number(n)


def _shown(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[:n] + "…"


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _column_letters(n: int) -> str:
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


class _Part:
    """A part of the zip read in bounded pieces: refuses more than `cap` bytes and any DTD (entities)."""

    def __init__(self, z: zipfile.ZipFile, name: str, cap: int, label: str):
        self.name, self.cap, self.label = name, cap, label
        info = z.getinfo(name)
        if info.file_size > cap:  # the declared size bounds what zipfile will give us
            raise _limit_error(_("Phần {part} của tệp ({size})").format(part=label, size=_size(info.file_size)), _size(cap))
        self._fh = z.open(info)
        self.read_bytes = 0
        self._tail = b""

    def read(self, n: int = _CHUNK) -> bytes:
        if n is None or n < 0 or n > _CHUNK:
            n = _CHUNK
        data = self._fh.read(n)
        self.read_bytes += len(data)
        if self.read_bytes > self.cap:
            raise _limit_error(_("Phần {part} của tệp").format(part=self.label), _size(self.cap))
        probe = self._tail + data[:16]
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data or b"<!DOCTYPE" in probe or b"<!ENTITY" in probe:
            raise XlsxError(_("Phần {part} của tệp có khai báo DOCTYPE/ENTITY: tệp Excel thật không có, tệp bị từ chối.").format(
                part=self.label))
        self._tail = data[-16:]
        return data

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> "_Part":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _xml_error(part: str, exc: ET.ParseError) -> XlsxError:
    line, column = getattr(exc, "position", (0, 0))
    return XlsxError(_("Phần {part} của tệp có nội dung XML hỏng (dòng {line}, cột {column} của phần đó).").format(
        part=part, line=line, column=column))


def _check_entries(path: Path) -> None:
    """Refuse a zip whose directory lists more files than a workbook has, before zipfile reads it all."""
    try:
        with open(path, "rb") as fh:
            end = zipfile._EndRecData(fh)
    except OSError:
        return
    if end and end[zipfile._ECD_ENTRIES_TOTAL] > LIMITS["entries"]:
        raise _limit_error(_("Số tệp bên trong tệp nén ({n})").format(n=_count(end[zipfile._ECD_ENTRIES_TOTAL])),
                           _count(LIMITS["entries"]))


def _file_error(exc: BaseException) -> XlsxError:
    """A reading failure below us, said in Vietnamese."""
    if isinstance(exc, XlsxError):
        return exc
    if isinstance(exc, zipfile.BadZipFile):
        return XlsxError(_("không phải tệp Excel .xlsx hợp lệ hoặc tệp nén bị hỏng ({detail}).").format(detail=exc))
    if isinstance(exc, (zlib.error, EOFError)):
        return XlsxError(_("dữ liệu nén bên trong tệp bị hỏng; hãy lấy lại tệp gốc."))
    if isinstance(exc, KeyError):
        return XlsxError(_("tệp thiếu một phần bắt buộc của bảng tính ({detail}).").format(detail=exc))
    if isinstance(exc, MemoryError):
        return XlsxError(_("tệp cần nhiều bộ nhớ hơn máy có; tệp bị từ chối."))
    if isinstance(exc, OSError):
        return XlsxError(_("không đọc được tệp ({detail}).").format(detail=exc.strerror or exc))
    return XlsxError(str(exc) or type(exc).__name__)


class XlsxBook:
    """The first worksheet of a workbook, its shared strings and its cell styles."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            _check_entries(self.path)
            with zipfile.ZipFile(self.path) as z:
                names = set(z.namelist())
                sheet, strings, styles, epoch_1904 = self._parts(z, names)
                self.sheet_part = sheet
                self.shared = self._shared_strings(z, strings) if strings in names else []
                self.fonts, self.xf_fonts, self.dates, self.timedeltas = (
                    self._styles(z, styles) if styles in names else ([], [], set(), set()))
                self.epoch = CALENDAR_MAC_1904 if epoch_1904 else CALENDAR_WINDOWS_1900
                self.max_row, self.max_column = self._dimension(z, sheet)
        except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, OSError, ValueError, MemoryError) as exc:
            raise _file_error(exc) from exc

    # -- workbook parts ------------------------------------------------------------------
    @staticmethod
    def _small_xml(z: zipfile.ZipFile, part: str) -> ET.Element:
        with _Part(z, part, LIMITS["part"], part) as fh:
            parser = ET.XMLParser()
            try:
                while data := fh.read():
                    parser.feed(data)
                return parser.close()
            except ET.ParseError as exc:
                raise _xml_error(part, exc) from exc

    @classmethod
    def _rels(cls, z: zipfile.ZipFile, part: str, names: set[str]) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type, target part name) of a part."""
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        if rels not in names:
            return {}
        out = {}
        for rel in cls._small_xml(z, rels).iter(f"{{{_PKG_REL}}}Relationship"):
            target = rel.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id", "")] = (rel.get("Type", ""), target)
        return out

    def _parts(self, z: zipfile.ZipFile, names: set[str]) -> tuple[str, str, str, bool]:
        workbook = "xl/workbook.xml"
        for rel in self._rels(z, "", names).values():
            if rel[0].endswith("/officeDocument"):
                workbook = rel[1]
        root = self._small_xml(z, workbook)
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
    def _stream(fh: _Part, label: str) -> Iterator[tuple[str, ET.Element, list]]:
        """(event, element, open elements) for each start and end; an element is dropped from its
        parent once it ends, so memory holds one path of the tree, never the whole part."""
        parser = ET.XMLPullParser(events=("start", "end"))
        stack: list[ET.Element] = []
        try:
            while True:
                data = fh.read(_STREAM_PIECE)
                if data:
                    parser.feed(data)
                else:
                    parser.close()
                for event, el in parser.read_events():
                    if event == "start":
                        stack.append(el)
                        if len(stack) > _MAX_DEPTH:
                            raise XlsxError(_("Phần {part} của tệp lồng nhau quá {n} cấp; tệp bị từ chối.").format(
                                part=label, n=_MAX_DEPTH))
                        yield event, el, stack
                    else:
                        stack.pop()
                        yield event, el, stack
                        if stack:
                            del stack[-1][-1]  # it is its parent's last child: nothing after it has started
                if not data:
                    return
        except ET.ParseError as exc:
            raise _xml_error(label, exc) from exc

    @classmethod
    def _shared_strings(cls, z: zipfile.ZipFile, part: str) -> list[str]:
        out: list[str] = []
        pieces: list[str] = []
        chars = total = 0
        max_count, max_chars = LIMITS["shared_strings_count"], LIMITS["shared_strings_chars"]
        with _Part(z, part, LIMITS["shared_strings"], "sharedStrings.xml") as fh:
            for event, el, stack in cls._stream(fh, "sharedStrings.xml"):
                if event != "end":
                    continue
                tag = el.tag
                if tag == _T:  # a plain <t> of the <si>, or a rich-text run's (phonetic runs are left out)
                    parent = stack[-1].tag if stack else None
                    if parent == _SI or (parent == _R and len(stack) > 1 and stack[-2].tag == _SI):
                        text = el.text or ""
                        pieces.append(text)
                        chars += len(text)
                        if chars > MAX_CELL_CHARS:
                            raise _limit_error(_("Chuỗi dùng chung số {n} (sharedStrings.xml)").format(n=len(out)),
                                               _("{n} ký tự của một ô").format(n=_count(MAX_CELL_CHARS)))
                elif tag == _SI:
                    out.append(("".join(pieces) if len(pieces) != 1 else pieces[0]).replace("x005F_", ""))
                    total += chars
                    pieces, chars = [], 0
                    if len(out) > max_count:
                        raise _limit_error(_("Số chuỗi dùng chung (sharedStrings.xml)"), _("{n} chuỗi").format(n=_count(max_count)))
                    if total > max_chars:
                        raise _limit_error(_("Tổng độ dài các chuỗi dùng chung (sharedStrings.xml)"),
                                           _("{n} ký tự").format(n=_count(max_chars)))
        return out

    @classmethod
    def _styles(cls, z: zipfile.ZipFile, part: str) -> tuple[list, list, set, set]:
        fonts_tag, font_tag, name_tag = f"{{{MAIN}}}fonts", f"{{{MAIN}}}font", f"{{{MAIN}}}name"
        xfs_tag, xf_tag = f"{{{MAIN}}}cellXfs", f"{{{MAIN}}}xf"
        fmts_tag, fmt_tag = f"{{{MAIN}}}numFmts", f"{{{MAIN}}}numFmt"
        cap = LIMITS["styles_items"]
        fonts: list = []
        formats = dict(BUILTIN_FORMATS)
        xfs: list[tuple[int, int]] = []

        def number(text: str | None) -> int:
            return int(text) if text and _SMALL_INT.fullmatch(text) else 0

        def over(what: str) -> XlsxError:
            return _limit_error(_("Số {what} trong styles.xml").format(what=what), _count(cap))

        with _Part(z, part, LIMITS["styles"], "styles.xml") as fh:
            for event, el, stack in cls._stream(fh, "styles.xml"):
                if event != "start" or len(stack) < 2:
                    continue
                tag, parent = el.tag, stack[-2].tag
                if tag == font_tag and parent == fonts_tag:
                    fonts.append(None)
                    if len(fonts) > cap:
                        raise over(_("phông chữ"))
                elif tag == name_tag and parent == font_tag and len(stack) > 2 and stack[-3].tag == fonts_tag:
                    fonts[-1] = (el.get("val") or "")[:64]
                elif tag == xf_tag and parent == xfs_tag:
                    xfs.append((number(el.get("fontId")), number(el.get("numFmtId"))))
                    if len(xfs) > cap:
                        raise over(_("định dạng ô"))
                elif tag == fmt_tag and parent == fmts_tag:
                    if len(formats) > cap + len(BUILTIN_FORMATS):
                        raise over(_("định dạng số"))
                    formats[number(el.get("numFmtId"))] = (el.get("formatCode") or "")[:255]
        xf_fonts, dates, timedeltas = [], set(), set()
        is_date: dict[str, tuple[bool, bool]] = {}
        for i, (font_id, fmt_id) in enumerate(xfs):
            xf_fonts.append(font_id)
            code = formats.get(fmt_id)
            if not code:
                continue
            if code not in is_date:
                is_date[code] = (is_date_format(code), is_timedelta_format(code))
            date_like, timedelta_like = is_date[code]
            if date_like:
                dates.add(i)
                if timedelta_like:
                    timedeltas.add(i)
        return fonts, xf_fonts, dates, timedeltas

    @staticmethod
    def _dimension(z: zipfile.ZipFile, part: str) -> tuple[int, int]:
        """(max row, max column) from the sheet's <dimension>, read from its first bytes.

        Without one (files written in streaming mode) the row count is estimated from the
        size of the sheet and the first rows (for progress only) and the width is unknown (0).
        A range past Excel's limits is refused.
        """
        with _Part(z, part, LIMITS["sheet"], part) as fh:
            head = fh.read(1 << 16)
        m = re.search(rb"<(?:[\w.-]+:)?dimension\s+ref=\"([A-Za-z]{1,10}\d{1,12})(?::([A-Za-z]{1,10}\d{1,12}))?\"", head[:4096])
        if m:
            ref = (m.group(2) or m.group(1)).decode()
            cell = _CELL_REF.fullmatch(ref)
            if cell is None or _column_number(cell.group(1)) > MAX_COLUMNS or int(cell.group(2)) > MAX_ROWS:
                raise XlsxError(_("Vùng dữ liệu của trang tính ({ref}) vượt quá giới hạn của Excel (cột XFD, dòng 1.048.576).").format(
                    ref=_shown(m.group(0).decode(errors="replace"))))
            if m.group(2) or cell.group(0) != "A1":
                return int(cell.group(2)), _column_number(cell.group(1))
        rows = len(re.findall(rb"<(?:[\w.-]+:)?row[\s>/]", head))
        size = z.getinfo(part).file_size
        return (min(MAX_ROWS, round(rows * size / len(head))) if rows and head else 0), 0

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
            with zipfile.ZipFile(self.path) as z, _Part(z, self.sheet_part, LIMITS["sheet"], "sheet") as fh:
                yield from self._parse(fh, min_row, max_row)
        except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, OSError, MemoryError) as exc:
            raise _file_error(exc) from exc

    def _parse(self, fh: _Part, min_row: int, max_row: int | None) -> Iterator[tuple[int, list, list]]:
        """Rows from the sheet XML, parsed about a megabyte of whole <row> elements at a time.

        Each piece (the rows between two row ends) is wrapped in the document's own root
        start tag (same namespace declarations) and parsed by ElementTree's C parser in
        one call: no per-element Python event as with iterparse. Only the text after the
        last complete row is carried to the next read, and it may not grow past one row's cap.
        """
        head_cap = LIMITS["sheet_head"]
        buf = b""
        while True:  # the part before <sheetData>: the root start tag and the tags' prefix
            chunk = fh.read(_CHUNK)
            start = max(0, len(buf) - 64)
            buf += chunk
            m = _SHEET_DATA.search(buf, start)
            if m or not chunk:
                break
            if len(buf) > head_cap:
                raise _limit_error(_("Phần đầu trang tính (trước dữ liệu)"), _size(head_cap))
        if not m:
            return
        root = _ROOT.search(buf, 0, m.start())
        if root is None:
            raise XlsxError(_("Trang tính không có phần tử worksheet."))
        prefix = m.group(1) or b""
        if m.group(2):  # <sheetData/>: no rows
            return
        head = root.group(0) + b"<" + prefix + b"sheetData>"
        tail = b"</" + prefix + b"sheetData></" + (root.group(1) or b"") + b"worksheet>"
        row_end = b"</" + prefix + b"row>"
        data_end = b"</" + prefix + b"sheetData>"
        row_cap = LIMITS["row"]
        carry = buf[m.end():]  # what came with the head: searched before anything more is read
        scanned = 0  # how much of `carry` was already searched
        first = True
        del buf
        state = [0, 0]  # last row number, rows yielded
        done = False
        while not done:
            if first:
                first, at_end, data = False, False, carry
            else:
                chunk = fh.read(_CHUNK)
                at_end = not chunk
                data = carry + chunk if carry else chunk
            look_from = max(0, scanned - len(data_end))
            end = data.find(data_end, look_from)
            if end >= 0:  # the rows end here: what follows (merged cells, …) is never read
                piece, carry, done = data[:end], b"", True
            elif at_end:
                raise XlsxError(_("Trang tính bị cắt cụt: thiếu phần kết thúc dữ liệu (sau dòng {row}).").format(row=state[0]))
            else:
                cut = data.rfind(row_end, look_from)
                if cut < 0:
                    carry, scanned = data, len(data)
                    if len(carry) > row_cap:
                        raise _limit_error(_("Dòng sau dòng {row} của trang tính").format(row=state[0]), _size(row_cap))
                    continue
                cut += len(row_end)
                piece, carry = data[:cut], data[cut:]
                scanned = len(carry)
            del data
            if not piece.strip():
                continue
            try:
                element = ET.fromstring(head + piece + tail)
            except ET.ParseError as exc:
                raise XlsxError(_("Trang tính có nội dung XML hỏng ở dòng {row} (tệp có thể bị hỏng hoặc bị sửa).").format(
                    row=_row_at(head + piece, exc, state[0]))) from exc
            sheet_data = element[0]
            del piece
            for row_no, values, styles in self._rows_of(sheet_data, state):
                if row_no < min_row:
                    continue
                if max_row is not None and row_no > max_row:
                    return
                yield row_no, values, styles
            del element, sheet_data

    def _rows_of(self, sheet_data, state: list) -> Iterator[tuple[int, list, list]]:
        shared, dates, timedeltas, epoch = self.shared, self.dates, self.timedeltas, self.epoch
        width = self.max_column
        columns = _COLUMNS
        n_shared = len(shared)
        max_chars = MAX_CELL_CHARS
        for node in sheet_data:
            if node.tag != _ROW:
                continue
            r = node.get("r")
            if r:
                if not (r.isdecimal() and len(r) <= 7):
                    raise _bad_row(r, state[0])
                row_no = int(r)
                if not state[0] < row_no <= MAX_ROWS:
                    raise _bad_row(r, state[0])
                state[0] = row_no
                if r[0] == "0":  # "007": its cells are A7, B7…
                    r = str(row_no)
            else:
                row_no = state[0] = state[0] + 1
                if row_no > MAX_ROWS:
                    raise _bad_row(str(row_no), row_no - 1)
                r = str(row_no)
            cells = []
            col = top = 0
            for c in node:
                if c.tag != _C:
                    continue
                ref = c.get("r")
                if ref:
                    letters = ref.rstrip("0123456789")
                    col = columns.get(letters) or _letters_column(letters, ref, row_no)
                    if ref != letters + r:
                        raise _bad_cell(ref, row_no, _("ô nằm ở dòng khác với dòng chứa nó"))
                else:
                    col += 1
                    if col > MAX_COLUMNS:
                        raise _bad_cell(_column_letters(col) + r, row_no, _("vượt quá cột XFD"))
                t = c.get("t")
                s = c.get("s")
                style = 0
                if s:
                    if not (s.isdecimal() and len(s) <= 9):
                        raise _bad_cell(ref or _column_letters(col) + r, row_no,
                                        _("mã định dạng «{value}» không hợp lệ").format(value=_shown(s)))
                    style = int(s)
                value = None
                if t == "inlineStr":
                    child = c.find(_IS)
                    if child is not None:
                        value = _text_of(child)
                        if len(value) > max_chars:
                            raise _too_long(ref or _column_letters(col) + r, row_no)
                else:
                    text = c.findtext(_V) or None
                    if text is not None:
                        if t is None or t == "n":
                            value = _number(text, ref or _column_letters(col) + r, row_no)
                            if style in dates:
                                try:
                                    value = from_excel(value, epoch, timedelta=style in timedeltas)
                                except (OverflowError, ValueError):
                                    value = "#VALUE!"
                        elif t == "s":
                            if not (text.isdecimal() and len(text) <= 9) or int(text) >= n_shared:
                                raise _bad_cell(ref or _column_letters(col) + r, row_no, _(
                                    "trỏ tới chuỗi dùng chung số «{index}» nhưng tệp chỉ có {n} chuỗi").format(
                                    index=_shown(text), n=_count(n_shared)))
                            value = shared[int(text)]
                        elif t == "b":
                            if text not in ("0", "1", "true", "false"):
                                raise _bad_cell(ref or _column_letters(col) + r, row_no,
                                                _("giá trị đúng/sai «{value}» không hợp lệ").format(value=_shown(text)))
                            value = text in ("1", "true")
                        elif t == "d":
                            value = _iso_date(text, ref or _column_letters(col) + r, row_no)
                        elif t in ("str", "e"):  # a formula's text result, an error such as #N/A
                            value = text
                            if len(value) > max_chars:
                                raise _too_long(ref or _column_letters(col) + r, row_no)
                        else:
                            raise _bad_cell(ref or _column_letters(col) + r, row_no,
                                            _("kiểu ô «{type}» không hợp lệ").format(type=_shown(t)))
                cells.append((col, value, style))
                if col > top:
                    top = col
            if len(cells) > MAX_COLUMNS:  # (its XML is capped: the list was bounded meanwhile)
                raise _bad_row(r, row_no - 1, _("dòng có hơn {n} ô").format(n=_count(MAX_COLUMNS)))
            n = max(width, top)
            values: list = [None] * n
            styles: list = [0] * n
            for col, value, style in cells:
                if col >= 1:
                    values[col - 1] = value
                    styles[col - 1] = style
            yield row_no, values, styles


def _row_at(text: bytes, exc: ET.ParseError, previous: int) -> str:
    """The sheet row a parse error falls in: the last row start before the error's position."""
    line, column = getattr(exc, "position", (1, 0))
    offset = 0
    for _i in range(max(0, line - 1)):
        offset = text.find(b"\n", offset) + 1
        if offset == 0:
            break
    last = None
    for match in _ROW_START.finditer(text, 0, offset + column):
        last = match
    if last is not None:
        return last.group(1).decode()
    return _("sau dòng {row}").format(row=previous)


_ROW_START = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?row\b[^>]*?\br="([0-9]{1,7})"')


def _text_of(node) -> str:
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


def _letters_column(letters: str, ref: str, row_no: int) -> int:
    """The column number of a cell reference's letters (cached), refusing anything past XFD."""
    if not (letters and letters.isascii() and letters.isalpha() and letters.isupper()):
        raise _bad_cell(ref, row_no, _("địa chỉ ô không hợp lệ"))
    n = _column_number(letters) if len(letters) <= 3 else MAX_COLUMNS + 1
    if n > MAX_COLUMNS:
        raise _bad_cell(ref, row_no, _("vượt quá cột XFD, cột cuối cùng của Excel"))
    _COLUMNS[letters] = n
    return n


def _bad_row(r: str, previous: int, problem: str = "") -> XlsxError:
    if problem:
        return XlsxError(_("Dòng {row} của trang tính: {problem}.").format(row=_shown(r), problem=problem))
    return XlsxError(_("Trang tính có dòng đánh số «{r}» (sau dòng {previous}): số dòng phải tăng dần từ 1 đến 1.048.576.").format(
        r=_shown(r), previous=previous))


def _bad_cell(ref: str, row_no: int, problem: str) -> XlsxError:
    return XlsxError(_("Dòng {row}, ô {ref}: {problem}.").format(row=row_no, ref=_shown(ref), problem=problem))


def _too_long(ref: str, row_no: int) -> XlsxError:
    return _bad_cell(ref, row_no, _("dài hơn {n} ký tự, vượt quá giới hạn của một ô").format(n=_count(MAX_CELL_CHARS)))


def _number(text: str, ref: str, row_no: int) -> int | float:
    try:
        if len(text) <= 32:
            if "." in text or "E" in text or "e" in text:
                value = float(text)
                if math.isfinite(value):
                    return value
            else:
                return int(text)
    except ValueError:
        pass
    raise _bad_cell(ref, row_no, _("«{value}» không phải là một số").format(value=_shown(text)))


def _iso_date(text: str, ref: str, row_no: int):
    try:
        if len(text) <= 40:
            value = from_ISO8601(text)
            if value is not None:
                return value
    except (ValueError, TypeError, OverflowError, AttributeError):
        pass
    raise _bad_cell(ref, row_no, _("ngày «{value}» không hợp lệ").format(value=_shown(text)))


_SHEET_DATA = re.compile(rb"<([A-Za-z_][\w.-]*:)?sheetData\b[^>]*?(/)?>")
_ROOT = re.compile(rb"<([A-Za-z_][\w.-]*:)?worksheet\b[^>]*>")
_COLUMNS: dict[str, int] = {}
