"""Import residents from the lists wards receive (.xlsx, .csv): check every row, then all or nothing.

    preview = resident_files.inspect_file(path)    # headers, guessed mapping, unsure columns
    report = import_residents(ctx, path, mapping=preview.mapping, dry_run=True)

Every rejected row is reported with its row number, field and reason; rows that repeat
an earlier row of the file or someone already registered are reported as duplicates and
never stored twice. Unless `valid_only`, nothing is stored when any row is rejected.

One pass over the file, streamed (CSV line by line, xlsx sheet XML piece by piece):
each row is checked (a cached fast path, the reference convert + validate for anything
unusual) and a valid one is written at once (`resident_bulk_writer`), in batches, inside one transaction with its
change-log entry (the same entry the ORM hook writes) and its search-index row. The
transaction is rolled back when the file is refused, on a cancel or on an error: nothing
is ever half-imported, and rows are never all held in memory.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import select

from desktop.core import collection, validation as v
from desktop.core.i18n import _
from desktop.core.permissions import Permission
from desktop.core.text import fold, normalize_name
from desktop.services.households.from_import import ImportHouseholds
from desktop.services.people import audit
from desktop.services.residents import residents as svc
from desktop.services.people.operators import require
from desktop.services.context import AppContext
from desktop.services.residents.import_rows import (
    SEX_WORDS, RowConverter, RowProblem, cell_text, fold_small, group_key, id_digits, stage_code, target_code, year_input,
)
from desktop.services.residents.bulk_writer import BulkWriter, ImportCancelled, content_row
from desktop.services.residents.registry_keys import CHUNK_ROWS, ChunkLookup, registry_keys
from desktop.services.residents.files import IMPORT_FIELDS, ImportFileError, Table, guess_field, guess_mapping, read_table
from desktop.services.residents.stage_columns import StageColumns
from desktop.store.models import Resident, ResidentialGroup
from desktop.store.records import field_names
from desktop.sync.payload_rules import NOTE_MAX_CHARS

_UNSET = object()


# -- the report (a row's problems: import_rows.RowProblem) --------------------------------

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
    # Every change the import made to a value, or what it left out (severity "warning"); these never
    # block the import. The first WARNINGS_KEPT are kept, `warnings_total` counts them all.
    warnings: list[RowProblem] = field(default_factory=list)
    warnings_total: int = 0
    households: int = 0  # new households the file made (a "số hộ" column, or grouping by address)

    def warn(self, row: int, field_name: str, reason: str) -> None:
        self.warnings_total += 1
        if len(self.warnings) < WARNINGS_KEPT:
            self.warnings.append(RowProblem(row, field_name, reason, "warning"))

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
            "warnings": [asdict(p) for p in self.warnings],
            "warnings_total": self.warnings_total,
            "households": self.households,
        }


WARNINGS_KEPT = 1000


_FIELD_NAME_MAP = {"birth_date": "birth", "residential_group_id": "residential_group"}


# -- the import -------------------------------------------------------------------------
class _Blocked(Exception):
    """Bad rows and not `valid_only`: the import's transaction is rolled back."""


def import_residents(ctx: AppContext, path: str | Path, *, mapping: dict[int, str] | None = None,
                     dry_run: bool = False, valid_only: bool = False, accept_warnings: bool = False,
                     control=None, households_by_address: bool = False) -> ImportReport:
    """Check every row of the file, then store all of them, only the valid ones, or none.

    One pass over the file: each valid row is written as soon as it is checked, inside
    one transaction that is rolled back when the file is refused (a bad row and not
    `valid_only`), on a cancel or on an error, so nothing is ever half-imported and
    rows are never all held in memory. A dry run only checks.

    `control` (gui worker JobControl) gets progress reports and may ask to cancel;
    a cancel raises ImportCancelled and stores nothing.

    Households: a "số hộ" column puts the residents with the same number in one household (an
    existing one with that number, or a new one); `households_by_address` (the user agreed) groups
    residents with the same address in the same residential group (services/households/from_import).
    """
    require(ctx, Permission.REGISTER)  # bulk registration: the same right as the form
    with collection.quiet():  # millions of short-lived rows, cells and XML elements: no cycle hunting meanwhile
        return _import(ctx, path, mapping, dry_run, valid_only, accept_warnings, control, households_by_address)


