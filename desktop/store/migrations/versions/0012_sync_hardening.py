"""sync hardening: duplicate-person conflicts (a pulled resident whose CCCD is already a local resident's),
pulled records set aside with the version they came at (so they are tried again as they are)

Revision ID: 0012_sync_hardening
Revises: 0011_one_head
"""
from alembic import op
import sqlalchemy as sa


revision = '0012_sync_hardening'
down_revision = '0011_one_head'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.add_column(sa.Column('conflict_kind', sa.String(length=16), nullable=False, server_default='edit'))
        batch_op.add_column(sa.Column('local_record_id', sa.String(length=36), nullable=False, server_default=''))
    with op.batch_alter_table('sync_quarantine', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('deleted', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.create_index('ix_sync_quarantine_record_id', ['record_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sync_quarantine', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_quarantine_record_id')
        batch_op.drop_column('deleted')
        batch_op.drop_column('version')
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.drop_column('local_record_id')
        batch_op.drop_column('conflict_kind')
