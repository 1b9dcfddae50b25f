"""Tables of the server database (SQLAlchemy Core). Alembic migrations mirror this file."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)


class UtcDateTime(sa.TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores them naive)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # pragma: no cover - defensive, SQLite returns datetime
            value = datetime.fromisoformat(value)
        moment: datetime = value
        if moment.tzinfo is None:
            return moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)


JSONType = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
BigIntPK = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
ID = sa.String(64)

server_meta = sa.Table(
    "server_meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

teams = sa.Table(
    "teams",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
)

agents = sa.Table(
    "agents",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("username", sa.String(128), nullable=False, unique=True),
    sa.Column("display_name", sa.String(200), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("team_id", ID, sa.ForeignKey("teams.id"), nullable=True),
    sa.Column("skills", JSONType, nullable=False),
    sa.Column("presence", sa.String(16), nullable=False),
    sa.Column("max_concurrent", sa.Integer, nullable=False),
    sa.Column("locale", sa.String(16), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
)

auth_tokens = sa.Table(
    "auth_tokens",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("agent_id", ID, sa.ForeignKey("agents.id"), nullable=False, index=True),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("expires_at", UtcDateTime, nullable=False),
    sa.Column("revoked_at", UtcDateTime, nullable=True),
)

customers = sa.Table(
    "customers",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("attributes", JSONType, nullable=False),
    sa.Column("tags", JSONType, nullable=False),
    sa.Column("lifecycle_stage", sa.String(16), nullable=False),
    sa.Column("value_tier", sa.String(16), nullable=False),
    sa.Column("lifetime_value_minor", sa.BigInteger, nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("agent_note", sa.Text, nullable=False),
    sa.Column("locale", sa.String(16), nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
)

customer_identities = sa.Table(
    "customer_identities",
    metadata,
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("value", sa.String(320), primary_key=True),
    sa.Column("customer_id", ID, sa.ForeignKey("customers.id"), nullable=False, index=True),
    sa.Column("verified", sa.Boolean, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
)

orders = sa.Table(
    "orders",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("order_no", sa.String(64), nullable=False, unique=True),
    sa.Column("customer_id", ID, sa.ForeignKey("customers.id"), nullable=False, index=True),
    sa.Column("status", sa.String(24), nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("total_minor", sa.BigInteger, nullable=False),
    sa.Column("lines", JSONType, nullable=False),
    sa.Column("payment", JSONType, nullable=False),
    sa.Column("shipment", JSONType, nullable=False),
    sa.Column("placed_at", UtcDateTime, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
)

conversations = sa.Table(
    "conversations",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("customer_id", ID, sa.ForeignKey("customers.id"), nullable=False, index=True),
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("subject", sa.String(300), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("priority", sa.String(16), nullable=False),
    sa.Column("assignee_id", ID, sa.ForeignKey("agents.id"), nullable=True, index=True),
    sa.Column("team_id", ID, sa.ForeignKey("teams.id"), nullable=True, index=True),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
    sa.Column("last_message_at", UtcDateTime, nullable=True),
    sa.Column("last_message_preview", sa.String(200), nullable=False),
    sa.Column("message_count", sa.Integer, nullable=False),
    sa.Column("snoozed_until", UtcDateTime, nullable=True),
    sa.Column("resolved_at", UtcDateTime, nullable=True),
    sa.Column("waiting_since", UtcDateTime, nullable=True),
    sa.Column("first_response_at", UtcDateTime, nullable=True),
    sa.Column("response_due_at", UtcDateTime, nullable=True),
    sa.Column("response_breach_at", UtcDateTime, nullable=True),
    sa.Column("resolution_due_at", UtcDateTime, nullable=True),
    sa.Column("resolution_breach_at", UtcDateTime, nullable=True),
    sa.Column("csat_score", sa.Integer, nullable=True),
)

conversation_shares = sa.Table(
    "conversation_shares",
    metadata,
    sa.Column("conversation_id", ID, sa.ForeignKey("conversations.id"), primary_key=True),
    sa.Column("agent_id", ID, sa.ForeignKey("agents.id"), primary_key=True, index=True),
    sa.Column("shared_by", ID, sa.ForeignKey("agents.id"), nullable=True),
    sa.Column("created_at", UtcDateTime, nullable=False),
)

read_states = sa.Table(
    "read_states",
    metadata,
    sa.Column("conversation_id", ID, sa.ForeignKey("conversations.id"), primary_key=True),
    sa.Column("agent_id", ID, sa.ForeignKey("agents.id"), primary_key=True),
    sa.Column("last_read_seq", sa.Integer, nullable=False),
    sa.Column("read_at", UtcDateTime, nullable=False),
)

messages = sa.Table(
    "messages",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("conversation_id", ID, sa.ForeignKey("conversations.id"), nullable=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("author_agent_id", ID, sa.ForeignKey("agents.id"), nullable=True),
    sa.Column("author_customer_id", ID, sa.ForeignKey("customers.id"), nullable=True),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("attachments", JSONType, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("external_key", sa.String(256), nullable=True, unique=True),
    # an outbound message's way to the customer (channels.delivery): queued, sent, delivered,
    # read or failed; NULL for customers' messages and notes
    sa.Column("delivery_status", sa.String(16), nullable=True),
    sa.Column("delivery_error", sa.String(300), nullable=True),
    sa.Column("delivery_updated_at", UtcDateTime, nullable=True),
    sa.UniqueConstraint("conversation_id", "seq"),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("title", sa.String(300), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("scenario", sa.String(64), nullable=False, index=True),
    sa.Column("tags", JSONType, nullable=False),
    sa.Column("locale", sa.String(16), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
    # how agents used it (article.feedback), so the client can rank by it
    sa.Column("inserted_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("helpful_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("not_helpful_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("updated_by", ID, nullable=True),
    # "customer": an answer agents send; "internal": guidance for agents, never sent
    sa.Column("audience", sa.String(16), nullable=False, server_default="customer"),
)

scenarios = sa.Table(
    "scenarios",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),  # the articles' scenario key
    sa.Column("label", sa.String(200), nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
)

article_feedback = sa.Table(
    "article_feedback",
    metadata,
    sa.Column("id", BigIntPK, primary_key=True, autoincrement=True),
    sa.Column("article_id", ID, nullable=False, index=True),
    sa.Column("agent_id", ID, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("conversation_id", ID, nullable=True),
    sa.Column("at", UtcDateTime, nullable=False),
)

sla_policies = sa.Table(
    "sla_policies",
    metadata,
    sa.Column("channel", sa.String(16), primary_key=True),
    sa.Column("first_response_target_s", sa.Integer, nullable=False),
    sa.Column("first_response_breach_s", sa.Integer, nullable=False),
    sa.Column("next_response_target_s", sa.Integer, nullable=False),
    sa.Column("next_response_breach_s", sa.Integer, nullable=False),
    sa.Column("resolution_target_s", sa.Integer, nullable=False),
    sa.Column("resolution_breach_s", sa.Integer, nullable=False),
)

applied_mutations = sa.Table(
    "applied_mutations",
    metadata,
    sa.Column("client_id", sa.String(64), primary_key=True),
    sa.Column("mutation_id", sa.String(64), primary_key=True),
    sa.Column("agent_id", ID, sa.ForeignKey("agents.id"), nullable=False),
    sa.Column("name", sa.String(64), nullable=False),
    sa.Column("args_digest", sa.String(64), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("result", JSONType, nullable=True),
    sa.Column("error", JSONType, nullable=True),
    sa.Column("applied_at", UtcDateTime, nullable=False),
)

changes = sa.Table(
    "changes",
    metadata,
    sa.Column("seq", BigIntPK, primary_key=True, autoincrement=True),
    sa.Column("entity", sa.String(32), nullable=False),
    sa.Column("entity_id", sa.String(160), nullable=False),
    sa.Column("op", sa.String(8), nullable=False),
    # Who may see it (see ChangeFeed.visible_clause): public rows, one agent's own rows,
    # rows of a conversation, and rows of a customer.
    sa.Column("public", sa.Boolean, nullable=False),
    sa.Column("audience_agent_id", ID, nullable=True, index=True),
    sa.Column("conversation_id", ID, nullable=True, index=True),
    sa.Column("customer_id", ID, nullable=True, index=True),
    sa.Column("at", UtcDateTime, nullable=False),
)

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", BigIntPK, primary_key=True, autoincrement=True),
    sa.Column("at", UtcDateTime, nullable=False),
    sa.Column("actor_id", ID, nullable=True),
    sa.Column("action", sa.String(64), nullable=False),
    sa.Column("entity", sa.String(32), nullable=True),
    sa.Column("entity_id", sa.String(160), nullable=True),
    sa.Column("detail", JSONType, nullable=False),
    # the hash chain (audit.py): sha256 over the row's canonical JSON and the previous hash
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)

# --- resolution actions (issue 6) -----------------------------------------------------------

action_types = sa.Table(  # the catalog, written by migrate() from catalog.py
    "action_types",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("label_zh", sa.String(100), nullable=False),
    sa.Column("label_en", sa.String(100), nullable=False),
    sa.Column("params", JSONType, nullable=False),
    sa.Column("reason_codes", JSONType, nullable=False),
    sa.Column("needs_order", sa.Boolean, nullable=False),
    sa.Column("moves_money", sa.Boolean, nullable=False),
    sa.Column("template_zh", sa.Text, nullable=False),
    sa.Column("template_en", sa.Text, nullable=False),
)

authority_policies = sa.Table(
    "authority_policies",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),  # "current"
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("limits", JSONType, nullable=False),
    sa.Column("daily_total_minor", JSONType, nullable=False),
    # {"window_days", "customer_total_minor"}: core.authority's cumulative settings
    sa.Column("cumulative", JSONType, nullable=False, server_default="{}"),
    sa.Column("updated_at", UtcDateTime, nullable=False),
    sa.Column("updated_by", ID, nullable=True),
)

actions = sa.Table(
    "actions",
    metadata,
    sa.Column("id", ID, primary_key=True),  # the client's action_id
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("status", sa.String(24), nullable=False),
    sa.Column("conversation_id", ID, sa.ForeignKey("conversations.id"), nullable=False, index=True),
    sa.Column("customer_id", ID, sa.ForeignKey("customers.id"), nullable=False, index=True),
    sa.Column("order_id", ID, sa.ForeignKey("orders.id"), nullable=True, index=True),
    sa.Column("params", JSONType, nullable=False),
    sa.Column("amount_minor", sa.BigInteger, nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("reason_code", sa.String(40), nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("requested_by", ID, sa.ForeignKey("agents.id"), nullable=False),
    sa.Column("requested_at", UtcDateTime, nullable=False),
    sa.Column("approval_reason", sa.Text, nullable=False),
    sa.Column("decided_by", ID, sa.ForeignKey("agents.id"), nullable=True),
    sa.Column("decided_at", UtcDateTime, nullable=True),
    sa.Column("decision_note", sa.Text, nullable=False),
    sa.Column("executed_at", UtcDateTime, nullable=True),
    sa.Column("result", JSONType, nullable=False),
    sa.Column("customer_message", sa.Text, nullable=False),
    sa.Column("error_code", sa.String(40), nullable=True),
    sa.Column("error_message", sa.Text, nullable=True),
    # whose authority it ran on (the requester, or the approver): today's totals sum by it
    sa.Column("authorized_by", ID, sa.ForeignKey("agents.id"), nullable=True),
    sa.Index("ix_actions_authorized_by_executed_at", "authorized_by", "executed_at"),
    sa.Index("ix_actions_status", "status"),
)

ledger = sa.Table(  # the built-in commerce adapter's money and goods movements
    "ledger",
    metadata,
    sa.Column("id", BigIntPK, primary_key=True, autoincrement=True),
    sa.Column("action_id", ID, sa.ForeignKey("actions.id"), nullable=False, unique=True),
    sa.Column("order_id", ID, sa.ForeignKey("orders.id"), nullable=True, index=True),
    sa.Column("customer_id", ID, sa.ForeignKey("customers.id"), nullable=False, index=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("amount_minor", sa.BigInteger, nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("detail", JSONType, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
)

coupons = sa.Table(
    "coupons",
    metadata,
    sa.Column("code", sa.String(32), primary_key=True),
    sa.Column("customer_id", ID, sa.ForeignKey("customers.id"), nullable=False, index=True),
    sa.Column("action_id", ID, sa.ForeignKey("actions.id"), nullable=False, unique=True),
    sa.Column("value_minor", sa.BigInteger, nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("expires_at", UtcDateTime, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("redeemed_at", UtcDateTime, nullable=True),
)

store_credit = sa.Table(  # one balance per customer and currency
    "store_credit",
    metadata,
    sa.Column("customer_id", ID, sa.ForeignKey("customers.id"), primary_key=True),
    sa.Column("currency", sa.String(3), primary_key=True),
    sa.Column("balance_minor", sa.BigInteger, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
)

channel_connections = sa.Table(  # how a channel reaches Agent Desk and how replies reach it
    "channel_connections",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("name", sa.String(80), nullable=False, unique=True),
    sa.Column("kind", sa.String(16), nullable=False),  # widget, webhook (email: its own issue)
    sa.Column("channel", sa.String(16), nullable=False, index=True),
    sa.Column("settings", JSONType, nullable=False),
    sa.Column("secret_ciphertext", sa.Text, nullable=False),  # encrypted with the server key
    sa.Column("enabled", sa.Boolean, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
)

deliveries = sa.Table(  # the transactional outbox: one row per outbound message
    "deliveries",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("message_id", ID, sa.ForeignKey("messages.id"), nullable=False, unique=True),
    sa.Column("conversation_id", ID, sa.ForeignKey("conversations.id"), nullable=False),
    sa.Column(
        "connection_id", ID, sa.ForeignKey("channel_connections.id"), nullable=True, index=True
    ),
    sa.Column("channel", sa.String(16), nullable=False),
    # queued → sending → sent → delivered → read; or failed (with the reason)
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("next_attempt_at", UtcDateTime, nullable=False),
    sa.Column("claimed_until", UtcDateTime, nullable=True),  # a sender's lease
    sa.Column("last_error", sa.String(300), nullable=True),
    sa.Column("last_status_code", sa.Integer, nullable=True),
    sa.Column("queued_at", UtcDateTime, nullable=False),  # the current round began (re-queue)
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
    sa.Column("sent_at", UtcDateTime, nullable=True),
    sa.Index("ix_deliveries_due", "status", "next_attempt_at"),
)

widget_visitors = sa.Table(  # a web chat visitor's session: an opaque token, stored hashed
    "widget_visitors",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("connection_id", ID, sa.ForeignKey("channel_connections.id"), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("customer_id", ID, sa.ForeignKey("customers.id"), nullable=False, index=True),
    sa.Column("verified", sa.Boolean, nullable=False),  # the shop signed who the visitor is
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("expires_at", UtcDateTime, nullable=False),
    sa.Column("last_seen_at", UtcDateTime, nullable=False),
)

# --- the email channel --------------------------------------------------------------------------

mail_state = sa.Table(  # one mailbox's cursor and health, per email connection
    "mail_state",
    metadata,
    sa.Column("connection_id", ID, sa.ForeignKey("channel_connections.id"), primary_key=True),
    sa.Column("uidvalidity", sa.BigInteger, nullable=True),  # the mailbox's; a change resets
    sa.Column("last_uid", sa.BigInteger, nullable=False),  # everything up to it is committed
    sa.Column("last_fetch_at", UtcDateTime, nullable=True),  # the last poll that worked
    sa.Column("last_error", sa.String(300), nullable=True),
    sa.Column("last_error_kind", sa.String(16), nullable=True),  # auth, tls, network, protocol
    sa.Column("last_error_at", UtcDateTime, nullable=True),
    sa.Column("backlog", sa.Integer, nullable=False),  # mail seen on the server, not yet taken
    sa.Column("fetched", sa.BigInteger, nullable=False),  # mail taken in since it was added
    sa.Column("claimed_by", sa.String(64), nullable=True),  # the server process polling it
    sa.Column("claimed_until", UtcDateTime, nullable=True),
    sa.Column("updated_at", UtcDateTime, nullable=False),
)

mail_ids = sa.Table(  # every Message-ID we received or sent, and the conversation it belongs to
    "mail_ids",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("connection_id", ID, sa.ForeignKey("channel_connections.id"), nullable=True),
    sa.Column("header_id", sa.String(512), nullable=False),  # normalised "<local@domain>"
    sa.Column("direction", sa.String(8), nullable=False),  # in, out
    sa.Column("conversation_id", ID, sa.ForeignKey("conversations.id"), nullable=True),
    sa.Column("message_id", ID, sa.ForeignKey("messages.id"), nullable=True),
    sa.Column("delivery_id", ID, sa.ForeignKey("deliveries.id"), nullable=True),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.UniqueConstraint("header_id", "direction"),
)

mail_threads = sa.Table(  # an email conversation's subject, token and customer address
    "mail_threads",
    metadata,
    sa.Column("conversation_id", ID, sa.ForeignKey("conversations.id"), primary_key=True),
    sa.Column("token", sa.String(16), nullable=False, unique=True),  # "[#AD-7Q3XK9]"
    sa.Column("subject", sa.String(300), nullable=False),
    sa.Column("address", sa.String(320), nullable=False),  # where replies go
    # the mailbox it came in on: replies go out through the same connection
    sa.Column("connection_id", ID, sa.ForeignKey("channel_connections.id"), nullable=True),
    sa.Column("created_at", UtcDateTime, nullable=False),
)

mail_originals = sa.Table(  # a received mail as it came (headers and full text), for the agent
    "mail_originals",
    metadata,
    sa.Column("message_id", ID, sa.ForeignKey("messages.id"), primary_key=True),
    sa.Column("header_id", sa.String(512), nullable=False),
    sa.Column("from_address", sa.String(320), nullable=True),
    sa.Column("subject", sa.String(300), nullable=False),
    sa.Column("headers", JSONType, nullable=False),  # [[name, value], …], decoded
    sa.Column("text", sa.Text, nullable=False),  # the whole body, quotes and all, plain text
    sa.Column("html_only", sa.Boolean, nullable=False),
    sa.Column("size", sa.Integer, nullable=False),  # the raw mail's bytes
    sa.Column("created_at", UtcDateTime, nullable=False),
)

attachments = sa.Table(  # files customers sent, kept by the server; agents download on request
    "attachments",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("message_id", ID, sa.ForeignKey("messages.id"), nullable=False, index=True),
    sa.Column("conversation_id", ID, sa.ForeignKey("conversations.id"), nullable=False),
    sa.Column("filename", sa.String(255), nullable=False),  # sanitised
    sa.Column("content_type", sa.String(127), nullable=False),  # sniffed from the bytes
    sa.Column("declared_type", sa.String(127), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("inline", sa.Boolean, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
)

failed_mail = sa.Table(  # mail not taken in: refused (too large, unparseable) or ignored (loops)
    "failed_mail",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("connection_id", ID, sa.ForeignKey("channel_connections.id"), nullable=False),
    sa.Column("uidvalidity", sa.BigInteger, nullable=False),
    sa.Column("uid", sa.BigInteger, nullable=False),
    sa.Column("header_id", sa.String(512), nullable=True),
    sa.Column("from_address", sa.String(320), nullable=True),
    sa.Column("subject", sa.String(300), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("code", sa.String(32), nullable=False),  # too_large, unparseable, auto_reply, bounce…
    sa.Column("reason", sa.String(500), nullable=False),
    # failed (an admin may reprocess it), ignored (a loop or noise, kept for the record),
    # reprocess (asked for: the poller fetches it again), done (reprocessed and taken in)
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
    sa.UniqueConstraint("connection_id", "uidvalidity", "uid"),
    sa.Index("ix_failed_mail_connection_status", "connection_id", "status"),
)

mail_suppressions = sa.Table(  # addresses that keep bouncing: not written to for a while
    "mail_suppressions",
    metadata,
    sa.Column("address", sa.String(320), primary_key=True),
    sa.Column("bounces", sa.Integer, nullable=False),  # permanent bounces in the current window
    sa.Column("first_bounce_at", UtcDateTime, nullable=False),
    sa.Column("last_bounce_at", UtcDateTime, nullable=False),
    sa.Column("suppressed_until", UtcDateTime, nullable=True),
    sa.Column("last_reason", sa.String(300), nullable=False),
)