def _import(ctx: AppContext, path: str | Path, mapping: dict[int, str] | None, dry_run: bool, valid_only: bool,
            accept_warnings: bool, control, households_by_address: bool = False) -> ImportReport:
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
    mapping = {i: f for i, f in mapping.items() if f in IMPORT_FIELDS}  # "-": a column left out

    _warn_duplicate_columns(table.headers, mapping, report, table.header_row)

    if dry_run:
        with ctx.read() as s:
            checker = _Checker(s, mapping, accept_warnings, table.headers, table.total)
            checker.households = ImportHouseholds.for_file(s, mapping.values(), households_by_address)
            _check_rows(table, checker, report, control, None, valid_only)
        report.households = checker.households.planned
        report.blocked = bool(report.rejected) and not valid_only
        return report
    try:
        # key-by-key registry look-ups read on a connection of their own: the import's is busy writing
        # (closed before the write commits: no snapshot held while its WAL is copied into the database)
        with ctx.write(background_checkpoint=True) as s, ctx.read() as lookups:
            checker = _Checker(s, mapping, accept_warnings, table.headers, table.total,
                               lookups.connection().connection.dbapi_connection)
            checker.households = ImportHouseholds.for_file(s, mapping.values(), households_by_address)
            writer = BulkWriter(ctx, s, control, expected_rows=table.total)
            try:
                _check_rows(table, checker, report, control, writer, valid_only)
                if report.rejected and not valid_only:
                    raise _Blocked()
                report.imported = writer.finish()
            except BaseException:
                writer.close(failed=True)
                raise
            writer.close()
            report.households = checker.households.store(s, ctx)
            if report.imported:
                audit.append(s, ctx, "create", "resident", "", {"imported": report.imported})  # counts only
            if control is not None:
                control.report(report.total_rows, report.total_rows, _("Đang ghi vào đĩa…"))
                if control.cancelled:
                    raise ImportCancelled()
    except _Blocked:
        report.blocked = True
        report.imported = 0
    return report


def _check_rows(table: Table, checker: _Checker, report: ImportReport, control, writer: BulkWriter | None,
                valid_only: bool) -> None:
    """Every row of the file through the checker; the valid ones to the writer (while they may be stored)."""
    total = max(table.total, 1)
    text = _("Đang kiểm tra dòng {n}") if writer is None else _("Đang lưu {done}/{total}")
    check = checker.prepare if checker.batched else checker.check
    prepared: list[tuple] = []  # batched: rows waiting for their registry keys

    def settle() -> None:
        checker.fetch_registered(prepared)
        for row_no, *checked in prepared:
            stored(checker.settle(row_no, *checked, report))
        prepared.clear()

    def stored(content: tuple | None) -> None:
        if content is None:
            return
        report.valid_rows += 1
        if writer is not None and (valid_only or not report.rejected):
            writer.add(content)

    for n, (row_no, cells) in enumerate(table.rows(), start=1):
        if control is not None and n % 500 == 0:
            if control.cancelled:
                raise ImportCancelled()
            control.report(min(n, total), total, text.format(n=n, done=n, total=total))
        for c in cells:
            if c is not None and c != "":
                break
        else:
            continue  # an empty line
        report.total_rows += 1
        result = check(row_no, cells, report)
        if not checker.batched:
            stored(result)
        elif result is not None:
            prepared.append((row_no, *result))
            if len(prepared) >= CHUNK_ROWS:
                settle()
    if prepared:
        settle()
    checker.report_dropped_cells(report)


def _column_name(index: int) -> str:
    """A 0-based column index as Excel names it (A, B, …, AA)."""
    n, out = index + 1, ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def _warn_duplicate_columns(headers: list[str], mapping: dict[int, str], report: ImportReport, header_row: int) -> None:
    """A column whose header names a field another column already gives is left out: said, not silent."""
    given = {f: i for i, f in sorted(mapping.items(), reverse=True)}
    for i, header in enumerate(headers):
        if i in mapping:
            continue
        name, _sure = guess_field(str(header or ""))
        if name in given:
            report.warn(header_row, name, _("Cột {col} «{header}» trùng nội dung với cột {other}: cột {col} không được nhập.").format(
                col=_column_name(i), header=header, other=_column_name(given[name])))


