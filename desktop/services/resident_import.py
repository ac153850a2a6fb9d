"""Import residents from the lists wards receive (.xlsx, .csv): check every row, then all or nothing.

    preview = inspect_file(path)                   # headers, guessed mapping, unsure columns
    report = import_residents(ctx, path, mapping=preview.mapping, dry_run=True)

Every rejected row is reported with its row number, field and reason; rows that repeat
an earlier row of the file or someone already registered are reported as duplicates and
never stored twice. Unless `valid_only`, nothing is stored when any row is rejected.
Storing is one transaction (rows and their change-log entries written in bulk): a cancel
or an error leaves nothing behind.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import asdict, dataclass, field
from datetime import timezone
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import select

from desktop.core import legacy_encodings as le
from desktop.core import validation as v
from desktop.core.i18n import N_, _
from desktop.core.permissions import Permission
from desktop.core.text import fold, nfc
from desktop.core.vocab import ADOPTION_STAGES, TARGET_GROUPS
from desktop.services import audit
from desktop.services import residents as svc
from desktop.services.operators import require
from desktop.services.context import AppContext
from desktop.services.resident_search import index_insert_sql
from desktop.services.xlsx_rows import font_name, sheet_rows
from desktop.store.base import new_id, utcnow
from desktop.store.changelog import ChangeLogEntry, _dump
from desktop.store.models import Resident, ResidentialGroup
from desktop.store.records import field_names, to_plain

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
    "notes": N_("Ghi chú"),
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


class ImportCancelled(Exception):
    pass


def _clean_header(text: object) -> str:
    return re.sub(r"\s+", " ", fold(str(text or "")).replace("\n", " ")).strip(" :*.")


def guess_field(header: str) -> tuple[str | None, bool]:
    """(field, sure) for a column header."""
    key = _clean_header(header)
    if not key or key in _IGNORED:
        return None, True
    if key in HEADER_ALIASES:
        return HEADER_ALIASES[key], True
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
    rows: Callable[[], Iterator[tuple[int, list]]]  # (1-based row number, values)
    total: int
    encoding: str


def _find_header(rows: list[list]) -> int:
    """Index of the header line among the first rows (title lines above it are skipped)."""
    best, best_score = 0, -1
    for i, row in enumerate(rows[:15]):
        score = sum(1 for c in row if guess_field(str(c or ""))[0] and guess_field(str(c or ""))[1])
        if score > best_score:
            best, best_score = i, score
    return best


def _read_csv(path: Path) -> Table:
    text, encoding = le.decode_bytes(path.read_bytes())
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    head = []
    for line in csv.reader(io.StringIO(text), delimiter=delimiter):
        head.append(line)
        if len(head) >= 15:
            break
    h = _find_header(head)
    headers = [nfc(c).strip() for c in head[h]] if head else []
    # count the body lines without keeping them (rows are streamed when read)
    count = sum(1 for _row in csv.reader(io.StringIO(text), delimiter=delimiter))
    total = max(0, count - (h + 1))

    def rows() -> Iterator[tuple[int, list]]:
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        for _skip in range(h + 1):
            next(reader, None)
        for i, row in enumerate(reader, start=h + 2):
            yield i, [nfc(c).strip() if c else "" for c in row]

    return Table(headers, h + 1, rows, total, encoding)


def _xlsx_value(cell) -> object:  # noqa: ANN001
    value = cell.value
    if isinstance(value, str):
        font = getattr(cell, "font", None)
        enc = le.encoding_for_font(font.name if font is not None else None)
        return nfc(le.convert(value, enc)).strip() if enc else nfc(value).strip()
    return value


def _read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001  (zip/xml errors: not a workbook)
        raise ImportFileError(_("Không đọc được tệp Excel {file}: {error}").format(file=path.name, error=exc)) from exc
    ws = wb.worksheets[0]
    head_rows = []
    for row in ws.iter_rows(min_row=1, max_row=15):
        head_rows.append([_xlsx_value(c) for c in row])
    h = _find_header(head_rows)
    headers = [str(c or "").strip() for c in head_rows[h]] if head_rows else []
    total = max(0, (ws.max_row or 0) - (h + 1))

    def rows() -> Iterator[tuple[int, list]]:
        encodings: dict = {}  # style id -> legacy encoding of its font (or None)
        for i, values, styles in sheet_rows(ws, min_row=h + 2):
            for col, value in enumerate(values):
                if value.__class__ is str:
                    style = styles[col]
                    if style in encodings:
                        enc = encodings[style]
                    else:
                        enc = encodings[style] = le.encoding_for_font(font_name(wb, style))
                    values[col] = nfc(le.convert(value, enc)).strip() if enc else nfc(value).strip()
            yield i, values
        wb.close()

    return Table(headers, h + 1, rows, total, "xlsx")


def read_table(path: str | Path) -> Table:
    path = Path(path)
    if not path.exists():
        raise ImportFileError(_("Không có tệp {file}.").format(file=path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    raise ImportFileError(_("Chỉ nhập được tệp .xlsx hoặc .csv (tệp {file}).").format(file=path.name))


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


# -- converting rows --------------------------------------------------------------------
@dataclass
class RowProblem:
    row: int
    field: str
    reason: str
    severity: str = "error"


@dataclass
class DuplicateRow:
    row: int
    kind: str  # cccd | phone | name_birth_year
    full_name: str
    same_as_row: int | None = None  # an earlier row of the file
    existing_id: str | None = None  # someone already registered


@dataclass
class ImportReport:
    file: str
    total_rows: int = 0
    valid_rows: int = 0
    imported: int = 0
    rejected: list[RowProblem] = field(default_factory=list)
    duplicates: list[DuplicateRow] = field(default_factory=list)
    dry_run: bool = False
    blocked: bool = False  # bad rows and not valid_only: nothing stored
    encoding: str = ""
    mapping: dict[str, str] = field(default_factory=dict)  # header -> field
    unmapped: list[str] = field(default_factory=list)  # headers not used: unsure what they hold

    @property
    def refused_rows(self) -> int:
        return len({p.row for p in self.rejected} | {d.row for d in self.duplicates})

    def to_json(self) -> dict:
        return {
            "file": self.file,
            "total_rows": self.total_rows,
            "valid_rows": self.valid_rows,
            "imported": self.imported,
            "dry_run": self.dry_run,
            "blocked": self.blocked,
            "rejected": [asdict(p) for p in self.rejected],
            "duplicates": [asdict(d) for d in self.duplicates],
            "encoding": self.encoding,
            "mapping": self.mapping,
            "unmapped": self.unmapped,
        }


_SEX_WORDS = {"nam": "nam", "m": "nam", "male": "nam", "trai": "nam", "nu": "nu", "f": "nu", "female": "nu",
              "gai": "nu"}
_TARGET_WORDS = [("can bo", "can_bo"), ("cong chuc", "can_bo"), ("vien chuc", "can_bo"), ("ccvc", "can_bo"),
                 ("hoc sinh", "hoc_sinh_sinh_vien"), ("sinh vien", "hoc_sinh_sinh_vien"),
                 ("lao dong", "nguoi_lao_dong"), ("cong nhan", "nguoi_lao_dong"), ("khu cong nghiep", "nguoi_lao_dong"),
                 ("cao tuoi", "nguoi_cao_tuoi"), ("huu tri", "nguoi_cao_tuoi"), ("kinh doanh", "ho_kinh_doanh"),
                 ("tieu thuong", "ho_kinh_doanh"), ("khac", "nguoi_dan_khac"), ("nguoi dan", "nguoi_dan_khac")]
_TARGET_LABELS = {fold(label): code for code, label in TARGET_GROUPS.items()}
_STAGE_LABELS = {fold(label): code for code, label in ADOPTION_STAGES.items()}


_FOLD_CACHE: dict[str, str] = {}


def _fold_small(text: str) -> str:
    """fold() of a value from a small set (sex, group, target group, stage): cached."""
    folded = _FOLD_CACHE.get(text)
    if folded is None:
        if len(_FOLD_CACHE) > 4096:
            _FOLD_CACHE.clear()
        folded = _FOLD_CACHE[text] = fold(text)
    return folded


def _group_key(name: str) -> str:
    """"Tổ dân phố số 5", "TDP 5", "Tổ 5" -> "5"; other names folded."""
    f = fold(name)
    m = re.fullmatch(r"(?:to dan pho|tdp|to)\s*(?:so)?\s*0*(\d+)", f)
    return m.group(1) if m else f


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _id_digits(value: object, length: int) -> str:
    """An ID number read from a cell; numbers lost their leading zeros in Excel."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = str(int(value))
        return text.zfill(length) if len(text) in (length - 2, length - 1) else text
    return v.digits_only(_text(value))


