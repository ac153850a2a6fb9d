"""Reading the resident lists wards receive (.xlsx, .csv): header row, column mapping, rows.

    table = read_table(path)            # encoding found, header row found, rows streamed
    mapping, unsure = guess_mapping(table.headers)
    preview = inspect_file(path)        # the same, with a few sample rows (the import dialog)

CSV in UTF-8 (with or without BOM) or Windows-1258 (normalised to NFC), and Excel's "Unicode
Text" (UTF-16 with a BOM, tab-separated); xlsx sheets read straight from their XML (`xlsx_rows`),
old .xls workbooks through xlrd (`xls_rows`); cells written in TCVN3 or VNI fonts converted to
Unicode by the cell's font. Checking and storing the rows is `resident_import`'s job.
"""

from __future__ import annotations

import codecs
import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator

from desktop.core import formatting
from desktop.core import legacy_encodings as le
from desktop.core.cell_text import CSV_GUARD, from_csv_cell
from desktop.core.i18n import N_, _, in_every_language
from desktop.core.text import fold, nfc
from desktop.services.residents.xlsx_rows import XlsxBook, XlsxError

# -- fields and headers -----------------------------------------------------------------
FIELD_LABELS = {
    "full_name": N_("Họ và tên"),
    "birth": N_("Ngày sinh"),
    "birth_year": N_("Năm sinh"),
    "sex": N_("Giới tính"),
    "cccd": N_("Số CCCD"),
    "cmnd": N_("Số CMND"),
    "cccd_or_cmnd": N_("CCCD/CMND"),
    "phone": N_("Số điện thoại"),
    "residential_group": N_("Tổ dân phố / thôn"),
    "address_detail": N_("Địa chỉ"),
    "target_group": N_("Đối tượng"),
    "workplace": N_("Nơi làm việc / học tập"),
    "adoption_stage": N_("iHaNoi"),
    "aware_on": N_("Ngày biết"),
    "installed_on": N_("Ngày cài đặt"),
    "account_on": N_("Ngày tạo tài khoản"),
    "consent_given": N_("Đồng ý"),
    "notes": N_("Ghi chú"),
    "household_no": N_("Số hộ"),
}
IMPORT_FIELDS = tuple(FIELD_LABELS)

# Folded header -> field (exact matches are sure; see guess_field for the rest).
HEADER_ALIASES = {
    "ho va ten": "full_name", "ho ten": "full_name", "ten": "full_name", "ho va ten cong dan": "full_name",
    "full name": "full_name", "name": "full_name",
    "ngay sinh": "birth", "ngay thang nam sinh": "birth", "ngay/thang/nam sinh": "birth", "ns": "birth",
    "date of birth": "birth",
    "nam sinh": "birth_year",
    "gioi tinh": "sex", "gioi": "sex", "sex": "sex", "nam/nu": "sex",
    "so cccd": "cccd", "cccd": "cccd", "can cuoc cong dan": "cccd", "so can cuoc": "cccd", "so dinh danh": "cccd",
    "so dinh danh ca nhan": "cccd",
    "so cmnd": "cmnd", "cmnd": "cmnd",
    "cccd/cmnd": "cccd_or_cmnd", "so cccd/cmnd": "cccd_or_cmnd", "cmnd/cccd": "cccd_or_cmnd",
    "so cmnd/cccd": "cccd_or_cmnd",
    "so dien thoai": "phone", "sdt": "phone", "dien thoai": "phone", "dt": "phone", "so dt": "phone",
    "di dong": "phone", "phone": "phone",
    "to dan pho": "residential_group", "thon": "residential_group", "to": "residential_group",
    "tdp": "residential_group", "thon/to dan pho": "residential_group", "to dan pho/thon": "residential_group",
    "thon/to": "residential_group", "to/thon": "residential_group",
    "dia chi": "address_detail", "dia chi chi tiet": "address_detail", "so nha": "address_detail",
    "noi o": "address_detail", "cho o hien nay": "address_detail",
    "doi tuong": "target_group", "nhom doi tuong": "target_group",
    "noi lam viec": "workplace", "noi cong tac": "workplace", "truong": "workplace", "co quan": "workplace",
    "noi lam viec / hoc tap": "workplace", "noi lam viec/hoc tap": "workplace", "don vi": "workplace",
    "ihanoi": "adoption_stage", "muc do su dung ihanoi": "adoption_stage",
    "ghi chu": "notes",
    "so ho": "household_no", "ma ho": "household_no", "so ho khau": "household_no", "so ho gia dinh": "household_no",
    "ma ho gia dinh": "household_no",
}
_IGNORED = {"stt", "tt", "so tt", "so thu tu"}
# Words that suggest a field when the header is not an exact alias (GUI asks to confirm).
_HINTS = [("dien thoai", "phone"), ("sdt", "phone"), ("so dt", "phone"), ("di dong", "phone"), ("cccd", "cccd"), ("cmnd", "cmnd"), ("can cuoc", "cccd"),
          ("ngay sinh", "birth"), ("nam sinh", "birth_year"), ("gioi", "sex"), ("ho", "full_name"),
          ("ten", "full_name"), ("to dan pho", "residential_group"), ("thon", "residential_group"),
          ("dia chi", "address_detail"), ("doi tuong", "target_group"), ("lam viec", "workplace"),
          ("ghi chu", "notes")]


