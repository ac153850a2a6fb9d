"""sync client: pulled records of kinds this app does not know yet, held until it does

Revision ID: 0008_sync_held
Revises: 0005_sync
"""
from alembic import op
import sqlalchemy as sa


revision = '0008_sync_held'
down_revision = '0005_sync'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_held',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('record_kind', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('payload_json', sa.Text(), nullable=False),
    sa.Column('received_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_held')),
    sa.UniqueConstraint('record_kind', 'record_id', name='uq_sync_held_kind_record')
    )
    with op.batch_alter_table('sync_held', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_held_record_kind'), ['record_kind'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sync_held', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_held_record_kind'))
    op.drop_table('sync_held')