class _Converter:
    """One file row -> (ResidentInput, problems)."""

    def __init__(self, groups: dict[str, str]):
        self.groups = groups  # group key -> id
        self._group_keys: dict[str, str] = {}  # cell text -> group key

    def convert(self, values: dict[str, object], row: int) -> tuple[svc.ResidentInput, list[RowProblem]]:
        problems: list[RowProblem] = []
        data = svc.ResidentInput(full_name=_text(values.get("full_name")))

        birth = values.get("birth")
        try:
            if birth not in (None, ""):
                data.birth_date, data.birth_year = v.parse_birth(birth)
            year = values.get("birth_year")
            if year not in (None, ""):
                _d, y = v.parse_birth(int(float(year)) if isinstance(year, (int, float)) or _text(year).isdigit() else year)
                if data.birth_year and y and y != data.birth_year:
                    problems.append(RowProblem(row, "birth_year", _("Năm sinh khác với năm của ngày sinh.")))
                data.birth_year = data.birth_year or y
        except (v.InvalidValue, ValueError) as exc:
            problems.append(RowProblem(row, "birth" if birth not in (None, "") else "birth_year", str(exc)))

        sex = _fold_small(_text(values.get("sex")))
        if sex:
            if sex in _SEX_WORDS:
                data.sex = _SEX_WORDS[sex]
            else:
                problems.append(RowProblem(row, "sex", _("Giới tính «{value}» không rõ (Nam hoặc Nữ).").format(
                    value=_text(values.get("sex")))))

        for name, length in (("cccd", 12), ("cmnd", 9)):
            if values.get(name) not in (None, ""):
                setattr(data, name, _id_digits(values[name], length))
        either = values.get("cccd_or_cmnd")
        if either not in (None, ""):
            digits = _id_digits(either, 12)
            if len(digits) == 9:
                data.cmnd = digits
            elif len(digits) in (10, 11) and isinstance(either, (int, float)):
                data.cccd = digits.zfill(12)
            else:
                data.cccd = digits

        data.phone = _text(values.get("phone")) or None

        group = _text(values.get("residential_group"))
        if group:
            key = self._group_keys.get(group)
            if key is None:
                key = self._group_keys[group] = _group_key(group)
            gid = self.groups.get(key)
            if gid is None:
                problems.append(RowProblem(row, "residential_group",
                                           _("Tổ dân phố / thôn «{value}» không có trong danh sách của phường.").format(
                                               value=group)))
            data.residential_group_id = gid

        target = _fold_small(_text(values.get("target_group")))
        if target:
            code = _TARGET_LABELS.get(target) or (target.replace(" ", "_") if target.replace(" ", "_") in TARGET_GROUPS else None)
            if code is None:
                code = next((c for word, c in _TARGET_WORDS if word in target), None)
            if code is None:
                problems.append(RowProblem(row, "target_group", _("Đối tượng «{value}» không có trong danh mục.").format(
                    value=_text(values.get("target_group")))))
            else:
                data.target_group = code

        stage = _fold_small(_text(values.get("adoption_stage")))
        if stage:
            code = _STAGE_LABELS.get(stage) or (stage.replace(" ", "_") if stage.replace(" ", "_") in ADOPTION_STAGES else None)
            if code is None:
                problems.append(RowProblem(row, "adoption_stage", _("Mức độ sử dụng iHaNoi «{value}» không có.").format(
                    value=_text(values.get("adoption_stage")))))
            data.adoption_stage = code

        data.address_detail = _text(values.get("address_detail"))
        data.workplace = _text(values.get("workplace"))
        data.notes = _text(values.get("notes"))
        return data, problems


