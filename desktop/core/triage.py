"""Guided fixes for each failure reason (triage), kept as data the team lead can extend.

The shipped guides are `resources/data/triage.json`; a data folder may add `triage.local.json`
of the same shape, naming only the reasons and fields it changes (`steps`, `police`, `needed`, and
their `_en` forms). Every reason of `FAILURE_REASONS` must have steps. `police: true` means only
the ward police can resolve it: choosing it makes a police hand-off (`needed` says what for).

A broken local file never hides the shipped guides: `guides_for` returns them with the problems
worded for people (file, reason, field).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from desktop.core.i18n import _, current_language
from desktop.core.outreach_vocab import FAILURE_REASONS
from desktop.resources import resource

LOCAL_FILE_NAME = "triage.local.json"
MAX_STEPS = 12
MAX_STEP_CHARS = 400
MAX_NEEDED_CHARS = 200  # fits the hand-off's `needed` column


class TriageError(ValueError):
    """A guides file is malformed; the message says which file, which reason and which field."""


@dataclass(frozen=True)
class Guide:
    reason: str
    steps: tuple[str, ...]
    steps_en: tuple[str, ...]
    police: bool
    needed: str
    needed_en: str

    def display_steps(self) -> tuple[str, ...]:
        return self.steps_en if current_language() == "en" and self.steps_en else self.steps

    def display_needed(self) -> str:
        return self.needed_en if current_language() == "en" and self.needed_en else self.needed


@dataclass(frozen=True)
class Guides:
    version: str
    by_reason: dict[str, Guide]
    problems: tuple[str, ...] = ()  # what was wrong with the local file (its changes were left out)

    def get(self, reason: str) -> Guide | None:
        return self.by_reason.get(reason)

    def police_reasons(self) -> set[str]:
        return {code for code, g in self.by_reason.items() if g.police}


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise TriageError(_("Không đọc được tệp hướng dẫn {path}: {error}").format(path=path, error=exc)) from exc
    except ValueError as exc:
        raise TriageError(_("Tệp hướng dẫn {path} không phải JSON hợp lệ: {error}").format(path=path, error=exc)) from exc
    if not isinstance(data, dict) or not isinstance(data.get("reasons"), dict):
        raise TriageError(_("Tệp hướng dẫn {path}: thiếu mục «reasons» (mỗi lý do một mục).").format(path=path))
    return data


def _steps(value, path: Path, reason: str, field: str) -> tuple[str, ...]:
    where = {"path": path, "reason": reason, "field": field}
    if not isinstance(value, list) or not value:
        raise TriageError(_("Tệp hướng dẫn {path}, lý do «{reason}», trường «{field}»: cần một danh sách các bước, "
                            "ít nhất một bước.").format(**where))
    if len(value) > MAX_STEPS:
        raise TriageError(_("Tệp hướng dẫn {path}, lý do «{reason}», trường «{field}»: tối đa {n} bước.").format(
            n=MAX_STEPS, **where))
    out = []
    for i, step in enumerate(value, start=1):
        if not isinstance(step, str) or not step.strip():
            raise TriageError(_("Tệp hướng dẫn {path}, lý do «{reason}», trường «{field}», bước {n}: bước trống "
                                "hoặc không phải chữ.").format(n=i, **where))
        if len(step) > MAX_STEP_CHARS:
            raise TriageError(_("Tệp hướng dẫn {path}, lý do «{reason}», trường «{field}», bước {n}: dài quá {max} ký tự.")
                              .format(n=i, max=MAX_STEP_CHARS, **where))
        out.append(step.strip())
    return tuple(out)


def _text(value, path: Path, reason: str, field: str) -> str:
    if not isinstance(value, str) or len(value) > MAX_NEEDED_CHARS:
        raise TriageError(_("Tệp hướng dẫn {path}, lý do «{reason}», trường «{field}»: cần một dòng chữ, tối đa {max} ký tự.")
                          .format(path=path, reason=reason, field=field, max=MAX_NEEDED_CHARS))
    return value.strip()


FIELDS = ("steps", "steps_en", "police", "needed", "needed_en")


def _merge(into: dict[str, dict], data: dict, path: Path) -> None:
    """Each reason's fields from `data` over `into`, checked one by one."""
    for reason, raw in data["reasons"].items():
        if reason not in FAILURE_REASONS:
            raise TriageError(_("Tệp hướng dẫn {path}: lý do «{reason}» không có trong danh sách lý do chưa thành công "
                                "({known}).").format(path=path, reason=reason, known=", ".join(FAILURE_REASONS)))
        if not isinstance(raw, dict):
            raise TriageError(_("Tệp hướng dẫn {path}, lý do «{reason}»: cần một mục có «steps».").format(path=path, reason=reason))
        unknown = sorted(set(raw) - set(FIELDS))
        if unknown:
            raise TriageError(_("Tệp hướng dẫn {path}, lý do «{reason}»: trường không dùng được «{field}» (chỉ có: {known}).")
                              .format(path=path, reason=reason, field=unknown[0], known=", ".join(FIELDS)))
        entry = into.setdefault(reason, {})
        for field in ("steps", "steps_en"):
            if field in raw:
                entry[field] = _steps(raw[field], path, reason, field)
        for field in ("needed", "needed_en"):
            if field in raw:
                entry[field] = _text(raw[field], path, reason, field)
        if "police" in raw:
            if not isinstance(raw["police"], bool):
                raise TriageError(_("Tệp hướng dẫn {path}, lý do «{reason}», trường «police»: chỉ được true hoặc false.")
                                  .format(path=path, reason=reason))
            entry["police"] = raw["police"]


