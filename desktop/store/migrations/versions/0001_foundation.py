"""foundation: ward profile, residential groups, change log, residents

Revision ID: 0001_foundation
Revises: 
"""
from alembic import op
import sqlalchemy as sa


revision = '0001_foundation'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('change_log',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('change_id', sa.String(length=36), nullable=False),
    sa.Column('record_kind', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('op', sa.String(length=8), nullable=False),
    sa.Column('base_version', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('fields_json', sa.Text(), nullable=False),
    sa.Column('payload_json', sa.Text(), nullable=False),
    sa.Column('actor', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('batch_id', sa.String(length=36), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_change_log')),
    sa.UniqueConstraint('change_id', name=op.f('uq_change_log_change_id'))
    )
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_log_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_change_log_record_id'), ['record_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_change_log_state'), ['state'], unique=False)

    op.create_table('residential_group',
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('name_folded', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.Column('sync_state', sa.String(length=12), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_residential_group'))
    )
    with op.batch_alter_table('residential_group', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_residential_group_name_folded'), ['name_folded'], unique=False)
        batch_op.create_index(batch_op.f('ix_residential_group_sync_state'), ['sync_state'], unique=False)

    op.create_table('ward_profile',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ward_code', sa.String(length=5), nullable=False),
    sa.Column('ward_name', sa.String(length=120), nullable=False),
    sa.Column('province_code', sa.Integer(), nullable=False),
    sa.Column('province_name', sa.String(length=120), nullable=False),
    sa.Column('team_name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ward_profile'))
    )
    op.create_table('resident',
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('name_folded', sa.String(length=200), nullable=False),
    sa.Column('sort_key', sa.String(length=220), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('sex', sa.String(length=4), nullable=True),
    sa.Column('cccd', sa.String(length=12), nullable=True),
    sa.Column('cmnd', sa.String(length=9), nullable=True),
    sa.Column('phone', sa.String(length=16), nullable=True),
    sa.Column('residential_group_id', sa.String(length=36), nullable=True),
    sa.Column('address_detail', sa.String(length=300), nullable=False),
    sa.Column('target_group', sa.String(length=24), nullable=False),
    sa.Column('workplace', sa.String(length=200), nullable=False),
    sa.Column('adoption_stage', sa.String(length=20), nullable=False),
    sa.Column('aware_on', sa.Date(), nullable=True),
    sa.Column('installed_on', sa.Date(), nullable=True),
    sa.Column('account_on', sa.Date(), nullable=True),
    sa.Column('consent_given', sa.Boolean(), nullable=False),
    sa.Column('consent_by', sa.String(length=120), nullable=False),
    sa.Column('consent_at', sa.String(length=32), nullable=True),
    sa.Column('consent_version', sa.String(length=20), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.Column('sync_state', sa.String(length=12), nullable=False),
    sa.ForeignKeyConstraint(['residential_group_id'], ['residential_group.id'], name=op.f('fk_resident_residential_group_id_residential_group')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resident'))
    )
    with op.batch_alter_table('resident', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resident_adoption_stage'), ['adoption_stage'], unique=False)
        batch_op.create_index(batch_op.f('ix_resident_phone'), ['phone'], unique=False)
        batch_op.create_index(batch_op.f('ix_resident_residential_group_id'), ['residential_group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_resident_sort_key'), ['sort_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_resident_sync_state'), ['sync_state'], unique=False)
        batch_op.create_index(batch_op.f('ix_resident_target_group'), ['target_group'], unique=False)
        batch_op.create_index('uq_resident_cccd_live', ['cccd'], unique=True, sqlite_where=sa.text('cccd IS NOT NULL AND deleted_at IS NULL'))




def downgrade() -> None:

    with op.batch_alter_table('resident', schema=None) as batch_op:
        batch_op.drop_index('uq_resident_cccd_live', sqlite_where=sa.text('cccd IS NOT NULL AND deleted_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_resident_target_group'))
        batch_op.drop_index(batch_op.f('ix_resident_sync_state'))
        batch_op.drop_index(batch_op.f('ix_resident_sort_key'))
        batch_op.drop_index(batch_op.f('ix_resident_residential_group_id'))
        batch_op.drop_index(batch_op.f('ix_resident_phone'))
        batch_op.drop_index(batch_op.f('ix_resident_adoption_stage'))

    op.drop_table('resident')
    op.drop_table('ward_profile')
    with op.batch_alter_table('residential_group', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_residential_group_sync_state'))
        batch_op.drop_index(batch_op.f('ix_residential_group_name_folded'))

    op.drop_table('residential_group')
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_change_log_state'))
        batch_op.drop_index(batch_op.f('ix_change_log_record_id'))
        batch_op.drop_index(batch_op.f('ix_change_log_batch_id'))

    op.drop_table('change_log')

