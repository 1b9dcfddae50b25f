"""The local cache's tables, and their migrations (``PRAGMA user_version``).

The tables mirror the protocol's entities; a few local columns say what only this client knows
(a reply's delivery state). ``outbox`` holds mutations not yet acknowledged, ``rejections`` the
ones the server refused, ``shadows`` the server's version of rows that pending mutations changed
locally (so a rebase can start again from the server's state), ``sync_state`` the cursor.
"""

from __future__ import annotations

import sqlite3

_V1 = """
CREATE TABLE teams (id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE agents (
    id TEXT PRIMARY KEY, username TEXT NOT NULL, display_name TEXT NOT NULL, role TEXT NOT NULL,
    team_id TEXT, skills TEXT NOT NULL DEFAULT '[]', presence TEXT NOT NULL,
    max_concurrent INTEGER NOT NULL, locale TEXT, active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE customers (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, identities TEXT NOT NULL DEFAULT '[]',
    attributes TEXT NOT NULL DEFAULT '{}', tags TEXT NOT NULL DEFAULT '[]',
    lifecycle_stage TEXT, value_tier TEXT, lifetime_value_minor INTEGER, currency TEXT,
    agent_note TEXT NOT NULL DEFAULT '', locale TEXT, created_at TEXT, updated_at TEXT
);
CREATE TABLE customer_identities (
    customer_id TEXT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (kind, value, customer_id)
);
CREATE INDEX ix_identities_customer ON customer_identities (customer_id);
CREATE TABLE orders (
    id TEXT PRIMARY KEY, order_no TEXT NOT NULL, customer_id TEXT NOT NULL, status TEXT NOT NULL,
    currency TEXT NOT NULL, total_minor INTEGER NOT NULL, lines TEXT NOT NULL DEFAULT '[]',
    payment TEXT NOT NULL DEFAULT '{}', shipment TEXT NOT NULL DEFAULT '{}',
    placed_at TEXT, updated_at TEXT
);
CREATE INDEX ix_orders_customer ON orders (customer_id, placed_at);
CREATE INDEX ix_orders_no ON orders (order_no);
CREATE TABLE conversations (
    id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, channel TEXT NOT NULL, subject TEXT NOT NULL,
    status TEXT NOT NULL, priority TEXT NOT NULL, assignee_id TEXT, team_id TEXT,
    created_at TEXT, updated_at TEXT, last_message_at TEXT,
    last_message_preview TEXT NOT NULL DEFAULT '', message_count INTEGER NOT NULL DEFAULT 0,
    snoozed_until TEXT, resolved_at TEXT, waiting_since TEXT, first_response_at TEXT,
    response_due_at TEXT, response_breach_at TEXT, resolution_due_at TEXT,
    resolution_breach_at TEXT, csat_score INTEGER
);
CREATE INDEX ix_conversations_assignee ON conversations (assignee_id, status);
CREATE INDEX ix_conversations_team ON conversations (team_id, status);
CREATE INDEX ix_conversations_customer ON conversations (customer_id, created_at);
CREATE TABLE messages (
    id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, kind TEXT NOT NULL,
    author_agent_id TEXT, author_customer_id TEXT, body TEXT NOT NULL,
    attachments TEXT NOT NULL DEFAULT '[]', created_at TEXT, seq INTEGER,
    delivery TEXT NOT NULL DEFAULT 'sent',          -- sent | queued | failed (local)
    error_code TEXT, error_message TEXT             -- why a queued message failed
);
CREATE INDEX ix_messages_conversation ON messages (conversation_id, seq);
CREATE TABLE articles (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL, scenario TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]', locale TEXT NOT NULL, status TEXT NOT NULL,
    version INTEGER NOT NULL, updated_at TEXT
);
CREATE TABLE sla_policies (
    id TEXT PRIMARY KEY, channel TEXT NOT NULL, first_response_target_s INTEGER NOT NULL,
    first_response_breach_s INTEGER NOT NULL, next_response_target_s INTEGER NOT NULL,
    next_response_breach_s INTEGER NOT NULL, resolution_target_s INTEGER NOT NULL,
    resolution_breach_s INTEGER NOT NULL
);
CREATE TABLE conversation_shares (
    id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, agent_id TEXT NOT NULL,
    shared_by TEXT, created_at TEXT
);
CREATE INDEX ix_shares_agent ON conversation_shares (agent_id);
CREATE TABLE read_states (
    id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, agent_id TEXT NOT NULL,
    last_read_seq INTEGER NOT NULL, read_at TEXT
);
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    mutation_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, args TEXT NOT NULL,
    created_at TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT,
    state TEXT NOT NULL DEFAULT 'pending'    -- pending | acked (applied, awaiting the pull)
);
CREATE TABLE rejections (
    mutation_id TEXT PRIMARY KEY, name TEXT NOT NULL, args TEXT NOT NULL, code TEXT NOT NULL,
    message TEXT NOT NULL, created_at TEXT NOT NULL, rejected_at TEXT NOT NULL,
    acknowledged INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE shadows (
    entity TEXT NOT NULL, id TEXT NOT NULL, data TEXT,   -- NULL: the server has no such row
    PRIMARY KEY (entity, id)
);
CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT);
"""

