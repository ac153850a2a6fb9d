"""Migration 0017: a change's payload moves out of its change-log row into `change_payload`, under its number,
and back on a downgrade; the outbox sends the same payloads after it."""

from __future__ import annotations

from alembic import command
from sqlalchemy import select, text

from desktop.store import migrate
from desktop.store.changelog import ChangeLogEntry
from desktop.store.models import Resident
from desktop.sync import outbox


def _columns(conn, table: str) -> set[str]:
    return {row[1] for row in conn.exec_driver_sql(f"PRAGMA table_info({table})")}


def test_the_payloads_move_to_their_own_table_and_back(app_ctx):
    with app_ctx.write() as s:
        s.add_all([Resident(full_name=f"Trần Thị {i}", notes="ghi chú «đầu»") for i in range(5)])
    with app_ctx.write() as s:
        for r in s.scalars(select(Resident).limit(2)):
            r.notes = "đã sửa"
    with app_ctx.read() as s:
        before = {e.seq: e.payload_json for e in s.scalars(select(ChangeLogEntry))}
    assert len(before) >= 7
    engine = app_ctx.store.writer
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0016_batch_seqs")
    with engine.begin() as conn:
        assert "payload_json" in _columns(conn, "change_log")
        assert not conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE name = 'change_payload'").all()
        inline = dict(conn.exec_driver_sql("SELECT seq, payload_json FROM change_log").all())
    assert inline == before
    migrate.upgrade(engine, "test")
    with engine.begin() as conn:
        assert "payload_json" not in _columns(conn, "change_log")
        moved = dict(conn.execute(text("SELECT seq, payload_json FROM change_payload")).all())
    assert moved == before
    with app_ctx.write() as s:
        batch = outbox.take_batch(s)
        sent = {rows[-1].seq: item.payload_text for item, rows in zip(batch.items, batch.groups)}
        s.rollback()
    assert sent and all(before[seq] == text_ for seq, text_ in sent.items())