_FIELD_NAME_MAP = {"birth_date": "birth", "residential_group_id": "residential_group"}


# -- the import -------------------------------------------------------------------------
def import_residents(ctx: AppContext, path: str | Path, *, mapping: dict[int, str] | None = None,
                     dry_run: bool = False, valid_only: bool = False, accept_warnings: bool = False,
                     control=None) -> ImportReport:  # noqa: ANN001
    """Check every row of the file, then store all of them, only the valid ones, or none.

    `control` (gui worker JobControl) gets progress reports and may ask to cancel;
    a cancel raises ImportCancelled and stores nothing.
    """
    require(ctx, Permission.REGISTER)  # bulk registration: the same right as the form
    table = read_table(path)
    unsure: list[int] = []
    if mapping is None:  # only the sure guesses; unsure columns wait for an explicit mapping
        guessed, unsure = guess_mapping(table.headers)
        mapping = {i: f for i, f in guessed.items() if i not in unsure}
    report = ImportReport(file=str(path), encoding=table.encoding, dry_run=dry_run,
                          mapping={(table.headers[i] if i < len(table.headers) else str(i + 1)): f
                                   for i, f in sorted(mapping.items())},
                          unmapped=[table.headers[i] for i in unsure])
    if "full_name" not in mapping.values():
        raise ImportFileError(_("Tệp {file}: không thấy cột họ và tên (dòng tiêu đề {row}). Hãy chỉ rõ cột bằng --map.").format(
            file=Path(path).name, row=table.header_row))

    with ctx.read() as s:
        groups = {_group_key(g.name): g.id for g in s.scalars(
            select(ResidentialGroup).where(ResidentialGroup.deleted_at.is_(None)))}
        existing_cccd = dict(s.execute(select(Resident.cccd, Resident.id).where(
            Resident.deleted_at.is_(None), Resident.cccd.is_not(None))).all())
        existing_phone = dict(s.execute(select(Resident.phone, Resident.id).where(
            Resident.deleted_at.is_(None), Resident.phone.is_not(None))).all())
        existing_name = {(n, y): i for n, y, i in s.execute(select(Resident.name_folded, Resident.birth_year, Resident.id).where(
            Resident.deleted_at.is_(None), Resident.birth_year.is_not(None)))}

    converter = _Converter(groups)
    seen_cccd: dict[str, int] = {}
    seen_phone: dict[str, int] = {}
    seen_name: dict[tuple[str, int], int] = {}
    good: list[tuple] = []
    names = field_names(Resident)
    total = max(table.total, 1)
    items = sorted(mapping.items())
    for n, (row_no, cells) in enumerate(table.rows(), start=1):
        if control is not None and n % 500 == 0:
            if control.cancelled:
                raise ImportCancelled()
            control.report(n, total, _("Đang kiểm tra dòng {n}").format(n=n))
        if not any(c not in (None, "") for c in cells):
            continue
        report.total_rows += 1
        values = {name: (cells[i] if i < len(cells) else None) for i, name in items}
        data, problems = converter.convert(values, row_no)
        cols, found = svc.validate(data)
        for p in found:
            if p.severity == "warning" and accept_warnings:
                continue
            name = _FIELD_NAME_MAP.get(p.field, p.field)
            if name == "birth_year" and "birth_year" not in mapping.values():
                name = "birth"
            problems.append(RowProblem(row_no, name, p.message, p.severity))
        if problems:
            report.rejected.extend(problems)
            continue
        # duplicates: earlier rows of the file, then the registry
        dup = None
        name_key = (cols["name_folded"], cols["birth_year"]) if cols["birth_year"] else None
        for kind, key, seen, existing in (("cccd", cols["cccd"], seen_cccd, existing_cccd),
                                          ("phone", cols["phone"], seen_phone, existing_phone),
                                          ("name_birth_year", name_key, seen_name, existing_name)):
            if not key:
                continue
            if key in seen:
                dup = DuplicateRow(row_no, kind, cols["full_name"], same_as_row=seen[key])
            elif key in existing:
                dup = DuplicateRow(row_no, kind, cols["full_name"], existing_id=existing[key])
            if dup:
                break
        if dup:
            report.duplicates.append(dup)
            continue
        for key, seen in ((cols["cccd"], seen_cccd), (cols["phone"], seen_phone), (name_key, seen_name)):
            if key:
                seen[key] = row_no
        cols["adoption_stage"] = data.adoption_stage or "chua_biet"
        good.append(_content_row(cols, names))
    report.valid_rows = len(good)
    if report.rejected and not valid_only:
        report.blocked = True
        return report
    if dry_run or not good:
        return report
    report.imported = _store(ctx, good, control)
    return report


