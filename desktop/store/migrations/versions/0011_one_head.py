"""Merge the area branches into one head.

Revision ID: 0011_one_head
Revises: 0003_outreach, 0004_complaints, 0006_people, 0008_sync_held, 0010_resident_ids_fts

The areas (search, outreach, complaints, sync, people) began as branches of 0001_foundation.
From here on there is one line of history: a new migration names the single head as its
down_revision (tests/unit/test_migration_history.py fails on a second head). There is no
0009: that number was given to a migration that was never merged.
"""

revision = "0011_one_head"
down_revision = ("0003_outreach", "0004_complaints", "0006_people", "0008_sync_held", "0010_resident_ids_fts")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
