"""A bulk import at least as large as the registry drops the random-key indexes for its transaction and
makes them again before it commits; a failed one leaves them as they were; a small one never touches them."""

from __future__ import annotations

import pytest
from sqlcipher3.dbapi2 import IntegrityError  # raised raw by the import's batch thread (its own cursor)
from sqlalchemy import text

from desktop.services.residents import residents as svc
from desktop.services.residents.bulk_writer import DEFERRED_INDEXES, DEFERRED_WHEN_EMPTY, store_rows

INDEXES = set(DEFERRED_INDEXES + DEFERRED_WHEN_EMPTY)


def rows(n: int, start: int = 0) -> list[dict]:
    out = []
    for i in range(start, start + n):
        values, _p = svc.validate(svc.ResidentInput(full_name=f"Người Số {chr(97 + i % 26)}{chr(97 + i // 26 % 26)}",
                                                    birth_year=1960 + i % 40, phone=f"09123{i:05d}"))
        values["adoption_stage"] = "chua_biet"
        out.append(values)
    return out


def indexes(ctx) -> dict[str, str]:
    with ctx.read() as s:
        return dict(s.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'resident'")).all())


def test_indexes_are_made_again_and_used(app_ctx):
    before = indexes(app_ctx)
    assert INDEXES <= set(before)
    store_rows(app_ctx, rows(300))
    assert indexes(app_ctx) == before
    with app_ctx.read() as s:
        plan = " ".join(r[3] for r in s.execute(text(
            "EXPLAIN QUERY PLAN SELECT id FROM resident WHERE deleted_at IS NULL ORDER BY sort_key, id LIMIT 5")))
        assert "ix_resident_live_sort" in plan
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    assert [r.full_name for r in svc.list_residents(app_ctx, limit=3)] == sorted(
        (r["full_name"] for r in rows(300)), key=svc.sort_key)[:3]


def test_a_failed_import_leaves_them_and_a_small_one_keeps_them(app_ctx, monkeypatch):
    before = indexes(app_ctx)
    broken = rows(50)
    broken[-1]["target_group"] = None  # NOT NULL: the import fails and rolls back
    with pytest.raises(IntegrityError):
        store_rows(app_ctx, broken, batch=10)
    assert indexes(app_ctx) == before
    store_rows(app_ctx, rows(100))
    dropped = []
    from desktop.services.residents import bulk_writer

    real = bulk_writer.BulkWriter._defer_indexes

    def spy(self, conn):
        real(self, conn)
        dropped.extend(self.deferred)

    monkeypatch.setattr(bulk_writer.BulkWriter, "_defer_indexes", spy)
    store_rows(app_ctx, rows(20, start=500))  # 20 rows into 100: the indexes stay in place
    assert dropped == [] and indexes(app_ctx) == before


def test_the_registry_is_counted_only_as_far_as_the_comparison_needs(app_ctx, monkeypatch):
    """An import as large as the registry defers the indexes, one row fewer does not (the count
    stops at the import's size plus one)."""
    from desktop.services.residents import bulk_writer

    store_rows(app_ctx, rows(40))
    dropped = []
    real = bulk_writer.BulkWriter._defer_indexes

    def spy(self, conn):
        real(self, conn)
        dropped.append(len(self.deferred))

    monkeypatch.setattr(bulk_writer.BulkWriter, "_defer_indexes", spy)
    store_rows(app_ctx, rows(39, start=100))  # 39 into 40: kept
    store_rows(app_ctx, rows(79, start=200))  # 79 into 79: deferred (sort and phone; the name index stays)
    assert dropped == [0, len(DEFERRED_INDEXES)]


def test_the_page_cache_grows_with_the_registry_for_the_import_and_comes_back(app_ctx, monkeypatch):
    """Into a large registry the random-key indexes' pages must stay cached for the import's transaction
    (#19 item 4): the cache is sized from the registry, bounded, and the connection's own size is back
    after the import."""
    from desktop.services.residents import bulk_writer

    assert bulk_writer.bulk_cache_kib(0) == bulk_writer.BULK_CACHE_KIB
    assert bulk_writer.bulk_cache_kib(100_000) == bulk_writer.BULK_CACHE_KIB
    assert bulk_writer.bulk_cache_kib(1_000_000) == 250_000
    assert bulk_writer.bulk_cache_kib(10_000_000) == bulk_writer.BULK_CACHE_MAX_KIB

    store_rows(app_ctx, rows(30))
    with app_ctx.store.write() as s:  # a registry whose rows reach rowid 800,000 (deleted ones between)
        s.execute(text("UPDATE resident SET rowid = 800000 WHERE rowid = (SELECT max(rowid) FROM resident)"))
        before = s.connection().exec_driver_sql("PRAGMA cache_size").scalar()
    seen = []
    real = bulk_writer.BulkWriter._write_batch

    def spy(self, batch, offset):
        seen.append(self.raw.execute("PRAGMA cache_size").fetchone()[0])
        return real(self, batch, offset)

    monkeypatch.setattr(bulk_writer.BulkWriter, "_write_batch", spy)
    store_rows(app_ctx, rows(20, start=700))
    assert seen and set(seen) == {-200_000}
    with app_ctx.store.write() as s:
        assert s.connection().exec_driver_sql("PRAGMA cache_size").scalar() == before
