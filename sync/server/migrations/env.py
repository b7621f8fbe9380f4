"""Alembic environment of the HQ database: migrations run on the connection db.migrate hands over."""

from alembic import context

from sync.server.models import Base

target_metadata = Base.metadata
connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
