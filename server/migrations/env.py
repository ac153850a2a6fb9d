"""Alembic environment for the server: run programmatically with a live connection (server.db.upgrade)."""

from alembic import context

from server.db import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
