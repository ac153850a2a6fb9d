"""Find a resident in a second: part of a name without diacritics, 4+ digits of the phone, a CCCD.

The FTS5 table `resident_fts` (migration 0002_resident_search, kept by triggers) indexes
the folded name and the phone/CCCD/CMND digits. Results come in tiers: the exact folded
name (or exact phone/CCCD), then names containing every query word whole, then names
with words starting with the query words; each tier in Vietnamese list order.
"""

from __future__ import annotations

import importlib
import re

from sqlalchemy import text

from desktop.core.text import fold
from desktop.services.context import AppContext
from desktop.services.residents import ResidentSummary, _summary

_WORD = re.compile(r"[a-z0-9]+")
_DIGITY = re.compile(r"^[\d\s.+\-()]+$")
MIN_DIGITS = 4

_SELECT = (
    "SELECT r.id, r.full_name, r.birth_year, g.name, r.phone, r.cccd, r.adoption_stage, r.target_group, r.sort_key "
    "FROM {src} LEFT JOIN residential_group g ON g.id = r.residential_group_id "
)
_FTS = _SELECT.format(src="resident_fts f JOIN resident r ON r.id = f.resident_id") + (
    "WHERE resident_fts MATCH :q AND r.deleted_at IS NULL LIMIT :n"
)
_EXACT_NAME = _SELECT.format(src="resident r") + "WHERE r.name_folded = :q AND r.deleted_at IS NULL LIMIT :n"
_EXACT_PHONE = _SELECT.format(src="resident r") + "WHERE r.phone = :phone AND r.deleted_at IS NULL LIMIT :n"
_EXACT_CCCD = _SELECT.format(src="resident r") + "WHERE r.cccd = :cccd AND r.deleted_at IS NULL LIMIT :n"


def _digits_query(digits: str) -> tuple[str, str | None]:
    """Digits as the index holds them (national number with 0) and the E.164 phone if it is one."""
    if digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    phone = "+84" + digits[1:] if digits.startswith("0") and len(digits) == 10 else None
    return digits, phone


def parse_query(query: str) -> tuple[list[str], list[str]]:
    """(name words, digit runs) of a query; a query of only digits and separators is one run."""
    folded = fold(query)
    if not folded:
        return [], []
    if _DIGITY.match(folded):
        digits = re.sub(r"\D", "", folded)
        return [], [digits] if len(digits) >= MIN_DIGITS else []
    words, runs = [], []
    for token in _WORD.findall(folded):
        if token.isdigit():
            if len(token) >= MIN_DIGITS:
                runs.append(token)
        else:
            words.append(token)
    return words, runs


def fts_expression(words: list[str], runs: list[str], *, whole_words: bool = False) -> str:
    star = "" if whole_words else "*"
    parts = [f'name:"{w}"{star}' for w in words]
    parts += [f'ids:"{_digits_query(r)[0]}"*' for r in runs]
    return " AND ".join(parts)


def search_residents(ctx: AppContext, query: str, limit: int = 20) -> list[ResidentSummary]:
    """Residents matching `query`, best first (see module docstring)."""
    words, runs = parse_query(query)
    if (not words and not runs) or limit <= 0:
        return []
    tiers: list[tuple[str, dict]] = []
    if words and not runs:
        tiers.append((_EXACT_NAME, {"q": " ".join(words)}))
        tiers.append((_FTS, {"q": fts_expression(words, runs, whole_words=True)}))
    if runs and not words and len(runs) == 1:
        digits, phone = _digits_query(runs[0])
        if phone:
            tiers.append((_EXACT_PHONE, {"phone": phone}))
        if len(digits) == 12:
            tiers.append((_EXACT_CCCD, {"cccd": digits}))
    tiers.append((_FTS, {"q": fts_expression(words, runs)}))

    seen: set[str] = set()
    out: list[ResidentSummary] = []
    with ctx.read() as s:
        for sql, params in tiers:
            rows = s.execute(text(sql), {**params, "n": limit + len(seen)}).all()
            rows = sorted((r for r in rows if r[0] not in seen), key=lambda r: (r[8], r[0]))
            for row in rows:
                seen.add(row[0])
                out.append(_summary(row[:8]))
                if len(out) >= limit:
                    return out
    return out


def index_insert_sql(where: str) -> str:
    """SQL adding the index rows of the live residents matching `where` (same shape as the triggers)."""
    ids_sql = importlib.import_module("desktop.store.migrations.versions.0002_resident_search").ids_expression("resident")
    return ("INSERT INTO resident_fts(rowid, name, ids, resident_id) "
            f"SELECT rowid, name_folded, {ids_sql}, id FROM resident WHERE deleted_at IS NULL AND ({where})")


def rebuild_search_index(ctx: AppContext) -> int:
    """Re-derive the whole index from the resident table (after a restore or a repair)."""
    with ctx.write() as s:
        s.execute(text("DELETE FROM resident_fts"))
        s.execute(text(index_insert_sql("1 = 1")))
        return s.execute(text("SELECT count(*) FROM resident_fts")).scalar_one()
