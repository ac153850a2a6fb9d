"""The resident list in pages: a count and keyset pages over the list's sort index.

The list never loads every id. Its count is a sum over `resident_tally` (migration
0015_resident_list, kept by triggers: a few hundred rows whatever the registry's size); a
page is read by the index `ix_resident_live_sort (sort_key, id) WHERE deleted_at IS NULL`,
either after (or before) the key of a neighbouring page (keyset: as fast at the millionth
row as at the first), or at a row number when the view jumps (from whichever end is nearer).
A filter matching few residents is read by its own column's index and sorted instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.services.context import AppContext
from desktop.services.residents.residents import ResidentFilter, ResidentSummary, _summary

ListKey = tuple[str, str]  # (sort_key, id): the list's order, unique
# A filter matching few residents reads its own column's index and sorts them (a few ms); one
# matching many walks the sort index and checks the filter row by row (a page is near).
SMALL_FILTER_ROWS = 2_000
SMALL_FILTER_SHARE = 50  # ... or under a fiftieth of the registry

_SELECT = ("SELECT r.id, r.full_name, r.birth_year, g.name, r.phone, r.cccd, r.adoption_stage, r.target_group, "
           "r.sort_key FROM resident r {hint} LEFT JOIN residential_group g ON g.id = r.residential_group_id "
           "WHERE r.deleted_at IS NULL")
_FILTER_COLUMNS = (("residential_group_id", "group_key"), ("target_group", "target_group"),
                   ("adoption_stage", "adoption_stage"))


@dataclass
class ListPage:
    """Rows of the list from row number `start`, with their keys; `count`: the whole filter's."""

    count: int
    start: int
    rows: list[ResidentSummary] = field(default_factory=list)
    keys: list[ListKey] = field(default_factory=list)


def _conditions(flt: ResidentFilter | None) -> tuple[list[str], list[str], list]:
    """(SQL conditions on `resident r`, on `resident_tally`, their parameters)."""
    on_rows, on_tally, params = [], [], []
    for column, tally_column in _FILTER_COLUMNS:
        value = getattr(flt, column) if flt is not None else None
        if value:
            on_rows.append(f"r.{column} = ?")
            on_tally.append(f"{tally_column} = ?")
            params.append(value)
    return on_rows, on_tally, params


def _count(conn, flt: ResidentFilter | None) -> int:
    _rows, on_tally, params = _conditions(flt)
    where = " WHERE " + " AND ".join(on_tally) if on_tally else ""
    return int(conn.exec_driver_sql(f"SELECT coalesce(sum(n), 0) FROM resident_tally{where}", tuple(params)).scalar())


def count_listed(ctx: AppContext, flt: ResidentFilter | None = None) -> int:
    """Live residents matching the filter (what the list's count shows)."""
    with ctx.read() as s:
        return _count(s.connection(), flt)


def _select(conn, flt: ResidentFilter | None, count: int, total: int, *, after: ListKey | None = None,
            before: ListKey | None = None, limit: int, offset: int = 0, descending: bool = False,
            inclusive: bool = False) -> list[tuple]:
    """Summary rows (and sort keys) in list order after/before a key, or `offset` rows in."""
    on_rows, _tally, params = _conditions(flt)
    small = bool(on_rows) and (count <= SMALL_FILTER_ROWS or count * SMALL_FILTER_SHARE < total)
    # `+` keeps a small filter off the sort index: its own index finds the rows, then they are sorted
    hint = "" if small else "INDEXED BY ix_resident_live_sort"
    order = ("+r.sort_key{d}, +r.id{d}" if small else "r.sort_key{d}, r.id{d}").format(d=" DESC" if descending else "")
    conditions = list(on_rows)
    compare = "=" if inclusive else ""
    if after is not None:
        conditions.append(f"(r.sort_key, r.id) >{compare} (?, ?)")
        params = [*params, *after]
    if before is not None:
        conditions.append(f"(r.sort_key, r.id) <{compare} (?, ?)")
        params = [*params, *before]
    where = "".join(f" AND {c}" for c in conditions)
    if offset:
        # the key `offset` rows in, read from the index alone; then the rows from that key
        anchor = conn.exec_driver_sql(
            f"SELECT r.sort_key, r.id FROM resident r {hint} WHERE r.deleted_at IS NULL{where} "
            f"ORDER BY {order} LIMIT 1 OFFSET ?", (*params, offset)).first()
        if anchor is None:
            return []
        side = {"before": tuple(anchor)} if descending else {"after": tuple(anchor)}
        return _select(conn, flt, count, total, limit=limit, descending=descending, inclusive=True, **side)
    sql = f"{_SELECT.format(hint=hint)}{where} ORDER BY {order} LIMIT ?"
    rows = conn.exec_driver_sql(sql, (*params, limit)).fetchall()
    return rows[::-1] if descending else rows


def _page(count: int, start: int, rows: list[tuple]) -> ListPage:
    return ListPage(count, start, [_summary(r[:8]) for r in rows], [(r[8], r[0]) for r in rows])


def list_page(ctx: AppContext, flt: ResidentFilter | None = None, *, start: int = 0, limit: int = 200,
              after: ListKey | None = None, before: ListKey | None = None) -> ListPage:
    """`limit` rows of the list from row `start`, and the filter's count.

    With `after` (the key of row `start - 1`) or `before` (the key of row `start + limit`) the
    rows are read from that key; without, from row `start` counted from the nearer end. A
    `start` past the end is moved back to the last rows."""
    with ctx.read() as s:
        conn = s.connection()
        count = _count(conn, flt)
        total = _count(conn, None) if flt is not None else count

        def read(**kw) -> list[tuple]:
            return _select(conn, flt, count, total, limit=limit, **kw)

        if after is not None:
            return _page(count, start, read(after=after))
        if before is not None:
            rows = read(before=before, descending=True)
            return _page(count, start + limit - len(rows), rows)
        start = max(0, min(start, count - 1))
        limit = min(limit, count - start)
        if limit <= 0:
            return ListPage(count, 0)
        from_end = count - start - limit
        if from_end < start:
            return _page(count, start, read(offset=from_end, descending=True))
        return _page(count, start, read(offset=start))
