"""The roster: search columns on clients, notes and follow-ups, document checklists, audit log.

``name_key`` (normalised name, for duplicates and search) and ``zone`` are filled in from each
client's stored profile.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from db.names import normalise_name

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _backfill_search_columns() -> None:
    clients = sa.table(
        "clients",
        sa.column("id", sa.Integer()),
        sa.column("name", sa.String()),
        sa.column("profile", _JSON),
        sa.column("name_key", sa.String()),
        sa.column("zone", sa.String()),
    )
    connection = op.get_bind()
    rows = connection.execute(sa.select(clients.c.id, clients.c.name, clients.c.profile)).all()
    updates: list[dict[str, Any]] = [
        {"row_id": row.id, "key": normalise_name(row.name), "zone": row.profile.get("zone")}
        for row in rows
    ]
    if updates:
        connection.execute(
            clients.update()
            .where(clients.c.id == sa.bindparam("row_id"))
            .values(name_key=sa.bindparam("key"), zone=sa.bindparam("zone")),
            updates,
        )


def upgrade() -> None:
    op.add_column(
        "clients", sa.Column("name_key", sa.String(200), server_default="", nullable=False)
    )
    op.add_column("clients", sa.Column("zone", sa.String(40), nullable=True))
    _backfill_search_columns()
    op.create_index("ix_clients_name_key", "clients", ["name_key"])
    op.create_index("ix_clients_zone", "clients", ["zone"])
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.CheckConstraint("kind IN ('note', 'visit', 'follow_up')", name="ck_notes_kind"),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name="fk_notes_client_id_clients", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_notes"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_notes_client_id", "notes", ["client_id"])
    op.create_table(
        "checklist_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.String(10), nullable=False),
        sa.Column("document", sa.String(500), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.CheckConstraint(
            "status IN ('needed', 'received', 'not_needed')", name="ck_checklist_items_status"
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name="fk_checklist_items_client_id_clients",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_checklist_items"),
        sa.UniqueConstraint(
            "client_id",
            "measure_id",
            "document",
            name="uq_checklist_items_client_id_measure_id_document",
        ),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("detail", _JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_client_id", "audit_log", ["client_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_client_id", table_name="audit_log")
    op.drop_index("ix_audit_log_at", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_table("checklist_items")
    op.drop_index("ix_notes_client_id", table_name="notes")
    op.drop_table("notes")
    op.drop_index("ix_clients_zone", table_name="clients")
    op.drop_index("ix_clients_name_key", table_name="clients")
    with op.batch_alter_table("clients", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("zone")
        batch.drop_column("name_key")
