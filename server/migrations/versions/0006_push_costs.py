"""push costs (#19 item 3): every stored change rewrites its record's row, and PostgreSQL moves each of the
row's index entries with it (a record's `seq` changes, so the update is never in place): the
(ward_code, kind) index, which no frequent read needs (a ward's check and a resync's id list read the ward's
rows by `ix_record_ward_seq`; a kind's rows are the primary key's prefix), goes (a 2,000-item edit batch at
100k records: its UPDATE 37 -> 31 ms). The planner statistics the server refreshes as tables grow leave out
the wide columns no query filters or sorts on (payload texts, hashes, field lists, stamps): ANALYZE sorted
a sample of each (176 -> 96 ms for `record` at 100k records), and a push pays for it.

Revision ID: 0006_push_costs
Revises: 0005_city_ratings
"""
from alembic import op


revision = '0006_push_costs'
down_revision = '0005_city_ratings'
branch_labels = None
depends_on = None

NO_STATISTICS = {"record": ("payload", "updated_at"), "record_version": ("payload_hash", "fields", "created_at")}


def _statistics(target: int) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, columns in NO_STATISTICS.items():
        op.execute(f"ALTER TABLE {table} " + ", ".join(f"ALTER COLUMN {c} SET STATISTICS {target}" for c in columns))


def upgrade() -> None:
    op.drop_index('ix_record_ward_kind', table_name='record')
    _statistics(0)


def downgrade() -> None:
    _statistics(-1)
    op.create_index('ix_record_ward_kind', 'record', ['ward_code', 'kind'], unique=False)
