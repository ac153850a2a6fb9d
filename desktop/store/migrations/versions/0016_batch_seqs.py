"""batch seqs: a push batch lists the change-log rows it carries

Revision ID: 0016_batch_seqs
Revises: 0015_resident_list

A batch's rows were marked `sending` (with the batch id) when it was taken, then `sent` when its answer was
settled, then removed by compaction: every row rewritten three times. The batch now lists its rows
(`sync_batch.seqs_json`, a JSON array of their numbers), saved with it before it is sent; the rows stay
`pending` until settled (their batch id is written then). A batch taken by an earlier version (no list) is
read back by its rows' `sending` mark, as before.
"""
from alembic import op
import sqlalchemy as sa


revision = '0016_batch_seqs'
down_revision = '0015_resident_list'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sync_batch') as batch:
        batch.add_column(sa.Column('seqs_json', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('sync_batch') as batch:
        batch.drop_column('seqs_json')
