"""Fast row reading of an openpyxl read-only worksheet: values plus each cell's style id.

openpyxl's `iter_rows()` builds a cell object per cell and parses inline strings through
its rich-text model; a 100,000-row import only needs the value and the font name (for
TCVN3/VNI text). Same parser, same value conversion (numbers, dates, shared strings,
booleans, cached formula results), minus the per-cell objects.
"""

from __future__ import annotations

from typing import Iterator

from openpyxl.worksheet._reader import INLINE_STRING, WorkSheetParser
from openpyxl.xml.constants import SHEET_MAIN_NS

_T = "{%s}t" % SHEET_MAIN_NS
_R = "{%s}r" % SHEET_MAIN_NS


def _inline_text(child) -> str:  # noqa: ANN001
    """Text of an <is> element as openpyxl's Text.content gives it (plain <t>, then each run's <t>)."""
    parts = []
    plain = child.find(_T)
    if plain is not None and plain.text is not None:
        parts.append(plain.text)
    for run in child.iterfind(_R):
        t = run.find(_T)
        if t is not None and t.text is not None:
            parts.append(t.text)
    return "".join(parts)


class _Parser(WorkSheetParser):
    def parse_cell(self, element):  # noqa: ANN001, ANN201
        if element.get("t") == "inlineStr" and not self.rich_text:
            child = element.find(INLINE_STRING)
            if child is not None:
                cell = super().parse_cell(_NoInline(element))
                if cell["data_type"] == "inlineStr":
                    cell["value"], cell["data_type"] = _inline_text(child), "s"
                return cell
        return super().parse_cell(element)


class _NoInline:
    """An inline-string cell element whose <is> the base parser must not parse again."""

    __slots__ = ("_el",)

    def __init__(self, element):  # noqa: ANN001
        self._el = element

    def get(self, key, default=None):  # noqa: ANN001, ANN201
        return self._el.get(key, default)

    def find(self, path):  # noqa: ANN001, ANN201
        return None if path == INLINE_STRING else self._el.find(path)

    def findtext(self, path, default=None):  # noqa: ANN001, ANN201
        return self._el.findtext(path, default)


def sheet_rows(ws, min_row: int = 1) -> Iterator[tuple[int, list, list]]:  # noqa: ANN001
    """(1-based row number, values, style ids) for each stored row from `min_row`, as wide as the sheet.

    Rows the file does not store (all empty) are skipped.
    """
    wb = ws.parent
    width = ws.max_column
    with ws._get_source() as src:
        parser = _Parser(src, ws._shared_strings, data_only=wb.data_only, epoch=wb.epoch,
                         date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
        for idx, cells in parser.parse():
            if idx < min_row:
                continue
            n = width or (cells[-1]["column"] if cells else 0)
            values: list = [None] * n
            styles: list = [0] * n
            for cell in cells:
                col = cell["column"]
                if 1 <= col <= n:
                    values[col - 1] = cell["value"]
                    styles[col - 1] = cell["style_id"]
            yield idx, values, styles


def font_name(wb, style_id: int) -> str | None:  # noqa: ANN001
    """The font name of a cell style id (what ReadOnlyCell.font.name gives)."""
    try:
        return wb._fonts[wb._cell_styles[style_id].fontId].name
    except (IndexError, AttributeError):
        return None
