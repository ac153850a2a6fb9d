"""Database errors from sqlcipher3 reach the code as SQLAlchemy's exceptions (issue #15, finding 1).

The engine is made with `creator=`; without `module=sqlcipher3.dbapi2` the pysqlite dialect
compares against the stdlib sqlite3 classes and a UNIQUE clash reached `except IntegrityError`
blocks raw, so they never ran (a pulled duplicate CCCD stopped sync for good).
"""

from __future__ import annotations

import pytest
import sqlalchemy.exc as sa_exc
import sqlcipher3
from sqlalchemy import text

from desktop.store.models import Resident


def test_a_unique_clash_raises_sqlalchemy_integrity_error(app_ctx):
    with app_ctx.write() as s:
        s.add(Resident(full_name="Nguyễn Văn An", cccd="001090012345"))
    with pytest.raises(sa_exc.IntegrityError) as info:
        with app_ctx.write() as s:
            s.add(Resident(full_name="Trần Văn Bình", cccd="001090012345"))
    assert isinstance(info.value.orig, sqlcipher3.IntegrityError)
    assert "UNIQUE" in str(info.value.orig)


def test_a_missing_required_value_raises_sqlalchemy_integrity_error(app_ctx):
    with pytest.raises(sa_exc.IntegrityError) as info:
        with app_ctx.write() as s:
            s.connection().exec_driver_sql("INSERT INTO residential_group (id, version, created_at, created_by, "
                                           "updated_at, updated_by, sync_state, name_folded, kind, sort_order) "
                                           "VALUES ('g', 1, '', '', '', '', 'synced', 'g', 'thon', 1)")
    assert "NOT NULL" in str(info.value.orig)


def test_a_full_disk_raises_sqlalchemy_operational_error(app_ctx):
    """SQLITE_FULL, made by capping the database's pages on this connection."""
    with pytest.raises(sa_exc.OperationalError) as info:
        with app_ctx.write() as s:
            conn = s.connection()
            pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
            conn.exec_driver_sql(f"PRAGMA max_page_count = {pages + 2}")
            for i in range(2000):
                s.add(Resident(full_name=f"Cư dân {i}", notes="x" * 500))
            s.flush()
    assert "full" in str(info.value.orig)
    with app_ctx.read() as s:  # nothing half-written
        assert s.execute(text("SELECT count(*) FROM resident")).scalar() == 0


def test_a_corrupt_page_raises_sqlalchemy_database_error(data_dir):
    from desktop.services.context import open_context
    from desktop.services.setup.ward_setup import initialize_ward

    ctx = open_context(str(data_dir), actor="t")
    initialize_ward(ctx, "00166", "Tổ CĐS")
    with ctx.write() as s:
        for i in range(400):
            s.add(Resident(full_name=f"Cư dân {i}", notes="ghi chú " * 40))
    ctx.store.checkpoint_in_background()
    ctx.close()
    db = data_dir / "tocds.db"
    if not db.exists():
        db = next(p for p in data_dir.rglob("*.db"))
    raw = bytearray(db.read_bytes())
    page = 4096
    for start in range(len(raw) - page * 8, len(raw), page):  # the last pages (the residents' rows) are damaged
        raw[start + 100:start + 200] = b"\xff" * 100
    db.write_bytes(bytes(raw))
    ctx = open_context(str(data_dir), actor="t")
    try:
        with pytest.raises(sa_exc.DatabaseError) as info:
            with ctx.read() as s:
                s.execute(text("SELECT count(*), max(length(notes)) FROM resident")).all()
        assert isinstance(info.value.orig, sqlcipher3.DatabaseError)
    finally:
        ctx.close()
