"""The desktop schema's migration history has exactly one head, and a new database reaches it."""

from __future__ import annotations

from desktop.store import migrate


def test_one_head():
    heads = migrate.head_revisions()
    assert len(heads) == 1, f"more than one Alembic head: {sorted(heads)}; add a merge revision"


def test_every_down_revision_exists():
    graph = migrate._revision_graph()
    missing = {down for downs in graph.values() for down in downs if down not in graph}
    assert not missing


def test_a_new_store_stands_at_the_head(app_ctx):
    assert migrate.current_revisions(app_ctx.store.writer) == migrate.head_revisions()


def test_a_database_at_the_five_old_heads_upgrades_to_the_one_head(app_ctx):
    from sqlalchemy import text

    old_heads = ["0003_outreach", "0004_complaints", "0006_people", "0008_sync_held", "0010_resident_ids_fts"]
    engine = app_ctx.store.writer
    from alembic import command

    cfg = migrate._config()
    with engine.begin() as conn:  # back to the merge point: what came after it is undone for real
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0011_one_head")
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM alembic_version"))
        for rev in old_heads:
            conn.execute(text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": rev})
    migrate.upgrade(engine, "test")
    assert migrate.current_revisions(engine) == migrate.head_revisions()
