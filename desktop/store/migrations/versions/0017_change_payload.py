"""change payload: a change's payload in a table of its own

Revision ID: 0017_change_payload
Revises: 0016_batch_seqs

Settling a pushed batch rewrites its change-log rows (state, batch id). With the payload (~1 kB a resident)
inline, each row was a quarter of a page, and every page so rewritten is encrypted and written twice (WAL and
database): the largest part of a push's laptop CPU. The payload now lives in `change_payload` under the change's
number; the log's rows are ~150 bytes. No foreign key in the database: compaction empties both tables at once.
"""
from alembic import op


revision = '0017_change_payload'
down_revision = '0016_batch_seqs'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE TABLE change_payload (seq INTEGER NOT NULL, payload_json TEXT NOT NULL, "
               "CONSTRAINT pk_change_payload PRIMARY KEY (seq))")
    op.execute("INSERT INTO change_payload (seq, payload_json) SELECT seq, payload_json FROM change_log")
    op.execute("ALTER TABLE change_log DROP COLUMN payload_json")


def downgrade() -> None:
    op.execute("ALTER TABLE change_log ADD COLUMN payload_json TEXT NOT NULL DEFAULT ''")
    op.execute("UPDATE change_log SET payload_json = (SELECT p.payload_json FROM change_payload AS p "
               "WHERE p.seq = change_log.seq)")
    op.execute("DROP TABLE change_payload")
