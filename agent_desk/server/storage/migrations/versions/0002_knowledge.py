"""knowledge: article usage counts, scenarios, article feedback

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 09:00:00
"""

from alembic import op
import sqlalchemy as sa
import agent_desk.server.storage.schema

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('inserted_count', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('helpful_count', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('not_helpful_count', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('updated_by', sa.String(length=64), nullable=True))
    op.create_table('scenarios',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('updated_at', agent_desk.server.storage.schema.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scenarios'))
    )
    op.create_table('article_feedback',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=64), nullable=False),
    sa.Column('agent_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('conversation_id', sa.String(length=64), nullable=True),
    sa.Column('at', agent_desk.server.storage.schema.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_article_feedback'))
    )
    with op.batch_alter_table('article_feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_feedback_article_id'), ['article_id'], unique=False)
    # every scenario the existing articles name becomes a scenario record
    op.execute(
        "INSERT INTO scenarios (id, label, updated_at) "
        "SELECT scenario, scenario, MAX(updated_at) FROM articles GROUP BY scenario"
    )


def downgrade() -> None:
    with op.batch_alter_table('article_feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_article_feedback_article_id'))
    op.drop_table('article_feedback')
    op.drop_table('scenarios')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_column('updated_by')
        batch_op.drop_column('not_helpful_count')
        batch_op.drop_column('helpful_count')
        batch_op.drop_column('inserted_count')
