"""The registry's duplicate keys (CCCD, phone, folded name with birth year) as the import checks them.

Two ways, chosen by the sizes: a registry small beside the file is read once into three maps
(one pass in storage order); a large one is asked key by key through its indexes, on a read
connection of its own (the import's own connection is busy writing on another thread). Reading
a million residents to import ten thousand cost more than the import itself (0.3 ms a row).
"""

from __future__ import annotations

from typing import Iterator

# Above this many registered residents per row coming, keys are looked up one by one.
LOOKUP_FROM = 4
_LOOKUP_SQL = {
    "cccd": "SELECT id FROM resident WHERE cccd = ? AND deleted_at IS NULL LIMIT 1",
    "phone": "SELECT id FROM resident WHERE phone = ? AND deleted_at IS NULL LIMIT 1",
    "name_birth_year": "SELECT id FROM resident WHERE name_folded = ? AND birth_year = ? AND deleted_at IS NULL LIMIT 1",
}


class KeyLookup:
    """A read-only mapping key -> resident id answered by an indexed query (the last answer kept:
    the checker asks `in` and then `[]`)."""

    def __init__(self, conn, sql: str):
        self.conn, self.sql = conn, sql
        self._last: tuple = (object(), None)

    def get(self, key, default=None):
        if self._last[0] != key:
            row = self.conn.execute(self.sql, key if isinstance(key, tuple) else (key,)).fetchone()
            self._last = (key, row[0] if row else None)
        found = self._last[1]
        return default if found is None else found

    def __contains__(self, key) -> bool:
        return self.get(key) is not None

    def __getitem__(self, key) -> str:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found


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
    lookup_conn = lookup_conn or conn
    return {kind: KeyLookup(lookup_conn, sql) for kind, sql in _LOOKUP_SQL.items()}
