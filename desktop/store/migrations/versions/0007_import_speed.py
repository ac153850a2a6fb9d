"""import speed: drop the resident sort-key index the list's own index covers; change-log batch index only on sent rows

Revision ID: 0007_import_speed
Revises: 0002_resident_search

- `ix_resident_sort_key (sort_key)` is never chosen: the list and its pages read
  `ix_resident_live_sort (sort_key, id) WHERE deleted_at IS NULL` (0002), filters use their
  own column's index. One index less to keep up on every insert (bulk imports).
- `ix_change_log_batch_id` held one entry per change with batch_id NULL (every unsent change);
  sync only looks changes up by a batch id (`batch_id = ?`), so it covers rows with one.
"""
from alembic import op


revision = '0007_import_speed'
down_revision = '0002_resident_search'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_resident_sort_key")
    op.execute("DROP INDEX IF EXISTS ix_change_log_batch_id")
    op.execute("CREATE INDEX ix_change_log_batch_id ON change_log (batch_id) WHERE batch_id IS NOT NULL")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_change_log_batch_id")
    op.execute("CREATE INDEX ix_change_log_batch_id ON change_log (batch_id)")
    op.execute("CREATE INDEX IF NOT EXISTS ix_resident_sort_key ON resident (sort_key)")
