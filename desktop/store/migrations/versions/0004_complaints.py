"""complaints: complaint, its event log, attachments and feedback

Revision ID: 0004_complaints
Revises: 0001_foundation
"""
from alembic import op
import sqlalchemy as sa


revision = "0004_complaints"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('complaint',
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('severity', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('reporter_resident_id', sa.String(length=36), nullable=True),
    sa.Column('reporter_name', sa.String(length=200), nullable=False),
    sa.Column('reporter_phone', sa.String(length=16), nullable=False),
    sa.Column('anonymous', sa.Boolean(), nullable=False),
    sa.Column('hide_name_publicly', sa.Boolean(), nullable=False),
    sa.Column('withhold_identity_from_agency', sa.Boolean(), nullable=False),
    sa.Column('consent_to_contact', sa.Boolean(), nullable=False),
    sa.Column('address_text', sa.String(length=300), nullable=False),
    sa.Column('address_folded', sa.String(length=300), nullable=False),
    sa.Column('residential_group_id', sa.String(length=36), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('occurred_at', sa.String(length=32), nullable=True),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('taken_by', sa.String(length=120), nullable=False),
    sa.Column('agency', sa.String(length=200), nullable=False),
    sa.Column('duplicate_of_id', sa.String(length=36), nullable=True),
    sa.Column('recorded_at', sa.String(length=32), nullable=True),
    sa.Column('accepted_at', sa.String(length=32), nullable=True),
    sa.Column('handled_at', sa.String(length=32), nullable=True),
    sa.Column('closed_at', sa.String(length=32), nullable=True),
    sa.Column('accept_due_at', sa.String(length=32), nullable=True),
    sa.Column('handle_due_at', sa.String(length=32), nullable=True),
    sa.Column('reopen_count', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.Column('sync_state', sa.String(length=12), nullable=False),
    sa.ForeignKeyConstraint(['duplicate_of_id'], ['complaint.id'], name=op.f('fk_complaint_duplicate_of_id_complaint')),
    sa.ForeignKeyConstraint(['reporter_resident_id'], ['resident.id'], name=op.f('fk_complaint_reporter_resident_id_resident')),
    sa.ForeignKeyConstraint(['residential_group_id'], ['residential_group.id'], name=op.f('fk_complaint_residential_group_id_residential_group')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint'))
    )
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_accept_due_at'), ['accept_due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_address_folded'), ['address_folded'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_code'), ['code'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_handle_due_at'), ['handle_due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_recorded_at'), ['recorded_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_reporter_resident_id'), ['reporter_resident_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_residential_group_id'), ['residential_group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_sync_state'), ['sync_state'], unique=False)

    op.create_table('attachment',
    sa.Column('complaint_id', sa.String(length=36), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('path', sa.String(length=300), nullable=False),
    sa.Column('mime', sa.String(length=60), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('media', sa.String(length=8), nullable=False),
    sa.Column('original_name', sa.String(length=260), nullable=False),
    sa.Column('captured_at', sa.String(length=32), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.Column('sync_state', sa.String(length=12), nullable=False),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'], name=op.f('fk_attachment_complaint_id_complaint')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment'))
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_complaint_id'), ['complaint_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_sha256'), ['sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_sync_state'), ['sync_state'], unique=False)

    op.create_table('complaint_event',
    sa.Column('complaint_id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('actor', sa.String(length=120), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('from_status', sa.String(length=24), nullable=True),
    sa.Column('to_status', sa.String(length=24), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('agency', sa.String(length=200), nullable=False),
    sa.Column('duplicate_of_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.Column('sync_state', sa.String(length=12), nullable=False),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'], name=op.f('fk_complaint_event_complaint_id_complaint')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_event'))
    )
    with op.batch_alter_table('complaint_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_event_complaint_id'), ['complaint_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_event_sync_state'), ['sync_state'], unique=False)

    op.create_table('complaint_feedback',
    sa.Column('complaint_id', sa.String(length=36), nullable=False),
    sa.Column('resolved', sa.String(length=12), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=True),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('collected_by', sa.String(length=120), nullable=False),
    sa.Column('collected_at', sa.String(length=32), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.Column('sync_state', sa.String(length=12), nullable=False),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'], name=op.f('fk_complaint_feedback_complaint_id_complaint')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_feedback'))
    )
    with op.batch_alter_table('complaint_feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_feedback_complaint_id'), ['complaint_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_feedback_sync_state'), ['sync_state'], unique=False)



def downgrade() -> None:
    for table in ("complaint_feedback", "complaint_event", "attachment", "complaint"):
        op.drop_table(table)
