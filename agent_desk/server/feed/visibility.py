"""Who may see what. Enforced on every route and every id in a body, never only in the client.

- supervisors and admins see everything;
- agents see their team's conversations and those shared with them;
- experts see only conversations shared with them;
- a customer (and their orders) is visible with any conversation of theirs that is visible;
- teams, agents, SLA policies and published knowledge are visible to every signed-in user;
  draft articles only to supervisors and admins (their editors), also when a page is read after
  an article went back to draft (:func:`may_see_record`).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from agent_desk.core.enums import Role
from agent_desk.core.errors import NotFound
from agent_desk.server.auth.accounts import Viewer
from agent_desk.server.storage import schema as t


def _visible_conversation_sets(viewer: Viewer) -> list[sa.Select[tuple[str]]]:
    """Subqueries whose union is the conversation ids the viewer may see (not for supervisors)."""
    shared = sa.select(t.conversation_shares.c.conversation_id).where(
        t.conversation_shares.c.agent_id == viewer.agent_id
    )
    if viewer.role is Role.EXPERT or viewer.team_id is None:
        return [shared]
    team = sa.select(t.conversations.c.id).where(t.conversations.c.team_id == viewer.team_id)
    return [team, shared]


def _in_visible_conversations(column: sa.ColumnElement[str], viewer: Viewer) -> ColumnElement[bool]:
    return sa.or_(*(column.in_(s) for s in _visible_conversation_sets(viewer)))


def conversation_clause(viewer: Viewer) -> ColumnElement[bool]:
    if viewer.sees_everything:
        return sa.true()
    return _in_visible_conversations(t.conversations.c.id, viewer)


def visible_customer_ids(viewer: Viewer) -> sa.Select[tuple[str]]:
    return sa.select(t.conversations.c.customer_id).where(conversation_clause(viewer))


def change_clause(viewer: Viewer) -> ColumnElement[bool]:
    """Which rows of the change feed the viewer may read."""
    c = t.changes.c
    mine_or_nobodys = sa.or_(c.audience_agent_id.is_(None), c.audience_agent_id == viewer.agent_id)
    if viewer.sees_everything:
        return mine_or_nobodys
    return sa.or_(
        c.public.is_(True),
        c.audience_agent_id == viewer.agent_id,
        sa.and_(
            c.audience_agent_id.is_(None),
            c.conversation_id.is_not(None),
            _in_visible_conversations(c.conversation_id, viewer),
        ),
        sa.and_(
            c.audience_agent_id.is_(None),
            c.conversation_id.is_(None),
            c.customer_id.is_not(None),
            c.customer_id.in_(visible_customer_ids(viewer)),
        ),
    )


def can_see_conversation(conn: Connection, viewer: Viewer, conversation_id: str) -> bool:
    query = sa.select(sa.literal(1)).where(
        t.conversations.c.id == conversation_id, conversation_clause(viewer)
    )
    return conn.execute(query).first() is not None


def can_see_customer(conn: Connection, viewer: Viewer, customer_id: str) -> bool:
    exists = conn.execute(sa.select(sa.literal(1)).where(t.customers.c.id == customer_id)).first()
    if exists is None:
        return False
    if viewer.sees_everything:
        return True
    query = sa.select(sa.literal(1)).where(
        t.conversations.c.customer_id == customer_id, conversation_clause(viewer)
    )
    return conn.execute(query).first() is not None


def load_conversation(
    conn: Connection, viewer: Viewer, conversation_id: str, *, for_update: bool = False
) -> sa.Row[tuple[object, ...]]:
    """The conversation row, or NotFound if it does not exist *or* the viewer may not see it."""
    query = sa.select(t.conversations).where(
        t.conversations.c.id == conversation_id, conversation_clause(viewer)
    )
    if for_update and conn.dialect.name == "postgresql":
        query = query.with_for_update(of=t.conversations)
    row = conn.execute(query).first()
    if row is None:
        raise NotFound("conversation not found")
    return row


def may_see_record(viewer: Viewer, entity: str, data: dict[str, object]) -> bool:
    """Whether the row as it is *now* may go to the viewer, whose change row they may read.

    A page loads the current row for an older change: an article published then (a public change)
    may be a draft now, and a draft reaches only its editors.
    """
    if entity == "article" and not viewer.sees_everything:
        return data.get("status") != "draft"
    return True
