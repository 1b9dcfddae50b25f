"""cumulative authority: the policy's window and per-customer totals

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 09:00:00
"""

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade() -> None:
    with op.batch_alter_table('authority_policies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cumulative', JSON, server_default='{}', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('authority_policies', schema=None) as batch_op:
        batch_op.drop_column('cumulative')
