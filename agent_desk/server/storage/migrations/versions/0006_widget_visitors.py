"""the web chat widget's visitor sessions

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 13:00:00
"""

from alembic import op
import sqlalchemy as sa

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        'widget_visitors',
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('connection_id', sa.String(length=64), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('customer_id', sa.String(length=64), nullable=False),
        sa.Column('verified', sa.Boolean(), nullable=False),
        sa.Column('created_at', WHEN, nullable=False),
        sa.Column('expires_at', WHEN, nullable=False),
        sa.Column('last_seen_at', WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ['connection_id'], ['channel_connections.id'],
            name=op.f('fk_widget_visitors_connection_id_channel_connections'),
        ),
        sa.ForeignKeyConstraint(
            ['customer_id'], ['customers.id'], name=op.f('fk_widget_visitors_customer_id_customers')
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_widget_visitors')),
        sa.UniqueConstraint('token_hash', name=op.f('uq_widget_visitors_token_hash')),
    )
    op.create_index(
        op.f('ix_widget_visitors_customer_id'), 'widget_visitors', ['customer_id'], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f('ix_widget_visitors_customer_id'), table_name='widget_visitors')
    op.drop_table('widget_visitors')
