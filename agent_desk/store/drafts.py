"""What the agent was writing, per conversation: local only, kept across restarts and resets."""

from __future__ import annotations

from dataclasses import dataclass

from agent_desk.store.store import Store, Tx, now_text


@dataclass(frozen=True, slots=True)
class Draft:
    body: str
    note_mode: bool
    updated_at: str


def load(store: Store, conversation_id: str) -> Draft | None:
    row = store.row(
        "SELECT body, note_mode, updated_at FROM drafts WHERE conversation_id = ?",
        (conversation_id,),
    )
    if row is None:
        return None
    return Draft(row["body"], bool(row["note_mode"]), row["updated_at"])


def save(store: Store, conversation_id: str, body: str, note_mode: bool) -> None:
    """Keep the draft; an empty one (only whitespace, not in note mode) is forgotten."""
    with store.transaction() as tx:
        if not body.strip() and not note_mode:
            discard(tx, conversation_id)
            return
        tx.conn.execute(
            "INSERT INTO drafts (conversation_id, body, note_mode, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (conversation_id) DO UPDATE SET body = excluded.body, "
            "note_mode = excluded.note_mode, updated_at = excluded.updated_at",
            (conversation_id, body, int(note_mode), now_text()),
        )


def discard(tx: Tx, conversation_id: str) -> None:
    """Inside the transaction that sends the text: a crash can never resurrect a sent draft."""
    tx.conn.execute("DELETE FROM drafts WHERE conversation_id = ?", (conversation_id,))
