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
        with engine.connect() as conn:
            tuples = conn.execute(text("SELECT reltuples FROM pg_class WHERE relname = 'record'")).scalar()
            analysed = conn.execute(text(
                "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'record_version'")).scalar()
        engine.dispose()
    assert analysed
    assert tuples >= 300  # analysed again after 300 new rows (at start the tables were empty)


def test_nothing_to_do_on_sqlite(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'server.db'}")
    upgrade(engine)
    stats = PlannerStats(engine)
    stats.refresh()
    stats.grew(10**6)
    assert not stats.enabled
    engine.dispose()