class ImportFileError(ValueError):
    """The file cannot be read at all (the message is for people)."""


def _clean_header(text: object) -> str:
    text = re.sub(r"\s+", " ", fold(str(text or "")).replace("\n", " ")).strip(" :*.")
    return re.sub(r" ?/ ?", "/", text)  # "Tổ dân phố / thôn" = "Tổ dân phố/thôn"


@lru_cache(maxsize=1)
def own_headers() -> dict[str, str]:
    """The column headers the app writes itself (the export's, as FIELD_LABELS, in every language
    it has), folded -> field: a file the app exported is always recognised. "" for its STT column."""
    out = {_clean_header(text): "" for text in in_every_language(N_("STT"))}
    for name, label in FIELD_LABELS.items():
        for text in in_every_language(label):
            out[_clean_header(text)] = name
    return out


def guess_field(header: str) -> tuple[str | None, bool]:
    """(field, sure) for a column header."""
    key = _clean_header(header)
    if not key or key in _IGNORED or own_headers().get(key) == "":
        return None, True
    if key in HEADER_ALIASES:
        return HEADER_ALIASES[key], True
    if name := own_headers().get(key):
        return name, True
    for hint, name in _HINTS:
        if hint in key:
            return name, False
    return None, False


def guess_mapping(headers: list[str]) -> tuple[dict[int, str], list[int]]:
    """Column index -> field, and the columns the guess is unsure about."""
    mapping: dict[int, str] = {}
    unsure: list[int] = []
    used: set[str] = set()
    for i, h in enumerate(headers):
        name, sure = guess_field(h)
        if name and name not in used:
            mapping[i] = name
            used.add(name)
            if not sure:
                unsure.append(i)
        elif not sure and str(h or "").strip():
            unsure.append(i)
    return mapping, unsure


def parse_map_options(options: list[str], headers: list[str]) -> dict[int, str]:
    """CLI `--map COL=field`: COL is a header text, a 1-based column number or a letter (A, B…)."""
    out: dict[int, str] = {}
    folded = [_clean_header(h) for h in headers]
    for opt in options:
        col, sep, name = opt.partition("=")
        name = name.strip()
        if not sep or name not in IMPORT_FIELDS and name != "-":
            raise ImportFileError(_("--map «{opt}»: cần dạng COT=trường, trường là một trong: {fields}").format(
                opt=opt, fields=", ".join(IMPORT_FIELDS)))
        col = col.strip()
        if col.isdigit():
            index = int(col) - 1
        elif re.fullmatch(r"[A-Za-z]{1,2}", col) and _clean_header(col) not in folded:
            index = 0
            for ch in col.upper():
                index = index * 26 + ord(ch) - 64
            index -= 1
        elif _clean_header(col) in folded:
            index = folded.index(_clean_header(col))
        else:
            raise ImportFileError(_("--map: không có cột «{col}» trong tệp.").format(col=col))
        if not 0 <= index < len(headers):
            raise ImportFileError(_("--map: không có cột «{col}» trong tệp.").format(col=col))
        out[index] = name
    return out


# -- reading files ----------------------------------------------------------------------
@dataclass
class Table:
    headers: list[str]
    header_row: int  # 1-based row number of the header line
    rows: Callable[[], Iterator[tuple[int, list]]]  # (1-based row number, values), streamed from the file
    total: int  # rows below the header (an estimate for CSV cells spanning lines: progress only)
    encoding: str


def _find_header(rows: list[list]) -> int:
    """Index of the header line among the first rows (title lines above it are skipped)."""
    best, best_score = 0, -1
    for i, row in enumerate(rows[:15]):
        score = sum(1 for c in row if guess_field(str(c or ""))[0] and guess_field(str(c or ""))[1])
        if score > best_score:
            best, best_score = i, score
    return best


