"""No duplicate clients under concurrency: ``clients.name_claim``, a unique normalised name.

A client without a credit code claims its normalised name (``name_key``); the unique index on the
claim makes the database refuse a second client of that name even when two desks add it at the
same moment (the credit code was already unique). A client with a credit code claims nothing.

Rows that already collide are kept, never merged or deleted: of the clients without a credit code
that share a normalised name, the oldest (lowest id) gets the claim and the later ones keep
``name_claim`` NULL, as a namesake confirmed to be another company does. The upgrade logs how many
were left so; ``policy-check db check`` counts them (``docs/reliability.md``).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

log = logging.getLogger(__name__)


def _claim_names() -> None:
    clients = sa.table(
        "clients",
        sa.column("id", sa.Integer()),
        sa.column("name_key", sa.String()),
        sa.column("credit_code", sa.String()),
        sa.column("name_claim", sa.String()),
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(clients.c.id, clients.c.name_key)
        .where(clients.c.credit_code.is_(None), clients.c.name_key != "")
        .order_by(clients.c.id)
    ).all()
    claims: dict[str, int] = {}
    for row in rows:
        claims.setdefault(row.name_key, row.id)
    if claims:
        connection.execute(
            clients.update()
            .where(clients.c.id == sa.bindparam("row_id"))
            .values(name_claim=sa.bindparam("claim")),
            [{"row_id": row_id, "claim": key} for key, row_id in claims.items()],
        )
    if len(rows) > len(claims):
        log.warning(
            "%d client(s) without a credit code share a normalised name with an older one: "
            "kept, without a name claim",
            len(rows) - len(claims),
        )


def upgrade() -> None:
    op.add_column("clients", sa.Column("name_claim", sa.String(200), nullable=True))
    _claim_names()
    op.create_index("ix_clients_name_claim", "clients", ["name_claim"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_clients_name_claim", table_name="clients")
    with op.batch_alter_table("clients", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("name_claim")
