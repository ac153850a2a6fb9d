"""What a push costs PostgreSQL beyond its rows (migration 0006): no (ward_code, kind) index on `record` for every
stored change to move, and no planner statistics gathered on the wide columns no query filters on. A ward's
check and a resync's id list still answer as before."""

from __future__ import annotations

import uuid

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import text

from desktop.sync import protocol as p
from server import records
from server.db import MIGRATIONS, make_engine, upgrade
from tests.e2e.sync_harness import postgres_database

pytestmark = pytest.mark.postgres


def _indexes(conn) -> set[str]:
    return set(conn.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = 'record'")).scalars())


def _analysed_columns(conn, table: str) -> set[str]:
    return set(conn.execute(text("SELECT attname FROM pg_stats WHERE tablename = :t"), {"t": table}).scalars())


def test_no_ward_kind_index_and_no_statistics_on_wide_columns_down_and_up_again():
    with postgres_database() as url:
        engine = make_engine(url)
        upgrade(engine)
        items = [p.ChangeItem(change_id=str(uuid.uuid4()), kind="resident", record_id=str(uuid.uuid4()), op="insert",
                              base_version=0, version=1, fields=["full_name"], payload={"full_name": f"Cư dân {i}"})
                 for i in range(33)]
        with engine.begin() as conn:
            for ward, batch in (("00166", items[:30]), ("00167", items[30:])):
                res = records.push(conn, ward, "dev-" + ward, p.PushRequest(batch_id=str(uuid.uuid4()), items=batch))
                assert {r.status for r in res.results} == {"applied"}
        with engine.connect() as conn:
            conn.execute(text("ANALYZE record"))
            conn.execute(text("ANALYZE record_version"))
            assert "ix_record_ward_kind" not in _indexes(conn)
            assert {"kind", "ward_code", "seq", "device_id"} <= _analysed_columns(conn, "record")
            assert not {"payload", "updated_at"} & _analysed_columns(conn, "record")
            assert not {"payload_hash", "fields", "created_at"} & _analysed_columns(conn, "record_version")
            assert records.check(conn, "00166").kinds["resident"].count == 30
            assert sorted(records.ids_of(conn, "00167", "resident")) == sorted(i.record_id for i in items[30:])
            conn.commit()
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0005_city_ratings")
        with engine.connect() as conn:
            conn.execute(text("ANALYZE record"))
            assert "ix_record_ward_kind" in _indexes(conn)
            assert "payload" in _analysed_columns(conn, "record")
            conn.commit()
        upgrade(engine)
        with engine.connect() as conn:
            assert "ix_record_ward_kind" not in _indexes(conn)
        engine.dispose()


def test_the_migration_runs_on_sqlite(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'server.db'}")
    upgrade(engine)
    with engine.connect() as conn:
        names = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'")).scalars())
    assert "ix_record_ward_seq" in names and "ix_record_ward_kind" not in names
    engine.dispose()
