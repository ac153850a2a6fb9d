"""server initial

Revision ID: 0001_server
Revises: 
"""
from alembic import op
import sqlalchemy as sa


revision = '0001_server'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('blob',
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('received', sa.BigInteger(), nullable=False),
    sa.Column('complete', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('content_hash', name=op.f('pk_blob'))
    )
    op.create_table('blob_ward',
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('ward_code', sa.String(length=5), nullable=False),
    sa.PrimaryKeyConstraint('content_hash', 'ward_code', name=op.f('pk_blob_ward'))
    )
    op.create_table('device',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('ward_code', sa.String(length=5), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('revoked_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_device')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_device_token_hash'))
    )
    with op.batch_alter_table('device', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_device_ward_code'), ['ward_code'], unique=False)

    op.create_table('enrolment_code',
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('ward_code', sa.String(length=5), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('expires_at', sa.String(length=32), nullable=False),
    sa.Column('used_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('code_hash', name=op.f('pk_enrolment_code'))
    )
    op.create_table('record',
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('ward_code', sa.String(length=5), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'record_id', name=op.f('pk_record'))
    )
    with op.batch_alter_table('record', schema=None) as batch_op:
        batch_op.create_index('ix_record_ward_kind', ['ward_code', 'kind'], unique=False)
        batch_op.create_index('ix_record_ward_seq', ['ward_code', 'seq'], unique=True)

    op.create_table('record_version',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('change_id', sa.String(length=36), nullable=False),
    sa.Column('payload_hash', sa.String(length=64), nullable=False),
    sa.Column('fields', sa.Text(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_record_version')),
    sa.UniqueConstraint('change_id', name=op.f('uq_record_version_change_id')),
    sa.UniqueConstraint('kind', 'record_id', 'version', name='uq_record_version_kind_record_version')
    )
    op.create_table('ward_state',
    sa.Column('ward_code', sa.String(length=5), nullable=False),
    sa.Column('last_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('ward_code', name=op.f('pk_ward_state'))
    )


def downgrade() -> None:
    op.drop_table('ward_state')
    op.drop_table('record_version')
    with op.batch_alter_table('record', schema=None) as batch_op:
        batch_op.drop_index('ix_record_ward_seq')
        batch_op.drop_index('ix_record_ward_kind')

    op.drop_table('record')
    op.drop_table('enrolment_code')
    with op.batch_alter_table('device', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_device_ward_code'))

    op.drop_table('device')
    op.drop_table('blob_ward')
    op.drop_table('blob')
