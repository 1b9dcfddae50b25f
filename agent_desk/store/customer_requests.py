"""What each conversation's customer asks, worked out once and kept (the queue row's text).

The rule is :mod:`agent_desk.core.customer_request`; the scenario is the knowledge index's
(:meth:`KnowledgeIndex.scenario_of`). A row of ``customer_requests`` keeps the seq of the newest
customer message it was worked out from, so a conversation is read again only when its customer
wrote since (or, while no scenario was found, when the articles changed). The queue asks for the
rows it is about to show (a window of ids): 20,000 conversations cost nothing until they are
scrolled to, and a new message costs one conversation's worth. Derived data, local only: no
change-set, nothing in the outbox.
"""

from __future__ import annotations

from collections.abc import Sequence

from agent_desk.core.customer_request import (
    RECENT_MESSAGES,
    customer_request,
    has_content,
    scenario_text,
    settled_scenario,
)
from agent_desk.store.knowledge import KnowledgeIndex
from agent_desk.store.store import Store

_CHUNK = 500  # ids per IN (...) list


class CustomerRequests:
    """Keeps ``customer_requests`` current for the conversations asked about.

    Args:
        index: the knowledge index whose scenario model reads the scenario (None: no scenarios).
    """

    def __init__(self, store: Store, index: KnowledgeIndex | None) -> None:
        self.store = store
        self.index = index
        self.worked_out = 0  # conversations (re)computed so far (for tests and the bench)

    def ensure(self, ids: Sequence[str]) -> int:
        """Work out the request of each of ``ids`` whose row is missing or out of date; returns
        how many were (re)computed."""
        if not ids:
            return 0
        generation = self.knowledge()
        done = 0
        for start in range(0, len(ids), _CHUNK):
            done += self._ensure(list(ids[start : start + _CHUNK]), generation)
        self.worked_out += done
        return done

    def knowledge(self) -> str | None:
        """The generation of the indexed articles (it changes whenever they do: a row without
        a scenario may then get one)."""
        return self.index.generation() if self.index is not None else None

    def _ensure(self, ids: list[str], generation: str | None) -> int:
        marks = ", ".join("?" for _ in ids)
        known = self.store.rows(
            "SELECT c.id, c.subject, COALESCE((SELECT max(m.seq) FROM messages m "
            " WHERE m.conversation_id = c.id AND m.kind = 'inbound'), 0) AS newest, "
            "r.inbound_seq, r.scenario, r.knowledge "
            "FROM conversations c LEFT JOIN customer_requests r ON r.conversation_id = c.id "
            f"WHERE c.id IN ({marks})",
            ids,
        )
        stale = [
            row
            for row in known
            if row["inbound_seq"] is None
            or row["inbound_seq"] != row["newest"]
            or (row["scenario"] is None and row["knowledge"] != generation)
        ]
        if not stale:
            return 0
        said = self._recent([str(row["id"]) for row in stale])
        worked: list[tuple[str, int, str | None, str, str | None]] = []
        for row in stale:
            conv_id = str(row["id"])
            messages = said.get(conv_id, [])
            bodies = [body for _seq, body in messages]
            subject = str(row["subject"] or "")
            text = customer_request(bodies, subject)
            detected = None
            if self.index is not None:  # the tag goes with the text shown; else the whole case
                detected = self.index.scenario_of(text).scenario or (
                    self.index.scenario_of(scenario_text(bodies, subject)).scenario
                )
            since = int(row["inbound_seq"] or 0)
            scenario = settled_scenario(
                row["scenario"],
                detected,
                new_content=any(seq > since and has_content(body) for seq, body in messages),
            )
            worked.append((conv_id, int(row["newest"]), scenario, text, generation))
        self._write(worked)
        return len(worked)

    def _recent(self, ids: list[str]) -> dict[str, list[tuple[int, str]]]:
        """The last few customer messages of each conversation, oldest first, with their seq."""
        marks = ", ".join("?" for _ in ids)
        out: dict[str, list[tuple[int, str]]] = {}
        for conv_id, seq, body in self.store.conn.execute(
            "SELECT conversation_id, seq, body FROM ("
            " SELECT conversation_id, seq, body, row_number() OVER ("
            "  PARTITION BY conversation_id ORDER BY seq DESC) AS n "
            f" FROM messages WHERE kind = 'inbound' AND conversation_id IN ({marks})"
            ") WHERE n <= ? ORDER BY conversation_id, seq",
            [*ids, RECENT_MESSAGES],
        ):
            out.setdefault(str(conv_id), []).append((int(seq or 0), str(body or "")))
        return out

    def _write(self, rows: list[tuple[str, int, str | None, str, str | None]]) -> None:
        conn = self.store.conn
        sql = (
            "INSERT INTO customer_requests (conversation_id, inbound_seq, scenario, text, "
            "knowledge) VALUES (?, ?, ?, ?, ?) ON CONFLICT (conversation_id) DO UPDATE SET "
            "inbound_seq = excluded.inbound_seq, scenario = excluded.scenario, "
            "text = excluded.text, knowledge = excluded.knowledge"
        )
        if conn.in_transaction:  # a write of the caller's is open: join it
            conn.executemany(sql, rows)
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.executemany(sql, rows)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
