"""The registry's duplicate keys (CCCD, phone, folded name with birth year) as the import checks them.

Two ways, chosen by the sizes: a registry small beside the file is read once into three maps
(one pass in storage order); a large one is asked through its indexes for the keys of a chunk of
file rows at a time (`ChunkLookup`), on a read connection of its own (the import's own connection
is busy writing on another thread). Reading a million residents to import ten thousand cost more
than the import itself (0.3 ms a row); asking key by key, row by row (and the homonym check's
query on the import's busy connection), made 100k rows into a million cost 382 µs of CPU a row
instead of 205 µs (bench/residents_growth.py --into).
"""

from __future__ import annotations

import json
from typing import Iterator

# Above this many registered residents per row coming, keys are looked up through the indexes.
LOOKUP_FROM = 4
# File rows checked together when the registry is asked through its indexes: their keys are read in one
# statement per kind, in index order (instead of a query per key and row).
CHUNK_ROWS = 2000

# The residents holding any of a list of keys (a JSON array, sorted: the index is walked in order).
_FETCH_SQL = {
    "cccd": "SELECT r.cccd, r.id FROM json_each(?) AS k CROSS JOIN resident AS r ON r.cccd = k.value "
            "WHERE r.cccd IS NOT NULL AND r.deleted_at IS NULL",
    "phone": "SELECT r.phone, r.id FROM json_each(?) AS k CROSS JOIN resident AS r ON r.phone = k.value "
             "WHERE r.deleted_at IS NULL",
    "name_birth_year": "SELECT r.name_folded, r.birth_year, r.id, r.sort_key, r.cccd, r.phone "
                       "FROM json_each(?) AS k CROSS JOIN resident AS r "
                       "ON r.name_folded = k.value ->> 0 AND r.birth_year = k.value ->> 1 "
                       "WHERE r.deleted_at IS NULL",
}


class ChunkLookup(dict):
    """{"cccd", "phone", "name_birth_year"} -> key -> resident id, for the keys of the rows being checked:
    `fetch` reads the registered residents holding any of a chunk's keys through the indexes (one
    statement per kind); the maps then answer for those keys (a key not fetched is not registered).
    `namesakes` keeps, per name and birth year, the registered residents' sort key, CCCD and phone (the
    homonym check's question)."""

    batched = True

    def __init__(self, conn):
        super().__init__(cccd={}, phone={}, name_birth_year={})
        self.conn = conn
        self.namesakes: dict[tuple, list[tuple]] = {}

    def fetch(self, cccds: set, phones: set, name_years: set) -> None:
        by_cccd, by_phone, by_name = {}, {}, {}
        namesakes: dict[tuple, list[tuple]] = {}
        if cccds:
            for cccd, rid in self.conn.execute(_FETCH_SQL["cccd"], (json.dumps(sorted(cccds)),)):
                by_cccd.setdefault(cccd, rid)
        if phones:
            for phone, rid in self.conn.execute(_FETCH_SQL["phone"], (json.dumps(sorted(phones)),)):
                by_phone.setdefault(phone, rid)
        if name_years:
            keys = json.dumps(sorted(name_years), ensure_ascii=False)
            for name, year, rid, sort, cccd, phone in self.conn.execute(_FETCH_SQL["name_birth_year"], (keys,)):
                by_name.setdefault((name, year), rid)
                namesakes.setdefault((name, year), []).append((sort, cccd, phone))
        self.update(cccd=by_cccd, phone=by_phone, name_birth_year=by_name)
        self.namesakes = namesakes

    def registered_namesakes(self, key: tuple, sort: str) -> list[tuple]:
        """(cccd, phone) of the registered residents with this name and birth year and this sort key."""
        return [(cccd, phone) for s, cccd, phone in self.namesakes.get(key, ()) if s == sort]


def _preloaded(conn) -> dict[str, dict]:
    # The registry's keys in one pass over the table, in storage order (through the phone or
    # CCCD index, every row was a random read: 1.5 s instead of 0.2 s per 100,000 residents),
    # streamed into the three maps (no list of every row held at once).
    by_cccd: dict[str, str] = {}
    by_phone: dict[str, str] = {}
    by_name_year: dict[tuple, str] = {}
    rows: Iterator = conn.execute(
        "SELECT id, cccd, phone, name_folded, birth_year FROM resident NOT INDEXED WHERE deleted_at IS NULL")
    for rid, cccd, phone, name, year in rows:
        if cccd is not None:
            by_cccd[cccd] = rid
        if phone is not None:
            by_phone[phone] = rid
        if year is not None:
            by_name_year[(name, year)] = rid
    return {"cccd": by_cccd, "phone": by_phone, "name_birth_year": by_name_year}


def registry_keys(conn, expected_rows: int, lookup_conn=None) -> dict:
    """{"cccd", "phone", "name_birth_year"} -> mapping of the live residents' keys to their ids.
    `conn`: a DB-API connection to read the registry with; `lookup_conn` (default `conn`): the one
    key-by-key queries use."""
    registered = conn.execute("SELECT coalesce(max(rowid), 0) FROM resident").fetchone()[0]
    if registered <= LOOKUP_FROM * max(expected_rows, 1):
        return _preloaded(conn)
    return ChunkLookup(lookup_conn or conn)