def _build(entries: dict[str, dict], version: str, path: Path, problems: tuple[str, ...] = ()) -> Guides:
    missing = [code for code in FAILURE_REASONS if not entries.get(code, {}).get("steps")]
    if missing:
        raise TriageError(_("Tệp hướng dẫn {path}: chưa có các bước cho lý do «{reason}».").format(path=path, reason=missing[0]))
    guides = {}
    for code in FAILURE_REASONS:
        e = entries[code]
        police = bool(e.get("police", False))
        if police and not e.get("needed"):
            raise TriageError(_("Tệp hướng dẫn {path}, lý do «{reason}»: lý do cần công an phải ghi «needed» (việc công an cần làm).")
                              .format(path=path, reason=code))
        guides[code] = Guide(code, e["steps"], e.get("steps_en", ()), police, e.get("needed", ""), e.get("needed_en", ""))
    return Guides(version, guides, problems)


def load_guides(extra: Path | None = None) -> Guides:
    """The shipped guides, with `extra`'s changes when that file exists and is right (its problems listed when not)."""
    base_path = resource("data", "triage.json")
    base = _read(base_path)
    entries: dict[str, dict] = {}
    _merge(entries, base, base_path)
    version = str(base.get("version", ""))
    shipped = _build(entries, version, base_path)
    if extra is None or not extra.exists():
        return shipped
    try:
        more = _read(extra)
        local = {code: dict(e) for code, e in entries.items()}
        _merge(local, more, extra)
        return _build(local, f"{version}+{more.get('version', 'local')}", extra)
    except TriageError as exc:
        return Guides(shipped.version, shipped.by_reason, (str(exc),))


@lru_cache(maxsize=8)
def _cached(extra: str | None, mtime: float) -> Guides:
    return load_guides(Path(extra) if extra else None)


def guides_for(data_root: Path | None) -> Guides:
    """The guides of a data folder (cached; read again when its local file changes)."""
    if data_root is None:
        return _cached(None, 0.0)
    extra = Path(data_root) / LOCAL_FILE_NAME
    mtime = extra.stat().st_mtime if extra.exists() else 0.0
    return _cached(str(extra), mtime)
