"""Text that is safe in a spreadsheet cell: every writer (CSV and xlsx lists, xlsx reports) goes through here.

A cell whose text starts with = + - @, a tab or a carriage return (or the full-width ＝ ＋ － ＠
that spreadsheet programs fold to them) may be run as a formula when the file is opened
(OWASP "CSV injection"). Such text is written as text: in xlsx the cell's type is string
and it carries the quote prefix (Excel keeps it text even when edited); in CSV it gets a
leading apostrophe, which the resident import takes off again (`from_csv_cell`).
Characters an xlsx file cannot hold (C0 controls other than tab, newline, carriage return)
are dropped, so one bad value never makes a whole export fail.

    cell.value = ...; put_text(cell, value)      # xlsx (openpyxl cell or WriteOnlyCell)
    writer.writerow([csv_cell(v) for v in row])  # CSV
"""

from __future__ import annotations

import re

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
CSV_GUARD = "'"
# What XML 1.0 (hence xlsx) cannot hold; openpyxl raises IllegalCharacterError on them.
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def is_formula_like(text: object) -> bool:
    """True when a spreadsheet program could take this text for a formula."""
    return isinstance(text, str) and text[:1] in FORMULA_LEADS and text != ""


def cell_text(value: object) -> object:
    """The value as any spreadsheet cell may hold it: text without characters XML cannot carry; other values as they are."""
    if isinstance(value, str) and _NOT_IN_XML.search(value):
        return _NOT_IN_XML.sub("", value)
    return value


def csv_cell(value: object) -> object:
    """A CSV field: formula-like text (and text that starts with the guard itself) gets the apostrophe guard."""
    value = cell_text(value)
    if isinstance(value, str) and (is_formula_like(value) or value.startswith(CSV_GUARD)):
        return CSV_GUARD + value
    return value


def from_csv_cell(text: str) -> str:
    """Undo `csv_cell`: the guard is taken off where our export would have put it."""
    if text.startswith(CSV_GUARD) and (is_formula_like(text[1:]) or text[1:].startswith(CSV_GUARD)):
        return text[1:]
    return text


def put_text(cell, value: object):
    """Set an openpyxl cell (or WriteOnlyCell) to `value`; text is always a string cell, never a formula."""
    value = cell_text(value)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if is_formula_like(value):
            cell.quotePrefix = True
    return cell
