"""Alembic environment: always run programmatically with a live connection (desktop.store.migrate)."""

from alembic import context

from desktop.store.base import Base
import desktop.store.models  # noqa: F401

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
