"""cross-ward CCCD matches: a hashed-CCCD index per ward (name and birth year another ward may be told, and
whether the ward marked its resident as moved away), filled from the residents already stored

Revision ID: 0004_cross_ward_cccd
Revises: 0002_sync_hardening
"""
import json

from alembic import op
import sqlalchemy as sa


revision = '0004_cross_ward_cccd'
down_revision = '0003_city_figures'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'cccd_index',
        sa.Column('ward_code', sa.String(length=5), nullable=False),
        sa.Column('record_id', sa.String(length=36), nullable=False),
        sa.Column('cccd_hash', sa.String(length=64), nullable=False),
        sa.Column('full_name', sa.String(length=200), nullable=False),
        sa.Column('birth_year', sa.Integer(), nullable=True),
        sa.Column('moved_at', sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint('ward_code', 'record_id', name=op.f('pk_cccd_index')),
    )
    op.create_index(op.f('ix_cccd_index_cccd_hash'), 'cccd_index', ['cccd_hash'], unique=False)
    _fill()


def _fill() -> None:
    """The residents stored before this revision, in pages (the same rule as server.cross_ward)."""
    from server.cross_ward import _entry

    conn = op.get_bind()
    record = sa.table('record', sa.column('kind'), sa.column('record_id'), sa.column('ward_code'),
                      sa.column('payload'), sa.column('deleted'))
    index = sa.table('cccd_index', sa.column('ward_code'), sa.column('record_id'), sa.column('cccd_hash'),
                     sa.column('full_name'), sa.column('birth_year'), sa.column('moved_at'))
    after = ''
    while True:
        rows = conn.execute(sa.select(record.c.record_id, record.c.ward_code, record.c.payload, record.c.deleted)
                            .where(record.c.kind == 'resident', record.c.record_id > after)
                            .order_by(record.c.record_id).limit(5000)).all()
        if not rows:
            return
        batch = []
        for r in rows:
            try:
                entry = _entry(json.loads(r.payload), bool(r.deleted))
            except ValueError:
                entry = None
            if entry is not None:
                batch.append({'ward_code': r.ward_code, 'record_id': r.record_id, 'moved_at': None, **entry})
        if batch:
            conn.execute(sa.insert(index), batch)
        after = rows[-1].record_id


def downgrade() -> None:
    op.drop_index(op.f('ix_cccd_index_cccd_hash'), table_name='cccd_index')
    op.drop_table('cccd_index')
