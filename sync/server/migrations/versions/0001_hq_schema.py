"""HQ schema: reps, tokens, records' teams, field values, change log, push answers

Revision ID: hq0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "hq0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hq_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "hq_counter",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
    )
    op.execute("INSERT INTO hq_counter (id, value) VALUES (1, 0)")
    op.create_table(
        "hq_rep",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(128), nullable=False, unique=True),
        sa.Column("team", sa.String(64), nullable=False),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "hq_token",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("rep_id", sa.Integer(), sa.ForeignKey("hq_rep.id"), nullable=False, index=True),
        sa.Column("secret_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "hq_record",
        sa.Column("entity", sa.String(32), primary_key=True),
        sa.Column("record_id", sa.String(36), primary_key=True),
        sa.Column("team", sa.String(64), nullable=False, index=True),
    )
    op.create_table(
        "hq_field",
        sa.Column("entity", sa.String(32), primary_key=True),
        sa.Column("record_id", sa.String(36), primary_key=True),
        sa.Column("field", sa.String(64), primary_key=True),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("hlc", sa.String(64), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("ref", sa.String(36), nullable=True),
    )
    op.create_index("ix_hq_field_ref", "hq_field", ["field", "ref"])
    op.create_table(
        "hq_change",
        sa.Column("seq", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("change_id", sa.String(80), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("hlc", sa.String(64), nullable=False),
        sa.Column("team", sa.String(64), nullable=False),
        sa.Column("replaced_hlc", sa.String(64), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_hq_change_team_seq", "hq_change", ["team", "seq"])
    op.create_index("ix_hq_change_record", "hq_change", ["entity", "record_id", "field"])
    op.create_table(
        "hq_batch",
        sa.Column("rep_id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("batch_id", sa.String(80), primary_key=True),
        sa.Column("response", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False, index=True),
    )


def downgrade() -> None:
    for name in ("hq_batch", "hq_change", "hq_field", "hq_record", "hq_token", "hq_rep",
                 "hq_counter", "hq_meta"):
        op.drop_table(name)
