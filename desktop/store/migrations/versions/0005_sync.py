"""sync client: state, batches, conflicts, quarantine, uploaded attachment files

Revision ID: 0005_sync
Revises: 0001_foundation
"""
from alembic import op
import sqlalchemy as sa


revision = '0005_sync'
down_revision = '0001_foundation'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('server_url', sa.String(length=300), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('ward_code', sa.String(length=5), nullable=False),
    sa.Column('cursor', sa.Integer(), nullable=False),
    sa.Column('last_success_at', sa.String(length=32), nullable=True),
    sa.Column('last_attempt_at', sa.String(length=32), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_check_json', sa.Text(), nullable=False),
    sa.Column('last_check_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_state'))
    )
    op.create_table('sync_batch',
    sa.Column('batch_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('item_count', sa.Integer(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('batch_id', name=op.f('pk_sync_batch'))
    )
    with op.batch_alter_table('sync_batch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_batch_state'), ['state'], unique=False)
    op.create_table('sync_conflict',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('record_kind', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('fields_json', sa.Text(), nullable=False),
    sa.Column('local_payload_json', sa.Text(), nullable=False),
    sa.Column('remote_payload_json', sa.Text(), nullable=False),
    sa.Column('remote_version', sa.Integer(), nullable=False),
    sa.Column('remote_deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('resolved_at', sa.String(length=32), nullable=True),
    sa.Column('resolution', sa.String(length=16), nullable=False),
    sa.Column('resolved_by', sa.String(length=120), nullable=False),
    sa.Column('resolved_payload_json', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflict'))
    )
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_conflict_record_id'), ['record_id'], unique=False)
    op.create_table('sync_quarantine',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('direction', sa.String(length=8), nullable=False),
    sa.Column('record_kind', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('change_id', sa.String(length=36), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('payload_json', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_quarantine'))
    )
    op.create_table('sync_blob',
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('uploaded_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('content_hash', name=op.f('pk_sync_blob'))
    )


def downgrade() -> None:
    op.drop_table('sync_blob')
    op.drop_table('sync_quarantine')
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_conflict_record_id'))
    op.drop_table('sync_conflict')
    with op.batch_alter_table('sync_batch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_batch_state'))
    op.drop_table('sync_batch')
    op.drop_table('sync_state')
