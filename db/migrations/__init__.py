"""Alembic migrations of the schema; run through ``db.migrate`` (``policy-check db upgrade``)."""