# SQLite page cache during the bulk insert (KiB): the indexes on random keys (ids, names,
# phones) are touched all over; bigger is faster but counts in the process's memory.
BULK_CACHE_KIB = 131072


def _content_row(cols: dict, names: list[str]) -> tuple:
    """A checked row as its content fields in `names` order, JSON-ready (dates as ISO text)."""
    get = cols.get
    return tuple([v if v is None or v.__class__ in _PLAIN_TYPES else to_plain(v) for v in map(get, names)])


_PLAIN_TYPES = frozenset((str, int, bool, float))


def _store(ctx: AppContext, rows: list[tuple] | list[dict], control=None, batch: int = 5000) -> int:  # noqa: ANN001
    """Insert residents and their change-log entries in one transaction (bulk executemany).

    `rows` are `_content_row` tuples in `field_names(Resident)` order, the adoption stage
    set and the stage stamps / consent time still empty (or `validate()` dicts with
    "adoption_stage" set, as tests build them).
    """
    names = field_names(Resident)
    if rows and isinstance(rows[0], dict):
        rows = [_content_row(r, names) for r in rows]
    now = utcnow()
    actor = ctx.actor
    total = len(rows)
    with ctx.write() as s:
        conn = s.connection()
        # a larger page cache for the bulk insert (random UUID keys touch pages all over the indexes)
        old_cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        conn.exec_driver_sql("INSERT INTO resident_fts_pause (id) VALUES (1)")  # we fill the index ourselves
        try:
            _insert_batches(conn, rows, control, batch, names, now, actor, total)
        finally:
            conn.exec_driver_sql(f"PRAGMA cache_size = {int(old_cache)}")
        conn.exec_driver_sql("DELETE FROM resident_fts_pause")
        audit.append(s, ctx, "create", "resident", "", {"imported": total})  # counts only, no values
        if control is not None:
            if control.cancelled:
                raise ImportCancelled()
            control.report(total, total, _("Đang ghi vào đĩa…"))
    return total


