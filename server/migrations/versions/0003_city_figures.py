"""city figures in SQL (#19): per-ward counters and narrow complaint/answer/communication rows moved in
the push transaction, the ward's last stored change; backfilled from the stored records. Also the bench's
raw-store table (the comparable baseline of a push, `serve --diagnostics`)

Revision ID: 0003_city_figures
Revises: 0002_sync_hardening
"""
from alembic import op
import sqlalchemy as sa


revision = '0003_city_figures'
down_revision = '0002_sync_hardening'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('ward_count',
    sa.Column('ward_code', sa.String(length=5), nullable=False),
    sa.Column('figure', sa.String(length=16), nullable=False),
    sa.Column('day', sa.String(length=10), nullable=False),
    sa.Column('stage', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=8), nullable=False),
    sa.Column('group_id', sa.String(length=36), nullable=False),
    sa.Column('target_group', sa.String(length=24), nullable=False),
    sa.Column('n', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('ward_code', 'figure', 'day', 'stage', 'outcome', 'group_id', 'target_group',
                            name=op.f('pk_ward_count'))
    )
    op.create_table('city_record',
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('ward_code', sa.String(length=5), nullable=False),
    sa.Column('day', sa.String(length=10), nullable=False),
    sa.Column('acc_state', sa.String(length=4), nullable=False),
    sa.Column('acc_due', sa.String(length=32), nullable=False),
    sa.Column('han_state', sa.String(length=4), nullable=False),
    sa.Column('han_due', sa.String(length=32), nullable=False),
    sa.Column('ref_id', sa.String(length=36), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('kind', 'record_id', name=op.f('pk_city_record'))
    )
    with op.batch_alter_table('city_record', schema=None) as batch_op:
        batch_op.create_index('ix_city_record_ward_kind_day', ['ward_code', 'kind', 'day'], unique=False)
        batch_op.create_index('ix_city_record_ref', ['ref_id'], unique=False)
    open_complaint = sa.text("kind = 'complaint' AND (acc_state = 'open' OR han_state = 'open')")
    op.create_index('ix_city_record_open', 'city_record', ['ward_code', 'day'], postgresql_where=open_complaint,
                    sqlite_where=open_complaint)
    op.create_table('raw_item',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('ward_code', sa.String(length=5), nullable=False),
    sa.Column('change_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_raw_item'))
    )
    with op.batch_alter_table('ward_state', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_change_at', sa.String(length=32), nullable=True))
    # backfill: what the stored records count for, and each ward's latest stored change
    from server.figures import rebuild

    conn = op.get_bind()
    rebuild(conn)
    conn.execute(sa.text(
        "UPDATE ward_state SET last_change_at = (SELECT max(r.updated_at) FROM record r "
        "WHERE r.ward_code = ward_state.ward_code AND r.deleted = false)"))


def downgrade() -> None:
    with op.batch_alter_table('ward_state', schema=None) as batch_op:
        batch_op.drop_column('last_change_at')
    op.drop_table('raw_item')
    op.drop_table('city_record')
    op.drop_table('ward_count')
