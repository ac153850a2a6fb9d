"""Complaint kinds and categories (as in iHaNoi), their deadlines, and the working calendar.

The list ships as data (`resources/data/complaint_categories.json`, with a `version`).
A data folder may extend it with `complaint_categories.local.json` of the same shape:
new kinds and categories are added, a category with a known code overrides its label
and deadlines, and a `working_calendar` block overrides the calendar's keys (e.g. this
year's holidays).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from desktop.core.i18n import N_, _, current_language
from desktop.core.working_calendar import WorkingCalendar
from desktop.resources import resource

LOCAL_FILE_NAME = "complaint_categories.local.json"

SEVERITIES = {"thong_thuong": N_("Thông thường"), "khan_cap": N_("Khẩn cấp"), "phuc_tap": N_("Phức tạp")}
CHANNELS = {
    "diem_ho_tro": N_("Điểm hỗ trợ"),
    "tru_so_phuong": N_("Trụ sở phường"),
    "tan_nha": N_("Đến tận nhà"),
    "dien_thoai": N_("Điện thoại"),
}


class CatalogueError(ValueError):
    """The catalogue file is malformed; the message says which file and where."""


@dataclass(frozen=True)
class Category:
    code: str
    label: str
    label_en: str
    normal_days: float
    complex_days: float

    def display(self) -> str:
        return self.label_en if current_language() == "en" and self.label_en else self.label


@dataclass(frozen=True)
class Kind:
    code: str
    label: str
    label_en: str
    categories: tuple[Category, ...]

    def display(self) -> str:
        return self.label_en if current_language() == "en" and self.label_en else self.label

    def category(self, code: str) -> Category | None:
        return next((c for c in self.categories if c.code == code), None)


@dataclass(frozen=True)
class Catalogue:
    version: str
    kinds: tuple[Kind, ...]
    calendar: WorkingCalendar = field(default_factory=WorkingCalendar)

    def kind(self, code: str) -> Kind | None:
        return next((k for k in self.kinds if k.code == code), None)

    def category(self, kind: str, code: str) -> Category | None:
        k = self.kind(kind)
        return k.category(code) if k else None

    def kind_label(self, code: str) -> str:
        k = self.kind(code)
        return k.display() if k else code

    def category_label(self, kind: str, code: str) -> str:
        c = self.category(kind, code)
        return c.display() if c else code

    def validate(self, kind: str, category: str) -> Category:
        k = self.kind(kind)
        if k is None:
            raise CatalogueError(_("Loại phản ánh không có trong danh mục: «{code}»").format(code=kind))
        c = k.category(category)
        if c is None:
            raise CatalogueError(
                _("Lĩnh vực «{code}» không thuộc loại «{kind}»").format(code=category, kind=k.display())
            )
        return c


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise CatalogueError(_("Không đọc được danh mục phản ánh {path}: {error}").format(path=path, error=exc)) from exc
    except ValueError as exc:
        raise CatalogueError(_("Danh mục phản ánh {path} không phải JSON hợp lệ: {error}").format(path=path, error=exc)) from exc
    if not isinstance(data, dict) or not isinstance(data.get("kinds", []), list):
        raise CatalogueError(_("Danh mục phản ánh {path}: thiếu danh sách «kinds»").format(path=path))
    return data


def _category(raw: dict, path: Path, where: str) -> Category:
    try:
        days = raw.get("deadline_days", {})
        return Category(
            code=str(raw["code"]),
            label=str(raw["label"]),
            label_en=str(raw.get("label_en", "")),
            normal_days=float(days.get("normal", 5)),
            complex_days=float(days.get("complex", 10)),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise CatalogueError(
            _("Danh mục phản ánh {path}, {where}: thiếu hoặc sai trường {error}").format(path=path, where=where, error=exc)
        ) from exc


def _merge(kinds: dict[str, dict], data: dict, path: Path) -> None:
    for i, raw_kind in enumerate(data.get("kinds", []), start=1):
        try:
            code = str(raw_kind["code"])
        except (KeyError, TypeError) as exc:
            raise CatalogueError(_("Danh mục phản ánh {path}, loại thứ {n}: thiếu «code»").format(path=path, n=i)) from exc
        entry = kinds.setdefault(
            code, {"label": raw_kind.get("label", code), "label_en": raw_kind.get("label_en", ""), "categories": {}}
        )
        if "label" in raw_kind:
            entry["label"] = raw_kind["label"]
        if "label_en" in raw_kind:
            entry["label_en"] = raw_kind["label_en"]
        for j, raw_cat in enumerate(raw_kind.get("categories", []), start=1):
            cat = _category(raw_cat, path, _("loại «{kind}», lĩnh vực thứ {n}").format(kind=code, n=j))
            entry["categories"][cat.code] = cat


def load_catalogue(extra: Path | None = None) -> Catalogue:
    """The shipped catalogue, extended by `extra` when that file exists."""
    base_path = resource("data", "complaint_categories.json")
    base = _read(base_path)
    kinds: dict[str, dict] = {}
    _merge(kinds, base, base_path)
    calendar_cfg = dict(base.get("working_calendar", {}))
    version = str(base.get("version", ""))
    if extra is not None and extra.exists():
        more = _read(extra)
        _merge(kinds, more, extra)
        calendar_cfg.update(more.get("working_calendar", {}))
        if more.get("version"):
            version = f"{version}+{more['version']}"
    try:
        calendar = WorkingCalendar.from_config(calendar_cfg)
    except ValueError as exc:
        raise CatalogueError(str(exc)) from exc
    return Catalogue(
        version=version,
        kinds=tuple(
            Kind(code, v["label"], v["label_en"], tuple(v["categories"].values())) for code, v in kinds.items()
        ),
        calendar=calendar,
    )


@lru_cache(maxsize=8)
def _cached(extra: str | None, mtime: float) -> Catalogue:
    return load_catalogue(Path(extra) if extra else None)


def catalogue_for(data_root: Path | None) -> Catalogue:
    """The catalogue of a data folder (cached; reloaded when the local file changes)."""
    if data_root is None:
        return _cached(None, 0.0)
    extra = Path(data_root) / LOCAL_FILE_NAME
    mtime = extra.stat().st_mtime if extra.exists() else 0.0
    return _cached(str(extra), mtime)
