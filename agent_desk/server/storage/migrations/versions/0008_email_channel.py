"""the email channel: mailbox cursors and health, Message-IDs and threads, originals,
attachments, failed mail and bounce suppression

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 18:00:00
"""

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)
JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "mail_suppressions",
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.Column("bounces", sa.Integer(), nullable=False),
        sa.Column("first_bounce_at", WHEN, nullable=False),
        sa.Column("last_bounce_at", WHEN, nullable=False),
        sa.Column("suppressed_until", WHEN, nullable=True),
        sa.Column("last_reason", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("address", name=op.f("pk_mail_suppressions")),
    )
    op.create_table(
        "failed_mail",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("connection_id", sa.String(length=64), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=False),
        sa.Column("uid", sa.BigInteger(), nullable=False),
        sa.Column("header_id", sa.String(length=512), nullable=True),
        sa.Column("from_address", sa.String(length=320), nullable=True),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["connection_id"],
            ["channel_connections.id"],
            name=op.f("fk_failed_mail_connection_id_channel_connections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_failed_mail")),
        sa.UniqueConstraint(
            "connection_id",
            "uidvalidity",
            "uid",
            name=op.f("uq_failed_mail_connection_id_uidvalidity_uid"),
        ),
    )
    op.create_index(
        "ix_failed_mail_connection_status", "failed_mail", ["connection_id", "status"], unique=False
    )
    op.create_table(
        "mail_state",
        sa.Column("connection_id", sa.String(length=64), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=True),
        sa.Column("last_uid", sa.BigInteger(), nullable=False),
        sa.Column("last_fetch_at", WHEN, nullable=True),
        sa.Column("last_error", sa.String(length=300), nullable=True),
        sa.Column("last_error_kind", sa.String(length=16), nullable=True),
        sa.Column("last_error_at", WHEN, nullable=True),
        sa.Column("backlog", sa.Integer(), nullable=False),
        sa.Column("fetched", sa.BigInteger(), nullable=False),
        sa.Column("claimed_by", sa.String(length=64), nullable=True),
        sa.Column("claimed_until", WHEN, nullable=True),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["connection_id"],
            ["channel_connections.id"],
            name=op.f("fk_mail_state_connection_id_channel_connections"),
        ),
        sa.PrimaryKeyConstraint("connection_id", name=op.f("pk_mail_state")),
    )
    op.create_table(
        "mail_threads",
        sa.Column("conversation_id", sa.String(length=64), nullable=False),
        sa.Column("token", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.Column("connection_id", sa.String(length=64), nullable=True),
        sa.Column("created_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["connection_id"],
            ["channel_connections.id"],
            name=op.f("fk_mail_threads_connection_id_channel_connections"),
        ),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name=op.f("fk_mail_threads_conversation_id_conversations"),
        ),
        sa.PrimaryKeyConstraint("conversation_id", name=op.f("pk_mail_threads")),
        sa.UniqueConstraint("token", name=op.f("uq_mail_threads_token")),
    )
    op.create_table(
        "attachments",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("message_id", sa.String(length=64), nullable=False),
        sa.Column("conversation_id", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("content_type", sa.String(length=127), nullable=False),
        sa.Column("declared_type", sa.String(length=127), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("inline", sa.Boolean(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name=op.f("fk_attachments_conversation_id_conversations"),
        ),
        sa.ForeignKeyConstraint(
            ["message_id"], ["messages.id"], name=op.f("fk_attachments_message_id_messages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    op.create_index(op.f("ix_attachments_message_id"), "attachments", ["message_id"], unique=False)
    op.create_table(
        "mail_originals",
        sa.Column("message_id", sa.String(length=64), nullable=False),
        sa.Column("header_id", sa.String(length=512), nullable=False),
        sa.Column("from_address", sa.String(length=320), nullable=True),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column(
            "headers",
            JSON,
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("html_only", sa.Boolean(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["message_id"], ["messages.id"], name=op.f("fk_mail_originals_message_id_messages")
        ),
        sa.PrimaryKeyConstraint("message_id", name=op.f("pk_mail_originals")),
    )
    op.create_table(
        "mail_ids",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("connection_id", sa.String(length=64), nullable=True),
        sa.Column("header_id", sa.String(length=512), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("conversation_id", sa.String(length=64), nullable=True),
        sa.Column("message_id", sa.String(length=64), nullable=True),
        sa.Column("delivery_id", sa.String(length=64), nullable=True),
        sa.Column("created_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["connection_id"],
            ["channel_connections.id"],
            name=op.f("fk_mail_ids_connection_id_channel_connections"),
        ),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name=op.f("fk_mail_ids_conversation_id_conversations"),
        ),
        sa.ForeignKeyConstraint(
            ["delivery_id"], ["deliveries.id"], name=op.f("fk_mail_ids_delivery_id_deliveries")
        ),
        sa.ForeignKeyConstraint(
            ["message_id"], ["messages.id"], name=op.f("fk_mail_ids_message_id_messages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_ids")),
        sa.UniqueConstraint("header_id", "direction", name=op.f("uq_mail_ids_header_id_direction")),
    )


def downgrade() -> None:
    op.drop_table("mail_ids")
    op.drop_table("mail_originals")
    op.drop_index(op.f("ix_attachments_message_id"), table_name="attachments")
    op.drop_table("attachments")
    op.drop_table("mail_threads")
    op.drop_table("mail_state")
    op.drop_index("ix_failed_mail_connection_status", table_name="failed_mail")
    op.drop_table("failed_mail")
    op.drop_table("mail_suppressions")
