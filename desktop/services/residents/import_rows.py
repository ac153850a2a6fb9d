"""One row of a residents file turned into a record's values: the cell readers (texts, numbers Excel kept,
birth years, ID numbers), the words wards write for sex, target group and stage, and `RowConverter`, the
reference conversion of a row (the import's checker takes its own fast path for the usual rows)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from desktop.core import validation as v
from desktop.core.i18n import _, in_every_language
from desktop.core.text import fold
from desktop.core.vocab import ADOPTION_STAGES, TARGET_GROUPS
from desktop.services.residents import residents as svc


@dataclass
class RowProblem:
    """A problem of one row and field of the file (the import's report lists them)."""

    row: int
    field: str
    reason: str
    severity: str = "error"


SEX_WORDS = {"nam": "nam", "m": "nam", "male": "nam", "trai": "nam", "nu": "nu", "f": "nu", "female": "nu",
             "gai": "nu"}
TARGET_WORDS = [("can bo", "can_bo"), ("cong chuc", "can_bo"), ("vien chuc", "can_bo"), ("ccvc", "can_bo"),
                ("hoc sinh", "hoc_sinh_sinh_vien"), ("sinh vien", "hoc_sinh_sinh_vien"),
                ("lao dong", "nguoi_lao_dong"), ("cong nhan", "nguoi_lao_dong"), ("khu cong nghiep", "nguoi_lao_dong"),
                ("cao tuoi", "nguoi_cao_tuoi"), ("huu tri", "nguoi_cao_tuoi"), ("kinh doanh", "ho_kinh_doanh"),
                ("tieu thuong", "ho_kinh_doanh"), ("khac", "nguoi_dan_khac"), ("nguoi dan", "nguoi_dan_khac")]
# labels as the app writes them, in every language it has (its own exports read back)
TARGET_LABELS = {fold(text): code for code, label in TARGET_GROUPS.items() for text in in_every_language(label)}
STAGE_LABELS = {fold(text): code for code, label in ADOPTION_STAGES.items() for text in in_every_language(label)}


_FOLD_CACHE: dict[str, str] = {}


def fold_small(text: str) -> str:
    """fold() of a value from a small set (sex, group, target group, stage): cached."""
    folded = _FOLD_CACHE.get(text)
    if folded is None:
        if len(_FOLD_CACHE) > 4096:
            _FOLD_CACHE.clear()
        folded = _FOLD_CACHE[text] = fold(text)
    return folded


def target_code(folded: str) -> str | None:
    """A target group code from a folded cell text (label, code, or a telling word)."""
    code = TARGET_LABELS.get(folded) or (folded.replace(" ", "_") if folded.replace(" ", "_") in TARGET_GROUPS else None)
    if code is None:
        code = next((c for word, c in TARGET_WORDS if word in folded), None)
    return code


def stage_code(folded: str) -> str | None:
    return STAGE_LABELS.get(folded) or (folded.replace(" ", "_") if folded.replace(" ", "_") in ADOPTION_STAGES else None)


def group_key(name: str) -> str:
    """"Tổ dân phố số 5", "TDP 5", "Tổ 5" -> "5"; other names folded."""
    f = fold(name)
    m = re.fullmatch(r"(?:to dan pho|tdp|to)\s*(?:so)?\s*0*(\d+)", f)
    return m.group(1) if m else f


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def shown(value: object, n: int = 40) -> str:
    text = cell_text(value)
    return text if len(text) <= n else text[:n] + "…"


def year_input(year: object) -> object:
    """A birth-year cell as `parse_birth` takes it; a value no year can be (inf, nan, 5,000 digits) is refused here."""
    if isinstance(year, (int, float)) and not isinstance(year, bool):
        if not math.isfinite(year):
            raise v.InvalidValue(_("Năm sinh «{value}» không đọc được.").format(value=shown(year)))
        return int(year)
    text = cell_text(year)
    if text.isdigit():
        if len(text) > 6:
            raise v.InvalidValue(_("Năm sinh «{value}» không đọc được.").format(value=shown(text)))
        return int(text)
    return year


_UNKNOWN_WORD = {
    "target_group": lambda value: _("Đối tượng «{value}» không có trong danh mục.").format(value=value),
    "adoption_stage": lambda value: _("Mức độ sử dụng iHaNoi «{value}» không có.").format(value=value),
}


def _coded(values: dict[str, object], row: int, field: str, code_of, problems: list) -> str | None:
    """The code of a word a ward writes in `field` (None for an empty cell, or a word not in the list, which adds
    its problem)."""
    written = cell_text(values.get(field))
    folded = fold_small(written)
    if not folded:
        return None
    code = code_of(folded)
    if code is None:
        problems.append(RowProblem(row, field, _UNKNOWN_WORD[field](written)))
    return code


def id_digits(value: object, length: int) -> str:
    """An ID number read from a cell; numbers lost their leading zeros in Excel."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = str(int(value))
        return text.zfill(length) if len(text) in (length - 2, length - 1) else text
    return v.digits_only(cell_text(value))


class RowConverter:
    """One file row -> (ResidentInput, problems)."""

    def __init__(self, groups: dict[str, str]):
        self.groups = groups  # group key -> id
        self._group_keys: dict[str, str] = {}  # cell text -> group key

    def convert(self, values: dict[str, object], row: int) -> tuple[svc.ResidentInput, list[RowProblem]]:
        problems: list[RowProblem] = []
        data = svc.ResidentInput(full_name=cell_text(values.get("full_name")))

        birth = values.get("birth")
        try:
            if birth not in (None, ""):
                data.birth_date, data.birth_year = v.parse_birth(birth)
            year = values.get("birth_year")
            if year not in (None, ""):
                _d, y = v.parse_birth(year_input(year))
                if data.birth_year and y and y != data.birth_year:
                    problems.append(RowProblem(row, "birth_year", _("Năm sinh khác với năm của ngày sinh.")))
                data.birth_year = data.birth_year or y
        except (v.InvalidValue, ValueError, OverflowError, TypeError) as exc:
            message = str(exc) if isinstance(exc, v.InvalidValue) else _("Ngày sinh «{value}» không đọc được.").format(
                value=shown(birth))
            problems.append(RowProblem(row, "birth" if birth not in (None, "") else "birth_year", message))

        sex = fold_small(cell_text(values.get("sex")))
        if sex:
            if sex in SEX_WORDS:
                data.sex = SEX_WORDS[sex]
            else:
                problems.append(RowProblem(row, "sex", _("Giới tính «{value}» không rõ (Nam hoặc Nữ).").format(
                    value=cell_text(values.get("sex")))))

        for name, length in (("cccd", 12), ("cmnd", 9)):
            if values.get(name) not in (None, ""):
                setattr(data, name, id_digits(values[name], length))
        either = values.get("cccd_or_cmnd")
        if either not in (None, ""):
            digits = id_digits(either, 12)
            if len(digits) == 9:
                data.cmnd = digits
            elif len(digits) in (10, 11) and isinstance(either, (int, float)):
                data.cccd = digits.zfill(12)
            else:
                data.cccd = digits

        data.phone = cell_text(values.get("phone")) or None

        group = cell_text(values.get("residential_group"))
        if group:
            key = self._group_keys.get(group)
            if key is None:
                key = self._group_keys[group] = group_key(group)
            gid = self.groups.get(key)
            if gid is None:
                problems.append(RowProblem(row, "residential_group",
                                           _("Tổ dân phố / thôn «{value}» không có trong danh sách của phường.").format(
                                               value=group)))
            data.residential_group_id = gid

        target = _coded(values, row, "target_group", target_code, problems)
        if target:  # a word not in the list keeps the default (the row is refused for it anyway)
            data.target_group = target
        if fold_small(cell_text(values.get("adoption_stage"))):
            data.adoption_stage = _coded(values, row, "adoption_stage", stage_code, problems)

        data.address_detail = cell_text(values.get("address_detail"))
        data.workplace = cell_text(values.get("workplace"))
        data.notes = cell_text(values.get("notes"))
        return data, problems