def _utf16_lines(path: Path, newline: bytes) -> int:
    """Lines of a UTF-16 file (Excel's "Unicode Text"), counted on its two-byte newline (an estimate for
    the progress bar: chunks are even-sized, so only a character pair that happens to look alike miscounts)."""
    lines = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            lines += chunk.count(newline)
    return lines + 1


def _csv_encoding(path: Path) -> tuple[str, str, int]:
    """The file's encoding (UTF-16 with a BOM: Excel's "Unicode Text"; UTF-8 with or without BOM;
    else Windows-1258), how to treat bad bytes and its line count, in one read of the bytes (never all in memory)."""
    with open(path, "rb") as fh:
        start = fh.read(2)
    if start in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return "utf-16", "replace", _utf16_lines(path, b"\n\x00" if start == codecs.BOM_UTF16_LE else b"\x00\n")
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8, lines, last = True, 0, b""
    with open(path, "rb") as fh:
        bom = fh.read(3) == codecs.BOM_UTF8
        fh.seek(3 if bom else 0)
        while chunk := fh.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
        if utf8:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                utf8 = False
    if last and last != b"\n":
        lines += 1
    if not utf8:  # a BOM and broken UTF-8 after it: still UTF-8, bad bytes replaced
        return ("utf-8-sig", "replace", lines) if bom else ("cp1258", "replace", lines)
    return ("utf-8-sig" if bom else "utf-8"), "strict", lines


MAX_CELL_CHARS = 131_072  # one cell (the csv module's own limit; Excel's is 32,767): a longer note is the
# row-level limits' to word, a longer cell than this refuses the file
MAX_LINE_CHARS = 1 << 20  # one physical line of a CSV file
MAX_RECORD_CHARS = 4 << 20  # one CSV record (a quoted cell may span lines)


class _Lines:
    """A CSV file's lines, NFC, each of bounded length; `record` counts the characters of the
    record being read (reset by the reader after each row), so no row can grow without bound."""

    def __init__(self, fh, name: str):
        self.fh, self.name = fh, name
        self.line = 0
        self.start = 0  # the line the record being read began on
        self.record = 0
        self.quoted = False  # the record has an apostrophe somewhere (maybe our export's guard)

    def __iter__(self) -> "_Lines":
        return self

    def __next__(self) -> str:
        line = self.fh.readline(MAX_LINE_CHARS + 1)
        if not line:
            raise StopIteration
        self.line += 1
        if len(line) > MAX_LINE_CHARS:
            raise ImportFileError(_("Tệp {file}, dòng {row}: dòng dài hơn {n} ký tự, vượt quá giới hạn; tệp bị từ chối.").format(
                file=self.name, row=self.line, n=_count(MAX_LINE_CHARS)))
        if not self.record:
            self.start = self.line
        self.record += len(line)
        if "'" in line:
            self.quoted = True
        if self.record > MAX_RECORD_CHARS:
            raise ImportFileError(_("Tệp {file}, dòng {row}: một dòng dữ liệu dài hơn {n} ký tự (có thể thiếu dấu ngoặc kép "
                                    "đóng); tệp bị từ chối.").format(file=self.name, row=self.start, n=_count(MAX_RECORD_CHARS)))
        return unicodedata.normalize("NFC", line) if not line.isascii() else line

    def cell_too_long(self) -> ImportFileError:
        hint = _(" (ô bắt đầu bằng dấu ngoặc kép kéo dài qua {n} dòng: có thể thiếu dấu ngoặc kép đóng)").format(
            n=self.line - self.start + 1) if self.line > self.start else ""
        return ImportFileError(_("Tệp {file}, dòng {row}: một ô dài hơn {n} ký tự, vượt quá giới hạn của một ô{hint}; "
                                 "tệp bị từ chối.").format(file=self.name, row=self.start, n=_count(MAX_CELL_CHARS), hint=hint))


def _count(n: int) -> str:
    return formatting.number(n)


def _csv_rows(lines: _Lines, delimiter: str) -> Iterator[list[str]]:
    """csv.reader over bounded lines, as stripped cells; a malformed record names its line, a cell over
    Excel's limit is refused, the apostrophe our own export puts before formula-like text is taken off."""
    reader = csv.reader(lines, delimiter=delimiter)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise lines.cell_too_long() from exc
            raise ImportFileError(_("Tệp {file}, dòng {row}: không đọc được dòng CSV ({detail}).").format(
                file=lines.name, row=lines.start, detail=exc)) from exc
        if lines.record > MAX_CELL_CHARS and any(len(c) > MAX_CELL_CHARS for c in row):
            raise lines.cell_too_long()
        cells = [c.strip() for c in row]
        if lines.quoted:
            for i, c in enumerate(cells):
                if c[:1] == CSV_GUARD:
                    cells[i] = from_csv_cell(c).strip()
        lines.record, lines.quoted = 0, False
        yield cells


