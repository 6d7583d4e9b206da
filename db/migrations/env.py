"""Alembic's environment: migrations run on the connection ``db.migrate`` hands over.

``db.migrate`` owns the transaction (and, on SQLite, the write lock and the switched-off foreign
keys), so the whole upgrade commits or rolls back as one. There is no offline (``--sql``) mode.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from db.models import Base


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError("run migrations through db.migrate (policy-check db upgrade)")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        transactional_ddl=True,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
