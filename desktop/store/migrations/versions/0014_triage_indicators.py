"""triage and the city's indicators: police hand-offs, the ward's official figures per year, after-handling
photos of complaints (attachment.phase) and why an on-site complaint was closed without one, cross-ward
CCCD matches as the server last told them

Revision ID: 0014_triage_indicators
Revises: 0012_sync_hardening
"""
from alembic import op
import sqlalchemy as sa


revision = '0014_triage_indicators'
down_revision = '0013_households'
branch_labels = None
depends_on = None


def _bookkeeping() -> list[sa.Column]:
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
    op.create_table(
        'police_handoff',
        sa.Column('resident_id', sa.String(length=36), nullable=False),
        sa.Column('help_session_id', sa.String(length=36), nullable=True),
        sa.Column('reason', sa.String(length=40), nullable=False),
        sa.Column('needed', sa.String(length=200), nullable=False),
        sa.Column('since', sa.Date(), nullable=False),
        sa.Column('state', sa.String(length=12), nullable=False),
        sa.Column('closed_on', sa.Date(), nullable=True),
        sa.Column('closed_by', sa.String(length=120), nullable=False),
        sa.Column('notes', sa.Text(), nullable=False),
        *_bookkeeping(),
        sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], name=op.f('fk_police_handoff_resident_id_resident')),
        sa.ForeignKeyConstraint(['help_session_id'], ['help_session.id'],
                                name=op.f('fk_police_handoff_help_session_id_help_session')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_police_handoff')),
    )
    with op.batch_alter_table('police_handoff', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_police_handoff_resident_id'), ['resident_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_police_handoff_since'), ['since'], unique=False)
        batch_op.create_index(batch_op.f('ix_police_handoff_state'), ['state'], unique=False)
        batch_op.create_index(batch_op.f('ix_police_handoff_sync_state'), ['sync_state'], unique=False)
    op.create_table(
        'ward_figures',
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('population_15_plus', sa.Integer(), nullable=False),
        sa.Column('smartphone_owners_15_plus', sa.Integer(), nullable=True),
        sa.Column('households', sa.Integer(), nullable=True),
        sa.Column('officials', sa.Integer(), nullable=True),
        sa.Column('source', sa.Text(), nullable=False),
        *_bookkeeping(),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_ward_figures')),
    )
    with op.batch_alter_table('ward_figures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ward_figures_year'), ['year'], unique=False)
        batch_op.create_index(batch_op.f('ix_ward_figures_sync_state'), ['sync_state'], unique=False)
    op.create_table(
        'cross_ward_match',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('record_id', sa.String(length=36), nullable=False),
        sa.Column('other_ward', sa.String(length=5), nullable=False),
        sa.Column('other_name', sa.String(length=200), nullable=False),
        sa.Column('other_birth_year', sa.Integer(), nullable=True),
        sa.Column('moved', sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_cross_ward_match')),
    )
    with op.batch_alter_table('cross_ward_match', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cross_ward_match_record_id'), ['record_id'], unique=False)
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phase', sa.String(length=8), nullable=False, server_default='truoc'))
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.add_column(sa.Column('no_after_photo_reason', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.drop_column('no_after_photo_reason')
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_column('phase')
    op.drop_table('cross_ward_match')
    op.drop_table('ward_figures')
    op.drop_table('police_handoff')
