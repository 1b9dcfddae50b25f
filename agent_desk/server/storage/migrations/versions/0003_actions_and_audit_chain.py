"""resolution actions (catalog, authority policy, actions, ledger, coupons, store credit) and an
append-only, hash-chained audit log

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-08 09:00:00
"""

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

import agent_desk.server.storage.schema
from agent_desk.server.storage import audit_chain as audit

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')
ID = sa.String(length=64)
BIGPK = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def _utc() -> agent_desk.server.storage.schema.UtcDateTime:
    return agent_desk.server.storage.schema.UtcDateTime(timezone=True)


_SQLITE_TRIGGERS = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
)
_PG_TRIGGERS = (
    "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP; END $$",
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
)


def _chain_existing_rows() -> None:
    """Hash the rows written before the chain existed, in id order."""
    bind = op.get_bind()
    log = sa.table(
        'audit_log',
        sa.column('id', sa.BigInteger),
        sa.column('at', _utc()),
        sa.column('actor_id', sa.String),
        sa.column('action', sa.String),
        sa.column('entity', sa.String),
        sa.column('entity_id', sa.String),
        sa.column('detail', JSON),
        sa.column('prev_hash', sa.String),
        sa.column('hash', sa.String),
    )
    prev = audit.GENESIS
    rows = bind.execute(sa.select(log).order_by(log.c.id)).all()
    for row in rows:
        data = dict(row._mapping)
        digest = audit.row_hash(data, prev)
        bind.execute(
            sa.update(log).where(log.c.id == data['id']).values(prev_hash=prev, hash=digest)
        )
        prev = digest


def upgrade() -> None:
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('prev_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('hash', sa.String(length=64), nullable=True))
    _chain_existing_rows()
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.alter_column('prev_hash', existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column('hash', existing_type=sa.String(length=64), nullable=False)
    for statement in _PG_TRIGGERS if op.get_bind().dialect.name == 'postgresql' else _SQLITE_TRIGGERS:
        op.execute(statement)

    op.create_table('action_types',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('label_zh', sa.String(length=100), nullable=False),
    sa.Column('label_en', sa.String(length=100), nullable=False),
    sa.Column('params', JSON, nullable=False),
    sa.Column('reason_codes', JSON, nullable=False),
    sa.Column('needs_order', sa.Boolean(), nullable=False),
    sa.Column('moves_money', sa.Boolean(), nullable=False),
    sa.Column('template_zh', sa.Text(), nullable=False),
    sa.Column('template_en', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_types'))
    )
    op.create_table('authority_policies',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('limits', JSON, nullable=False),
    sa.Column('daily_total_minor', JSON, nullable=False),
    sa.Column('updated_at', _utc(), nullable=False),
    sa.Column('updated_by', ID, nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_authority_policies'))
    )
    op.create_table('actions',
    sa.Column('id', ID, nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('conversation_id', ID, nullable=False),
    sa.Column('customer_id', ID, nullable=False),
    sa.Column('order_id', ID, nullable=True),
    sa.Column('params', JSON, nullable=False),
    sa.Column('amount_minor', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('reason_code', sa.String(length=40), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('requested_by', ID, nullable=False),
    sa.Column('requested_at', _utc(), nullable=False),
    sa.Column('approval_reason', sa.Text(), nullable=False),
    sa.Column('decided_by', ID, nullable=True),
    sa.Column('decided_at', _utc(), nullable=True),
    sa.Column('decision_note', sa.Text(), nullable=False),
    sa.Column('executed_at', _utc(), nullable=True),
    sa.Column('result', JSON, nullable=False),
    sa.Column('customer_message', sa.Text(), nullable=False),
    sa.Column('error_code', sa.String(length=40), nullable=True),
    sa.Column('error_message', sa.Text(), nullable=True),
    sa.Column('authorized_by', ID, nullable=True),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], name=op.f('fk_actions_conversation_id_conversations')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_actions_customer_id_customers')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_actions_order_id_orders')),
    sa.ForeignKeyConstraint(['requested_by'], ['agents.id'], name=op.f('fk_actions_requested_by_agents')),
    sa.ForeignKeyConstraint(['decided_by'], ['agents.id'], name=op.f('fk_actions_decided_by_agents')),
    sa.ForeignKeyConstraint(['authorized_by'], ['agents.id'], name=op.f('fk_actions_authorized_by_agents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actions'))
    )
    with op.batch_alter_table('actions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_actions_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_actions_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_actions_order_id'), ['order_id'], unique=False)
        batch_op.create_index('ix_actions_authorized_by_executed_at', ['authorized_by', 'executed_at'], unique=False)
        batch_op.create_index('ix_actions_status', ['status'], unique=False)

    op.create_table('ledger',
    sa.Column('id', BIGPK, autoincrement=True, nullable=False),
    sa.Column('action_id', ID, nullable=False),
    sa.Column('order_id', ID, nullable=True),
    sa.Column('customer_id', ID, nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('amount_minor', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('detail', JSON, nullable=False),
    sa.Column('created_at', _utc(), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['actions.id'], name=op.f('fk_ledger_action_id_actions')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_ledger_order_id_orders')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_ledger_customer_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger')),
    sa.UniqueConstraint('action_id', name=op.f('uq_ledger_action_id'))
    )
    with op.batch_alter_table('ledger', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ledger_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ledger_customer_id'), ['customer_id'], unique=False)

    op.create_table('coupons',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('customer_id', ID, nullable=False),
    sa.Column('action_id', ID, nullable=False),
    sa.Column('value_minor', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('expires_at', _utc(), nullable=False),
    sa.Column('created_at', _utc(), nullable=False),
    sa.Column('redeemed_at', _utc(), nullable=True),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_coupons_customer_id_customers')),
    sa.ForeignKeyConstraint(['action_id'], ['actions.id'], name=op.f('fk_coupons_action_id_actions')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_coupons')),
    sa.UniqueConstraint('action_id', name=op.f('uq_coupons_action_id'))
    )
    with op.batch_alter_table('coupons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coupons_customer_id'), ['customer_id'], unique=False)

    op.create_table('store_credit',
    sa.Column('customer_id', ID, nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('balance_minor', sa.BigInteger(), nullable=False),
    sa.Column('updated_at', _utc(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_store_credit_customer_id_customers')),
    sa.PrimaryKeyConstraint('customer_id', 'currency', name=op.f('pk_store_credit'))
    )


def downgrade() -> None:
    op.drop_table('store_credit')
    op.drop_table('coupons')
    op.drop_table('ledger')
    op.drop_table('actions')
    op.drop_table('authority_policies')
    op.drop_table('action_types')
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_column('hash')
        batch_op.drop_column('prev_hash')
