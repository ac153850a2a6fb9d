"""PostgreSQL: the server keeps the planner's statistics of its sync tables fresh itself, so a
batch's record lookup stays a primary-key lookup after the tables grew from nothing (autovacuum
may be off or behind: it is off on the test machines)."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from desktop.sync import protocol as p
from server import records
from server.db import PlannerStats, make_engine, upgrade
from tests.e2e.sync_harness import postgres_database

pytestmark = pytest.mark.postgres


def _batch(n: int) -> p.PushRequest:
    return p.PushRequest(batch_id=str(uuid.uuid4()), items=[p.ChangeItem(
        change_id=str(uuid.uuid4()), kind="resident", record_id=str(uuid.uuid4()), op="insert", base_version=0,
        version=1, fields=["full_name", "notes"], payload={"full_name": "Cư dân", "notes": f"ghi chú {i}"})
        for i in range(n)])


def test_tables_are_analysed_after_growing_by_a_good_share():
    with postgres_database() as url:
        engine = make_engine(url)
        upgrade(engine)
        stats = PlannerStats(engine, min_rows=300, share=0.25)
        stats.refresh()  # at start: empty tables
        for _ in range(4):
            batch = _batch(100)
            with engine.begin() as conn:
                records.push(conn, "00166", "dev-a", batch)
            stats.grew(len(batch.items))
            stats.wait()
        with engine.connect() as conn:
            tuples = conn.execute(text("SELECT reltuples FROM pg_class WHERE relname = 'record'")).scalar()
            analysed = conn.execute(text(
                "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'record_version'")).scalar()
        engine.dispose()
    assert analysed
    assert tuples >= 300  # analysed again after 300 new rows (at start the tables were empty)


def _analyse_counts(conn) -> dict[str, int]:
    return dict(conn.execute(text("SELECT relname, analyze_count FROM pg_stat_user_tables "
                                  "WHERE relname IN ('record', 'record_version')")).all())


def test_edits_analyse_the_versions_not_the_records_they_did_not_add():
    """A push of edits adds versions, not records: only `record_version` has grown (an ANALYZE of `record`
    at each share of the versions was the database's work for nothing)."""
    with postgres_database() as url:
        engine = make_engine(url)
        upgrade(engine)
        stats = PlannerStats(engine, min_rows=100, share=0.25)
        stats.refresh()
        with engine.connect() as conn:
            start = _analyse_counts(conn)
        stats.grew(150, 0)  # 150 versions of records already stored
        stats.wait()
        with engine.connect() as conn:
            edited = _analyse_counts(conn)
        stats.grew(150, 150)  # 150 new records
        stats.wait()
        with engine.connect() as conn:
            added = _analyse_counts(conn)
        engine.dispose()
    assert edited["record"] == start["record"] and edited["record_version"] == start["record_version"] + 1
    assert added["record"] == start["record"] + 1 and added["record_version"] == start["record_version"] + 2


def test_nothing_to_do_on_sqlite(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'server.db'}")
    upgrade(engine)
    stats = PlannerStats(engine)
    stats.refresh()
    stats.grew(10**6)
    assert not stats.enabled
    engine.dispose()


def test_by_default_a_table_is_analysed_again_once_it_has_doubled():
    """A quarter analysed each table ~11 times in a new ward's first push of 100,000 records; a doubling 4-5 times
    (statistics within 2x of the truth plan the same key lookups)."""
    with postgres_database() as url:
        engine = make_engine(url)
        upgrade(engine)
        stats = PlannerStats(engine, min_rows=100)
        with engine.begin() as conn:
            records.push(conn, "00166", "dev-a", _batch(200))
        stats.refresh()  # as at start: 200 records
        with engine.connect() as conn:
            start = _analyse_counts(conn)
        for size in (60, 60):  # 120 more: over a quarter and a half of 200, short of a doubling
            with engine.begin() as conn:
                records.push(conn, "00166", "dev-a", _batch(size))
            stats.grew(size)
            stats.wait()
        with engine.connect() as conn:
            grown = _analyse_counts(conn)
        with engine.begin() as conn:
            records.push(conn, "00166", "dev-a", _batch(100))  # 220 since: doubled
        stats.grew(100)
        stats.wait()
        with engine.connect() as conn:
            doubled = _analyse_counts(conn)
        engine.dispose()
    assert grown == start
    assert doubled["record"] == start["record"] + 1 and doubled["record_version"] == start["record_version"] + 1
