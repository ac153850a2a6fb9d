"""outreach: volunteers, campaigns, help sessions, targets, communications, training, duty shift

Revision ID: 0003_outreach
Revises: 0001_foundation
"""
from alembic import op
import sqlalchemy as sa


revision = '0003_outreach'
down_revision = '0001_foundation'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('communication_item',
    sa.Column('published_on', sa.Date(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('channel', sa.String(length=24), nullable=False),
    sa.Column('audience', sa.String(length=24), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.Column('sync_state', sa.String(length=12), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_communication_item'))
    )
    with op.batch_alter_table('communication_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_communication_item_published_on'), ['published_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_communication_item_sync_state'), ['sync_state'], unique=False)

    op.create_table('duty_shift',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('volunteer_id', sa.String(length=36), nullable=True),
    sa.Column('volunteer_name', sa.String(length=200), nullable=False),
    sa.Column('campaign_id', sa.String(length=36), nullable=True),
    sa.Column('started_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_duty_shift'))
    )
    op.create_table('outreach_target',
    sa.Column('target_group', sa.String(length=24), nullable=False),
    sa.Column('percent', sa.Integer(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.Column('sync_state', sa.String(length=12), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outreach_target'))
    )
    with op.batch_alter_table('outreach_target', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outreach_target_sync_state'), ['sync_state'], unique=False)
        batch_op.create_index(batch_op.f('ix_outreach_target_target_group'), ['target_group'], unique=False)

    op.create_table('volunteer',
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('force', sa.String(length=24), nullable=False),
    sa.Column('phone', sa.String(length=16), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.Column('sync_state', sa.String(length=12), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_volunteer'))
    )
    with op.batch_alter_table('volunteer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_volunteer_sync_state'), ['sync_state'], unique=False)

    op.create_table('campaign',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('residential_group_id', sa.String(length=36), nullable=True),
    sa.Column('starts_at', sa.String(length=32), nullable=False),
    sa.Column('ends_at', sa.String(length=32), nullable=False),
    sa.Column('forces', sa.String(length=200), nullable=False),
    sa.Column('volunteer_ids', sa.Text(), nullable=False),
    sa.Column('outside_office_hours', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.Column('sync_state', sa.String(length=12), nullable=False),
    sa.ForeignKeyConstraint(['residential_group_id'], ['residential_group.id'], name=op.f('fk_campaign_residential_group_id_residential_group')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaign'))
    )
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_campaign_residential_group_id'), ['residential_group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_campaign_starts_at'), ['starts_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_campaign_sync_state'), ['sync_state'], unique=False)

    op.create_table('help_session',
    sa.Column('resident_id', sa.String(length=36), nullable=False),
    sa.Column('campaign_id', sa.String(length=36), nullable=True),
    sa.Column('volunteer_ids', sa.Text(), nullable=False),
    sa.Column('started_at', sa.String(length=32), nullable=False),
    sa.Column('ended_at', sa.String(length=32), nullable=True),
    sa.Column('informed', sa.Boolean(), nullable=False),
    sa.Column('installed', sa.Boolean(), nullable=False),
    sa.Column('account_created', sa.Boolean(), nullable=False),
    sa.Column('vneid_linked', sa.Boolean(), nullable=False),
    sa.Column('first_use', sa.Boolean(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('failure_reasons', sa.String(length=300), nullable=False),
    sa.Column('failure_other', sa.String(length=300), nullable=False),
    sa.Column('follow_up_needed', sa.Boolean(), nullable=False),
    sa.Column('follow_up_on', sa.Date(), nullable=True),
    sa.Column('follow_up_done_on', sa.Date(), nullable=True),
    sa.Column('follow_up_note', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.Column('sync_state', sa.String(length=12), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], name=op.f('fk_help_session_campaign_id_campaign')),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], name=op.f('fk_help_session_resident_id_resident')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_help_session'))
    )
    with op.batch_alter_table('help_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_help_session_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_help_session_follow_up_needed'), ['follow_up_needed'], unique=False)
        batch_op.create_index(batch_op.f('ix_help_session_outcome'), ['outcome'], unique=False)
        batch_op.create_index(batch_op.f('ix_help_session_resident_id'), ['resident_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_help_session_started_at'), ['started_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_help_session_sync_state'), ['sync_state'], unique=False)

    op.create_table('training_class',
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('trainer', sa.String(length=200), nullable=False),
    sa.Column('audience', sa.String(length=24), nullable=False),
    sa.Column('attendance', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.String(length=36), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.Column('sync_state', sa.String(length=12), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], name=op.f('fk_training_class_campaign_id_campaign')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_class'))
    )
    with op.batch_alter_table('training_class', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_class_held_on'), ['held_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_class_sync_state'), ['sync_state'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('training_class', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_class_sync_state'))
        batch_op.drop_index(batch_op.f('ix_training_class_held_on'))

    op.drop_table('training_class')
    with op.batch_alter_table('help_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_help_session_sync_state'))
        batch_op.drop_index(batch_op.f('ix_help_session_started_at'))
        batch_op.drop_index(batch_op.f('ix_help_session_resident_id'))
        batch_op.drop_index(batch_op.f('ix_help_session_outcome'))
        batch_op.drop_index(batch_op.f('ix_help_session_follow_up_needed'))
        batch_op.drop_index(batch_op.f('ix_help_session_campaign_id'))

    op.drop_table('help_session')
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_campaign_sync_state'))
        batch_op.drop_index(batch_op.f('ix_campaign_starts_at'))
        batch_op.drop_index(batch_op.f('ix_campaign_residential_group_id'))

    op.drop_table('campaign')
    with op.batch_alter_table('volunteer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_volunteer_sync_state'))

    op.drop_table('volunteer')
    with op.batch_alter_table('outreach_target', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outreach_target_target_group'))
        batch_op.drop_index(batch_op.f('ix_outreach_target_sync_state'))

    op.drop_table('outreach_target')
    op.drop_table('duty_shift')
    with op.batch_alter_table('communication_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_communication_item_sync_state'))
        batch_op.drop_index(batch_op.f('ix_communication_item_published_on'))

    op.drop_table('communication_item')