_BOOKKEEPING = ("id", "version", "created_at", "created_by", "updated_at", "updated_by", "deleted_at", "sync_state")
_CHANGE_COLUMNS = ("change_id", "record_kind", "record_id", "op", "base_version", "version", "fields_json",
                   "payload_json", "actor", "created_at", "state", "batch_id", "error")


def _insert_batches(conn, rows, control, batch, names, now, actor, total) -> None:  # noqa: ANN001
    """Residents, their change-log inserts and their search-index rows, batch by batch.

    Values are bound exactly as the ORM would (SQLAlchemy's types): dates as ISO text,
    aware datetimes as UTC ISO text with microseconds, booleans as 0/1.
    """
    today = to_plain(now.date())
    now_db = now.astimezone(timezone.utc).isoformat(timespec="microseconds")
    now_plain = to_plain(now)
    order = list(ADOPTION_STAGES)
    pos = {name: i for i, name in enumerate(names)}
    i_stage, i_consent, i_consent_at = pos["adoption_stage"], pos["consent_given"], pos["consent_at"]
    stamps = [(pos["aware_on"], 1), (pos["installed_on"], 2), (pos["account_on"], 3)]
    fields_json = _dump(sorted(names))
    dump = _dump
    resident_sql = (f"INSERT INTO resident ({', '.join((*names, *_BOOKKEEPING))}) "
                    f"VALUES ({', '.join('?' for _ in range(len(names) + len(_BOOKKEEPING)))})")
    change_sql = (f"INSERT INTO change_log ({', '.join(_CHANGE_COLUMNS)}) "
                  f"VALUES ({', '.join('?' for _ in _CHANGE_COLUMNS)})")
    last_rowid = conn.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM resident").scalar()
    index_sql = index_insert_sql("rowid > ?")
    for start in range(0, total, batch):
        if control is not None:
            if control.cancelled:
                raise ImportCancelled()
            control.report(start, total, _("Đang lưu {done}/{total}").format(done=start, total=total))
        residents, changes = [], []
        for content in rows[start:start + batch]:
            rec = list(content)
            reached = order.index(rec[i_stage])
            for i, level in stamps:
                rec[i] = today if reached >= level else None
            consent = rec[i_consent]
            rec[i_consent_at] = now_plain if consent else None
            rid = new_id()
            payload = dump(dict(zip(names, rec)))
            if consent:
                rec[i_consent_at] = now_db
            residents.append((*rec, rid, 1, now_db, actor, now_db, actor, None, "queued"))
            changes.append((new_id(), svc.KIND, rid, "insert", 0, 1, fields_json, payload, actor, now_db,
                            "pending", None, None))
        conn.exec_driver_sql(resident_sql, residents)
        conn.exec_driver_sql(change_sql, changes)
        del residents, changes
        conn.exec_driver_sql(index_sql, (last_rowid,))
        last_rowid = conn.exec_driver_sql("SELECT max(rowid) FROM resident").scalar()
