"""resident search: FTS5 over the folded name and phone/CCCD digits, kept by triggers

Revision ID: 0002_resident_search
Revises: 0001_foundation

The index row of a resident has the resident's rowid and holds `name` (resident.name_folded,
already folded by the service: no diacritics, đ -> d) and `ids`: the national phone number
with a leading 0, every suffix of it of 4+ digits (so any run of digits of the phone is a
token prefix), the CCCD and the CMND. Tombstoned residents are not indexed. Triggers keep
it in step with every writer (services, import, sync applying remote changes).
"""
from alembic import op


revision = '0002_resident_search'
down_revision = '0001_foundation'
branch_labels = None
depends_on = None


def ids_expression(row: str) -> str:
    """SQL text building the `ids` column from a resident row alias (NEW / resident)."""
    n = f"(CASE WHEN {row}.phone LIKE '+84%' THEN substr({row}.phone, 4) ELSE replace(coalesce({row}.phone, ''), '+', '') END)"
    parts = [f"(CASE WHEN {row}.phone IS NULL THEN '' ELSE '0' || {n} END)"]
    for k in range(1, 13):
        parts.append(f"(CASE WHEN length({n}) - {k} + 1 >= 4 THEN substr({n}, {k}) ELSE '' END)")
    parts.append(f"coalesce({row}.cccd, '')")
    parts.append(f"coalesce({row}.cmnd, '')")
    return " || ' ' || ".join(parts)


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE resident_fts USING fts5("
        "name, ids, resident_id UNINDEXED, prefix='1 2 3', tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "INSERT INTO resident_fts(rowid, name, ids, resident_id) "
        f"SELECT rowid, name_folded, {ids_expression('resident')}, id FROM resident WHERE deleted_at IS NULL"
    )
    # A bulk import fills the index itself, set-based (twice as fast as row by row): inside its
    # transaction it puts a row here, which pauses the insert trigger; it removes it before commit.
    op.execute("CREATE TABLE resident_fts_pause (id INTEGER PRIMARY KEY)")
    op.execute(
        "CREATE TRIGGER resident_fts_insert AFTER INSERT ON resident "
        "WHEN NEW.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM resident_fts_pause) BEGIN "
        f"INSERT INTO resident_fts(rowid, name, ids, resident_id) VALUES (NEW.rowid, NEW.name_folded, {ids_expression('NEW')}, NEW.id); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER resident_fts_update AFTER UPDATE OF name_folded, phone, cccd, cmnd, deleted_at ON resident BEGIN "
        "DELETE FROM resident_fts WHERE rowid = OLD.rowid; "
        f"INSERT INTO resident_fts(rowid, name, ids, resident_id) SELECT NEW.rowid, NEW.name_folded, {ids_expression('NEW')}, NEW.id "
        "WHERE NEW.deleted_at IS NULL; "
        "END"
    )
    op.execute(
        "CREATE TRIGGER resident_fts_delete AFTER DELETE ON resident BEGIN "
        "DELETE FROM resident_fts WHERE rowid = OLD.rowid; "
        "END"
    )
    # The list view opens on live residents in name order: cover it with one index.
    op.execute("CREATE INDEX ix_resident_live_sort ON resident (sort_key, id) WHERE deleted_at IS NULL")
    op.execute("CREATE INDEX ix_resident_name_folded ON resident (name_folded, birth_year)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_resident_name_folded")
    op.execute("DROP INDEX IF EXISTS ix_resident_live_sort")
    for name in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS resident_fts_{name}")
    op.execute("DROP TABLE IF EXISTS resident_fts")
    op.execute("DROP TABLE IF EXISTS resident_fts_pause")
