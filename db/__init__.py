"""Persistence: SQLAlchemy models, sessions, repositories and migrations. No Qt here."""
