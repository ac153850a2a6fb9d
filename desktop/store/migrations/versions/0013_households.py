"""households: household records, door-to-door visits and their per-member outcomes; a resident's household

Revision ID: 0013_households
Revises: 0012_sync_hardening
"""
from alembic import op
import sqlalchemy as sa


revision = '0013_households'
down_revision = '0012_sync_hardening'
branch_labels = None
depends_on = None


def _bookkeeping() -> list:
    return [
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.String(length=32), nullable=False),
        sa.Column('created_by', sa.String(length=120), nullable=False),
        sa.Column('updated_at', sa.String(length=32), nullable=False),
        sa.Column('updated_by', sa.String(length=120), nullable=False),
        sa.Column('deleted_at', sa.String(length=32), nullable=True),
        sa.Column('sync_state', sa.String(length=12), nullable=False),
    ]


def upgrade() -> None:
    op.create_table('household',
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('residential_group_id', sa.String(length=36), nullable=True),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('address_folded', sa.String(length=300), nullable=False),
    sa.Column('register_no', sa.String(length=40), nullable=False),
    sa.Column('head_resident_id', sa.String(length=36), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    *_bookkeeping(),
    sa.ForeignKeyConstraint(['residential_group_id'], ['residential_group.id'],
                            name=op.f('fk_household_residential_group_id_residential_group')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household'))
    )
    with op.batch_alter_table('household', schema=None) as batch_op:
        for column in ('code', 'residential_group_id', 'address_folded', 'register_no', 'sync_state'):
            batch_op.create_index(batch_op.f(f'ix_household_{column}'), [column], unique=False)

    op.create_table('household_visit',
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('visited_on', sa.Date(), nullable=False),
    sa.Column('visited_by', sa.String(length=120), nullable=False),
    sa.Column('met', sa.String(length=300), nullable=False),
    sa.Column('next_visit_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    *_bookkeeping(),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_household_visit_household_id_household')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household_visit'))
    )
    with op.batch_alter_table('household_visit', schema=None) as batch_op:
        for column in ('household_id', 'visited_on', 'sync_state'):
            batch_op.create_index(batch_op.f(f'ix_household_visit_{column}'), [column], unique=False)

    op.create_table('household_visit_member',
    sa.Column('visit_id', sa.String(length=36), nullable=False),
    sa.Column('resident_id', sa.String(length=36), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    *_bookkeeping(),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], name=op.f('fk_household_visit_member_resident_id_resident')),
    sa.ForeignKeyConstraint(['visit_id'], ['household_visit.id'],
                            name=op.f('fk_household_visit_member_visit_id_household_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household_visit_member'))
    )
    with op.batch_alter_table('household_visit_member', schema=None) as batch_op:
        for column in ('visit_id', 'resident_id', 'sync_state'):
            batch_op.create_index(batch_op.f(f'ix_household_visit_member_{column}'), [column], unique=False)

    # A plain ADD COLUMN (no table rebuild: the resident table carries the search triggers and may be large);
    # SQLite accepts a REFERENCES clause on an added column whose default is NULL.
    op.execute('ALTER TABLE resident ADD COLUMN household_id VARCHAR(36) REFERENCES household (id)')
    op.create_index('ix_resident_household_id', 'resident', ['household_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_resident_household_id', table_name='resident')
    op.execute('ALTER TABLE resident DROP COLUMN household_id')
    op.drop_table('household_visit_member')
    op.drop_table('household_visit')
    op.drop_table('household')
