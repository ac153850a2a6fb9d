"""sync hardening: enrolment survives a lost answer (the device key that redeemed a code), uploads bound
to the device that declared them (expiring), ward codes of five digits

Revision ID: 0002_sync_hardening
Revises: 0001_server
"""
from alembic import op
import sqlalchemy as sa


revision = '0002_sync_hardening'
down_revision = '0001_server'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('device', schema=None) as batch_op:
        batch_op.add_column(sa.Column('key_hash', sa.String(length=64), nullable=False, server_default=''))
    with op.batch_alter_table('enrolment_code', schema=None) as batch_op:
        batch_op.add_column(sa.Column('device_id', sa.String(length=36), nullable=True))
    op.create_table('blob_upload',
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('ward_code', sa.String(length=5), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('received', sa.BigInteger(), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('content_hash', 'device_id', name=op.f('pk_blob_upload'))
    )
    # Declarations made before uploads were bound to a device: whoever declared first blocked everyone.
    op.execute("DELETE FROM blob WHERE complete = false")
    # `enroll --ward-code 166` stored "166"; every ward code is the five-digit official one.
    conn = op.get_bind()
    for table in ('enrolment_code', 'device'):
        for (code,) in conn.execute(sa.text(f"SELECT DISTINCT ward_code FROM {table}")).all():
            if code.isdigit() and len(code) < 5:
                conn.execute(sa.text(f"UPDATE {table} SET ward_code = :new WHERE ward_code = :old"),
                             {"new": code.zfill(5), "old": code})


def downgrade() -> None:
    op.drop_table('blob_upload')
    with op.batch_alter_table('enrolment_code', schema=None) as batch_op:
        batch_op.drop_column('device_id')
    with op.batch_alter_table('device', schema=None) as batch_op:
        batch_op.drop_column('key_hash')
