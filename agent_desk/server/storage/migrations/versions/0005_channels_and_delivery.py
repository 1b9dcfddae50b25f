"""channels and delivery: channel connections, the deliveries outbox, delivery state on messages

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 12:00:00
"""

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('delivery_status', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('delivery_error', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('delivery_updated_at', WHEN, nullable=True))
    op.create_table(
        'channel_connections',
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('name', sa.String(length=80), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('channel', sa.String(length=16), nullable=False),
        sa.Column('settings', JSON, nullable=False),
        sa.Column('secret_ciphertext', sa.Text(), nullable=False),
        sa.Column('enabled', sa.Boolean(), nullable=False),
        sa.Column('created_at', WHEN, nullable=False),
        sa.Column('updated_at', WHEN, nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_channel_connections')),
        sa.UniqueConstraint('name', name=op.f('uq_channel_connections_name')),
    )
    op.create_index(
        op.f('ix_channel_connections_channel'), 'channel_connections', ['channel'], unique=False
    )
    op.create_table(
        'deliveries',
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('message_id', sa.String(length=64), nullable=False),
        sa.Column('conversation_id', sa.String(length=64), nullable=False),
        sa.Column('connection_id', sa.String(length=64), nullable=True),
        sa.Column('channel', sa.String(length=16), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('next_attempt_at', WHEN, nullable=False),
        sa.Column('claimed_until', WHEN, nullable=True),
        sa.Column('last_error', sa.String(length=300), nullable=True),
        sa.Column('last_status_code', sa.Integer(), nullable=True),
        sa.Column('queued_at', WHEN, nullable=False),
        sa.Column('created_at', WHEN, nullable=False),
        sa.Column('updated_at', WHEN, nullable=False),
        sa.Column('sent_at', WHEN, nullable=True),
        sa.ForeignKeyConstraint(
            ['connection_id'], ['channel_connections.id'],
            name=op.f('fk_deliveries_connection_id_channel_connections'),
        ),
        sa.ForeignKeyConstraint(
            ['conversation_id'], ['conversations.id'],
            name=op.f('fk_deliveries_conversation_id_conversations'),
        ),
        sa.ForeignKeyConstraint(
            ['message_id'], ['messages.id'], name=op.f('fk_deliveries_message_id_messages')
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_deliveries')),
        sa.UniqueConstraint('message_id', name=op.f('uq_deliveries_message_id')),
    )
    op.create_index(
        op.f('ix_deliveries_connection_id'), 'deliveries', ['connection_id'], unique=False
    )
    op.create_index('ix_deliveries_due', 'deliveries', ['status', 'next_attempt_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_deliveries_due', table_name='deliveries')
    op.drop_index(op.f('ix_deliveries_connection_id'), table_name='deliveries')
    op.drop_table('deliveries')
    op.drop_index(op.f('ix_channel_connections_channel'), table_name='channel_connections')
    op.drop_table('channel_connections')
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_column('delivery_updated_at')
        batch_op.drop_column('delivery_error')
        batch_op.drop_column('delivery_status')