def _delimiter(sample: str) -> str:
    """The CSV separator: the sniffer's, else the one the first line has most of (a stray cell in a
    later row upsets the sniffer), else a comma."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        first = next((line for line in sample.splitlines() if line.strip()), "")
        counts = {d: first.count(d) for d in ",;\t"}
        best = max(counts, key=lambda d: (counts[d], d == ","))
        return best if counts[best] else ","


def _read_csv(path: Path) -> Table:
    """A CSV table, read line by line (a 100,000-row file is never held whole in memory)."""
    encoding, errors, lines = _csv_encoding(path)

    def open_lines() -> _Lines:
        return _Lines(open(path, encoding=encoding, errors=errors, newline=""), path.name)

    source = open_lines()
    with source.fh:
        sample = source.fh.read(4096)
        source.fh.seek(0)
        delimiter = _delimiter(sample)
        head = []
        for line in _csv_rows(source, delimiter):
            head.append(line)
            if len(head) >= 15:
                break
    h = _find_header(head)
    headers = list(head[h]) if head else []

    def rows() -> Iterator[tuple[int, list]]:
        source = open_lines()
        with source.fh:
            reader = _csv_rows(source, delimiter)
            for _skip in range(h + 1):
                next(reader, None)
            yield from enumerate(reader, start=h + 2)

    return Table(headers, h + 1, rows, max(0, lines - (h + 1)), encoding)


def _read_xlsx(path: Path) -> Table:
    """The first sheet of a workbook, streamed from its XML; legacy-font text converted per cell style."""
    try:
        book = XlsxBook(path)
        head_rows = []
        for _i, values, styles in book.rows(max_row=15):
            head_rows.append(_convert_legacy(book, values, styles, {}))
    except XlsxError as exc:
        raise ImportFileError(_("Không đọc được tệp Excel {file}: {error}").format(file=path.name, error=exc)) from exc
    h = _find_header(head_rows)
    headers = [str(c or "").strip() for c in head_rows[h]] if head_rows else []
    header_row = h + 1
    total = max(0, book.max_row - header_row) if book.max_row else 0

    def rows() -> Iterator[tuple[int, list]]:
        encodings: dict = {}  # style id -> legacy encoding of its font (or None)
        try:
            for i, values, styles in book.rows(min_row=header_row + 1):
                yield i, _convert_legacy(book, values, styles, encodings)
        except XlsxError as exc:
            raise ImportFileError(_("Không đọc được tệp Excel {file}: {error}").format(file=path.name, error=exc)) from exc

    return Table(headers, header_row, rows, total, "xlsx")


def _convert_legacy(book: XlsxBook, values: list, styles: list, encodings: dict) -> list:
    """Text cells to Unicode NFC, stripped; TCVN3/VNI text by its cell's font (cached per style id)."""
    for col, value in enumerate(values):
        if value.__class__ is str:
            style = styles[col]
            enc = encodings.get(style, _UNSET)
            if enc is _UNSET:
                enc = encodings[style] = le.encoding_for_font(book.font_name(style))
            values[col] = nfc(le.convert(value, enc)).strip() if enc else nfc(value).strip()
    return values


_UNSET = object()


def read_table(path: str | Path) -> Table:
    path = Path(path)
    if path.is_dir():
        raise ImportFileError(_("«{file}» là một thư mục, không phải tệp danh sách.").format(file=path))
    if not path.exists():
        raise ImportFileError(_("Không có tệp {file}.").format(file=path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(path)
    if suffix == ".xls":
        from desktop.services.residents.xls_rows import read_xls

        return read_xls(path, _find_header)
    raise ImportFileError(_("Chỉ nhập được tệp .xlsx, .xls, .csv hoặc .txt (tệp {file}).").format(file=path.name))


@dataclass
class FilePreview:
    path: str
    headers: list[str]
    header_row: int
    mapping: dict[int, str]
    unsure: list[int]
    sample: list[list[str]]
    total_rows: int
    encoding: str


def inspect_file(path: str | Path, sample_rows: int = 5) -> FilePreview:
    table = read_table(path)
    mapping, unsure = guess_mapping(table.headers)
    sample = []
    for _i, row in table.rows():
        if any(c not in (None, "") for c in row):
            sample.append(["" if c is None else str(c) for c in row])
        if len(sample) >= sample_rows:
            break
    return FilePreview(str(path), table.headers, table.header_row, mapping, unsure, sample, table.total, table.encoding)
