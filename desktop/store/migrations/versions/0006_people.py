"""people: operators, audit trail (append-only, hash-chained), audit chain origin

Revision ID: 0006_people
Revises: 0001_foundation
"""
from alembic import op
import sqlalchemy as sa


revision = '0006_people'
down_revision = '0001_foundation'
branch_labels = None
depends_on = None

# Content columns of an audit entry: the triggers refuse changing them (sync may still
# update the bookkeeping columns, e.g. sync_state).
AUDIT_CONTENT = "origin, seq, occurred_at, actor, operator_id, role, action, record_kind, record_id, detail_json, prev_hash, hash"


def upgrade() -> None:
    op.create_table('operator',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('name_folded', sa.String(length=120), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('secret_kind', sa.String(length=8), nullable=False),
    sa.Column('secret_hash', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.String(length=32), nullable=True),
    sa.Column('last_sign_in_at', sa.String(length=32), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_operator')),
    sa.UniqueConstraint('name_folded', name=op.f('uq_operator_name_folded'))
    )
    op.create_table('audit_origin',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_origin'))
    )
    op.create_table('audit_entry',
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('occurred_at', sa.String(length=32), nullable=False),
    sa.Column('actor', sa.String(length=120), nullable=False),
    sa.Column('operator_id', sa.String(length=36), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('record_kind', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('detail_json', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.Column('sync_state', sa.String(length=12), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry')),
    sa.UniqueConstraint('origin', 'seq', name='uq_audit_entry_origin_seq')
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_occurred_at'), ['occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_record_id'), ['record_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_sync_state'), ['sync_state'], unique=False)
    op.execute(
        f"CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OF {AUDIT_CONTENT}, deleted_at ON audit_entry "
        "BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry "
        "BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete")
    op.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")
    op.drop_table('audit_entry')
    op.drop_table('audit_origin')
    op.drop_table('operator')
