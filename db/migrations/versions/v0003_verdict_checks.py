"""Verdict checks: a client's latest verdicts found unchanged under a newer pack.

After a pack update, ``policy-check clients assess --all`` saves a new frozen assessment only for
the clients whose verdicts changed; for the others it records here that their latest assessment
was checked against the new pack, so the roster stops marking them as made with older rules.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "verdict_checks",
        sa.Column("client_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("pack_id", sa.String(100), nullable=False),
        sa.Column("pack_version", sa.String(50), nullable=False),
        sa.Column("pack_sha256", sa.String(64), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("checked_at", sa.DateTime(), nullable=False),
        sa.Column("checked_by", sa.String(100), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name="fk_verdict_checks_client_id_clients",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name="fk_verdict_checks_assessment_id_assessments",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("client_id", name="pk_verdict_checks"),
    )
    op.create_index("ix_verdict_checks_assessment_id", "verdict_checks", ["assessment_id"])


def downgrade() -> None:
    op.drop_index("ix_verdict_checks_assessment_id", table_name="verdict_checks")
    op.drop_table("verdict_checks")
