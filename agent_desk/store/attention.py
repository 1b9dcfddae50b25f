"""What the attention watcher reads from the cache: the watched conversations and the unread count.

Both run after every applied change-set, so both must stay cheap with 20,000 conversations in the
cache: each side of the union walks one conversations index (``(assignee_id, status)`` or
``(team_id, status)``), and the per-conversation lookups go through the messages index
``(conversation_id, seq)`` and the read states' primary key.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import cast

from agent_desk.core.attention import Watched, WatchedView
from agent_desk.store.local import Me
from agent_desk.store.store import Store

_CHUNK = 500  # ids per IN (...) list: well under SQLite's limit on bound variables

# The newest customer message's seq: walks the conversation's messages newest first and stops at
# the first inbound one (usually the first or second it looks at), instead of reading them all.
_INBOUND_SEQ = (
    "(SELECT m.seq FROM messages m WHERE m.conversation_id = c.id AND m.kind = 'inbound' "
    "AND m.seq IS NOT NULL ORDER BY m.seq DESC LIMIT 1)"
)
_COLUMNS = (
    "c.id, cu.name AS customer_name, c.last_message_preview AS preview, "
    f"{_INBOUND_SEQ} AS inbound_seq, c.waiting_since, c.response_due_at, c.response_breach_at"
)
_WATCHED_STATUS = "c.status NOT IN ('resolved', 'snoozed')"
_WATCHED_SQL = (
    f"SELECT 'mine' AS view, {_COLUMNS} FROM conversations c "
    "LEFT JOIN customers cu ON cu.id = c.customer_id "
    f"WHERE c.assignee_id = :me AND {_WATCHED_STATUS} {{only}} "
    "UNION ALL "
    f"SELECT 'unassigned' AS view, {_COLUMNS} FROM conversations c "
    "LEFT JOIN customers cu ON cu.id = c.customer_id "
    f"WHERE c.assignee_id IS NULL AND c.team_id IS :team AND {_WATCHED_STATUS} {{only}}"
)

# Same rule as queries.queue_rows (inbound messages after the agent's last read seq), summed over
# Mine (assignee is me, not resolved). A read state's id is "<conversation id>:<agent id>" on the
# server and in local effects alike, so the lookup uses the primary key.
_UNREAD_SQL = (
    "SELECT count(*) FROM conversations c JOIN messages m ON m.conversation_id = c.id "
    "WHERE c.assignee_id = :me AND c.status != 'resolved' AND m.kind = 'inbound' "
    "AND m.seq > COALESCE((SELECT r.last_read_seq FROM read_states r "
    "WHERE r.id = c.id || ':' || :me AND r.agent_id = :me), 0)"
)


def watched(store: Store, me: Me, ids: Collection[str] | None = None) -> list[Watched]:
    """The open conversations in Mine and Unassigned (not resolved, not snoozed).

    Args:
        ids: only these conversations (those of a change-set); ``None``: all of them.
    """
    params: dict[str, object] = {"me": me.agent_id, "team": me.team_id}
    if ids is None:
        return _watched(store.conn.execute(_WATCHED_SQL.format(only=""), params).fetchall())
    found: list[Watched] = []
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ", ".join(f":id{n}" for n in range(len(chunk)))
        chunk_params = dict(params, **{f"id{n}": value for n, value in enumerate(chunk)})
        sql = _WATCHED_SQL.format(only=f"AND c.id IN ({marks})")
        found += _watched(store.conn.execute(sql, chunk_params).fetchall())
    return found


def _time(value: str | None) -> datetime | None:
    # the cache's one form ("...Z"); fromisoformat reads the Z itself since Python 3.11
    return datetime.fromisoformat(value) if value else None


_VIEWS = {view.value: view for view in WatchedView}


def _watched(rows: list[tuple[object, ...]]) -> list[Watched]:
    return [
        Watched(
            id=str(conv_id),
            view=_VIEWS[str(view)],
            customer_name=str(name or ""),
            preview=str(preview or ""),
            inbound_seq=int(cast(int, inbound_seq) or 0),
            waiting_since=_time(cast("str | None", waiting_since)),
            response_due_at=_time(cast("str | None", due)),
            response_breach_at=_time(cast("str | None", breach)),
        )
        for view, conv_id, name, preview, inbound_seq, waiting_since, due, breach in rows
    ]


def unread_total(store: Store, me: Me) -> int:
    """Customer messages in Mine the agent has not read yet."""
    found = store.conn.execute(_UNREAD_SQL, {"me": me.agent_id}).fetchone()
    return int(found[0]) if found else 0