# Control characters (and the replacement character bad bytes became) in a cell: cleaned and said.
_SUSPECT = re.compile("[\x00-\x1f\x7f-\x9f\ufffd]")
_SPACE_LIKE = re.compile("[\t\n\r\x0b\x0c]")
_NOT_NEWLINE_SPACE = re.compile("[\t\x0b\x0c]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_DROPPED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


class _Homonyms:
    """Residents sharing a folded name and birth year: two of them are different people when both
    have a CCCD (or both a phone) and these differ, so a ward's own export, homonyms included,
    imports back. The file's rows are remembered; the registry is asked (through the sort-key
    index) only when a name and birth year is already registered."""

    def __init__(self, s, registry=None) -> None:
        self.s = s
        self.registry = registry  # a ChunkLookup: the registry's namesakes come with the chunk's keys
        self.file: dict[tuple, tuple | list] = {}

    def _registered(self, key: tuple, sort: str) -> list[tuple]:
        if self.registry is not None:  # fetched with the chunk's keys
            return self.registry.registered_namesakes(key, sort)
        return [tuple(r) for r in self.s.connection().exec_driver_sql(
            "SELECT cccd, phone FROM resident WHERE deleted_at IS NULL AND sort_key = ? AND name_folded = ? "
            "AND birth_year = ?", (sort, *key))]

    def told_apart(self, key: tuple, cols: dict, registered: bool) -> bool:
        """Whether the row differs by CCCD or phone from everyone sharing its name and birth year."""
        seen = self.file.get(key, ())
        others = [seen] if isinstance(seen, tuple) and seen else list(seen)
        if registered:
            others += self._registered(key, cols["sort_key"])
        mine = (cols["cccd"], cols["phone"])
        return bool(others) and all(any(a and b and a != b for a, b in zip(mine, other)) for other in others)

    def add(self, key: tuple, cols: dict) -> None:
        ids = (cols["cccd"], cols["phone"])
        seen = self.file.get(key)
        self.file[key] = ids if seen is None else ([seen] if isinstance(seen, tuple) else seen) + [ids]


class _Checker:
    """One file row -> its content row (in `field_names(Resident)` order, JSON-ready), or its problems.

    The fast path covers the rows a ward list is made of and gives exactly what
    `RowConverter.convert` + `residents.validate` give; anything it is not sure of (any
    problem, a CCCD disagreeing with sex or birth year…) goes through that reference path,
    which words the problems.
    """

    _CACHE_LIMIT = 200_000

    def __init__(self, s, mapping: dict[int, str], accept_warnings: bool, headers: list | None = None,
                 expected_rows: int = 0, lookup_conn=None):
        headers = list(headers or [])
        self.width = len(headers)
        self.field_of = dict(mapping)
        # columns left out whose cells are not expected to hold anything: no header, or past the header
        self.blank = [i for i, h in enumerate(headers) if not str(h or "").strip() and i not in mapping]
        self.dropped: dict[int, list[int]] = {}  # column -> [cells with data, first row]
        self.cut = [(name, limit) for name, limit in svc.TEXT_LIMITS.items() if name in mapping.values()]
        groups = {group_key(g.name): g.id for g in s.scalars(
            select(ResidentialGroup).where(ResidentialGroup.deleted_at.is_(None)))}
        # the registry's keys: read once, or asked key by key when the registry is large beside the file
        self.existing = registry_keys(s.connection().connection.dbapi_connection, expected_rows, lookup_conn)
        self.seen: dict[str, dict] = {"cccd": {}, "phone": {}, "name_birth_year": {}}
        self.batched = isinstance(self.existing, ChunkLookup)  # rows checked CHUNK_ROWS at a time
        self.homonyms = _Homonyms(s, self.existing if self.batched else None)
        self.converter = RowConverter(groups)
        self.items = sorted(mapping.items())
        self.fields = set(mapping.values())
        self.stage_columns = StageColumns(self.fields)
        self.accept_warnings = accept_warnings
        self.names = field_names(Resident)
        self._names: dict[str, tuple | bool] = {}
        self._births: dict[tuple, tuple | None] = {}
        self._years: dict[tuple, object] = {}
        self._codes: dict[tuple[str, str], str | None] = {}
        self.households = ImportHouseholds.none()  # the import sets its own (households/from_import)

    def check(self, row_no: int, cells: list, report: ImportReport) -> tuple | None:
        prepared = self.prepare(row_no, cells, report)
        return None if prepared is None else self.settle(row_no, *prepared, report)

    def prepare(self, row_no: int, cells: list, report: ImportReport) -> tuple | None:
        """The row's checked values: (cols, values, plain), or None (its problems reported)."""
        n = len(cells)
        if _SUSPECT.search("".join([c for c in cells if c.__class__ is str])):
            cells = self._cleaned(row_no, cells, report)
        if n > self.width or self.blank:
            self._note_dropped(row_no, cells)
        values = {name: (cells[i] if i < n else None) for i, name in self.items}
        for name, limit in self.cut:
            value = values[name]
            if value.__class__ is str and len(value) > limit and len(value.strip()) > limit:
                report.warn(row_no, name, _("Dài {n} ký tự: chỉ giữ {limit} ký tự đầu.").format(
                    n=len(value.strip()), limit=limit))
        cols = self._fast(values)
        if cols is not None and self.stage_columns.any:
            cols = self._with_stage_columns(cols, values)
        plain = cols is not None  # the fast path's values are JSON-ready already
        if not plain:
            cols = self._reference(row_no, values, report)
            if cols is None:
                return None
        return cols, values, plain

    def fetch_registered(self, prepared: list[tuple]) -> None:
        """Rows checked together (`prepare`d, in file order): their keys asked of the registry at once."""
        cccds, phones, names = set(), set(), set()
        for _row, cols, _values, _plain in prepared:
            if cols["cccd"]:
                cccds.add(cols["cccd"])
            if cols["phone"]:
                phones.add(cols["phone"])
            if cols["birth_year"]:
                names.add((cols["name_folded"], cols["birth_year"]))
        self.existing.fetch(cccds, phones, names)

    def settle(self, row_no: int, cols: dict, values: dict, plain: bool, report: ImportReport) -> tuple | None:
        """A prepared row after the duplicate check: its content row, or None (a duplicate, reported)."""
        # duplicates: earlier rows of the file, then the registry
        name_key = (cols["name_folded"], cols["birth_year"]) if cols["birth_year"] else None
        keys = (("cccd", cols["cccd"]), ("phone", cols["phone"]), ("name_birth_year", name_key))
        for kind, key in keys:
            if not key:
                continue
            if kind == "name_birth_year" and (key in self.seen[kind] or key in self.existing[kind]) and \
                    self.homonyms.told_apart(key, cols, key in self.existing[kind]):
                continue  # the same name and birth year, but another CCCD or phone: someone else
            if key in self.seen[kind]:
                report.duplicates.append(DuplicateRow(row_no, kind, cols["full_name"], same_as_row=self.seen[kind][key]))
                return None
            if key in self.existing[kind]:
                report.duplicates.append(DuplicateRow(row_no, kind, cols["full_name"], existing_id=self.existing[kind][key]))
                return None
        for kind, key in keys:
            if key:
                self.seen[kind][key] = row_no
        if name_key:
            self.homonyms.add(name_key, cols)
        if self.households.active:
            self.households.assign(cols, values.get("household_no"))
        return tuple(map(cols.get, self.names)) if plain else content_row(cols, self.names)

    def _cleaned(self, row_no: int, cells: list, report: ImportReport) -> list:
        """The row with control characters out of every text cell (tab, line breaks: a space), each change said."""
        cells = list(cells)
        for i, value in enumerate(cells):
            if value.__class__ is not str or not _SUSPECT.search(value):
                continue
            name = self.field_of.get(i)
            controls = sorted({f"{ord(ch):02X}" for ch in _CONTROL.findall(value)})
            if name == "notes":  # notes may run over several lines: line breaks stay (as \n), nothing else
                cleaned = _DROPPED.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
                cells[i] = _NOT_NEWLINE_SPACE.sub(" ", cleaned).strip()
            else:
                cells[i] = _SPACE_LIKE.sub(" ", _DROPPED.sub("", value)).strip()
            if name is None:
                continue  # a column that is not imported
            if controls:
                report.warn(row_no, name, _("Đã bỏ ký tự điều khiển (mã {codes}) khỏi giá trị.").format(
                    codes=", ".join(controls)))
            if "\ufffd" in value:
                report.warn(row_no, name, _("Có ký tự không đọc được «\ufffd»: tệp có byte sai bảng mã ({encoding}); "
                                            "hãy kiểm tra lại giá trị.").format(encoding=report.encoding))
        return cells

    def _note_dropped(self, row_no: int, cells: list) -> None:
        for i in (*self.blank, *range(self.width, len(cells))):
            if i < len(cells) and cells[i] is not None and cells[i] != "":
                seen = self.dropped.setdefault(i, [0, row_no])
                seen[0] += 1

    def report_dropped_cells(self, report: ImportReport) -> None:
        """One warning per column whose cells with data were left out (no header, or past the header)."""
        for i, (n, first) in sorted(self.dropped.items()):
            if i >= self.width:
                reason = _("Cột {col} nằm ngoài dòng tiêu đề (có thể do dấu phân cách thừa): bỏ qua {n} ô có dữ liệu.")
            else:
                reason = _("Cột {col} không có tiêu đề: bỏ qua {n} ô có dữ liệu.")
            report.warn(first, "", reason.format(col=_column_name(i), n=n))

    def _reference(self, row_no: int, values: dict, report: ImportReport) -> dict | None:
        """The reference path: convert, validate, word every problem."""
        data, problems = self.converter.convert(values, row_no)
        cols, found = svc.validate(data)
        for p in found:
            if p.severity == "warning" and self.accept_warnings:
                continue
            name = _FIELD_NAME_MAP.get(p.field, p.field)
            if name == "birth_year" and "birth_year" not in self.fields:
                name = "birth"
            problems.append(RowProblem(row_no, name, p.message, p.severity))
        extra, found = self.stage_columns.read(values, data.adoption_stage) if self.stage_columns.any else ({}, [])
        problems.extend(RowProblem(row_no, name, message) for name, message in found)
        if problems:
            report.rejected.extend(problems)
            return None
        cols["adoption_stage"] = data.adoption_stage or "chua_biet"
        cols.update(extra)
        return cols

    def _with_stage_columns(self, cols: dict, values: dict) -> dict | None:
        """The fast path's row with the file's stage dates and consent; None (the reference path
        words it) when one of them is wrong."""
        raw = values.get("adoption_stage")
        given = raw is not None and raw != "" and bool(_str(raw))
        extra, problems = self.stage_columns.read(values, cols["adoption_stage"] if given else None)
        if problems:
            return None
        cols.update(extra)
        return cols

    # -- the fast path: None when unsure -------------------------------------------------
    def _cached(self, cache: dict, key, make):
        try:
            return cache[key]
        except KeyError:
            if len(cache) > self._CACHE_LIMIT:
                cache.clear()
            value = cache[key] = make()
            return value
        except TypeError:  # an unhashable value: never from a file, but be safe
            return make()

    def _name(self, text: str) -> tuple | bool:
        name = normalize_name(text)
        if not name or len(name) > 200 or any(ch.isdigit() for ch in name):
            return False
        return name, fold(name), svc.sort_key(name)

    @staticmethod
    def _birth(value: object) -> tuple | None:
        try:
            d, y = v.parse_birth(value)
        except (v.InvalidValue, ValueError, TypeError, OverflowError):
            return None
        return (d.isoformat() if d is not None else None), y

    @staticmethod
    def _year(year: object) -> object:
        try:
            _d, y = v.parse_birth(year_input(year))
        except (v.InvalidValue, ValueError, TypeError, OverflowError):
            return _UNSET
        return y

    def _code(self, kind: str, raw: object, default: str) -> str | None:
        """The target group or stage code of a cell: `default` when empty, None when unknown."""
        if raw is None or raw == "":
            return default
        word = fold_small(_str(raw))
        if not word:
            return default
        key = (kind, word)
        code = self._codes.get(key, _UNSET)
        if code is _UNSET:
            code = self._codes[key] = (target_code if kind == "target" else stage_code)(word)
        return code

    def _fast(self, values: dict) -> dict | None:
        get = values.get
        text = _str(get("full_name"))
        info = self._names.get(text)
        if info is None:
            info = self._cached(self._names, text, lambda: self._name(text))
        if not info:
            return None
        name, folded, sort = info
        birth_date = birth_year = None
        birth = get("birth")
        if birth is not None and birth != "":
            parsed = self._births.get((birth.__class__, birth), _UNSET)
            if parsed is _UNSET:
                parsed = self._cached(self._births, (birth.__class__, birth), lambda: self._birth(birth))
            if parsed is None:
                return None
            birth_date, birth_year = parsed
        year = get("birth_year")
        if year is not None and year != "":
            y = self._cached(self._years, (year.__class__, year), lambda: self._year(year))
            if y is _UNSET or (birth_year and y and y != birth_year):
                return None
            birth_year = birth_year or y

        sex = None
        raw = get("sex")
        if raw is not None and raw != "":
            word = fold_small(_str(raw))
            if word:
                sex = SEX_WORDS.get(word)
                if sex is None:
                    return None

        cccd = cmnd = None
        raw = get("cccd")
        if raw is not None and raw != "":
            cccd = raw if raw.__class__ is str and len(raw) == 12 and raw.isdigit() else id_digits(raw, 12)
        raw = get("cmnd")
        if raw is not None and raw != "":
            cmnd = id_digits(raw, 9)
        raw = get("cccd_or_cmnd")
        if raw is not None and raw != "":
            digits = id_digits(raw, 12)
            if len(digits) == 9:
                cmnd = digits
            elif len(digits) in (10, 11) and isinstance(raw, (int, float)):
                cccd = digits.zfill(12)
            else:
                cccd = digits
        if cccd:
            info = v.cccd_info(cccd)
            if info is None or v.cccd_warnings(info, sex, birth_year):
                return None  # an error or a warning to word (or to accept): the reference path
        else:
            cccd = None
        if cmnd:
            if not v.is_cmnd(cmnd):
                return None
        else:
            cmnd = None

        phone = _str(get("phone"))
        if phone:
            try:
                phone = v.parse_phone(phone)
            except v.InvalidValue:
                return None
        else:
            phone = None

        group_id = None
        group = _str(get("residential_group"))
        if group:
            keys = self.converter._group_keys
            key = keys.get(group)
            if key is None:
                key = keys[group] = group_key(group)
            group_id = self.converter.groups.get(key)
            if group_id is None:
                return None

        target = self._code("target", get("target_group"), svc.DEFAULT_TARGET_GROUP)
        stage = self._code("stage", get("adoption_stage"), "chua_biet")
        if target is None or stage is None:
            return None

        notes = _str(get("notes"))
        if len(notes) > NOTE_MAX_CHARS:
            return None  # the reference path words the problem (the sync server's limit)
        return {"full_name": name, "name_folded": folded, "sort_key": sort, "birth_date": birth_date,
                "birth_year": birth_year, "sex": sex, "cccd": cccd, "cmnd": cmnd, "phone": phone,
                "residential_group_id": group_id, "address_detail": _str(get("address_detail"))[:_ADDRESS_MAX],
                "target_group": target, "workplace": _str(get("workplace"))[:_WORKPLACE_MAX], "notes": notes,
                "consent_given": False, "consent_by": "", "consent_version": "", "adoption_stage": stage}


_ADDRESS_MAX, _WORKPLACE_MAX = svc.TEXT_LIMITS["address_detail"], svc.TEXT_LIMITS["workplace"]


def _str(value: object) -> str:
    """`cell_text` with a quick way for text cells (the usual case)."""
    return value.strip() if value.__class__ is str else cell_text(value)