# Local only: what the agent was writing, per conversation (kept across restarts and resets).
_V2 = """
CREATE TABLE drafts (
    conversation_id TEXT PRIMARY KEY, body TEXT NOT NULL, note_mode INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
"""

# Knowledge: scenarios (the company's own), how agents used each article.
_V3 = """
CREATE TABLE scenarios (id TEXT PRIMARY KEY, label TEXT NOT NULL, updated_at TEXT);
ALTER TABLE articles ADD COLUMN inserted_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN helpful_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN not_helpful_count INTEGER NOT NULL DEFAULT 0;
"""

# Resolution actions: the catalog, the authority policy, actions (requested, queued here,
# pending approval, executed…) and today's usage of the agent's authority.
_V4 = """
CREATE TABLE action_types (
    id TEXT PRIMARY KEY, label_zh TEXT NOT NULL, label_en TEXT NOT NULL,
    params TEXT NOT NULL DEFAULT '[]', reason_codes TEXT NOT NULL DEFAULT '[]',
    needs_order INTEGER NOT NULL DEFAULT 1, moves_money INTEGER NOT NULL DEFAULT 1,
    template_zh TEXT NOT NULL, template_en TEXT NOT NULL
);
CREATE TABLE authority_policies (
    id TEXT PRIMARY KEY, version INTEGER NOT NULL, currency TEXT NOT NULL,
    limits TEXT NOT NULL DEFAULT '[]', daily_total_minor TEXT NOT NULL DEFAULT '{}',
    updated_at TEXT
);
CREATE TABLE actions (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, status TEXT NOT NULL,
    conversation_id TEXT NOT NULL, customer_id TEXT NOT NULL, order_id TEXT,
    params TEXT NOT NULL DEFAULT '{}', amount_minor INTEGER NOT NULL DEFAULT 0,
    currency TEXT NOT NULL, reason_code TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
    requested_by TEXT NOT NULL, requested_at TEXT, approval_reason TEXT NOT NULL DEFAULT '',
    decided_by TEXT, decided_at TEXT, decision_note TEXT NOT NULL DEFAULT '',
    executed_at TEXT, result TEXT NOT NULL DEFAULT '{}', customer_message TEXT NOT NULL DEFAULT '',
    error_code TEXT, error_message TEXT,
    delivery TEXT NOT NULL DEFAULT 'sent'   -- sent | queued (not yet at the server) | refused
);
CREATE INDEX ix_actions_conversation ON actions (conversation_id, requested_at);
CREATE INDEX ix_actions_customer ON actions (customer_id, requested_at);
CREATE INDEX ix_actions_status ON actions (status);
CREATE TABLE authority_usages (
    id TEXT PRIMARY KEY, agent_id TEXT NOT NULL, day TEXT NOT NULL,
    used_minor INTEGER NOT NULL DEFAULT 0, currency TEXT NOT NULL
);
"""

# Cumulative authority: the policy's window and per-customer totals (core.authority).
_V5 = """
ALTER TABLE authority_policies ADD COLUMN cumulative TEXT NOT NULL DEFAULT '{}';
"""

# Delivery to the customer: the server's state of an outbound message (channels).
_V6 = """
ALTER TABLE messages ADD COLUMN delivery_status TEXT;
ALTER TABLE messages ADD COLUMN delivery_error TEXT;
"""

# Knowledge: whom an article is written for, "customer" (an answer to send) or "internal"
# (guidance for agents, never put into a reply). A cache that already holds articles pulls
# everything again (the cursor is forgotten): its rows would otherwise all read "customer"
# until each article happened to change on the server.
_V7 = """
ALTER TABLE articles ADD COLUMN audience TEXT NOT NULL DEFAULT 'customer';
DELETE FROM sync_state WHERE key = 'cursor' AND EXISTS (SELECT 1 FROM articles);
"""

# Local only: what each conversation's customer asks (the queue row's scenario and text), and
# the newest customer message it was worked out from (``store/customer_requests.py``).
_V8 = """
CREATE TABLE customer_requests (
    conversation_id TEXT PRIMARY KEY, inbound_seq INTEGER NOT NULL, scenario TEXT,
    text TEXT NOT NULL, knowledge TEXT    -- the knowledge index generation the scenario is from
);
"""

MIGRATIONS: list[str] = [_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the file to the newest schema; returns the version it was at."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise RuntimeError(
            f"the cache was written by a newer Agent Desk (schema {version} > {SCHEMA_VERSION})"
        )
    for index in range(version, SCHEMA_VERSION):
        # executescript commits whatever is open first, so the transaction is inside the script
        try:
            conn.executescript(
                f"BEGIN IMMEDIATE;\n{MIGRATIONS[index]}\n"
                f"PRAGMA user_version = {index + 1};\nCOMMIT;"
            )
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return version
