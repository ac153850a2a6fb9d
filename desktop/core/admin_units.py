"""The official list of administrative units (provinces, wards) and Hanoi's pre-2025 wards.

Source: resources/data/admin_units_vn.json (General Statistics Office of Viet Nam,
danhmuchanhchinh.nso.gov.vn), copied from the project's shared reference data.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from desktop.core.text import fold
from desktop.resources import resource

HANOI_CODE = 1
_WARD_PREFIXES = ("phuong ", "xa ", "dac khu ", "thi tran ")


@dataclass(frozen=True)
class Province:
    code: int
    name: str


@dataclass(frozen=True)
class Ward:
    code: int
    name: str
    kind: str
    province_code: int
    province_name: str

    @property
    def code_str(self) -> str:
        return format_ward_code(self.code)


@dataclass(frozen=True)
class LegacyWard:
    """A pre-2025 ward of Hanoi and the current ward(s) it became."""

    code: int
    name: str
    district_name: str
    new_ward_codes: tuple[int, ...]
    partly_merged: bool


def format_ward_code(code: int) -> str:
    return f"{code:05d}"


def parse_ward_code(text: str) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


class AdminUnits:
    def __init__(self, data: dict):
        self.source: str = data.get("source", "")
        self.provinces: list[Province] = []
        self._wards: dict[int, Ward] = {}
        self._wards_by_province: dict[int, list[Ward]] = {}
        for p in data["provinces"]:
            province = Province(p["code"], p["name"])
            self.provinces.append(province)
            wards = [Ward(w["code"], w["name"], w["type"], province.code, province.name) for w in p["wards"]]
            self._wards_by_province[province.code] = wards
            self._wards.update((w.code, w) for w in wards)
        # Hanoi first, the rest in the official order.
        self.provinces.sort(key=lambda p: (p.code != HANOI_CODE, p.code))
        self.legacy_wards: list[LegacyWard] = [
            LegacyWard(w["code"], w["name"], d["name"], tuple(w["new_wards"]), bool(w.get("partly_merged")))
            for d in data.get("hanoi_legacy_districts", [])
            for w in d["wards"]
        ]
        self._folded = {code: _fold_ward(w.name) for code, w in self._wards.items()}

    def province(self, code: int) -> Province | None:
        return next((p for p in self.provinces if p.code == code), None)

    def wards_of(self, province_code: int) -> list[Ward]:
        return list(self._wards_by_province.get(province_code, []))

    def ward(self, code: int | str) -> Ward | None:
        if isinstance(code, str):
            parsed = parse_ward_code(code)
            if parsed is None:
                return None
            code = parsed
        return self._wards.get(code)

    def search_wards(self, query: str, province_code: int | None = HANOI_CODE) -> list[Ward]:
        """Wards whose folded name contains the folded query ("cau giay" finds Cầu Giấy)."""
        q = _fold_ward(query)
        pool = self.wards_of(province_code) if province_code else list(self._wards.values())
        if not q:
            return pool
        hits = [w for w in pool if q in self._folded[w.code]]
        hits.sort(key=lambda w: (not self._folded[w.code].startswith(q), self._folded[w.code]))
        return hits

    def legacy_matches(self, query: str) -> list[tuple[LegacyWard, list[Ward]]]:
        """Pre-2025 Hanoi wards matching the query, each with the current ward(s) it became."""
        q = _fold_ward(query)
        if len(q) < 2:
            return []
        out = []
        for lw in self.legacy_wards:
            if q in _fold_ward(lw.name):
                out.append((lw, [self._wards[c] for c in lw.new_ward_codes if c in self._wards]))
        return out


def _fold_ward(name: str) -> str:
    folded = fold(name)
    for prefix in _WARD_PREFIXES:
        if folded.startswith(prefix):
            return folded[len(prefix):]
    return folded


@lru_cache(maxsize=1)
def admin_units() -> AdminUnits:
    with open(resource("data", "admin_units_vn.json"), encoding="utf-8") as fh:
        return AdminUnits(json.load(fh))
