"""The first sheet of an old Excel workbook (.xls, BIFF 5/8) as a resident table, through xlrd.

Old ward lists typed in TCVN3 (.VnTime) or VNI (VNI-Times) are mostly .xls: as for xlsx, each text
cell is converted to Unicode by its cell's font name. Values as the xlsx reader gives them: whole
numbers as int, dates as datetime, booleans, text stripped and NFC. The file is untrusted input: its
size is capped before xlrd reads it whole (an .xls sheet holds at most 65,536 rows anyway).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator

from desktop.core import legacy_encodings as le
from desktop.core.i18n import _
from desktop.core.text import nfc

MAX_XLS_BYTES = 64 << 20


def _error(path: Path, detail: object):
    from desktop.services.residents.files import ImportFileError

    return ImportFileError(_("Không đọc được tệp Excel {file}: {error}").format(file=path.name, error=detail))


def read_xls(path: Path, find_header: Callable[[list[list]], int]):
    """A `files.Table` of the workbook's first sheet."""
    import xlrd

    from desktop.services.residents.files import Table

    if path.stat().st_size > MAX_XLS_BYTES:
        raise _error(path, _("tệp lớn hơn {n} MB").format(n=MAX_XLS_BYTES >> 20))
    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
        sheet = book.sheet_by_index(0)
    except (xlrd.XLRDError, xlrd.compdoc.CompDocError, OSError, ValueError, IndexError, KeyError, AssertionError) as exc:
        raise _error(path, exc) from exc
    encodings: dict[int, str | None] = {}  # XF index -> legacy encoding of its font (or None)

    def values(r: int) -> list:
        out = []
        for cell in sheet.row(r):
            out.append(_value(book, cell, encodings))
        return out

    head = [values(r) for r in range(min(15, sheet.nrows))]
    h = find_header(head)
    headers = [str(c or "").strip() for c in head[h]] if head else []

    def rows() -> Iterator[tuple[int, list]]:
        for r in range(h + 1, sheet.nrows):
            yield r + 1, values(r)

    return Table(headers, h + 1, rows, max(0, sheet.nrows - (h + 1)), "xls")


def _value(book, cell, encodings: dict):
    import xlrd

    kind = cell.ctype
    if kind == xlrd.XL_CELL_TEXT:
        enc = encodings.get(cell.xf_index, _UNSET)
        if enc is _UNSET:
            enc = encodings[cell.xf_index] = le.encoding_for_font(_font_name(book, cell.xf_index))
        return nfc(le.convert(cell.value, enc) if enc else cell.value).strip()
    if kind == xlrd.XL_CELL_NUMBER:
        number = cell.value
        return int(number) if float(number).is_integer() else number
    if kind == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
        except (xlrd.xldate.XLDateError, ValueError, OverflowError):
            return cell.value
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    return None  # empty, blank, error


def _font_name(book, xf_index: int | None) -> str | None:
    try:
        return book.font_list[book.xf_list[xf_index].font_index].name
    except (IndexError, TypeError, AttributeError):
        return None


_UNSET = object()
